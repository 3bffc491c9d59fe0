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
///
/// It starts empty, as the publisher renders every page (counts are the published baselines),
/// and reads this browser's history once the page is running, so a hydrated page matches what
/// was rendered and then shows the reader's own counts.
#[derive(Clone, Copy)]
pub struct Views {
    log: RwSignal<ViewLog>,
    in_memory: RwSignal<bool>,
    counter: StoredValue<Option<Counter<LocalStore>>, LocalStorage>,
    settings: StoredValue<ViewSettings>,
}

impl Views {
    /// Starts counting with the site's settings: in the browser, once the page is on screen, it
    /// reads the history and listens for other tabs' changes.
    pub fn new(settings: &ViewSettings) -> Self {
        let views = Self {
            log: RwSignal::new(ViewLog::default()),
            in_memory: RwSignal::new(false),
            counter: StoredValue::new_local(None),
            settings: StoredValue::new(settings.clone()),
        };
        Effect::new(move |_| {
            views.with_counter(|_| ());
            views.listen_to_other_tabs();
        });
        views
    }

    /// Runs `change` on the counter, reading the history first if not yet done, and shows
    /// what it leaves.
    fn with_counter<R>(&self, change: impl FnOnce(&mut Counter<LocalStore>) -> R) -> Option<R> {
        let settings = self.settings.get_value();
        let outcome = self.counter.try_update_value(|slot| {
            let counter = slot.get_or_insert_with(|| {
                Counter::new(LocalStore, settings.window_minutes, settings.max_entries)
            });
            let result = change(counter);
            (result, counter.log().clone(), counter.in_memory())
        });
        outcome.map(|(result, log, in_memory)| {
            // Only a change notifies: a reader with no history keeps the page as rendered.
            if self.log.with_untracked(|shown| *shown != log) {
                self.log.set(log);
            }
            if self.in_memory.get_untracked() != in_memory {
                self.in_memory.set(in_memory);
            }
            result
        })
    }

    /// The count to show: the publisher's `baseline` plus this browser's views. Reactive.
    pub fn count(&self, slug: &str, baseline: u64) -> u64 {
        baseline.saturating_add(self.log.with(|log| log.local_views(slug)))
    }

    /// Records that the reader has been shown `slug`, once per window.
    pub fn record(&self, slug: &str) {
        let now = js_sys::Date::now() as i64;
        if self.with_counter(|c| c.record(slug, now)) == Some(true) {
            self.report(slug);
        }
    }

    /// Forgets this browser's views.
    pub fn clear(&self) {
        self.with_counter(|c| c.clear());
    }

    /// True when storage refused and this visit's views are kept in memory only.
    pub fn in_memory(&self) -> bool {
        self.in_memory.get()
    }

    fn listen_to_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            // A null key means the other tab cleared all storage.
            if event.key().is_none_or(|key| key == STORAGE_KEY) {
                self.with_counter(|c| c.reload());
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn report(&self, slug: &str) {
        let Some(endpoint) = self.settings.with_value(|s| s.endpoint.clone()) else {
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
