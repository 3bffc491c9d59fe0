//! What the fuzz targets of both crates share (`tests/fuzz.rs`, `publisher/tests/fuzz.rs`): the
//! runner with its budget and report, JSON shaped like content files, and damage to real files.
//!
//! `FUZZ_CASES` sets the cases each target runs (what `make test` runs is the default below);
//! `FUZZ_SECONDS=S` runs each for S seconds instead and reports the cases tried (`make fuzz`).
#![allow(dead_code)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// A single case running this long is taken for a hang: the run stops and says which target.
/// (Far above any case's time: the slowest seen in a 10-minute run is reported in milliseconds.)
const HANG_SECONDS: u64 = 60;

/// Runs `check` over values of `strategy` until the budget is spent, then reports.
pub fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    check: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) {
    let cases: u32 = env_number("FUZZ_CASES").unwrap_or(256);
    let deadline = env_number("FUZZ_SECONDS").map(|s| Instant::now() + Duration::from_secs(s));
    let (tried, refused, slowest) = (Cell::new(0u64), Cell::new(0u64), Cell::new(Duration::ZERO));
    let started = Instant::now();
    // When the case under way began, in milliseconds since `started` plus one; 0 between cases.
    let current = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let watchdog = {
        let (current, name) = (current.clone(), name.to_string());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(250));
            let began = current.load(std::sync::atomic::Ordering::Relaxed);
            if began == u64::MAX {
                return;
            }
            let now = started.elapsed().as_millis() as u64 + 1;
            if began > 0 && now.saturating_sub(began) > HANG_SECONDS * 1_000 {
                eprintln!("fuzz {name}: a case has run for {HANG_SECONDS} s: it hangs");
                std::process::abort();
            }
        })
    };
    loop {
        let mut runner = TestRunner::new(Config {
            cases: if deadline.is_some() { 1_000 } else { cases },
            failure_persistence: None,
            ..Config::default()
        });
        let outcome = runner.run(&strategy, |value| {
            let at = Instant::now();
            let began = started.elapsed().as_millis() as u64 + 1;
            current.store(began, std::sync::atomic::Ordering::Relaxed);
            let accepted = check(value);
            current.store(0, std::sync::atomic::Ordering::Relaxed);
            let accepted = accepted?;
            slowest.set(slowest.get().max(at.elapsed()));
            tried.set(tried.get() + 1);
            refused.set(refused.get() + u64::from(!accepted));
            Ok(())
        });
        if let Err(failure) = outcome {
            current.store(u64::MAX, std::sync::atomic::Ordering::Relaxed);
            panic!("fuzz {name}: {failure}");
        }
        if deadline.is_none_or(|d| Instant::now() >= d) {
            break;
        }
    }
    current.store(u64::MAX, std::sync::atomic::Ordering::Relaxed);
    let _ = watchdog.join();
    println!(
        "fuzz {name}: {} cases in {:.1} s, {} refused, slowest case {:.1} ms",
        tried.get(),
        started.elapsed().as_secs_f64(),
        refused.get(),
        slowest.get().as_secs_f64() * 1e3
    );
}

fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok()?.parse().ok()
}

/// The names and values real content files use, so that shaped JSON gets past the first field.
const FIELDS: &[&str] = &[
    "format",
    "name",
    "description",
    "language",
    "timezone",
    "sections",
    "page_size",
    "views",
    "window_minutes",
    "max_entries",
    "endpoint",
    "demo",
    "url",
    "slug",
    "section",
    "title",
    "lead",
    "published",
    "updated",
    "author",
    "source",
    "body",
    "thumbnail",
    "sample",
    "type",
    "text",
    "href",
    "label",
    "src",
    "alt",
    "width",
    "height",
    "caption",
    "ordered",
    "items",
    "latest",
    "popular",
    "page",
    "pages",
    "total",
    "articles",
];
const WORDS: &[&str] = &[
    "paragraph",
    "heading",
    "quote",
    "image",
    "list",
    "video",
    "+07:00",
    "Z",
    "-03:30",
    "2020-07-19T18:40:00+07:00",
    "2020-02-30T00:00:00Z",
    "9999-12-31T23:59:59-23:59",
    "0000-01-01T00:00:00+23:59",
    "tin-tuc-su-kien",
    "javascript:alert(1)",
    "Đống Đa",
    "",
    "\u{202E}",
    "a\u{0}b",
    "\\u003c/script>",
];

pub fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![Just(0), Just(1), Just(u32::MAX as i64), Just(-1)].prop_map(Value::from),
        prop::sample::select(WORDS).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        prop::sample::select(FIELDS).prop_map(String::from),
                        ".{0,6}"
                    ],
                    inner
                ),
                0..10
            )
            .prop_map(|pairs| serde_json::Value::Object(pairs.into_iter().collect())),
        ]
    })
}

#[derive(Clone, Debug)]
pub enum Edit {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Truncate(usize),
    Repeat(usize, usize),
}

pub fn edit() -> impl Strategy<Value = Edit> {
    let tokens = prop::sample::select(vec![
        &b"{"[..],
        b"}",
        b"[",
        b"]",
        b",",
        b":",
        b"\"",
        b"\\",
        b"null",
        b"-1",
        b"1e999",
        b"\xFF",
        b"\xEF\xBB\xBF",
        b"\\ud800",
        b"\"type\":\"video\"",
        b"\xE1\xBB",
    ]);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (any::<usize>(), 0..64usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), tokens).prop_map(|(at, t)| Edit::Insert(at, t.to_vec())),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), 1..256usize).prop_map(|(at, n)| Edit::Repeat(at, n)),
    ]
}

pub fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let at = |i: usize| {
            if bytes.is_empty() {
                0
            } else {
                i % (bytes.len() + 1)
            }
        };
        match edit {
            Edit::Flip(i, b) if !bytes.is_empty() => {
                let i = i % bytes.len();
                bytes[i] ^= b | 1;
            }
            Edit::Flip(..) => {}
            Edit::Delete(i, n) => {
                let start = at(*i);
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Edit::Insert(i, more) => {
                let i = at(*i);
                bytes.splice(i..i, more.iter().copied());
            }
            Edit::Truncate(i) => bytes.truncate(at(*i)),
            Edit::Repeat(i, n) => {
                let start = at(*i);
                let end = (start + n).min(bytes.len());
                let copy = bytes[start..end].to_vec();
                bytes.splice(end..end, copy);
            }
        }
    }
    bytes
}
