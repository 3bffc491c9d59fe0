//! A page's content starts loading at the first sign that a reader is opening it: the press on
//! a link, which comes a tenth of a second or more before the click on a phone, and the click
//! itself (from a keyboard, say), seen before the router acts on it. By the time the new page
//! asks for its files they are on their way or in.

use crate::site::Site;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Listens for presses and clicks on links for the life of the page. Later calls do nothing:
/// the site frame that calls it is built again when a failed manifest is retried.
pub fn install(site: Site) {
    if INSTALLED.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_intent = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        for path in files_for_link(&site, &event) {
            crate::fetch::fetch_early(&path);
        }
    });
    // Capture, so that the click is seen before the router's own listener navigates.
    for kind in ["pointerdown", "click"] {
        let _ = window.add_event_listener_with_callback_and_bool(
            kind,
            on_intent.as_ref().unchecked_ref(),
            true,
        );
    }
    on_intent.forget();
}

/// The files of the page that the link under `event` opens, if it is another page of this site
/// opened in this tab.
fn files_for_link(site: &Site, event: &web_sys::Event) -> Vec<String> {
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten());
    let Some(link) = link else {
        return Vec::new();
    };
    if link.has_attribute("target") || link.has_attribute("download") {
        return Vec::new();
    }
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return Vec::new();
    };
    let (Some(href), Ok(here)) = (link.get_attribute("href"), location.href()) else {
        return Vec::new();
    };
    let Ok(url) = web_sys::Url::new_with_base(&href, &here) else {
        return Vec::new();
    };
    let same_site = location.origin().is_ok_and(|origin| origin == url.origin());
    let same_page = location.pathname().is_ok_and(|path| path == url.pathname());
    if !same_site || same_page {
        return Vec::new();
    }
    site.content_for(&url.pathname())
}
