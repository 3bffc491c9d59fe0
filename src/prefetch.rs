//! A page's content starts loading at the first sign that a reader is opening it: a pointer
//! resting on a link, the press on it, which comes a tenth of a second or more before the click
//! on a phone, and the click itself (from a keyboard, say), seen before the router acts on it.
//! By the time the new page asks for its files they are on their way or in. Once a page is on
//! screen and the browser idle, the first links in view start loading too: on a phone there is
//! no hover, and a tap's press comes too late to hide a slow network.

use crate::fetch::PageData;
use crate::site::Site;
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a pointer rests on a link before its page starts loading: long enough that a
/// pointer passing over links on its way elsewhere loads nothing.
const HOVER: Duration = Duration::from_millis(65);

/// How many pages linked from the screen start loading once it is idle: about a phone's screen
/// of a list, within what the early-request cache holds (each article needs two files).
const IN_VIEW: usize = 4;

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static HOVERING: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
    static SITE: std::cell::RefCell<Option<(Site, PageData)>> = const { std::cell::RefCell::new(None) };
}

/// Listens for presses, clicks and a resting pointer on links for the life of the page. The
/// files the page `carried` are never asked for. Later calls do nothing: the site frame that
/// calls it is built again when a failed manifest is retried.
pub fn install(site: Site, carried: PageData) {
    if INSTALLED.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    SITE.set(Some((site.clone(), carried)));
    let on_intent = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        // A hover's timer left running could fire after the new page has taken its request,
        // and load the files a second time.
        stop_hovering();
        for path in files_for_link(&event) {
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
        let files = files_for_link(&event);
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

/// Once the browser is idle, starts loading the pages of the first links in view in the main
/// content (not when the reader asks to save data). Called when a page is on screen.
pub fn links_in_view() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if saves_data() {
        return;
    }
    let run = Closure::once_into_js(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let Some(Ok(links)) = window
            .document()
            .map(|d| d.query_selector_all("main a[href]"))
        else {
            return;
        };
        let mut started: Vec<String> = Vec::new();
        for i in 0..links.length() {
            let Some(link) = links
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let rect = link.get_bounding_client_rect();
            let shown = rect.height() > 0.0 && rect.bottom() > 0.0 && rect.top() < height;
            let href = link.get_attribute("href").unwrap_or_default();
            if !shown || started.contains(&href) {
                continue;
            }
            let files = files_for_element(&link);
            if files.is_empty() {
                continue;
            }
            for path in &files {
                crate::fetch::fetch_early(path);
            }
            started.push(href);
            if started.len() == IN_VIEW {
                break;
            }
        }
    });
    // An idle callback where the browser has one (Safari has not), else a short timeout.
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request_idle) => {
            let _ = request_idle.call1(&window, &run);
        }
        None => {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 200);
        }
    }
}

/// The files of the page that the link under `event` opens, if it is another page of this site
/// opened in this tab.
fn files_for_link(event: &web_sys::Event) -> Vec<String> {
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten());
    match link {
        Some(link) => files_for_element(&link),
        None => Vec::new(),
    }
}

/// The files of the page that `link` opens, if it is another page of this site opened in this
/// tab, less those the page carried and those the page on screen has.
fn files_for_element(link: &web_sys::Element) -> Vec<String> {
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
    SITE.with_borrow(|installed| {
        let Some((site, carried)) = installed else {
            return Vec::new();
        };
        // Nor those of the page on screen (an article's section page, seen from that section):
        // the next page asking for them again is rarer than a request nobody takes.
        let shown = location
            .pathname()
            .map(|here| site.route(&here).content_files())
            .unwrap_or_default();
        let mut files = site.route(&url.pathname()).content_files();
        files.retain(|file| carried.get(file).is_none() && !shown.contains(file));
        files
    })
}
