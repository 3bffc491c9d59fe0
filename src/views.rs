//! Counting views in the reader's browser, with no server.
//!
//! The count shown for an article is the publisher's baseline plus the views recorded here. A
//! view is recorded at most once per article per window; the log is kept in `localStorage`
//! under [`STORAGE_KEY`], capped at a number of entries, and read again before each change so
//! that tabs share it. Storage that refuses, fails or holds something else never stops the
//! page: the counter carries on in memory for the visit. The rules live behind [`Store`] and a
//! caller-given clock so that they are tested natively.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub mod browser;

/// The `localStorage` key; the version suffix changes if the stored shape ever does.
pub const STORAGE_KEY: &str = "tintuc:views:v1";

/// Why a [`Store`] could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("storage is not available: {0}")]
    Unavailable(String),
    #[error("storage refused the write: {0}")]
    WriteFailed(String),
}

/// Where the view log is kept between visits.
pub trait Store {
    fn load(&self) -> Result<Option<String>, StoreError>;
    fn save(&self, value: &str) -> Result<(), StoreError>;
    fn clear(&self) -> Result<(), StoreError>;
}

/// What is remembered of one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Views recorded in this browser.
    #[serde(rename = "n")]
    pub count: u64,
    /// When the last counted view was, in milliseconds since the epoch.
    #[serde(rename = "t")]
    pub last: i64,
}

/// Every article's entry, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewLog {
    #[serde(rename = "v")]
    version: u32,
    entries: BTreeMap<String, Entry>,
}

impl ViewLog {
    const VERSION: u32 = 1;

    /// Reads a stored log; anything that is not one (corrupt, foreign, another version) is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let log: Self = serde_json::from_str(text).ok()?;
        (log.version == Self::VERSION).then_some(log)
    }

    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Views of `slug` recorded in this browser.
    pub fn local_views(&self, slug: &str) -> u64 {
        self.entries.get(slug).map_or(0, |e| e.count)
    }

    /// How many articles are remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Records a view of `slug` at `now_ms` unless one was counted within `window_ms`; returns
    /// whether it counted. Keeps at most `max_entries`, dropping the least recently viewed.
    pub fn record(&mut self, slug: &str, now_ms: i64, window_ms: i64, max_entries: usize) -> bool {
        self.version = Self::VERSION;
        let counted = match self.entries.get_mut(slug) {
            Some(entry) if now_ms < entry.last => {
                // The clock went back: not a new view, and the window restarts from the new now
                // so that it does not stretch to the old future time.
                entry.last = now_ms;
                false
            }
            Some(entry) if now_ms.saturating_sub(entry.last) < window_ms => false,
            Some(entry) => {
                entry.count = entry.count.saturating_add(1);
                entry.last = now_ms;
                true
            }
            None => {
                self.entries.insert(
                    slug.to_string(),
                    Entry {
                        count: 1,
                        last: now_ms,
                    },
                );
                true
            }
        };
        let excess = self.entries.len().saturating_sub(max_entries.max(1));
        if excess > 0 {
            self.forget_oldest(excess, slug);
        }
        counted
    }

    /// Drops the `n` least recently viewed entries other than `keep`. A stored log may hold any
    /// number of entries, so this is not one search per entry dropped; and it finds the cut-off
    /// time by bisection rather than by sorting, whose code would weigh more in the wasm.
    fn forget_oldest(&mut self, n: usize, keep: &str) {
        let older_than = |log: &Self, t: i64| {
            log.entries
                .iter()
                .filter(|(key, e)| e.last < t && key.as_str() != keep)
                .count()
        };
        // The earliest time `cut` with at least `n` entries at or before it: every entry before
        // it goes, and as many at it as make up `n`.
        let (mut cut, mut high) = (i64::MIN, i64::MAX);
        while cut < high {
            let mid = (i128::from(cut) + i128::from(high)).div_euclid(2) as i64;
            if older_than(self, mid.saturating_add(1)) >= n {
                high = mid;
            } else {
                cut = mid + 1;
            }
        }
        let mut ties = n - older_than(self, cut);
        self.entries.retain(|key, e| {
            if key.as_str() == keep || e.last > cut {
                return true;
            }
            if e.last < cut {
                return false;
            }
            let drop = ties > 0;
            ties -= usize::from(drop);
            !drop
        });
    }
}

/// The counter: the log, where it is kept, and whether that place still works.
pub struct Counter<S: Store> {
    store: S,
    log: ViewLog,
    /// Set once storage has failed: from then on the log lives in memory for this visit.
    in_memory: bool,
    window_ms: i64,
    max_entries: usize,
}

impl<S: Store> Counter<S> {
    /// A counter over `store` that counts a view once per `window_minutes`.
    pub fn new(store: S, window_minutes: u32, max_entries: usize) -> Self {
        let mut counter = Self {
            store,
            log: ViewLog::default(),
            in_memory: false,
            window_ms: i64::from(window_minutes) * 60_000,
            max_entries,
        };
        counter.reload();
        counter
    }

    /// Reads the log again, as another tab may have changed it. Corrupt data is dropped (and
    /// replaced on the next write); a store that fails switches the counter to memory.
    pub fn reload(&mut self) {
        if self.in_memory {
            return;
        }
        match self.store.load() {
            Ok(Some(text)) => self.log = ViewLog::parse(&text).unwrap_or_default(),
            Ok(None) => self.log = ViewLog::default(),
            Err(_) => self.in_memory = true,
        }
    }

    /// Records a view of `slug` at `now_ms`; returns whether it counted.
    pub fn record(&mut self, slug: &str, now_ms: i64) -> bool {
        self.reload();
        let counted = self
            .log
            .record(slug, now_ms, self.window_ms, self.max_entries);
        if !self.in_memory && self.store.save(&self.log.to_json()).is_err() {
            self.in_memory = true;
        }
        counted
    }

    /// Forgets every view recorded in this browser.
    pub fn clear(&mut self) {
        self.log = ViewLog::default();
        if !self.in_memory && self.store.clear().is_err() {
            self.in_memory = true;
        }
    }

    /// The log as last read or written.
    pub fn log(&self) -> &ViewLog {
        &self.log
    }

    /// True when storage failed and views are kept only for this visit.
    pub fn in_memory(&self) -> bool {
        self.in_memory
    }
}

/// Whether a counted view may be reported to a counting endpoint: only when the site names one
/// and the reader has not asked not to be tracked (Global Privacy Control or Do Not Track).
pub fn may_report(
    endpoint: Option<&str>,
    global_privacy_control: bool,
    do_not_track: bool,
) -> bool {
    endpoint.is_some_and(|e| !e.trim().is_empty()) && !global_privacy_control && !do_not_track
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    const MINUTE: i64 = 60_000;
    const T0: i64 = 1_700_000_000_000;

    /// A store whose content and failures the test sets; clones share one content, like tabs.
    #[derive(Clone, Default)]
    struct FakeStore {
        value: Rc<RefCell<Option<String>>>,
        fail_load: bool,
        fail_save: Rc<RefCell<bool>>,
    }

    impl Store for FakeStore {
        fn load(&self) -> Result<Option<String>, StoreError> {
            if self.fail_load {
                return Err(StoreError::Unavailable("SecurityError".into()));
            }
            Ok(self.value.borrow().clone())
        }
        fn save(&self, value: &str) -> Result<(), StoreError> {
            if *self.fail_save.borrow() {
                return Err(StoreError::WriteFailed("QuotaExceededError".into()));
            }
            *self.value.borrow_mut() = Some(value.to_string());
            Ok(())
        }
        fn clear(&self) -> Result<(), StoreError> {
            *self.value.borrow_mut() = None;
            Ok(())
        }
    }

    fn counter(store: &FakeStore) -> Counter<FakeStore> {
        Counter::new(store.clone(), 30, 500)
    }

    // Found by tests/fuzz.rs: a stored time far in the past overflowed the window's subtraction.
    #[test]
    fn a_stored_time_at_the_edge_of_the_range_is_a_view_long_ago() {
        let stored = format!(r#"{{"v":1,"entries":{{"a":{{"n":3,"t":{}}}}}}}"#, i64::MIN);
        let mut log = ViewLog::parse(&stored).unwrap();
        assert!(log.record("a", T0, 30 * MINUTE, 10));
        assert_eq!(log.local_views("a"), 4);
    }

    // A stored log may hold any number of entries; trimming it must not search once per entry.
    #[test]
    fn trims_a_huge_stored_log_to_the_newest_entries() {
        let mut log = ViewLog::default();
        for i in 0..100_000 {
            log.record(&format!("bai-{i}"), T0 + i, MINUTE, usize::MAX);
        }
        log.record("moi", T0 + 200_000, MINUTE, 500);
        assert_eq!(log.len(), 500);
        assert_eq!(log.local_views("moi"), 1);
        assert_eq!(log.local_views("bai-99999"), 1);
        assert_eq!(log.local_views("bai-0"), 0);
        // Times before the epoch and ties at the cut-off.
        let mut log = ViewLog::default();
        for (i, t) in [-7, -7, -7, i64::MIN, 3].into_iter().enumerate() {
            log.record(&format!("b{i}"), t, 1, usize::MAX);
        }
        log.record("moi", 10, 1, 3);
        assert_eq!(log.len(), 3);
        assert_eq!(log.local_views("b3") + log.local_views("b4"), 1);
        assert_eq!(
            log.local_views("b0") + log.local_views("b1") + log.local_views("b2"),
            1
        );
    }

    #[test]
    fn counts_the_first_view() {
        let store = FakeStore::default();
        let mut c = counter(&store);
        assert!(c.record("seed", T0));
        assert_eq!(c.log().local_views("seed"), 1);
        assert_eq!(c.log().local_views("other"), 0);
        assert!(store.value.borrow().as_deref().unwrap().contains("seed"));
    }

    #[test]
    fn counts_a_view_once_per_window() {
        let store = FakeStore::default();
        let mut c = counter(&store);
        assert!(c.record("seed", T0));
        assert!(!c.record("seed", T0 + 29 * MINUTE));
        assert_eq!(c.log().local_views("seed"), 1);
        assert!(c.record("seed", T0 + 30 * MINUTE));
        assert_eq!(c.log().local_views("seed"), 2);
    }

    // A reload or a second tab starts a new counter over the same storage.
    #[test]
    fn a_second_tab_within_the_window_does_not_count_again() {
        let store = FakeStore::default();
        let mut first = counter(&store);
        let mut second = counter(&store);
        assert!(first.record("seed", T0));
        assert!(!second.record("seed", T0 + MINUTE));
        assert_eq!(second.log().local_views("seed"), 1);
        assert!(second.record("other", T0 + MINUTE));
        first.reload();
        assert_eq!(first.log().local_views("other"), 1);
    }

    #[test]
    fn drops_the_least_recently_viewed_beyond_the_cap() {
        let store = FakeStore::default();
        let mut c = Counter::new(store.clone(), 30, 3);
        for (i, slug) in ["a", "b", "c"].iter().enumerate() {
            c.record(slug, T0 + i as i64 * MINUTE);
        }
        // "a" viewed again after its window, so "b" is now the least recent.
        c.record("a", T0 + 40 * MINUTE);
        c.record("d", T0 + 41 * MINUTE);
        let log = c.log();
        assert_eq!(log.len(), 3);
        assert_eq!((log.local_views("a"), log.local_views("b")), (2, 0));
        assert_eq!((log.local_views("c"), log.local_views("d")), (1, 1));
    }

    #[test]
    fn discards_corrupt_or_foreign_data_and_replaces_it() {
        for junk in [
            "not json",
            "{\"v\":99,\"entries\":{}}",
            "[1,2]",
            "{\"v\":1,\"entries\":{\"a\":\"x\"}}",
            "",
        ] {
            let store = FakeStore::default();
            *store.value.borrow_mut() = Some(junk.to_string());
            let mut c = counter(&store);
            assert!(c.log().is_empty(), "{junk}");
            assert!(c.record("seed", T0), "{junk}");
            let saved = store.value.borrow().clone().unwrap();
            assert_eq!(
                ViewLog::parse(&saved).unwrap().local_views("seed"),
                1,
                "{junk}"
            );
        }
    }

    #[test]
    fn falls_back_to_memory_when_storage_is_blocked() {
        let store = FakeStore {
            fail_load: true,
            ..FakeStore::default()
        };
        let mut c = counter(&store);
        assert!(c.in_memory());
        assert!(c.record("seed", T0));
        assert!(!c.record("seed", T0 + MINUTE));
        assert_eq!(c.log().local_views("seed"), 1);
    }

    #[test]
    fn falls_back_to_memory_when_storage_is_full_and_keeps_what_it_had() {
        let store = FakeStore::default();
        let mut c = counter(&store);
        c.record("a", T0);
        *store.fail_save.borrow_mut() = true;
        assert!(c.record("b", T0 + MINUTE));
        assert!(c.in_memory());
        assert_eq!((c.log().local_views("a"), c.log().local_views("b")), (1, 1));
        assert!(c.record("a", T0 + 31 * MINUTE));
        assert_eq!(c.log().local_views("a"), 2);
    }

    #[test]
    fn a_clock_going_back_never_doubles_or_lowers_a_count() {
        let store = FakeStore::default();
        let mut c = counter(&store);
        assert!(c.record("seed", T0));
        // An hour back: not a new view.
        assert!(!c.record("seed", T0 - 60 * MINUTE));
        assert_eq!(c.log().local_views("seed"), 1);
        // The window now runs from the corrected time, not from the old future one.
        assert!(!c.record("seed", T0 - 45 * MINUTE));
        assert!(c.record("seed", T0 - 30 * MINUTE));
        assert_eq!(c.log().local_views("seed"), 2);
    }

    #[test]
    fn clearing_forgets_every_view() {
        let store = FakeStore::default();
        let mut c = counter(&store);
        c.record("seed", T0);
        c.clear();
        assert!(c.log().is_empty());
        assert_eq!(*store.value.borrow(), None);
        assert!(c.record("seed", T0 + MINUTE));
    }

    #[test]
    fn reports_only_to_a_named_endpoint_and_never_against_gpc_or_dnt() {
        assert!(!may_report(None, false, false));
        assert!(!may_report(Some(" "), false, false));
        assert!(may_report(Some("/dem"), false, false));
        assert!(!may_report(Some("/dem"), true, false));
        assert!(!may_report(Some("/dem"), false, true));
    }
}
