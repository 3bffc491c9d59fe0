//! A picture of the article, with the resized copies the release build made of it: the browser
//! takes the smallest that fills its place on this screen, in AVIF where it can.

use crate::content::Image;
use crate::site::use_site;
use leptos::prelude::*;

/// How wide each kind of picture is drawn, for the browser to choose a copy before it lays the
/// page out. They follow style/main.css: the article's column (`.article`, 70ch of body text),
/// the home page's lead story, and list thumbnails (`.article-item__thumb`, 8rem at most).
pub mod sizes {
    pub const BODY: &str = "(min-width: 48rem) 44rem, 100vw";
    pub const LEAD_STORY: &str =
        "(min-width: 72rem) 46rem, (min-width: 60rem) calc((100vw - 4rem) * 2 / 3), 100vw";
    pub const THUMBNAIL: &str = "8rem";
}

/// `image`, at `src` (its address on this site), described by `alt`. `eager` for the picture
/// the reader sees first, which the browser should fetch at once; every other waits until it is
/// near the screen.
#[component]
pub fn Picture(
    image: Image,
    src: String,
    alt: String,
    sizes: &'static str,
    #[prop(optional)] eager: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let site = use_site();
    let srcset = |avif: bool| {
        let list: Vec<String> = image
            .variants
            .iter()
            .filter(|v| (v.media_type == "image/avif") == avif)
            .filter_map(|v| Some(format!("{} {}w", site.asset_href(&v.src)?, v.width)))
            .collect();
        (!list.is_empty()).then(|| list.join(", "))
    };
    let modern = srcset(true);
    let fallback = srcset(false);
    let has_sizes = modern.is_some() || fallback.is_some();
    // `loading` before `src`: an image element starts fetching as soon as it has a source.
    let img = view! {
        <img
            class=(!class.is_empty()).then_some(class)
            loading=if eager { "eager" } else { "lazy" }
            fetchpriority=eager.then_some("high")
            decoding="async"
            srcset=fallback
            sizes=has_sizes.then_some(sizes)
            src=src
            alt=alt
            width=image.width
            height=image.height
        />
    };
    match modern {
        Some(modern) => view! {
            <picture>
                <source type="image/avif" srcset=modern sizes=sizes />
                {img}
            </picture>
        }
        .into_any(),
        None => img.into_any(),
    }
}
