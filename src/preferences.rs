//! The reader's display preferences: text size and colour scheme, remembered in this browser.
//!
//! `index.html` applies the stored preferences with a few lines of script before the first
//! paint, so a reader who chose large text or the dark scheme never sees the page change; the
//! controls then change them without a reload. Storage that refuses only means the choice lasts
//! for this visit.

use serde::{Deserialize, Serialize};

/// The `localStorage` key, read by the script in `index.html` too.
pub const STORAGE_KEY: &str = "tintuc:prefs:v1";
/// Text size steps below and above the default.
pub const SMALLEST: i8 = -2;
pub const LARGEST: i8 = 4;

/// Light, dark, or whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The `data-theme` value on `<html>`, or none for the system's scheme.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// What the reader chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    /// Steps from the default text size, within `SMALLEST..=LARGEST`.
    #[serde(default)]
    pub size: i8,
    #[serde(default)]
    pub theme: Theme,
}

impl Preferences {
    /// Reads stored preferences; anything unreadable is the defaults, and sizes are clamped.
    pub fn parse(text: &str) -> Self {
        let mut prefs: Self = serde_json::from_str(text).unwrap_or_default();
        prefs.size = prefs.size.clamp(SMALLEST, LARGEST);
        prefs
    }

    pub fn to_json(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }

    /// One step larger or smaller, within the limits.
    pub fn resized(self, by: i8) -> Self {
        Self {
            size: self.size.saturating_add(by).clamp(SMALLEST, LARGEST),
            ..self
        }
    }

    /// The `--text-scale` factor, an eighth of the base size per step, as CSS reads it
    /// ("1.25"). Written with integers: formatting a float would add 11 KiB to the app.
    pub fn scale(self) -> String {
        let thousandths = 1000 + 125 * i32::from(self.size);
        let fraction = format!("{:03}", thousandths % 1000);
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            (thousandths / 1000).to_string()
        } else {
            format!("{}.{fraction}", thousandths / 1000)
        }
    }
}

/// Reading, applying and storing preferences in the browser.
pub mod browser {
    use super::{Preferences, STORAGE_KEY};

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// What this browser remembers, or the defaults.
    pub fn load() -> Preferences {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|text| Preferences::parse(&text))
            .unwrap_or_default()
    }

    /// Applies `prefs` to the page and remembers them if storage allows.
    pub fn apply_and_store(prefs: Preferences) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = match prefs.theme.attribute() {
                Some(theme) => root.set_attribute("data-theme", theme),
                None => root.remove_attribute("data-theme"),
            };
            if let Some(root) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) {
                let _ = root.style().set_property("--text-scale", &prefs.scale());
            }
        }
        if let Some(storage) = storage() {
            // A full or refusing storage only means the choice lasts for this visit.
            let _ = storage.set_item(STORAGE_KEY, &prefs.to_json());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_and_defaults_the_rest() {
        let prefs = Preferences {
            size: 2,
            theme: Theme::Dark,
        };
        assert_eq!(Preferences::parse(&prefs.to_json()), prefs);
        assert_eq!(prefs.to_json(), r#"{"size":2,"theme":"dark"}"#);
        assert_eq!(Preferences::parse("{}"), Preferences::default());
        assert_eq!(Preferences::parse("garbage"), Preferences::default());
        assert_eq!(
            Preferences::parse(r#"{"theme":"purple"}"#),
            Preferences::default()
        );
    }

    #[test]
    fn keeps_the_text_size_within_its_limits() {
        assert_eq!(Preferences::parse(r#"{"size":99}"#).size, LARGEST);
        let mut prefs = Preferences::default();
        for _ in 0..10 {
            prefs = prefs.resized(-1);
        }
        assert_eq!(prefs.size, SMALLEST);
        assert_eq!(prefs.scale(), "0.75");
        assert_eq!(prefs.resized(3).scale(), "1.125");
        assert_eq!(prefs.resized(2).scale(), "1");
        assert_eq!(prefs.resized(4).scale(), "1.25");
        assert_eq!(prefs.resized(6).scale(), "1.5");
    }

    #[test]
    fn names_the_theme_attribute() {
        assert_eq!(Theme::System.attribute(), None);
        assert_eq!(Theme::Dark.attribute(), Some("dark"));
    }
}
