//! The app: loads the site manifest, then shows the page the address names inside the site
//! frame. The same components render the publisher's static pages and run in the browser.

use crate::components::frame::{SiteFooter, SiteHeader, SkipLink};
use crate::components::reading_tools::Display;
use crate::components::status::{ErrorPanel, LoadingBlock};
use crate::content::Manifest;
use crate::fetch::{self, FetchError};
use crate::offline::{ConnectionNotice, Offline};
use crate::pages::RoutedPage;
use crate::site::Site;
use crate::strings::{use_strings, Strings};
use crate::views::browser::Views;
use crate::{prefetch, route_focus};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// The whole site under `base` (its base path, ending with `/`): header and navigation, the
/// page, and the footer. `strings` is the interface's language until the manifest names the
/// site's: the page's `<html lang>` in the browser, the manifest's when the publisher renders.
#[component]
pub fn App(#[prop(into)] base: String, strings: &'static Strings) -> impl IntoView {
    provide_context(strings);
    let manifest = fetch::manifest_resource();
    // The router's base has no trailing slash: "/tin" or "".
    let router_base = base.trim_end_matches('/').to_string();
    view! {
        <Router base=router_base>
            {move || match manifest.get() {
                None | Some(Err(FetchError::Aborted)) => view! { <LoadingFrame /> }.into_any(),
                Some(Err(error)) => view! { <BrokenFrame error base=base.clone() retry=move || manifest.refetch() /> }.into_any(),
                Some(Ok(manifest)) => view! { <SiteFrame manifest base=base.clone() /> }.into_any(),
            }}
        </Router>
    }
}

/// The site once the manifest is in: header, the routed page, footer.
#[component]
fn SiteFrame(manifest: Manifest, base: String) -> impl IntoView {
    provide_context(Views::new(&manifest.views));
    let site = Site::new(manifest, base);
    provide_context(site.clone());
    provide_context(site.strings());
    #[cfg(feature = "hydrate")]
    show_site_language(&site);
    provide_context(Display::new());
    let offline = Offline::new();
    provide_context(offline);
    // Listeners for the life of the page, in the browser only, once the page is on screen.
    let carried = use_context::<fetch::PageData>().unwrap_or_default();
    Effect::new(move |_| {
        prefetch::install(site.clone(), carried.clone());
        route_focus::install();
        offline.install(&site, &carried);
    });
    let location = use_location();
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| {
            route_focus::route_changed();
            offline.page_changed();
        },
        false,
    );
    // The skip link is in each frame, so that it speaks the frame's language: the site's here.
    view! {
        <SkipLink />
        <p id=route_focus::ANNOUNCER_ID class="visually-hidden" aria-live="polite" aria-atomic="true"></p>
        <SiteHeader />
        <main id="noi-dung" tabindex="-1">
            <ConnectionNotice />
            // Every address (the home page's too) goes to one view, which asks
            // `crate::route::Route` what it names: one route, so a change of page is never also
            // a change of route that would build the next page twice.
            <Routes fallback=RoutedPage>
                <Route path=path!("/*any") view=RoutedPage />
            </Routes>
        </main>
        <SiteFooter />
    }
}

/// What shows while the manifest loads: the frame's shape, with nothing in it yet.
#[component]
fn LoadingFrame() -> impl IntoView {
    view! {
        <SkipLink />
        <header class="site-header"><div class="site-header__inner"><span class="site-name placeholder-text"></span></div></header>
        <main id="noi-dung" tabindex="-1"><LoadingBlock lines=8 /></main>
    }
}

/// The manifest could not be had: say why, offer a retry, keep a way home.
#[component]
fn BrokenFrame(
    error: FetchError,
    base: String,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_strings();
    view! {
        <SkipLink />
        <header class="site-header"><div class="site-header__inner"><a class="site-name" href=base>{t.home}</a></div></header>
        <main id="noi-dung" tabindex="-1"><ErrorPanel error retry /></main>
    }
}

/// Puts the site's language on the page, should the page state another (a development server
/// serves `index.html` as it is written, whatever the content's language).
#[cfg(feature = "hydrate")]
fn show_site_language(site: &Site) {
    let language = &site.manifest().language;
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if html.get_attribute("lang").as_deref() != Some(language.as_str()) {
            let _ = html.set_attribute("lang", language);
        }
    }
}
