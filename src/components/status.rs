//! The states a page is in before its content shows: loading, or failed with a retry.

use crate::fetch::FetchError;
use crate::strings::use_strings;
use leptos::prelude::*;

/// The `data-testid` of the loading block and of the error panel: the tests find them by it, and
/// the publisher refuses a page that rendered either.
pub const LOADING_TESTID: &str = "loading";
pub const ERROR_TESTID: &str = "error";

/// A grey block as tall as the content it stands in for, so nothing jumps when that arrives.
#[component]
pub fn LoadingBlock(
    /// Roughly how many lines of text the content will take.
    #[prop(default = 6)]
    lines: usize,
) -> impl IntoView {
    let t = use_strings();
    view! {
        <div class="loading" role="status" aria-live="polite" data-testid=LOADING_TESTID>
            <span class="visually-hidden">{t.loading}</span>
            <div class="placeholder-heading" aria-hidden="true"></div>
            {(0..lines).map(|_| view! { <div class="placeholder-line" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}

/// What failed, in words, with a button that tries again.
#[component]
pub fn ErrorPanel(error: FetchError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let t = use_strings();
    // The failure takes the place of the page: focus and announcement go to it as to a page.
    // Its element is not the loading block's (a section, not a div), so that a retry failing the
    // same way puts a new alert in the page rather than patching the old one: it is announced.
    Effect::new(|_| crate::route_focus::page_ready());
    view! {
        <section class="error-panel" role="alert" data-testid=ERROR_TESTID>
            <h2 class="error-panel__title">{t.load_failed}</h2>
            <p class="error-panel__detail">{error.message(t)}</p>
            <button type="button" class="button" on:click=move |_| retry()>{t.retry}</button>
        </section>
    }
}
