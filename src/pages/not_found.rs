//! The page for an address the site does not have.

use super::{Page, PageMeta};
use crate::site::use_site;
use crate::strings;
use leptos::prelude::*;

/// Says the page is not here and offers the way home and the sections.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let site = use_site();
    view! {
        <Page meta=PageMeta::not_found(&site)>
            <section class="not-found" data-testid="not-found">
                <h1 class="page-title">{strings::NOT_FOUND_TITLE}</h1>
                <p>{strings::NOT_FOUND_TEXT}</p>
                <p><a class="button" href=site.home_href()>{strings::BACK_HOME}</a></p>
            </section>
        </Page>
    }
}
