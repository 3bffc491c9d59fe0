//! The app: loads the site manifest, then routes each URL to its page inside the site frame.

use crate::components::frame::{SiteFooter, SiteHeader, SkipLink};
use crate::components::reading_tools::Display;
use crate::components::status::{ErrorPanel, LoadingBlock};
use crate::content::{paths, Manifest};
use crate::fetch::{self, FetchError};
use crate::pages::{ArticlePage, HomePage, NotFoundPage, SectionPage};
use crate::site::Site;
use crate::views::browser::Views;
use crate::{prefetch, route_focus};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// The whole site: header and navigation, the routed page, and the footer.
#[component]
pub fn App() -> impl IntoView {
    let base = fetch::base_path();
    let manifest = LocalResource::new(|| async {
        let text = fetch::get_text(paths::MANIFEST, None).await?;
        fetch::decode_manifest(paths::MANIFEST, &text)
    });
    // The router's base has no trailing slash: "/tin" or "".
    let router_base = base.trim_end_matches('/').to_string();
    // A prerendered page stays on screen meanwhile; a loading frame out of sight is wasted work.
    let taking_over = crate::taking_over();

    view! {
        <Router base=router_base>
            <SkipLink />
            {move || match manifest.get() {
                None if taking_over => ().into_any(),
                None => view! { <LoadingFrame /> }.into_any(),
                Some(Err(error)) => view! { <BrokenFrame error retry=move || manifest.refetch() /> }.into_any(),
                Some(Ok(manifest)) => view! { <SiteFrame manifest base=base.clone() /> }.into_any(),
            }}
        </Router>
    }
}

/// The site once the manifest is in: header, the routed page, footer.
#[component]
fn SiteFrame(manifest: Manifest, base: String) -> impl IntoView {
    let views = Views::new(&manifest.views);
    provide_context(views);
    let site = Site::new(manifest, base);
    prefetch::install(site.clone());
    provide_context(site);
    provide_context(Display::new());
    route_focus::install();
    let location = use_location();
    Effect::watch(
        move || location.pathname.get(),
        |_, _, _| route_focus::route_changed(),
        false,
    );
    view! {
        <p id=route_focus::ANNOUNCER_ID class="visually-hidden" aria-live="polite" aria-atomic="true"></p>
        <SiteHeader />
        <main id="noi-dung" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("") view=HomePage />
                <Route path=path!(":section") view=SectionPage />
                <Route path=path!(":section/trang/:page") view=SectionPage />
                <Route path=path!(":section/:article") view=ArticlePage />
            </Routes>
        </main>
        <SiteFooter />
    }
}

/// What shows while the manifest loads: the frame's shape, with nothing in it yet.
#[component]
fn LoadingFrame() -> impl IntoView {
    view! {
        <header class="site-header"><div class="site-header__inner"><span class="site-name placeholder-text"></span></div></header>
        <main id="noi-dung" tabindex="-1"><LoadingBlock lines=8 /></main>
    }
}

/// The manifest could not be had: say why, offer a retry, keep a way home.
#[component]
fn BrokenFrame(error: FetchError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <header class="site-header"><div class="site-header__inner"><a class="site-name" href=fetch::base_path()>{crate::strings::HOME}</a></div></header>
        <main id="noi-dung" tabindex="-1"><ErrorPanel error retry /></main>
    }
}
