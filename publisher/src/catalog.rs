//! Building the index files from the articles, and checking that a content tree holds together.
//!
//! A newsroom writes one JSON file per article and the manifest; `tintuc-content index` turns
//! them into the section pages and the home index with [`build_indexes`]. [`check`] is what the
//! tests and `tintuc-content check` run over a whole tree before it is published.

use std::collections::{BTreeMap, BTreeSet};
use tintuc::content::{
    has_bidi_control, limits, paths, safe_href, Article, Block, HomeIndex, Inline, Manifest,
    RichText, SectionPage, Summary, Translation, FORMAT_VERSION,
};
use tintuc::format::Timestamp;
pub use tintuc::route::is_slug;

/// How many articles the home page lists in each of its blocks.
pub const HOME_LATEST: usize = 8;
pub const HOME_PER_SECTION: usize = 4;
pub const HOME_POPULAR: usize = 10;

/// Every index file for these articles, as (path relative to the site, value).
pub fn build_indexes(manifest: &Manifest, articles: &[Article]) -> Vec<(String, IndexFile)> {
    let mut summaries: Vec<Summary> = articles.iter().map(Article::summary).collect();
    sort_newest_first(&mut summaries);
    let page_size = manifest.page_size.max(1) as usize;

    let mut files = Vec::new();
    let mut home = HomeIndex {
        latest: summaries.iter().take(HOME_LATEST).cloned().collect(),
        ..HomeIndex::default()
    };
    for section in &manifest.sections {
        let own: Vec<Summary> = summaries
            .iter()
            .filter(|s| s.section == section.slug)
            .cloned()
            .collect();
        home.sections.insert(
            section.slug.clone(),
            own.iter().take(HOME_PER_SECTION).cloned().collect(),
        );
        let pages = own.len().div_ceil(page_size).max(1) as u32;
        // An empty section still gets its first page, so its URL shows "no articles yet".
        let mut chunks = own.chunks(page_size);
        for page in 1..=pages {
            // In chunks, not by skipping from the start each time: linear in the articles.
            let articles = chunks.next().map(<[Summary]>::to_vec).unwrap_or_default();
            files.push((
                paths::section_page(&section.slug, page),
                IndexFile::Section(SectionPage {
                    section: section.slug.clone(),
                    page,
                    pages,
                    total: own.len() as u32,
                    articles,
                }),
            ));
        }
    }
    let mut popular = summaries;
    popular.sort_by(|a, b| b.views.cmp(&a.views).then(b.published.cmp(&a.published)));
    popular.truncate(HOME_POPULAR);
    home.popular = popular;
    files.push((paths::HOME.to_string(), IndexFile::Home(home)));
    files
}

/// Newest first; equal times fall back to the slug so that the order is stable.
pub fn sort_newest_first(summaries: &mut [Summary]) {
    summaries.sort_by(|a, b| newest_first((a.published, &a.slug), (b.published, &b.slug)));
}

/// The order of every list of articles the site publishes (section pages, search results,
/// feeds): by `published`, newest first, then by slug, so that it is stable.
pub fn newest_first(a: (Timestamp, &str), b: (Timestamp, &str)) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(b.1))
}

/// An index file that [`build_indexes`] writes.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexFile {
    Home(HomeIndex),
    Section(SectionPage),
}

impl IndexFile {
    /// The file's JSON, pretty-printed so that diffs of published content stay readable.
    pub fn to_json(&self) -> String {
        let json = match self {
            IndexFile::Home(home) => serde_json::to_string_pretty(home),
            IndexFile::Section(page) => serde_json::to_string_pretty(page),
        };
        // Serialising plain structs of strings and numbers cannot fail.
        json.unwrap_or_default() + "\n"
    }
}

/// A parsed content tree: the manifest, the home index, every section page and every article.
#[derive(Debug, Default)]
pub struct Tree {
    pub manifest: Option<Manifest>,
    pub home: Option<HomeIndex>,
    /// By (section slug, page number).
    pub pages: BTreeMap<(String, u32), SectionPage>,
    /// By the slug in the file name.
    pub articles: BTreeMap<String, Article>,
}

impl Tree {
    /// The tree `tintuc-content index` makes of these articles: consistent, until a test or a
    /// fuzz target changes it.
    pub fn indexed(manifest: Manifest, articles: Vec<Article>) -> Tree {
        let mut tree = Tree {
            manifest: Some(manifest.clone()),
            ..Tree::default()
        };
        for (_, file) in build_indexes(&manifest, &articles) {
            match file {
                IndexFile::Home(home) => tree.home = Some(home),
                IndexFile::Section(page) => {
                    tree.pages.insert((page.section.clone(), page.page), page);
                }
            }
        }
        tree.articles = articles.into_iter().map(|a| (a.slug.clone(), a)).collect();
        tree
    }
}

/// Everything that is wrong with `tree`, one sentence each; empty when it is consistent.
pub fn check(tree: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(manifest) = &tree.manifest else {
        return vec![format!("{} is missing", paths::MANIFEST)];
    };
    if manifest.format != FORMAT_VERSION {
        problems.push(format!(
            "{}: format {} is not the supported {FORMAT_VERSION}",
            paths::MANIFEST,
            manifest.format
        ));
    }
    if manifest.sections.is_empty() {
        problems.push(format!("{}: lists no sections", paths::MANIFEST));
    }
    if manifest.page_size == 0 {
        problems.push(format!("{}: page_size must be at least 1", paths::MANIFEST));
    }
    if !tintuc::content::is_language_tag(&manifest.language)
        || tintuc::strings::for_language(&manifest.language).is_none()
    {
        problems.push(format!(
            "{}: language {:?} is not one the interface speaks ({}); use one of those, or add \
             its table to src/strings/",
            paths::MANIFEST,
            manifest.language,
            tintuc::strings::spoken()
        ));
    }
    problems.extend(translation_problems(
        paths::MANIFEST,
        &manifest.translations,
        &manifest.language,
    ));
    let mut section_slugs = BTreeSet::new();
    for section in &manifest.sections {
        if !is_slug(&section.slug) {
            problems.push(format!("section slug {:?} is not a URL slug", section.slug));
        }
        if section.slug == tintuc::route::SEARCH {
            problems.push(format!(
                "section slug {:?} is the search page's address; choose another",
                section.slug
            ));
        }
        if !section_slugs.insert(section.slug.as_str()) {
            problems.push(format!("section {} is listed twice", section.slug));
        }
    }

    for (slug, article) in &tree.articles {
        if &article.slug != slug {
            let taken = tree.articles.contains_key(&article.slug);
            problems.push(if taken {
                format!(
                    "{}: slug {:?} is that of {} too; each article needs its own, the file's name",
                    paths::article(slug),
                    article.slug,
                    paths::article(&article.slug)
                )
            } else {
                format!(
                    "{}: slug is {:?}, not the file's name",
                    paths::article(slug),
                    article.slug
                )
            });
        }
        if !is_slug(slug) {
            problems.push(format!("article slug {slug:?} is not a URL slug"));
        }
        if !section_slugs.contains(article.section.as_str()) {
            problems.push(format!(
                "{}: section {:?} is not in the manifest",
                paths::article(slug),
                article.section
            ));
        }
        problems.extend(article_problems(
            &paths::article(slug),
            article,
            &manifest.language,
        ));
    }

    // Every page file is published as a page: one past the end, or of no section, would be too.
    for (section, page) in tree.pages.keys() {
        let pages = tree
            .pages
            .get(&(section.clone(), 1))
            .map_or(0, |first| first.pages);
        if *page == 0 || *page > pages || !section_slugs.contains(section.as_str()) {
            problems.push(format!(
                "{}: not a page of its section (it has {pages})",
                paths::section_page(section, *page)
            ));
        }
    }

    let mut listed = BTreeSet::new();
    for section in &manifest.sections {
        let first = tree.pages.get(&(section.slug.clone(), 1));
        let Some(first) = first else {
            problems.push(format!(
                "{} is missing",
                paths::section_page(&section.slug, 1)
            ));
            continue;
        };
        // The pages that are there are walked, not the number the first one claims: a page
        // that claims four billion would otherwise be four billion "missing" lines.
        let present = tree
            .pages
            .range((section.slug.clone(), 1)..=(section.slug.clone(), u32::MAX))
            .count() as u32;
        if first.pages > present {
            problems.push(format!(
                "{}: claims {} pages, but {present} are there",
                paths::section_page(&section.slug, 1),
                first.pages
            ));
        }
        let mut seen = 0;
        for page in 1..=first.pages.min(present) {
            let path = paths::section_page(&section.slug, page);
            let Some(file) = tree.pages.get(&(section.slug.clone(), page)) else {
                problems.push(format!("{path} is missing"));
                continue;
            };
            if file.page != page || file.pages != first.pages || file.section != section.slug {
                problems.push(format!(
                    "{path}: says it is page {} of {} of {}",
                    file.page, file.pages, file.section
                ));
            }
            if file.articles.len() > manifest.page_size as usize {
                problems.push(format!("{path}: holds more than the page size"));
            }
            if file
                .articles
                .windows(2)
                .any(|w| w[0].published < w[1].published)
            {
                problems.push(format!("{path}: is not newest first"));
            }
            seen += file.articles.len();
            for summary in &file.articles {
                if summary.section != section.slug {
                    problems.push(format!(
                        "{path}: lists {} of section {}",
                        summary.slug, summary.section
                    ));
                }
                if !listed.insert(summary.slug.clone()) {
                    problems.push(format!("{path}: lists {} a second time", summary.slug));
                }
                problems.extend(summary_problems(&path, summary, tree));
            }
        }
        if seen != first.total as usize {
            problems.push(format!(
                "{}: total is {} but its pages list {seen}",
                paths::section_page(&section.slug, 1),
                first.total
            ));
        }
    }
    for ((section, page), _) in tree.pages.iter() {
        if !section_slugs.contains(section.as_str()) {
            problems.push(format!(
                "{} belongs to no section",
                paths::section_page(section, *page)
            ));
        }
    }
    for slug in tree.articles.keys() {
        if !listed.contains(slug) {
            problems.push(format!("{} is in no section page", paths::article(slug)));
        }
    }

    match &tree.home {
        None => problems.push(format!("{} is missing", paths::HOME)),
        Some(home) => {
            let sections = home.sections.values().flatten();
            for summary in home.latest.iter().chain(&home.popular).chain(sections) {
                problems.extend(summary_problems(paths::HOME, summary, tree));
            }
            for slug in home.sections.keys() {
                if !section_slugs.contains(slug.as_str()) {
                    problems.push(format!(
                        "{}: section {slug} is not in the manifest",
                        paths::HOME
                    ));
                }
            }
        }
    }
    problems
}

/// What in one article a reader must not be shown: text that reorders itself, links that run
/// script, more than the app draws comfortably. Each problem names the field and what to do.
fn article_problems(path: &str, article: &Article, manifest_language: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let title_chars = article.title.chars().count();
    if article.title.trim().is_empty() {
        problems.push(format!("{path}: has no title"));
    } else if title_chars > limits::TITLE_CHARS {
        problems.push(format!(
            "{path}: `title` is {title_chars} characters; shorten it to at most {}",
            limits::TITLE_CHARS
        ));
    }
    if article.body.len() > limits::BLOCKS {
        problems.push(format!(
            "{path}: `body` has {} blocks; split the article (at most {})",
            article.body.len(),
            limits::BLOCKS
        ));
    }
    let mut texts: Vec<(String, &str)> = vec![("title".into(), &article.title)];
    texts.push(("lead".into(), &article.lead));
    texts.extend(article.author.as_deref().map(|a| ("author".into(), a)));
    let mut links: Vec<(String, &str)> = Vec::new();
    for (i, block) in article.body.iter().enumerate() {
        let field = format!("body[{i}]");
        texts.extend(block.text_parts().map(|t| (field.clone(), t)));
        match block {
            Block::Paragraph { text } => links.extend(link_targets(&field, text)),
            Block::List { items, .. } => {
                for item in items {
                    links.extend(link_targets(&field, item));
                }
            }
            Block::Image { image, .. } => links.push((format!("{field}.src"), &image.src)),
            _ => {}
        }
    }
    if let Some(thumbnail) = &article.thumbnail {
        links.push(("thumbnail.src".into(), &thumbnail.src));
    }
    problems.extend(translation_problems(
        path,
        &article.translations,
        manifest_language,
    ));
    for (field, text) in texts {
        if has_bidi_control(text) {
            problems.push(format!(
                "{path}: `{field}` holds a character that reverses or isolates text \
                 (U+202A–U+202E, U+2066–U+2069); remove it"
            ));
        }
    }
    for (field, href) in links {
        if safe_href(href).is_none() {
            let shown: String = href.chars().take(60).collect();
            problems.push(format!(
                "{path}: `{field}` points to {shown:?}, which the site will not follow; \
                 use an http(s) address or a path on this site"
            ));
        }
    }
    problems
}

/// What is wrong with the translations a file names: each needs a language tag other than the
/// site's own and the other translations', and an address a link may follow.
fn translation_problems(
    path: &str,
    translations: &[Translation],
    site_language: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, translation) in translations.iter().enumerate() {
        let language = translation.language.to_ascii_lowercase();
        if language == site_language.to_ascii_lowercase() {
            problems.push(format!(
                "{path}: `translations[{i}]` is in the site's own language ({language}); a \
                 translation is in another"
            ));
        } else if !seen.insert(language.clone()) {
            problems.push(format!(
                "{path}: `translations[{i}]` is a second translation into {language}; keep one"
            ));
        }
        if !translation.language_is_valid() {
            problems.push(format!(
                "{path}: `translations[{i}].language` is {:?}; write a language tag such as \
                 \"en\" or \"vi\"",
                translation.language
            ));
        }
        if translation.safe_href().is_none() {
            let shown: String = translation.href.chars().take(60).collect();
            problems.push(format!(
                "{path}: `translations[{i}].href` is {shown:?}; use an http(s) address, a path \
                 from the host's root, or one from the site's base (\"en/\", \"../\")"
            ));
        }
    }
    problems
}

fn link_targets<'a>(field: &str, text: &'a RichText) -> Vec<(String, &'a str)> {
    let RichText::Runs(runs) = text else {
        return Vec::new();
    };
    runs.iter()
        .filter_map(|run| match run {
            Inline::Link { href, .. } => Some((format!("{field} link"), href.as_str())),
            Inline::Text(_) | Inline::Emphasis { .. } => None,
        })
        .collect()
}

/// A summary must point at an article that says the same.
fn summary_problems(path: &str, summary: &Summary, tree: &Tree) -> Vec<String> {
    match tree.articles.get(&summary.slug) {
        None => vec![format!(
            "{path}: lists {} which has no article file",
            summary.slug
        )],
        Some(article) if article.summary() != *summary => {
            vec![format!(
                "{path}: the summary of {} differs from its article",
                summary.slug
            )]
        }
        Some(_) => Vec::new(),
    }
}

/// A slug from Vietnamese text: folded as search folds words (marks off, composed or not, `đ`
/// to `d`, lower case), words joined by hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for ch in tintuc::search::fold(text).chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Reading and writing a content tree on disk, for the command-line tool and the tests.
pub mod disk {
    use super::{build_indexes, Tree};
    use crate::incremental::{remove_others, write_if_changed};
    use serde::de::DeserializeOwned;
    use std::collections::BTreeSet;
    use std::path::Path;
    use tintuc::content::{limits, paths, Article, Manifest};

    fn read<T: DeserializeOwned>(root: &Path, rel: &str, problems: &mut Vec<String>) -> Option<T> {
        let path = root.join(rel);
        // Its size first: a file far over the limit is not read into memory to be refused.
        let read = std::fs::metadata(&path)
            .map_err(|e| e.to_string())
            .and_then(|meta| match meta.len() {
                len if len > limits::FILE_BYTES as u64 => Err(too_large(len)),
                _ => std::fs::read(&path).map_err(|e| e.to_string()),
            })
            .and_then(|bytes| decode(&bytes));
        read.map_err(|problem| problems.push(format!("{rel}: {problem}")))
            .ok()
    }

    fn too_large(bytes: u64) -> String {
        format!(
            "is {bytes} bytes; the site refuses files over {} (split the article, or keep \
             pictures and attachments out of the JSON)",
            limits::FILE_BYTES
        )
    }

    /// A content file's bytes as a `T`, or what is wrong with them and where: the line, the
    /// column and the field, so that an editor can go straight to it.
    pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
        if bytes.len() > limits::FILE_BYTES {
            return Err(too_large(bytes.len() as u64));
        }
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            return Err("starts with a byte-order mark; save it as UTF-8 without BOM".into());
        }
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            format!("is not UTF-8 at line {line}, column {column}; save it as UTF-8")
        })?;
        let mut json = serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut json).map_err(|e| {
            let inner = e.inner();
            let detail = tintuc::content::json_detail(inner);
            let at = e.path().to_string();
            let field = if at == "." {
                String::new()
            } else {
                format!(", in `{at}`")
            };
            format!(
                "line {}, column {}{field}: {detail}",
                inner.line(),
                inner.column()
            )
        })?;
        json.end().map_err(|e| {
            format!(
                "line {}, column {}: more after the JSON value",
                e.line(),
                e.column()
            )
        })?;
        Ok(value)
    }

    fn json_files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        names
    }

    /// Reads the manifest and the articles under `root` (the folder holding `content/`).
    pub fn read_sources(root: &Path) -> Result<(Manifest, Vec<Article>), Vec<String>> {
        let mut problems = Vec::new();
        let manifest = read::<Manifest>(root, paths::MANIFEST, &mut problems);
        let articles = json_files(&root.join("content/articles"))
            .iter()
            .filter_map(|name| {
                read::<Article>(root, &format!("content/articles/{name}"), &mut problems)
            })
            .collect();
        match manifest {
            Some(manifest) if problems.is_empty() => Ok((manifest, articles)),
            _ => Err(problems),
        }
    }

    /// Reads every file of the tree under `root`, with a problem for each that does not parse.
    pub fn load_tree(root: &Path) -> (Tree, Vec<String>) {
        let mut problems = Vec::new();
        let mut tree = Tree {
            manifest: read(root, paths::MANIFEST, &mut problems),
            home: read(root, paths::HOME, &mut problems),
            ..Tree::default()
        };
        for name in json_files(&root.join("content/articles")) {
            let rel = format!("content/articles/{name}");
            if let Some(article) = read::<Article>(root, &rel, &mut problems) {
                tree.articles
                    .insert(name.trim_end_matches(".json").to_string(), article);
            }
        }
        let sections_dir = root.join(paths::SECTIONS);
        let mut section_dirs: Vec<_> = std::fs::read_dir(&sections_dir)
            .into_iter()
            .flatten()
            .flatten()
            .collect();
        section_dirs.sort_by_key(|e| e.file_name());
        for dir in section_dirs {
            let Ok(section) = dir.file_name().into_string() else {
                continue;
            };
            for name in json_files(&dir.path()) {
                let rel = format!("{}/{section}/{name}", paths::SECTIONS);
                let number = name.trim_end_matches(".json").parse::<u32>();
                match (
                    number,
                    read::<tintuc::content::SectionPage>(root, &rel, &mut problems),
                ) {
                    (Ok(number), Some(page)) => {
                        tree.pages.insert((section.clone(), number), page);
                    }
                    (Err(_), _) => problems.push(format!("{rel}: is not named by a page number")),
                    _ => {}
                }
            }
        }
        (tree, problems)
    }

    /// Replaces the index files under `root` (section pages, home, search) with those built
    /// from its articles, writing only the files whose content changed and removing those no
    /// longer built. A `cache` folder lets the search index be updated rather than built again
    /// (see [`crate::search::write`]). How many files were written, and what search did.
    pub fn write_indexes(
        root: &Path,
        manifest: &Manifest,
        articles: &[Article],
        cache: Option<&Path>,
    ) -> std::io::Result<(usize, crate::search::Written)> {
        let lists = write_lists(root, manifest, articles)?;
        let search = crate::search::write(root, articles, cache)?;
        Ok((lists + search.files, search))
    }

    /// Replaces the section pages and the home index under `root` as [`write_indexes`] does,
    /// leaving the search index as it is: for a change that lists show and search does not
    /// read.
    pub fn write_lists(
        root: &Path,
        manifest: &Manifest,
        articles: &[Article],
    ) -> std::io::Result<usize> {
        let files = build_indexes(manifest, articles);
        let mut written = 0;
        for (rel, file) in &files {
            written += usize::from(write_if_changed(&root.join(rel), &file.to_json())?);
        }
        let sections: BTreeSet<String> = files
            .into_iter()
            .map(|(rel, _)| rel)
            .filter(|rel| rel.starts_with(paths::SECTIONS))
            .collect();
        remove_others(root, paths::SECTIONS, &sections)?;
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(page_size: u32) -> Manifest {
        tintuc::content::test_manifest(&["thoi-su", "kinh-te"], page_size)
    }

    fn article(slug: &str, section: &str, minute: i64, views: u64) -> Article {
        Article {
            slug: slug.into(),
            section: section.into(),
            title: format!("Bài {slug}"),
            published: Timestamp::from_unix(1_600_000_000 + minute * 60),
            updated: None,
            author: None,
            source: None,
            views,
            lead: String::new(),
            body: Vec::new(),
            thumbnail: None,
            sample: false,
            translations: Vec::new(),
            tags: Vec::new(),
        }
    }

    #[test]
    fn pages_each_section_newest_first() {
        let articles = (0..5)
            .map(|i| article(&format!("a{i}"), "thoi-su", i, 0))
            .collect::<Vec<_>>();
        let tree = Tree::indexed(manifest(2), articles);
        let first = &tree.pages[&("thoi-su".to_string(), 1)];
        assert_eq!(first.pages, 3);
        assert_eq!(first.total, 5);
        assert_eq!(
            first
                .articles
                .iter()
                .map(|s| s.slug.as_str())
                .collect::<Vec<_>>(),
            ["a4", "a3"]
        );
        assert_eq!(tree.pages[&("thoi-su".to_string(), 3)].articles.len(), 1);
        assert!(check(&tree).is_empty(), "{:?}", check(&tree));
    }

    #[test]
    fn gives_an_empty_section_one_empty_page() {
        let tree = Tree::indexed(manifest(2), vec![article("a", "thoi-su", 0, 0)]);
        let page = &tree.pages[&("kinh-te".to_string(), 1)];
        assert_eq!((page.pages, page.total, page.articles.len()), (1, 0, 0));
        assert!(check(&tree).is_empty());
    }

    #[test]
    fn ranks_the_home_popular_list_by_published_views() {
        let tree = Tree::indexed(
            manifest(10),
            vec![
                article("it", "thoi-su", 0, 5),
                article("nhieu", "kinh-te", 1, 900),
                article("vua", "thoi-su", 2, 50),
            ],
        );
        let home = tree.home.as_ref().unwrap();
        let order: Vec<_> = home.popular.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(order, ["nhieu", "vua", "it"]);
        assert_eq!(home.latest[0].slug, "vua");
        assert_eq!(home.sections["kinh-te"].len(), 1);
    }

    #[test]
    fn finds_a_summary_without_its_article() {
        let mut tree = Tree::indexed(manifest(10), vec![article("a", "thoi-su", 0, 0)]);
        tree.articles.clear();
        assert!(check(&tree)
            .iter()
            .any(|p| p.contains("lists a which has no article file")));
    }

    #[test]
    fn finds_an_article_in_an_unknown_section_or_no_list() {
        let mut tree = Tree::indexed(manifest(10), vec![article("a", "thoi-su", 0, 0)]);
        tree.articles
            .insert("b".into(), article("b", "the-thao", 0, 0));
        let problems = check(&tree);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("section \"the-thao\" is not in the manifest")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("b.json is in no section page")),
            "{problems:?}"
        );
    }

    // Every page file is published: a stale page past the end, or a page 0, must be refused.
    #[test]
    fn finds_page_files_outside_their_section() {
        let mut tree = Tree::indexed(manifest(10), vec![article("a", "thoi-su", 1, 0)]);
        assert!(check(&tree).is_empty(), "{:?}", check(&tree));
        let first = tree.pages[&("thoi-su".to_string(), 1)].clone();
        tree.pages.insert(("thoi-su".into(), 9), first.clone());
        tree.pages.insert(("thoi-su".into(), 0), first);
        let problems = check(&tree);
        for page in [9, 0] {
            let path = format!("content/sections/thoi-su/{page}.json");
            assert!(
                problems.iter().any(|p| p.starts_with(&path)),
                "{problems:?}"
            );
        }
    }

    // A first page may claim any number of pages; the check walks the files that are there.
    #[test]
    fn finds_a_first_page_claiming_more_pages_than_there_are() {
        let mut tree = Tree::indexed(manifest(10), vec![article("a", "thoi-su", 1, 0)]);
        let key = ("thoi-su".to_string(), 1);
        tree.pages.get_mut(&key).unwrap().pages = u32::MAX;
        let problems = check(&tree);
        assert!(
            problems.contains(&format!(
                "content/sections/thoi-su/1.json: claims {} pages, but 1 are there",
                u32::MAX
            )),
            "{problems:?}"
        );
        assert!(problems.len() < 5, "{problems:?}");
    }

    #[test]
    fn finds_stale_summaries_and_duplicates() {
        let mut tree = Tree::indexed(manifest(10), vec![article("a", "thoi-su", 0, 0)]);
        tree.articles.get_mut("a").unwrap().title = "Đã sửa".into();
        let page = tree.pages.get_mut(&("thoi-su".to_string(), 1)).unwrap();
        page.articles.push(page.articles[0].clone());
        let problems = check(&tree);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("differs from its article")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("a second time")),
            "{problems:?}"
        );
    }

    #[test]
    fn finds_duplicate_sections_and_a_wrong_format() {
        let mut m = manifest(10);
        m.format = 2;
        m.sections.push(m.sections[0].clone());
        let problems = check(&Tree::indexed(m, Vec::new()));
        assert!(
            problems.iter().any(|p| p.contains("listed twice")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("format 2")),
            "{problems:?}"
        );
    }

    #[test]
    fn finds_a_language_the_interface_does_not_speak_and_bad_translations() {
        let to = |language: &str, href: &str| Translation {
            language: language.into(),
            href: href.into(),
        };
        for (language, refused) in [
            ("fr", true),
            ("en_GB", true),
            ("en-!!", true),
            ("en-GB", false),
        ] {
            let mut m = manifest(10);
            m.language = language.into();
            let problems = check(&Tree::indexed(m, Vec::new()));
            let named = problems
                .iter()
                .any(|p| p.contains("not one the interface speaks"));
            assert_eq!(named, refused, "{language}: {problems:?}");
        }
        let mut m = manifest(10);
        m.translations = vec![
            to("en", "en/"),
            to("EN", "/en/"),
            to("vi", "../"),
            to("e", "x"),
        ];
        let mut a = article("a", "thoi-su", 0, 0);
        a.translations = vec![to("en", "javascript:alert(1)")];
        let problems = check(&Tree::indexed(m, vec![a]));
        for expected in [
            "`translations[1]` is a second translation into en",
            "`translations[2]` is in the site's own language (vi)",
            "`translations[3].language` is \"e\"",
            "content/articles/a.json: `translations[0].href` is \"javascript:alert(1)\"",
        ] {
            assert!(
                problems.iter().any(|p| p.contains(expected)),
                "{expected}: {problems:?}"
            );
        }
    }

    #[test]
    fn slugs_fold_vietnamese_diacritics() {
        assert_eq!(slugify("Tin tức sự kiện"), "tin-tuc-su-kien");
        assert_eq!(slugify("Văn hóa – Xã hội"), "van-hoa-xa-hoi");
        assert_eq!(slugify("Quốc phòng – An ninh"), "quoc-phong-an-ninh");
        assert_eq!(slugify("ĐẠI HỘI Đống Đa!"), "dai-hoi-dong-da");
        // Decomposed marks, as some keyboards write them, fold the same.
        assert_eq!(slugify("\u{110}o\u{302}\u{301}ng \u{110}a"), "dong-da");
        assert!(is_slug("tin-tuc-su-kien"));
        for bad in ["", "-a", "a-", "a--b", "Tin", "tin tuc", "tin/tuc"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
