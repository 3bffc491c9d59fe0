//! Articles written in Markdown: the seed kept as Markdown makes its committed JSON exactly, each
//! construct maps to its block, what the format cannot hold is refused with its place, and
//! drafts and scheduled articles stay out of a release.

use std::path::{Path, PathBuf};
use tintuc::content::{Article, Block, Emphasis, Inline, RichText};
use tintuc::format::Timestamp;
use tintuc_publisher::markdown::{self, convert, publish, Converted};

const SEED_SLUG: &str = "dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025";

fn public() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../public"))
}

/// A site folder of its own under the system's temporary folder, with a 800×450 SVG and a
/// 1200×800 PNG header in `media/`.
fn site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("tintuc-markdown-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("content/articles")).unwrap();
    std::fs::create_dir_all(root.join("media")).unwrap();
    std::fs::copy(
        public().join("media/anh-khong-con.svg"),
        root.join("media/a.svg"),
    )
    .unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(1200u32.to_be_bytes());
    png.extend(800u32.to_be_bytes());
    png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::write(root.join("media/anh.png"), png).unwrap();
    std::fs::copy(
        public().join("content/site.json"),
        root.join("content/site.json"),
    )
    .unwrap();
    root
}

const FRONT: &str = "---\ntitle: \"Tin & <b>\\\"thử\\\"</b>\"\nsection: kinh-te\npublished: 2024-05-01T08:00:00+07:00\n---\n";

fn body(root: &Path, markdown: &str) -> Result<Vec<Block>, Vec<String>> {
    convert("a.md", "a", &format!("{FRONT}\n{markdown}"), root).map(|w| w.article.body)
}

/// The problems of `markdown` as a body, which must name the line and column given.
fn refused(root: &Path, markdown: &str, at: &str, says: &str) {
    let problems = body(root, markdown).expect_err(markdown);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("a.md:{at}: ")) && p.contains(says)),
        "{markdown:?} should be refused at {at} saying {says:?}: {problems:?}"
    );
}

#[test]
fn the_seed_kept_as_markdown_makes_its_committed_json_exactly() {
    let dir = public().join("content/articles");
    let markdown = std::fs::read_to_string(dir.join(format!("{SEED_SLUG}.md"))).unwrap();
    let json = std::fs::read_to_string(dir.join(format!("{SEED_SLUG}.json"))).unwrap();
    let written = convert("seed.md", SEED_SLUG, &markdown, public()).unwrap();
    assert!(!written.draft);
    let made = serde_json::to_string_pretty(&written.article).unwrap() + "\n";
    assert_eq!(made, json, "the seed's Markdown no longer makes its JSON");
    // The two lost pictures keep their placeholder, its size read from the file.
    let pictures: Vec<_> = written
        .article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Image { image, caption } => Some((image, caption)),
            _ => None,
        })
        .collect();
    assert_eq!(pictures.len(), 2);
    for (image, caption) in pictures {
        assert_eq!(
            (image.src.as_str(), image.width, image.height),
            ("media/anh-khong-con.svg", 800, 450)
        );
        assert!(caption.contains("đã bị mất"));
    }
    // And `check` agrees.
    let problems = markdown::problems(public(), markdown::now());
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn each_construct_maps_to_its_block() {
    let root = site("blocks");
    let blocks = body(
        &root,
        "Một đoạn *nhấn* và **đậm**, với [liên kết](https://hanoi.gov.vn) và\nmột dòng nối.\n\n\
         ## Tiêu đề nhỏ\n\n\
         > **Chủ đề:**\n>\n> ĐOÀN KẾT\n\n\
         > Chỉ có lời trích.\n\n\
         - một\n- [hai](/kinh-te/x)\n\n\
         1. thứ nhất\n2. thứ hai\n\n\
         ![Quang cảnh](media/anh.png \"Chú thích & \\\"ngoặc\\\"\")\n\n\
         Ký tự \\*sao\\* và &amp; &lt;b&gt; là chữ.\n",
    )
    .unwrap();
    let text = |s: &str| Inline::Text(s.into());
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph {
                text: RichText::Runs(vec![
                    text("Một đoạn "),
                    Inline::Emphasis {
                        text: "nhấn".into(),
                        emphasis: Emphasis::Em
                    },
                    text(" và "),
                    Inline::Emphasis {
                        text: "đậm".into(),
                        emphasis: Emphasis::Strong
                    },
                    text(", với "),
                    Inline::Link {
                        text: "liên kết".into(),
                        href: "https://hanoi.gov.vn".into()
                    },
                    text(" và một dòng nối."),
                ])
            },
            Block::Heading {
                text: "Tiêu đề nhỏ".into()
            },
            Block::Quote {
                label: Some("Chủ đề:".into()),
                text: "ĐOÀN KẾT".into()
            },
            Block::Quote {
                label: None,
                text: "Chỉ có lời trích.".into()
            },
            Block::List {
                ordered: false,
                items: vec![
                    RichText::Plain("một".into()),
                    RichText::Runs(vec![Inline::Link {
                        text: "hai".into(),
                        href: "/kinh-te/x".into()
                    }]),
                ]
            },
            Block::List {
                ordered: true,
                items: vec![
                    RichText::Plain("thứ nhất".into()),
                    RichText::Plain("thứ hai".into())
                ]
            },
            Block::Image {
                image: tintuc::content::Image {
                    src: "media/anh.png".into(),
                    alt: "Quang cảnh".into(),
                    width: 1200,
                    height: 800,
                    variants: Vec::new(),
                },
                caption: "Chú thích & \"ngoặc\"".into()
            },
            Block::Paragraph {
                text: RichText::Plain("Ký tự *sao* và & <b> là chữ.".into())
            },
        ]
    );
}

#[test]
fn what_the_format_cannot_hold_is_refused_with_its_place() {
    let root = site("refused");
    // The body starts on line 7: the front matter is lines 1 to 5, then an empty line.
    refused(&root, "<div>bảng</div>\n", "7:1", "raw HTML");
    refused(
        &root,
        "Chữ <script>alert(1)</script> chữ.\n",
        "7:5",
        "raw HTML",
    );
    refused(
        &root,
        "Đoạn.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "9:1",
        "a table",
    );
    refused(&root, "```\nmã\n```\n", "7:1", "a code block");
    refused(&root, "Gọi `hàm()` nhé.\n", "7:5", "code");
    refused(&root, "### Cấp ba\n", "7:1", "`##`");
    refused(&root, "# Cấp một\n", "7:1", "`##`");
    refused(&root, "- một\n  - con\n", "8:3", "a list inside a list");
    refused(
        &root,
        "[bấm](javascript:alert(1))\n",
        "7:1",
        "links go to `https://`",
    );
    refused(&root, "Dòng một  \ndòng hai.\n", "7:9", "a line break");
    refused(&root, "Chữ ~~gạch~~.\n", "7:5", "struck-through");
    refused(&root, "Xem[^1].\n\n[^1]: chú thích\n", "7:4", "a footnote");
    refused(&root, "---\n", "7:1", "a thematic break");
    refused(&root, "Một đoạn\n---\n", "7:1", "underlined");
    refused(&root, "Tiêu đề\n===\n", "7:1", "underlined");
    refused(
        &root,
        "Viết cho <ban@dongda.vn>.\n",
        "7:10",
        "an e-mail address as text",
    );
    refused(
        &root,
        "Xem [trang](www.hanoi.gov.vn).\n",
        "7:5",
        "in full, `https://…`",
    );
    refused(
        &root,
        "![Ảnh](../../etc/anh.png)\n",
        "7:1",
        "leaves the site's folder",
    );
    refused(
        &root,
        "## Có [liên kết](/x)\n",
        "7:1",
        "a heading holds only plain text",
    );
    refused(
        &root,
        "> một\n>\n> hai\n>\n> ba\n",
        "7:1",
        "a quote holds one paragraph",
    );
    refused(&root, "3. ba\n4. bốn\n", "7:1", "start at 1");
    // Pictures: each problem names the picture.
    refused(
        &root,
        "![](media/anh.png)\n",
        "7:1",
        "picture `media/anh.png`: no text for readers",
    );
    refused(
        &root,
        "![Ảnh](media/khong-co.jpg)\n",
        "7:1",
        "picture `media/khong-co.jpg`: cannot be read",
    );
    refused(
        &root,
        "![Ảnh](https://x.vn/a.jpg)\n",
        "7:1",
        "keep pictures with the site",
    );
    refused(
        &root,
        "Chữ ![Ảnh](media/anh.png) chữ.\n",
        "7:1",
        "a picture inside text",
    );
    std::fs::write(root.join("media/hong.jpg"), b"not a picture").unwrap();
    refused(
        &root,
        "![Ảnh](media/hong.jpg)\n",
        "7:1",
        "width and height cannot be read",
    );
    // Every problem of a file at once, not the first alone.
    let all = body(&root, "<p>x</p>\n\n### y\n").unwrap_err();
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn the_front_matter_names_what_is_wrong_and_where() {
    let root = site("front");
    let wrong = |text: &str, says: &str| {
        let problems = convert("a.md", "a", text, &root).expect_err(text);
        assert!(
            problems.iter().any(|p| p.contains(says)),
            "{text:?}: {problems:?}"
        );
    };
    wrong("Chỉ có chữ.\n", "a.md:1:1: no front matter");
    wrong("---\ntitle: a\n", "a.md:1:1: no front matter");
    wrong(
        "---\ntitle: a\nsection: kinh-te\npublished: 2024-05-01T08:00:00+07:00\ndarft: true\n---\n",
        "a.md:5:1: unknown field `darft`",
    );
    wrong(
        "---\ntitle: a\nsection: kinh-te\npublished: hôm qua\n---\n",
        "a.md:4:",
    );
    wrong(
        "---\ntitle: a\nsection: kinh-te\n---\n",
        "missing field `published`",
    );
    wrong(
        "---\ntitle: a\nsection: kinh-te\npublished: 2024-05-01T08:00:00+07:00\nviews: nhiều\n---\n",
        "a.md:5:8",
    );
    wrong(
        "---\ntitle: \" \"\nsection: kinh-te\npublished: 2024-05-01T08:00:00+07:00\n---\n",
        "a.md:2:1: the title is empty",
    );
    wrong(
        "---\ntitle: a\nsection: kinh-te\npublished: 2024-05-01T08:00:00+07:00\nthumbnail:\n  src: media/khong.png\n---\n",
        "a.md:5:1: picture `media/khong.png`",
    );
    // Everything it can hold, and Windows line ends.
    let full = "---\r\ntitle: \"Tin & <b>\"\r\nsection: kinh-te\r\npublished: 2024-05-01T08:00:00+07:00\r\n\
                updated: 2024-05-02T09:00:00+07:00\r\nlead: Tóm tắt\r\nauthor: Minh Anh\r\n\
                source:\r\n  name: UBND quận\r\n  url: https://dongda.hanoi.gov.vn\r\nviews: 12\r\n\
                thumbnail:\r\n  src: media/anh.png\r\n  alt: ''\r\ntags: [kinh tế, \"thuế\"]\r\n\
                translations:\r\n  - language: en\r\n    href: en/economy/x\r\n---\r\n\r\nĐoạn.\r\n";
    let article = convert("a.md", "a", full, &root).unwrap().article;
    assert_eq!(article.title, "Tin & <b>");
    assert_eq!(
        article.updated,
        Timestamp::parse("2024-05-02T09:00:00+07:00")
    );
    assert_eq!(
        article.source.unwrap().url.as_deref(),
        Some("https://dongda.hanoi.gov.vn")
    );
    assert_eq!(
        article.thumbnail.map(|t| (t.width, t.height)),
        Some((1200, 800))
    );
    assert_eq!(article.tags, ["kinh tế", "thuế"]);
    assert_eq!(article.translations[0].href, "en/economy/x");
    assert_eq!(
        article.body,
        vec![Block::Paragraph {
            text: RichText::Plain("Đoạn.".into())
        }]
    );
}

fn write(root: &Path, slug: &str, front: &str) {
    let text = format!("---\ntitle: {slug}\nsection: kinh-te\n{front}---\n\nĐoạn.\n");
    std::fs::write(root.join(format!("content/articles/{slug}.md")), text).unwrap();
}

#[test]
fn drafts_and_scheduled_articles_stay_out_of_a_release_and_show_in_a_preview() {
    let root = site("drafts");
    let now = Timestamp::parse("2024-05-01T12:00:00+07:00").unwrap();
    write(&root, "da-dang", "published: 2024-05-01T08:00:00+07:00\n");
    write(
        &root,
        "ban-nhap",
        "published: 2024-05-01T08:00:00+07:00\ndraft: true\n",
    );
    write(&root, "hen-gio", "published: 2024-05-01T12:01:00+07:00\n");
    let json = |slug: &str| root.join(format!("content/articles/{slug}.json"));

    let preview = publish(&root, now, true, None).unwrap();
    assert_eq!(
        preview,
        Converted {
            written: 3,
            unchanged: 0,
            known: 0,
            held: 2
        }
    );
    assert!(json("ban-nhap").exists() && json("hen-gio").exists());
    let problems = markdown::problems(&root, now);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems
        .iter()
        .any(|p| p.contains("ban-nhap.json: left from a preview: its article is a draft")));
    assert!(problems.iter().any(|p| p.contains(
        "hen-gio.json: left from a preview: its article is scheduled for 2024-05-01T12:01:00+07:00"
    )));

    let release = publish(&root, now, false, None).unwrap();
    assert_eq!(
        release,
        Converted {
            written: 0,
            unchanged: 1,
            known: 0,
            held: 2
        }
    );
    assert!(json("da-dang").exists() && !json("ban-nhap").exists() && !json("hen-gio").exists());
    assert!(markdown::problems(&root, now).is_empty());

    // Its time come, the scheduled article is published by the next build; check says so first.
    let later = Timestamp::parse("2024-05-01T12:01:00+07:00").unwrap();
    assert!(markdown::problems(&root, later)[0].contains("hen-gio.json: missing"));
    assert_eq!(publish(&root, later, false, None).unwrap().written, 1);

    // An edit by hand to a JSON made from Markdown is found.
    std::fs::write(json("da-dang"), "{}").unwrap();
    assert!(markdown::problems(&root, later)[0].contains("is not what da-dang.md makes"));
    // A preview's JSON stays listed: renamed or deleted Markdown does not leave it published.
    publish(&root, now, true, None).unwrap();
    assert!(json("ban-nhap").exists());
    std::fs::remove_file(root.join("content/articles/ban-nhap.md")).unwrap();
    let left = markdown::problems(&root, now);
    assert!(left.iter().any(|p| p.contains("ban-nhap.json: left from a preview of a draft or scheduled article whose Markdown is gone")), "{left:?}");
    publish(&root, now, false, None).unwrap();
    assert!(!json("ban-nhap").exists() && !root.join("content/articles/.preview").exists());
    assert!(json("da-dang").exists(), "a published article stays");
    // Markdown under a name index would not read.
    std::fs::write(root.join("content/articles/khac.MD"), "---\n").unwrap();
    let odd = markdown::problems(&root, now);
    assert!(
        odd.iter().any(|p| p.contains("khac.MD: name it `.md`")),
        "{odd:?}"
    );
    std::fs::remove_file(root.join("content/articles/khac.MD")).unwrap();
    std::fs::write(json("da-dang"), "{}").unwrap();
    // A file that does not convert stops the whole run before anything is written.
    std::fs::write(
        root.join("content/articles/hong.md"),
        "không có front matter",
    )
    .unwrap();
    assert!(publish(&root, later, false, None).is_err());
    assert_eq!(std::fs::read_to_string(json("da-dang")).unwrap(), "{}");
}

#[test]
fn a_new_article_starts_as_a_draft_with_a_folded_slug() {
    let root = site("new");
    let run = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        tintuc_publisher::cli::Command::parse(&args).and_then(|c| c.run())
    };
    let dir = root.to_str().unwrap();
    let said = run(&[
        "new",
        "kinh-te",
        "Đường Láng: thông xe cầu vượt Đống Đa",
        "--dir",
        dir,
    ])
    .unwrap();
    assert!(
        said.contains("/kinh-te/duong-lang-thong-xe-cau-vuot-dong-da"),
        "{said}"
    );
    let path = root.join("content/articles/duong-lang-thong-xe-cau-vuot-dong-da.md");
    let written = convert(
        "x.md",
        "duong-lang-thong-xe-cau-vuot-dong-da",
        &std::fs::read_to_string(&path).unwrap(),
        &root,
    )
    .unwrap();
    assert!(written.draft);
    assert_eq!(
        written.article.author, None,
        "the template's empty author is no author"
    );
    assert_eq!(
        written.article.title,
        "Đường Láng: thông xe cầu vượt Đống Đa"
    );
    assert_eq!(written.article.section, "kinh-te");
    // Written in the site's time, to the minute.
    let published = written.article.published.to_string();
    assert!(published.ends_with(":00+07:00"), "{published}");
    assert!((markdown::now().unix() - written.article.published.unix()).abs() < 120);

    let again = run(&[
        "new",
        "kinh-te",
        "Đường Láng: thông xe cầu vượt Đống Đa",
        "--dir",
        dir,
    ])
    .unwrap_err();
    assert!(again.to_string().contains("already exists"), "{again}");
    let unknown = run(&["new", "the-thao", "Bóng đá", "--dir", dir]).unwrap_err();
    assert!(
        unknown
            .to_string()
            .contains("no section `the-thao`; the sections are: tin-tuc-su-kien"),
        "{unknown}"
    );
    assert!(run(&["new", "kinh-te", "?!", "--dir", dir]).is_err());
}

// Every committed article, written as Markdown by `to-markdown`, makes the same article again:
// the way for a newsroom's JSON archive into Markdown loses nothing.
#[test]
fn every_sample_article_goes_to_markdown_and_back_unchanged() {
    let dir = public().join("content/articles");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let article: Article = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let text = markdown::to_markdown(&article, false);
        let back = convert("x.md", &article.slug, &text, public())
            .unwrap_or_else(|p| panic!("{}: {p:?}\n{text}", article.slug));
        assert_eq!(back.article, article, "{text}");
        count += 1;
    }
    assert!(count > 100);
    // Text that looks like markup stays text.
    let mut tricky: Article = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{SEED_SLUG}.json"))).unwrap(),
    )
    .unwrap();
    tricky.body = [
        "1. không phải danh sách",
        "- cũng không",
        "# không phải tiêu đề",
        "*a* _b_ [c](d) <e> `f` ~g~ &amp; \\ | !",
        "> không trích",
    ]
    .iter()
    .map(|t| Block::Paragraph {
        text: RichText::Plain(t.to_string()),
    })
    .collect();
    tricky.tags = vec!["a: b".into(), "\"c\"".into()];
    let back = convert(
        "x.md",
        &tricky.slug,
        &markdown::to_markdown(&tricky, true),
        public(),
    )
    .unwrap();
    assert!(back.draft);
    assert_eq!(back.article, tricky);
}
