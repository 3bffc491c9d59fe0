//! The page for an address the site does not have.

use super::{Page, PageMeta};
use crate::site::use_site;
use crate::strings::use_strings;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Says the page is not here and offers the way home and the sections. An address of an edition
/// in another language, which a host with one 404 page sent here, is told so in that language,
/// with the way to that edition's home page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let site = use_site();
    let path = use_location().pathname.get_untracked();
    let (t, home, lang) = match site.edition_at(&path) {
        Some((t, home)) => (t, home, Some(t.code)),
        None => (use_strings(), site.home_href(), None),
    };
    view! {
        <Page meta=PageMeta::not_found(&site)>
            <section class="not-found" data-testid="not-found" lang=lang>
                <h1 class="page-title">{t.not_found_title}</h1>
                <p>{t.not_found_text}</p>
                <p><a class="button" href=home rel=lang.map(|_| "external")>{t.back_home}</a></p>
            </section>
        </Page>
    }
}
