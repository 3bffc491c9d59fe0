//! A section's page: its title and description, its articles newest first, and paging.

use super::{show_loaded, NotFoundPage};
use crate::components::article_list::ArticleList;
use crate::components::pagination::Pagination;
use crate::content::{paths, Section, SectionPage as SectionIndex};
use crate::fetch::content_resource;
use crate::head::set_page_meta;
use crate::site::use_site;
use crate::strings;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/<section>` and `/<section>/trang/<n>`.
#[component]
pub fn SectionPage() -> impl IntoView {
    let site = use_site();
    let params = use_params_map();
    // None when the address names no section we have, or a page number that cannot be.
    let target = Memo::new(move |_| {
        let params = params.read();
        let section = site.section(&params.get("section")?)?.clone();
        let page = match params.get("page") {
            None => 1,
            Some(text) => text.parse::<u32>().ok().filter(|n| *n >= 1)?,
        };
        Some((section, page))
    });
    let index = content_resource::<SectionIndex>(move || {
        target
            .get()
            .map(|(section, page)| paths::section_page(&section.slug, page))
    });
    // Read in place: a page of summaries is not cloned just to ask whether it is a 404.
    let missing =
        move || index.with(|r| r.is_some_and(|r| r.as_ref().is_err_and(|e| e.is_not_found())));
    move || match target.get() {
        // A page number past the end is not found as a whole, heading and all.
        Some(_) if missing() => view! { <NotFoundPage /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
        Some((section, page)) => view! {
            <section class="section-page">
                <SectionHeader section=section.clone() page />
                {show_loaded(index, 12, move |index| view! { <SectionArticles index /> })}
            </section>
        }
        .into_any(),
    }
}

/// The section's name as the page heading, and its description.
#[component]
fn SectionHeader(section: Section, page: u32) -> impl IntoView {
    let site = use_site();
    let title = if page > 1 {
        format!("{} – {}", section.title, strings::page_label(page))
    } else {
        section.title.clone()
    };
    let description = if section.description.is_empty() {
        site.manifest().description.clone()
    } else {
        section.description.clone()
    };
    set_page_meta(&site.title(&title), &description);
    view! {
        <header class="page-header">
            <h1 class="page-title">{section.title.clone()}</h1>
            {(!section.description.is_empty()).then(|| view! { <p class="page-description">{section.description.clone()}</p> })}
        </header>
    }
}

/// One page of the section's articles and the links to the others.
#[component]
pub fn SectionArticles(index: SectionIndex) -> impl IntoView {
    crate::route_focus::page_ready();
    view! {
        <h2 class="visually-hidden">{strings::ARTICLE_LIST}</h2>
        <ArticleList articles=index.articles />
        <Pagination section=index.section page=index.page pages=index.pages />
    }
}
