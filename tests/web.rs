//! Components mounted in a real browser (headless Chromium through wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use tintuc::components::article_body::ArticleBody;
use tintuc::components::article_list::{ArticleList, FIRST_ITEMS, ITEMS_PER_FRAME};
use tintuc::components::frame::{SectionNav, SiteFooter};
use tintuc::components::status::{ErrorPanel, LoadingBlock};
use tintuc::components::view_count::ViewCount;
use tintuc::content::{
    Article, Block, Emphasis, Image, Inline, Manifest, RichText, Summary, Variant,
};
use tintuc::fetch::FetchError;
use tintuc::offline::{ConnectionNotice, Offline};
use tintuc::pages::ArticleView;
use tintuc::site::Site;
use tintuc::views::browser::Views;
use tintuc::views::STORAGE_KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, StorageEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const MANIFEST: &str = r#"{"format":1,"name":"Cổng thử","description":"Mô tả","timezone":"+07:00",
  "sections":[{"slug":"tin-tuc-su-kien","title":"Tin tức sự kiện"},{"slug":"kinh-te","title":"Kinh tế"}]}"#;

fn manifest() -> Manifest {
    serde_json::from_str(MANIFEST).unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts `view` inside a fresh container with the site and view counter provided, at `path`.
fn mount<V: IntoView + 'static>(
    path: &str,
    view: impl FnOnce() -> V + Send + 'static,
) -> HtmlElement {
    mount_site(manifest(), "/", path, view)
}

/// As [`mount`], for the site of `manifest` under `base`, in its language.
fn mount_site<V: IntoView + 'static>(
    manifest: Manifest,
    base: &'static str,
    path: &str,
    view: impl FnOnce() -> V + Send + 'static,
) -> HtmlElement {
    local_storage().clear().unwrap();
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Views::new(&manifest.views));
        let site = Site::new(manifest, base);
        provide_context(site.strings());
        provide_context(site);
        view! { <Router>{view()}</Router> }
    });
    // Each test owns its container; keeping the handle keeps the view alive for the test.
    std::mem::forget(handle);
    container
}

/// The first element under `root` matching `selector`.
fn element(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn seed() -> Article {
    serde_json::from_str(include_str!(
        "../public/content/articles/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025.json"
    ))
    .unwrap()
}

fn summary(slug: &str, title: &str, views: u64) -> Summary {
    Summary {
        slug: slug.into(),
        section: "kinh-te".into(),
        title: title.into(),
        lead: "Tóm tắt".into(),
        published: tintuc::format::Timestamp::parse("2021-03-04T08:05:00+07:00").unwrap(),
        views,
        thumbnail: None,
        sample: true,
    }
}

// The seed article shows as the portal showed it: section, title, meta line, lead, body.
#[wasm_bindgen_test]
async fn article_view_shows_the_seed_with_its_meta_line() {
    let root = mount(
        "/tin-tuc-su-kien/x",
        || view! { <ArticleView article=seed() /> },
    );
    tick().await;
    assert_eq!(
        text_of(&root, "h1"),
        "Đại hội đại biểu quận Đống Đa lần thứ XXVIII, nhiệm kỳ 2020- 2025"
    );
    assert_eq!(text_of(&root, ".article__section"), "Tin tức sự kiện");
    let meta = text_of(&root, "[data-testid=meta-line]");
    assert!(
        meta.starts_with("Ngày đăng 19/07/2020 | 18:40 | Lượt xem: 174"),
        "{meta}"
    );
    assert!(text_of(&root, ".article__lead").starts_with("Đại hội đại biểu Đảng bộ quận Đống Đa"));
    let body = text_of(&root, "[data-testid=article-body]");
    assert!(
        !body.contains("??"),
        "question marks from lost images must not show"
    );
    assert_eq!(
        root.query_selector_all(".article-body figure img")
            .unwrap()
            .length(),
        2
    );
    assert!(text_of(&root, "blockquote").contains("PHÁT HUY TRUYỀN THỐNG YÊU NƯỚC"));
    let crumbs = root.query_selector_all(".breadcrumb a").unwrap();
    assert_eq!(crumbs.length(), 2);
}

fn english_manifest() -> Manifest {
    serde_json::from_str(include_str!("../public/en/content/site.json")).unwrap()
}

// The English edition's translation of the seed, as an English reader sees it: the meta line in
// English words and English dates, in Hanoi time, and a link to the Vietnamese original named
// in Vietnamese.
#[wasm_bindgen_test]
async fn an_english_site_shows_its_article_in_english_with_a_link_to_the_original() {
    let article: Article = serde_json::from_str(include_str!(
        "../public/en/content/articles/dong-da-district-party-congress-xxviii-2020-2025.json"
    ))
    .unwrap();
    let root = mount_site(
        english_manifest(),
        "/en/",
        "/en/news-events/dong-da-district-party-congress-xxviii-2020-2025",
        move || view! { <ArticleView article /> },
    );
    tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=meta-line]"),
        "Published 19 July 2020, 18:40 | Views: 0"
    );
    let reading = text_of(&root, ".meta-extra__reading");
    assert!(reading.ends_with(" min read"), "{reading}");
    assert_eq!(text_of(&root, ".breadcrumb a"), "Home");
    let link = element(&root, ".translations a");
    assert_eq!(link.text_content().unwrap(), "Tiếng Việt");
    assert_eq!(link.get_attribute("lang").unwrap(), "vi");
    assert_eq!(link.get_attribute("hreflang").unwrap(), "vi");
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "/tin-tuc-su-kien/dai-hoi-dai-bieu-quan-dong-da-lan-thu-xxviii-nhiem-ky-2020-2025"
    );
    assert_eq!(
        element(&root, ".translations")
            .get_attribute("aria-label")
            .unwrap(),
        "This article in other languages"
    );
}

// Counts and failures in English: "1,234", the error in words, and the retry.
#[wasm_bindgen_test]
async fn an_english_site_counts_and_fails_in_english() {
    let error = FetchError::Status {
        path: "content/home.json".into(),
        status: 503,
    };
    let root = mount_site(english_manifest(), "/en/", "/en/", move || {
        view! {
            <ViewCount slug="a" baseline=1234 />
            <ErrorPanel error retry=|| () />
        }
    });
    tick().await;
    assert_eq!(text_of(&root, "[data-testid=view-count]"), "1,234");
    assert_eq!(
        text_of(&root, ".error-panel__title"),
        "The content could not be loaded"
    );
    assert_eq!(
        text_of(&root, ".error-panel__detail"),
        "The server answered HTTP error 503 when loading content/home.json."
    );
    assert_eq!(text_of(&root, ".error-panel button"), "Try again");
}

// Content text is text: markup in it is shown, never parsed; unsafe links lose their link.
#[wasm_bindgen_test]
async fn article_body_never_injects_html_or_unsafe_links() {
    let blocks = vec![
        Block::Paragraph {
            text: RichText::Plain("<img src=x onerror=alert(1)> chữ".into()),
        },
        Block::Paragraph {
            text: RichText::Runs(vec![
                Inline::Link {
                    text: "xấu".into(),
                    href: "javascript:alert(1)".into(),
                },
                Inline::Text(" và ".into()),
                Inline::Link {
                    text: "tốt".into(),
                    href: "https://example.vn/".into(),
                },
                Inline::Text(", ".into()),
                Inline::Emphasis {
                    text: "<b>nhấn</b>".into(),
                    emphasis: Emphasis::Em,
                },
                Inline::Emphasis {
                    text: "đậm".into(),
                    emphasis: Emphasis::Strong,
                },
            ]),
        },
        Block::Unknown,
    ];
    let root = mount("/", move || view! { <ArticleBody blocks /> });
    tick().await;
    assert_eq!(root.query_selector_all("img").unwrap().length(), 0);
    assert!(text_of(&root, "p").contains("<img src=x onerror=alert(1)>"));
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let link: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.vn/")
    );
    assert!(text_of(&root, "p:nth-of-type(2)").contains("xấu và tốt, <b>nhấn</b>đậm"));
    assert_eq!(text_of(&root, "p em"), "<b>nhấn</b>");
    assert_eq!(text_of(&root, "p strong"), "đậm");
    assert!(root.query_selector("p b").unwrap().is_none());
}

// A picture with resized copies offers them to the browser in AVIF and in its own format, sized
// for the article's column; the body's opening picture loads at once, every other when near.
#[wasm_bindgen_test]
async fn article_pictures_offer_their_copies_and_load_lazily_after_the_first() {
    let variant = |w: u32, ext: &str, kind: &str| Variant {
        src: format!("media/_v/a-{w}.{ext}"),
        width: w,
        media_type: kind.into(),
    };
    let photo = Image {
        src: "media/a.jpg".into(),
        alt: "Quang cảnh".into(),
        width: 1600,
        height: 900,
        variants: vec![
            variant(480, "avif", "image/avif"),
            variant(1600, "avif", "image/avif"),
            variant(480, "jpg", "image/jpeg"),
            variant(1600, "jpg", "image/jpeg"),
        ],
    };
    let figure = |image: Image| Block::Image {
        image,
        caption: String::new(),
    };
    let placeholder = Image {
        src: "media/anh-khong-con.svg".into(),
        alt: "Ảnh của bài gốc không còn".into(),
        width: 800,
        height: 450,
        variants: Vec::new(),
    };
    let blocks = vec![figure(photo.clone()), figure(photo), figure(placeholder)];
    let root = mount_site(
        manifest(),
        "/tin/",
        "/tin/",
        move || view! { <ArticleBody blocks /> },
    );
    tick().await;
    let all = |selector: &str| -> Vec<web_sys::Element> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    };
    let sources = all("picture source");
    assert_eq!(sources.len(), 2);
    assert_eq!(
        sources[0].get_attribute("type").as_deref(),
        Some("image/avif")
    );
    assert_eq!(
        sources[0].get_attribute("srcset").as_deref(),
        Some("/tin/media/_v/a-480.avif 480w, /tin/media/_v/a-1600.avif 1600w")
    );
    let images = all("figure img");
    let attr = |i: usize, name: &str| images[i].get_attribute(name);
    assert_eq!(
        attr(0, "srcset").as_deref(),
        Some("/tin/media/_v/a-480.jpg 480w, /tin/media/_v/a-1600.jpg 1600w")
    );
    assert_eq!(attr(0, "sizes"), sources[0].get_attribute("sizes"));
    assert_eq!(attr(0, "src").as_deref(), Some("/tin/media/a.jpg"));
    assert_eq!(
        (attr(0, "width").as_deref(), attr(0, "height").as_deref()),
        (Some("1600"), Some("900"))
    );
    assert_eq!(
        (
            attr(0, "loading").as_deref(),
            attr(0, "fetchpriority").as_deref()
        ),
        (Some("eager"), Some("high"))
    );
    assert_eq!(
        (attr(1, "loading").as_deref(), attr(1, "fetchpriority")),
        (Some("lazy"), None)
    );
    // The lost picture's placeholder, as it was: no copies, no picture element.
    assert_eq!(
        attr(2, "src").as_deref(),
        Some("/tin/media/anh-khong-con.svg")
    );
    assert_eq!((attr(2, "srcset"), attr(2, "sizes")), (None, None));
    assert_eq!(attr(2, "loading").as_deref(), Some("lazy"));
    assert_eq!(all("picture").len(), 2);
}

#[wasm_bindgen_test]
async fn article_list_links_each_article_with_time_and_count() {
    let articles = vec![
        summary("mot", "Bài một", 1234),
        summary("hai", "Bài hai", 5),
    ];
    let root = mount("/", move || view! { <ArticleList articles /> });
    tick().await;
    let items = root.query_selector_all(".article-item").unwrap();
    assert_eq!(items.length(), 2);
    let first: web_sys::Element = root
        .query_selector(".article-item__title a")
        .unwrap()
        .unwrap();
    assert_eq!(first.get_attribute("href").as_deref(), Some("/kinh-te/mot"));
    assert_eq!(first.text_content().as_deref(), Some("Bài một"));
    assert_eq!(text_of(&root, ".article-item time"), "04/03/2021 | 08:05");
    assert_eq!(text_of(&root, ".view-count"), "1.234");
}

/// Resolves at the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

// A long list shows its top at once and adds the rest over the following frames, in order.
#[wasm_bindgen_test]
async fn long_article_list_shows_its_top_first_then_the_rest() {
    let total = FIRST_ITEMS + 2 * ITEMS_PER_FRAME + 7;
    let articles: Vec<Summary> = (0..total)
        .map(|i| summary(&format!("bai-{i}"), &format!("Bài {i}"), i as u64))
        .collect();
    // As when a link to a section is followed; on the first page of a visit, or back and
    // forward, the whole list is built at once.
    tintuc::route_focus::route_changed();
    let root = mount("/", move || view! { <ArticleList articles /> });
    let titles = || {
        let links = root.query_selector_all(".article-item__title a").unwrap();
        (0..links.length())
            .map(|i| links.item(i).unwrap().text_content().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles().len(), FIRST_ITEMS);
    let mut frames = 0;
    while titles().len() < total && frames < 10 {
        next_frame().await;
        frames += 1;
    }
    let expected: Vec<String> = (0..total).map(|i| format!("Bài {i}")).collect();
    assert_eq!(titles(), expected);
    assert!(frames >= 3, "the rest came in {frames} frames");
    // Only the items added after the first frame are laid out lazily.
    let deferred = root
        .query_selector_all(".article-item--deferred")
        .unwrap()
        .length() as usize;
    assert_eq!(deferred, total - FIRST_ITEMS);
    // The page says it is ready, which ends the followed link for the tests after this one.
    tintuc::route_focus::page_ready();
    next_frame().await;
    assert!(tintuc::route_focus::keeps_position());
}

#[wasm_bindgen_test]
async fn article_list_says_when_a_section_is_empty() {
    let root = mount("/", || view! { <ArticleList articles=Vec::new() /> });
    tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=empty]"),
        "Chuyên mục này chưa có bài viết."
    );
}

// The navigation is built from the manifest and marks the section the reader is in.
#[wasm_bindgen_test]
async fn section_nav_marks_the_current_section() {
    let root = mount("/kinh-te/bai-viet", || view! { <SectionNav /> });
    tick().await;
    let links = root.query_selector_all(".section-nav__list a").unwrap();
    assert_eq!(links.length(), 3, "home and the manifest's two sections");
    let current: Vec<String> = (0..links.length())
        .map(|i| links.item(i).unwrap().unchecked_into::<web_sys::Element>())
        .filter(|a| a.get_attribute("aria-current").as_deref() == Some("page"))
        .map(|a| a.text_content().unwrap_or_default())
        .collect();
    assert_eq!(current, ["Kinh tế"]);
}

#[wasm_bindgen_test]
async fn section_nav_menu_button_opens_and_closes_on_escape() {
    let root = mount("/", || view! { <SectionNav /> });
    tick().await;
    let button = element(&root, ".section-nav__toggle");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    button.dispatch_event(&escape).unwrap();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn error_panel_names_the_file_and_retries() {
    let retried = RwSignal::new(0);
    let error = FetchError::Status {
        path: "content/home.json".into(),
        status: 503,
    };
    let root = mount(
        "/",
        move || view! { <ErrorPanel error retry=move || retried.update(|n| *n += 1) /> },
    );
    tick().await;
    assert!(text_of(&root, "[role=alert]").contains("content/home.json"));
    assert!(text_of(&root, "[role=alert]").contains("503"));
    let button = element(&root, "button");
    button.click();
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn loading_block_reserves_space_and_announces_itself() {
    let root = mount("/", || view! { <LoadingBlock lines=4 /> });
    tick().await;
    assert_eq!(
        root.query_selector_all(".placeholder-line")
            .unwrap()
            .length(),
        4
    );
    assert_eq!(text_of(&root, "[role=status]"), "Đang tải…");
}

// Another tab records a view: this tab's count follows through the `storage` event.
#[wasm_bindgen_test]
async fn view_count_adds_local_views_and_follows_other_tabs() {
    let root = mount("/", || view! { <ViewCount slug="seed" baseline=174 /> });
    tick().await;
    assert_eq!(text_of(&root, ".view-count"), "174");
    let stored = r#"{"v":1,"entries":{"seed":{"n":2,"t":1700000000000}}}"#;
    local_storage().set_item(STORAGE_KEY, stored).unwrap();
    let init = StorageEventInit::new();
    init.set_key(Some(STORAGE_KEY));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    tick().await;
    assert_eq!(text_of(&root, ".view-count"), "176");
}

#[wasm_bindgen_test]
async fn footer_says_how_views_are_counted_and_clears_them() {
    let root = mount("/", || view! { <SiteFooter /> });
    tick().await;
    local_storage()
        .set_item(STORAGE_KEY, r#"{"v":1,"entries":{"seed":{"n":2,"t":1}}}"#)
        .unwrap();
    assert!(text_of(&root, ".views-note").contains("trình duyệt này"));
    let button = element(&root, "button");
    button.click();
    tick().await;
    assert_eq!(local_storage().get_item(STORAGE_KEY).unwrap(), None);
    assert_eq!(text_of(&root, ".cleared"), "Đã xóa lịch sử đọc.");
}

/// Runs `body`, JavaScript that returns a promise, and waits for it.
async fn run_js(body: &str) {
    let promise: js_sys::Promise = js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
        .unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

// Offline, the line under the header says so, with the time the page's copy was fetched when
// the browser keeps one; back online it is hidden and empty; a newer release is offered with a
// reload button.
#[wasm_bindgen_test]
async fn connection_notice_says_offline_and_offers_a_newer_release() {
    let offline = Offline::new();
    let root = mount("/kinh-te", move || {
        provide_context(offline);
        view! { <ConnectionNotice /> }
    });
    tick().await;
    let notice = element(&root, "[data-testid=connection]");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
    let lines = || {
        let lines = notice.query_selector_all("p").unwrap();
        (0..lines.length())
            .map(|i| lines.item(i).unwrap().unchecked_into::<HtmlElement>())
            .map(|p| (p.hidden(), p.text_content().unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    // The caches answer after a few frames.
    let settle = || async {
        for _ in 0..5 {
            next_frame().await;
        }
    };
    let reload = tintuc::strings::DEFAULT.update_reload.to_string();
    let hidden = (true, String::new());
    assert_eq!(
        lines(),
        [hidden.clone(), (true, reload.clone())],
        "online, nothing shows"
    );
    offline.set_online(false);
    settle().await;
    assert_eq!(
        lines(),
        [
            (false, tintuc::strings::DEFAULT.offline_now.to_string()),
            (true, reload.clone())
        ],
        "no copy kept: no time"
    );
    offline.set_online(true);
    tick().await;
    assert_eq!(lines()[0], hidden);
    // A copy of the section's first page, fetched at 18:40 in Hanoi (UTC+7).
    run_js(
        "return caches.open('tintuc-test').then((c) => c.put('/content/sections/kinh-te/1.json', \
         new Response('{}', { headers: { date: 'Sun, 19 Jul 2020 11:40:00 GMT' } })))",
    )
    .await;
    offline.set_online(false);
    settle().await;
    assert_eq!(
        lines()[0],
        (
            false,
            tintuc::strings::DEFAULT.offline_copy("19/07/2020 | 18:40")
        )
    );
    run_js("return caches.delete('tintuc-test')").await;
    offline.set_online(true);
    offline.offer_update();
    tick().await;
    assert_eq!(
        lines(),
        [
            hidden,
            (
                false,
                format!("{}{reload}", tintuc::strings::DEFAULT.update_ready)
            )
        ]
    );
}
