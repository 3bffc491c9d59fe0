//! Property tests and fuzzing of everything the app reads from outside: the content files (as
//! shaped JSON, as mutated real files, as raw bytes, nested without end), times, addresses, links
//! inside content, and what a browser's storage holds. Each target must not panic, and must
//! refuse what it cannot read with an error that names the file.
//!
//! `cargo test --test fuzz` runs every target for `FUZZ_CASES` cases (default 256): that is what
//! `make test` runs. With `FUZZ_SECONDS=S` each target runs for S seconds instead, and says how
//! many cases it tried (`make fuzz`). A failure prints the smallest input proptest found; keep it
//! as a regression case in the module it concerns.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::Cell;
use std::time::{Duration, Instant};
use tintuc::components::pagination::page_numbers;
use tintuc::content::{
    paths, safe_href, Article, Block, HomeIndex, Manifest, SectionPage, FORMAT_VERSION,
};
use tintuc::fetch::embedded::{script_safe, PageData};
use tintuc::fetch::{decode, decode_manifest, utf8_text, FetchError};
use tintuc::format::{self, Timestamp, UtcOffset};
use tintuc::preferences::Preferences;
use tintuc::route::{is_slug, Route};
use tintuc::site::Site;
use tintuc::views::ViewLog;

/// Runs `check` over values of `strategy` until the budget is spent, then reports.
fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    check: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) {
    let cases: u32 = env_number("FUZZ_CASES").unwrap_or(256);
    let deadline = env_number("FUZZ_SECONDS").map(|s| Instant::now() + Duration::from_secs(s));
    let (tried, refused, slowest) = (Cell::new(0u64), Cell::new(0u64), Cell::new(Duration::ZERO));
    let started = Instant::now();
    loop {
        let mut runner = TestRunner::new(Config {
            cases: if deadline.is_some() { 1_000 } else { cases },
            failure_persistence: None,
            ..Config::default()
        });
        let outcome = runner.run(&strategy, |value| {
            let at = Instant::now();
            let accepted = check(value)?;
            slowest.set(slowest.get().max(at.elapsed()));
            tried.set(tried.get() + 1);
            refused.set(refused.get() + u64::from(!accepted));
            Ok(())
        });
        if let Err(failure) = outcome {
            panic!("fuzz {name}: {failure}");
        }
        if deadline.is_none_or(|d| Instant::now() >= d) {
            break;
        }
    }
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

fn json_value() -> impl Strategy<Value = serde_json::Value> {
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

/// A content file decoded as what its path says it is. Returns whether it was accepted; an
/// error must name the file and, for JSON, a position inside it.
fn read_as(path: &str, text: &str) -> Result<bool, TestCaseError> {
    let error = match path {
        paths::MANIFEST => decode_manifest(path, text).map(|m| use_manifest(&m)).err(),
        paths::HOME => decode::<HomeIndex>(path, text).map(|_| ()).err(),
        p if p.starts_with("content/sections/") => decode::<SectionPage>(path, text)
            .map(|page| {
                let numbers = page_numbers(page.page, page.pages);
                assert!(numbers.len() <= 9, "{numbers:?}");
            })
            .err(),
        _ => decode::<Article>(path, text).map(use_article).err(),
    };
    let Some(error) = error else { return Ok(true) };
    prop_assert!(
        error.to_string().contains(path),
        "{error} does not name {path}"
    );
    if let FetchError::Json { line, column, .. } = error {
        let lines = text.lines().count().max(1);
        prop_assert!(line >= 1 && line <= lines + 1 && column <= text.len() + 1);
    }
    Ok(false)
}

/// What the pages do with a manifest, natively: the site's links and times.
fn use_manifest(manifest: &Manifest) {
    let site = Site::new(manifest.clone(), "/tin/");
    for section in &manifest.sections {
        let _ = site.section_href(&section.slug, 1);
    }
    let _ = site.date_time(Timestamp::from_unix(0));
}

/// What the article page does with an article, natively: counts, times, summary; and writing it
/// back gives the same article (the publisher writes what the app reads).
fn use_article(article: Article) {
    let _ = article.word_count();
    let _ = format::date_time(article.published, UtcOffset::from_minutes(420));
    let _ = format::machine(article.published, UtcOffset::from_minutes(-720));
    let _ = format::count(article.views);
    let _ = format::reading_minutes(article.word_count());
    let _ = article.summary();
    if !article.body.contains(&Block::Unknown) {
        let text = serde_json::to_string(&article).expect("an article read is written");
        let again: Article = serde_json::from_str(&text).expect("an article written is read");
        assert_eq!(again, article);
    }
}

const FILES: [&str; 4] = [
    paths::MANIFEST,
    paths::HOME,
    "content/sections/tin-tuc-su-kien/1.json",
    "content/articles/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025.json",
];

fn real_file(path: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public")
            .join(path),
    )
    .expect("the committed content is there")
}

#[test]
fn content_files_shaped_like_the_format() {
    fuzz(
        "content files shaped like the format",
        (prop::sample::select(&FILES[..]), json_value()),
        |(path, value)| read_as(path, &value.to_string()),
    );
}

#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Truncate(usize),
    Repeat(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
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

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
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

#[test]
fn real_content_files_damaged_in_transit_or_by_hand() {
    let files: Vec<(&str, Vec<u8>)> = FILES.iter().map(|p| (*p, real_file(p))).collect();
    fuzz(
        "real content files damaged",
        (0..files.len(), prop::collection::vec(edit(), 1..8)),
        |(which, edits)| {
            let (path, bytes) = &files[which];
            read_as(path, &utf8_text(apply(bytes.clone(), &edits)))
        },
    );
}

#[test]
fn any_bytes_as_any_content_file() {
    fuzz(
        "any bytes",
        (
            prop::sample::select(&FILES[..]),
            prop::collection::vec(any::<u8>(), 0..512),
        ),
        |(path, bytes)| read_as(path, &utf8_text(bytes)),
    );
}

#[test]
fn json_nested_without_end() {
    let opener = prop::sample::select(vec![
        "[",
        "{\"body\":",
        "{\"body\":[{\"type\":\"list\",\"items\":",
        "{\"type\":\"video\",\"x\":",
        "{\"text\":[",
    ]);
    fuzz(
        "deeply nested JSON",
        (prop::sample::select(&FILES[..]), opener, 1..100_000usize),
        |(path, opener, depth)| read_as(path, &opener.repeat(depth)),
    );
}

#[test]
fn times_and_offsets() {
    let near = "[0-9+-]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,12})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?";
    fuzz(
        "RFC 3339 times",
        (
            prop_oneof![
                near.prop_map(String::from),
                ".{0,40}".prop_map(String::from),
                (
                    0..10_000u32,
                    1..=12u32,
                    1..=31u32,
                    0..24u32,
                    0..60u32,
                    0..60u32,
                    -1439..1440i32
                )
                    .prop_map(|(y, mo, d, h, mi, s, off)| {
                        let offset = UtcOffset::from_minutes(off);
                        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{offset}")
                    }),
            ],
            -1439..1440i32,
        ),
        |(text, minutes)| {
            let offset = UtcOffset::from_minutes(minutes);
            let _ = UtcOffset::parse(&text);
            let Some(at) = Timestamp::parse(&text) else {
                return Ok(false);
            };
            let _ = format::date_time(at, offset);
            let written = serde_json::to_string(&at.written_in(offset)).unwrap();
            let again: Timestamp = serde_json::from_str(&written).unwrap();
            prop_assert_eq!(again.unix(), at.unix(), "{}", written);
            Ok(true)
        },
    );
}

#[test]
fn addresses() {
    let segment = "[a-z0-9%.~_-]{0,12}|trang|[0-9]{1,12}|\\.\\.|%2[eEfF]|.{0,4}";
    let path = prop::collection::vec(segment, 0..5)
        .prop_map(|segments| format!("/{}", segments.join("/")));
    let sections = ["chinh-tri", "tin-tuc-su-kien"];
    fuzz(
        "addresses",
        (path, prop::sample::select(vec!["/", "/tin/", "/a/b/"])),
        |(path, base)| {
            let route = Route::parse(&path, |s| sections.contains(&s));
            if route == Route::NotFound {
                return Ok(false);
            }
            for file in route.content_files() {
                let inner = file
                    .strip_prefix("content/")
                    .and_then(|f| f.strip_suffix(".json"))
                    .unwrap_or_default();
                prop_assert!(
                    inner
                        .split('/')
                        .skip(1)
                        .all(|s| is_slug(s) || s.parse::<u32>().is_ok()),
                    "{} names {}",
                    path,
                    file
                );
            }
            let href = route.href(base);
            let below = href.strip_prefix(base.trim_end_matches('/')).unwrap();
            prop_assert_eq!(Route::parse(below, |s| sections.contains(&s)), route);
            Ok(true)
        },
    );
}

/// The scheme a browser would see in `href`: it drops leading and trailing controls and spaces
/// and every tab and newline before it parses.
fn browser_scheme(href: &str) -> Option<String> {
    let cleaned: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find(':')?;
    let scheme = &cleaned[..end];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

#[test]
fn links_inside_content() {
    let hostile = "[ \\t\\n\\x01]{0,2}(java|vb|JaVa|data|DATA|http|https|mailto)[ \\t\\n]{0,1}(script)?[:;&#x0-9a-f]{0,6}.{0,10}";
    let manifest =
        r#"{"format":1,"name":"x","timezone":"+07:00","sections":[{"slug":"a","title":"A"}]}"#;
    let site = Site::new(decode_manifest(paths::MANIFEST, manifest).unwrap(), "/tin/");
    fuzz(
        "links inside content",
        prop_oneof![
            hostile.prop_map(String::from),
            ".{0,24}".prop_map(String::from)
        ],
        |href| {
            let Some(followed) = safe_href(&href) else {
                prop_assert!(site.content_href(&href).is_none());
                return Ok(false);
            };
            let scheme = browser_scheme(followed);
            prop_assert!(
                scheme.is_none() || matches!(scheme.as_deref(), Some("http" | "https")),
                "{:?} is followed as {:?}",
                href,
                scheme
            );
            let resolved = site.content_href(&href).expect("a safe link resolves");
            let resolved_scheme = browser_scheme(&resolved);
            prop_assert!(
                resolved_scheme.is_none()
                    || matches!(resolved_scheme.as_deref(), Some("http" | "https")),
                "{:?} resolves to {:?}",
                href,
                resolved
            );
            Ok(true)
        },
    );
}

#[test]
fn what_a_browser_stored() {
    let stored = prop_oneof![
        ".{0,40}".prop_map(String::from),
        json_value().prop_map(|v| v.to_string()),
        (any::<i64>(), any::<u64>(), 0..3u32).prop_map(|(t, n, v)| format!(
            r#"{{"v":{v},"entries":{{"a":{{"n":{n},"t":{t}}},"b":{{"n":1,"t":{t}}}}}}}"#
        )),
    ];
    fuzz(
        "stored views and preferences",
        (stored, any::<i64>(), any::<i64>(), 0..4usize, any::<i8>()),
        |(text, now, window, max, by)| {
            let prefs = Preferences::parse(&text).resized(by);
            prop_assert_eq!(Preferences::parse(&prefs.to_json()), prefs);
            let Some(mut log) = ViewLog::parse(&text) else {
                return Ok(false);
            };
            log.record("a", now, window, max);
            prop_assert!(log.len() <= max.max(1));
            Ok(true)
        },
    );
}

#[test]
fn data_a_rendered_page_carries() {
    fuzz(
        "carried page data",
        prop::collection::vec((".{0,12}", json_value()), 0..4),
        |files| {
            let data = PageData::new(files.iter().map(|(p, v)| (p.clone(), v.to_string())));
            let text = data.to_script_text();
            prop_assert!(!text.contains('<'));
            let again = PageData::parse(&text).expect("what is written is read");
            for (path, _) in &files {
                let carried = again.get(path).expect("every file is carried");
                // A path written twice keeps its last value, as the publisher's map does.
                let (_, last) = files.iter().rev().find(|(p, _)| p == path).unwrap();
                prop_assert_eq!(carried, script_safe(&last.to_string()));
            }
            prop_assert_eq!(script_safe("<"), "\\u003c");
            let cut = format!("{{{}", text);
            prop_assert!(PageData::parse(&cut).is_none());
            Ok(true)
        },
    );
}

#[test]
fn a_newer_format_is_refused_by_version_not_by_a_field() {
    fuzz(
        "format versions",
        (FORMAT_VERSION + 1..u32::MAX, json_value()),
        |(version, rest)| {
            let text = format!(r#"{{"format":{version},"extra":{rest}}}"#);
            let refused = decode_manifest(paths::MANIFEST, &text).unwrap_err();
            prop_assert!(
                matches!(refused, FetchError::Format { found, .. } if found == version),
                "{:?}",
                refused
            );
            Ok(false)
        },
    );
}
