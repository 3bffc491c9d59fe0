//! An article's body: its typed blocks as HTML elements. Text is always text, never markup.

use crate::components::article_list::later_chunks;
use crate::components::picture::{sizes, Picture};
use crate::content::{limits, Block, Emphasis, Inline, RichText};
use crate::site::use_site;
use leptos::prelude::*;

/// How many more blocks each frame adds to a body longer than `check` allows.
const BLOCKS_PER_FRAME: usize = 500;

/// The blocks in order; unknown block types are skipped.
///
/// A body of more blocks than `check` lets a newsroom publish (a file a host served anyway)
/// shows that many at once and adds the rest a frame at a time, so that opening it does not
/// hold the page for long. Every publishable body is drawn whole, in the rendered page too.
#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    // Even where the reader's place is kept (a reload, back and forward), which a list honours
    // by drawing itself whole: a place that far down a body beyond the limit is not worth a
    // tab that stops responding.
    let mut first = blocks;
    let rest = first.split_off(first.len().min(limits::BLOCKS));
    // A picture that opens the body is the article's lead picture, on the first screen.
    let first = first
        .into_iter()
        .enumerate()
        .map(|(i, b)| block_at(b, i == 0))
        .collect_view();
    let later = later_chunks(rest, BLOCKS_PER_FRAME, block);
    view! { <div class="article-body" data-testid="article-body">{first}{later}</div> }
}

fn block(block: Block) -> AnyView {
    block_at(block, false)
}

/// A block; `lead` for the body's first.
fn block_at(block: Block, lead: bool) -> AnyView {
    let site = use_site();
    match block {
        Block::Paragraph { text } => view! { <p>{rich(text)}</p> }.into_any(),
        Block::Heading { text } => view! { <h2>{text}</h2> }.into_any(),
        Block::Quote { text, label } => view! {
            <blockquote class="highlight">
                {label.map(|l| view! { <p class="highlight__label">{l}</p> })}
                <p class="highlight__text">{text}</p>
            </blockquote>
        }
        .into_any(),
        // A picture no page may load is left out, as an unknown block is.
        Block::Image { image, caption } => match site.asset_href(&image.src) {
            Some(src) => view! {
                <figure class="figure">
                    <Picture alt=image.alt.clone() image src sizes=sizes::BODY eager=lead />
                    {(!caption.is_empty()).then(|| view! { <figcaption>{caption}</figcaption> })}
                </figure>
            }
            .into_any(),
            None => ().into_any(),
        },
        Block::List { ordered: true, items } => view! { <ol>{items.into_iter().map(|i| view! { <li>{rich(i)}</li> }).collect_view()}</ol> }.into_any(),
        Block::List { ordered: false, items } => view! { <ul>{items.into_iter().map(|i| view! { <li>{rich(i)}</li> }).collect_view()}</ul> }.into_any(),
        Block::Unknown => ().into_any(),
    }
}

/// Text with its links and stress; a link whose target may not be followed shows as its text alone.
fn rich(text: RichText) -> AnyView {
    match text {
        RichText::Plain(text) => text.into_any(),
        RichText::Runs(runs) => {
            let site = use_site();
            runs.into_iter()
                .map(|run| match run {
                    Inline::Text(text) => text.into_any(),
                    Inline::Link { text, href } => match site.content_href(&href) {
                        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
                        None => text.into_any(),
                    },
                    Inline::Emphasis {
                        text,
                        emphasis: Emphasis::Em,
                    } => view! { <em>{text}</em> }.into_any(),
                    Inline::Emphasis {
                        text,
                        emphasis: Emphasis::Strong,
                    } => view! { <strong>{text}</strong> }.into_any(),
                })
                .collect_view()
                .into_any()
        }
    }
}
