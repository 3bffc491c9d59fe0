//! The search field in the header, on every page but the search page (which has its own).

use crate::route::{Route, SEARCH_QUERY};
use crate::site::use_site;
use crate::strings::use_strings;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// Opens the search page for `text` through the router, with `options`. The address is whole,
/// base path and all: never resolved against the base again.
pub fn open_search(
    navigate: &impl Fn(&str, NavigateOptions),
    base: &str,
    text: &str,
    options: NavigateOptions,
) {
    navigate(
        &Route::search_href(base, text),
        NavigateOptions {
            resolve: false,
            ..options
        },
    );
}

/// A form that opens the search page for what was typed. It is a plain `GET` form to that page,
/// so it works on a rendered page before the app runs; once it runs, the router opens the page
/// without loading the document again.
#[component]
pub fn SearchBox() -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let field = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let base = site.base().to_string();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let Some(input) = field.get_untracked() else {
            return;
        };
        ev.prevent_default();
        open_search(&navigate, &base, &input.value(), NavigateOptions::default());
    };
    view! {
        <form class="site-search" role="search" action=Route::Search.href(site.base()) method="get"
            aria-label=t.search on:submit=submit>
            <label for="site-search" class="visually-hidden">{t.search}</label>
            <input id="site-search" class="site-search__field" type="search" name=SEARCH_QUERY
                node_ref=field autocomplete="off" enterkeyhint="search" placeholder=t.search />
            <button type="submit" class="site-search__button">{t.search_button}</button>
        </form>
    }
}
