//! Property tests and fuzzing of everything the app reads from outside: the content files (as
//! shaped JSON, as mutated real files, as raw bytes, nested without end), times, addresses, links
//! inside content, and what a browser's storage holds. Each target must not panic, and must
//! refuse what it cannot read with an error that names the file.
//!
//! The runner and its budget are in `support/fuzz.rs`. A failure prints the smallest input
//! proptest found; keep it as a regression case in the module it concerns.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fuzz.rs"]
mod support;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use support::{apply, edit, fuzz, json_value};
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
    for t in tintuc::strings::TABLES {
        let _ = t.date_time(article.published.civil(UtcOffset::from_minutes(420)));
        let _ = t.count(article.views);
    }
    let _ = format::machine(article.published, UtcOffset::from_minutes(-720));
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
            for t in tintuc::strings::TABLES {
                let _ = t.date_time(at.civil(offset));
            }
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
    // Logs of any size, times anywhere in the range, and versions other than the one read.
    let log = (
        prop::collection::vec(("[a-c]{1,3}", any::<u32>(), any::<i64>()), 0..64),
        0..3u32,
    )
        .prop_map(|(entries, v)| {
            let entries: Vec<String> = entries
                .iter()
                .map(|(slug, n, t)| format!(r#""{slug}":{{"n":{n},"t":{t}}}"#))
                .collect();
            format!(r#"{{"v":{v},"entries":{{{}}}}}"#, entries.join(","))
        });
    let stored = prop_oneof![
        ".{0,40}".prop_map(String::from),
        json_value().prop_map(|v| v.to_string()),
        log,
    ];
    fuzz(
        "stored views and preferences",
        (stored, any::<i64>(), any::<i64>(), 0..80usize, any::<i8>()),
        |(text, now, window, max, by)| {
            let prefs = Preferences::parse(&text).resized(by);
            prop_assert_eq!(Preferences::parse(&prefs.to_json()), prefs);
            let Some(mut log) = ViewLog::parse(&text) else {
                return Ok(false);
            };
            let before = log.local_views("moi");
            let counted = log.record("moi", now, window, max);
            // The view just recorded is kept whatever else goes, and the log keeps to its size.
            prop_assert!(
                log.len() <= max.max(1),
                "{} entries, at most {}",
                log.len(),
                max
            );
            prop_assert_eq!(log.local_views("moi"), before + u64::from(counted));
            prop_assert!(log.local_views("moi") >= 1);
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
            // Cut anywhere inside, the text is refused rather than read as fewer files.
            let at = text
                .char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            prop_assert!(PageData::parse(&text[..at]).is_none());
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
