//! Controls for reading comfort: text size, colour scheme, sharing.

use crate::preferences::{browser as prefs_browser, Preferences, Theme, LARGEST, SMALLEST};
use crate::strings::{use_strings, Strings};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The reader's preferences, shared by every control on the page.
#[derive(Clone, Copy)]
pub struct Display(RwSignal<Preferences>);

impl Display {
    /// Starts from the defaults, as the publisher renders every page, then takes what this
    /// browser remembers once the page is running. The page itself already shows the stored
    /// size and scheme (the script in `index.html`): only the controls' state changes.
    pub fn new() -> Self {
        let prefs = RwSignal::new(Preferences::default());
        Effect::new(move |_| prefs.set(prefs_browser::load()));
        Self(prefs)
    }

    fn update(self, change: impl FnOnce(Preferences) -> Preferences) {
        let next = change(self.0.get_untracked());
        prefs_browser::apply_and_store(next);
        self.0.set(next);
    }
}

impl Default for Display {
    fn default() -> Self {
        Self::new()
    }
}

/// A−, A+ and reset for the text size, and the colour scheme: applied at once, remembered here.
#[component]
pub fn DisplayControls() -> impl IntoView {
    let t = use_strings();
    let display = use_context::<Display>().unwrap_or_default();
    let size = move || display.0.with(|p| p.size);
    let theme = move || display.0.with(|p| p.theme);
    let choose = move |value: String| {
        let theme = match value.as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        };
        display.update(|p| Preferences { theme, ..p });
    };
    view! {
        <div class="reading-tools" role="group" aria-label=t.display_settings>
            // Each name starts with what the button shows (WCAG 2.5.3, label in name): a reader
            // who says "A+" to voice control finds it, and a screen reader hears what it does.
            <button type="button" class="button button--quiet"
                disabled=move || { size() <= SMALLEST } on:click=move |_| display.update(|p| p.resized(-1))>
                "A−"<span class="visually-hidden">" " {t.text_smaller}</span>
            </button>
            <button type="button" class="button button--quiet"
                disabled=move || { size() == 0 } on:click=move |_| display.update(|p| Preferences { size: 0, ..p })>
                "A"<span class="visually-hidden">" " {t.text_reset}</span>
            </button>
            <button type="button" class="button button--quiet"
                disabled=move || { size() >= LARGEST } on:click=move |_| display.update(|p| p.resized(1))>
                "A+"<span class="visually-hidden">" " {t.text_larger}</span>
            </button>
            <label class="reading-tools__theme">
                <span>{t.colour_scheme}</span>
                <select on:change=move |ev| choose(event_target_value(&ev)) data-testid="theme">
                    <option value="system" selected=move || theme() == Theme::System>{t.theme_system}</option>
                    <option value="light" selected=move || theme() == Theme::Light>{t.theme_light}</option>
                    <option value="dark" selected=move || theme() == Theme::Dark>{t.theme_dark}</option>
                </select>
            </label>
        </div>
    }
}

/// Shares the page with the system's share sheet where there is one; otherwise copies its
/// address, and says so.
#[component]
pub fn ShareButton(#[prop(into)] title: String) -> impl IntoView {
    let t = use_strings();
    let status = RwSignal::new(None::<String>);
    let share = move |_| {
        let title = title.clone();
        leptos::task::spawn_local(async move {
            status.set(Some(share_or_copy(&title, t).await));
        });
    };
    view! {
        <button type="button" class="button button--quiet" on:click=share>{t.share}</button>
        <span class="share-status" role="status">{move || status.get()}</span>
    }
}

/// What happened, in words for the reader.
async fn share_or_copy(title: &str, t: &Strings) -> String {
    let Some(window) = web_sys::window() else {
        return t.copy_failed.into();
    };
    let url = window.location().href().unwrap_or_default();
    let navigator: JsValue = window.navigator().into();
    // Read by name: web-sys binds share and the clipboard only behind unstable flags.
    let method = |target: &JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    if let Some(share) = method(&navigator, "share") {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.as_str().into());
        if let Ok(promise) = share
            .call1(&navigator, &data)
            .and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            return match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => t.shared.into(),
                // The reader closed the share sheet: nothing to report.
                Err(_) => String::new(),
            };
        }
    }
    let clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(write) = method(&clipboard, "writeText") {
        if let Ok(promise) = write
            .call1(&clipboard, &url.as_str().into())
            .and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                return t.link_copied.into();
            }
        }
    }
    format!("{} {url}", t.copy_failed)
}
