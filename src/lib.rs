//! tintuc: a news reader that renders a newsroom's static JSON.
//!
//! The same components write the publisher's static pages (natively, with the `ssr` feature)
//! and run in the browser (`hydrate`), where they hydrate a rendered page: adopt it without
//! building it again. The plain-Rust parts (the content model, the URL scheme, formatting, view counting) are
//! tested natively; the components and pages wire them to the DOM.

// Hydrating the whole view type needs more than the default depth.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod content;
pub mod crash;
pub mod fetch;
pub mod format;
pub mod head;
pub mod offline;
pub mod pages;
pub mod preferences;
pub mod prefetch;
pub mod route;
pub mod route_focus;
pub mod search;
pub mod site;
pub mod strings;
pub mod views;

pub use app::App;

/// The id of the element the app lives in; on a rendered page it holds the page.
pub const APP_ROOT_ID: &str = "app";
/// The id of the loading shell that the app shell (`404.html`) shows until the app runs.
pub const SHELL_ID: &str = "app-shell";
/// The attribute of the app's element on a rendered page that names the page's address.
pub const RENDERED_PATH: &str = "data-path";
/// The attribute the app's element carries once the app runs (hydrated, or mounted in the
/// shell): until then a rendered page reads fine but its controls do nothing.
pub const RUNNING: &str = "data-running";

/// Starts the app in the browser. A page the publisher rendered is hydrated: the app adopts the
/// DOM that is there, with the content files the page carries. Anywhere else (the app shell,
/// served for every address that has no rendered page) the app renders from scratch.
#[cfg(feature = "hydrate")]
pub fn start() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    #[cfg(tintuc_test_switches)]
    crash::panic_on_test_event();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let base = fetch::base_path();
    let strings = strings::for_document();
    let rendered = document
        .get_element_by_id(APP_ROOT_ID)
        .zip(fetch::PageData::from_document());
    if let Some((root, data)) = rendered {
        show_rendered_address(&root);
        let root: web_sys::HtmlElement = root.unchecked_into();
        // The app lives as long as the page.
        leptos::mount::hydrate_from(root.clone(), move || {
            provide_context(data);
            view! { <App base strings /> }
        })
        .forget();
        let _ = root.set_attribute(RUNNING, "");
        return;
    }
    // A rendered page whose carried data is missing or unreadable is built again in place.
    let root = match document.get_element_by_id(APP_ROOT_ID) {
        Some(root) => {
            root.set_inner_html("");
            root
        }
        None => {
            let Some(body) = document.body() else { return };
            let Ok(root) = document.create_element("div") else {
                return;
            };
            root.set_id(APP_ROOT_ID);
            let _ = body.append_child(&root);
            root
        }
    };
    if let Some(shell) = document.get_element_by_id(SHELL_ID) {
        shell.remove();
    }
    leptos::mount::mount_to(
        root.clone().unchecked_into(),
        move || view! { <App base strings /> },
    )
    .forget();
    let _ = root.set_attribute(RUNNING, "");
}

#[cfg(feature = "hydrate")]
/// Puts the address a rendered page was written for in the address bar, if a host served it
/// under another (`/index.html`, a trailing `/`): the app must see the page it is hydrating.
fn show_rendered_address(root: &web_sys::Element) {
    let Some(path) = root.get_attribute(RENDERED_PATH) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.pathname().is_ok_and(|now| now != path) {
        let rest = format!(
            "{}{}",
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{rest}")),
            );
        }
    }
}
