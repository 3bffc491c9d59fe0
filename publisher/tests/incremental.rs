//! Publishing again after an edit: the search index updated from the earlier one is exactly the
//! one built whole, reading only the articles that changed; a render with a cache renders only
//! the pages whose content changed, gives the same pages as a render without, and removes the
//! page of an article taken down.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tintuc::content::{paths, Article, Block, RichText};
use tintuc::format::Timestamp;
use tintuc::route::Route;
use tintuc::search::files;
use tintuc_publisher::catalog::disk;
use tintuc_publisher::cli::Command;
use tintuc_publisher::{incremental, render, search};

fn run(line: &[&str]) -> String {
    let args: Vec<String> = line.iter().map(|s| s.to_string()).collect();
    Command::parse(&args).unwrap().run().unwrap()
}

/// A generated, indexed tree of `per_section` articles a section, with the app shell, and an
/// empty cache folder beside it.
fn tree(name: &str, per_section: usize) -> (PathBuf, PathBuf) {
    let root =
        std::env::temp_dir().join(format!("tintuc-incremental-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("content")).unwrap();
    let public = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"));
    std::fs::copy(public.join(paths::MANIFEST), root.join(paths::MANIFEST)).unwrap();
    let shell = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html"));
    std::fs::copy(shell, root.join("404.html")).unwrap();
    let per_section = per_section.to_string();
    run(&[
        "generate",
        root.to_str().unwrap(),
        "--per-section",
        &per_section,
    ]);
    let cache = root.with_extension("cache");
    let _ = std::fs::remove_dir_all(&cache);
    (root, cache)
}

fn articles(root: &Path) -> Vec<Article> {
    disk::read_sources(root).unwrap().1
}

fn save(root: &Path, article: &Article) {
    std::fs::write(
        root.join(paths::article(&article.slug)),
        serde_json::to_string_pretty(article).unwrap(),
    )
    .unwrap();
}

/// Every file below `root/dir`, by path, with its text.
fn files_below(root: &Path, dir: &str) -> BTreeMap<String, String> {
    incremental::files_below(root, dir)
        .unwrap()
        .into_iter()
        .map(|rel| {
            let text = std::fs::read_to_string(root.join(&rel)).unwrap();
            (rel, text)
        })
        .collect()
}

/// Updates the index under `root` with the cache; asserts that it holds exactly what building
/// it whole makes, and that every file it wrote is a new one (files never change under a name);
/// returns how many articles were read again and the files that are new.
fn update_and_compare(root: &Path, cache: &Path) -> (usize, Vec<String>) {
    let articles = articles(root);
    let before = files_below(root, files::DIR);
    let written = search::write(root, &articles, Some(cache)).unwrap();
    let whole: BTreeMap<String, String> = search::build(&articles).into_iter().collect();
    let on_disk = files_below(root, files::DIR);
    assert_eq!(
        on_disk.keys().collect::<Vec<_>>(),
        whole.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (rel, text) in &whole {
        assert!(
            on_disk[rel] == *text,
            "{rel} differs from the index built whole"
        );
        if rel != files::INDEX {
            let kept = before.get(rel).is_none_or(|old| old == text);
            assert!(kept, "{rel} changed under its name");
        }
    }
    let new = on_disk.into_keys().filter(|rel| !before.contains_key(rel));
    (written.read, new.collect())
}

fn is_documents_file(rel: &str) -> bool {
    rel.starts_with(&format!("{}/d-", files::DIR))
}

#[test]
fn an_updated_search_index_is_the_index_built_whole() {
    let (root, cache) = tree("search", 25);
    let total = articles(&root).len();
    assert_eq!(
        update_and_compare(&root, &cache).0,
        total,
        "the first run reads every article"
    );
    assert_eq!(update_and_compare(&root, &cache).0, 0, "nothing changed");

    let mut all = articles(&root);
    // A title corrected, with a word no other article has.
    let edited = &mut all[3];
    edited.title = format!("{} – đính chính khẩn", edited.title);
    save(&root, edited);
    let (read, new) = update_and_compare(&root, &cache);
    assert_eq!(read, 1);
    // The files of the title's words, and the index that names them: not the documents files,
    // nor the files of the words it kept.
    assert!(new.iter().all(|rel| !is_documents_file(rel)), "{new:?}");
    assert!(
        new.len() < files_below(&root, files::DIR).len() / 2,
        "{new:?}"
    );

    // A new article, the newest.
    let mut new = all[0].clone();
    new.slug = "tin-moi-nhat".into();
    new.published = Timestamp::parse("2031-01-01T08:00:00+07:00").unwrap();
    new.body = vec![Block::Paragraph {
        text: RichText::Plain("Ủy ban nhân dân quận thông báo lịch tiếp dân mới.".into()),
    }];
    save(&root, &new);
    let (read, new) = update_and_compare(&root, &cache);
    assert_eq!(read, 1);
    // Added at the end: of the documents files, only the last one is new.
    assert_eq!(new.iter().filter(|rel| is_documents_file(rel)).count(), 1);

    // An article moved to the past, unchanged in its words: read again not at all.
    let mut moved = all[5].clone();
    moved.published = Timestamp::parse("2001-01-01T08:00:00+07:00").unwrap();
    save(&root, &moved);
    assert_eq!(update_and_compare(&root, &cache).0, 0);

    // An article taken down, and the only one that had some words.
    std::fs::remove_file(root.join(paths::article(&all[3].slug))).unwrap();
    assert_eq!(update_and_compare(&root, &cache).0, 0);

    // Two files of the same article (one copied to start another): built whole, not mixed up.
    let copied = articles(&root)[7].clone();
    std::fs::write(
        root.join(paths::article("ban-sao")),
        serde_json::to_string(&copied).unwrap(),
    )
    .unwrap();
    assert_eq!(update_and_compare(&root, &cache).0, articles(&root).len());
    std::fs::remove_file(root.join(paths::article("ban-sao"))).unwrap();
    update_and_compare(&root, &cache);

    // A terms file changed behind the index's back: not trusted, built whole.
    let damaged = files_below(&root, files::DIR)
        .into_keys()
        .find(|rel| rel.contains("/w-"))
        .unwrap();
    let text = std::fs::read_to_string(root.join(&damaged)).unwrap();
    std::fs::write(root.join(&damaged), text.replacen("[", "[1,2,", 1)).unwrap();
    let written = search::write(&root, &articles(&root), Some(&cache)).unwrap();
    assert_eq!(written.read, articles(&root).len());
    let whole: BTreeMap<String, String> = search::build(&articles(&root)).into_iter().collect();
    assert!(files_below(&root, files::DIR) == whole);

    // An index the cache does not describe (written by hand, or by another run) is built whole.
    let other = root.with_extension("other-cache");
    let _ = std::fs::remove_dir_all(&other);
    assert_eq!(update_and_compare(&root, &other).0, articles(&root).len());
    std::fs::write(root.join(files::INDEX), "{}").unwrap();
    assert_eq!(update_and_compare(&root, &cache).0, articles(&root).len());
}

#[test]
fn a_render_with_a_cache_renders_only_what_changed() {
    let (root, cache) = tree("render", 4);
    let (dir, cache_dir) = (root.to_str().unwrap(), cache.to_str().unwrap());
    let said = run(&["render", dir, "/", "--cache", cache_dir]);
    let pages = render::routes(&disk::load_tree(&root).0).len();
    assert!(
        said.contains(&format!("({pages} rendered, 0 unchanged")),
        "{said}"
    );
    let said = run(&["render", dir, "/", "--cache", cache_dir]);
    assert!(
        said.contains(&format!("(0 rendered, {pages} unchanged")),
        "{said}"
    );

    // One title edited: its page and the section page listing it, and nothing else.
    let mut all = articles(&root);
    all.sort_by_key(|a| a.published);
    let (mut edited, gone) = (all[0].clone(), all[1].clone());
    edited.title = "Tiêu đề đã sửa".into();
    save(&root, &edited);
    std::fs::remove_file(root.join(paths::article(&gone.slug))).unwrap();
    run(&["index", dir]);
    let said = run(&["render", dir, "/", "--cache", cache_dir]);
    let page_of = |a: &Article| root.join(Route::article(&a.section, &a.slug).file().unwrap());
    let gone_page = page_of(&gone);
    assert!(
        !gone_page.exists(),
        "the page of an article taken down is removed"
    );
    assert!(
        said.contains("1 pages of articles no longer published removed"),
        "{said}"
    );
    let edited_page = page_of(&edited);
    assert!(std::fs::read_to_string(&edited_page)
        .unwrap()
        .contains("Tiêu đề đã sửa"));

    // The same pages as a render without the cache, into a release folder made anew.
    let cached = files_below(&root, &edited.section);
    let fresh = root.with_extension("fresh");
    let _ = std::fs::remove_dir_all(&fresh);
    std::fs::create_dir_all(&fresh).unwrap();
    std::process::Command::new("cp")
        .args([
            "-r",
            root.join("content").to_str().unwrap(),
            fresh.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    std::fs::copy(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html")),
        fresh.join("404.html"),
    )
    .unwrap();
    let from_cache = fresh.with_extension("from-cache");
    let _ = std::fs::remove_dir_all(&from_cache);
    std::process::Command::new("cp")
        .args(["-r", fresh.to_str().unwrap(), from_cache.to_str().unwrap()])
        .status()
        .unwrap();
    run(&["render", fresh.to_str().unwrap(), "/"]);
    // A release folder made anew (as trunk makes it for each build): every page from the cache.
    let said = run(&[
        "render",
        from_cache.to_str().unwrap(),
        "/",
        "--cache",
        cache_dir,
    ]);
    assert!(said.contains("(0 rendered"), "{said}");
    assert_eq!(files_below(&fresh, &edited.section), cached);
    assert_eq!(files_below(&from_cache, &edited.section), cached);

    // A damaged ledger naming a file outside the release folder: that file stays.
    let outside = root.with_extension("outside.html");
    std::fs::write(&outside, "không phải của bản dựng").unwrap();
    let (bytes, modified) = incremental::stamp(&outside).unwrap();
    let name = outside.file_name().unwrap().to_str().unwrap();
    let ledger = cache.join("pages.tsv");
    let mut text = std::fs::read_to_string(&ledger).unwrap();
    text.push_str(&format!("../{name}\tkhoa\t{bytes}\t{modified}\n"));
    std::fs::write(&ledger, text).unwrap();
    run(&["render", dir, "/", "--cache", cache_dir]);
    assert!(outside.exists());

    // A page changed behind the cache's back is not taken for the one it rendered.
    std::fs::write(&edited_page, "damaged").unwrap();
    run(&["render", dir, "/", "--cache", cache_dir]);
    assert_eq!(files_below(&root, &edited.section), cached);
}

/// A PNG header of `width` × `height`: all the tool reads of a picture to convert an article.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(width.to_be_bytes());
    png.extend(height.to_be_bytes());
    png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    png
}

#[test]
fn markdown_is_converted_again_only_when_it_or_what_it_shows_changed() {
    let (root, cache) = tree("markdown", 3);
    let (dir, cache_dir) = (root.to_str().unwrap(), cache.to_str().unwrap());
    for article in articles(&root) {
        std::fs::remove_file(root.join(paths::article(&article.slug))).unwrap();
        let text = tintuc_publisher::markdown::to_markdown(&article, false);
        let path = root.join(format!("content/articles/{}.md", article.slug));
        std::fs::write(path, text).unwrap();
    }
    std::fs::create_dir_all(root.join("media")).unwrap();
    std::fs::write(root.join("media/anh.png"), png(1200, 800)).unwrap();
    let pictured = root.join("content/articles/co-anh.md");
    std::fs::write(
        &pictured,
        "---\ntitle: Có ảnh\nsection: kinh-te\npublished: 2020-07-19T08:00:00+07:00\n---\n\n\
         ![Quang cảnh](media/anh.png)\n",
    )
    .unwrap();
    let total = articles_in_markdown(&root);

    let said = run(&["index", dir, "--cache", cache_dir]);
    assert!(
        said.contains(&format!("({total} from Markdown written)")),
        "{said}"
    );
    let said = run(&["index", dir, "--cache", cache_dir]);
    let all_known = format!("0 from Markdown written, {total} known unchanged");
    assert!(said.contains(&all_known), "{said}");

    // The Markdown edited: that article alone.
    let edited = std::fs::read_dir(root.join("content/articles"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "md") && *p != pictured)
        .unwrap();
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text.replacen("title: ", "title: Đã sửa – ", 1)).unwrap();
    let said = run(&["index", dir, "--cache", cache_dir]);
    let one = format!("1 from Markdown written, {} known unchanged", total - 1);
    assert!(said.contains(&one), "{said}");

    // Its JSON changed by hand: made again from the Markdown.
    let json = edited.with_extension("json");
    std::fs::write(&json, "{}").unwrap();
    let said = run(&["index", dir, "--cache", cache_dir]);
    assert!(said.contains(&one), "{said}");
    let article: Article = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert!(article.title.starts_with("Đã sửa – "));

    // The picture replaced by one of another size: the article showing it, with its new size.
    std::fs::write(root.join("media/anh.png"), png(1600, 900)).unwrap();
    let said = run(&["index", dir, "--cache", cache_dir]);
    assert!(said.contains(&one), "{said}");
    let article: Article =
        serde_json::from_slice(&std::fs::read(pictured.with_extension("json")).unwrap()).unwrap();
    let Block::Image { image, .. } = &article.body[0] else {
        panic!("{article:?}")
    };
    assert_eq!((image.width, image.height), (1600, 900));

    // Made a draft: converted, and its JSON taken out.
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text.replacen("title: ", "draft: true\ntitle: ", 1)).unwrap();
    let said = run(&["index", dir, "--cache", cache_dir]);
    assert!(said.contains("1 drafts or scheduled left out"), "{said}");
    assert!(!json.exists());
    // In a preview, written; in the release after it, taken out again, though the cache knows it.
    let said = run(&["index", dir, "--preview", "--cache", cache_dir]);
    assert!(said.contains("(1 from Markdown written"), "{said}");
    assert!(json.exists());
    run(&["index", dir, "--preview", "--cache", cache_dir]);
    assert!(json.exists());
    let said = run(&["index", dir, "--cache", cache_dir]);
    assert!(said.contains("1 drafts or scheduled left out"), "{said}");
    assert!(!json.exists());

    // No notes (or another version of the tool's): everything converted and read.
    std::fs::remove_dir_all(&cache).unwrap();
    let said = run(&["index", dir, "--cache", cache_dir]);
    assert!(!said.contains("known unchanged"), "{said}");
    let read = format!("search index: {} of them read", total - 1);
    assert!(said.contains(&read), "{said}");
}

fn articles_in_markdown(root: &Path) -> usize {
    std::fs::read_dir(root.join("content/articles"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count()
}
