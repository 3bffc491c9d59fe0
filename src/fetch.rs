//! The one module that talks to the network: content files by path, as typed values or a
//! [`FetchError`] that says which file failed and why.
//!
//! URLs are built from the site's base path (the `<base href>` that the build writes), so the
//! same build works at the root of a host or under a sub-path. The HTTP status is checked before
//! the body is decoded.

use crate::content::limits;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

mod early;
pub mod embedded;
mod error;
mod resource;
pub mod search;

pub use early::fetch_early;
pub use embedded::PageData;
pub use error::{decode, decode_manifest, decode_versioned, utf8_text, FetchError};
pub use resource::{content_resource, manifest_resource, Content};

/// `rel` joined to the base path `base` (which ends with `/`): `("/tin/", "content/a.json")`
/// → `/tin/content/a.json`.
pub fn url_for(base: &str, rel: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        rel.trim_start_matches('/')
    )
}

/// The site's base path from the document's `<base href>`, always ending with `/`.
pub fn base_path() -> String {
    let from_document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname());
    normalise_base(from_document.as_deref().unwrap_or("/"))
}

/// A base path with exactly one leading and one trailing `/`.
pub fn normalise_base(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

/// How long a content file may take, answer and body, before the reader is told and offered a
/// retry: time enough for a long list on a slow phone network, not a wait on a connection that
/// will never answer. The test build (`cfg(tintuc_test_switches)`) waits less, so that its
/// tests need not.
const TIMEOUT_MS: i32 = if cfg!(tintuc_test_switches) {
    3_000
} else {
    20_000
};

/// A request's limits while it runs: the caller's abort and [`TIMEOUT_MS`] both stop it. Dropped
/// when the answer is dealt with, which stops the timer, lets go of the caller's signal and
/// aborts the request: a body nobody will read (an error status, a file too large) stops
/// downloading, and aborting one already read does nothing.
struct Watch {
    controller: web_sys::AbortController,
    timer: Option<i32>,
    timed_out: std::rc::Rc<std::cell::Cell<bool>>,
    _on_timeout: Closure<dyn FnMut()>,
    caller: Option<(web_sys::AbortSignal, Closure<dyn FnMut()>)>,
}

impl Watch {
    fn start(controller: web_sys::AbortController, caller: Option<&web_sys::AbortSignal>) -> Self {
        let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_timeout = {
            let (timed_out, controller) = (timed_out.clone(), controller.clone());
            Closure::<dyn FnMut()>::new(move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                TIMEOUT_MS,
            )
            .ok()
        });
        let caller = caller.map(|signal| {
            if signal.aborted() {
                controller.abort();
            }
            let controller = controller.clone();
            let on_abort = Closure::<dyn FnMut()>::new(move || controller.abort());
            let _ =
                signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
            (signal.clone(), on_abort)
        });
        Self {
            controller,
            timer,
            timed_out,
            _on_timeout: on_timeout,
            caller,
        }
    }

    /// Why a request or its body failed with no HTTP answer: the reader moved on, the time ran
    /// out, the device is offline, or the request went nowhere (refused, or redirected to
    /// another site, which content requests never follow).
    fn failure(&self, path: &str) -> FetchError {
        let path = path.to_string();
        if self.caller.as_ref().is_some_and(|(s, _)| s.aborted()) {
            FetchError::Aborted
        } else if self.timed_out.get() {
            FetchError::Timeout { path }
        } else if web_sys::window().is_some_and(|w| !w.navigator().on_line()) {
            FetchError::Offline { path }
        } else {
            FetchError::Unreachable { path }
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.controller.abort();
        if let (Some(window), Some(timer)) = (web_sys::window(), self.timer) {
            window.clear_timeout_with_handle(timer);
        }
        if let Some((signal, on_abort)) = &self.caller {
            let _ = signal
                .remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
    }
}

/// The response to `path`, from its early request if there is one, else from a new request;
/// with the [`Watch`] that must live until its body is read.
///
/// Called through web-sys, not a wrapper: a failed request's reason is only ever mapped to a
/// [`FetchError`], never converted (an abort's reason can be any value, even an event).
async fn send(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<(web_sys::Response, Watch), FetchError> {
    let unreachable = || FetchError::Unreachable {
        path: path.to_string(),
    };
    let window = web_sys::window().ok_or_else(unreachable)?;
    let (promise, controller) = match early::take(path) {
        Some(early) => (early.response, early.controller),
        None => {
            let controller = web_sys::AbortController::new().map_err(|_| unreachable())?;
            let promise = window.fetch_with_str_and_init(
                &url_for(&base_path(), path),
                &request_init(&controller.signal()),
            );
            (promise, controller)
        }
    };
    let watch = Watch::start(controller, abort);
    match JsFuture::from(promise).await {
        Ok(response) => Ok((response.unchecked_into(), watch)),
        Err(_) => Err(watch.failure(path)),
    }
}

/// How every content request is made: same-origin only, so that a host that redirects a content
/// file to another site gets an error, not that site's text shown as the newsroom's.
fn request_init(signal: &web_sys::AbortSignal) -> web_sys::RequestInit {
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(signal));
    init.set_mode(web_sys::RequestMode::SameOrigin);
    init
}

/// Fetches the text of `path` (relative to the base), checking the HTTP status and the size.
pub async fn get_text(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<String, FetchError> {
    let (response, watch) = send(path, abort).await?;
    match response.status() {
        200..=299 => {}
        404 | 410 => {
            return Err(FetchError::NotFound {
                path: path.to_string(),
            })
        }
        status => {
            return Err(FetchError::Status {
                path: path.to_string(),
                status,
            })
        }
    }
    let too_large = |bytes: u64| FetchError::TooLarge {
        path: path.to_string(),
        bytes,
    };
    let limit = limits::FILE_BYTES as u64;
    // Said before the body comes where the host says how long it is (in 64 bits: a length of
    // 4 GiB and more must not slip past a 32-bit parse).
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<u64>().ok());
    if let Some(bytes) = declared.filter(|&b| b > limit) {
        return Err(too_large(bytes));
    }
    // A body that fails after a good status was cut off on the way, unless the reader left, the
    // time ran out or the device went offline.
    let cut = |watch: &Watch| match watch.failure(path) {
        FetchError::Unreachable { path } => FetchError::Truncated { path },
        other => other,
    };
    let body = response.array_buffer().map_err(|_| cut(&watch))?;
    let body = JsFuture::from(body).await.map_err(|_| cut(&watch))?;
    let body = js_sys::Uint8Array::new(&body);
    if u64::from(body.length()) > limit {
        return Err(too_large(body.length().into()));
    }
    Ok(utf8_text(body.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_paths_to_the_base_at_the_root_or_a_sub_path() {
        assert_eq!(url_for("/", "content/site.json"), "/content/site.json");
        assert_eq!(
            url_for("/tin/", "content/site.json"),
            "/tin/content/site.json"
        );
        assert_eq!(
            url_for("/tin", "/content/site.json"),
            "/tin/content/site.json"
        );
        assert_eq!(normalise_base(""), "/");
        assert_eq!(normalise_base("/tin"), "/tin/");
        assert_eq!(normalise_base("tin/ban/"), "/tin/ban/");
    }
}
