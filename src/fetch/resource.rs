//! The content a page shows, as a reactive value: from the data the page was rendered with,
//! else fetched, refetched on retry, and aborted when the reader moves on.

use super::embedded::PageData;
use super::{decode, get_text, FetchError};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use web_sys::AbortController;

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
    content_resource_with(path, decode::<T>)
}

/// The site manifest, its format version checked (see [`super::decode_manifest`]).
pub fn manifest_resource() -> Content<crate::content::Manifest> {
    content_resource_with(
        || Some(crate::content::paths::MANIFEST.to_string()),
        super::decode_manifest,
    )
}

/// A [`Content`] whose text `decode` reads.
///
/// A file the page was rendered with (see [`PageData`]) is read from there, at once and without
/// a request, so that hydration finds what the publisher wrote; a retry fetches it anew.
fn content_resource_with<T>(
    path: impl Fn() -> Option<String> + Send + Sync + 'static,
    decode: fn(&str, &str) -> Result<T, FetchError>,
) -> Content<T>
where
    T: Send + Sync + 'static,
{
    let carried = use_context::<PageData>().unwrap_or_default();
    let wanted = Memo::new(move |_| path());
    let attempt = RwSignal::new(0);
    // A retry always asks the network: the reader saw what the page carried fail to show.
    let carries = {
        let carried = carried.clone();
        move |path: &Option<String>, attempt: u32| {
            attempt == 0 && path.as_deref().is_some_and(|p| carried.get(p).is_some())
        }
    };
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
        // What the page carries is not asked for again; natively (rendering pages) there is
        // no network at all.
        let network = cfg!(target_arch = "wasm32") && !carries(&path, attempt);
        let controller = network.then(|| AbortController::new().ok()).flatten();
        let signal = controller.as_ref().map(AbortController::signal);
        in_flight.set_value(controller.map(|c| (path.clone(), c)));
        async move {
            let result = match &path {
                Some(path) if network => get_text(path, signal.as_ref()).await,
                Some(_) => Err(FetchError::Aborted),
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
            let path = wanted.get();
            let attempt = attempt.get();
            let carried = path
                .as_deref()
                .filter(|_| attempt == 0)
                .and_then(|p| carried.get(p).map(|text| decode(p, text)));
            if let Some(result) = carried {
                return Some(Answer {
                    path,
                    attempt,
                    result,
                });
            }
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
