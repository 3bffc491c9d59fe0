//! The one module that talks to the network: content files by path, as typed values or a
//! [`FetchError`] that says which file failed and why.
//!
//! URLs are built from the site's base path (the `<base href>` that the build writes), so the
//! same build works at the root of a host or under a sub-path. The HTTP status is checked before
//! the body is decoded, and decoding keeps serde's line and column for the message.

use crate::content::{Manifest, FORMAT_VERSION};
use crate::strings;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

/// Why a content file could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// No response at all: offline, DNS, CORS, a dropped connection.
    #[error("{}", strings::offline(.path))]
    Offline { path: String },
    #[error("{}", strings::not_found(.path))]
    NotFound { path: String },
    #[error("{}", strings::http_status(.path, *.status))]
    Status { path: String, status: u16 },
    /// The body is not the JSON the format describes.
    #[error("{}", strings::bad_json(.path, *.line, *.column, .detail))]
    Json {
        path: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{}", strings::unsupported_format(.path, *.found, FORMAT_VERSION))]
    Format { path: String, found: u32 },
    /// The reader moved on before the answer came; nothing to show.
    #[error("{}", strings::ABORTED)]
    Aborted,
}

impl FetchError {
    /// True when the file is simply not there, which pages show as "not found".
    pub fn is_not_found(&self) -> bool {
        matches!(self, FetchError::NotFound { .. })
    }
}

/// Decodes `text`, the body of `path`, keeping the position of the first error.
pub fn decode<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, FetchError> {
    serde_json::from_str(text).map_err(|e| {
        let detail = e.to_string();
        // serde_json appends " at line L column C"; the message carries them already.
        let detail = detail
            .split(" at line ")
            .next()
            .unwrap_or(&detail)
            .to_string();
        FetchError::Json {
            path: path.to_string(),
            line: e.line(),
            column: e.column(),
            detail,
        }
    })
}

/// Decodes the site manifest and checks its format version, once for the whole site.
pub fn decode_manifest(path: &str, text: &str) -> Result<Manifest, FetchError> {
    #[derive(serde::Deserialize)]
    struct Version {
        format: Option<u32>,
    }
    // The version is checked first so that a newer format says so, not "missing field".
    if let Ok(Version {
        format: Some(found),
    }) = serde_json::from_str::<Version>(text)
    {
        if found != FORMAT_VERSION {
            return Err(FetchError::Format {
                path: path.to_string(),
                found,
            });
        }
    }
    decode(path, text)
}

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

/// A request started before any page asked for it, because a reader was about to open a page
/// that needs it (see [`crate::prefetch`]).
struct Early {
    path: String,
    started: f64,
    response: js_sys::Promise,
    controller: AbortController,
}

thread_local! {
    static EARLY: std::cell::RefCell<Vec<Early>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How long an early request waits to be used: a reader who comes back to a link later gets a
/// fresh copy of its content.
const EARLY_MAX_AGE_MS: f64 = 30_000.0;
/// How many early requests wait at once; the oldest is dropped first.
const EARLY_MAX: usize = 8;

/// Starts fetching `path` now; the next [`get_text`] for it, within
/// [`EARLY_MAX_AGE_MS`], takes this request instead of making its own. Does nothing if one for
/// `path` is already waiting.
pub fn fetch_early(path: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let now = js_sys::Date::now();
    EARLY.with_borrow_mut(|early| {
        early.retain(|e| now - e.started < EARLY_MAX_AGE_MS);
        if early.iter().any(|e| e.path == path) {
            return;
        }
        let Ok(controller) = AbortController::new() else {
            return;
        };
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        let response = window.fetch_with_str_and_init(&url_for(&base_path(), path), &init);
        if early.len() == EARLY_MAX {
            early.remove(0);
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
fn take_early(path: &str) -> Option<Early> {
    let now = js_sys::Date::now();
    EARLY.with_borrow_mut(|early| {
        let i = early
            .iter()
            .position(|e| e.path == path && now - e.started < EARLY_MAX_AGE_MS)?;
        Some(early.remove(i))
    })
}

/// The response to `path`: from its early request if there is one, else from a new request.
async fn send(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<gloo_net::http::Response, FetchError> {
    let Some(early) = take_early(path) else {
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

/// A body as text, read the way `Response.text()` reads it (a byte-order mark dropped, bytes
/// that are not UTF-8 replaced), but without building a JavaScript string only to copy it back:
/// for a long list that round trip cost more than decoding the JSON.
pub fn utf8_text(mut body: Vec<u8>) -> String {
    if body.starts_with(b"\xEF\xBB\xBF") {
        body.drain(..3);
    }
    String::from_utf8(body).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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

/// A content file that a page shows, loaded again whenever the path it names changes or on
/// [`Content::refetch`]; a path of `None` is "not found" without asking the network.
///
/// A change of path aborts the request for the old one, and leaving the page aborts the last,
/// so a reader who moves on never waits for a file no longer wanted. Until the answer to the
/// latest request is in, [`Content::get`] is `None`, although the previous answer is still held:
/// a page never shows one file under another's address, and a retry shows its loading state
/// and then its answer anew, even when it fails the same way.
pub struct Content<T: Send + Sync + 'static> {
    /// The latest answer, decoded.
    loaded: Memo<Option<Answer<Result<T, FetchError>>>>,
    wanted: Memo<Option<String>>,
    /// Counts the reader's retries; each is a request of its own.
    attempt: RwSignal<u32>,
}

/// What came back for one request.
#[derive(Clone)]
struct Answer<R> {
    path: Option<String>,
    attempt: u32,
    result: R,
}

impl<T: Send + Sync> Clone for Content<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync> Copy for Content<T> {}

impl<T: Clone + Send + Sync + 'static> Content<T> {
    /// The file at the path now wanted, once it is in.
    pub fn get(&self) -> Option<Result<T, FetchError>> {
        self.with(|loaded| loaded.cloned())
    }

    /// Reads the file at the path now wanted in place, `None` while it loads.
    pub fn with<R>(&self, read: impl FnOnce(Option<&Result<T, FetchError>>) -> R) -> R {
        let attempt = self.attempt.get();
        // Borrowed, not cloned: pages read this on every change of what they show.
        self.wanted.with(|wanted| {
            self.loaded.with(|loaded| {
                read(
                    loaded
                        .as_ref()
                        .filter(|answer| answer.path == *wanted && answer.attempt == attempt)
                        .map(|answer| &answer.result),
                )
            })
        })
    }

    /// Loads the file again (after an error).
    pub fn refetch(&self) {
        self.attempt.update(|n| *n += 1);
    }
}

/// A [`Content`] for the file that `path` names.
pub fn content_resource<T>(path: impl Fn() -> Option<String> + Send + Sync + 'static) -> Content<T>
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    let wanted = Memo::new(move |_| path());
    let attempt = RwSignal::new(0);
    // The request under way, and the path it is for.
    let in_flight = StoredValue::new_local(None::<(Option<String>, AbortController)>);
    Owner::on_cleanup(move || {
        if let Some(Some((_, controller))) = in_flight.try_update_value(Option::take) {
            controller.abort();
        }
    });
    // The resource starts the next request only once the one under way has finished, so a
    // request for a path no longer wanted is aborted here, as soon as the path changes.
    Effect::new(move |_| {
        let now = wanted.get();
        in_flight.update_value(|slot| {
            if slot.as_ref().is_some_and(|(path, _)| *path != now) {
                if let Some((_, controller)) = slot.take() {
                    controller.abort();
                }
            }
        });
    });
    // The text of the file, fetched by one non-generic resource whatever `T` is: every
    // `LocalResource<T>` adds its own copy of the async machinery to the app's download.
    let resource = LocalResource::new(move || {
        let path = wanted.get();
        let attempt = attempt.get();
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(AbortController::signal);
        in_flight.set_value(controller.map(|c| (path.clone(), c)));
        async move {
            let result = match &path {
                Some(path) => get_text(path, signal.as_ref()).await,
                None => Err(FetchError::NotFound {
                    path: String::new(),
                }),
            };
            Answer {
                path,
                attempt,
                result,
            }
        }
    });
    // Every answer notifies, without comparing a whole file with the one before.
    let loaded = Memo::new_with_compare(
        move |_| {
            resource.with(|answer| {
                answer.as_ref().map(|answer| Answer {
                    path: answer.path.clone(),
                    attempt: answer.attempt,
                    result: answer
                        .result
                        .as_ref()
                        .map_err(Clone::clone)
                        .and_then(|text| decode(answer.path.as_deref().unwrap_or_default(), text)),
                })
            })
        },
        |_, _| true,
    );
    Content {
        loaded,
        wanted,
        attempt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Article;

    #[test]
    fn reads_bodies_as_text_like_the_browser() {
        assert_eq!(utf8_text("Lượt xem".as_bytes().to_vec()), "Lượt xem");
        // Editors on Windows save JSON with a byte-order mark; it is not part of the text.
        assert_eq!(utf8_text(b"\xEF\xBB\xBF{}".to_vec()), "{}");
        assert_eq!(utf8_text(b"a\xFFb".to_vec()), "a\u{FFFD}b");
    }

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

    #[test]
    fn names_the_file_line_and_column_of_malformed_json() {
        let err = decode::<Article>(
            "content/articles/a.json",
            "{\n  \"slug\": \"a\",\n  oops\n}",
        )
        .unwrap_err();
        let FetchError::Json { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, *column), (3, 3));
        let message = err.to_string();
        assert!(message.contains("content/articles/a.json"), "{message}");
        assert!(message.contains("dòng 3, cột 3"), "{message}");
    }

    #[test]
    fn names_a_missing_required_field() {
        let err = decode::<Article>("a.json", "{\"slug\":\"a\"}").unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
    }

    #[test]
    fn rejects_an_unsupported_format_version_before_anything_else() {
        let err = decode_manifest("content/site.json", "{\"format\":2}").unwrap_err();
        assert_eq!(
            err,
            FetchError::Format {
                path: "content/site.json".into(),
                found: 2
            }
        );
        assert!(err.to_string().contains("phiên bản 2"), "{err}");
    }

    #[test]
    fn reads_a_manifest_with_defaults() {
        let manifest = decode_manifest(
            "site.json",
            r#"{"format":1,"name":"Cổng","timezone":"+07:00","sections":[{"slug":"a","title":"A"}],"extra":true}"#,
        )
        .unwrap();
        assert_eq!(manifest.page_size, 10);
        assert_eq!(manifest.views.window_minutes, 30);
        assert_eq!(manifest.language, "vi");
    }

    #[test]
    fn a_manifest_without_a_format_version_is_refused() {
        let err = decode_manifest("site.json", r#"{"name":"x"}"#).unwrap_err();
        assert!(matches!(err, FetchError::Json { .. }), "{err:?}");
    }

    #[test]
    fn tells_not_found_from_other_failures() {
        assert!(FetchError::NotFound { path: "a".into() }.is_not_found());
        assert!(!FetchError::Status {
            path: "a".into(),
            status: 500
        }
        .is_not_found());
        assert!(FetchError::Status {
            path: "a".into(),
            status: 503
        }
        .to_string()
        .contains("503"));
    }
}
