//! Searching: the index's files and the articles a results page shows, each fetched once and
//! kept for the page's life, so that the next keystroke reads what the last one fetched.

use super::{decode, decode_versioned, get_text, FetchError};
use crate::content::{paths, Article};
use crate::search::{files, rank, DocumentsFile, IndexHead, Query, TermsFile, INDEX_FORMAT};
use futures::future::{join_all, try_join_all};
use serde::de::DeserializeOwned;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How many files are kept: a few searches' worth of index files and articles.
const MAX_KEPT: usize = 400;

thread_local! {
    /// Decoded files by path. The index's files are named by their build, so a kept one is
    /// never stale; only `index.json` itself is forgotten (see [`search`]).
    static KEPT: RefCell<HashMap<String, Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

/// The file at `path`, decoded by `decode`, from what this page has already fetched or else
/// from the network.
async fn kept<T: 'static>(
    path: String,
    decode: fn(&str, &str) -> Result<T, FetchError>,
) -> Result<Rc<T>, FetchError> {
    let found = KEPT.with(|kept| kept.borrow().get(&path).cloned());
    if let Some(value) = found.and_then(|v| v.downcast::<T>().ok()) {
        return Ok(value);
    }
    let text = get_text(&path, None).await?;
    let value = Rc::new(decode(&path, &text)?);
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        // A long visit of many searches starts afresh rather than hold every file it read.
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert(path, value.clone());
    });
    Ok(value)
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
    let head = kept(files::INDEX.to_string(), decoded_head).await?;
    let loaded = try_join_all(
        query
            .files(&head)
            .into_iter()
            .map(|path| kept::<TermsFile>(path, decoded)),
    )
    .await?;
    let files: Vec<&TermsFile> = loaded.iter().map(|f| &**f).collect();
    let ranked = rank(query, &files, head.documents);
    let first = &ranked[..shown.min(ranked.len())];
    let numbers = first_files(first, &head);
    let lists = try_join_all(
        numbers
            .iter()
            .map(|&n| kept::<DocumentsFile>(files::documents(&head.build, n), decoded)),
    )
    .await?;
    let per_file = head.documents_per_file.max(1);
    let slug = |doc: u32| {
        let at = numbers
            .iter()
            .position(|&n| n == head.documents_file(doc))?;
        lists[at].get((doc % per_file) as usize).cloned()
    };
    let slugs: Vec<String> = first.iter().filter_map(|&d| slug(d)).collect();
    let fetched = join_all(
        slugs
            .into_iter()
            .map(|slug| kept::<Article>(paths::article(&slug), decoded)),
    )
    .await;
    let mut articles = Vec::with_capacity(fetched.len());
    for article in fetched {
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
