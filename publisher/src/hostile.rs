//! Hostile content: what a newsroom's tools or an attacker might put in a content tree. The
//! tests write it beside a real one: `check` must refuse every file with a message that names
//! it, and the app, served the files anyway, must show each safely or say what is wrong.
//!
//! `cargo run -p tintuc-publisher --example hostile -- DIR` writes it into the `content/` of a
//! release folder; the end-to-end tests serve that folder.

use std::path::Path;
use tintuc::content::paths;

/// The section every hostile article claims (the seed's), so that their addresses are real.
pub const SECTION: &str = "tin-tuc-su-kien";
/// The page of [`SECTION`] that lists hostile summaries; no real section has that many pages.
pub const LIST_PAGE: u32 = 99;

/// One hostile file: its path in the tree, what it tries, and its bytes.
pub struct HostileFile {
    pub path: String,
    pub tries: &'static str,
    pub bytes: Vec<u8>,
}

/// Links a page must never follow, written the ways that slip past naive filters.
pub const SCRIPT_LINKS: [&str; 9] = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\u{1}javascript:alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
];

fn article(slug: &str, title: &str, body: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "slug": slug,
        "section": SECTION,
        "title": title,
        "published": "2020-07-19T18:40:00+07:00",
        "lead": "Bài thử nội dung độc hại.",
        "body": body,
    })
}

fn json(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("a JSON value serialises")
}

fn file(slug: &str, tries: &'static str, bytes: Vec<u8>) -> HostileFile {
    HostileFile {
        path: paths::article(slug),
        tries,
        bytes,
    }
}

/// The long title: words, then one unbroken run that no space lets wrap.
pub fn long_title() -> String {
    let mut title = "Tiêu đề rất dài ".repeat(500);
    title.push_str(&"Đ".repeat(10_000 - title.chars().count()));
    title
}

/// Every hostile file, by the address the app would show it at.
pub fn files() -> Vec<HostileFile> {
    let links: Vec<_> = SCRIPT_LINKS
        .iter()
        .map(|href| serde_json::json!({"text": format!("liên kết {href:?}"), "href": href}))
        .collect();
    // Lists as the items of lists, 1,000 deep: the format has no nested lists, and a decoder
    // that followed them by recursion could run out of stack.
    let mut nested = String::from("[\"đáy\"]");
    for _ in 0..1_000 {
        nested = format!(r#"[{{"type":"list","items":{nested}}}]"#);
    }
    let mut not_utf8 = json(&article(
        "khong-phai-utf8",
        "Tiêu đề MARK",
        serde_json::json!([]),
    ));
    let at = not_utf8
        .windows(4)
        .position(|w| w == b"MARK")
        .expect("the marker is in the title");
    not_utf8.splice(at..at + 4, *b"\xFF\xFE\xC3(");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(json(&article(
        "co-bom",
        "Bài lưu kèm BOM",
        serde_json::json!([]),
    )));
    let paragraphs: Vec<_> = (1..=20_000)
        .map(|i| serde_json::json!({"type": "paragraph", "text": format!("Đoạn {i}.")}))
        .collect();
    let sentence = "Nội dung rất lớn. ";
    let huge = sentence.repeat(20_000_000 / sentence.len());
    vec![
        file(
            "lien-ket-doc",
            "links to script and data, in any case, with spaces, tabs and entities",
            json(&article(
                "lien-ket-doc",
                "Liên kết độc",
                serde_json::json!([
                    {"type": "paragraph", "text": links},
                    {"type": "list", "items": [[{"text": "mục", "href": "javascript:alert(2)"}]]},
                    {"type": "image", "src": "javascript:alert(3)", "alt": "ảnh"},
                ]),
            )),
        ),
        file(
            "tieu-de-rat-dai",
            "a title of 10,000 characters, partly one unbroken word",
            json(&article("tieu-de-rat-dai", &long_title(), serde_json::json!([]))),
        ),
        file(
            "hai-muoi-nghin-doan",
            "20,000 blocks",
            json(&article(
                "hai-muoi-nghin-doan",
                "Hai mươi nghìn đoạn",
                serde_json::Value::Array(paragraphs),
            )),
        ),
        file(
            "danh-sach-long-1000-tang",
            "a list nested 1,000 deep",
            format!(
                r#"{{"slug":"danh-sach-long-1000-tang","section":"{SECTION}","title":"Danh sách lồng","published":"2020-07-19T18:40:00+07:00","body":[{{"type":"list","items":{nested}}}]}}"#
            )
            .into_bytes(),
        ),
        file(
            "chu-dao-chieu",
            "bidi override and isolate characters in the title and lead",
            json(&serde_json::json!({
                "slug": "chu-dao-chieu",
                "section": SECTION,
                "title": "Tin \u{202E}gnóm\u{202C} gốc",
                "published": "2020-07-19T18:40:00+07:00",
                "lead": "Mở \u{2067}đầu",
                "body": [],
            })),
        ),
        file("khong-phai-utf8", "bytes that are not UTF-8", not_utf8),
        file("co-bom", "a byte-order mark", with_bom),
        file(
            "%2e%2e",
            "a slug that climbs out of its folder",
            json(&article("../site", "Leo thư mục", serde_json::json!([]))),
        ),
        file(
            "trung-lap",
            "an article whose slug another file also claims",
            json(&article("trung-lap", "Trùng lặp", serde_json::json!([]))),
        ),
        file(
            "trung-lap-ban-sao",
            "the slug of another article",
            json(&article("trung-lap", "Trùng lặp", serde_json::json!([]))),
        ),
        file(
            "chuyen-muc-khong-co",
            "a section the manifest does not have",
            json(&serde_json::json!({
                "slug": "chuyen-muc-khong-co",
                "section": "khong-co",
                "title": "Chuyên mục không có",
                "published": "2020-07-19T18:40:00+07:00",
            })),
        ),
        file(
            "qua-lon",
            "a 20 MB file",
            json(&article(
                "qua-lon",
                "Quá lớn",
                serde_json::json!([{"type": "paragraph", "text": huge}]),
            )),
        ),
        HostileFile {
            path: paths::section_page(SECTION, LIST_PAGE),
            tries: "a list claiming 4,294,967,295 pages, with hostile and repeated summaries",
            bytes: json(&serde_json::json!({
                "section": SECTION,
                "page": LIST_PAGE,
                "pages": u32::MAX,
                "total": u32::MAX,
                "articles": [
                    {"slug": "chu-dao-chieu", "section": SECTION, "title": "Tin \u{202E}gnóm\u{202C} gốc", "published": "2020-07-19T18:40:00+07:00"},
                    {"slug": "trung-lap", "section": SECTION, "title": "Trùng lặp", "published": "2020-07-19T18:40:00+07:00"},
                    {"slug": "trung-lap", "section": SECTION, "title": "Trùng lặp", "published": "2020-07-19T18:40:00+07:00"},
                    {"slug": "../../content/site", "section": SECTION, "title": "Leo thư mục", "published": "2020-07-19T18:40:00+07:00"},
                    {"slug": "tieu-de-rat-dai", "section": SECTION, "title": long_title(), "published": "2020-07-19T18:40:00+07:00"},
                    {"slug": "anh-doc", "section": SECTION, "title": "Ảnh độc", "published": "2020-07-19T18:40:00+07:00",
                     "thumbnail": {"src": "javascript:alert(4)", "alt": ""}},
                ],
            })),
        },
    ]
}

/// Writes every hostile file under `root` (a folder holding `content/`).
pub fn write(root: &Path) -> std::io::Result<()> {
    for file in files() {
        let path = root.join(&file.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, &file.bytes)?;
    }
    Ok(())
}
