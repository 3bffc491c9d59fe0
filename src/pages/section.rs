//! A section's page: its title and description, its articles newest first, and paging.

use super::{show_loaded, NotFoundPage, Page, PageMeta};
use crate::components::article_list::ArticleList;
use crate::components::pagination::Pagination;
use crate::content::{Section, SectionPage as SectionIndex};
use crate::fetch::content_resource;
use crate::route::Route;
use crate::site::use_site;
use crate::strings::use_strings;
use leptos::prelude::*;

/// Page `page` of `section` (see [`Route::Section`]).
#[component]
pub fn SectionPage(section: String, page: u32) -> impl IntoView {
    let site = use_site();
    let Some(section) = site.section(&section).cloned() else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let file = Route::section(&section.slug, page)
        .content_files()
        .into_iter()
        .next();
    let index = content_resource::<SectionIndex>(move || file.clone());
    // Read in place: a page of summaries is not cloned just to ask whether it is a 404.
    let missing = Memo::new(move |_| {
        index.with(|r| r.is_some_and(|r| r.as_ref().is_err_and(|e| e.is_not_found())))
    });
    let meta = PageMeta::section(&site, &section, page);
    (move || {
        // A page number past the end is not found as a whole, heading and all.
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let meta = meta.clone();
        view! {
            <section class="section-page">
                <SectionHeader section=section.clone() />
                {show_loaded(index, 12, move |index| view! {
                    <Page meta=meta.clone()><SectionArticles index /></Page>
                })}
            </section>
        }
        .into_any()
    })
    .into_any()
}

/// The section's name as the page heading, and its description.
#[component]
fn SectionHeader(section: Section) -> impl IntoView {
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
    let t = use_strings();
    view! {
        <h2 class="visually-hidden">{t.article_list}</h2>
        <ArticleList articles=index.articles />
        <Pagination section=index.section page=index.page pages=index.pages />
    }
}
