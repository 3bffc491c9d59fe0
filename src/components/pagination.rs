//! Links between the pages of a section.

use crate::site::use_site;
use crate::strings::use_strings;
use leptos::prelude::*;

/// Previous and next links, the page numbers around this one, and where the reader is.
#[component]
pub fn Pagination(#[prop(into)] section: String, page: u32, pages: u32) -> impl IntoView {
    let t = use_strings();
    let site = use_site();
    if pages <= 1 {
        return ().into_any();
    }
    let link = |n: u32| site.section_href(&section, n);
    let numbers = page_numbers(page, pages)
        .into_iter()
        .map(|n| match n {
            Some(n) if n == page => {
                view! { <li><span class="pagination__current" aria-current="page">{n}</span></li> }
                    .into_any()
            }
            Some(n) => {
                view! { <li><a href=link(n) aria-label=t.page_label(n)>{n}</a></li> }.into_any()
            }
            None => view! { <li aria-hidden="true" class="pagination__gap">"…"</li> }.into_any(),
        })
        .collect_view();
    view! {
        <nav class="pagination" aria-label=t.pagination>
            <p class="visually-hidden">{t.page_of(page, pages)}</p>
            <ul>
                {(page > 1).then(|| view! { <li><a href=link(page - 1) rel="prev">{t.previous_page}</a></li> })}
                {numbers}
                {(page < pages).then(|| view! { <li><a href=link(page + 1) rel="next">{t.next_page}</a></li> })}
            </ul>
        </nav>
    }
    .into_any()
}

/// The page numbers to offer: first, last, and two either side of `page`, with `None` for gaps.
/// Never walks the pages one by one: a section page may claim any number of them.
pub fn page_numbers(page: u32, pages: u32) -> Vec<Option<u32>> {
    let near = page.saturating_sub(2).max(1)..=page.saturating_add(2).min(pages);
    // In order already: 1, the pages around `page`, the last.
    let mut out: Vec<Option<u32>> = Vec::new();
    for n in std::iter::once(1).chain(near).chain(std::iter::once(pages)) {
        match out.last() {
            _ if n == 0 || n > pages => {}
            Some(Some(last)) if n <= *last => {}
            Some(Some(last)) if n - last > 1 => out.extend([None, Some(n)]),
            _ => out.push(Some(n)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::page_numbers;

    #[test]
    fn offers_neighbours_first_and_last_with_gaps() {
        assert_eq!(page_numbers(1, 1), [Some(1)]);
        assert_eq!(page_numbers(1, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(
            page_numbers(10, 20),
            [
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(20)
            ]
        );
        assert_eq!(
            page_numbers(2, 8),
            [Some(1), Some(2), Some(3), Some(4), None, Some(8)]
        );
        assert_eq!(page_numbers(1, 0), []);
        // A page past the end (a stale link) still offers the way back.
        assert_eq!(page_numbers(9, 3), [Some(1), None, Some(3)]);
        assert_eq!(
            page_numbers(7, u32::MAX),
            [
                Some(1),
                None,
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                Some(9),
                None,
                Some(u32::MAX)
            ]
        );
    }
}
