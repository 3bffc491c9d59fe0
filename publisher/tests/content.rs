//! The committed content: every file parses, the tree holds together, and the seed article
//! says what the page it was taken from said.

use std::path::Path;
use tintuc::content::{paths, Block};
use tintuc::route::Route;
use tintuc::site::Site;
use tintuc_publisher::catalog::{build_indexes, check, disk, IndexFile};

const SEED_SLUG: &str = "dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025";

fn public() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
}

/// The English edition of the sample site, published under `en/`.
fn english() -> std::path::PathBuf {
    public().join("en")
}

#[test]
fn every_committed_content_file_parses_and_the_tree_is_consistent() {
    for root in [public().to_path_buf(), english()] {
        let (tree, mut problems) = disk::load_tree(&root);
        problems.extend(check(&tree));
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(
            tree.articles.len() > 15,
            "{}: articles enough to page through",
            root.display()
        );
    }
}

// Every translation the two editions name is there, in the other edition, and names this one
// back: a reader following one never lands on "not found", and search engines see both sides.
#[test]
fn translations_between_the_editions_lead_to_each_other() {
    let (vi, _) = disk::load_tree(public());
    let (en, _) = disk::load_tree(&english());
    let vi_site = Site::new(vi.manifest.clone().unwrap(), "/");
    let en_site = Site::new(en.manifest.clone().unwrap(), "/en/");
    assert_eq!(en_site.strings().code, "en");
    let mut pairs = 0;
    for (from, from_tree, to, to_tree) in [
        (&vi_site, &vi, &en_site, &en),
        (&en_site, &en, &vi_site, &vi),
    ] {
        for article in from_tree.articles.values() {
            for translation in &article.translations {
                assert_eq!(translation.language, to.manifest().language);
                let href = from.translation_href(translation).unwrap();
                let Route::Article { section, slug } = to.route(&href) else {
                    panic!(
                        "{}: {href} is no article of the other edition",
                        article.slug
                    );
                };
                let other = &to_tree.articles[&slug];
                assert_eq!(other.section, section);
                let back: Vec<_> = other
                    .translations
                    .iter()
                    .filter_map(|t| to.translation_href(t))
                    .collect();
                let own = from.article_href(&article.section, &article.slug).unwrap();
                assert_eq!(back, [own], "{slug} does not name {} back", article.slug);
                pairs += 1;
            }
        }
        // The home pages link each other's editions too.
        let editions: Vec<_> = from
            .manifest()
            .translations
            .iter()
            .filter_map(|t| from.translation_href(t))
            .collect();
        assert_eq!(editions, [to.home_href()]);
    }
    assert_eq!(pairs, 2, "the seed and its English translation, both ways");
}

// The committed indexes are what `tintuc-content index` makes of the articles: nobody edited them
// by hand or forgot to rebuild them.
#[test]
fn committed_indexes_are_up_to_date() {
    for root in [public().to_path_buf(), english()] {
        committed_indexes_are_up_to_date_in(&root);
    }
}

fn committed_indexes_are_up_to_date_in(public: &Path) {
    let (manifest, articles) = disk::read_sources(public).expect("sources parse");
    for (rel, file) in build_indexes(&manifest, &articles) {
        let committed = std::fs::read_to_string(public.join(&rel)).unwrap_or_default();
        assert_eq!(
            committed,
            file.to_json(),
            "{rel} is stale: run `make content`"
        );
        if let IndexFile::Section(page) = file {
            assert!(page.articles.len() <= manifest.page_size as usize);
        }
    }
}

#[test]
fn the_sample_site_has_six_sections_of_three_pages_or_more() {
    let (tree, _) = disk::load_tree(public());
    let manifest = tree.manifest.expect("manifest");
    assert!(manifest.demo, "the sample site says it is a demonstration");
    assert!(manifest.sections.len() >= 6);
    for section in &manifest.sections {
        let first = &tree.pages[&(section.slug.clone(), 1)];
        assert!(
            first.pages >= 3,
            "{} has {} pages",
            section.slug,
            first.pages
        );
    }
    let unmarked: Vec<_> = tree
        .articles
        .values()
        .filter(|a| !a.sample)
        .map(|a| a.slug.as_str())
        .collect();
    assert_eq!(
        unmarked,
        [SEED_SLUG],
        "every article but the seed is marked as sample content"
    );
}

/// The seed page's text, as it was taken, split into paragraphs.
fn seed_paragraphs() -> Vec<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seed.txt"),
    )
    .unwrap();
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn the_seed_article_is_converted_faithfully() {
    let (tree, _) = disk::load_tree(public());
    let manifest = tree.manifest.as_ref().unwrap();
    let article = &tree.articles[SEED_SLUG];
    let seed = seed_paragraphs();

    assert_eq!(
        manifest.section(&article.section).unwrap().title,
        "Tin tức sự kiện"
    );
    assert_eq!(seed[1].lines().next().unwrap(), article.title);
    assert_eq!(
        tintuc::site::Site::new(manifest.clone(), "/").date_time(article.published),
        "19/07/2020 | 18:40"
    );
    assert_eq!(article.published.to_string(), "2020-07-19T18:40:00+07:00");
    assert_eq!(article.views, 174);
    assert_eq!(article.lead, seed[2]);

    // Every later paragraph, in order; the theme line as a quote; images where the `?` runs were.
    let mut expected = seed[3..].iter();
    for block in &article.body {
        let source = expected
            .next()
            .expect("no more seed paragraphs than blocks");
        match block {
            Block::Paragraph { text } => assert_eq!(text.parts().collect::<String>(), *source),
            Block::Quote { text, label } => {
                let joined = format!("{} {text}", label.as_deref().unwrap_or_default());
                assert!(source.starts_with(joined.as_str()), "{source} vs {joined}");
            }
            Block::Image { caption, .. } => {
                assert!(
                    source.chars().all(|c| c == '?'),
                    "an image stands where the source lost one"
                );
                assert!(!caption.is_empty());
            }
            other => panic!("unexpected block {other:?}"),
        }
    }
    assert_eq!(
        expected.next(),
        None,
        "every seed paragraph is in the article"
    );
    let json = std::fs::read_to_string(public().join(paths::article(SEED_SLUG))).unwrap();
    assert!(
        !json.contains("??"),
        "no question marks from the lost images"
    );
}
