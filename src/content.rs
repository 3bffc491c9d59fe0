//! The content model: the JSON files a newsroom publishes and tintuc reads.
//!
//! `docs/content-format.md` describes every file and field. The types here are lenient where
//! real feeds differ (optional fields default, unknown fields and unknown block types are
//! ignored) and strict where a mistake would mislead a reader (times must parse, the format
//! version must be one this build understands).

use crate::format::{Timestamp, UtcOffset};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// The content format version this build reads, carried by the site manifest.
pub const FORMAT_VERSION: u32 = 1;

/// How much one content file may hold. `tintuc-content check` refuses more, naming the file; the
/// app refuses a file over [`limits::FILE_BYTES`] with a message rather than hold the reader's
/// tab while it decodes it, and draws anything else a host serves it as safely as it can.
pub mod limits {
    /// The seed article is 9 KB; a long report with a thousand paragraphs stays under 1 MiB.
    pub const FILE_BYTES: usize = 4 << 20;
    /// A headline, in characters: lists, tabs and link previews cut far shorter ones.
    pub const TITLE_CHARS: usize = 300;
    /// Blocks in one article's body.
    pub const BLOCKS: usize = 2_000;
}

/// True when `text` holds a character that reorders the text around it (the bidirectional
/// embeddings, overrides and isolates): in a headline it can make a list or a link read as
/// something else. Marks (U+200E, U+200F) only nudge neutral characters and are allowed.
pub fn has_bidi_control(text: &str) -> bool {
    text.chars().any(is_bidi_control)
}

/// One of the characters [`has_bidi_control`] finds.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Where the content files live, relative to the site's base path.
pub mod paths {
    /// The site manifest.
    pub const MANIFEST: &str = "content/site.json";
    /// The home page index.
    pub const HOME: &str = "content/home.json";

    /// The folder of every section's index pages.
    pub const SECTIONS: &str = "content/sections";

    /// Page `page` (1-based) of a section's index.
    pub fn section_page(section: &str, page: u32) -> String {
        format!("{SECTIONS}/{section}/{page}.json")
    }

    /// One article.
    pub fn article(slug: &str) -> String {
        format!("content/articles/{slug}.json")
    }
}

/// `content/site.json`: what the site is and how it is organised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The content format version; see [`FORMAT_VERSION`].
    pub format: u32,
    pub name: String,
    /// The name where room is short: under the icon of the installed site on a phone (about
    /// 12 characters show whole). The name stands in when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(default)]
    pub description: String,
    /// The site's language (BCP 47: `vi`, `en`, `en-GB`): its content's, and its interface's,
    /// which [`crate::strings::for_language`] chooses by it.
    #[serde(default = "default_language")]
    pub language: String,
    /// The site in other languages: its other editions, which each home page links to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
    /// The offset in which every time on the site is shown.
    pub timezone: UtcOffset,
    /// The sections in navigation order.
    pub sections: Vec<Section>,
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// How many of the newest articles each feed (the site's, each section's) carries.
    #[serde(default = "default_feed_size")]
    pub feed_size: u32,
    /// The largest picture file the site publishes, in bytes: a camera's original is resized
    /// before it is published, not sent to phones.
    #[serde(default = "default_max_image_bytes")]
    pub max_image_bytes: u64,
    #[serde(default)]
    pub views: ViewSettings,
    /// True while the site carries demonstration content; the site then says so.
    #[serde(default)]
    pub demo: bool,
    /// The site's public address, its scheme and host (`https://tin.example.vn/`): the base path
    /// is the build's. Canonical and Open Graph links, feeds and the sitemap need it; without
    /// it the first two are left out of rendered pages and the others are not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Manifest {
    /// The section with this slug.
    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.slug == slug)
    }
}

/// One section of the site, as the navigation lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// How views are counted in the reader's browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewSettings {
    /// A second view of the same article within this many minutes is not counted.
    #[serde(default = "default_window_minutes")]
    pub window_minutes: u32,
    /// At most this many articles are remembered; the least recently viewed go first.
    #[serde(default = "default_max_entries")]
    pub max_entries: usize,
    /// Where to report each counted view with `navigator.sendBeacon`, if anywhere.
    #[serde(default)]
    pub endpoint: Option<String>,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            window_minutes: default_window_minutes(),
            max_entries: default_max_entries(),
            endpoint: None,
        }
    }
}

/// `content/home.json`: what the home page shows, written by `tintuc-content index`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HomeIndex {
    /// The newest articles across all sections, newest first.
    #[serde(default)]
    pub latest: Vec<Summary>,
    /// The articles with the most views in the published counts, most first.
    #[serde(default)]
    pub popular: Vec<Summary>,
    /// The newest articles of each section, by section slug.
    #[serde(default)]
    pub sections: BTreeMap<String, Vec<Summary>>,
}

/// `content/sections/<slug>/<page>.json`: one page of a section's articles, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionPage {
    pub section: String,
    /// This page's number, from 1.
    pub page: u32,
    /// How many pages the section has.
    pub pages: u32,
    /// How many articles the section has.
    #[serde(default)]
    pub total: u32,
    #[serde(default)]
    pub articles: Vec<Summary>,
}

/// What a list shows of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub slug: String,
    pub section: String,
    pub title: String,
    #[serde(default)]
    pub lead: String,
    pub published: Timestamp,
    /// The view count the publisher knows of; the reader's own views are added to it.
    #[serde(default)]
    pub views: u64,
    #[serde(default)]
    pub thumbnail: Option<Image>,
    /// Demonstration content, not real news.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sample: bool,
}

/// `content/articles/<slug>.json`: a whole article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub section: String,
    pub title: String,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default)]
    pub views: u64,
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub body: Vec<Block>,
    /// The picture lists show beside the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Image>,
    /// Demonstration content, not real news.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sample: bool,
    /// The same article in other languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
    /// Subjects the newsroom files the article under; feeds carry them as categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The same page in another language: on another edition of the site, or on another site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// Its language (BCP 47: `en`, `vi`).
    pub language: String,
    /// Its address: absolute (`https://…`), from the host's root (`/en/…`), or from the site's
    /// base path (`en/`, `../tin-tuc-su-kien/…`), which follows the site wherever it is deployed.
    pub href: String,
}

impl Translation {
    /// The address, if a page may link to it: never a scheme a link should not follow (see
    /// [`safe_href`]).
    pub fn safe_href(&self) -> Option<&str> {
        safe_href(&self.href)
    }

    /// True when the language is written as BCP 47 writes one: `en`, `en-GB`, `zh-Hant`.
    pub fn language_is_valid(&self) -> bool {
        is_language_tag(&self.language)
    }
}

/// A language tag's shape (BCP 47): a primary language of 2–3 letters, then subtags of 1–8
/// letters or digits, joined by `-`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Article {
    /// What lists show of this article.
    pub fn summary(&self) -> Summary {
        Summary {
            slug: self.slug.clone(),
            section: self.section.clone(),
            title: self.title.clone(),
            lead: self.lead.clone(),
            published: self.published,
            views: self.views,
            thumbnail: self.thumbnail.clone(),
            sample: self.sample,
        }
    }

    /// Words in the title, lead and body, for the reading time.
    pub fn word_count(&self) -> usize {
        let words = |s: &str| s.split_whitespace().count();
        words(&self.title)
            + words(&self.lead)
            + self
                .body
                .iter()
                .map(|block| block.text_parts().map(words).sum::<usize>())
                .sum::<usize>()
    }
}

/// Who the article comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A picture with the size it is drawn at, so the page keeps its place while it loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// An `http(s)` URL, or a path relative to the site's base.
    pub src: String,
    #[serde(default)]
    pub alt: String,
    #[serde(default = "default_width")]
    pub width: u32,
    #[serde(default = "default_height")]
    pub height: u32,
    /// Copies of the picture in other widths and formats, made by the release build; a
    /// browser picks the one that fits the screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
}

/// One resized copy of a picture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub src: String,
    /// Its width in pixels.
    pub width: u32,
    /// Its media type (`image/avif`, `image/jpeg`).
    #[serde(rename = "type")]
    pub media_type: String,
}

/// One block of an article's body. Text is text: no block carries HTML.
///
/// Read through [`RawBlock`]: serde's own internally tagged and flattened enums buffer every
/// block in a generic tree first, which costs the app's download more than the whole block
/// model does otherwise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RawBlock")]
pub enum Block {
    Paragraph {
        text: RichText,
    },
    Heading {
        text: String,
    },
    /// A highlighted passage; `label` names it ("Chủ đề Đại hội").
    // The label first, as it is read and as the files have it.
    Quote {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        text: String,
    },
    Image {
        #[serde(flatten)]
        image: Image,
        #[serde(default)]
        caption: String,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<RichText>,
    },
    /// A block type this build does not know; skipped so newer feeds still show.
    #[serde(skip_serializing)]
    Unknown,
}

impl Block {
    /// The reader-visible text of this block.
    pub fn text_parts(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            Block::Paragraph { text } => Box::new(text.parts()),
            Block::Heading { text } => Box::new(std::iter::once(text.as_str())),
            Block::Quote { text, label } => {
                Box::new(label.as_deref().into_iter().chain([text.as_str()]))
            }
            Block::Image { caption, .. } => Box::new(std::iter::once(caption.as_str())),
            Block::List { items, .. } => Box::new(items.iter().flat_map(RichText::parts)),
            Block::Unknown => Box::new(std::iter::empty()),
        }
    }
}

/// Every field any block type has, kept as raw JSON until the `type` says what it must be: a
/// newer block type may use the same names for other things (`"width": "100%"`), and that must
/// not stop the article.
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    text: Option<Box<RawValue>>,
    label: Option<Box<RawValue>>,
    src: Option<Box<RawValue>>,
    alt: Option<Box<RawValue>>,
    width: Option<Box<RawValue>>,
    height: Option<Box<RawValue>>,
    caption: Option<Box<RawValue>>,
    variants: Option<Box<RawValue>>,
    ordered: Option<Box<RawValue>>,
    items: Option<Box<RawValue>>,
}

impl RawBlock {
    /// The field `name` as a `T`, or `None` when the block does not have it.
    fn field<T: DeserializeOwned>(
        &self,
        raw: &Option<Box<RawValue>>,
        name: &str,
    ) -> Result<Option<T>, String> {
        raw.as_ref()
            .map(|raw| serde_json::from_str(raw.get()))
            .transpose()
            .map_err(|e| format!("`{name}` in a `{}` block: {}", self.kind, json_detail(&e)))
    }

    fn required<T: DeserializeOwned>(
        &self,
        raw: &Option<Box<RawValue>>,
        name: &str,
    ) -> Result<T, String> {
        self.field(raw, name)?
            .ok_or_else(|| format!("missing field `{name}` in a `{}` block", self.kind))
    }
}

impl TryFrom<RawBlock> for Block {
    type Error = String;

    fn try_from(raw: RawBlock) -> Result<Self, String> {
        Ok(match raw.kind.as_str() {
            "paragraph" => Block::Paragraph {
                text: raw.required(&raw.text, "text")?,
            },
            "heading" => Block::Heading {
                text: raw.required::<RichText>(&raw.text, "text")?.into_plain()?,
            },
            "quote" => Block::Quote {
                text: raw.required::<RichText>(&raw.text, "text")?.into_plain()?,
                label: raw.field(&raw.label, "label")?,
            },
            "image" => Block::Image {
                image: Image {
                    src: raw.required(&raw.src, "src")?,
                    alt: raw.field(&raw.alt, "alt")?.unwrap_or_default(),
                    width: raw
                        .field(&raw.width, "width")?
                        .unwrap_or_else(default_width),
                    height: raw
                        .field(&raw.height, "height")?
                        .unwrap_or_else(default_height),
                    variants: raw.field(&raw.variants, "variants")?.unwrap_or_default(),
                },
                caption: raw.field(&raw.caption, "caption")?.unwrap_or_default(),
            },
            "list" => Block::List {
                ordered: raw.field(&raw.ordered, "ordered")?.unwrap_or_default(),
                items: raw.required(&raw.items, "items")?,
            },
            _ => Block::Unknown,
        })
    }
}

/// Text that may carry links: a plain string, or a list of runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RichText {
    Plain(String),
    Runs(Vec<Inline>),
}

impl<'de> Deserialize<'de> for RichText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RichText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a list of text runs")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<RichText, E> {
                Ok(RichText::Plain(text.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<RichText, E> {
                Ok(RichText::Plain(text))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RichText, A::Error> {
                let mut runs = Vec::new();
                while let Some(run) = seq.next_element()? {
                    runs.push(run);
                }
                Ok(RichText::Runs(runs))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl RichText {
    /// The text of a block that carries no links (a heading, a quote).
    fn into_plain(self) -> Result<String, String> {
        match self {
            RichText::Plain(text) => Ok(text),
            RichText::Runs(_) => Err("this block's `text` must be a plain string".into()),
        }
    }

    /// The text of each run, links included.
    pub fn parts(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            RichText::Plain(text) => Box::new(std::iter::once(text.as_str())),
            RichText::Runs(runs) => Box::new(runs.iter().map(|run| match run {
                Inline::Text(text) => text.as_str(),
                Inline::Link { text, .. } | Inline::Emphasis { text, .. } => text.as_str(),
            })),
        }
    }
}

/// One run of [`RichText`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Inline {
    Text(String),
    Link {
        text: String,
        href: String,
    },
    /// Stressed text (`<em>`), or text of strong importance (`<strong>`).
    Emphasis {
        text: String,
        emphasis: Emphasis,
    },
}

/// How a run of [`Inline::Emphasis`] is stressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Emphasis {
    Em,
    Strong,
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Run {
            text: String,
            href: Option<String>,
            emphasis: Option<String>,
        }
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Inline;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, a link with `text` and `href`, or `text` with `emphasis`")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Inline, E> {
                Ok(Inline::Text(text.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Inline, E> {
                Ok(Inline::Text(text))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Inline, A::Error> {
                let Run {
                    text,
                    href,
                    emphasis,
                } = Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                // A stress this build does not know still shows its words.
                Ok(match (href, emphasis.as_deref()) {
                    (Some(href), _) => Inline::Link { text, href },
                    (None, Some("em")) => Inline::Emphasis {
                        text,
                        emphasis: Emphasis::Em,
                    },
                    (None, Some("strong")) => Inline::Emphasis {
                        text,
                        emphasis: Emphasis::Strong,
                    },
                    (None, Some(_)) => Inline::Text(text),
                    (None, None) => return Err(serde::de::Error::missing_field("href")),
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// What serde_json says is wrong, without the " at line L column C" it appends: every message
/// that quotes it gives the position its own way, or the block's outer position holds.
pub fn json_detail(error: &serde_json::Error) -> String {
    let detail = error.to_string();
    match detail.split_once(" at line ") {
        Some((what, _)) => what.to_string(),
        None => detail,
    }
}

/// Where a link inside content may go: `http(s)` and site-relative targets only. Anything else
/// (`javascript:`, `data:`, protocol-relative `//host`) is shown as plain text.
pub fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    // No real address holds a control character or a character reference: they are there to
    // hide a scheme from a filter like this one.
    if href.chars().any(char::is_control) || lower.contains("&#") || lower.contains("&colon") {
        return None;
    }
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Some(href);
    }
    if href.starts_with("//") || href.starts_with("\\") {
        return None;
    }
    let scheme_end = href.find([':', '/', '?', '#']);
    match scheme_end {
        // A colon before any path character means a scheme we do not follow.
        Some(i) if href.as_bytes()[i] == b':' => None,
        _ if href.is_empty() => None,
        _ => Some(href),
    }
}

/// A manifest for tests: these section slugs (titled by their slugs), Hanoi time.
#[cfg(any(test, feature = "ssr"))]
#[doc(hidden)]
pub fn test_manifest(sections: &[&str], page_size: u32) -> Manifest {
    Manifest {
        format: FORMAT_VERSION,
        name: "Cổng".into(),
        short_name: None,
        description: String::new(),
        language: "vi".into(),
        translations: Vec::new(),
        timezone: UtcOffset::from_minutes(420),
        sections: sections
            .iter()
            .map(|slug| Section {
                slug: (*slug).into(),
                title: (*slug).into(),
                description: String::new(),
            })
            .collect(),
        page_size,
        feed_size: default_feed_size(),
        max_image_bytes: default_max_image_bytes(),
        views: ViewSettings::default(),
        demo: false,
        url: None,
    }
}

fn default_language() -> String {
    crate::strings::DEFAULT.code.to_string()
}

fn default_page_size() -> u32 {
    10
}
fn default_feed_size() -> u32 {
    20
}
fn default_max_image_bytes() -> u64 {
    8 << 20
}
fn default_window_minutes() -> u32 {
    30
}
fn default_max_entries() -> usize {
    500
}
fn default_width() -> u32 {
    800
}
fn default_height() -> u32 {
    450
}
fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real feeds omit optional fields and add their own: neither may stop the page.
    #[test]
    fn takes_defaults_for_missing_optional_fields_and_ignores_unknown_ones() {
        let json = r#"{"slug":"a","section":"s","title":"T","published":"2020-07-19T18:40:00+07:00",
            "body":[{"type":"paragraph","text":"x","style":"bold"},{"type":"video","src":"v.mp4"}],
            "comments": 12}"#;
        let article: Article = serde_json::from_str(json).unwrap();
        assert_eq!(article.views, 0);
        assert_eq!(article.lead, "");
        assert_eq!(article.body.len(), 2);
        assert_eq!(article.body[1], Block::Unknown);
    }

    #[test]
    fn rejects_missing_required_fields_naming_them() {
        let err = serde_json::from_str::<Article>(r#"{"slug":"a","section":"s"}"#).unwrap_err();
        assert!(err.to_string().contains("title"), "{err}");
    }

    #[test]
    fn rejects_wrong_types_with_the_position() {
        let json = "{\"slug\":\"a\",\"section\":\"s\",\"title\":\"T\",\n\"published\":\"2020-07-19T18:40:00Z\",\"views\":\"many\"}";
        let err = serde_json::from_str::<Article>(json).unwrap_err();
        assert_eq!(err.line(), 2);
        assert!(err.to_string().contains("invalid type"), "{err}");
    }

    #[test]
    fn reads_rich_text_as_a_string_or_runs() {
        let json =
            r#"[{"type":"paragraph","text":["Xem ",{"text":"trang","href":"https://a.vn"}]}]"#;
        let body: Vec<Block> = serde_json::from_str(json).unwrap();
        let Block::Paragraph {
            text: RichText::Runs(runs),
        } = &body[0]
        else {
            panic!("expected runs, got {body:?}");
        };
        assert_eq!(
            runs[1],
            Inline::Link {
                text: "trang".into(),
                href: "https://a.vn".into()
            }
        );
    }

    #[test]
    fn reads_stressed_runs_and_shows_an_unknown_stress_as_text() {
        let json = r#"["a", {"text":"b","emphasis":"em"}, {"text":"c","emphasis":"strong"}, {"text":"d","emphasis":"underline"}]"#;
        let text: RichText = serde_json::from_str(json).unwrap();
        let em = |t: &str, emphasis| Inline::Emphasis {
            text: t.into(),
            emphasis,
        };
        assert_eq!(
            text,
            RichText::Runs(vec![
                Inline::Text("a".into()),
                em("b", Emphasis::Em),
                em("c", Emphasis::Strong),
                Inline::Text("d".into()),
            ])
        );
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#"["a",{"text":"b","emphasis":"em"},{"text":"c","emphasis":"strong"},"d"]"#
        );
        let bare = serde_json::from_str::<RichText>(r#"[{"text":"x"}]"#).unwrap_err();
        assert!(bare.to_string().contains("missing field `href`"), "{bare}");
    }

    #[test]
    fn names_what_a_block_lacks_and_keeps_the_position() {
        let json = "[{\"type\":\"paragraph\",\"text\":\"a\"},\n{\"type\":\"image\",\"alt\":\"x\"}]";
        let err = serde_json::from_str::<Vec<Block>>(json).unwrap_err();
        assert!(
            err.to_string()
                .contains("missing field `src` in a `image` block"),
            "{err}"
        );
        assert_eq!(err.line(), 2);
        let json = r#"[{"type":"heading","text":["a",{"text":"b","href":"/c"}]}]"#;
        let err = serde_json::from_str::<Vec<Block>>(json).unwrap_err();
        assert!(err.to_string().contains("must be a plain string"), "{err}");
        let json = r#"[{"type":"paragraph","text":["a",{"text":"b"}]}]"#;
        let err = serde_json::from_str::<Vec<Block>>(json).unwrap_err();
        assert!(err.to_string().contains("href"), "{err}");
        let json = r#"[{"type":"paragraph","text":42}]"#;
        let err = serde_json::from_str::<Vec<Block>>(json).unwrap_err();
        assert!(
            err.to_string().contains("a string or a list of text runs"),
            "{err}"
        );
    }

    // A newer block type may give a known field another shape; only that block is skipped.
    #[test]
    fn skips_newer_block_types_whatever_their_fields_hold() {
        let json = r#"[{"type":"gallery","items":[{"src":"a.jpg"}],"text":{"x":1}},
            {"type":"embed","width":"100%","ordered":"yes","src":7},
            {"type":"paragraph","text":"vẫn hiện"}]"#;
        let body: Vec<Block> = serde_json::from_str(json).unwrap();
        assert_eq!(body[..2], [Block::Unknown, Block::Unknown]);
        assert_eq!(
            body[2],
            Block::Paragraph {
                text: RichText::Plain("vẫn hiện".into())
            }
        );
        let json = r#"[{"type":"image","src":"a.jpg","width":"100%"}]"#;
        let err = serde_json::from_str::<Vec<Block>>(json).unwrap_err();
        assert!(
            err.to_string()
                .contains("`width` in a `image` block: invalid type"),
            "{err}"
        );
    }

    #[test]
    fn writes_blocks_in_the_format_it_reads() {
        let body = vec![
            Block::Heading { text: "H".into() },
            Block::Image {
                image: Image {
                    src: "media/a.svg".into(),
                    alt: "A".into(),
                    width: 10,
                    height: 5,
                    variants: vec![Variant {
                        src: "media/_v/a-480.avif".into(),
                        width: 480,
                        media_type: "image/avif".into(),
                    }],
                },
                caption: "C".into(),
            },
            Block::List {
                ordered: true,
                items: vec![RichText::Runs(vec![
                    Inline::Text("x ".into()),
                    Inline::Link {
                        text: "y".into(),
                        href: "/z".into(),
                    },
                ])],
            },
        ];
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), body);
    }

    #[test]
    fn follows_only_http_and_site_relative_links() {
        for ok in [
            "https://a.vn/x",
            "HTTP://a.vn",
            "/tin/x",
            "chinh-tri/bai",
            "?trang=2",
            "#muc",
        ] {
            assert!(safe_href(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "javascript&#58;alert(1)",
            "&#106;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java\tscript:x",
            "/tin/\u{1}x",
            "//evil.example/x",
            "\\\\evil",
            "mailto:a@b.vn",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_characters_that_reorder_text() {
        assert!(has_bidi_control("Tin \u{202E}gnóm"));
        assert!(has_bidi_control("\u{2067}x"));
        assert!(!has_bidi_control("Đại hội \u{200F}"));
    }

    #[test]
    fn counts_words_in_everything_a_reader_reads() {
        let article = Article {
            slug: "a".into(),
            section: "s".into(),
            title: "Ba từ đây".into(),
            published: Timestamp::from_unix(0),
            updated: None,
            author: None,
            source: None,
            views: 0,
            lead: "Hai từ".into(),
            body: vec![
                Block::Paragraph {
                    text: RichText::Plain("một hai ba bốn".into()),
                },
                Block::Quote {
                    text: "năm".into(),
                    label: Some("nhãn".into()),
                },
                Block::Unknown,
            ],
            thumbnail: None,
            sample: false,
            translations: Vec::new(),
            tags: Vec::new(),
        };
        assert_eq!(article.word_count(), 3 + 2 + 4 + 2);
    }
}
