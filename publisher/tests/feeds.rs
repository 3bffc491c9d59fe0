//! The feeds, the sitemap and robots.txt, read back by an independent parser (feed-rs) and checked
//! field by field against the articles they come from: required fields, absolute addresses under
//! the sub-path, RFC 822 and RFC 3339 dates, and titles that hold `&`, `<` and quotes.

use chrono::DateTime;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tintuc::content::{paths, Article, Manifest};
use tintuc::format::Timestamp;
use tintuc::site::Site;
use tintuc_publisher::catalog::{disk, Tree};
use tintuc_publisher::cli::Command;
use tintuc_publisher::feeds::{self, Written};

const URL: &str = "https://dongda.example/";
const HOSTILE: &str = "Tin & <b>\"thử\"</b> 'nháy' ]]> &amp;";

fn public() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
}

/// A generated tree of `per_section` articles a section, and one more whose title, author and
/// tags hold what XML and JSON must escape, indexed.
fn tree(name: &str, per_section: usize, feed_size: u32, url: Option<&str>) -> (PathBuf, Tree) {
    let root = std::env::temp_dir().join(format!("tintuc-feeds-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("content")).unwrap();
    let text = std::fs::read_to_string(public().join(paths::MANIFEST)).unwrap();
    let mut manifest: Manifest = serde_json::from_str(&text).unwrap();
    manifest.feed_size = feed_size;
    manifest.url = url.map(str::to_string);
    std::fs::write(
        root.join(paths::MANIFEST),
        serde_json::to_string(&manifest).unwrap(),
    )
    .unwrap();
    let args: Vec<String> = [
        "generate",
        root.to_str().unwrap(),
        "--per-section",
        &per_section.to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    Command::parse(&args).unwrap().run().unwrap();
    let seed: Article = serde_json::from_str(
        &std::fs::read_to_string(public().join(paths::article(
            "dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025",
        )))
        .unwrap(),
    )
    .unwrap();
    let hostile = Article {
        slug: "tin-hiem".into(),
        section: "kinh-te".into(),
        title: HOSTILE.into(),
        published: Timestamp::parse("2030-01-02T03:04:05+07:00").unwrap(),
        updated: Timestamp::parse("2030-01-03T00:00:00+07:00"),
        author: Some("Nguyễn <Văn> & \"A\"".into()),
        tags: vec!["thuế & phí".into(), "<ngân sách>".into()],
        lead: "Dẫn <i>nhập</i> & \u{1}điều khiển".into(),
        translations: Vec::new(),
        ..seed
    };
    std::fs::write(
        root.join(paths::article("tin-hiem")),
        serde_json::to_string(&hostile).unwrap(),
    )
    .unwrap();
    let args = vec!["index".to_string(), root.to_str().unwrap().to_string()];
    Command::parse(&args).unwrap().run().unwrap();
    let (tree, problems) = disk::load_tree(&root);
    assert!(problems.is_empty(), "{problems:?}");
    (root, tree)
}

fn newest_first(tree: &Tree, section: Option<&str>) -> Vec<Article> {
    let mut articles: Vec<Article> = tree
        .articles
        .values()
        .filter(|a| section.is_none_or(|s| s == a.section))
        .cloned()
        .collect();
    articles.sort_by(|a, b| b.published.cmp(&a.published).then(a.slug.cmp(&b.slug)));
    articles
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn link(article: &Article) -> String {
    format!("{URL}tin/{}/{}", article.section, article.slug)
}

#[test]
fn every_feed_reads_back_with_its_articles_newest_first() {
    let (root, tree) = tree("feeds", 4, 7, Some(URL));
    let manifest = tree.manifest.clone().unwrap();
    let site = Site::new(manifest.clone(), "/tin/");
    let written = feeds::write(&root, &site, &tree).unwrap();
    assert_eq!(
        written,
        Written {
            feeds: 3 * (1 + manifest.sections.len()),
            sitemap_files: 1
        }
    );

    let scopes =
        std::iter::once(None).chain(manifest.sections.iter().map(|s| Some(s.slug.as_str())));
    for section in scopes {
        let expected: Vec<Article> = newest_first(&tree, section).into_iter().take(7).collect();
        let dir = section.map_or(String::new(), |s| format!("{s}/"));
        let page = format!("{URL}tin/{dir}").trim_end_matches('/').to_string();
        let page = if section.is_none() {
            format!("{URL}tin/")
        } else {
            page
        };
        for file in ["feed.xml", "atom.xml", "feed.json"] {
            let rel = format!("{dir}{file}");
            let text = read(&root, &rel);
            let feed =
                feed_rs::parser::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let title = feed
                .title
                .as_ref()
                .map(|t| t.content.clone())
                .unwrap_or_default();
            match section.and_then(|s| manifest.section(s)) {
                Some(s) => assert_eq!(title, format!("{} – {}", s.title, manifest.name), "{rel}"),
                None => assert_eq!(title, manifest.name, "{rel}"),
            }
            assert_eq!(feed.language.as_deref(), Some("vi"), "{rel}");
            assert!(
                feed.links.iter().any(|l| l.href == page),
                "{rel}: {:?} lacks {page}",
                feed.links
            );
            assert_eq!(feed.entries.len(), expected.len(), "{rel}");
            for (entry, article) in feed.entries.iter().zip(&expected) {
                let at = format!("{rel}: {}", article.slug);
                assert_eq!(entry.title.as_ref().unwrap().content, article.title, "{at}");
                assert_eq!(entry.links[0].href, link(article), "{at}");
                assert_eq!(entry.id, link(article), "{at}");
                let published = entry.published.unwrap_or_else(|| panic!("{at}: no date"));
                assert_eq!(published.timestamp(), article.published.unix(), "{at}");
                // XML 1.0 cannot hold a control character; JSON keeps it.
                let lead = match file {
                    "feed.json" => article.lead.clone(),
                    _ => article.lead.replace('\u{1}', ""),
                };
                assert_eq!(
                    entry
                        .summary
                        .as_ref()
                        .map(|s| s.content.as_str())
                        .unwrap_or(""),
                    lead,
                    "{at}"
                );
                let section_title = &manifest.section(&article.section).unwrap().title;
                let terms: Vec<&str> = entry.categories.iter().map(|c| c.term.as_str()).collect();
                assert_eq!(terms[0], section_title, "{at}");
                assert_eq!(
                    terms[1..],
                    article.tags.iter().map(String::as_str).collect::<Vec<_>>()[..],
                    "{at}"
                );
                if let Some(author) = &article.author {
                    assert_eq!(
                        entry.authors[0].name.as_deref(),
                        Some(author.as_str()),
                        "{at}"
                    );
                }
            }
        }
    }

    // The dates as each format writes them: RFC 822 in RSS, RFC 3339 in JSON Feed and Atom.
    let rss = read(&root, "feed.xml");
    let dates: Vec<&str> = rss
        .split("<pubDate>")
        .skip(1)
        .map(|d| &d[..d.find('<').unwrap()])
        .collect();
    assert_eq!(dates.len(), 7);
    assert_eq!(dates[0], "Wed, 02 Jan 2030 03:04:05 +0700");
    for date in &dates {
        DateTime::parse_from_rfc2822(date).unwrap_or_else(|e| panic!("{date}: {e}"));
    }
    let json: serde_json::Value = serde_json::from_str(&read(&root, "feed.json")).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["feed_url"], format!("{URL}tin/feed.json"));
    for item in json["items"].as_array().unwrap() {
        for field in ["date_published", "date_modified"] {
            if let Some(date) = item[field].as_str() {
                DateTime::parse_from_rfc3339(date).unwrap_or_else(|e| panic!("{date}: {e}"));
            }
        }
        assert!(item["content_text"].as_str().is_some_and(|t| !t.is_empty()));
    }
    assert_eq!(
        json["items"][0]["date_modified"],
        "2030-01-03T00:00:00+07:00"
    );
    // Markup in a title is text, escaped once, never markup.
    assert!(rss.contains("<title>Tin &amp; &lt;b&gt;&quot;thử&quot;&lt;/b&gt; &#39;nháy&#39; ]]&gt; &amp;amp;</title>"));
    assert!(!rss.contains("<b>") && !rss.contains('\u{1}'));
    assert!(read(&root, "atom.xml").contains("<category term=\"&lt;ngân sách&gt;\" />"));
    assert_eq!(json["items"][0]["title"], HOSTILE);
    assert_eq!(
        json["items"][0]["authors"][0]["name"],
        "Nguyễn <Văn> & \"A\""
    );
}

/// The `<loc>` addresses of a sitemap file.
fn locations(xml: &str) -> Vec<String> {
    xml.split("<loc>")
        .skip(1)
        .map(|l| l[..l.find("</loc>").unwrap()].to_string())
        .collect()
}

#[test]
fn the_sitemap_lists_every_page_in_parts_of_at_most_the_limit() {
    let (root, tree) = tree("sitemap", 10, 20, Some(URL));
    let manifest = tree.manifest.clone().unwrap();
    let site = Site::new(manifest.clone(), "/tin/");
    let mut expected: BTreeSet<String> = tree.articles.values().map(link).collect();
    expected.insert(format!("{URL}tin/"));
    for (section, page) in tree.pages.keys() {
        expected.insert(match page {
            1 => format!("{URL}tin/{section}"),
            n => format!("{URL}tin/{section}/trang/{n}"),
        });
    }
    assert!(expected.len() > 50);

    // One file while the addresses fit in it.
    feeds::write(&root, &site, &tree).unwrap();
    let single = read(&root, "sitemap.xml");
    assert!(single.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    let listed = locations(&single);
    assert_eq!(listed.len(), expected.len(), "no address twice");
    assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), expected);
    assert_eq!(single.matches("<lastmod>").count(), expected.len());
    // The hostile article changed last: its update is the home page's lastmod.
    assert!(single.contains(&format!(
        "<loc>{URL}tin/</loc><lastmod>2030-01-03T00:00:00+07:00</lastmod>"
    )));

    // An index of parts past the limit.
    let written = feeds::write_with(&root, &site, &tree, 50).unwrap();
    let parts = expected.len().div_ceil(50);
    assert_eq!(written.sitemap_files, parts + 1);
    let index = read(&root, "sitemap.xml");
    assert!(index.contains("<sitemapindex"));
    let part_urls = locations(&index);
    assert_eq!(
        part_urls,
        (1..=parts)
            .map(|n| format!("{URL}tin/sitemap-{n}.xml"))
            .collect::<Vec<_>>()
    );
    let mut all = BTreeSet::new();
    for n in 1..=parts {
        let part = locations(&read(&root, &format!("sitemap-{n}.xml")));
        assert!(part.len() <= 50 && !part.is_empty());
        all.extend(part);
    }
    assert_eq!(all, expected);

    let robots = read(&root, "robots.txt");
    assert_eq!(
        robots,
        format!("User-agent: *\nAllow: /\n\nSitemap: {URL}tin/sitemap.xml\n"),
        "no edition published here"
    );
    // The English edition, published below it: named once its manifest gives the address its
    // sitemap needs.
    std::fs::create_dir_all(root.join("en/content")).unwrap();
    let english = std::fs::read_to_string(public().join("en").join(paths::MANIFEST)).unwrap();
    let mut edition: Manifest = serde_json::from_str(&english).unwrap();
    edition.url = None;
    std::fs::write(
        root.join("en").join(paths::MANIFEST),
        serde_json::to_string(&edition).unwrap(),
    )
    .unwrap();
    feeds::write(&root, &site, &tree).unwrap();
    assert!(
        !read(&root, "robots.txt").contains("en/sitemap.xml"),
        "it has no sitemap"
    );
    edition.url = Some(URL.into());
    std::fs::write(
        root.join("en").join(paths::MANIFEST),
        serde_json::to_string(&edition).unwrap(),
    )
    .unwrap();
    feeds::write(&root, &site, &tree).unwrap();
    let robots = read(&root, "robots.txt");
    assert!(
        robots.ends_with(&format!(
            "Sitemap: {URL}tin/sitemap.xml\nSitemap: {URL}tin/en/sitemap.xml\n"
        )),
        "{robots}"
    );
}

#[test]
fn a_site_without_an_address_gets_robots_txt_alone() {
    let (root, tree) = tree("no-url", 2, 20, None);
    let site = Site::new(tree.manifest.clone().unwrap(), "/");
    let written = feeds::write(&root, &site, &tree).unwrap();
    assert_eq!(
        written,
        Written {
            feeds: 0,
            sitemap_files: 0
        }
    );
    assert!(!root.join("feed.xml").exists() && !root.join("sitemap.xml").exists());
    assert_eq!(read(&root, "robots.txt"), "User-agent: *\nAllow: /\n");
}
