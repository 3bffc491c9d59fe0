//! The document's title and description, following the page.
//!
//! `index.html` carries one `<title>` and one description tag for readers before the app runs;
//! pages update those in place rather than appending more, so crawlers and link previews read
//! one of each.

/// Sets `document.title` and the description meta tag.
pub fn set_page_meta(title: &str, description: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}
