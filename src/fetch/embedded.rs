//! The content files a rendered page carries with it, so that the browser hydrates the page
//! without asking the network for what it already shows.
//!
//! The publisher writes them into the page as one `<script type="application/json">` element (a
//! JSON object from each file's path to its content); the app reads it once, before hydrating,
//! and provides it as context, where [`super::content_resource`] looks first.

use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The id of the element that carries a page's files.
pub const DATA_ID: &str = "tintuc-data";

/// Content files by path, as JSON text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageData(Arc<BTreeMap<String, String>>);

impl PageData {
    pub fn new(files: impl IntoIterator<Item = (String, String)>) -> Self {
        Self(Arc::new(files.into_iter().collect()))
    }

    /// The text of the file at `path`, if the page carries it.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).map(String::as_str)
    }

    /// The paths of the files the page carries.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Reads the element's text; `None` if it is not the object the publisher writes.
    pub fn parse(text: &str) -> Option<Self> {
        let files: BTreeMap<String, Box<RawValue>> = serde_json::from_str(text).ok()?;
        Some(Self::new(files.into_iter().map(|(path, raw)| {
            (path, String::from(Box::<str>::from(raw)))
        })))
    }

    /// The element's text. Each file must be JSON; it is made [`script_safe`].
    pub fn to_script_text(&self) -> String {
        let mut out = String::from("{");
        for (i, (path, text)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::Value::from(path.as_str()).to_string());
            out.push(':');
            out.push_str(text.trim());
        }
        out.push('}');
        script_safe(&out)
    }

    /// What the page in the browser carries, if it was rendered by the publisher.
    pub fn from_document() -> Option<Self> {
        let text = web_sys::window()?
            .document()?
            .get_element_by_id(DATA_ID)?
            .text_content()?;
        Self::parse(&text)
    }
}

/// JSON text made safe to stand inside a `<script>` element: `<` written as `\u003c`, which it can
/// only be inside a JSON string, so that no text in it can end the element early.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes_and_cannot_end_its_element() {
        let data = PageData::new([
            (
                "content/home.json".to_string(),
                r#"{"a":"</script><b>"}"#.to_string(),
            ),
            (
                "content/site.json".to_string(),
                "{\n  \"name\": \"Cổng\"\n}\n".to_string(),
            ),
        ]);
        let text = data.to_script_text();
        assert!(!text.contains('<'), "{text}");
        let back = PageData::parse(&text).unwrap();
        let home: serde_json::Value =
            serde_json::from_str(back.get("content/home.json").unwrap()).unwrap();
        assert_eq!(home["a"], "</script><b>");
        assert!(back.get("content/site.json").unwrap().contains("Cổng"));
        assert_eq!(back.get("content/x.json"), None);
    }

    #[test]
    fn refuses_what_the_publisher_does_not_write() {
        assert_eq!(PageData::parse("[1]"), None);
        assert_eq!(PageData::parse("{\"a\": "), None);
    }
}
