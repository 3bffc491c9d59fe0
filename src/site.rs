//! The site as every page sees it: the manifest, the base path, and the links and times built
//! from them. Provided once by the app; read with [`use_site`].

use crate::content::{Manifest, Section, Translation};
use crate::fetch::url_for;
use crate::format::{self, Timestamp};
use crate::route::Route;
use crate::strings::{self, Strings};
use std::sync::Arc;

/// The loaded manifest and where the site lives.
#[derive(Clone, Debug)]
pub struct Site {
    manifest: Arc<Manifest>,
    base: Arc<str>,
    /// The table of the manifest's language, found once: every date on a page is written by it.
    strings: &'static Strings,
}

impl Site {
    /// `base` is the site's base path, ending with `/`.
    pub fn new(manifest: Manifest, base: impl Into<String>) -> Self {
        Self {
            strings: strings::for_language(&manifest.language).unwrap_or(strings::DEFAULT),
            manifest: Arc::new(manifest),
            base: Arc::from(base.into()),
        }
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The section with this slug, if the manifest has it.
    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.manifest.section(slug)
    }

    /// The address of `route` on this site.
    pub fn href(&self, route: &Route) -> String {
        route.href(&self.base)
    }

    /// The home page.
    pub fn home_href(&self) -> String {
        self.href(&Route::Home)
    }

    /// Page `page` of a section; page 1 is the section's own address.
    pub fn section_href(&self, section: &str, page: u32) -> String {
        self.href(&Route::section(section, page))
    }

    /// An article's address; `None` when its section or slug is not a slug, which no address of
    /// the site can name (a list's `"../../x"` would lead out of the site).
    pub fn article_href(&self, section: &str, slug: &str) -> Option<String> {
        let valid = crate::route::is_slug(section) && crate::route::is_slug(slug);
        valid.then(|| self.href(&Route::article(section, slug)))
    }

    /// An image or file named in content: absolute URLs as they are, others from the base;
    /// `None` for a source no page may load (see [`crate::content::safe_href`]).
    pub fn asset_href(&self, src: &str) -> Option<String> {
        let src = crate::content::safe_href(src)?;
        let lower = src.to_ascii_lowercase();
        Some(
            if lower.starts_with("https://") || lower.starts_with("http://") {
                src.to_string()
            } else {
                url_for(&self.base, src)
            },
        )
    }

    /// A link inside content, if it may be followed: as a source is (see [`Self::asset_href`]),
    /// but a fragment or a query stays on the page it is on.
    pub fn content_href(&self, href: &str) -> Option<String> {
        if href.trim().starts_with(['#', '?']) {
            return crate::content::safe_href(href).map(str::to_string);
        }
        self.asset_href(href)
    }

    /// Where `translation` lives, as a link from this site: an absolute address or a path from
    /// the host's root as it is written, any other path from this site's base.
    pub fn translation_href(&self, translation: &Translation) -> Option<String> {
        let href = translation.safe_href()?;
        if href.starts_with('/') || href.contains("://") {
            return Some(href.to_string());
        }
        Some(without_dot_segments(&format!("{}{href}", self.base)))
    }

    /// The edition of the site in another language whose addresses include `path`, if the
    /// manifest names one below this site's base (`en/`): its table and its home page's address.
    /// A host with one 404 page for the whole site (GitHub Pages) sends an edition's unknown
    /// addresses to this site's app.
    pub fn edition_at(&self, path: &str) -> Option<(&'static Strings, String)> {
        self.manifest.translations.iter().find_map(|translation| {
            let home = self.translation_href(translation)?;
            let below = home.len() > self.base.len() && home.starts_with(&*self.base);
            if !below || !path.starts_with(&home) {
                return None;
            }
            Some((strings::for_language(&translation.language)?, home))
        })
    }

    /// The interface in the site's language; the default one for a language it does not speak.
    pub fn strings(&self) -> &'static Strings {
        self.strings
    }

    /// A publication time in the site's timezone, as the site's language writes it:
    /// `19/07/2020 | 18:40`, `19 July 2020, 18:40`.
    pub fn date_time(&self, at: Timestamp) -> String {
        self.strings().date_time(at.civil(self.manifest.timezone))
    }

    /// `2020-07-19T18:40:00+07:00`, for `<time datetime>`.
    pub fn machine_time(&self, at: Timestamp) -> String {
        format::machine(at, self.manifest.timezone)
    }

    /// The page at `path`, the path of an address (base included); not found for an address
    /// outside the site's base or naming a section the manifest does not have.
    pub fn route(&self, path: &str) -> Route {
        let root = self.base.trim_end_matches('/');
        match path
            .strip_prefix(root)
            .filter(|rest| rest.is_empty() || rest.starts_with('/'))
        {
            Some(rest) => Route::parse(rest, |slug| self.section(slug).is_some()),
            None => Route::NotFound,
        }
    }

    /// The site's base path, ending with `/`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `href` (an address on this site) as an absolute URL, when the manifest gives the site's
    /// public address; as it is otherwise.
    pub fn absolute(&self, href: &str) -> String {
        match &self.manifest.url {
            Some(url) => format!(
                "{}/{}",
                url.trim_end_matches('/'),
                href.trim_start_matches('/')
            ),
            None => href.to_string(),
        }
    }

    /// The document title for a page called `page`.
    pub fn title(&self, page: &str) -> String {
        // A tab's title is not an element that could keep reordered text to itself.
        let page: String = page
            .chars()
            .filter(|&c| !crate::content::is_bidi_control(c))
            .collect();
        if page.is_empty() {
            self.manifest.name.clone()
        } else {
            format!("{page} – {}", self.manifest.name)
        }
    }
}

/// The site, as the app provided it.
pub fn use_site() -> Site {
    leptos::prelude::expect_context::<Site>()
}

/// A path with its `.` and `..` segments resolved, as a browser resolves them: `/en/../x` is
/// `/x`; nothing climbs above the root.
fn without_dot_segments(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." | ".." => {
                if *part == ".." && segments.len() > 1 {
                    segments.pop();
                }
                // `a/..` names the folder: the path still ends with a slash.
                if last {
                    segments.push("");
                }
            }
            _ => segments.push(part),
        }
    }
    segments.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(base: &str) -> Site {
        Site::new(crate::content::test_manifest(&[], 10), base)
    }

    #[test]
    fn finds_a_translation_from_the_base_wherever_the_site_is() {
        let to = |href: &str| Translation {
            language: "en".into(),
            href: href.into(),
        };
        let root = site("/");
        let edition = site("/tin/en/");
        assert_eq!(root.translation_href(&to("en/")).unwrap(), "/en/");
        assert_eq!(
            root.translation_href(&to("en/news/a")).unwrap(),
            "/en/news/a"
        );
        assert_eq!(edition.translation_href(&to("../")).unwrap(), "/tin/");
        assert_eq!(
            edition.translation_href(&to("../tin-tuc/./a")).unwrap(),
            "/tin/tin-tuc/a"
        );
        assert_eq!(root.translation_href(&to("../../x")).unwrap(), "/x");
        assert_eq!(root.translation_href(&to("/en/")).unwrap(), "/en/");
        assert_eq!(
            root.translation_href(&to("https://en.example.org/a"))
                .unwrap(),
            "https://en.example.org/a"
        );
        assert_eq!(root.translation_href(&to("javascript:alert(1)")), None);
    }

    #[test]
    fn finds_the_edition_an_address_belongs_to() {
        let mut manifest = crate::content::test_manifest(&[], 10);
        manifest.translations = vec![
            Translation {
                language: "en".into(),
                href: "en/".into(),
            },
            Translation {
                language: "fr".into(),
                href: "https://fr.example.org/".into(),
            },
        ];
        let site = Site::new(manifest, "/tin/");
        let (t, home) = site.edition_at("/tin/en/economy/x").unwrap();
        assert_eq!((t.code, home.as_str()), ("en", "/tin/en/"));
        assert!(site.edition_at("/tin/english").is_none());
        assert!(site.edition_at("/tin/kinh-te").is_none());
        // An edition above this one (the main site, seen from /en/) holds every address.
        let mut manifest = crate::content::test_manifest(&[], 10);
        manifest.translations = vec![Translation {
            language: "vi".into(),
            href: "../".into(),
        }];
        assert!(Site::new(manifest, "/en/").edition_at("/en/x").is_none());
    }

    #[test]
    fn speaks_the_site_s_language_and_writes_its_dates() {
        let mut manifest = crate::content::test_manifest(&[], 10);
        manifest.language = "en-GB".into();
        let english = Site::new(manifest, "/");
        let at = crate::format::Timestamp::parse("2020-07-19T11:40:00Z").unwrap();
        assert_eq!(english.strings().code, "en");
        assert_eq!(english.date_time(at), "19 July 2020, 18:40");
        assert_eq!(site("/").date_time(at), "19/07/2020 | 18:40");
    }

    #[test]
    fn builds_every_link_from_the_base() {
        for (base, prefix) in [("/", ""), ("/tin/", "/tin")] {
            let s = site(base);
            assert_eq!(s.home_href(), base);
            assert_eq!(
                s.section_href("chinh-tri", 1),
                format!("{prefix}/chinh-tri")
            );
            assert_eq!(
                s.section_href("chinh-tri", 3),
                format!("{prefix}/chinh-tri/trang/3")
            );
            assert_eq!(
                s.article_href("chinh-tri", "bai"),
                Some(format!("{prefix}/chinh-tri/bai"))
            );
            assert_eq!(
                s.asset_href("media/a.svg"),
                Some(format!("{prefix}/media/a.svg"))
            );
            assert_eq!(s.asset_href("javascript:alert(1)"), None);
            assert_eq!(s.article_href("chinh-tri", "../../content/site"), None);
            assert_eq!(
                s.content_href("/kinh-te").as_deref(),
                Some(format!("{prefix}/kinh-te").as_str())
            );
        }
        assert_eq!(
            site("/tin/").asset_href("https://a.vn/x.jpg").as_deref(),
            Some("https://a.vn/x.jpg")
        );
    }

    #[test]
    fn finds_the_page_each_address_names_below_the_base() {
        let site = |base| Site::new(crate::content::test_manifest(&["chinh-tri"], 10), base);
        for (base, prefix) in [("/", ""), ("/tin/", "/tin")] {
            let s = site(base);
            let route = |path: &str| s.route(&format!("{prefix}{path}"));
            assert_eq!(route("/"), Route::Home);
            assert_eq!(route(""), Route::Home);
            assert_eq!(route("/chinh-tri/trang/3"), Route::section("chinh-tri", 3));
            assert_eq!(route("/chinh-tri/bai"), Route::article("chinh-tri", "bai"));
            assert_eq!(route("/khong-co"), Route::NotFound);
        }
        assert_eq!(site("/tin/").route("/khac/chinh-tri"), Route::NotFound);
        assert_eq!(site("/tin/").route("/tinh/chinh-tri"), Route::NotFound);
    }

    #[test]
    fn refuses_unsafe_links_in_content() {
        let s = site("/");
        assert_eq!(s.content_href("javascript:alert(1)"), None);
        assert_eq!(
            s.content_href("https://a.vn").as_deref(),
            Some("https://a.vn")
        );
        assert_eq!(s.content_href("#muc").as_deref(), Some("#muc"));
    }

    #[test]
    fn titles_pages_after_the_site() {
        assert_eq!(site("/").title(""), "Cổng");
        assert_eq!(site("/").title("Kinh tế"), "Kinh tế – Cổng");
    }
}
