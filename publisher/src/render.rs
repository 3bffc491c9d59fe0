//! The release folder's pages: every page of the site (home, each section page, each article)
//! rendered by the app's own components, with the content files the page shows carried in it, so
//! that the browser hydrates the page instead of building it again.
//!
//! What is not the components' is written here: the document head (title, description, Open
//! Graph, canonical address, JSON-LD) and the page's place in the app shell (`404.html`, which
//! trunk built and which stays the page for every address without a file of its own).

use crate::catalog::{disk, Tree};
use crate::error::PublishError;
use crate::incremental::{
    fnv1a_hex, hash_parts, write_creating_folders, write_if_changed, PageCache,
};
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_router::location::RequestUrl;
use std::path::Path;
use std::sync::Arc;
use tintuc::components::status::{ERROR_TESTID, LOADING_TESTID};
use tintuc::content::{paths, Article, Manifest, Translation};
use tintuc::fetch::embedded::{script_safe, DATA_ID};
use tintuc::fetch::PageData;
use tintuc::format;
use tintuc::pages::PageMeta;
use tintuc::route::{files, Route};
use tintuc::site::Site;
use tintuc::{App, APP_ROOT_ID, RENDERED_PATH, SHELL_ID};

/// Where the loading shell ends in the app shell (`index.html`); it starts at the element with
/// the id [`SHELL_ID`]. A rendered page replaces it.
const SHELL_END: &str = "<!-- /app-shell --></div>";

fn shell_start() -> String {
    format!("<div id=\"{SHELL_ID}\">")
}

/// Text escaped for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Every page of the site whose content is in `tree`, in a stable order.
pub fn routes(tree: &Tree) -> Vec<Route> {
    let mut routes = Vec::with_capacity(1 + tree.pages.len() + tree.articles.len());
    if tree.home.is_some() {
        routes.push(Route::Home);
    }
    // The search page's shell: its address works on every host, whatever the query.
    routes.push(Route::Search);
    let known = |slug: &str| {
        tree.manifest
            .as_ref()
            .is_some_and(|m| m.section(slug).is_some())
    };
    routes.extend(
        tree.pages
            .keys()
            .filter(|(section, _)| known(section))
            .map(|(section, page)| Route::section(section, *page)),
    );
    routes.extend(
        tree.articles
            .values()
            .filter(|a| known(&a.section))
            .map(|a| Route::article(&a.section, &a.slug)),
    );
    routes
}

/// What [`write_all`] wrote.
#[derive(Debug)]
pub struct Published {
    pub pages: usize,
    /// Pages taken from the cache instead of rendered, because nothing they show changed.
    pub reused: usize,
    /// Pages of an earlier run removed, because their article is gone.
    pub removed: usize,
    pub feeds: crate::feeds::Written,
}

/// Writes every page under `dist` (the release folder: trunk's build, with `404.html` and the
/// content files), the home page as `index.html`, then the feeds, the sitemap and robots.txt.
/// With a `cache` folder, a page whose inputs are those of a page an earlier run rendered is
/// taken from it instead of rendered again (see [`PageCache`]).
pub fn write_all(dist: &Path, base: &str, cache: Option<&Path>) -> Result<Published, PublishError> {
    let shell_path = dist.join("404.html");
    let template =
        std::fs::read_to_string(&shell_path).map_err(|e| PublishError::io(&shell_path, e))?;
    let (tree, problems) = disk::load_tree(dist);
    if !problems.is_empty() {
        return Err(PublishError::Content(problems));
    }
    let manifest = tree
        .manifest
        .clone()
        .ok_or_else(|| PublishError::Content(vec![format!("{}: missing", paths::MANIFEST)]))?;
    let renderer = Renderer::new(&template, dist, manifest, base)?;
    // The shell in the site's language, for every address without a page of its own (and as
    // the home page of a site without a home index).
    let home = tree.home.is_none().then(|| dist.join("index.html"));
    for shell in std::iter::once(shell_path).chain(home) {
        write_if_changed(&shell, &renderer.template).map_err(|e| PublishError::io(&shell, e))?;
    }
    let mut cache = cache.map(PageCache::open);
    // Everything a page is made from besides what it carries: this program, the shell, the base.
    let made_by = hash_parts([
        crate::incremental::tool_identity().as_bytes(),
        renderer.template.as_bytes(),
        renderer.site.base().as_bytes(),
    ]);
    let routes = routes(&tree);
    let mut reused = 0;
    let mut hashed: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for route in &routes {
        let Some(file) = route.file() else { continue };
        let carried = renderer.carried(route)?;
        let path = dist.join(&file);
        let io = |e| PublishError::io(&path, e);
        let key = cache.as_ref().map(|_| {
            // Each content file hashed once a run: the manifest and a section's first page are
            // carried by thousands of pages.
            for (rel, text) in &carried {
                if !hashed.contains_key(rel) {
                    hashed.insert(rel.clone(), fnv1a_hex(text.bytes()));
                }
            }
            let inputs = carried
                .iter()
                .flat_map(|(rel, _)| [rel.as_bytes(), hashed[rel].as_bytes()]);
            hash_parts(std::iter::once(made_by.as_bytes()).chain(inputs))
        });
        if let (Some(cache), Some(key)) = (&mut cache, &key) {
            if cache.reuse(dist, &file, key).map_err(io)? {
                reused += 1;
                continue;
            }
        }
        let html = renderer.page(route, &tree, PageData::new(carried))?;
        write_creating_folders(&path, &html).map_err(io)?;
        if let (Some(cache), Some(key)) = (&mut cache, &key) {
            cache.store(dist, &file, key).map_err(io)?;
        }
    }
    let removed = match cache {
        Some(cache) => cache.finish(dist).map_err(|e| PublishError::io(dist, e))?,
        None => 0,
    };
    Ok(Published {
        pages: routes.len(),
        reused,
        removed,
        feeds: crate::feeds::write(dist, &renderer.site, &tree)?,
    })
}

/// Renders pages of one site into its app shell.
pub struct Renderer<'a> {
    /// The app shell in the site's language (see [`localise_shell`]).
    template: String,
    dist: &'a Path,
    site: Site,
}

impl<'a> Renderer<'a> {
    /// `template` is the app shell's HTML; content files are read below `dist`.
    pub fn new(
        template: &str,
        dist: &'a Path,
        manifest: Manifest,
        base: &str,
    ) -> Result<Self, PublishError> {
        if !template.contains(&shell_start()) || !template.contains(SHELL_END) {
            return Err(PublishError::Template(
                "404.html has no loading shell (<div id=\"app-shell\"> … <!-- /app-shell --></div>)"
                    .into(),
            ));
        }
        // Rendering needs no executor (nothing it shows waits), but the reactive system spawns
        // the browser's requests as tasks: here they are dropped unrun.
        let _ = Executor::init_custom_executor(NoTasks);
        let site = Site::new(manifest, tintuc::fetch::normalise_base(base));
        Ok(Self {
            template: localise_shell(template, &site)?,
            dist,
            site,
        })
    }

    /// The content files `route`'s page shows, read from the release folder, as (path, text).
    fn carried(&self, route: &Route) -> Result<Vec<(String, String)>, PublishError> {
        let files = std::iter::once(paths::MANIFEST.to_string()).chain(route.content_files());
        let mut data = Vec::new();
        for rel in files {
            let path = self.dist.join(&rel);
            let text = std::fs::read_to_string(&path).map_err(|e| PublishError::io(&path, e))?;
            data.push((rel, text));
        }
        Ok(data)
    }

    /// The body of `route`'s page, as the app renders it at its address.
    pub fn body(&self, route: &Route, data: PageData) -> String {
        let href = self.site.href(route);
        let base = self.site.base().to_string();
        let strings = self.site.strings();
        let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
        let html = owner.with(|| {
            provide_context(RequestUrl::new(&href));
            provide_context(data);
            view! { <App base strings /> }.to_html()
        });
        // Thousands of pages are rendered in one process: each page's reactive graph goes.
        owner.unset_with_forced_cleanup();
        html
    }

    /// The whole HTML document of `route`'s page, carrying `data`.
    pub fn page(&self, route: &Route, tree: &Tree, data: PageData) -> Result<String, PublishError> {
        let body = self.body(route, data.clone());
        let href = self.site.href(route);
        // A page whose content failed to render must not be published as if it were the page.
        let shows = |testid: &str| body.contains(&format!("data-testid=\"{testid}\""));
        if shows(ERROR_TESTID) || shows(LOADING_TESTID) {
            return Err(PublishError::Template(format!(
                "{href}: the page did not render its content"
            )));
        }
        let (meta, head) = self.head(route, tree, &href);
        let mut html = replace_between(&self.template, "<title>", "</title>", &escape(&meta.title));
        html = replace_between(
            &html,
            "<meta name=\"description\" content=\"",
            "\"",
            &escape(&meta.description),
        );
        // The app's script and wasm are fetched by the page's loader after the first paint;
        // preloading them, or the manifest it carries already, would only compete with the story.
        html = drop_links(&html, |tag| {
            tag.contains("rel=\"modulepreload\"") || tag.contains("as=\"fetch\"")
        });
        html = html.replacen("</head>", &format!("{head}</head>"), 1);
        let start = html.find(&shell_start()).unwrap_or(0);
        let end = html[start..]
            .find(SHELL_END)
            .map_or(start, |i| start + i + SHELL_END.len());
        let app = format!(
            "<div id=\"{APP_ROOT_ID}\" {RENDERED_PATH}=\"{path}\">{body}</div>\n    \
             <script type=\"application/json\" id=\"{DATA_ID}\">{data}</script>",
            path = escape(&href),
            data = data.to_script_text(),
        );
        Ok(format!("{}{app}{}", &html[..start], &html[end..]))
    }

    /// The page's name and description, and the head tags beyond the title and description.
    fn head(&self, route: &Route, tree: &Tree, href: &str) -> (PageMeta, String) {
        let site = &self.site;
        let manifest = site.manifest();
        let t = site.strings();
        let (meta, kind, article) = match route {
            Route::Section { section, page } => {
                let meta = manifest
                    .section(section)
                    .map(|s| PageMeta::section(site, s, *page))
                    .unwrap_or_else(|| PageMeta::not_found(site));
                (meta, "website", None)
            }
            Route::Article { slug, .. } => match tree.articles.get(slug) {
                Some(article) => (PageMeta::article(site, article), "article", Some(article)),
                None => (PageMeta::not_found(site), "website", None),
            },
            Route::Home => (PageMeta::home(site), "website", None),
            Route::Search => (PageMeta::search(site, ""), "website", None),
            Route::NotFound => (PageMeta::not_found(site), "website", None),
        };
        let mut head = String::new();
        // Canonical and og:url must be absolute, so they need the site's public address.
        if manifest.url.is_some() {
            let canonical = escape(&site.absolute(href));
            head.push_str(&format!(
                "<link rel=\"canonical\" href=\"{canonical}\" />\n    <meta property=\"og:url\" content=\"{canonical}\" />\n    "
            ));
        }
        head.push_str(&format!(
            "<meta property=\"og:type\" content=\"{kind}\" />\n    <meta property=\"og:site_name\" content=\"{}\" />\n    \
             <meta property=\"og:title\" content=\"{}\" />\n    <meta property=\"og:description\" content=\"{}\" />\n    \
             <meta property=\"og:locale\" content=\"{}\" />\n    ",
            escape(&manifest.name),
            escape(&meta.heading),
            escape(&meta.description),
            escape(&og_locale(&manifest.language, t)),
        ));
        let translations = match (route, article) {
            (_, Some(article)) => &article.translations[..],
            (Route::Home, _) => &manifest.translations[..],
            _ => &[],
        };
        head.push_str(&self.alternates(href, translations));
        head.push_str(&self.feed_links(route));
        if let Some(article) = article {
            head.push_str(&self.article_head(article, href));
        }
        (meta, head)
    }

    /// The feeds a page names for feed readers: the site's, and its section's on a section page
    /// or an article. Feeds are written only for a site whose manifest gives its address.
    fn feed_links(&self, route: &Route) -> String {
        let site = &self.site;
        let manifest = site.manifest();
        if manifest.url.is_none() {
            return String::new();
        }
        let section = match route {
            Route::Section { section, .. } | Route::Article { section, .. } => {
                manifest.section(section)
            }
            _ => None,
        };
        let mut links = String::new();
        for (scope, title) in
            std::iter::once((None, manifest.name.clone())).chain(section.map(|s| {
                (
                    Some(s.slug.as_str()),
                    format!("{} – {}", s.title, manifest.name),
                )
            }))
        {
            for (file, kind) in [
                (files::RSS, "application/rss+xml"),
                (files::ATOM, "application/atom+xml"),
                (files::JSON_FEED, "application/feed+json"),
            ] {
                let href = tintuc::fetch::url_for(site.base(), &files::feed(scope, file));
                links.push_str(&format!(
                    "<link rel=\"alternate\" type=\"{kind}\" title=\"{}\" href=\"{}\" />\n    ",
                    escape(&title),
                    escape(&href)
                ));
            }
        }
        links
    }

    /// `hreflang` links between a page and its translations, this page's own among them as
    /// search engines ask; nothing for a page without translations, nor for a site whose
    /// manifest gives no public address: search engines ignore an `hreflang` that is not a full
    /// URL, and Lighthouse counts it against the page. The visible links work either way.
    fn alternates(&self, href: &str, translations: &[Translation]) -> String {
        let site = &self.site;
        if site.manifest().url.is_none() {
            return String::new();
        }
        let absolute = |href: String| {
            if href.contains("://") {
                href
            } else {
                site.absolute(&href)
            }
        };
        let others: Vec<_> = translations
            .iter()
            .filter_map(|t| Some((t.language.as_str(), absolute(site.translation_href(t)?))))
            .collect();
        if others.is_empty() {
            return String::new();
        }
        std::iter::once((
            site.manifest().language.as_str(),
            absolute(href.to_string()),
        ))
        .chain(others)
        .map(|(language, href)| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" />\n    ",
                escape(language),
                escape(&href)
            )
        })
        .collect()
    }

    /// The publication time and the NewsArticle description search engines read.
    fn article_head(&self, article: &Article, href: &str) -> String {
        let manifest = self.site.manifest();
        let published = format::machine(article.published, manifest.timezone);
        let ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.lead,
            "datePublished": published,
            "dateModified": format::machine(article.updated.unwrap_or(article.published), manifest.timezone),
            "articleSection": manifest.section(&article.section).map(|s| s.title.clone()),
            "inLanguage": manifest.language,
            "mainEntityOfPage": self.site.absolute(href),
            "publisher": { "@type": "Organization", "name": manifest.name },
        });
        let ld = script_safe(&ld.to_string());
        format!(
            "<meta property=\"article:published_time\" content=\"{published}\" />\n    \
             <script type=\"application/ld+json\">{ld}</script>\n  "
        )
    }
}

/// The app shell in the site's language, with its name: what a reader sees before the app runs
/// (the site's name, "loading", what a browser without script is told), what screen readers
/// read it in, and the title and description every page starts from. Each place is found by the
/// markup `index.html` gives it; a shell without one is refused rather than left half translated.
pub fn localise_shell(shell: &str, site: &Site) -> Result<String, PublishError> {
    let t = site.strings();
    let manifest = site.manifest();
    let places = [
        ("<html lang=\"", "\"", manifest.language.as_str()),
        ("<title>", "</title>", manifest.name.as_str()),
        (
            "<meta name=\"description\" content=\"",
            "\"",
            manifest.description.as_str(),
        ),
        (
            "<span class=\"site-name\">",
            "</span>",
            manifest.name.as_str(),
        ),
        ("<span class=\"visually-hidden\">", "</span>", t.loading),
        ("<noscript><p>", "</p>", t.needs_script),
    ];
    let mut html = shell.to_string();
    for (start, end, text) in places {
        if !html.contains(start) {
            return Err(PublishError::Template(format!(
                "404.html has no {start}…{end} to write the site's language and name into"
            )));
        }
        html = replace_between(&html, start, end, &escape(text));
    }
    Ok(html)
}

/// Open Graph's locale for a site in `language`: its region where the tag names one (`en-US`
/// → `en_US`), the interface table's otherwise.
fn og_locale(language: &str, t: &tintuc::strings::Strings) -> String {
    match language.split_once(['-', '_']) {
        Some((lang, region)) if region.len() == 2 => {
            format!(
                "{}_{}",
                lang.to_ascii_lowercase(),
                region.to_ascii_uppercase()
            )
        }
        _ => t.og_locale.to_string(),
    }
}

/// An executor that drops what it is given: rendering a page runs no task.
struct NoTasks;

impl CustomExecutor for NoTasks {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// `html` without the `<link>` tags that `unwanted` picks.
fn drop_links(html: &str, unwanted: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<link") {
        let Some(len) = rest[i..].find('>').map(|j| j + 1) else {
            break;
        };
        let tag = &rest[i..i + len];
        out.push_str(&rest[..i]);
        if !unwanted(tag) {
            out.push_str(tag);
        }
        rest = &rest[i + len..];
    }
    out.push_str(rest);
    out
}

/// `text` with what lies between the first `start` and the next `end` after it replaced.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let Some(i) = text.find(start) else {
        return text.to_string();
    };
    let from = i + start.len();
    let Some(j) = text[from..].find(end) else {
        return text.to_string();
    };
    format!("{}{with}{}", &text[..from], &text[from + j..])
}

#[cfg(test)]
mod tests {
    use super::*;

    // `check` refuses a body this long, but `render` may be run on a tree nobody checked: it
    // draws what the browser draws before its first frame, and does not fail.
    #[test]
    fn renders_a_body_longer_than_the_limit_as_the_browser_starts_it() {
        let manifest = tintuc::content::test_manifest(&["thoi-su"], 10);
        let body: Vec<_> = (1..=tintuc::content::limits::BLOCKS + 1)
            .map(|i| serde_json::json!({"type": "paragraph", "text": format!("Đoạn {i}.")}))
            .collect();
        let article = serde_json::json!({"slug": "dai", "section": "thoi-su", "title": "Dài",
            "published": "2020-07-19T18:40:00+07:00", "body": body});
        let page = serde_json::json!({"section": "thoi-su", "page": 1, "pages": 1, "articles": []});
        let route = Route::article("thoi-su", "dai");
        let data = PageData::new([
            (
                paths::MANIFEST.to_string(),
                serde_json::to_string(&manifest).unwrap(),
            ),
            (paths::article("dai"), article.to_string()),
            (paths::section_page("thoi-su", 1), page.to_string()),
        ]);
        let renderer = Renderer::new(SHELL, Path::new("."), manifest, "/").unwrap();
        let html = renderer.body(&route, data);
        let last = tintuc::content::limits::BLOCKS;
        assert!(
            html.contains(&format!(">Đoạn {last}.<")),
            "the whole limit is drawn"
        );
        assert!(!html.contains(&format!(">Đoạn {}.<", last + 1)));
    }

    /// The app shell as trunk is given it: what the publisher localises and renders into.
    const SHELL: &str = include_str!("../../index.html");

    #[test]
    fn writes_the_shell_in_the_site_s_language_and_name() {
        let mut manifest = tintuc::content::test_manifest(&["news"], 10);
        manifest.language = "en".into();
        manifest.name = "Dong Da <News>".into();
        let site = Site::new(manifest, "/en/");
        let shell = localise_shell(SHELL, &site).unwrap();
        assert!(shell.contains("<html lang=\"en\">"));
        assert!(shell.contains("<title>Dong Da &lt;News&gt;</title>"));
        assert!(shell.contains("<span class=\"site-name\">Dong Da &lt;News&gt;</span>"));
        assert!(shell.contains(">Loading…</span>"));
        assert!(shell.contains("<noscript><p>This site needs JavaScript"));
        assert!(!shell.contains("Đang tải"), "{shell}");
        // A shell whose markup changed is refused, not half translated.
        let changed = SHELL.replace("<noscript><p>", "<noscript><div>");
        assert!(localise_shell(&changed, &site).is_err());
    }

    #[test]
    fn links_a_page_and_its_translations_both_ways() {
        let mut manifest = tintuc::content::test_manifest(&["news"], 10);
        manifest.url = Some("https://tin.example.vn/".into());
        let renderer = Renderer::new(SHELL, Path::new("."), manifest, "/").unwrap();
        let links = renderer.alternates(
            "/news/a",
            &[Translation {
                language: "en".into(),
                href: "en/news/a".into(),
            }],
        );
        assert!(links.contains(
            "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://tin.example.vn/news/a\" />"
        ));
        assert!(links.contains(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://tin.example.vn/en/news/a\" />"
        ));
        assert_eq!(renderer.alternates("/news/a", &[]), "");
        let without_url = Renderer::new(
            SHELL,
            Path::new("."),
            tintuc::content::test_manifest(&["news"], 10),
            "/",
        )
        .unwrap();
        let to_english = [Translation {
            language: "en".into(),
            href: "en/".into(),
        }];
        assert_eq!(without_url.alternates("/", &to_english), "");
        assert_eq!(og_locale("en-us", tintuc::strings::DEFAULT), "en_US");
        assert_eq!(og_locale("vi", tintuc::strings::DEFAULT), "vi_VN");
    }

    #[test]
    fn escapes_everything_that_could_become_markup() {
        assert_eq!(
            escape("<b>\"A&B\"</b> 'x'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;"
        );
        assert_eq!(escape("Đống Đa"), "Đống Đa");
    }

    // The loader that delays the app on a rendered page looks for the element by its id.
    #[test]
    fn the_loader_knows_the_id_of_the_carried_data() {
        let loader = include_str!("../../scripts/finish-dist.mjs");
        assert!(loader.contains(&format!("getElementById(\"{DATA_ID}\")")));
    }

    #[test]
    fn drops_only_the_links_it_is_asked_to() {
        assert_eq!(
            drop_links(
                "<link rel=\"a\"><link rel=\"modulepreload\" href=\"x\"></head>",
                |tag| tag.contains("modulepreload")
            ),
            "<link rel=\"a\"></head>"
        );
    }

    #[test]
    fn replaces_only_between_the_markers() {
        assert_eq!(
            replace_between(
                "<title>Old</title><title>B</title>",
                "<title>",
                "</title>",
                "New"
            ),
            "<title>New</title><title>B</title>"
        );
        assert_eq!(
            replace_between("no markers", "<x>", "</x>", "y"),
            "no markers"
        );
    }
}
