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

/// One way a tree can contradict itself.
#[derive(Clone, Debug)]
enum Change {
    /// A section page at any number, of any shape.
    Page(usize, u32, serde_json::Value),
    /// A first page that claims this many pages.
    Claims(usize, u32),
    /// An article of any shape under a file name.
    Article(String, serde_json::Value),
    PageSize(u32),
    /// A section's slug changed, or listed twice.
    Section(usize, String),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0..8usize, any::<u32>(), json_value()).prop_map(|(s, n, v)| Change::Page(s, n, v)),
        (0..8usize, any::<u32>()).prop_map(|(s, n)| Change::Claims(s, n)),
        ("[a-z0-9.%-]{1,12}", json_value()).prop_map(|(n, v)| Change::Article(n, v)),
        any::<u32>().prop_map(Change::PageSize),
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
            let mut articles = articles.clone();
            for change in &changes {
                match change {
                    Change::PageSize(n) => manifest.page_size = *n,
                    Change::Section(i, slug) => {
                        let i = i % manifest.sections.len();
                        manifest.sections[i].slug = slug.clone();
                    }
                    Change::Article(name, value) => {
                        if let Ok(mut article) = serde_json::from_value::<Article>(value.clone()) {
                            article.slug = name.clone();
                            articles.push(article);
                        }
                    }
                    _ => {}
                }
            }
            let mut tree = Tree::indexed(manifest.clone(), articles);
            let sections: Vec<String> = manifest.sections.iter().map(|s| s.slug.clone()).collect();
            for change in &changes {
                match change {
                    Change::Page(i, n, value) => {
                        if let Ok(page) = serde_json::from_value::<SectionPage>(value.clone()) {
                            tree.pages
                                .insert((sections[i % sections.len()].clone(), *n), page);
                        }
                    }
                    Change::Claims(i, n) => {
                        let key = (sections[i % sections.len()].clone(), 1);
                        if let Some(first) = tree.pages.get_mut(&key) {
                            first.pages = *n;
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
