//! The frame around every page: skip link, header with the section navigation, footer.

use crate::components::reading_tools::DisplayControls;
use crate::components::search_box::SearchBox;
use crate::components::translations::TranslationLinks;
use crate::offline::ClearCopies;
use crate::route::Route;
use crate::site::use_site;
use crate::strings::use_strings;
use crate::views::browser::use_views;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// A link, first in the page, that takes keyboard readers past the navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    let t = use_strings();
    view! { <a class="skip-link" href="#noi-dung">{t.skip_to_content}</a> }
}

/// The site's name and its sections.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-name" href=site.home_href()>{site.manifest().name.clone()}</a>
                <SectionNav />
            </div>
        </header>
    }
}

/// The sections from the manifest, the current one marked with `aria-current`. On narrow
/// screens it folds behind a menu button that closes on navigation and on Escape.
#[component]
pub fn SectionNav() -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let location = use_location();
    // Back and forward move without a click in the menu; close it then too.
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| open.set(false),
        false,
    );
    let links = site
        .manifest()
        .sections
        .iter()
        .map(|section| {
            let href = site.section_href(&section.slug, 1);
            let title = section.title.clone();
            view! { <li><A href=href>{title}</A></li> }
        })
        .collect_view();
    let home = site.home_href();
    let on_search_page = {
        let site = site.clone();
        Memo::new(move |_| site.route(&location.pathname.get()) == Route::Search)
    };
    view! {
        <nav class="section-nav" aria-label=t.sections_nav
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                    // Back to the button, so keyboard readers are not left on a hidden link.
                    if let Some(toggle) = toggle.get_untracked() {
                        let _ = toggle.focus();
                    }
                }
            }>
            <button type="button" class="section-nav__toggle" aria-controls="section-nav-list" node_ref=toggle
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="section-nav__icon" aria-hidden="true"></span>
                {t.menu}
            </button>
            <ul id="section-nav-list" class="section-nav__list" class:is-open=move || open.get()
                on:click=move |ev| {
                    // A followed link closes the menu; a click into the search field does not.
                    let on_link = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|t| t.closest("a").ok().flatten().is_some());
                    if on_link {
                        open.set(false);
                    }
                }>
                <li><A href=home exact=true>{t.home}</A></li>
                {links}
                // The search page has a field of its own, in the page.
                {move || (!on_search_page.get()).then(|| view! { <li class="section-nav__search"><SearchBox /></li> })}
            </ul>
        </nav>
    }
}

/// The demonstration notice, how views are counted, a way to forget this browser's views and
/// its offline copies, and the reading tools.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let views = use_views();
    let cleared = RwSignal::new(false);
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                {site.manifest().demo.then(|| view! { <p class="demo-notice" data-testid="demo-notice">{t.demo_notice}</p> })}
                <p class="views-note">
                    {move || if views.in_memory() { t.views_note_memory } else { t.views_note }}
                </p>
                <p>
                    <button type="button" class="button button--quiet" on:click=move |_| { views.clear(); cleared.set(true); }>
                        {t.clear_history}
                    </button>
                    <span role="status" class="cleared">{move || cleared.get().then_some(t.history_cleared)}</span>
                </p>
                <TranslationLinks translations=site.manifest().translations.clone() label=t.other_editions />
                <ClearCopies />
                <DisplayControls />
                <p class="site-footer__name">{site.manifest().name.clone()}" · "{site.manifest().description.clone()}</p>
            </div>
        </footer>
    }
}
