//! An article's body: its typed blocks as HTML elements. Text is always text, never markup.

use crate::content::{Block, Inline, RichText};
use crate::site::use_site;
use leptos::prelude::*;

/// The blocks in order; unknown block types are skipped.
#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="article-body" data-testid="article-body">{blocks.into_iter().map(block).collect_view()}</div> }
}

fn block(block: Block) -> AnyView {
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
                    <img loading="lazy" decoding="async" src=src alt=image.alt width=image.width height=image.height />
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

/// Text with its links; a link whose target may not be followed shows as its text alone.
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
                })
                .collect_view()
                .into_any()
        }
    }
}
