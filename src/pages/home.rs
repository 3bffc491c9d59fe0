//! The home page: the lead story, the latest news, each section's latest, and "Xem nhiều".

use super::{show_loaded, Page, PageMeta};
use crate::components::article_list::{excerpt, title_link, ArticleList};
use crate::components::picture::{sizes, Picture};
use crate::components::view_count::ViewCount;
use crate::content::{HomeIndex, Summary};
use crate::fetch::content_resource;
use crate::route::Route;
use crate::site::use_site;
use crate::strings::use_strings;
use crate::views::browser::use_views;
use leptos::prelude::*;

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    let site = use_site();
    let home = content_resource::<HomeIndex>(|| Route::Home.content_files().into_iter().next());
    show_loaded(home, 16, move |home| {
        view! { <Page meta=PageMeta::home(&site)><HomeView home /></Page> }
    })
}

/// The home page once its index is in.
#[component]
pub fn HomeView(home: HomeIndex) -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let views = use_views();
    let lead = home.latest.first().cloned();
    let latest: Vec<Summary> = home.latest.iter().skip(1).cloned().collect();
    let candidates = most_viewed_candidates(&home);
    let most_viewed = move || {
        let ranked = rank_most_viewed(candidates.clone(), |s| views.count(&s.slug, s.views), 5);
        view! { <ArticleList articles=ranked leads=false thumbnails=false /> }
    };
    let sections = site
        .manifest()
        .sections
        .iter()
        .filter_map(|section| {
            let articles = home.sections.get(&section.slug)?.clone();
            let href = site.section_href(&section.slug, 1);
            Some(view! {
                <section class="home-section" aria-labelledby=format!("muc-{}", section.slug)>
                    <h2 class="block-title" id=format!("muc-{}", section.slug)><a href=href>{section.title.clone()}</a></h2>
                    <ArticleList articles leads=false />
                </section>
            })
        })
        .collect_view();
    view! {
        <h1 class="visually-hidden">{site.manifest().name.clone()}</h1>
        <div class="home">
            <div class="home__main">
                {lead.map(|lead| view! { <LeadStory lead /> })}
                <section class="home-latest" aria-labelledby="tin-moi">
                    <h2 class="block-title" id="tin-moi">{t.latest}</h2>
                    <ArticleList articles=latest />
                </section>
                <div class="home-sections">{sections}</div>
            </div>
            <aside class="home__aside" aria-labelledby="xem-nhieu">
                <h2 class="block-title" id="xem-nhieu">{t.most_viewed}</h2>
                <div data-testid="most-viewed">{most_viewed}</div>
            </aside>
        </div>
    }
}

/// The newest story, large, with its lead.
#[component]
fn LeadStory(lead: Summary) -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let href = site.article_href(&lead.section, &lead.slug);
    let section = site
        .section(&lead.section)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    view! {
        <article class="lead-story" data-testid="lead-story">
            {lead.thumbnail.clone().and_then(|image| site.asset_href(&image.src).map(|src| view! {
                <Picture image src alt=String::new() sizes=sizes::LEAD_STORY eager=true class="lead-story__image" />
            }))}
            <p class="lead-story__section">{section}</p>
            <h2 class="lead-story__title">{title_link(href, lead.title.clone())}</h2>
            <p class="lead-story__meta">
                <time datetime=site.machine_time(lead.published)>{site.date_time(lead.published)}</time>
                " | " {t.views} ": " <ViewCount slug=lead.slug.clone() baseline=lead.views />
            </p>
            <p class="lead-story__lead">{excerpt(&lead.lead, 320)}</p>
        </article>
    }
}

/// Every article the home index names, once each.
pub fn most_viewed_candidates(home: &HomeIndex) -> Vec<Summary> {
    let mut seen = std::collections::BTreeSet::new();
    home.popular
        .iter()
        .chain(&home.latest)
        .chain(home.sections.values().flatten())
        .filter(|s| seen.insert(s.slug.clone()))
        .cloned()
        .collect()
}

/// The `n` articles with the highest `count` (baseline plus local views), newest first on ties.
pub fn rank_most_viewed(
    mut candidates: Vec<Summary>,
    count: impl Fn(&Summary) -> u64,
    n: usize,
) -> Vec<Summary> {
    candidates.sort_by(|a, b| count(b).cmp(&count(a)).then(b.published.cmp(&a.published)));
    candidates.truncate(n);
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Timestamp;

    fn summary(slug: &str, views: u64, minute: i64) -> Summary {
        Summary {
            slug: slug.into(),
            section: "s".into(),
            title: slug.into(),
            lead: String::new(),
            published: Timestamp::from_unix(minute * 60),
            views,
            thumbnail: None,
            sample: false,
        }
    }

    // The reader's own views move an article up "Xem nhiều".
    #[test]
    fn ranks_by_baseline_plus_local_views() {
        let candidates = vec![
            summary("a", 100, 0),
            summary("b", 99, 1),
            summary("c", 5, 2),
        ];
        let plain = rank_most_viewed(candidates.clone(), |s| s.views, 2);
        assert_eq!(
            plain.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        let with_local = rank_most_viewed(
            candidates,
            |s| s.views + if s.slug == "b" { 2 } else { 0 },
            3,
        );
        assert_eq!(
            with_local
                .iter()
                .map(|s| s.slug.as_str())
                .collect::<Vec<_>>(),
            ["b", "a", "c"]
        );
    }

    #[test]
    fn names_each_candidate_once() {
        let home = HomeIndex {
            latest: vec![summary("a", 1, 0), summary("b", 1, 0)],
            popular: vec![summary("b", 1, 0)],
            sections: [(
                "s".to_string(),
                vec![summary("a", 1, 0), summary("c", 1, 0)],
            )]
            .into(),
        };
        let slugs: Vec<_> = most_viewed_candidates(&home)
            .into_iter()
            .map(|s| s.slug)
            .collect();
        assert_eq!(slugs, ["b", "a", "c"]);
    }
}
