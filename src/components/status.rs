//! The states a page is in before its content shows: loading, or failed with a retry.

use crate::fetch::FetchError;
use crate::strings;
use leptos::prelude::*;

/// A grey block as tall as the content it stands in for, so nothing jumps when that arrives.
#[component]
pub fn LoadingBlock(
    /// Roughly how many lines of text the content will take.
    #[prop(default = 6)]
    lines: usize,
) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite" data-testid="loading">
            <span class="visually-hidden">{strings::LOADING}</span>
            <div class="placeholder-heading" aria-hidden="true"></div>
            {(0..lines).map(|_| view! { <div class="placeholder-line" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}

/// What failed, in words, with a button that tries again.
#[component]
pub fn ErrorPanel(error: FetchError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    // The failure takes the place of the page: focus and announcement go to it as to a page.
    Effect::new(|_| crate::route_focus::page_ready());
    view! {
        <div class="error-panel" role="alert" data-testid="error">
            <h2 class="error-panel__title">{strings::LOAD_FAILED}</h2>
            <p class="error-panel__detail">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| retry()>{strings::RETRY}</button>
        </div>
    }
}
