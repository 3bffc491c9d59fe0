//! The search page: a field, and the articles that match what is in it, as the reader types.
//!
//! Results follow every key, from what this page has already fetched where it can. The address
//! holds the query (`tim-kiem?q=…`, see [`crate::route`]), so results can be shared and
//! bookmarked, and back and forward bring a query back with its results: typing replaces the
//! current history entry (after a pause, not on every key); pressing Enter adds one and takes
//! focus to the results.

use super::PageMeta;
use crate::components::search_box::open_search;
use crate::components::status::ErrorPanel;
use crate::content::Article;
use crate::fetch::search::{search, Found};
use crate::fetch::FetchError;
use crate::route::{Route, SEARCH_QUERY};
use crate::search::{excerpt, Piece, Query, MAX_QUERY_WORDS, RESULTS_PER_PAGE};
use crate::site::{use_site, Site};
use crate::strings::use_strings;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::time::Duration;

/// How long typing pauses before the address follows it.
const TYPING_PAUSE: Duration = Duration::from_millis(180);
/// Words of an article shown around what matched.
const EXCERPT_WORDS: usize = 32;
/// The id of the line that says what was found; focus goes there after Enter.
const SUMMARY_ID: &str = "search-summary";

/// What the reader searched for: the address's query, in composed form.
fn asked_text(raw: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // Typed or pasted decomposed (NFD), it must still find the composed forms the index has.
        String::from(js_sys::JsString::from(raw).normalize("NFC"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        raw.to_string()
    }
}

/// What a search came to, for the query it was run for.
#[derive(Clone, PartialEq)]
struct Outcome {
    asked: String,
    shown: usize,
    result: Result<Found, FetchError>,
}

/// The search page (see [`Route::Search`]).
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let query_map = use_query_map();
    // The publisher renders this page without a query, and hydrating must find what it
    // rendered: the address's query is read once the page is live.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let asked = Memo::new(move |_| {
        if !live.get() {
            return String::new();
        }
        query_map.with(|q| {
            q.get(SEARCH_QUERY)
                .map(|q| asked_text(&q))
                .unwrap_or_default()
        })
    });
    let shown = RwSignal::new(RESULTS_PER_PAGE);
    let attempt = RwSignal::new(0u32);
    let outcome = RwSignal::new(None::<Outcome>);
    let focus_pending = StoredValue::new(false);
    // After "more": the position of the first result it adds, which takes focus once shown.
    let more_from = StoredValue::new(None::<usize>);

    // The field's text, following the address unless the address is following the field.
    let typed = RwSignal::new(String::new());
    // What the results are for: the field's text, composed.
    let searched = Memo::new(move |_| asked_text(&typed.get()));
    let query = Memo::new(move |_| Query::parse(&searched.get()));
    let sent = StoredValue::new(String::new());
    // The address's update still to come after a pause in typing.
    let pause = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel_pause = move || {
        if let Some(handle) = pause.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    // Leaving the page, or back and forward, must not have it write a query the reader left.
    on_cleanup(cancel_pause);
    Effect::watch(
        move || asked.get(),
        move |asked, _, _| {
            if *asked != sent.get_value() {
                cancel_pause();
                typed.set(asked.clone());
                sent.set_value(asked.clone());
            }
        },
        true,
    );
    let navigate = use_navigate();
    let base = site.base().to_string();
    let go = move |text: String, replace: bool| {
        sent.set_value(asked_text(&text));
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        open_search(&navigate, &base, &text, options);
    };
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            typed.set(text.clone());
            // Typing on after Enter: focus stays in the field.
            focus_pending.set_value(false);
            cancel_pause();
            let go = go.clone();
            pause.set_value(set_timeout_with_handle(move || go(text, true), TYPING_PAUSE).ok());
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        cancel_pause();
        let text = typed.get_untracked();
        if asked_text(&text) != asked.get_untracked() {
            go(text, false);
        }
        // To the results, now if they are in, else as soon as they are (there are none to go
        // to for an empty query).
        if !query.get_untracked().is_empty() {
            focus_pending.set_value(true);
            focus_results(outcome, &searched.get_untracked(), focus_pending);
        }
    };
    // A new query starts from its first results.
    Effect::watch(
        move || query.get(),
        move |_, _, _| shown.set(RESULTS_PER_PAGE),
        false,
    );

    // Runs the search whenever the query, the number shown or the attempt changes; only the
    // answer for what is asked now is kept.
    Effect::new(move |_| {
        let (asked_now, query_now, shown_now, _) =
            (searched.get(), query.get(), shown.get(), attempt.get());
        if query_now.is_empty() {
            outcome.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            let result = search(&query_now, shown_now).await;
            // The reader may have left the page meanwhile: its signals are gone then.
            let current = searched.try_get_untracked().as_ref() == Some(&asked_now)
                && shown.try_get_untracked() == Some(shown_now);
            if current {
                let more = more_from.try_update_value(Option::take).flatten();
                outcome.try_set(Some(Outcome {
                    asked: asked_now.clone(),
                    shown: shown_now,
                    result,
                }));
                focus_results(outcome, &asked_now, focus_pending);
                if let Some(first_new) = more {
                    focus_result(first_new);
                }
            }
        });
    });
    // Back or forward between two searches changes only the query: the page is ready again
    // (see `crate::route_focus`), which restores the reader's place on it.
    let location = use_location();
    Effect::watch(
        move || location.search.get(),
        move |_, _, _| crate::route_focus::page_ready(),
        false,
    );
    // The document's title names the query; the page is ready (focus, announcement) once.
    Effect::new({
        let site = site.clone();
        move |ready: Option<()>| {
            let meta = PageMeta::search(&site, &searched.get());
            crate::head::set_page_meta(&meta.title, &meta.description);
            if ready.is_none() {
                crate::route_focus::page_ready();
                crate::prefetch::links_in_view();
            }
        }
    });

    view! {
        <section class="search-page">
                <h1 class="page-title">{t.search}</h1>
                <form class="search-form" role="search" aria-label=t.search
                    action=Route::Search.href(site.base()) method="get" on:submit=on_submit>
                    <label for="search-field" class="visually-hidden">{t.search}</label>
                    <input id="search-field" class="search-form__field" type="search" name=SEARCH_QUERY
                        autocomplete="off" enterkeyhint="search" spellcheck="false"
                        prop:value=move || typed.get() on:input=on_input />
                    <button type="submit" class="button">{t.search_button}</button>
                </form>
                <Results site asked=searched query outcome shown attempt more_from />
        </section>
    }
}

/// Moves focus to the summary of the results for `asked`, if Enter asked for it and they are in.
fn focus_results(outcome: RwSignal<Option<Outcome>>, asked: &str, pending: StoredValue<bool>) {
    let ready = outcome
        .try_with_untracked(|o| o.as_ref().is_some_and(|o| o.asked == asked))
        .unwrap_or(false);
    if !(pending.try_get_value().unwrap_or(false) && ready) {
        return;
    }
    pending.set_value(false);
    focus_when_drawn(format!("#{SUMMARY_ID}"));
}

/// Moves focus to the link of result `index` (from 0): where "more" added results, the first of
/// them, so that keyboard readers go on where the list grew.
fn focus_result(index: usize) {
    focus_when_drawn(format!(".search-result:nth-child({}) a", index + 1));
}

/// Focuses the element `selector` finds once the results just set are drawn.
fn focus_when_drawn(selector: String) {
    request_animation_frame(move || {
        if let Ok(Some(element)) = document().query_selector(&selector) {
            use wasm_bindgen::JsCast;
            if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// The summary line (a live region, so screen readers hear it), the results and "more".
#[component]
fn Results(
    site: Site,
    asked: Memo<String>,
    query: Memo<Query>,
    outcome: RwSignal<Option<Outcome>>,
    shown: RwSignal<usize>,
    attempt: RwSignal<u32>,
    more_from: StoredValue<Option<usize>>,
) -> impl IntoView {
    let t = use_strings();
    let echo = move || crate::search::echo(&asked.get());
    let current = move || outcome.get().filter(|o| o.asked == asked.get());
    // A live region: while the next results are fetched it keeps saying what is on screen, so
    // that a screen reader hears each answer, not "searching" at every key.
    let summary = Memo::new(move |previous: Option<&String>| {
        let query = query.get();
        if asked.get().trim().is_empty() {
            return t.search_prompt.to_string();
        }
        if query.is_empty() {
            return t.search_no_words(&echo());
        }
        match current() {
            None => previous
                .filter(|p| !p.is_empty() && *p != t.search_prompt)
                .cloned()
                .unwrap_or_else(|| t.searching.to_string()),
            Some(Outcome { result: Err(_), .. }) => String::new(),
            Some(Outcome {
                result: Ok(found), ..
            }) if found.total == 0 => t.search_none(&echo()),
            Some(Outcome {
                result: Ok(found), ..
            }) => t.search_count(found.total, &echo()),
        }
    });
    let shortened = move || {
        query
            .get()
            .shortened
            .then(|| view! { <p class="search-note">{t.search_shortened(MAX_QUERY_WORDS)}</p> })
    };
    // The last results stay on screen while the next are fetched, so the list does not flash
    // empty between keys.
    let last = Memo::new(
        move |previous: Option<&Option<Outcome>>| match outcome.get() {
            Some(o) if o.result.is_ok() => Some(o),
            Some(_) => None,
            None if query.get().is_empty() => None,
            None => previous.cloned().flatten(),
        },
    );
    let list = move || {
        let o = last.get()?;
        // Marked as the query these results are for, which may be the one before this key's.
        let query = Query::parse(&o.asked);
        let found = o.result.ok()?;
        let items = found
            .articles
            .into_iter()
            .map(|article| view! { <SearchResult article query=query.clone() site=site.clone() /> })
            .collect_view();
        let more = (found.total > o.shown).then(|| {
            view! {
                <button type="button" class="button button--quiet search-more"
                    on:click=move |_| {
                        more_from.set_value(Some(shown.get_untracked()));
                        shown.update(|n| *n += RESULTS_PER_PAGE);
                    }>
                    {t.search_more}
                </button>
            }
        });
        Some(view! {
            <ol class="search-results" aria-label=t.search_results>{items}</ol>
            {more}
        })
    };
    let error = move || match current() {
        Some(Outcome {
            result: Err(error), ..
        }) => Some(view! { <ErrorPanel error retry=move || attempt.update(|n| *n += 1) /> }),
        _ => None,
    };
    view! {
        <div class="search-body" aria-busy=move || (current().is_none() && !query.get().is_empty()).to_string()>
            <p id=SUMMARY_ID class="search-summary" role="status" tabindex="-1" data-testid="search-summary">{summary}</p>
            {shortened}
            {error}
            {list}
        </div>
    }
}

/// One article found: its title, section and date, and its words around what matched, matched
/// words marked (as text: nothing from an article is read as markup).
#[component]
fn SearchResult(article: Article, query: Query, site: Site) -> impl IntoView {
    let href = site
        .article_href(&article.section, &article.slug)
        .unwrap_or_default();
    let section = site
        .section(&article.section)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let title = marked(excerpt(&article.title, &query, usize::MAX / 2));
    let mut text = article.lead.clone();
    for block in &article.body {
        for part in block.text_parts() {
            text.push(' ');
            text.push_str(part);
        }
    }
    let words = marked(excerpt(&text, &query, EXCERPT_WORDS));
    view! {
        <li class="search-result">
            <h2 class="search-result__title"><a href=href>{title}</a></h2>
            <p class="search-result__meta">
                {section}" · "
                <time datetime=site.machine_time(article.published)>{site.date_time(article.published)}</time>
            </p>
            <p class="search-result__excerpt">{words}</p>
        </li>
    }
}

fn marked(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|piece| {
            if piece.matched {
                view! { <mark>{piece.text}</mark> }.into_any()
            } else {
                piece.text.into_any()
            }
        })
        .collect_view()
}
