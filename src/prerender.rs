//! Prerendered pages: for each article and section page, an HTML file that already holds what
//! the app will show, so the story is in the first response (and readers without JavaScript,
//! search engines and link previews get a real page). The app then takes over: it renders the
//! same markup out of sight and swaps it in once its content is ready (see `crate::mount`), so
//! nothing flashes or moves.
//!
//! The markup mirrors the components class for class; the end-to-end tests check that the swap
//! shifts nothing and that the text is the same before and after.

use crate::catalog::{disk, Tree};
use crate::components::article_list::excerpt;
use crate::components::pagination::page_numbers;
use crate::content::{
    paths, Article, Block, HomeIndex, Inline, Manifest, RichText, Section, SectionPage, Summary,
};
use crate::format;
use crate::pages::{most_viewed_candidates, rank_most_viewed};
use crate::site::Site;
use crate::strings;
use std::fmt::Write;
use std::path::Path;

/// Where the app shell sits in `index.html`; prerendered content replaces what is between.
const SHELL_START: &str = "<!-- app-shell -->";
const SHELL_END: &str = "<!-- /app-shell -->";

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

/// Writes every prerendered page under `dist` (the release folder, holding `content/` and the
/// app shell in `404.html`, which stays the page for every path not prerendered); the home page
/// becomes `index.html`. Returns how many pages it wrote.
pub fn write_all(dist: &Path, base: &str) -> Result<usize, String> {
    let template =
        std::fs::read_to_string(dist.join("404.html")).map_err(|e| format!("404.html: {e}"))?;
    if !template.contains(SHELL_START) || !template.contains(SHELL_END) {
        return Err("404.html has no app-shell markers".into());
    }
    let (tree, problems) = disk::load_tree(dist);
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let manifest = tree.manifest.clone().ok_or("no manifest")?;
    let site = Site::new(manifest.clone(), base);
    let renderer = Renderer {
        site: &site,
        manifest: &manifest,
        template: &template,
    };
    let mut written = 0;
    let write = |rel: String, html: String| -> Result<(), String> {
        let path = dist.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
    };
    if let Some(home) = &tree.home {
        write("index.html".into(), renderer.home_page(home))?;
        written += 1;
    }
    for ((section_slug, page), index) in &tree.pages {
        let Some(section) = manifest.section(section_slug) else {
            continue;
        };
        let rel = if *page == 1 {
            format!("{section_slug}.html")
        } else {
            format!("{section_slug}/trang/{page}.html")
        };
        write(rel, renderer.section_page(section, index))?;
        written += 1;
    }
    for article in tree.articles.values() {
        let others = others_of(&tree, article);
        write(
            format!("{}/{}.html", article.section, article.slug),
            renderer.article_page(article, &others),
        )?;
        written += 1;
    }
    Ok(written)
}

/// "Các tin khác": the first page of the article's section, without the article.
fn others_of(tree: &Tree, article: &Article) -> Vec<Summary> {
    tree.pages
        .get(&(article.section.clone(), 1))
        .map(|page| {
            page.articles
                .iter()
                .filter(|s| s.slug != article.slug)
                .take(6)
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// What one prerendered page is made of.
struct Page<'p> {
    title: &'p str,
    description: &'p str,
    /// The page's address, with the site's base.
    path: &'p str,
    /// Tags for the head beyond the title, description and Open Graph basics.
    head: &'p str,
    main: &'p str,
    /// The section the navigation marks as the reader's.
    current: Option<&'p str>,
}

struct Renderer<'a> {
    site: &'a Site,
    manifest: &'a Manifest,
    template: &'a str,
}

impl Renderer<'_> {
    fn absolute(&self, href: &str) -> String {
        match &self.manifest.url {
            Some(url) => format!(
                "{}/{}",
                url.trim_end_matches('/'),
                href.trim_start_matches('/')
            ),
            None => href.to_string(),
        }
    }

    /// The template with this page's head and body.
    fn page(&self, parts: Page) -> String {
        let Page {
            title,
            description,
            path,
            head,
            main,
            current,
        } = parts;
        let full_title = self.site.title(title);
        let mut extra = String::new();
        // Canonical and og:url must be absolute, so they need the site's public address.
        if self.manifest.url.is_some() {
            let canonical = escape(&self.absolute(path));
            let _ = write!(
                extra,
                "<link rel=\"canonical\" href=\"{canonical}\" />\n    <meta property=\"og:url\" content=\"{canonical}\" />\n    "
            );
        }
        let _ = write!(
            extra,
            "<meta property=\"og:site_name\" content=\"{s}\" />\n    <meta property=\"og:title\" content=\"{t}\" />\n    \
             <meta property=\"og:description\" content=\"{d}\" />\n    <meta property=\"og:locale\" content=\"vi_VN\" />\n    {head}\n  ",
            s = escape(&self.manifest.name),
            t = escape(title),
            d = escape(description),
        );
        let mut html = replace_between(self.template, "<title>", "</title>", &escape(&full_title));
        html = replace_between(
            &html,
            "<meta name=\"description\" content=\"",
            "\"",
            &escape(description),
        );
        html = html.replacen("</head>", &format!("{extra}</head>"), 1);
        // The page's loader fetches the app after the first paint; preloading it, or the
        // manifest, would only compete with the story for the reader's bandwidth.
        html = html
            .lines()
            .filter(|line| {
                !line.contains("rel=\"modulepreload\"")
                    && !line.contains("type=\"application/wasm\"")
                    && !line.contains("as=\"fetch\"")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let body = format!(
            "\n{}\n<main id=\"noi-dung\" tabindex=\"-1\">{main}</main>\n{}\n",
            self.header(current),
            self.footer()
        );
        html = replace_between(&html, SHELL_START, SHELL_END, &body);
        // What the app will fetch first, for the loader to request beside the app itself.
        let needs = std::iter::once(paths::MANIFEST.to_string())
            .chain(self.site.content_for(path))
            .map(|rel| escape(&self.site.asset_href(&rel)))
            .collect::<Vec<_>>()
            .join(" ");
        html.replacen(
            "<div id=\"app-shell\">",
            &format!("<div id=\"app-shell\" data-prerendered data-needs=\"{needs}\">"),
            1,
        )
    }

    fn header(&self, current: Option<&str>) -> String {
        let mut links = format!(
            "<li><a href=\"{}\">{}</a></li>",
            escape(&self.site.home_href()),
            strings::HOME
        );
        for section in &self.manifest.sections {
            let marked = if current == Some(section.slug.as_str()) {
                " aria-current=\"page\""
            } else {
                ""
            };
            let _ = write!(
                links,
                "<li><a href=\"{}\"{marked}>{}</a></li>",
                escape(&self.site.section_href(&section.slug, 1)),
                escape(&section.title)
            );
        }
        format!(
            "<a class=\"skip-link\" href=\"#noi-dung\">{skip}</a><header class=\"site-header\"><div class=\"site-header__inner\">\
             <a class=\"site-name\" href=\"{home}\">{name}</a><nav class=\"section-nav\" aria-label=\"{nav}\">\
             <button type=\"button\" class=\"section-nav__toggle\" aria-controls=\"section-nav-list\" aria-expanded=\"false\">\
             <span class=\"section-nav__icon\" aria-hidden=\"true\"></span>{menu}</button>\
             <ul id=\"section-nav-list\" class=\"section-nav__list\">{links}</ul></nav></div></header>",
            skip = strings::SKIP_TO_CONTENT,
            home = escape(&self.site.home_href()),
            name = escape(&self.manifest.name),
            nav = strings::SECTIONS_NAV,
            menu = strings::MENU,
        )
    }

    fn footer(&self) -> String {
        let demo = if self.manifest.demo {
            format!(
                "<p class=\"demo-notice\" data-testid=\"demo-notice\">{}</p>",
                strings::DEMO_NOTICE
            )
        } else {
            String::new()
        };
        format!(
            "<footer class=\"site-footer\"><div class=\"site-footer__inner\">{demo}<p class=\"views-note\">{note}</p>\
             <p><button type=\"button\" class=\"button button--quiet\">{clear}</button><span role=\"status\" class=\"cleared\"></span></p>\
             {tools}<p class=\"site-footer__name\">{name} · {description}</p></div></footer>",
            note = strings::VIEWS_NOTE,
            clear = strings::CLEAR_HISTORY,
            tools = display_controls(),
            name = escape(&self.manifest.name),
            description = escape(&self.manifest.description),
        )
    }

    fn list(&self, articles: &[Summary], leads: bool) -> String {
        self.list_with(articles, leads, true)
    }

    fn list_with(&self, articles: &[Summary], leads: bool, thumbnails: bool) -> String {
        if articles.is_empty() {
            return format!(
                "<p class=\"empty\" data-testid=\"empty\">{}</p>",
                strings::NO_ARTICLES
            );
        }
        let mut out = String::from("<ul class=\"article-list\" data-testid=\"article-list\">");
        for s in articles {
            let href = escape(&self.site.article_href(&s.section, &s.slug));
            let thumb = s.thumbnail.as_ref().filter(|_| thumbnails).map_or(String::new(), |image| {
                format!(
                    "<a class=\"article-item__thumb\" href=\"{href}\" tabindex=\"-1\" aria-hidden=\"true\"><img src=\"{}\" alt=\"\" width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\"></a>",
                    escape(&self.site.asset_href(&image.src)),
                    image.width,
                    image.height
                )
            });
            let lead = if leads && !s.lead.is_empty() {
                format!(
                    "<p class=\"article-item__lead\">{}</p>",
                    escape(&excerpt(&s.lead, 220))
                )
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<li class=\"article-item\">{thumb}<div class=\"article-item__text\"><h3 class=\"article-item__title\"><a href=\"{href}\">{title}</a></h3>\
                 <p class=\"article-item__meta\"><time datetime=\"{machine}\">{time}</time><span class=\"article-item__views\">\
                 <span class=\"visually-hidden\">{views}: </span><span aria-hidden=\"true\" class=\"icon-eye\"></span>\
                 <span class=\"view-count\" data-testid=\"view-count\">{count}</span></span></p>{lead}</div></li>",
                title = escape(&s.title),
                machine = self.site.machine_time(s.published),
                time = self.site.date_time(s.published),
                views = strings::VIEWS,
                count = format::count(s.views),
            );
        }
        out.push_str("</ul>");
        out
    }

    fn home_page(&self, home: &HomeIndex) -> String {
        let site = self.site;
        let mut main = format!(
            "<h1 class=\"visually-hidden\">{}</h1><div class=\"home\"><div class=\"home__main\">",
            escape(&self.manifest.name)
        );
        if let Some(lead) = home.latest.first() {
            let section = self
                .manifest
                .section(&lead.section)
                .map_or("", |s| s.title.as_str());
            let image = lead.thumbnail.as_ref().map_or(String::new(), |image| {
                format!(
                    "<img class=\"lead-story__image\" src=\"{}\" alt=\"\" width=\"{}\" height=\"{}\">",
                    escape(&site.asset_href(&image.src)),
                    image.width,
                    image.height
                )
            });
            let _ = write!(
                main,
                "<article class=\"lead-story\" data-testid=\"lead-story\">{image}<p class=\"lead-story__section\">{section}</p>\
                 <h2 class=\"lead-story__title\"><a href=\"{href}\">{title}</a></h2><p class=\"lead-story__meta\">\
                 <time datetime=\"{machine}\">{time}</time> | {views}: <span class=\"view-count\" data-testid=\"view-count\">{count}</span></p>\
                 <p class=\"lead-story__lead\">{text}</p></article>",
                section = escape(section),
                href = escape(&site.article_href(&lead.section, &lead.slug)),
                title = escape(&lead.title),
                machine = site.machine_time(lead.published),
                time = site.date_time(lead.published),
                views = strings::VIEWS,
                count = format::count(lead.views),
                text = escape(&excerpt(&lead.lead, 320)),
            );
        }
        let latest: Vec<Summary> = home.latest.iter().skip(1).cloned().collect();
        let _ = write!(
            main,
            "<section class=\"home-latest\" aria-labelledby=\"tin-moi\"><h2 class=\"block-title\" id=\"tin-moi\">{}</h2>{}</section><div class=\"home-sections\">",
            strings::LATEST,
            self.list(&latest, true)
        );
        for section in &self.manifest.sections {
            let Some(articles) = home.sections.get(&section.slug) else {
                continue;
            };
            let _ = write!(
                main,
                "<section class=\"home-section\" aria-labelledby=\"muc-{slug}\"><h2 class=\"block-title\" id=\"muc-{slug}\"><a href=\"{href}\">{title}</a></h2>{list}</section>",
                slug = escape(&section.slug),
                href = escape(&site.section_href(&section.slug, 1)),
                title = escape(&section.title),
                list = self.list(articles, false),
            );
        }
        // Ranked by the published counts alone: the reader's own views are the app's to add.
        let ranked = rank_most_viewed(most_viewed_candidates(home), |s| s.views, 5);
        let _ = write!(
            main,
            "</div></div><aside class=\"home__aside\" aria-labelledby=\"xem-nhieu\"><h2 class=\"block-title\" id=\"xem-nhieu\">{}</h2>\
             <div data-testid=\"most-viewed\">{}</div></aside></div>",
            strings::MOST_VIEWED,
            self.list_with(&ranked, false, false)
        );
        let html = self.page(Page {
            title: "",
            description: &self.manifest.description,
            path: &site.home_href(),
            head: "<meta property=\"og:type\" content=\"website\" />",
            main: &main,
            current: None,
        });
        // The home page's title is the site's name alone.
        replace_between(
            &html,
            "<meta property=\"og:title\" content=\"",
            "\"",
            &escape(&self.manifest.name),
        )
    }

    fn section_page(&self, section: &Section, index: &SectionPage) -> String {
        let title = if index.page > 1 {
            format!("{} – {}", section.title, strings::page_label(index.page))
        } else {
            section.title.clone()
        };
        let description = if section.description.is_empty() {
            &self.manifest.description
        } else {
            &section.description
        };
        let mut main = format!("<section class=\"section-page\"><header class=\"page-header\"><h1 class=\"page-title\">{}</h1>", escape(&section.title));
        if !section.description.is_empty() {
            let _ = write!(
                main,
                "<p class=\"page-description\">{}</p>",
                escape(&section.description)
            );
        }
        let _ = write!(
            main,
            "</header><h2 class=\"visually-hidden\">{}</h2>{}",
            strings::ARTICLE_LIST,
            self.list(&index.articles, true)
        );
        main.push_str(&self.pagination(&section.slug, index.page, index.pages));
        main.push_str("</section>");
        let path = self.site.section_href(&section.slug, index.page);
        self.page(Page {
            title: &title,
            description,
            path: &path,
            head: "<meta property=\"og:type\" content=\"website\" />",
            main: &main,
            current: Some(&section.slug),
        })
    }

    fn pagination(&self, section: &str, page: u32, pages: u32) -> String {
        if pages <= 1 {
            return String::new();
        }
        let link = |n: u32| escape(&self.site.section_href(section, n));
        let mut out = format!(
            "<nav class=\"pagination\" aria-label=\"{}\"><p class=\"visually-hidden\">{}</p><ul>",
            strings::PAGINATION,
            strings::page_of(page, pages)
        );
        if page > 1 {
            let _ = write!(
                out,
                "<li><a href=\"{}\" rel=\"prev\">{}</a></li>",
                link(page - 1),
                strings::PREVIOUS_PAGE
            );
        }
        for n in page_numbers(page, pages) {
            match n {
                Some(n) if n == page => {
                    let _ = write!(out, "<li><span class=\"pagination__current\" aria-current=\"page\">{n}</span></li>");
                }
                Some(n) => {
                    let _ = write!(
                        out,
                        "<li><a href=\"{}\" aria-label=\"{}\">{n}</a></li>",
                        link(n),
                        strings::page_label(n)
                    );
                }
                None => out.push_str("<li aria-hidden=\"true\" class=\"pagination__gap\">…</li>"),
            }
        }
        if page < pages {
            let _ = write!(
                out,
                "<li><a href=\"{}\" rel=\"next\">{}</a></li>",
                link(page + 1),
                strings::NEXT_PAGE
            );
        }
        out.push_str("</ul></nav>");
        out
    }

    fn article_page(&self, article: &Article, others: &[Summary]) -> String {
        let site = self.site;
        let section = self.manifest.section(&article.section);
        let section_title = escape(section.map_or("", |s| s.title.as_str()));
        let section_href = escape(&site.section_href(&article.section, 1));
        let path = site.article_href(&article.section, &article.slug);
        let mut main = format!(
            "<article class=\"article\" data-testid=\"article\"><nav class=\"breadcrumb\" aria-label=\"{crumb}\"><ol>\
             <li><a href=\"{home}\">{home_label}</a></li><li><a href=\"{section_href}\">{section_title}</a></li></ol></nav>\
             <p class=\"article__section\"><a href=\"{section_href}\">{section_title}</a></p>",
            crumb = strings::BREADCRUMB,
            home = escape(&site.home_href()),
            home_label = strings::HOME,
        );
        if article.sample {
            let _ = write!(
                main,
                "<p class=\"sample-badge\">{}</p>",
                strings::SAMPLE_BADGE
            );
        }
        let updated = article.updated.map_or(String::new(), |at| {
            format!(
                "<span class=\"meta-extra__updated\">{} <time datetime=\"{}\">{}</time></span>",
                strings::UPDATED,
                site.machine_time(at),
                site.date_time(at)
            )
        });
        let _ = write!(
            main,
            "<h1 class=\"article__title\">{title}</h1><p class=\"meta-line\" data-testid=\"meta-line\"><span>{published} \
             <time datetime=\"{machine}\">{time}</time></span><span class=\"meta-line__sep\" aria-hidden=\"true\"> | </span>\
             <span>{views}: <span class=\"view-count\" data-testid=\"view-count\">{count}</span></span></p>\
             <p class=\"meta-extra\">{updated}<span class=\"meta-extra__reading\">{reading}</span></p>\
             <div class=\"article__tools\">{tools}<button type=\"button\" class=\"button button--quiet\">{share}</button>\
             <span class=\"share-status\" role=\"status\"></span></div>",
            title = escape(&article.title),
            published = strings::PUBLISHED,
            machine = site.machine_time(article.published),
            time = site.date_time(article.published),
            views = strings::VIEWS,
            count = format::count(article.views),
            reading = strings::reading_time(format::reading_minutes(article.word_count())),
            tools = display_controls(),
            share = strings::SHARE,
        );
        if !article.lead.is_empty() {
            let _ = write!(
                main,
                "<p class=\"article__lead\">{}</p>",
                escape(&article.lead)
            );
        }
        main.push_str("<div class=\"article-body\" data-testid=\"article-body\">");
        for block in &article.body {
            main.push_str(&self.block(block));
        }
        main.push_str("</div>");
        if let Some(author) = &article.author {
            let _ = write!(
                main,
                "<p class=\"article__author\">{}: {}</p>",
                strings::AUTHOR,
                escape(author)
            );
        }
        if let Some(source) = &article.source {
            let name = escape(&source.name);
            let shown = match source.url.as_deref().and_then(|u| site.content_href(u)) {
                Some(href) => format!("<a href=\"{}\" rel=\"noopener\">{name}</a>", escape(&href)),
                None => name,
            };
            let _ = write!(
                main,
                "<p class=\"article__source\">{}: {shown}</p>",
                strings::SOURCE
            );
        }
        let _ = write!(
            main,
            "<p class=\"print-url\">{} {}</p></article>",
            strings::PRINTED_FROM,
            escape(&self.absolute(&path))
        );
        if !others.is_empty() {
            let _ = write!(
                main,
                "<aside class=\"other-news\" aria-labelledby=\"cac-tin-khac\"><h2 class=\"block-title\" id=\"cac-tin-khac\">{}</h2>{}</aside>",
                strings::OTHER_NEWS,
                self.list(others, false)
            );
        }
        let ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.lead,
            "datePublished": format::machine(article.published, self.manifest.timezone),
            "dateModified": format::machine(article.updated.unwrap_or(article.published), self.manifest.timezone),
            "articleSection": section.map(|s| s.title.clone()),
            "inLanguage": self.manifest.language,
            "mainEntityOfPage": self.absolute(&path),
            "publisher": { "@type": "Organization", "name": self.manifest.name },
        });
        // `</` never appears inside a JSON string here: escaped so the script element cannot end early.
        let ld = ld.to_string().replace("</", "<\\/");
        let head = format!(
            "<meta property=\"og:type\" content=\"article\" />\n    <meta property=\"article:published_time\" content=\"{}\" />\n    \
             <script type=\"application/ld+json\">{ld}</script>",
            format::machine(article.published, self.manifest.timezone)
        );
        self.page(Page {
            title: &article.title,
            description: &article.lead,
            path: &path,
            head: &head,
            main: &main,
            current: Some(&article.section),
        })
    }

    fn block(&self, block: &Block) -> String {
        match block {
            Block::Paragraph { text } => format!("<p>{}</p>", self.rich(text)),
            Block::Heading { text } => format!("<h2>{}</h2>", escape(text)),
            Block::Quote { text, label } => format!(
                "<blockquote class=\"highlight\">{}<p class=\"highlight__text\">{}</p></blockquote>",
                label.as_ref().map_or(String::new(), |l| format!("<p class=\"highlight__label\">{}</p>", escape(l))),
                escape(text)
            ),
            Block::Image { image, caption } => format!(
                "<figure class=\"figure\"><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\">{}</figure>",
                escape(&self.site.asset_href(&image.src)),
                escape(&image.alt),
                image.width,
                image.height,
                if caption.is_empty() { String::new() } else { format!("<figcaption>{}</figcaption>", escape(caption)) }
            ),
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let items: String = items.iter().map(|i| format!("<li>{}</li>", self.rich(i))).collect();
                format!("<{tag}>{items}</{tag}>")
            }
            Block::Unknown => String::new(),
        }
    }

    fn rich(&self, text: &RichText) -> String {
        match text {
            RichText::Plain(text) => escape(text),
            RichText::Runs(runs) => runs
                .iter()
                .map(|run| match run {
                    Inline::Text(text) => escape(text),
                    Inline::Link { text, href } => match self.site.content_href(href) {
                        Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(text)),
                        None => escape(text),
                    },
                })
                .collect(),
        }
    }
}

/// The text size and scheme controls as the app first renders them (system scheme selected).
fn display_controls() -> String {
    format!(
        "<div class=\"reading-tools\" role=\"group\" aria-label=\"{group}\">\
         <button type=\"button\" class=\"button button--quiet\" aria-label=\"{smaller}\">A−</button>\
         <button type=\"button\" class=\"button button--quiet\" aria-label=\"{reset}\" disabled>A</button>\
         <button type=\"button\" class=\"button button--quiet\" aria-label=\"{larger}\">A+</button>\
         <label class=\"reading-tools__theme\"><span>{scheme}</span><select data-testid=\"theme\">\
         <option value=\"system\" selected>{system}</option><option value=\"light\">{light}</option>\
         <option value=\"dark\">{dark}</option></select></label></div>",
        group = strings::DISPLAY_SETTINGS,
        smaller = strings::TEXT_SMALLER,
        reset = strings::TEXT_RESET,
        larger = strings::TEXT_LARGER,
        scheme = strings::COLOUR_SCHEME,
        system = strings::THEME_SYSTEM,
        light = strings::THEME_LIGHT,
        dark = strings::THEME_DARK,
    )
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

    #[test]
    fn escapes_everything_that_could_become_markup() {
        assert_eq!(
            escape("<b>\"A&B\"</b> 'x'"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;"
        );
        assert_eq!(escape("Đống Đa"), "Đống Đa");
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
