//! After a panic: the reader is told that the page stopped working and offered a reload, and the
//! panic's message goes to the console. Without this a panic leaves a page that looks alive but
//! whose buttons and links no longer do anything.
//!
//! The notice is built with plain DOM calls, not with Leptos: the reactive system may be what
//! panicked, and a release build aborts right after the hook, so nothing of the app runs again.
//! Its reload is a plain link, which works with the app gone.

use crate::strings;

/// The `id` of the notice; the tests find it by it.
pub const NOTICE_ID: &str = "crash-notice";

/// Reports every panic to the console and shows the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

fn show_notice() {
    let t = strings::for_document();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let element = |tag: &str, class: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        element.set_text_content(Some(text));
        Some(element)
    };
    let (Some(notice), Some(message), Some(reload)) = (
        element("div", "crash-notice", ""),
        element("p", "crash-notice__text", t.crashed),
        element("a", "button crash-notice__reload", t.reload),
    ) else {
        return;
    };
    notice.set_id(NOTICE_ID);
    let _ = notice.set_attribute("role", "alert");
    let _ = reload.set_attribute("href", &window.location().href().unwrap_or_default());
    // The router would take a click on a link to the page it shows as nothing to do.
    let _ = reload.set_attribute("rel", "external");
    let _ = notice.append_child(&message);
    let _ = notice.append_child(&reload);
    let _ = body.append_child(&notice);
    if let Some(reload) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&reload) {
        let _ = reload.focus();
    }
}

/// In the test build only: a `tintuc-test-panic` event on the window makes the app panic, as a
/// bug in an event handler would.
#[cfg(tintuc_test_switches)]
pub fn panic_on_test_event() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_event = Closure::<dyn FnMut()>::new(|| panic!("tintuc-test-panic: a panic on demand"));
    let _ = window
        .add_event_listener_with_callback("tintuc-test-panic", on_event.as_ref().unchecked_ref());
    on_event.forget();
}
