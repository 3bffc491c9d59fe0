//! A page's content starts loading at the first sign that a reader is opening it: a pointer
//! resting on a link, the press on it, which comes a tenth of a second or more before the click
//! on a phone, and the click itself (from a keyboard, say), seen before the router acts on it.
//! By the time the new page asks for its files they are on their way or in.

use crate::site::Site;
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a pointer rests on a link before its page starts loading: long enough that a
/// pointer passing over links on its way elsewhere loads nothing.
const HOVER: Duration = Duration::from_millis(65);

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static HOVERING: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
}

/// Listens for presses, clicks and a resting pointer on links for the life of the page. Later
/// calls do nothing: the site frame that calls it is built again when a failed manifest is
/// retried.
pub fn install(site: Site) {
    if INSTALLED.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let pressed = site.clone();
    let on_intent = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        // A hover's timer left running could fire after the new page has taken its request,
        // and load the files a second time.
        stop_hovering();
        for path in files_for_link(&pressed, &event) {
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
    let on_over = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        stop_hovering();
        let files = files_for_link(&site, &event);
        if files.is_empty() || saves_data() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                for path in &files {
                    crate::fetch::fetch_early(path);
                }
            },
            HOVER,
        );
        HOVERING.set(handle.ok());
    });
    let on_out = Closure::<dyn Fn()>::new(stop_hovering);
    let _ = window.add_event_listener_with_callback("mouseover", on_over.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("mouseout", on_out.as_ref().unchecked_ref());
    // All three listen for the life of the page.
    on_intent.forget();
    on_over.forget();
    on_out.forget();
}

fn stop_hovering() {
    if let Some(handle) = HOVERING.take() {
        handle.clear();
    }
}

/// True when the reader has asked the browser to save data: then nothing loads on a hover.
fn saves_data() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window.navigator(), &"connection".into())
        .and_then(|connection| js_sys::Reflect::get(&connection, &"saveData".into()))
        .is_ok_and(|save| save.is_truthy())
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
    site.route(&url.pathname()).content_files()
}
