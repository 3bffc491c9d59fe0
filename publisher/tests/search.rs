//! Search over the committed sample content: the index the publisher writes, read the way the
//! app reads it (only the files a query names), gives the expected first results.

use std::collections::BTreeMap;
use std::path::Path;
use tintuc::content::{Article, Block, RichText};
use tintuc::search::{files, rank, DocumentsFile, IndexHead, Query, TermsFile};
use tintuc_publisher::catalog::disk;
use tintuc_publisher::search;

const SEED_SLUG: &str = "dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025";

fn public() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
}

/// An index in memory, read file by file as the app reads it.
struct Index(BTreeMap<String, String>);

impl Index {
    fn of(articles: &[Article]) -> Index {
        Index(search::build(articles).into_iter().collect())
    }

    fn read<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        serde_json::from_str(&self.0[path]).unwrap()
    }

    /// The slugs `text` finds, best first, reading only the terms files the query names.
    fn find(&self, text: &str) -> Vec<String> {
        let head: IndexHead = self.read(files::INDEX);
        let query = Query::parse(text);
        let loaded: Vec<TermsFile> = query
            .files(&head)
            .iter()
            .map(|path| self.read(path))
            .collect();
        rank(&query, &loaded.iter().collect::<Vec<_>>(), head.documents)
            .into_iter()
            .map(|doc| {
                let list: DocumentsFile =
                    self.read(&head.documents_path(head.documents_file(doc)).unwrap());
                list[(doc % head.documents_per_file) as usize].clone()
            })
            .collect()
    }
}

fn sample() -> (Vec<Article>, Index) {
    let (_, articles) = disk::read_sources(public()).unwrap();
    let index = Index::of(&articles);
    (articles, index)
}

fn article<'a>(articles: &'a [Article], slug: &str) -> &'a Article {
    articles.iter().find(|a| a.slug == slug).unwrap()
}

/// Everything an article says, title to body.
fn text_of(article: &Article) -> String {
    let mut text = format!("{} {}", article.title, article.lead);
    for block in &article.body {
        for part in block.text_parts() {
            text.push(' ');
            text.push_str(part);
        }
    }
    text
}

#[test]
fn finds_the_seed_typed_with_marks_without_them_and_by_its_number() {
    let (_, index) = sample();
    for query in [
        "dai hoi dong da",
        "Đại hội đại biểu quận Đống Đa",
        "dai hoi dai bieu quan dong da lan thu xxviii",
        "Đống Đa xxviii",
        "ĐẠI HỘI ĐẠI BIỂU",
        "nhiem ky 2020 2025",
        "\u{110}a\u{323}i ho\u{302}\u{323}i", // decomposed "Đại hội", as some keyboards send it
    ] {
        let found = index.find(query);
        assert_eq!(
            found.first().map(String::as_str),
            Some(SEED_SLUG),
            "{query}: {found:?}"
        );
    }
    assert_eq!(index.find("xxviii"), [SEED_SLUG]);
}

#[test]
fn every_word_must_match_and_the_last_may_be_half_typed() {
    let (articles, index) = sample();
    let found = index.find("cấp nước");
    assert!(!found.is_empty());
    for slug in &found {
        let text = tintuc::search::fold(&text_of(article(&articles, slug)));
        assert!(text.contains("cap") && text.contains("nuoc"), "{slug}");
    }
    // "nuo" is the beginning of "nước": the same articles, while the reader types.
    assert_eq!(index.find("cấp nuo"), found);
    assert!(index.find("cấp khongcotu").is_empty());
    assert!(index.find("?!").is_empty());
}

#[test]
fn marks_typed_rank_the_same_marks_first() {
    let (articles, index) = sample();
    // "quân" (army) and "quận" (district) fold alike; typed with its marks, "quân" comes first.
    let found = index.find("quân");
    let has_quan_army = |slug: &String| {
        let text = text_of(article(&articles, slug));
        let found = tintuc::search::words(&text).any(|w| w.exact == "quân");
        found
    };
    let with = found.iter().filter(|s| has_quan_army(s)).count();
    assert!(with > 0 && with < found.len(), "{with} of {}", found.len());
    assert!(found[..with].iter().all(has_quan_army), "{found:?}");
    // Without marks, both are the same word: every article with either.
    assert_eq!(index.find("quan").len(), found.len());
}

#[test]
fn titles_and_words_side_by_side_rank_higher_and_newer_breaks_ties() {
    let mut articles = vec![
        made("cu", 1, "Tin cũ", "lễ hội truyền thống"),
        made("moi", 2, "Tin mới", "lễ hội truyền thống"),
        made("xa", 3, "Tin xa", "truyền lễ, thống hội"),
        made("tieu-de", 0, "Lễ hội truyền thống", "bài cũ nhất"),
    ];
    let index = Index::of(&articles);
    assert_eq!(index.find("le hoi"), ["tieu-de", "moi", "cu", "xa"]);
    // An article written decomposed (NFD) is found by its composed words.
    articles.push(made("nfd", 4, "Tin NFD", "ho\u{302}\u{323}i nghi\u{323}"));
    assert_eq!(Index::of(&articles).find("hội nghị"), ["nfd"]);
}

fn made(slug: &str, hour: i64, title: &str, body: &str) -> Article {
    Article {
        slug: slug.into(),
        section: "tin-tuc-su-kien".into(),
        title: title.into(),
        published: tintuc::format::Timestamp::from_unix(1_600_000_000 + hour * 3600),
        updated: None,
        author: None,
        source: None,
        views: 0,
        lead: String::new(),
        body: vec![Block::Paragraph {
            text: RichText::Plain(body.into()),
        }],
        thumbnail: None,
        sample: true,
        translations: Vec::new(),
        tags: Vec::new(),
    }
}

#[test]
fn the_committed_indexes_are_those_the_articles_make() {
    for root in [public().to_path_buf(), public().join("en")] {
        let (_, articles) = disk::read_sources(&root).unwrap();
        assert_eq!(search::problems(&root, &articles), Vec::<String>::new());
        // One article less: `check` says the index is out of date.
        assert_eq!(search::problems(&root, &articles[1..]).len(), 1);
    }
}

#[test]
fn the_english_edition_finds_its_seed_translation() {
    let root = public().join("en");
    let (_, articles) = disk::read_sources(&root).unwrap();
    let found = Index::of(&articles).find("party congress dong da");
    assert_eq!(found[0], "dong-da-district-party-congress-xxviii-2020-2025");
}
