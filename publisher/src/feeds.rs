//! What the release gives feed readers and search engines: RSS 2.0, Atom and JSON Feed 1.1 for
//! the site and for each section, `sitemap.xml` (an index of parts when there are more addresses
//! than one sitemap may hold) and `robots.txt`. Every address in them is absolute, from the
//! manifest's `url`; without one, only `robots.txt` is written.

use crate::catalog::Tree;
use crate::error::PublishError;
use crate::render::escape;
use std::path::Path;
use tintuc::content::{paths, Article, Block, Inline, Manifest, RichText, Section};
use tintuc::fetch::url_for;
use tintuc::format::{self, Timestamp, UtcOffset};
use tintuc::route::{files, Route};
use tintuc::site::Site;

/// The most addresses one sitemap file may list (sitemaps.org).
pub const SITEMAP_URLS: usize = 50_000;

/// What [`write`] wrote.
#[derive(Debug, PartialEq)]
pub struct Written {
    pub feeds: usize,
    pub sitemap_files: usize,
}

/// Writes the feeds, the sitemap and robots.txt of the site in `tree` into `dist`.
pub fn write(dist: &Path, site: &Site, tree: &Tree) -> Result<Written, PublishError> {
    write_with(dist, site, tree, SITEMAP_URLS)
}

/// [`write`], with sitemap parts of at most `per_sitemap` addresses.
pub fn write_with(
    dist: &Path,
    site: &Site,
    tree: &Tree,
    per_sitemap: usize,
) -> Result<Written, PublishError> {
    let save = |rel: &str, text: String| {
        let path = dist.join(rel);
        crate::incremental::write_if_changed(&path, &text)
            .map(|_| ())
            .map_err(|e| PublishError::io(&path, e))
    };
    let manifest = site.manifest();
    if manifest.url.is_none() {
        save(files::ROBOTS, robots(dist, site, None))?;
        return Ok(Written {
            feeds: 0,
            sitemap_files: 0,
        });
    }
    let mut articles: Vec<&Article> = tree
        .articles
        .values()
        .filter(|a| manifest.section(&a.section).is_some())
        .collect();
    articles.sort_by(|a, b| {
        crate::catalog::newest_first((a.published, &a.slug), (b.published, &b.slug))
    });

    let mut feeds = 0;
    let scopes = std::iter::once(None).chain(manifest.sections.iter().map(Some));
    for section in scopes {
        let items: Vec<&Article> = articles
            .iter()
            .filter(|a| section.is_none_or(|s| s.slug == a.section))
            .take(manifest.feed_size.max(1) as usize)
            .copied()
            .collect();
        let feed = Feed::new(site, section, items);
        let slug = section.map(|s| s.slug.as_str());
        save(&files::feed(slug, files::RSS), feed.rss())?;
        save(&files::feed(slug, files::ATOM), feed.atom())?;
        save(&files::feed(slug, files::JSON_FEED), feed.json())?;
        feeds += 3;
    }

    let urls = sitemap_urls(site, tree, &articles);
    let parts: Vec<&[(String, Timestamp)]> = urls.chunks(per_sitemap.max(1)).collect();
    let offset = manifest.timezone;
    if parts.len() <= 1 {
        save(files::SITEMAP, sitemap(&urls, offset))?;
    } else {
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (i, part) in parts.iter().enumerate() {
            let name = files::sitemap_part(i + 1);
            let newest = part.iter().map(|(_, at)| *at).max();
            index += &format!(
                "  <sitemap>\n    <loc>{}</loc>\n",
                xml(&absolute(site, &name))
            );
            if let Some(newest) = newest {
                index += &format!(
                    "    <lastmod>{}</lastmod>\n",
                    format::machine(newest, offset)
                );
            }
            index += "  </sitemap>\n";
            save(&name, sitemap(part, offset))?;
        }
        index += "</sitemapindex>\n";
        save(files::SITEMAP, index)?;
    }
    save(files::ROBOTS, robots(dist, site, Some(files::SITEMAP)))?;
    Ok(Written {
        feeds,
        sitemap_files: if parts.len() <= 1 { 1 } else { parts.len() + 1 },
    })
}

/// `path` below the site's base as an absolute address.
fn absolute(site: &Site, path: &str) -> String {
    site.absolute(&url_for(site.base(), path))
}

/// The time an article last changed.
fn changed(article: &Article) -> Timestamp {
    article
        .updated
        .map_or(article.published, |u| u.max(article.published))
}

/// Every page a search engine should know, with when it last changed: the home page, each
/// section page and each article.
fn sitemap_urls(site: &Site, tree: &Tree, articles: &[&Article]) -> Vec<(String, Timestamp)> {
    let newest = |list: &mut dyn Iterator<Item = Timestamp>| list.max();
    let mut urls = Vec::with_capacity(1 + tree.pages.len() + articles.len());
    let page = |route: &Route| site.absolute(&site.href(route));
    if let Some(at) = newest(&mut articles.iter().map(|a| changed(a))) {
        urls.push((page(&Route::Home), at));
    }
    for ((section, number), listed) in &tree.pages {
        if site.manifest().section(section).is_none() {
            continue;
        }
        let at = newest(
            &mut listed
                .articles
                .iter()
                .map(|s| tree.articles.get(&s.slug).map_or(s.published, changed)),
        );
        // An empty section's page changed when the site last did.
        let at = at.or(urls.first().map(|(_, at)| *at));
        if let Some(at) = at {
            urls.push((page(&Route::section(section, *number)), at));
        }
    }
    for article in articles {
        urls.push((
            page(&Route::article(&article.section, &article.slug)),
            changed(article),
        ));
    }
    urls
}

fn sitemap(urls: &[(String, Timestamp)], offset: UtcOffset) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, at) in urls {
        out += &format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            xml(loc),
            format::machine(*at, offset)
        );
    }
    out + "</urlset>\n"
}

/// robots.txt: everything may be crawled; the sitemap named, and the sitemaps of the site's
/// editions in other languages published below it (their robots.txt is not one a crawler
/// reads) whose manifest gives the address a sitemap needs.
fn robots(dist: &Path, site: &Site, sitemap: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if let Some(sitemap) = sitemap {
        out += &format!("\nSitemap: {}\n", absolute(site, sitemap));
        for translation in &site.manifest().translations {
            let Some(href) = site.translation_href(translation) else {
                continue;
            };
            let Some(folder) = href.strip_prefix(site.base()).filter(|f| !f.is_empty()) else {
                continue;
            };
            let has_url = std::fs::read_to_string(dist.join(folder).join(paths::MANIFEST))
                .ok()
                .and_then(|text| serde_json::from_str::<Manifest>(&text).ok())
                .is_some_and(|m| m.url.is_some());
            if href.contains("://") || !has_url {
                continue;
            }
            let edition = format!("{}/{sitemap}", href.trim_end_matches('/'));
            out += &format!("Sitemap: {}\n", site.absolute(&edition));
        }
    }
    out
}

/// Text for XML: escaped, without the control characters XML 1.0 cannot hold.
fn xml(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| {
            (!c.is_control() || matches!(c, '\t' | '\n' | '\r'))
                && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
        .collect();
    escape(&kept)
}

/// `Sun, 19 Jul 2020 18:40:00 +0700`: RFC 822 (with a four-digit year, as RFC 1123 and every
/// feed reader have it), in the site's offset.
pub fn rfc822(at: Timestamp, offset: UtcOffset) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c = at.civil(offset);
    let local_days = (at.unix() + i64::from(offset.minutes()) * 60).div_euclid(86_400);
    let minutes = offset.minutes();
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} {}{:02}{:02}",
        DAYS[local_days.rem_euclid(7) as usize],
        c.day,
        MONTHS[(c.month - 1) as usize],
        c.year,
        c.hour,
        c.minute,
        c.second,
        if minutes < 0 { '-' } else { '+' },
        minutes.abs() / 60,
        minutes.abs() % 60
    )
}

/// One feed: the site's or a section's, its newest articles.
struct Feed<'a> {
    site: &'a Site,
    title: String,
    description: String,
    /// The page the feed follows.
    page: String,
    section: Option<&'a str>,
    items: Vec<&'a Article>,
}

impl<'a> Feed<'a> {
    fn new(site: &'a Site, section: Option<&'a Section>, items: Vec<&'a Article>) -> Self {
        let manifest = site.manifest();
        let (title, description, route) = match section {
            Some(s) => (
                format!("{} – {}", s.title, manifest.name),
                if s.description.is_empty() {
                    manifest.description.clone()
                } else {
                    s.description.clone()
                },
                Route::section(&s.slug, 1),
            ),
            None => (
                manifest.name.clone(),
                manifest.description.clone(),
                Route::Home,
            ),
        };
        Feed {
            site,
            title,
            description,
            page: site.absolute(&site.href(&route)),
            section: section.map(|s| s.slug.as_str()),
            items,
        }
    }

    fn own(&self, name: &str) -> String {
        absolute(self.site, &files::feed(self.section, name))
    }

    fn offset(&self) -> UtcOffset {
        self.site.manifest().timezone
    }

    fn link(&self, article: &Article) -> String {
        self.site.absolute(
            &self
                .site
                .href(&Route::article(&article.section, &article.slug)),
        )
    }

    /// The article's categories: its section's title, then its tags.
    fn categories(&self, article: &'a Article) -> Vec<&'a str> {
        let manifest = self.site.manifest();
        manifest
            .section(&article.section)
            .map(|s| s.title.as_str())
            .into_iter()
            .chain(article.tags.iter().map(String::as_str))
            .collect()
    }

    /// When the feed last changed: its newest item's time, so that a build of the same content
    /// writes the same feed.
    fn updated(&self) -> Option<Timestamp> {
        self.items.iter().map(|a| changed(a)).max()
    }

    fn image(&self, article: &Article) -> Option<String> {
        let src = self.site.asset_href(&article.thumbnail.as_ref()?.src)?;
        Some(if src.contains("://") {
            src
        } else {
            self.site.absolute(&src)
        })
    }

    fn rss(&self) -> String {
        let offset = self.offset();
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
             <channel>\n  <title>{}</title>\n  <link>{}</link>\n  <description>{}</description>\n  \
             <language>{}</language>\n  <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\" />\n",
            xml(&self.title),
            xml(&self.page),
            xml(&self.description),
            xml(&self.site.manifest().language),
            xml(&self.own(files::RSS)),
        );
        if let Some(updated) = self.updated() {
            out += &format!(
                "  <lastBuildDate>{}</lastBuildDate>\n",
                rfc822(updated, offset)
            );
        }
        for article in &self.items {
            let link = xml(&self.link(article));
            out += &format!(
                "  <item>\n    <title>{}</title>\n    <link>{link}</link>\n    \
                 <guid isPermaLink=\"true\">{link}</guid>\n    <pubDate>{}</pubDate>\n    \
                 <description>{}</description>\n",
                xml(&article.title),
                rfc822(article.published, offset),
                xml(&article.lead),
            );
            // RSS's own <author> is an e-mail address; a name is Dublin Core's creator.
            if let Some(author) = &article.author {
                out += &format!("    <dc:creator>{}</dc:creator>\n", xml(author));
            }
            for category in self.categories(article) {
                out += &format!("    <category>{}</category>\n", xml(category));
            }
            out += "  </item>\n";
        }
        out + "</channel>\n</rss>\n"
    }

    fn atom(&self) -> String {
        let offset = self.offset();
        let manifest = self.site.manifest();
        let updated = self.updated().map_or_else(
            || "1970-01-01T00:00:00+00:00".to_string(),
            |at| format::machine(at, offset),
        );
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  \
             <subtitle>{}</subtitle>\n  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\" />\n  \
             <link rel=\"alternate\" type=\"text/html\" href=\"{}\" />\n  <updated>{updated}</updated>\n  \
             <author><name>{}</name></author>\n",
            xml(&manifest.language),
            xml(&self.title),
            xml(&self.description),
            xml(&self.own(files::ATOM)),
            xml(&self.own(files::ATOM)),
            xml(&self.page),
            xml(&manifest.name),
        );
        for article in &self.items {
            let link = xml(&self.link(article));
            out += &format!(
                "  <entry>\n    <title>{}</title>\n    <id>{link}</id>\n    \
                 <link rel=\"alternate\" type=\"text/html\" href=\"{link}\" />\n    \
                 <published>{}</published>\n    <updated>{}</updated>\n    <summary>{}</summary>\n",
                xml(&article.title),
                format::machine(article.published, offset),
                format::machine(changed(article), offset),
                xml(&article.lead),
            );
            if let Some(author) = &article.author {
                out += &format!("    <author><name>{}</name></author>\n", xml(author));
            }
            for category in self.categories(article) {
                out += &format!("    <category term=\"{}\" />\n", xml(category));
            }
            out += &format!(
                "    <content type=\"text\">{}</content>\n  </entry>\n",
                xml(&text(article))
            );
        }
        out + "</feed>\n"
    }

    fn json(&self) -> String {
        let offset = self.offset();
        let manifest = self.site.manifest();
        let feed = JsonFeed {
            version: "https://jsonfeed.org/version/1.1",
            title: &self.title,
            home_page_url: self.page.clone(),
            feed_url: self.own(files::JSON_FEED),
            description: &self.description,
            language: &manifest.language,
            authors: vec![Author {
                name: &manifest.name,
            }],
            items: self
                .items
                .iter()
                .map(|article| {
                    let link = self.link(article);
                    JsonItem {
                        id: link.clone(),
                        url: link,
                        title: &article.title,
                        summary: &article.lead,
                        content_text: text(article),
                        date_published: format::machine(article.published, offset),
                        date_modified: article.updated.map(|at| format::machine(at, offset)),
                        authors: article.author.iter().map(|name| Author { name }).collect(),
                        image: self.image(article),
                        tags: self.categories(article),
                    }
                })
                .collect(),
        };
        serde_json::to_string_pretty(&feed).unwrap_or_default() + "\n"
    }
}

/// JSON Feed 1.1 (jsonfeed.org/version/1.1), its fields in the specification's order.
#[derive(serde::Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: String,
    feed_url: String,
    description: &'a str,
    language: &'a str,
    authors: Vec<Author<'a>>,
    items: Vec<JsonItem<'a>>,
}

#[derive(serde::Serialize)]
struct Author<'a> {
    name: &'a str,
}

#[derive(serde::Serialize)]
struct JsonItem<'a> {
    id: String,
    url: String,
    title: &'a str,
    summary: &'a str,
    content_text: String,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Author<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    tags: Vec<&'a str>,
}

/// An article's text for a feed reader: the lead, then each block, blank lines between them.
fn text(article: &Article) -> String {
    let rich = |text: &RichText| match text {
        RichText::Plain(text) => text.clone(),
        RichText::Runs(runs) => runs
            .iter()
            .map(|run| match run {
                Inline::Text(text) | Inline::Link { text, .. } | Inline::Emphasis { text, .. } => {
                    text.as_str()
                }
            })
            .collect(),
    };
    let blocks = article.body.iter().filter_map(|block| match block {
        Block::Paragraph { text } => Some(rich(text)),
        Block::Heading { text } => Some(text.clone()),
        Block::Quote { label, text } => Some(match label {
            Some(label) => format!("{label}\n{text}"),
            None => text.clone(),
        }),
        Block::Image { caption, .. } => (!caption.is_empty()).then(|| caption.clone()),
        Block::List { ordered, items } => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| match ordered {
                    true => format!("{}. {}", i + 1, rich(item)),
                    false => format!("– {}", rich(item)),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Block::Unknown => None,
    });
    std::iter::once(article.lead.clone())
        .filter(|lead| !lead.is_empty())
        .chain(blocks)
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_rfc_822_dates_in_the_site_s_offset() {
        let at = Timestamp::parse("2020-07-19T18:40:00+07:00").unwrap();
        assert_eq!(
            rfc822(at, UtcOffset::from_minutes(420)),
            "Sun, 19 Jul 2020 18:40:00 +0700"
        );
        assert_eq!(
            rfc822(at, UtcOffset::from_minutes(0)),
            "Sun, 19 Jul 2020 11:40:00 +0000"
        );
        assert_eq!(
            rfc822(at, UtcOffset::from_minutes(-570)),
            "Sun, 19 Jul 2020 02:10:00 -0930"
        );
        let new_year = Timestamp::parse("2024-01-01T00:30:00+07:00").unwrap();
        assert_eq!(
            rfc822(new_year, UtcOffset::from_minutes(0)),
            "Sun, 31 Dec 2023 17:30:00 +0000"
        );
        assert_eq!(
            rfc822(new_year, UtcOffset::from_minutes(420)),
            "Mon, 01 Jan 2024 00:30:00 +0700"
        );
    }

    #[test]
    fn keeps_text_that_xml_cannot_hold_out() {
        assert_eq!(
            xml("a & <b> \"c\" 'd'\u{1}\u{8}\u{FFFE}\ttab"),
            "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;\ttab"
        );
    }
}
