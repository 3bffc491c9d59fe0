//! Requests started before any page asks for them, because a reader is about to open a page
//! that needs them (see [`crate::prefetch`]); the page's own request takes the one under way.

use super::{base_path, url_for};
use web_sys::AbortController;

/// One early request, and when it started.
pub(super) struct Early {
    path: String,
    started: f64,
    pub(super) response: js_sys::Promise,
    pub(super) controller: AbortController,
}

thread_local! {
    static EARLY: std::cell::RefCell<Vec<Early>> = const { std::cell::RefCell::new(Vec::new()) };
    /// A rejection handler that does nothing: an early request that fails (offline, aborted)
    /// and is never taken must not reach the console as an unhandled rejection. The page that
    /// takes it still sees the failure.
    static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)> =
        wasm_bindgen::closure::Closure::new(|_| {});
}

/// How long an early request waits to be used: a reader who comes back to a link later gets a
/// fresh copy of its content.
const EARLY_MAX_AGE_MS: f64 = 30_000.0;
/// How many early requests wait at once; the oldest is dropped first.
const EARLY_MAX: usize = 8;

/// Starts fetching `path` now; the next [`super::get_text`] for it, within
/// [`EARLY_MAX_AGE_MS`], takes this request instead of making its own. Does nothing if one for
/// `path` is already waiting.
pub fn fetch_early(path: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let now = js_sys::Date::now();
    EARLY.with_borrow_mut(|early| {
        // A request dropped unused is aborted: on a host that never answers it would hold one
        // of the browser's few connections to it, and the reader's own request would queue.
        early.retain(|e| {
            let fresh = now - e.started < EARLY_MAX_AGE_MS;
            if !fresh {
                e.controller.abort();
            }
            fresh
        });
        if early.iter().any(|e| e.path == path) {
            return;
        }
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let init = super::request_init(&controller.signal());
        let response = window.fetch_with_str_and_init(&url_for(&base_path(), path), &init);
        IGNORE.with(|ignore| {
            let _ = response.catch(ignore);
        });
        if early.len() == EARLY_MAX {
            early.remove(0).controller.abort();
        }
        early.push(Early {
            path: path.to_string(),
            started: now,
            response,
            controller,
        });
    });
}

/// The early request for `path`, if one is waiting and still fresh.
pub(super) fn take(path: &str) -> Option<Early> {
    let now = js_sys::Date::now();
    EARLY.with_borrow_mut(|early| {
        let i = early
            .iter()
            .position(|e| e.path == path && now - e.started < EARLY_MAX_AGE_MS)?;
        Some(early.remove(i))
    })
}
