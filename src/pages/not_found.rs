//! The page for an address the site does not have.

use super::{Page, PageMeta};
use crate::site::use_site;
use crate::strings::use_strings;
use leptos::prelude::*;

/// Says the page is not here and offers the way home and the sections.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    view! {
        <Page meta=PageMeta::not_found(&site)>
            <section class="not-found" data-testid="not-found">
                <h1 class="page-title">{t.not_found_title}</h1>
                <p>{t.not_found_text}</p>
                <p><a class="button" href=site.home_href()>{t.back_home}</a></p>
            </section>
        </Page>
    }
}
