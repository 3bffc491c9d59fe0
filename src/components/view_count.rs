//! The view count of one article: the publisher's baseline plus this browser's views.

use crate::strings::use_strings;
use crate::views::browser::use_views;
use leptos::prelude::*;

/// The count as the reader sees it ("1.234", "1,234"), kept current as views are recorded here or in
/// another tab.
#[component]
pub fn ViewCount(#[prop(into)] slug: String, baseline: u64) -> impl IntoView {
    let views = use_views();
    let t = use_strings();
    view! { <span class="view-count" data-testid="view-count">{move || t.count(views.count(&slug, baseline))}</span> }
}
