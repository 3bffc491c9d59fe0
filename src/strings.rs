//! Every piece of text the interface itself shows, in each language it speaks, and the way each
//! language writes dates and numbers. Content text comes from JSON.
//!
//! A language is one table ([`Strings`]) in its own file, listed in [`TABLES`]: the compiler
//! refuses a table that lacks a key, and the tests check that every template of every table
//! keeps the placeholders its text needs. The site chooses the table by its manifest's
//! `language` (see [`for_language`]); the page's `<html lang>`, which the publisher writes from
//! that manifest, chooses it before the manifest is read.

use crate::format::Civil;
use std::fmt::Display;

mod en;
mod vi;

/// The interface in one language. A field named like a method is a template whose `{name}`
/// placeholders the method fills in.
#[derive(Debug)]
pub struct Strings {
    /// The language's code (BCP 47), as `<html lang>` and `hreflang` write it.
    pub code: &'static str,
    /// The language's name in itself, for a link to a page in this language.
    pub name: &'static str,
    /// Open Graph's `og:locale`.
    pub og_locale: &'static str,

    pub home: &'static str,
    pub skip_to_content: &'static str,
    pub sections_nav: &'static str,
    pub menu: &'static str,
    pub breadcrumb: &'static str,
    /// The label of the links to an article in other languages.
    pub other_languages: &'static str,
    /// The label of the links to the site's editions in other languages.
    pub other_editions: &'static str,

    pub latest: &'static str,
    pub most_viewed: &'static str,
    pub other_news: &'static str,
    pub no_articles: &'static str,
    pub article_list: &'static str,

    pub published: &'static str,
    pub updated: &'static str,
    pub views: &'static str,
    pub source: &'static str,
    pub author: &'static str,
    /// `{minutes}`.
    pub reading_time: &'static str,

    pub pagination: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// `{page}`.
    pub page_label: &'static str,
    /// `{page}`, `{pages}`.
    pub page_of: &'static str,

    pub loading: &'static str,
    /// In the app shell, for a browser that runs no script.
    pub needs_script: &'static str,
    pub retry: &'static str,
    pub load_failed: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,

    pub demo_notice: &'static str,
    pub sample_badge: &'static str,
    pub views_note: &'static str,
    pub views_note_memory: &'static str,
    pub clear_history: &'static str,
    pub history_cleared: &'static str,

    // What failed, in words a reader can act on. `{what}` is the file, so that a publisher can
    // find it.
    pub offline: &'static str,
    pub unreachable: &'static str,
    pub timed_out: &'static str,
    /// `{what}`, `{size}` (megabytes, one decimal).
    pub too_large: &'static str,
    pub not_json: &'static str,
    pub truncated: &'static str,
    /// `{what}`, `{status}`.
    pub http_status: &'static str,
    pub not_found: &'static str,
    /// `{what}`, `{line}`, `{column}`, `{detail}` (the parser's own words, in English).
    pub bad_json: &'static str,
    /// `{what}`, `{found}`, `{supported}`.
    pub unsupported_format: &'static str,
    pub aborted: &'static str,
    pub crashed: &'static str,
    pub reload: &'static str,

    pub offline_now: &'static str,
    /// `{time}`: when the copy on screen was fetched.
    pub offline_copy: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub copies_note: &'static str,
    pub clear_copies: &'static str,
    pub copies_cleared: &'static str,
    pub copies_not_cleared: &'static str,

    /// The search field's name, and the search page's heading.
    pub search: &'static str,
    pub search_button: &'static str,
    /// What the search page says before anything is typed.
    pub search_prompt: &'static str,
    pub searching: &'static str,
    /// `{query}`: the search page's title and heading once something is searched for.
    pub search_title: &'static str,
    /// `{count}`, `{query}`; [`Self::search_count_one`] for one.
    pub search_count: &'static str,
    /// `{query}`.
    pub search_count_one: &'static str,
    /// `{query}`.
    pub search_none: &'static str,
    /// `{query}`: what was typed has no letters or digits.
    pub search_no_words: &'static str,
    /// `{words}`: only so many words, each so long, are searched for.
    pub search_shortened: &'static str,
    pub search_more: &'static str,
    pub search_results: &'static str,

    pub display_settings: &'static str,
    pub text_smaller: &'static str,
    pub text_larger: &'static str,
    pub text_reset: &'static str,
    pub colour_scheme: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub share: &'static str,
    pub shared: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub printed_from: &'static str,

    /// A publication time: `{day}` (1–31), `{day2}` (01–31), `{month}` (a name from
    /// [`Self::months`]), `{month2}` (01–12), `{year}`, `{hour}` (00–23), `{minute}` (00–59).
    pub date_time: &'static str,
    pub months: [&'static str; 12],
    /// Between groups of three digits of a count.
    pub thousands: char,
    /// Between the whole and the tenths.
    pub decimal: char,
}

/// Every language the interface speaks; the first is the default.
pub static TABLES: [&Strings; 2] = [&vi::STRINGS, &en::STRINGS];

/// The language of a site that names none, or one the interface does not speak.
pub static DEFAULT: &Strings = TABLES[0];

/// The table for a language code (`"en"`, `"en-GB"`: the primary language decides), if the
/// interface speaks it.
pub fn for_language(code: &str) -> Option<&'static Strings> {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    TABLES
        .iter()
        .copied()
        .find(|t| t.code.eq_ignore_ascii_case(primary))
}

/// The codes of every language the interface speaks, for a message naming them.
pub fn spoken() -> String {
    TABLES.iter().map(|t| t.code).collect::<Vec<_>>().join(", ")
}

/// The table the page's `<html lang>` names: what the app speaks before the manifest is read,
/// and what the crash notice speaks when nothing else can be asked.
pub fn for_document() -> &'static Strings {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|html| html.get_attribute("lang").unwrap_or_default())
        .and_then(|lang| for_language(&lang))
        .unwrap_or(DEFAULT)
}

/// The table of the page being shown, provided by the app (see [`crate::App`]).
pub fn use_strings() -> &'static Strings {
    leptos::prelude::use_context::<&'static Strings>().unwrap_or(DEFAULT)
}

impl Strings {
    pub fn reading_time(&self, minutes: usize) -> String {
        fill(self.reading_time, &[("minutes", &minutes)])
    }
    pub fn page_label(&self, page: u32) -> String {
        fill(self.page_label, &[("page", &page)])
    }
    pub fn page_of(&self, page: u32, pages: u32) -> String {
        fill(self.page_of, &[("page", &page), ("pages", &pages)])
    }
    pub fn offline(&self, what: &str) -> String {
        fill(self.offline, &[("what", &what)])
    }
    pub fn unreachable(&self, what: &str) -> String {
        fill(self.unreachable, &[("what", &what)])
    }
    pub fn timed_out(&self, what: &str) -> String {
        fill(self.timed_out, &[("what", &what)])
    }
    pub fn too_large(&self, what: &str, bytes: u64) -> String {
        // Whole tenths by integer arithmetic: formatting a float would add its code to the wasm.
        let tenths = bytes.saturating_mul(10).saturating_add(524_288) / 1_048_576;
        let size = format!("{}{}{}", tenths / 10, self.decimal, tenths % 10);
        fill(self.too_large, &[("what", &what), ("size", &size)])
    }
    pub fn not_json(&self, what: &str) -> String {
        fill(self.not_json, &[("what", &what)])
    }
    pub fn truncated(&self, what: &str) -> String {
        fill(self.truncated, &[("what", &what)])
    }
    pub fn http_status(&self, what: &str, status: u16) -> String {
        fill(self.http_status, &[("what", &what), ("status", &status)])
    }
    pub fn not_found(&self, what: &str) -> String {
        fill(self.not_found, &[("what", &what)])
    }
    pub fn bad_json(&self, what: &str, line: usize, column: usize, detail: &str) -> String {
        let args: [(&str, &dyn Display); 4] = [
            ("what", &what),
            ("line", &line),
            ("column", &column),
            ("detail", &detail),
        ];
        fill(self.bad_json, &args)
    }
    pub fn unsupported_format(&self, what: &str, found: u32, supported: u32) -> String {
        let args: [(&str, &dyn Display); 3] = [
            ("what", &what),
            ("found", &found),
            ("supported", &supported),
        ];
        fill(self.unsupported_format, &args)
    }
    pub fn search_title(&self, query: &str) -> String {
        fill(self.search_title, &[("query", &query)])
    }
    pub fn search_count(&self, count: usize, query: &str) -> String {
        match count {
            1 => fill(self.search_count_one, &[("query", &query)]),
            _ => fill(
                self.search_count,
                &[("count", &self.count(count as u64)), ("query", &query)],
            ),
        }
    }
    pub fn search_none(&self, query: &str) -> String {
        fill(self.search_none, &[("query", &query)])
    }
    pub fn search_no_words(&self, query: &str) -> String {
        fill(self.search_no_words, &[("query", &query)])
    }
    pub fn search_shortened(&self, words: usize) -> String {
        fill(self.search_shortened, &[("words", &words)])
    }
    pub fn offline_copy(&self, time: &str) -> String {
        fill(self.offline_copy, &[("time", &time)])
    }

    /// A wall-clock time as this language writes a publication time.
    pub fn date_time(&self, c: Civil) -> String {
        let two = |n: u32| format!("{n:02}");
        let month = self.months[(c.month.clamp(1, 12) - 1) as usize];
        let args: [(&str, &dyn Display); 7] = [
            ("day", &c.day),
            ("day2", &two(c.day)),
            ("month", &month),
            ("month2", &two(c.month)),
            ("year", &format!("{:04}", c.year)),
            ("hour", &two(c.hour)),
            ("minute", &two(c.minute)),
        ];
        fill(self.date_time, &args)
    }

    /// A count with this language's separator between groups of three digits.
    pub fn count(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.thousands);
            }
            out.push(ch);
        }
        out
    }
}

/// `template` with each `{name}` replaced by the value `args` gives it; an unknown placeholder
/// stays as it is written, so that a mistake in a table shows instead of vanishing.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(k, _)| *k == &after[..close])?)));
        match value {
            Some((close, (_, value))) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every template field of a table, with the placeholders its text must keep.
    fn templates(t: &Strings) -> Vec<(&'static str, &'static str, &'static [&'static str])> {
        vec![
            ("reading_time", t.reading_time, &["minutes"]),
            ("page_label", t.page_label, &["page"]),
            ("page_of", t.page_of, &["page", "pages"]),
            ("offline", t.offline, &["what"]),
            ("unreachable", t.unreachable, &["what"]),
            ("timed_out", t.timed_out, &["what"]),
            ("too_large", t.too_large, &["what", "size"]),
            ("not_json", t.not_json, &["what"]),
            ("truncated", t.truncated, &["what"]),
            ("http_status", t.http_status, &["what", "status"]),
            ("not_found", t.not_found, &["what"]),
            (
                "bad_json",
                t.bad_json,
                &["what", "line", "column", "detail"],
            ),
            (
                "unsupported_format",
                t.unsupported_format,
                &["what", "found", "supported"],
            ),
            ("offline_copy", t.offline_copy, &["time"]),
            ("search_title", t.search_title, &["query"]),
            ("search_count", t.search_count, &["count", "query"]),
            ("search_count_one", t.search_count_one, &["query"]),
            ("search_none", t.search_none, &["query"]),
            ("search_no_words", t.search_no_words, &["query"]),
            ("search_shortened", t.search_shortened, &["words"]),
        ]
    }

    fn placeholders(template: &str) -> Vec<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_template_of_every_table_keeps_its_placeholders() {
        for t in TABLES {
            for (key, template, needs) in templates(t) {
                let mut found = placeholders(template);
                found.sort_unstable();
                let mut needs = needs.to_vec();
                needs.sort_unstable();
                assert_eq!(found, needs, "{}: {key} = {template:?}", t.code);
            }
            let date: Vec<_> = placeholders(t.date_time);
            let known = ["day", "day2", "month", "month2", "year", "hour", "minute"];
            assert!(
                date.iter().all(|p| known.contains(p)) && date.contains(&"year"),
                "{}: date_time = {:?}",
                t.code,
                t.date_time
            );
        }
    }

    /// Every text field of a table, by name, read from its `Debug` form, which lists every
    /// field: a field added later is in it without anyone adding it here.
    fn texts(t: &Strings) -> Vec<(String, String)> {
        format!("{t:#?}")
            .lines()
            .filter_map(|line| {
                let (key, value) = line.trim().split_once(": \"")?;
                Some((key.to_string(), value.strip_suffix("\",")?.to_string()))
            })
            .collect()
    }

    // The compiler sees to it that no key is missing; an empty text would be as bad, and a text
    // left as another table had it, and it cannot see those.
    #[test]
    fn no_table_leaves_a_text_empty_or_untranslated() {
        for t in TABLES {
            let texts = texts(t);
            // Every text field is read (87 of them today), whatever the table.
            assert_eq!(texts.len(), self::texts(DEFAULT).len(), "{}", t.code);
            assert!(texts.len() > 70, "{}: {} texts read", t.code, texts.len());
            for (key, text) in &texts {
                assert!(!text.trim().is_empty(), "{}: {key} is empty", t.code);
            }
            assert!(t.months.iter().all(|m| !m.trim().is_empty()));
        }
        for (i, a) in TABLES.iter().enumerate() {
            for b in &TABLES[i + 1..] {
                let same: Vec<_> = texts(a)
                    .into_iter()
                    .zip(texts(b))
                    .filter(|((_, x), (_, y))| x == y)
                    .map(|((key, _), _)| key)
                    .collect();
                assert_eq!(same, Vec::<String>::new(), "{} and {}", a.code, b.code);
            }
        }
    }

    // A placeholder in a text that is not a template would be shown as written.
    #[test]
    fn only_templates_hold_placeholders() {
        for t in TABLES {
            let templates: Vec<_> = templates(t).into_iter().map(|(key, ..)| key).collect();
            for (key, text) in texts(t) {
                let allowed = templates.contains(&key.as_str()) || key == "date_time";
                assert!(
                    allowed || !text.contains('{'),
                    "{}: {key} = {text:?}",
                    t.code
                );
            }
        }
    }

    #[test]
    fn each_table_is_found_by_its_code_and_by_a_regional_code() {
        for t in TABLES {
            assert!(std::ptr::eq(for_language(t.code).unwrap(), t));
        }
        assert_eq!(for_language("en-GB").unwrap().code, "en");
        assert_eq!(for_language("VI_vn").unwrap().code, "vi");
        assert!(for_language("fr").is_none());
        assert!(for_language("").is_none());
        assert_eq!(spoken(), "vi, en");
    }

    #[test]
    fn fills_placeholders_and_leaves_unknown_ones_visible() {
        assert_eq!(
            fill("Trang {page} / {pages}", &[("page", &2), ("pages", &5)]),
            "Trang 2 / 5"
        );
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(fill("a{page}b{page}", &[("page", &"é")]), "aébé");
    }

    #[test]
    fn writes_dates_and_counts_as_each_language_does() {
        let c = Civil {
            year: 2020,
            month: 7,
            day: 9,
            hour: 8,
            minute: 5,
            second: 0,
        };
        let vi = for_language("vi").unwrap();
        let en = for_language("en").unwrap();
        assert_eq!(vi.date_time(c), "09/07/2020 | 08:05");
        assert_eq!(en.date_time(c), "9 July 2020, 08:05");
        assert_eq!(vi.count(1_234_567), "1.234.567");
        assert_eq!(en.count(1_234), "1,234");
        assert_eq!(en.count(999), "999");
        assert_eq!(vi.count(0), "0");
        assert!(vi.too_large("a.json", 3 * 1_048_576 / 2).contains("1,5 MB"));
        assert!(en.too_large("a.json", 3 * 1_048_576 / 2).contains("1.5 MB"));
        assert_eq!(vi.reading_time(3), "3 phút đọc");
        assert_eq!(en.reading_time(1), "1 min read");
    }
}
