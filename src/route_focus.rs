//! What happens around a change of page: the new page opens at the top, back and forward return
//! to where the reader was, focus moves to the new page's heading, and screen readers hear the
//! new title.
//!
//! The page's content arrives after the route changes, so the work waits for the page to say it
//! is ready ([`page_ready`]); until then scroll events are not recorded, so a page that is
//! briefly short cannot overwrite the position a reader will come back to.

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the live region that announces each new page.
pub const ANNOUNCER_ID: &str = "route-announcer";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pending {
    /// No change of page under way (also the first page of a visit: focus stays put).
    None,
    /// A link was followed: open at the top.
    Fresh,
    /// Back or forward: return to the saved position.
    Restore,
}

struct State {
    pending: Pending,
    positions: HashMap<String, f64>,
    installed: bool,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State { pending: Pending::None, positions: HashMap::new(), installed: false });
}

fn current_key() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

/// Takes over scroll restoration and starts recording positions. Later calls do nothing: the
/// site frame that calls it is built again when a failed manifest is retried.
pub fn install() {
    if STATE.with_borrow_mut(|s| std::mem::replace(&mut s.installed, true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let on_scroll = Closure::<dyn Fn()>::new(|| {
        let y = web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0);
        STATE.with_borrow_mut(|state| {
            if state.pending == Pending::None {
                if let Some(key) = current_key() {
                    state.positions.insert(key, y);
                }
            }
        });
    });
    let on_popstate =
        Closure::<dyn Fn()>::new(|| STATE.with_borrow_mut(|s| s.pending = Pending::Restore));
    let _ = window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    // Capture: heard before the router's own listener renders the page it returns to.
    let _ = window.add_event_listener_with_callback_and_bool(
        "popstate",
        on_popstate.as_ref().unchecked_ref(),
        true,
    );
    // Both listen for the life of the page.
    on_scroll.forget();
    on_popstate.forget();
}

/// The route changed: by a link, unless `popstate` said it was back or forward.
pub fn route_changed() {
    STATE.with_borrow_mut(|state| {
        if state.pending == Pending::None {
            state.pending = Pending::Fresh;
        }
    });
}

/// False only while a followed link is opening a page at its top. The first page of a visit
/// (rendered by the publisher, or by the app shell) and back or forward keep the reader where
/// they are, which may be far down a long list: such a page must be built whole at once.
pub fn keeps_position() -> bool {
    STATE.with_borrow(|s| s.pending != Pending::Fresh)
}

/// The page's content is on screen: scroll, focus the heading and announce the page's title,
/// once the browser has laid the content out.
///
/// On the first page of a visit focus and scroll stay where the reader has them.
pub fn page_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let settle = Closure::once_into_js(move || {
        // Read in the frame, not when `page_ready` is called: a page whose content is at hand
        // (carried by the rendered page) can be ready before `popstate` says this is a return.
        let pending = STATE.with_borrow(|s| s.pending);
        if pending == Pending::None {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let target = match pending {
            Pending::Restore => current_key()
                .and_then(|k| STATE.with_borrow(|s| s.positions.get(&k).copied()))
                .unwrap_or(0.0),
            _ => 0.0,
        };
        if let Some(document) = window.document() {
            if let Ok(Some(heading)) = document.query_selector("main h1") {
                let _ = heading.set_attribute("tabindex", "-1");
                if let Some(heading) = heading.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
            if let Some(announcer) = document.get_element_by_id(ANNOUNCER_ID) {
                announcer.set_text_content(Some(&document.title()));
            }
        }
        window.scroll_to_with_x_and_y(0.0, target);
        STATE.with_borrow_mut(|s| s.pending = Pending::None);
    });
    let _ = window.request_animation_frame(settle.unchecked_ref());
}
