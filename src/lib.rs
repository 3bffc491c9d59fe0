//! tintuc: a news reader that renders a newsroom's static JSON in the browser.
//!
//! The plain-Rust parts (the content model, formatting, view counting, index building) are
//! tested natively; the components and pages wire them to the DOM.

pub mod app;
pub mod catalog;
pub mod components;
pub mod content;
pub mod fetch;
pub mod format;
pub mod head;
pub mod pages;
pub mod preferences;
pub mod prefetch;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod route_focus;
pub mod sample;
pub mod site;
pub mod strings;
pub mod views;

pub use app::App;

/// The id of the element the app is mounted in.
pub const APP_ROOT_ID: &str = "app";
/// The id of what the page showed before the app: a loading shell, or a prerendered page.
pub const SHELL_ID: &str = "app-shell";

/// Mounts the app. A loading shell is replaced at once; a prerendered page stays on screen while
/// the app renders the same page out of sight, until [`reveal`] swaps them.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_id(APP_ROOT_ID);
    if taking_over() {
        let _ = root.set_attribute("hidden", "");
    } else if let Some(shell) = document.get_element_by_id(SHELL_ID) {
        shell.remove();
    }
    let _ = body.append_child(&root);
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    // The app lives as long as the page.
    leptos::mount::mount_to(root, App).forget();
}

/// Whether a prerendered page is on screen while the app starts out of sight.
pub fn taking_over() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(SHELL_ID))
        .is_some_and(|shell| shell.has_attribute("data-prerendered"))
}

/// Shows the app in place of a prerendered page; does nothing once done.
pub fn reveal() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(shell) = document.get_element_by_id(SHELL_ID) {
        shell.remove();
    }
    if let Some(root) = document.get_element_by_id(APP_ROOT_ID) {
        let _ = root.remove_attribute("hidden");
    }
}
