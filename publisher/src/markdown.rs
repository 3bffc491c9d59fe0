//! Articles written in Markdown: `content/articles/<slug>.md`, YAML front matter and a CommonMark
//! body, made into the article JSON beside it. What the article format cannot hold (raw HTML,
//! code, tables, nested lists…) is refused with its line and column and what to write instead;
//! nothing is passed through.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;
use tintuc::content::{safe_href, Article, Block, Emphasis, Image, Inline, RichText, Source};
use tintuc::content::{Section, Translation};
use tintuc::format::{Timestamp, UtcOffset};

/// The extension of an article's Markdown source.
pub const EXTENSION: &str = "md";

/// Where articles and their Markdown live, under a site's folder.
const ARTICLES: &str = "content/articles";

/// The slugs whose JSON a preview wrote for drafts and scheduled articles, one a line, under
/// `ARTICLES`: the next `index` without `--preview` removes that JSON even when the Markdown
/// has been renamed or deleted since, and `check` finds what is left.
const PREVIEWED: &str = ".preview";

fn previewed(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join(ARTICLES).join(PREVIEWED))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
}

/// What to say of what comes up in more than one place.
const RAW_HTML: &str = "raw HTML: articles are text, never markup; write it in Markdown";
const FOOTNOTE: &str = "a footnote: the format has no footnotes; write the note as a paragraph";

/// The line that opens and closes the front matter.
const FENCE: &str = "---";

/// What a Markdown file says: its article, and whether the newsroom holds it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub article: Article,
    pub draft: bool,
}

impl Written {
    /// Whether the article belongs in a release made at `now`: not a draft, and not scheduled
    /// for later. A preview includes everything.
    pub fn publishable(&self, now: Timestamp, preview: bool) -> bool {
        preview || (!self.draft && self.article.published <= now)
    }
}

/// The front matter, field by field. Unlike the JSON, it refuses a field it does not know: a
/// misspelt `darft: true` must not publish a draft.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    section: String,
    published: Timestamp,
    #[serde(default)]
    updated: Option<Timestamp>,
    #[serde(default)]
    lead: String,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    source: Option<Source>,
    #[serde(default)]
    views: u64,
    #[serde(default)]
    thumbnail: Option<Thumbnail>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    sample: bool,
    #[serde(default)]
    translations: Vec<Translation>,
}

/// A list picture. Its size is read from the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Thumbnail {
    src: String,
    #[serde(default)]
    alt: String,
}

/// The article that the Markdown `text` of `file` (as the editor knows it, for messages) says,
/// with pictures looked up under `root`; or every problem, each with its line and column.
pub fn convert(file: &str, slug: &str, text: &str, root: &Path) -> Result<Written, Vec<String>> {
    let text = text.replace("\r\n", "\n");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let Some((yaml, body, body_line)) = split(text) else {
        return Err(vec![format!(
            "{file}:1:1: no front matter: start the file with a `{FENCE}` line, the fields \
             (title, section, published…), and another `{FENCE}` line"
        )]);
    };
    let front: FrontMatter = serde_saphyr::from_str(yaml).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |at| (at.line() as usize, at.column() as usize));
        let message = e.without_snippet().to_string();
        let message = message.split_once(": ").map_or(&*message, |(_, m)| m);
        let message = match message.split_once(": ") {
            Some((at, m)) if at.starts_with("line ") => m,
            _ => message,
        };
        vec![format!("{file}:{}:{column}: {message}", line + 1)]
    })?;
    let mut body = Body {
        file,
        text: body,
        first_line: body_line,
        root,
        problems: Vec::new(),
    };
    let blocks = body.blocks();
    let thumbnail = front.thumbnail.map(|t| {
        let at = Place::front_matter(file, yaml, "thumbnail");
        body.picture(&at, t.src, t.alt, false)
    });
    let mut problems = body.problems;
    let thumbnail = thumbnail.and_then(Result::ok);
    if front.title.trim().is_empty() {
        problems.push(format!(
            "{}: the title is empty",
            Place::front_matter(file, yaml, "title")
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Written {
        article: Article {
            slug: slug.to_string(),
            section: front.section,
            title: front.title,
            published: front.published,
            updated: front.updated,
            // An empty field, as `make new` writes it, is no author.
            author: front.author.filter(|a| !a.trim().is_empty()),
            source: front.source.filter(|s| !s.name.trim().is_empty()),
            views: front.views,
            lead: front.lead,
            body: blocks,
            thumbnail,
            sample: front.sample,
            translations: front.translations,
            tags: front.tags,
        },
        draft: front.draft,
    })
}

/// The front matter and the body of `text`, and the line the body starts on.
fn split(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix(FENCE)?.strip_prefix('\n')?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == FENCE {
            let body = &rest[offset + line.len()..];
            return Some((&rest[..offset], body, i + 3));
        }
        offset += line.len();
    }
    None
}

/// A place in the file, for a message.
struct Place {
    file: String,
    line: usize,
    column: usize,
}

impl Place {
    /// The line of front matter field `field`, or the first line when it is not written.
    fn front_matter(file: &str, yaml: &str, field: &str) -> Place {
        let line = yaml
            .lines()
            .position(|l| l.starts_with(&format!("{field}:")))
            .map_or(1, |i| i + 2);
        Place {
            file: file.to_string(),
            line,
            column: 1,
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// The body being converted, and what was found wrong in it.
struct Body<'a> {
    file: &'a str,
    text: &'a str,
    /// The file's line number of the body's first line.
    first_line: usize,
    root: &'a Path,
    problems: Vec<String>,
}

/// One piece of a paragraph, heading or list item as it is read.
enum Piece {
    Run(Inline),
    Picture(Result<Image, ()>, String),
}

type Events<'e> = std::iter::Peekable<pulldown_cmark::OffsetIter<'e>>;

impl Body<'_> {
    fn place(&self, offset: usize) -> Place {
        let before = &self.text[..offset.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Place {
            file: self.file.to_string(),
            line: self.first_line + before.matches('\n').count(),
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn refuse(&mut self, at: &Range<usize>, what: &str) {
        let place = self.place(at.start);
        self.problems.push(format!("{place}: {what}"));
    }

    fn blocks(&mut self) -> Vec<Block> {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        let text = self.text;
        let mut events = Parser::new_ext(text, options).into_offset_iter().peekable();
        let mut blocks = Vec::new();
        while let Some((event, at)) = events.next() {
            if let Some(block) = self.block(event, at, &mut events) {
                blocks.push(block);
            }
        }
        blocks
    }

    /// The block that `event` opens, reading the events up to its end.
    fn block(&mut self, event: Event, at: Range<usize>, events: &mut Events) -> Option<Block> {
        match event {
            Event::Start(Tag::Paragraph) => {
                let pieces = self.pieces(events, TagEnd::Paragraph);
                self.paragraph(pieces, &at)
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let pieces = self.pieces(events, TagEnd::Heading(level));
                if !self.text[at.clone()].trim_start().starts_with('#') {
                    self.refuse(
                        &at,
                        "text underlined with `---` or `===`, which Markdown reads as a heading: \
                         write a subheading as `## …`, and leave an empty line above a line of \
                         dashes (the format has no thematic breaks either)",
                    );
                    return None;
                }
                if level != HeadingLevel::H2 {
                    self.refuse(
                        &at,
                        &format!(
                            "a level {} heading: write subheadings with `##` (the title is the \
                             page's only first-level heading, and the format has one level below it)",
                            level as usize
                        ),
                    );
                    return None;
                }
                let text = self.plain(pieces, &at, "a heading")?;
                Some(Block::Heading { text })
            }
            Event::Start(Tag::BlockQuote(_)) => self.quote(events, &at),
            Event::Start(Tag::List(start)) => self.list(start, events, &at),
            Event::Start(tag) => {
                let what = match tag {
                    Tag::CodeBlock(_) => "a code block: the format has no code; write it as a paragraph",
                    Tag::HtmlBlock => RAW_HTML,
                    Tag::Table(_) => "a table: the format has no tables; write the figures as a list or paragraphs",
                    Tag::FootnoteDefinition(_) => FOOTNOTE,
                    _ => "a block the format cannot hold",
                };
                self.refuse(&at, what);
                skip(events);
                None
            }
            Event::Rule => {
                self.refuse(
                    &at,
                    "a thematic break (`---`, `***`): the format has none; start a `##` section instead",
                );
                None
            }
            Event::Html(_) => {
                self.refuse(&at, RAW_HTML);
                None
            }
            _ => None,
        }
    }

    /// A paragraph, or the picture that is all of it.
    fn paragraph(&mut self, mut pieces: Vec<Piece>, at: &Range<usize>) -> Option<Block> {
        let pictures = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Picture(..)))
            .count();
        let only_space = pieces.iter().all(|p| match p {
            Piece::Run(Inline::Text(t)) => t.trim().is_empty(),
            Piece::Picture(..) => true,
            _ => false,
        });
        if pictures == 1 && only_space {
            pieces.retain(|p| matches!(p, Piece::Picture(..)));
            let Some(Piece::Picture(image, caption)) = pieces.pop() else {
                return None;
            };
            return image.ok().map(|image| Block::Image { image, caption });
        }
        if pictures > 0 {
            self.refuse(
                at,
                "a picture inside text: put each picture in a paragraph of its own",
            );
            return None;
        }
        Some(Block::Paragraph { text: rich(pieces) })
    }

    /// A quote: its text, and a label when its first paragraph is all in `**strong**`.
    fn quote(&mut self, events: &mut Events, at: &Range<usize>) -> Option<Block> {
        let mut paragraphs = Vec::new();
        let mut wrong = false;
        while let Some((event, inner)) = events.next() {
            match event {
                Event::End(TagEnd::BlockQuote(_)) => break,
                Event::Start(Tag::Paragraph) => {
                    paragraphs.push((self.pieces(events, TagEnd::Paragraph), inner))
                }
                Event::Start(_) => {
                    skip(events);
                    wrong = true;
                }
                _ => {}
            }
        }
        let too_much = "a quote holds one paragraph, after an optional label in **bold** \
                        (`> **Chủ đề:**`, an empty `>` line, `> the text`); write two quotes";
        if wrong || paragraphs.is_empty() || paragraphs.len() > 2 {
            self.refuse(at, too_much);
            return None;
        }
        let label = if paragraphs.len() == 2 {
            let (pieces, inner) = paragraphs.remove(0);
            match &pieces[..] {
                [Piece::Run(Inline::Emphasis {
                    text,
                    emphasis: Emphasis::Strong,
                })] => Some(text.clone()),
                _ => {
                    self.refuse(&inner, too_much);
                    return None;
                }
            }
        } else {
            None
        };
        let (pieces, inner) = paragraphs.remove(0);
        let text = self.plain(pieces, &inner, "a quote")?;
        Some(Block::Quote { text, label })
    }

    fn list(
        &mut self,
        start: Option<u64>,
        events: &mut Events,
        at: &Range<usize>,
    ) -> Option<Block> {
        if start.is_some_and(|n| n != 1) {
            self.refuse(
                at,
                "a numbered list that does not start at 1: the format numbers every list from 1",
            );
        }
        let mut items = Vec::new();
        let mut wrong = false;
        while let Some((event, inner)) = events.next() {
            match event {
                Event::End(TagEnd::List(_)) => break,
                Event::Start(Tag::Item) => {
                    let mut pieces = Vec::new();
                    let mut paragraphs = 0;
                    while let Some((event, place)) = events.next() {
                        match event {
                            Event::End(TagEnd::Item) => break,
                            Event::Start(Tag::Paragraph) => {
                                paragraphs += 1;
                                pieces.extend(self.pieces(events, TagEnd::Paragraph));
                            }
                            Event::Start(Tag::List(_)) => {
                                self.refuse(&place, "a list inside a list: the format's lists have one level; write the inner items as items or a paragraph");
                                skip(events);
                                wrong = true;
                            }
                            Event::Start(
                                Tag::BlockQuote(_)
                                | Tag::CodeBlock(_)
                                | Tag::Heading { .. }
                                | Tag::HtmlBlock
                                | Tag::Table(_),
                            ) => {
                                self.refuse(&place, "a list item holds text only: write other blocks after the list");
                                skip(events);
                                wrong = true;
                            }
                            event => {
                                if let Some(piece) = self.piece(event, place, events) {
                                    pieces.push(piece);
                                }
                            }
                        }
                    }
                    if paragraphs > 1 {
                        self.refuse(&inner, "a list item of more than one paragraph: the format's list items are one paragraph each");
                        wrong = true;
                    }
                    if pieces.iter().any(|p| matches!(p, Piece::Picture(..))) {
                        self.refuse(
                            &inner,
                            "a picture in a list: put each picture in a paragraph of its own",
                        );
                        wrong = true;
                    }
                    items.push(rich(pieces));
                }
                _ => {}
            }
        }
        (!wrong).then_some(Block::List {
            ordered: start.is_some(),
            items,
        })
    }

    /// The text and links of a paragraph, heading or list item, up to `end`.
    fn pieces(&mut self, events: &mut Events, end: TagEnd) -> Vec<Piece> {
        let mut pieces = Vec::new();
        while let Some((event, at)) = events.next() {
            if event == Event::End(end) {
                break;
            }
            if let Some(piece) = self.piece(event, at, events) {
                pieces.push(piece);
            }
        }
        pieces
    }

    /// One piece of inline content, reading the events of what `event` opens.
    fn piece(&mut self, event: Event, at: Range<usize>, events: &mut Events) -> Option<Piece> {
        let text = |t: &str| Some(Piece::Run(Inline::Text(t.to_string())));
        match event {
            Event::Text(t) => text(&t),
            Event::SoftBreak => text(" "),
            Event::HardBreak => {
                self.refuse(
                    &at,
                    "a line break inside a paragraph: the format has none; start a new paragraph",
                );
                None
            }
            Event::Code(_) => {
                self.refuse(&at, "code (`…`): the format has no code; write it as text");
                None
            }
            // A closing tag's opening one was refused already.
            Event::InlineHtml(html) if html.starts_with("</") => None,
            Event::InlineHtml(_) | Event::Html(_) => {
                self.refuse(&at, RAW_HTML);
                None
            }
            Event::FootnoteReference(_) => {
                self.refuse(&at, FOOTNOTE);
                None
            }
            Event::TaskListMarker(_) => {
                self.refuse(&at, "a task list box: the format's lists have none");
                None
            }
            Event::Start(Tag::Emphasis) | Event::Start(Tag::Strong) => {
                let strong = matches!(event, Event::Start(Tag::Strong));
                let end = if strong {
                    TagEnd::Strong
                } else {
                    TagEnd::Emphasis
                };
                let inner = self.pieces(events, end);
                let text = self.plain(inner, &at, "emphasis")?;
                Some(Piece::Run(Inline::Emphasis {
                    text,
                    emphasis: if strong {
                        Emphasis::Strong
                    } else {
                        Emphasis::Em
                    },
                }))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let inner = self.pieces(events, TagEnd::Link);
                let text = self.plain(inner, &at, "a link")?;
                // `<ban@x.vn>` and `www.x.vn` would be read as pages of this site.
                if link_type == LinkType::Email || dest_url.starts_with("www.") {
                    self.refuse(
                        &at,
                        &format!(
                            "a link to `{dest_url}`: write another site's address in full, \
                             `https://…`, and an e-mail address as text"
                        ),
                    );
                    return None;
                }
                if safe_href(&dest_url).is_none() {
                    self.refuse(
                        &at,
                        &format!(
                            "a link to `{dest_url}`: links go to `https://` addresses or to pages \
                             of the site (`/kinh-te/…`)"
                        ),
                    );
                    return None;
                }
                Some(Piece::Run(Inline::Link {
                    text,
                    href: dest_url.to_string(),
                }))
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let inner = self.pieces(events, TagEnd::Image);
                let alt = self.plain(inner, &at, "a picture's text")?;
                let place = self.place(at.start);
                let image = self.picture(&place, dest_url.to_string(), alt, true);
                Some(Piece::Picture(image, title.to_string()))
            }
            Event::Start(tag) => {
                let what = match tag {
                    Tag::Strikethrough => "struck-through text (`~~…~~`): the format has none",
                    _ => "inline content the format cannot hold",
                };
                self.refuse(&at, what);
                skip(events);
                None
            }
            _ => None,
        }
    }

    /// The text of `pieces` when it is only text, or a refusal of `what` holding more.
    fn plain(&mut self, pieces: Vec<Piece>, at: &Range<usize>, what: &str) -> Option<String> {
        let mut text = String::new();
        for piece in pieces {
            match piece {
                Piece::Run(Inline::Text(t)) => text.push_str(&t),
                _ => {
                    self.refuse(
                        at,
                        &format!(
                            "{what} holds only plain text: no links, emphasis or pictures inside it"
                        ),
                    );
                    return None;
                }
            }
        }
        Some(text)
    }

    /// A picture of the site at `src`, its size read from the file; a problem (already
    /// recorded) when it cannot be published.
    fn picture(
        &mut self,
        at: &Place,
        src: String,
        alt: String,
        needs_alt: bool,
    ) -> Result<Image, ()> {
        let size = if needs_alt && alt.trim().is_empty() {
            Err(
                "no text for readers who cannot see it: write it between the brackets, \
                 `![Quang cảnh Đại hội](…)`"
                    .to_string(),
            )
        } else if src.contains(':') || src.starts_with("//") {
            Err(
                "keep pictures with the site, under `media/`, so that their size can be read and \
                 they load from the site"
                    .to_string(),
            )
        } else if let Some(path) = crate::images::site_file(self.root, &src) {
            match std::fs::read(&path) {
                Ok(bytes) => dimensions(&bytes).ok_or_else(|| {
                    "its width and height cannot be read: use a JPEG, PNG, WebP, AVIF, GIF, or \
                     an SVG with `width` and `height`"
                        .to_string()
                }),
                Err(e) => Err(format!("cannot be read at {}: {e}", path.display())),
            }
        } else {
            Err("leaves the site's folder; keep pictures in media/".to_string())
        };
        match size {
            Ok((width, height)) => Ok(Image {
                src,
                alt,
                width,
                height,
                variants: Vec::new(),
            }),
            Err(what) => {
                self.problems.push(format!("{at}: picture `{src}`: {what}"));
                Err(())
            }
        }
    }
}

/// Reads the events up to the end of the tag whose start was just read.
fn skip(events: &mut Events) {
    let mut depth = 1;
    for (event, _) in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            _ => {}
        }
    }
}

/// Runs as rich text: plain when nothing in it is a link or stressed. Neighbouring text is
/// joined, as the parser splits it at every character that might have been markup.
fn rich(pieces: Vec<Piece>) -> RichText {
    let mut runs: Vec<Inline> = Vec::new();
    for piece in pieces {
        let Piece::Run(run) = piece else { continue };
        match (runs.last_mut(), run) {
            (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
            (_, run) => runs.push(run),
        }
    }
    match &runs[..] {
        [] => RichText::Plain(String::new()),
        [Inline::Text(text)] => RichText::Plain(text.clone()),
        _ => RichText::Runs(runs),
    }
}

/// The width and height a picture file declares.
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    if let Ok(size) = imagesize::blob_size(bytes) {
        let (width, height) = (size.width.try_into().ok()?, size.height.try_into().ok()?);
        // Stored on its side, shown upright: the browser turns it, so its box turns too.
        return Some(if on_its_side(bytes) {
            (height, width)
        } else {
            (width, height)
        });
    }
    svg_dimensions(std::str::from_utf8(bytes).ok()?)
}

/// Whether a picture's EXIF orientation turns it by a quarter.
fn on_its_side(bytes: &[u8]) -> bool {
    use image::metadata::Orientation::*;
    use image::ImageDecoder;
    image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|reader| reader.into_decoder().ok())
        .and_then(|mut decoder| decoder.orientation().ok())
        .is_some_and(|o| matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH))
}

/// The `width` and `height` of an SVG's root element, in pixels, or its `viewBox` size.
fn svg_dimensions(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| -> Option<&str> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&tag[at..at + tag[at..].find('"')?])
    };
    let pixels = |value: &str| -> Option<u32> {
        let value = value.strip_suffix("px").unwrap_or(value);
        let number: f64 = value.parse().ok()?;
        (1.0..100_000.0)
            .contains(&number)
            .then(|| number.round() as u32)
    };
    if let (Some(w), Some(h)) = (
        attribute("width").and_then(pixels),
        attribute("height").and_then(pixels),
    ) {
        return Some((w, h));
    }
    let view: Vec<&str> = attribute("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .collect();
    match view[..] {
        [_, _, w, h] => Some((pixels(w)?, pixels(h)?)),
        _ => None,
    }
}

/// A new article's file: its front matter filled in, `draft: true` until the editor is done.
pub fn new_article(section: &Section, title: &str, now: Timestamp, timezone: UtcOffset) -> String {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    format!(
        "{FENCE}\ntitle: {}\nsection: {}\npublished: {}\nlead: \"\"\nauthor: \"\"\nviews: 0\ntags: []\n\
         draft: true\n{FENCE}\n\nViết bài ở đây. Mỗi đoạn cách nhau một dòng trống.\n",
        quoted(title),
        quoted(&section.slug),
        tintuc::format::machine(Timestamp::from_unix(now.unix() / 60 * 60), timezone),
    )
}

/// `article` written as Markdown that converts back to it, for articles kept as JSON until now.
pub fn to_markdown(article: &Article, draft: bool) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = format!("{FENCE}\n");
    out += &format!(
        "title: {}\nsection: {}\n",
        q(&article.title),
        q(&article.section)
    );
    out += &format!("published: {}\n", article.published);
    if let Some(updated) = article.updated {
        out += &format!("updated: {updated}\n");
    }
    if !article.lead.is_empty() {
        out += &format!("lead: {}\n", q(&article.lead));
    }
    if let Some(author) = &article.author {
        out += &format!("author: {}\n", q(author));
    }
    if let Some(source) = &article.source {
        out += &format!("source:\n  name: {}\n", q(&source.name));
        if let Some(url) = &source.url {
            out += &format!("  url: {}\n", q(url));
        }
    }
    if article.views != 0 {
        out += &format!("views: {}\n", article.views);
    }
    if let Some(t) = &article.thumbnail {
        out += &format!("thumbnail:\n  src: {}\n  alt: {}\n", q(&t.src), q(&t.alt));
    }
    if !article.tags.is_empty() {
        let tags: Vec<String> = article.tags.iter().map(|t| q(t)).collect();
        out += &format!("tags: [{}]\n", tags.join(", "));
    }
    if draft {
        out += "draft: true\n";
    }
    if article.sample {
        out += "sample: true\n";
    }
    if !article.translations.is_empty() {
        out += "translations:\n";
        for t in &article.translations {
            out += &format!(
                "  - language: {}\n    href: {}\n",
                q(&t.language),
                q(&t.href)
            );
        }
    }
    out += FENCE;
    out += "\n";
    for block in &article.body {
        out += "\n";
        match block {
            Block::Paragraph { text } => out += &escape_start(&rich_markdown(text)),
            Block::Heading { text } => out += &format!("## {}", escape(text)),
            Block::Quote { text, label } => {
                if let Some(label) = label {
                    out += &format!("> **{}**\n>\n", escape(label));
                }
                out += &format!("> {}", escape_start(&escape(text)));
            }
            Block::Image { image, caption } => {
                out += &format!("![{}]({}", escape(&image.alt), destination(&image.src));
                if !caption.is_empty() {
                    out += &format!(
                        " \"{}\"",
                        caption.replace('\\', "\\\\").replace('"', "\\\"")
                    );
                }
                out += ")";
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered { "1." } else { "-" };
                    if i > 0 {
                        out += "\n";
                    }
                    out += &format!("{marker} {}", escape_start(&rich_markdown(item)));
                }
            }
            Block::Unknown => continue,
        }
        out += "\n";
    }
    out
}

fn rich_markdown(text: &RichText) -> String {
    match text {
        RichText::Plain(text) => escape(text),
        RichText::Runs(runs) => runs
            .iter()
            .map(|run| match run {
                Inline::Text(text) => escape(text),
                Inline::Link { text, href } => format!("[{}]({})", escape(text), destination(href)),
                Inline::Emphasis {
                    text,
                    emphasis: Emphasis::Em,
                } => format!("*{}*", escape(text)),
                Inline::Emphasis {
                    text,
                    emphasis: Emphasis::Strong,
                } => format!("**{}**", escape(text)),
            })
            .collect(),
    }
}

/// Text with every character that could be read as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '~' | '&' | '!' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A paragraph that would start a list or a heading, with that start escaped.
fn escape_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = &text[digits..];
    if digits > 0
        && (after.starts_with(". ") || after.starts_with(") ") || after == "." || after == ")")
    {
        return format!("{}\\{}", &text[..digits], after);
    }
    if text.starts_with("- ")
        || text.starts_with("+ ")
        || text == "-"
        || text == "+"
        || text.starts_with("=")
    {
        return format!("\\{text}");
    }
    text.to_string()
}

fn destination(href: &str) -> String {
    if href.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
    } else {
        href.to_string()
    }
}

/// What converting a tree's Markdown did.
#[derive(Debug, Default, PartialEq)]
pub struct Converted {
    /// Articles whose JSON was written, because it was new or differed.
    pub written: usize,
    /// Articles whose JSON was already what their Markdown makes (`known` among them).
    pub unchanged: usize,
    /// Articles not converted at all: the cache knew their Markdown, the pictures it shows and
    /// the JSON it made, all unchanged.
    pub known: usize,
    /// Drafts and scheduled articles: left out, with any JSON of theirs removed; or, in a
    /// preview, written with the others.
    pub held: usize,
}

/// Every Markdown article under `root`, by slug, in file name order.
fn sources(root: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut found: Vec<_> = std::fs::read_dir(root.join(ARTICLES))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == EXTENSION))
        .filter_map(|path| Some((path.file_stem()?.to_str()?.to_string(), path)))
        .collect();
    found.sort();
    found
}

/// Each Markdown article under `root` converted, with the path of its JSON, except those whose
/// slug and text `known` says are known; or the problems of those that could not be converted.
fn read_all(
    root: &Path,
    mut known: impl FnMut(&str, &str) -> bool,
) -> (Vec<(Written, std::path::PathBuf)>, Vec<String>) {
    let mut problems = Vec::new();
    let mut written = Vec::new();
    for (slug, path) in sources(root) {
        let file = format!("{ARTICLES}/{slug}.{EXTENSION}");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) if known(&slug, &text) => continue,
            Ok(text) => Ok(text),
            Err(e) => Err(vec![format!("{file}: {e}")]),
        };
        let converted = text.and_then(|text| convert(&file, &slug, &text, root));
        match converted {
            Ok(article) => written.push((article, path.with_extension("json"))),
            Err(found) => problems.extend(found),
        }
    }
    (written, problems)
}

/// Writes the JSON of every publishable Markdown article under `root` where it differs, and
/// removes the JSON of drafts and of articles scheduled after `now` (all are kept with
/// `preview`). Nothing is written when any file has a problem.
///
/// With a `cache` folder, the Markdown of an article converted by an earlier run is not
/// converted again when it, the pictures it shows and the JSON it made are unchanged, and the
/// article is still to be published.
pub fn publish(
    root: &Path,
    now: Timestamp,
    preview: bool,
    cache: Option<&Path>,
) -> Result<Converted, Vec<String>> {
    let mut notes = cache.map(|cache| Ledger::open(cache, root));
    let listed: std::collections::BTreeSet<String> = previewed(root).into_iter().collect();
    let (mut known, mut held_known) = (0, 0);
    // The hash of each Markdown converted, for the cache's notes.
    let mut hashes = std::collections::HashMap::new();
    let (written, problems) = read_all(root, |slug, text| {
        let Some(notes) = notes.as_mut() else {
            return false;
        };
        let markdown = hash(text);
        // What an earlier preview wrote must be looked at again without one.
        if preview || !listed.contains(slug) {
            if let Some(held) = notes.knows(slug, &markdown, now, preview) {
                known += 1;
                held_known += usize::from(held);
                return true;
            }
        }
        hashes.insert(slug.to_string(), markdown);
        false
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut done = Converted {
        unchanged: known,
        known,
        ..Converted::default()
    };
    let remove = |json: &Path| match std::fs::remove_file(json) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(vec![format!("{}: {e}", json.display())])
        }
        _ => Ok(()),
    };
    let ledger = root.join(ARTICLES).join(PREVIEWED);
    let mut held_back = Vec::new();
    let publishable: std::collections::BTreeSet<String> = written
        .iter()
        .filter(|(a, _)| a.publishable(now, false))
        .map(|(a, _)| a.article.slug.clone())
        .collect();
    if !preview {
        // What an earlier preview wrote for articles that are not to be published now.
        for slug in previewed(root) {
            if !publishable.contains(&slug) && tintuc::route::is_slug(&slug) {
                remove(&root.join(ARTICLES).join(format!("{slug}.json")))?;
            }
        }
        remove(&ledger)?;
    }
    for (article, json) in written {
        let io = |e: std::io::Error| vec![format!("{}: {e}", json.display())];
        if !publishable.contains(&article.article.slug) {
            if preview {
                held_back.push(article.article.slug.clone());
            } else {
                done.held += 1;
                remove(&json)?;
                continue;
            }
        }
        let text = crate::cli::to_json(&article.article);
        if std::fs::read_to_string(&json).is_ok_and(|old| old == text) {
            done.unchanged += 1;
        } else {
            std::fs::write(&json, &text).map_err(io)?;
            done.written += 1;
        }
        if let (Some(notes), Some(markdown)) = (&mut notes, hashes.remove(&article.article.slug)) {
            notes.note(&article, markdown, &text);
        }
    }
    if let Some(notes) = notes {
        notes
            .save()
            .map_err(|e| vec![format!("the cache of converted Markdown: {e}")])?;
    }
    if preview {
        done.held = held_back.len() + held_known;
        let mut listed = previewed(root);
        listed.extend(held_back);
        listed.sort();
        listed.dedup();
        if !listed.is_empty() {
            std::fs::write(&ledger, listed.join("\n") + "\n")
                .map_err(|e| vec![format!("{}: {e}", ledger.display())])?;
        }
    }
    Ok(done)
}

/// What `check` finds: Markdown that does not convert, JSON that is not what its Markdown
/// makes at `now`, and JSON left from a preview of a draft or a scheduled article.
pub fn problems(root: &Path, now: Timestamp) -> Vec<String> {
    let (written, mut problems) = read_all(root, |_, _| false);
    // A preview's JSON whose Markdown is gone.
    for slug in previewed(root) {
        let rel = format!("{ARTICLES}/{slug}.json");
        let from_markdown = written.iter().any(|(a, _)| a.article.slug == slug);
        if !from_markdown && root.join(&rel).exists() {
            problems.push(format!(
                "{rel}: left from a preview of a draft or scheduled article whose Markdown is \
                 gone; `make content` removes it"
            ));
        }
    }
    // Markdown under a name `index` does not read, which would be copied as it is.
    for entry in std::fs::read_dir(root.join(ARTICLES))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        let extension = name.rsplit_once('.').map(|(_, e)| e);
        if extension.is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION) && e != EXTENSION) {
            problems.push(format!(
                "{ARTICLES}/{name}: name it `.{EXTENSION}`, in lower case, or it is not read"
            ));
        }
    }
    for (article, json) in written {
        let rel = format!("{ARTICLES}/{}.json", article.article.slug);
        let on_disk = std::fs::read_to_string(&json).ok();
        match (article.publishable(now, false), on_disk) {
            (true, None) => problems.push(format!(
                "{rel}: missing: its Markdown has not been made into JSON (run `make content`)"
            )),
            (true, Some(text)) if text != crate::cli::to_json(&article.article) => problems.push(format!(
                "{rel}: is not what {}.{EXTENSION} makes: edit the Markdown, not the JSON, and run `make content`",
                article.article.slug
            )),
            (false, Some(_)) => problems.push(format!(
                "{rel}: left from a preview: its article is {}; `make content` removes it",
                if article.draft { "a draft".to_string() } else { format!("scheduled for {}", article.article.published) }
            )),
            _ => {}
        }
    }
    problems
}

/// What the cache notes of each article converted: hashes of its Markdown and of the JSON it
/// made, the size and time of each picture file it read, and what decides whether it is
/// published.
#[derive(serde::Serialize, Deserialize, Clone)]
struct Noted {
    markdown: String,
    json: String,
    /// Each picture's `src`, with its file's size and time.
    pictures: Vec<(String, u64, u128)>,
    draft: bool,
    published: Timestamp,
}

/// The cache's notes of converted Markdown (`markdown.json`), for one tool version.
struct Ledger<'a> {
    path: std::path::PathBuf,
    root: &'a Path,
    tool: String,
    earlier: std::collections::BTreeMap<String, Noted>,
    now: std::collections::BTreeMap<String, Noted>,
    /// When this run began, in nanoseconds since 1970.
    started: u128,
}

#[derive(serde::Serialize, Deserialize)]
struct LedgerFile {
    tool: String,
    articles: std::collections::BTreeMap<String, Noted>,
}

impl<'a> Ledger<'a> {
    fn open(cache: &Path, root: &'a Path) -> Ledger<'a> {
        let path = cache.join("markdown.json");
        let tool = crate::incremental::tool_identity();
        // Another version of the tool may convert differently: its notes are not used.
        let earlier = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<LedgerFile>(&bytes).ok())
            .filter(|file| file.tool == tool)
            .map(|file| file.articles)
            .unwrap_or_default();
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Ledger {
            path,
            root,
            tool,
            earlier,
            now: Default::default(),
            started,
        }
    }

    /// Whether the article `slug` whose Markdown hashes to `markdown` is known: converted
    /// before into the JSON now beside it, from pictures unchanged since, and published at
    /// `now` (or in a preview); if so, whether it is held back from a release.
    fn knows(&mut self, slug: &str, markdown: &str, now: Timestamp, preview: bool) -> Option<bool> {
        let noted = self.earlier.get(slug)?;
        let held = noted.draft || noted.published > now;
        let json = self.root.join(ARTICLES).join(format!("{slug}.json"));
        let known = noted.markdown == markdown
            && (preview || !held)
            && std::fs::read_to_string(&json).is_ok_and(|on_disk| hash(&on_disk) == noted.json)
            && noted.pictures.iter().all(|(src, bytes, modified)| {
                crate::images::site_file(self.root, src)
                    .and_then(|path| crate::incremental::stamp(&path))
                    .is_some_and(|now| now == (*bytes, *modified))
            });
        if known {
            self.now.insert(slug.to_string(), noted.clone());
        }
        known.then_some(held)
    }

    /// Notes the article converted from Markdown hashing to `markdown` into `json`, unless a
    /// picture it shows changed since the run began (the size read may be the old one).
    fn note(&mut self, written: &Written, markdown: String, json: &str) {
        let article = &written.article;
        let mut pictures = Vec::new();
        for image in crate::images::pictures(article) {
            let stamp = crate::images::site_file(self.root, &image.src)
                .and_then(|path| crate::incremental::stamp(&path));
            match stamp {
                Some((bytes, modified)) if modified < self.started => {
                    pictures.push((image.src.clone(), bytes, modified));
                }
                _ => return,
            }
        }
        let noted = Noted {
            markdown,
            json: hash(json),
            pictures,
            draft: written.draft,
            published: article.published,
        };
        self.now.insert(article.slug.clone(), noted);
    }

    fn save(self) -> std::io::Result<()> {
        let file = LedgerFile {
            tool: self.tool,
            articles: self.now,
        };
        crate::incremental::write_atomically(
            &self.path,
            &serde_json::to_string(&file).unwrap_or_default(),
        )
    }
}

fn hash(text: &str) -> String {
    crate::incremental::fnv1a_hex(text.bytes())
}

/// The time now.
pub fn now() -> Timestamp {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    Timestamp::from_unix(seconds)
}
