//! Lists of articles: a section's page, the home page's blocks, "Các tin khác".

use crate::components::view_count::ViewCount;
use crate::content::{Image, Summary};
use crate::site::use_site;
use crate::strings;
use leptos::prelude::*;

/// Each article's title as a link, its time, lead, thumbnail and view count; or a line saying
/// there is nothing yet.
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
    if articles.is_empty() {
        return view! { <p class="empty" data-testid="empty">{strings::NO_ARTICLES}</p> }
            .into_any();
    }
    view! {
        <ul class="article-list" data-testid="article-list">
            <For each=move || articles.clone() key=|s| s.slug.clone() let(summary)>
                <ArticleItem summary leads thumbnails />
            </For>
        </ul>
    }
    .into_any()
}

/// One article in a list.
#[component]
pub fn ArticleItem(summary: Summary, leads: bool, thumbnails: bool) -> impl IntoView {
    let site = use_site();
    let href = site.article_href(&summary.section, &summary.slug);
    let thumbnail = summary
        .thumbnail
        .clone()
        .filter(|_| thumbnails)
        .map(|image| view! { <Thumbnail image href=href.clone() /> });
    let lead = (leads && !summary.lead.is_empty())
        .then(|| view! { <p class="article-item__lead">{excerpt(&summary.lead, 220)}</p> });
    view! {
        <li class="article-item">
            {thumbnail}
            <div class="article-item__text">
                <h3 class="article-item__title"><a href=href>{summary.title.clone()}</a></h3>
                <p class="article-item__meta">
                    <time datetime=site.machine_time(summary.published)>{site.date_time(summary.published)}</time>
                    <span class="article-item__views">
                        <span class="visually-hidden">{strings::VIEWS} ": "</span>
                        <span aria-hidden="true" class="icon-eye"></span>
                        <ViewCount slug=summary.slug.clone() baseline=summary.views />
                    </span>
                </p>
                {lead}
            </div>
        </li>
    }
}

/// A list picture, drawn at its own aspect ratio and loaded only when near the screen.
#[component]
fn Thumbnail(image: Image, href: String) -> impl IntoView {
    let site = use_site();
    view! {
        <a class="article-item__thumb" href=href tabindex="-1" aria-hidden="true">
            <img src=site.asset_href(&image.src) alt="" width=image.width height=image.height loading="lazy" decoding="async" />
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
