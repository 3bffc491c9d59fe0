//! One module per route.

mod article;
mod home;
mod not_found;
mod section;

pub use article::{ArticlePage, ArticleView};
pub use home::{most_viewed_candidates, rank_most_viewed, HomePage, HomeView};
pub use not_found::NotFoundPage;
pub use section::SectionPage;

use crate::components::status::{ErrorPanel, LoadingBlock};
use crate::fetch::{Content, FetchError};
use leptos::prelude::*;

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
