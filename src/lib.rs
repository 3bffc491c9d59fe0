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
pub mod route_focus;
pub mod sample;
pub mod site;
pub mod strings;
pub mod views;

pub use app::App;

/// Mounts the app on the page's `<body>`, replacing the loading shell that `index.html` shows.
pub fn mount() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app-shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}
