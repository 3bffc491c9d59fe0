//! The line under an article's title, in the seed portal's own format.

use crate::components::view_count::ViewCount;
use crate::content::Article;
use crate::format;
use crate::site::use_site;
use crate::strings::use_strings;
use leptos::prelude::*;

/// "Ngày đăng 19/07/2020 | 18:40 | Lượt xem: 175" as the portal wrote it, then a second line with
/// the update time and the reading time.
#[component]
pub fn MetaLine(article: Article) -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    let reading = t.reading_time(format::reading_minutes(article.word_count()));
    let updated = article.updated.map(|at| {
        view! {
            <span class="meta-extra__updated">
                {t.updated} " " <time datetime=site.machine_time(at)>{site.date_time(at)}</time>
            </span>
        }
    });
    view! {
        <p class="meta-line" data-testid="meta-line">
            <span>
                {t.published} " "
                <time datetime=site.machine_time(article.published)>{site.date_time(article.published)}</time>
            </span>
            <span class="meta-line__sep" aria-hidden="true">" | "</span>
            <span>{t.views} ": " <ViewCount slug=article.slug.clone() baseline=article.views /></span>
        </p>
        <p class="meta-extra">
            {updated}
            <span class="meta-extra__reading">{reading}</span>
        </p>
    }
}
