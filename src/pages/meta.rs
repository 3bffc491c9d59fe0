//! What a page is called and how it describes itself: the rules for the document title and
//! description, used by the page in the browser and by the publisher for the page's head.

use crate::content::{Article, Section};
use crate::site::Site;

/// A page's name and description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageMeta {
    /// The page's own name: the site's name on the home page (what link previews show).
    pub heading: String,
    /// The document title: the page's name and the site's.
    pub title: String,
    pub description: String,
}

impl PageMeta {
    fn new(site: &Site, heading: &str, own_title: &str, description: &str) -> Self {
        Self {
            heading: heading.to_string(),
            title: site.title(own_title),
            description: description.to_string(),
        }
    }

    pub fn home(site: &Site) -> Self {
        let manifest = site.manifest();
        Self::new(site, &manifest.name, "", &manifest.description)
    }

    /// Page `page` of `section`; a section without a description has the site's.
    pub fn section(site: &Site, section: &Section, page: u32) -> Self {
        let t = site.strings();
        let heading = if page > 1 {
            format!("{} – {}", section.title, t.page_label(page))
        } else {
            section.title.clone()
        };
        let description = if section.description.is_empty() {
            &site.manifest().description
        } else {
            &section.description
        };
        Self::new(site, &heading, &heading, description)
    }

    pub fn article(site: &Site, article: &Article) -> Self {
        Self::new(site, &article.title, &article.title, &article.lead)
    }

    /// The search page, for what was asked (nothing yet: the page itself).
    pub fn search(site: &Site, asked: &str) -> Self {
        let t = site.strings();
        let heading = if asked.trim().is_empty() {
            t.search.to_string()
        } else {
            t.search_title(&crate::search::echo(asked))
        };
        Self::new(site, &heading, &heading, &site.manifest().description)
    }

    pub fn not_found(site: &Site) -> Self {
        let t = site.strings();
        Self::new(site, t.not_found_title, t.not_found_title, t.not_found_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_manifest;

    #[test]
    fn names_each_page_after_itself_and_the_site() {
        let t = crate::strings::DEFAULT;
        let mut manifest = test_manifest(&["kinh-te"], 10);
        manifest.description = "Tin của quận".into();
        let site = Site::new(manifest, "/");
        let home = PageMeta::home(&site);
        assert_eq!(
            (home.title.as_str(), home.heading.as_str()),
            ("Cổng", "Cổng")
        );
        let section = site.section("kinh-te").unwrap().clone();
        let first = PageMeta::section(&site, &section, 1);
        assert_eq!(first.title, "kinh-te – Cổng");
        assert_eq!(first.description, "Tin của quận");
        assert_eq!(
            PageMeta::section(&site, &section, 2).title,
            "kinh-te – Trang 2 – Cổng"
        );
        assert_eq!(
            PageMeta::not_found(&site).title,
            format!("{} – Cổng", t.not_found_title)
        );
    }
}
