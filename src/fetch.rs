//! The one module that talks to the network: content files by path, as typed values or a
//! [`FetchError`] that says which file failed and why.
//!
//! URLs are built from the site's base path (the `<base href>` that the build writes), so the
//! same build works at the root of a host or under a sub-path. The HTTP status is checked before
//! the body is decoded.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

mod early;
pub mod embedded;
mod error;
mod resource;

pub use early::fetch_early;
pub use embedded::PageData;
pub use error::{decode, decode_manifest, utf8_text, FetchError};
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

/// The response to `path`: from its early request if there is one, else from a new request.
///
/// Called through web-sys, not a wrapper: a failed request's reason is only ever mapped to a
/// [`FetchError`], never converted (an abort's reason can be any value, even an event).
async fn send(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<web_sys::Response, FetchError> {
    let window = web_sys::window().ok_or_else(|| no_answer(path, abort))?;
    let promise = match early::take(path) {
        None => {
            let init = web_sys::RequestInit::new();
            if let Some(signal) = abort {
                init.set_signal(Some(signal));
            }
            window.fetch_with_str_and_init(&url_for(&base_path(), path), &init)
        }
        Some(early) => {
            if let Some(signal) = abort {
                // The caller's abort must stop the early request too: the resource waits for it.
                if signal.aborted() {
                    early.controller.abort();
                    return Err(FetchError::Aborted);
                }
                let controller: &JsValue = early.controller.as_ref();
                if let Ok(abort_early) = js_sys::Reflect::get(controller, &"abort".into()) {
                    let abort_early: js_sys::Function = abort_early.unchecked_into();
                    // Bound with no reason: the abort event must not become the reason.
                    let bound = abort_early.bind1(controller, &JsValue::UNDEFINED);
                    signal.set_onabort(Some(bound.unchecked_ref()));
                }
            }
            early.response
        }
    };
    let response = JsFuture::from(promise)
        .await
        .map_err(|_| no_answer(path, abort))?;
    Ok(response.unchecked_into())
}

/// Fetches the text of `path` (relative to the base), checking the HTTP status.
pub async fn get_text(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<String, FetchError> {
    let response = send(path, abort).await?;
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
    let body = response
        .array_buffer()
        .map_err(|_| no_answer(path, abort))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| no_answer(path, abort))?;
    Ok(utf8_text(js_sys::Uint8Array::new(&body).to_vec()))
}

/// Why a request or its body failed with no HTTP answer: the reader moved on, or the network.
fn no_answer(path: &str, abort: Option<&web_sys::AbortSignal>) -> FetchError {
    match abort {
        Some(signal) if signal.aborted() => FetchError::Aborted,
        _ => FetchError::Offline {
            path: path.to_string(),
        },
    }
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
