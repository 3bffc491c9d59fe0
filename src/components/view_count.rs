//! The view count of one article: the publisher's baseline plus this browser's views.

use crate::format;
use crate::views::browser::use_views;
use leptos::prelude::*;

/// The count as the reader sees it ("1.234"), kept current as views are recorded here or in
/// another tab.
#[component]
pub fn ViewCount(#[prop(into)] slug: String, baseline: u64) -> impl IntoView {
    let views = use_views();
    view! { <span class="view-count" data-testid="view-count">{move || format::count(views.count(&slug, baseline))}</span> }
}
