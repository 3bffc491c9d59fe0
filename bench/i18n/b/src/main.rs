use std::str::FromStr;

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
use i18n::*;

fn page_lang() -> String {
    document()
        .document_element()
        .and_then(|el| el.get_attribute("lang"))
        .unwrap_or_default()
}

#[component]
fn App() -> impl IntoView {
    // Read before the provider can touch <html lang>.
    let locale = Locale::from_str(&page_lang()).unwrap_or_default();
    view! {
        <I18nContextProvider>
            <Page locale />
        </I18nContextProvider>
    }
}

#[component]
fn Page(locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    i18n.set_locale(locale);
    let (n, set_n) = signal(3u32);
    view! {
        <main>
            <section>
                <p>{t!(i18n, app_title)}</p>
                <p>{t!(i18n, nav_home)}</p>
                <p>{t!(i18n, nav_latest)}</p>
                <p>{t!(i18n, nav_world)}</p>
                <p>{t!(i18n, nav_business)}</p>
                <p>{t!(i18n, nav_tech)}</p>
                <p>{t!(i18n, nav_sport)}</p>
                <p>{t!(i18n, nav_culture)}</p>
                <p>{t!(i18n, nav_health)}</p>
                <p>{t!(i18n, nav_opinion)}</p>
            </section>
            <section>
                <p>{t!(i18n, nav_saved)}</p>
                <p>{t!(i18n, nav_settings)}</p>
                <p>{t!(i18n, skip_to_content)}</p>
                <p>{t!(i18n, open_menu)}</p>
                <p>{t!(i18n, close_menu)}</p>
                <p>{t!(i18n, search_placeholder)}</p>
                <p>{t!(i18n, search_button)}</p>
                <p>{t!(i18n, search_no_results)}</p>
                <p>{t!(i18n, search_results_count, n = move || n.get())}</p>
                <p>{t!(i18n, loading)}</p>
            </section>
            <section>
                <p>{t!(i18n, loading_more)}</p>
                <p>{t!(i18n, load_more)}</p>
                <p>{t!(i18n, error_network)}</p>
                <p>{t!(i18n, error_not_found)}</p>
                <p>{t!(i18n, error_generic)}</p>
                <p>{t!(i18n, retry)}</p>
                <p>{t!(i18n, back_to_home)}</p>
                <p>{t!(i18n, offline_banner)}</p>
                <p>{t!(i18n, updated_ago, n = move || n.get())}</p>
                <p>{t!(i18n, published_on)}</p>
            </section>
            <section>
                <p>{t!(i18n, by_author)}</p>
                <p>{t!(i18n, reading_time, n = move || n.get())}</p>
                <p>{t!(i18n, share)}</p>
                <p>{t!(i18n, copy_link)}</p>
                <p>{t!(i18n, link_copied)}</p>
                <p>{t!(i18n, save_article)}</p>
                <p>{t!(i18n, unsave_article)}</p>
                <p>{t!(i18n, print_article)}</p>
                <p>{t!(i18n, font_larger)}</p>
                <p>{t!(i18n, font_smaller)}</p>
            </section>
            <section>
                <p>{t!(i18n, related_articles)}</p>
                <p>{t!(i18n, more_from_section)}</p>
                <p>{t!(i18n, most_read)}</p>
                <p>{t!(i18n, editors_picks)}</p>
                <p>{t!(i18n, breaking_news)}</p>
                <p>{t!(i18n, live_updates)}</p>
                <p>{t!(i18n, photo_credit)}</p>
                <p>{t!(i18n, video_play)}</p>
                <p>{t!(i18n, video_pause)}</p>
                <p>{t!(i18n, gallery_next)}</p>
            </section>
            <section>
                <p>{t!(i18n, gallery_prev)}</p>
                <p>{t!(i18n, gallery_position, n = move || n.get())}</p>
                <p>{t!(i18n, comments_title)}</p>
                <p>{t!(i18n, comments_count, n = move || n.get())}</p>
                <p>{t!(i18n, comments_closed)}</p>
                <p>{t!(i18n, settings_title)}</p>
                <p>{t!(i18n, settings_theme)}</p>
                <p>{t!(i18n, theme_light)}</p>
                <p>{t!(i18n, theme_dark)}</p>
                <p>{t!(i18n, theme_system)}</p>
            </section>
            <section>
                <p>{t!(i18n, settings_language)}</p>
                <p>{t!(i18n, settings_images)}</p>
                <p>{t!(i18n, settings_notifications)}</p>
                <p>{t!(i18n, settings_saved)}</p>
                <p>{t!(i18n, clear_saved)}</p>
                <p>{t!(i18n, clear_saved_confirm)}</p>
                <p>{t!(i18n, confirm)}</p>
                <p>{t!(i18n, cancel)}</p>
                <p>{t!(i18n, saved_empty)}</p>
                <p>{t!(i18n, newsletter_title)}</p>
            </section>
            <section>
                <p>{t!(i18n, newsletter_email)}</p>
                <p>{t!(i18n, newsletter_submit)}</p>
                <p>{t!(i18n, newsletter_thanks)}</p>
                <p>{t!(i18n, footer_about)}</p>
                <p>{t!(i18n, footer_contact)}</p>
                <p>{t!(i18n, footer_privacy)}</p>
                <p>{t!(i18n, footer_terms)}</p>
                <p>{t!(i18n, footer_copyright)}</p>
                <p>{t!(i18n, scroll_top)}</p>
                <p>{t!(i18n, new_stories_available)}</p>
            </section>
            <button on:click=move |_| set_n.update(|x| *x += 1)>"+"</button>
        </main>
    }
}

fn main() {
    leptos::mount::hydrate_body(App);
}
