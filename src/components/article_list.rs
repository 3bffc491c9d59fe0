//! Lists of articles: a section's page, the home page's blocks, "Các tin khác".

use crate::components::picture::{sizes, Picture};
use crate::components::view_count::ViewCount;
use crate::content::{Image, Summary};
use crate::site::{use_site, Site};
use crate::strings::use_strings;
use leptos::prelude::*;

/// How many items a list shows in its first frame: more than a phone or a desktop screen holds.
pub const FIRST_ITEMS: usize = 20;
/// How many more items each following frame adds to a long list.
pub const ITEMS_PER_FRAME: usize = 60;

/// Each article's title as a link, its time, lead, thumbnail and view count; or a line saying
/// there is nothing yet.
///
/// A long list shows its first [`FIRST_ITEMS`] at once and adds the rest a frame at a time, so
/// that the top of the list is on screen without waiting for the bottom and no single task
/// blocks the page. A page that keeps the reader's position (see
/// [`crate::route_focus::keeps_position`]) gets the whole list at once.
#[component]
pub fn ArticleList(
    articles: Vec<Summary>,
    /// Show the lead under each title.
    #[prop(default = true)]
    leads: bool,
    /// Show thumbnails where there are some.
    #[prop(default = true)]
    thumbnails: bool,
) -> impl IntoView {
    let t = use_strings();
    if articles.is_empty() {
        return view! { <p class="empty" data-testid="empty">{t.no_articles}</p> }.into_any();
    }
    // The list is built once per page of content and never reordered in place, so a keyed
    // `For` would only add a per-row owner and a key hash to every item.
    let site = use_site();
    let item = move |deferred| {
        let site = site.clone();
        move |summary| view! { <ArticleItem summary site=site.clone() leads thumbnails deferred /> }
    };
    let mut first = articles;
    let rest = if crate::route_focus::keeps_position() {
        Vec::new()
    } else {
        first.split_off(first.len().min(FIRST_ITEMS))
    };
    let first = first.into_iter().map(item(false)).collect_view();
    let later = later_chunks(rest, ITEMS_PER_FRAME, item(true));
    view! { <ul class="article-list" data-testid="article-list">{first}{later}</ul> }.into_any()
}

/// The items after the first frame's, `per_frame` at a time, in chunks that appear one animation
/// frame after another. Rendered natively, the chunks are empty, as they are in the browser
/// until their frames come: a rendered page and its hydration agree.
pub fn later_chunks<T: Clone + Send + Sync + 'static, V: IntoView + 'static>(
    rest: Vec<T>,
    per_frame: usize,
    item: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let mut rest = rest.into_iter();
    let chunks: Vec<Vec<T>> = std::iter::from_fn(|| {
        let chunk: Vec<T> = rest.by_ref().take(per_frame.max(1)).collect();
        (!chunk.is_empty()).then_some(chunk)
    })
    .collect();
    let count = chunks.len();
    let (shown, set_shown) = signal(0usize);
    // Natively (the publisher's rendering) there are no frames: the chunks stay empty.
    if count > 0 && cfg!(target_arch = "wasm32") {
        schedule_next_chunk(set_shown, count);
    }
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            // A memo per chunk, so each chunk is built once, when its turn comes, and never
            // rebuilt as later chunks arrive.
            let visible = Memo::new(move |_| shown.get() > i);
            let item = item.clone();
            move || {
                visible
                    .get()
                    .then(|| chunk.clone().into_iter().map(item.clone()).collect_view())
            }
        })
        .collect_view()
}

fn schedule_next_chunk(set_shown: WriteSignal<usize>, count: usize) {
    request_animation_frame(move || {
        // None once the list is gone: the reader left before it was complete.
        let more = set_shown.try_update(|n| {
            *n += 1;
            *n < count
        });
        if more == Some(true) {
            schedule_next_chunk(set_shown, count);
        }
    });
}

/// One article in a list. A `deferred` item, added to a long list after its first frame, is laid
/// out only near the screen (see `.article-item--deferred` in the stylesheet).
#[component]
pub fn ArticleItem(
    summary: Summary,
    site: Site,
    leads: bool,
    thumbnails: bool,
    #[prop(optional)] deferred: bool,
) -> impl IntoView {
    let t = use_strings();
    let href = site.article_href(&summary.section, &summary.slug);
    let thumbnail = summary
        .thumbnail
        .clone()
        .filter(|_| thumbnails)
        .and_then(|image| {
            let src = site.asset_href(&image.src)?;
            let href = href.clone()?;
            Some(view! { <Thumbnail image src href /> })
        });
    let lead = (leads && !summary.lead.is_empty())
        .then(|| view! { <p class="article-item__lead">{excerpt(&summary.lead, 220)}</p> });
    view! {
        <li class=if deferred { "article-item article-item--deferred" } else { "article-item" }>
            {thumbnail}
            <div class="article-item__text">
                <h3 class="article-item__title">{title_link(href, summary.title.clone())}</h3>
                <p class="article-item__meta">
                    <time datetime=site.machine_time(summary.published)>{site.date_time(summary.published)}</time>
                    <span class="article-item__views">
                        <span class="visually-hidden">{t.views} ": "</span>
                        <span aria-hidden="true" class="icon-eye"></span>
                        <ViewCount slug=summary.slug.clone() baseline=summary.views />
                    </span>
                </p>
                {lead}
            </div>
        </li>
    }
}

/// An article's title, as a link to it where it has an address (see [`Site::article_href`]).
pub fn title_link(href: Option<String>, title: String) -> AnyView {
    match href {
        Some(href) => view! { <a href=href>{title}</a> }.into_any(),
        None => title.into_any(),
    }
}

/// A list picture, drawn at its own aspect ratio and loaded only when near the screen.
#[component]
fn Thumbnail(image: Image, src: String, href: String) -> impl IntoView {
    view! {
        <a class="article-item__thumb" href=href tabindex="-1" aria-hidden="true">
            <Picture image src alt=String::new() sizes=sizes::THUMBNAIL />
        </a>
    }
}

/// At most `max` characters of `text`, cut at a word, with "…" when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut
        .rfind(char::is_whitespace)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn cuts_long_leads_at_a_word() {
        assert_eq!(excerpt("ngắn", 10), "ngắn");
        assert_eq!(excerpt("Đại hội đại biểu Đảng bộ", 12), "Đại hội đại…");
        assert_eq!(excerpt("một, hai ba", 7), "một…");
    }
}
