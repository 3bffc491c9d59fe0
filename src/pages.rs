//! One module per page, chosen by the address's [`Route`], each wrapped in [`Page`].

mod article;
mod home;
mod meta;
mod not_found;
mod search;
mod section;

pub use article::{ArticlePage, ArticleView};
pub use home::{most_viewed_candidates, rank_most_viewed, HomePage, HomeView};
pub use meta::PageMeta;
pub use not_found::NotFoundPage;
pub use search::SearchPage;
pub use section::SectionPage;

use crate::components::status::{ErrorPanel, LoadingBlock};
use crate::fetch::{Content, FetchError};
use crate::route::Route;
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The page the address names.
#[component]
pub fn RoutedPage() -> impl IntoView {
    let site = use_site();
    let location = use_location();
    let route = Memo::new(move |_| site.route(&location.pathname.get()));
    move || match route.get() {
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::Section { section, page } => view! { <SectionPage section page /> }.into_any(),
        Route::Article { section, slug } => view! { <ArticlePage section slug /> }.into_any(),
        Route::Search => view! { <SearchPage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// A page once its content is on screen: the document's title and description follow it, and
/// a reader who came by a link gets the new page at its top, focus on its heading and its title
/// announced (see [`crate::route_focus`]). Every page's content goes through here.
#[component]
pub fn Page(meta: PageMeta, children: Children) -> impl IntoView {
    // After rendering, in the browser only: the head and focus are the document's, not the view's.
    Effect::new(move |_| {
        crate::head::set_page_meta(&meta.title, &meta.description);
        crate::route_focus::page_ready();
        crate::prefetch::links_in_view();
    });
    children()
}

/// Shows a content resource: a placeholder while it loads, "not found" when the file is not
/// there, the error with a retry when it failed, and `render` once it is in.
pub fn show_loaded<T, V>(
    resource: Content<T>,
    placeholder_lines: usize,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None | Some(Err(FetchError::Aborted)) => {
            view! { <LoadingBlock lines=placeholder_lines /> }.into_any()
        }
        Some(Err(error)) if error.is_not_found() => view! { <NotFoundPage /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorPanel error retry=move || resource.refetch() /> }.into_any()
        }
        Some(Ok(value)) => render(value).into_any(),
    }
}
