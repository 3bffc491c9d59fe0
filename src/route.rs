//! The site's URL scheme, in one place: which page an address names, the address of a page, the
//! content files the page loads, and the file the publisher writes for it.
//!
//! Addresses, below the site's base path:
//! - `/`: the home page;
//! - `/<section>` and `/<section>/trang/<n>`: a section's first and n-th page;
//! - `/<section>/<article>`: an article, at its own section's address only;
//! - `/tim-kiem?q=<words>`: search results ([`SEARCH`], which no section may take).

use crate::content::paths;
use crate::fetch::url_for;

/// The search page's address below the base. Its words are the query's `q`.
pub const SEARCH: &str = "tim-kiem";
/// The query parameter that holds what was searched for.
pub const SEARCH_QUERY: &str = "q";

/// A page of the site.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    /// Page `page` (from 1) of a section's list.
    Section {
        section: String,
        page: u32,
    },
    Article {
        section: String,
        slug: String,
    },
    /// The search page, whatever it was asked (the query is the address's, not the route's).
    Search,
    /// An address that names no page here.
    NotFound,
}

/// The files beside the pages for feed readers and search engines: each feed (the site's at the
/// base, a section's in the section's folder, `kinh-te/feed.xml`), the sitemap and robots.txt.
/// The publisher writes them; pages link to them.
pub mod files {
    pub const RSS: &str = "feed.xml";
    pub const ATOM: &str = "atom.xml";
    pub const JSON_FEED: &str = "feed.json";
    pub const SITEMAP: &str = "sitemap.xml";
    pub const ROBOTS: &str = "robots.txt";

    /// A feed's path below the base: the site's, or `section`'s.
    pub fn feed(section: Option<&str>, name: &str) -> String {
        match section {
            Some(section) => format!("{section}/{name}"),
            None => name.to_string(),
        }
    }

    /// Part `n` (from 1) of a sitemap too large for one file, listed by the sitemap index.
    pub fn sitemap_part(n: usize) -> String {
        format!("sitemap-{n}.xml")
    }
}

impl Route {
    /// The page at `path`, an address's path below the site's base (`/kinh-te/trang/2`; a
    /// leading or trailing `/` is optional). `is_section` says which first segments are
    /// sections of this site: any other is not found.
    pub fn parse(path: &str, is_section: impl Fn(&str) -> bool) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            [SEARCH] => Route::Search,
            [section, ..] if !is_section(section) => Route::NotFound,
            [section] => Route::section(section, 1),
            [section, "trang", page] => match page.parse::<u32>() {
                Ok(page) if page >= 1 => Route::section(section, page),
                _ => Route::NotFound,
            },
            [section, slug] if is_slug(slug) => Route::Article {
                section: (*section).to_string(),
                slug: (*slug).to_string(),
            },
            _ => Route::NotFound,
        }
    }

    pub fn section(section: &str, page: u32) -> Route {
        Route::Section {
            section: section.to_string(),
            page: page.max(1),
        }
    }

    pub fn article(section: &str, slug: &str) -> Route {
        Route::Article {
            section: section.to_string(),
            slug: slug.to_string(),
        }
    }

    /// The page's address under `base` (which ends with `/`); page 1 of a section is the
    /// section's own address. The not-found page has none: it is the base's.
    pub fn href(&self, base: &str) -> String {
        url_for(base, &self.path())
    }

    /// The search page's address under `base` for `query` (no query: the empty page).
    pub fn search_href(base: &str, query: &str) -> String {
        let page = Route::Search.href(base);
        if query.is_empty() {
            page
        } else {
            let encoded: String = encode_query_value(query);
            format!("{page}?{SEARCH_QUERY}={encoded}")
        }
    }

    /// The address below the base, without a leading `/`.
    fn path(&self) -> String {
        match self {
            Route::Home | Route::NotFound => String::new(),
            Route::Search => SEARCH.to_string(),
            Route::Section { section, page: 1 } => section.clone(),
            Route::Section { section, page } => format!("{section}/trang/{page}"),
            Route::Article { section, slug } => format!("{section}/{slug}"),
        }
    }

    /// The content files the page loads, in the order it asks for them (the manifest aside,
    /// which every page needs).
    pub fn content_files(&self) -> Vec<String> {
        match self {
            Route::Home => vec![paths::HOME.to_string()],
            Route::Section { section, page } => vec![paths::section_page(section, *page)],
            // "Các tin khác" lists the first page of the article's section.
            Route::Article { section, slug } => {
                vec![paths::article(slug), paths::section_page(section, 1)]
            }
            Route::Search | Route::NotFound => Vec::new(),
        }
    }

    /// The file the publisher writes for the page in the release folder: one a static host
    /// serves for the address without `.html`.
    pub fn file(&self) -> Option<String> {
        match self {
            Route::Home => Some("index.html".into()),
            Route::NotFound => None,
            _ => Some(format!("{}.html", self.path())),
        }
    }
}

/// `text` for a query string value: what is not unreserved is percent-encoded as UTF-8, and a
/// space is `+`, as a form writes it.
fn encode_query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Lower-case ASCII letters, digits and single hyphens: what a section or article slug may be.
/// Nothing else can name a content file, so no address reaches a file outside its folder
/// (`..%2F`, `%2e%2e`).
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(path: &str) -> Route {
        Route::parse(path, |s| s == "chinh-tri")
    }

    #[test]
    fn parses_every_kind_of_address() {
        assert_eq!(parse("/"), Route::Home);
        assert_eq!(parse(""), Route::Home);
        assert_eq!(parse("/chinh-tri"), Route::section("chinh-tri", 1));
        assert_eq!(parse("/chinh-tri/"), Route::section("chinh-tri", 1));
        assert_eq!(parse("/chinh-tri/trang/3"), Route::section("chinh-tri", 3));
        assert_eq!(
            parse("/chinh-tri/bai-mot"),
            Route::article("chinh-tri", "bai-mot")
        );
    }

    #[test]
    fn addresses_that_name_no_page_are_not_found() {
        for path in [
            "/khong-co",
            "/khong-co/bai",
            "/chinh-tri/trang/0",
            "/chinh-tri/trang/x",
            "/chinh-tri/trang/-1",
            "/chinh-tri/bai/thua",
            "/chinh-tri/..%2Fsite",
            "/chinh-tri/%2e%2e",
            "/chinh-tri/..",
            "/chinh-tri/Bai",
            "/chinh-tri/bài",
        ] {
            assert_eq!(parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn every_page_parses_back_from_its_own_address() {
        for route in [
            Route::Home,
            Route::section("chinh-tri", 1),
            Route::section("chinh-tri", 12),
            Route::article("chinh-tri", "bai-mot"),
        ] {
            for base in ["/", "/tin/"] {
                let href = route.href(base);
                let below = href.strip_prefix(base.trim_end_matches('/')).unwrap();
                assert_eq!(parse(below), route, "{href}");
            }
        }
        assert_eq!(
            Route::section("chinh-tri", 3).href("/tin/"),
            "/tin/chinh-tri/trang/3"
        );
        assert_eq!(Route::Home.href("/tin/"), "/tin/");
    }

    #[test]
    fn knows_which_files_each_page_loads_and_where_it_is_written() {
        assert_eq!(Route::Home.content_files(), ["content/home.json"]);
        assert_eq!(
            Route::section("chinh-tri", 3).content_files(),
            ["content/sections/chinh-tri/3.json"]
        );
        assert_eq!(
            Route::article("chinh-tri", "bai-mot").content_files(),
            [
                "content/articles/bai-mot.json",
                "content/sections/chinh-tri/1.json"
            ]
        );
        assert!(Route::NotFound.content_files().is_empty());
        assert_eq!(Route::Home.file().as_deref(), Some("index.html"));
        assert_eq!(
            Route::section("chinh-tri", 1).file().as_deref(),
            Some("chinh-tri.html")
        );
        assert_eq!(
            Route::section("chinh-tri", 2).file().as_deref(),
            Some("chinh-tri/trang/2.html")
        );
        assert_eq!(
            Route::article("chinh-tri", "bai").file().as_deref(),
            Some("chinh-tri/bai.html")
        );
        assert_eq!(Route::NotFound.file(), None);
    }
}
