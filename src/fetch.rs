//! The one module that talks to the network: content files by path, as typed values or a
//! [`FetchError`] that says which file failed and why.
//!
//! URLs are built from the site's base path (the `<base href>` that the build writes), so the
//! same build works at the root of a host or under a sub-path. The HTTP status is checked before
//! the body is decoded.

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
async fn send(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<gloo_net::http::Response, FetchError> {
    let Some(early) = early::take(path) else {
        return gloo_net::http::Request::get(&url_for(&base_path(), path))
            .abort_signal(abort)
            .send()
            .await
            .map_err(|_| no_answer(path, abort));
    };
    if let Some(signal) = abort {
        // The caller's abort must stop the early request too: the resource waits for it.
        if signal.aborted() {
            early.controller.abort();
            return Err(FetchError::Aborted);
        }
        let controller: &wasm_bindgen::JsValue = early.controller.as_ref();
        if let Ok(abort_early) = js_sys::Reflect::get(controller, &"abort".into()) {
            let abort_early: js_sys::Function = wasm_bindgen::JsCast::unchecked_into(abort_early);
            signal.set_onabort(Some(&abort_early.bind0(controller)));
        }
    }
    let response = wasm_bindgen_futures::JsFuture::from(early.response)
        .await
        .map_err(|_| no_answer(path, abort))?;
    Ok(wasm_bindgen::JsCast::unchecked_into::<web_sys::Response>(response).into())
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
        .binary()
        .await
        .map_err(|_| no_answer(path, abort))?;
    Ok(utf8_text(body))
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
