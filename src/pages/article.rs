//! The article page: breadcrumb, section header, title, meta line, lead, body, other news.

use super::{show_loaded, NotFoundPage, Page, PageMeta};
use crate::components::article_body::ArticleBody;
use crate::components::article_list::ArticleList;
use crate::components::meta_line::MetaLine;
use crate::components::reading_tools::{DisplayControls, ShareButton};
use crate::components::translations::TranslationLinks;
use crate::content::{Article, SectionPage as SectionIndex};
use crate::fetch::content_resource;
use crate::route::Route;
use crate::site::use_site;
use crate::strings::use_strings;
use crate::views::browser::use_views;
use leptos::prelude::*;

/// How many other articles of the section the page links to.
const OTHER_NEWS: usize = 6;

/// An article of `section` (see [`Route::Article`]).
#[component]
pub fn ArticlePage(section: String, slug: String) -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let views = use_views();
    let mut files = Route::article(&section, &slug).content_files().into_iter();
    let (article_file, others_file) = (files.next(), files.next());
    let article = content_resource::<Article>(move || article_file.clone());
    let others = content_resource::<SectionIndex>(move || others_file.clone());

    // A view counts once the article is on the page.
    Effect::new(move |_| {
        article.with(|article| {
            if let Some(Ok(article)) = article {
                views.record(&article.slug);
            }
        })
    });

    show_loaded(article, 14, move |article| {
        // An article is only at its own section's address.
        if article.section != section {
            return view! { <NotFoundPage /> }.into_any();
        }
        let slug = slug.clone();
        let other_news = move || {
            others.get().and_then(Result::ok).map(|index| {
                let list: Vec<_> = index
                    .articles
                    .into_iter()
                    .filter(|s| s.slug != slug)
                    .take(OTHER_NEWS)
                    .collect();
                (!list.is_empty()).then(|| {
                    view! {
                        <aside class="other-news" aria-labelledby="cac-tin-khac">
                            <h2 class="block-title" id="cac-tin-khac">{t.other_news}</h2>
                            <ArticleList articles=list leads=false />
                        </aside>
                    }
                })
            })
        };
        view! {
            <Page meta=PageMeta::article(&site, &article)>
                <ArticleView article />
                {other_news}
            </Page>
        }
        .into_any()
    })
}

/// The article itself.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let section = site.section(&article.section).cloned();
    let section_title = section
        .as_ref()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let section_href = site.section_href(&article.section, 1);
    // The address a printed copy names: the site's public one where the manifest gives it,
    // then the one in the reader's address bar, once the page runs in a browser.
    let address = RwSignal::new(
        site.absolute(
            &site
                .article_href(&article.section, &article.slug)
                .unwrap_or_default(),
        ),
    );
    Effect::new(move |_| {
        if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
            address.set(href);
        }
    });
    let source = article.source.clone().map(|source| {
        let link = source.url.as_deref().and_then(|u| site.content_href(u));
        view! {
            <p class="article__source">
                {t.source} ": "
                {match link {
                    Some(href) => view! { <a href=href rel="noopener">{source.name.clone()}</a> }.into_any(),
                    None => source.name.clone().into_any(),
                }}
            </p>
        }
    });
    let author = article
        .author
        .clone()
        .map(|author| view! { <p class="article__author">{t.author} ": " {author}</p> });
    view! {
        <article class="article" data-testid="article">
            <nav class="breadcrumb" aria-label=t.breadcrumb>
                <ol>
                    <li><a href=site.home_href()>{t.home}</a></li>
                    <li><a href=section_href.clone()>{section_title.clone()}</a></li>
                </ol>
            </nav>
            <p class="article__section"><a href=section_href>{section_title}</a></p>
            {article.sample.then(|| view! { <p class="sample-badge">{t.sample_badge}</p> })}
            <h1 class="article__title">{article.title.clone()}</h1>
            <MetaLine article=article.clone() />
            <div class="article__tools">
                <DisplayControls />
                <ShareButton title=article.title.clone() />
            </div>
            {(!article.lead.is_empty()).then(|| view! { <p class="article__lead">{article.lead.clone()}</p> })}
            // After the lead, which a phone shows on the first screen, whatever the link adds.
            <TranslationLinks translations=article.translations.clone() label=t.other_languages />
            <ArticleBody blocks=article.body.clone() />
            {author}
            {source}
            <p class="print-url">{t.printed_from} " " {move || address.get()}</p>
        </article>
    }
}
