//! The view counter in the browser: `localStorage` as its [`Store`], and a context that pages
//! read counts from and record views through.

use super::{may_report, Counter, Store, StoreError, ViewLog, STORAGE_KEY};
use crate::content::ViewSettings;
use leptos::prelude::*;

/// `window.localStorage`, looked up on each use: reaching it can throw (storage disabled,
/// private mode, sandboxed frames), and that must only ever be an error.
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let describe = |e: wasm_bindgen::JsValue| StoreError::Unavailable(format!("{e:?}"));
    web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("no window".into()))?
        .local_storage()
        .map_err(describe)?
        .ok_or_else(|| StoreError::Unavailable("no localStorage".into()))
}

impl Store for LocalStore {
    fn load(&self) -> Result<Option<String>, StoreError> {
        storage()?
            .get_item(STORAGE_KEY)
            .map_err(|e| StoreError::Unavailable(format!("{e:?}")))
    }
    fn save(&self, value: &str) -> Result<(), StoreError> {
        storage()?
            .set_item(STORAGE_KEY, value)
            .map_err(|e| StoreError::WriteFailed(format!("{e:?}")))
    }
    fn clear(&self) -> Result<(), StoreError> {
        storage()?
            .remove_item(STORAGE_KEY)
            .map_err(|e| StoreError::WriteFailed(format!("{e:?}")))
    }
}

/// The site's view counts: what pages read and record through. Copy it freely.
#[derive(Clone, Copy)]
pub struct Views {
    log: RwSignal<ViewLog>,
    in_memory: RwSignal<bool>,
    counter: StoredValue<Counter<LocalStore>, LocalStorage>,
    endpoint: StoredValue<Option<String>>,
}

impl Views {
    /// Starts counting with the site's settings, and listens for other tabs' changes.
    pub fn new(settings: &ViewSettings) -> Self {
        let counter = Counter::new(LocalStore, settings.window_minutes, settings.max_entries);
        let views = Self {
            log: RwSignal::new(counter.log().clone()),
            in_memory: RwSignal::new(counter.in_memory()),
            counter: StoredValue::new_local(counter),
            endpoint: StoredValue::new(settings.endpoint.clone()),
        };
        views.listen_to_other_tabs();
        views
    }

    /// The count to show: the publisher's `baseline` plus this browser's views. Reactive.
    pub fn count(&self, slug: &str, baseline: u64) -> u64 {
        baseline.saturating_add(self.log.with(|log| log.local_views(slug)))
    }

    /// Records that the reader has been shown `slug`, once per window.
    pub fn record(&self, slug: &str) {
        let now = js_sys::Date::now() as i64;
        let outcome = self.counter.try_update_value(|c| {
            let counted = c.record(slug, now);
            (counted, c.log().clone(), c.in_memory())
        });
        if let Some((counted, log, in_memory)) = outcome {
            self.log.set(log);
            self.in_memory.set(in_memory);
            if counted {
                self.report(slug);
            }
        }
    }

    /// Forgets this browser's views.
    pub fn clear(&self) {
        self.counter.update_value(|c| c.clear());
        self.log.set(ViewLog::default());
    }

    /// True when storage refused and this visit's views are kept in memory only.
    pub fn in_memory(&self) -> bool {
        self.in_memory.get()
    }

    fn listen_to_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            // A null key means the other tab cleared all storage.
            if event.key().is_none_or(|key| key == STORAGE_KEY) {
                if let Some(log) = self.counter.try_update_value(|c| {
                    c.reload();
                    c.log().clone()
                }) {
                    self.log.set(log);
                }
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn report(&self, slug: &str) {
        let Some(endpoint) = self.endpoint.get_value() else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator = window.navigator();
        // Read by name: web-sys does not bind `globalPrivacyControl` yet.
        let flag = |name: &str| js_sys::Reflect::get(&navigator, &name.into()).ok();
        let gpc = flag("globalPrivacyControl")
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let dnt = flag("doNotTrack")
            .and_then(|v| v.as_string())
            .is_some_and(|v| v == "1");
        if may_report(Some(&endpoint), gpc, dnt) {
            // A lost beacon loses one count at the endpoint, nothing on the page.
            let _ = navigator.send_beacon_with_opt_str(&endpoint, Some(slug));
        }
    }
}

/// The site's [`Views`], provided by the app.
pub fn use_views() -> Views {
    expect_context::<Views>()
}
