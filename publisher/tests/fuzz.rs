//! Fuzz targets for what the publisher's tool reads: content files from disk as bytes (the
//! size, encoding and field checks of `disk::decode`), and whole trees that contradict
//! themselves, which `check` must report without panicking or walking what a file only claims.
//! The runner is the app's (`tests/support/fuzz.rs`): `make test` runs a bounded number of
//! cases, `make fuzz` each target for its share of the time.

#[path = "../../tests/support/fuzz.rs"]
mod support;

use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;
use support::{apply, edit, fuzz, json_value};
use tintuc::content::{Article, HomeIndex, Manifest, SectionPage};
use tintuc::format::Timestamp;
use tintuc_publisher::catalog::{check, disk, Tree};

fn public() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
}

/// The committed sample tree, read once.
fn sample() -> &'static (Manifest, Vec<Article>) {
    static SAMPLE: OnceLock<(Manifest, Vec<Article>)> = OnceLock::new();
    SAMPLE.get_or_init(|| disk::read_sources(public()).expect("the sample tree reads"))
}

/// `bytes` decoded as each kind of content file: no panic, and an error says where or what.
fn decode_all(bytes: &[u8]) -> Result<bool, proptest::test_runner::TestCaseError> {
    let results = [
        disk::decode::<Article>(bytes).err(),
        disk::decode::<Manifest>(bytes).err(),
        disk::decode::<SectionPage>(bytes).err(),
        disk::decode::<HomeIndex>(bytes).err(),
    ];
    for error in results.iter().flatten() {
        prop_assert!(
            error.starts_with("line ") || error.starts_with("is ") || error.starts_with("starts "),
            "{}",
            error
        );
    }
    Ok(results.iter().any(Option::is_none))
}

#[test]
fn files_as_bytes_from_disk() {
    let seed = std::fs::read(public().join(
        "content/articles/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025.json",
    ))
    .unwrap();
    let site = std::fs::read(public().join("content/site.json")).unwrap();
    fuzz(
        "publisher: files as bytes",
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..256),
            json_value().prop_map(|v| v.to_string().into_bytes()),
            (prop::bool::ANY, prop::collection::vec(edit(), 1..8)).prop_map(
                move |(which, edits)| {
                    apply(if which { seed.clone() } else { site.clone() }, &edits)
                }
            ),
        ],
        |bytes| decode_all(&bytes),
    );
}

/// One way a tree can contradict itself, made from the sample's own articles so that every
/// change reaches `check` (random JSON would rarely decode as an article at all).
#[derive(Clone, Debug)]
enum Change {
    /// A section page at any number, claiming any page count and total, listing any of the
    /// sample's articles (repeated, of other sections, in any order).
    Page {
        section: usize,
        page: u32,
        pages: u32,
        total: u32,
        listed: Vec<usize>,
    },
    /// A first page that claims this many pages.
    Claims(usize, u32),
    /// A copy of a sample article with another file name, slug, section, title or time.
    Article {
        of: usize,
        file: String,
        slug: Option<String>,
        section: Option<String>,
        title: Option<String>,
        published: Option<i64>,
    },
    /// An article dropped, so that the pages list one with no file.
    Drop(usize),
    PageSize(u32),
    /// A section's slug changed, or listed twice.
    Section(usize, String),
}

fn change() -> impl Strategy<Value = Change> {
    let name = "[a-z0-9.%-]{1,12}";
    let title = prop_oneof![Just(String::new()), ".{0,20}", "x{290,310}"];
    prop_oneof![
        (
            0..8usize,
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            prop::collection::vec(any::<usize>(), 0..12)
        )
            .prop_map(|(section, page, pages, total, listed)| Change::Page {
                section,
                page: page % 6,
                pages: if pages % 3 == 0 { pages } else { pages % 6 },
                total,
                listed
            }),
        (0..8usize, any::<u32>()).prop_map(|(s, n)| Change::Claims(s, n)),
        (
            any::<usize>(),
            name,
            prop::option::of(name),
            prop::option::of("[a-z-]{0,10}"),
            prop::option::of(title),
            prop::option::of(any::<i64>().prop_map(|t| t % 10_000_000_000)),
        )
            .prop_map(
                |(of, file, slug, section, title, published)| Change::Article {
                    of,
                    file,
                    slug,
                    section,
                    title,
                    published
                }
            ),
        any::<usize>().prop_map(Change::Drop),
        any::<u32>().prop_map(|n| Change::PageSize(n % 12)),
        (0..8usize, "[a-z-]{0,8}").prop_map(|(s, slug)| Change::Section(s, slug)),
    ]
}

#[test]
fn trees_that_contradict_themselves() {
    fuzz(
        "publisher: contradicting trees",
        prop::collection::vec(change(), 1..6),
        |changes| {
            let (manifest, articles) = sample();
            let mut manifest = manifest.clone();
            let articles = articles.clone();
            for change in &changes {
                match change {
                    Change::PageSize(n) => manifest.page_size = *n,
                    Change::Section(i, slug) => {
                        let i = i % manifest.sections.len();
                        manifest.sections[i].slug = slug.clone();
                    }
                    _ => {}
                }
            }
            let mut tree = Tree::indexed(manifest.clone(), articles.clone());
            let sections: Vec<String> = manifest.sections.iter().map(|s| s.slug.clone()).collect();
            for change in &changes {
                match change {
                    Change::Page {
                        section,
                        page,
                        pages,
                        total,
                        listed,
                    } => {
                        let section = sections[section % sections.len()].clone();
                        let articles = listed
                            .iter()
                            .map(|i| articles[i % articles.len()].summary())
                            .collect();
                        let file = SectionPage {
                            section: section.clone(),
                            page: *page,
                            pages: *pages,
                            total: *total,
                            articles,
                        };
                        tree.pages.insert((section, *page), file);
                    }
                    Change::Claims(i, n) => {
                        let key = (sections[i % sections.len()].clone(), 1);
                        if let Some(first) = tree.pages.get_mut(&key) {
                            first.pages = *n;
                        }
                    }
                    Change::Article {
                        of,
                        file,
                        slug,
                        section,
                        title,
                        published,
                    } => {
                        let mut article = articles[of % articles.len()].clone();
                        article.slug = slug.clone().unwrap_or_else(|| file.clone());
                        if let Some(section) = section {
                            article.section = section.clone();
                        }
                        if let Some(title) = title {
                            article.title = title.clone();
                        }
                        if let Some(at) = published {
                            article.published = Timestamp::from_unix(*at);
                        }
                        tree.articles.insert(file.clone(), article);
                    }
                    Change::Drop(i) => {
                        let key = tree
                            .articles
                            .keys()
                            .nth(i % tree.articles.len().max(1))
                            .cloned();
                        if let Some(key) = key {
                            tree.articles.remove(&key);
                        }
                    }
                    _ => {}
                }
            }
            let problems = check(&tree);
            Ok(problems.is_empty())
        },
    );
}
