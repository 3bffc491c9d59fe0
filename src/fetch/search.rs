//! Searching: the index's files and the articles a results page shows, each fetched once and
//! kept for the page's life, so that the next keystroke reads what the last one fetched.

use super::{decode, decode_versioned, get_text, FetchError};
use crate::content::{paths, Article};
use crate::search::{files, rank, DocumentsFile, IndexHead, Query, TermsFile, INDEX_FORMAT};
use serde::de::DeserializeOwned;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

/// How many files are kept: a few searches' worth of index files and articles.
const MAX_KEPT: usize = 400;

thread_local! {
    /// Decoded files by path. The index's files are named by their content, so a kept one is
    /// never stale; only `index.json` itself is forgotten (see [`search`]).
    static KEPT: RefCell<HashMap<String, Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

type Text<'a> = Pin<Box<dyn Future<Output = Result<String, FetchError>> + 'a>>;

/// The texts of `paths`, fetched side by side, in order. One small join of one future type:
/// a general one (futures' `join_all`) cost the app's download several KiB per use.
async fn texts<'a>(paths: &[&'a str]) -> Vec<Result<String, FetchError>> {
    let mut pending: Vec<Text<'a>> = paths
        .iter()
        .map(|&path| Box::pin(get_text(path, None)) as Text<'a>)
        .collect();
    let mut done: Vec<Option<Result<String, FetchError>>> = paths.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        for (slot, future) in done.iter_mut().zip(pending.iter_mut()) {
            if slot.is_none() {
                if let Poll::Ready(text) = future.as_mut().poll(cx) {
                    *slot = Some(text);
                }
            }
        }
        if done.iter().all(Option::is_some) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    done.into_iter().flatten().collect()
}

/// The files at `paths`, decoded by `decode`, each from what this page has already fetched or
/// else from the network (the missing ones side by side); one result per path, in order.
async fn kept<T: 'static>(
    paths: &[String],
    decode: fn(&str, &str) -> Result<T, FetchError>,
) -> Vec<Result<Rc<T>, FetchError>> {
    let found: Vec<Option<Rc<T>>> = KEPT.with(|kept| {
        let kept = kept.borrow();
        paths
            .iter()
            .map(|path| kept.get(path).cloned().and_then(|v| v.downcast::<T>().ok()))
            .collect()
    });
    let missing: Vec<&str> = paths
        .iter()
        .zip(&found)
        .filter(|(_, found)| found.is_none())
        .map(|(path, _)| path.as_str())
        .collect();
    let mut fetched = texts(&missing).await.into_iter();
    paths
        .iter()
        .zip(found)
        .map(|(path, found)| {
            if let Some(value) = found {
                return Ok(value);
            }
            let text = fetched.next().unwrap_or(Err(FetchError::Aborted))?;
            let value = Rc::new(decode(path, &text)?);
            KEPT.with(|kept| {
                let mut kept = kept.borrow_mut();
                // A long visit of many searches starts afresh rather than hold every file.
                if kept.len() >= MAX_KEPT {
                    kept.clear();
                }
                kept.insert(path.clone(), value.clone());
            });
            Ok(value)
        })
        .collect()
}

/// [`kept`] for files that must all be there.
async fn kept_all<T: 'static>(
    paths: &[String],
    decode: fn(&str, &str) -> Result<T, FetchError>,
) -> Result<Vec<Rc<T>>, FetchError> {
    kept(paths, decode).await.into_iter().collect()
}

fn decoded<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, FetchError> {
    decode(path, text)
}

fn decoded_head(path: &str, text: &str) -> Result<IndexHead, FetchError> {
    decode_versioned(path, text, INDEX_FORMAT)
}

/// What a search found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// How many articles match.
    pub total: usize,
    /// The first of them, best first, as many as were asked for.
    pub articles: Vec<Article>,
}

/// The articles that match `query`: how many, and the first `shown` of them.
///
/// Should the site be published again while the page is open, the index this page read first
/// names files that are gone: it is then read anew, once. An article that is gone is left out.
pub async fn search(query: &Query, shown: usize) -> Result<Found, FetchError> {
    match run(query, shown).await {
        Err(error) if error.is_not_found() => {
            KEPT.with(|kept| kept.borrow_mut().remove(files::INDEX));
            run(query, shown).await
        }
        result => result,
    }
}

async fn run(query: &Query, shown: usize) -> Result<Found, FetchError> {
    if query.is_empty() {
        return Ok(Found {
            total: 0,
            articles: Vec::new(),
        });
    }
    let head = kept_all(&[files::INDEX.to_string()], decoded_head)
        .await?
        .remove(0);
    let loaded = kept_all::<TermsFile>(&query.files(&head), decoded).await?;
    let files: Vec<&TermsFile> = loaded.iter().map(|f| &**f).collect();
    let ranked = rank(query, &files, head.documents);
    let first = &ranked[..shown.min(ranked.len())];
    // A number past the files the index names (a damaged index) lists no document.
    let (numbers, list_paths): (Vec<usize>, Vec<String>) = first_files(first, &head)
        .into_iter()
        .filter_map(|n| Some((n, head.documents_path(n)?)))
        .unzip();
    let lists = kept_all::<DocumentsFile>(&list_paths, decoded).await?;
    let per_file = head.documents_per_file.max(1);
    let slug = |doc: u32| {
        let at = numbers
            .iter()
            .position(|&n| n == head.documents_file(doc))?;
        lists[at].get((doc % per_file) as usize).cloned()
    };
    let article_paths: Vec<String> = first
        .iter()
        .filter_map(|&d| slug(d))
        .map(|slug| paths::article(&slug))
        .collect();
    let mut articles = Vec::with_capacity(article_paths.len());
    for article in kept::<Article>(&article_paths, decoded).await {
        match article {
            Ok(article) => articles.push(Article::clone(&article)),
            // Taken down since the index was written: left out, not the whole search with it.
            Err(error) if error.is_not_found() => {}
            Err(error) => return Err(error),
        }
    }
    Ok(Found {
        total: ranked.len(),
        articles,
    })
}

/// The documents files `first` needs, in order, once each.
fn first_files(first: &[u32], head: &IndexHead) -> Vec<usize> {
    let mut files: Vec<usize> = first.iter().map(|&d| head.documents_file(d)).collect();
    files.sort_unstable();
    files.dedup();
    files
}
