//! Links to the same page in other languages: an article's translations, the site's other
//! editions.

use crate::content::Translation;
use crate::site::use_site;
use crate::strings;
use leptos::prelude::*;

/// The translations a page names, each link named in its own language ("English", "Tiếng
/// Việt") and marked as such for screen readers and search engines. Nothing when there are none.
#[component]
pub fn TranslationLinks(
    translations: Vec<Translation>,
    /// The navigation's accessible name.
    label: &'static str,
) -> impl IntoView {
    let site = use_site();
    let links: Vec<_> = translations
        .iter()
        .filter_map(|translation| {
            let href = site.translation_href(translation)?;
            let name = strings::for_language(&translation.language)
                .map_or_else(|| translation.language.clone(), |t| t.name.to_string());
            let language = translation.language.clone();
            // Another edition is another app: the browser loads it, the router does not try to.
            Some(view! {
                <li><a href=href hreflang=language.clone() lang=language rel="alternate external">{name}</a></li>
            })
        })
        .collect();
    (!links.is_empty()).then(|| {
        view! {
            <nav class="translations" aria-label=label>
                <span class="translations__label" aria-hidden="true">{label}</span>
                <ul>{links}</ul>
            </nav>
        }
    })
}
