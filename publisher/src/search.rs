//! The search index: every word of every article, folded and split into files so that the
//! browser reads only the few a query needs (see `docs/search-index.md`).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tintuc::content::Article;
use tintuc::search::{
    files, pair, words, DocumentsFile, IndexHead, TermsFile, INDEX_FORMAT, MAX_WORD_CHARS,
};
use unicode_normalization::UnicodeNormalization;

/// A terms file is closed once its JSON passes this many bytes: about 3–6 KiB compressed, so
/// that a query of a few words reads tens of KiB, in a handful of requests.
const TERMS_FILE_BYTES: usize = 24 * 1024;
/// Slugs per documents file: a results page of ten reads at most ten of these small files.
const DOCUMENTS_PER_FILE: u32 = 100;

/// Every form of every term, as the articles are read: the terms by folded text, each with its
/// forms, each form with the documents it occurs in, in document order.
#[derive(Default)]
struct Terms {
    ids: HashMap<String, usize>,
    /// (folded term, its forms by exact text → form id)
    terms: Vec<(String, HashMap<String, usize>)>,
    /// Per form id: postings, `[gap, weight]` pairs as the files write them, and the last
    /// document added.
    postings: Vec<(Vec<u32>, u32)>,
}

impl Terms {
    fn form(&mut self, folded: &str, exact: &str) -> usize {
        let term = match self.ids.get(folded) {
            Some(&id) => id,
            None => {
                self.terms.push((folded.to_string(), HashMap::new()));
                self.ids.insert(folded.to_string(), self.terms.len() - 1);
                self.terms.len() - 1
            }
        };
        let forms = &mut self.terms[term].1;
        match forms.get(exact) {
            Some(&id) => id,
            None => {
                self.postings.push((Vec::new(), 0));
                forms.insert(exact.to_string(), self.postings.len() - 1);
                self.postings.len() - 1
            }
        }
    }

    /// Adds document `doc` (after every document added before) to each form in `here`.
    fn add_document(&mut self, doc: u32, here: &HashMap<usize, (u32, bool)>) {
        for (&form, &(count, in_title)) in here {
            let (pairs, last) = &mut self.postings[form];
            pairs.push(doc - *last);
            pairs.push(count.min(255) * 2 + u32::from(in_title));
            *last = doc;
        }
    }

    /// Every term in order, with its forms' postings in order.
    fn into_sorted(self) -> Vec<(String, BTreeMap<String, Vec<u32>>)> {
        let mut postings: Vec<Option<Vec<u32>>> =
            self.postings.into_iter().map(|(p, _)| Some(p)).collect();
        let mut terms: Vec<(String, BTreeMap<String, Vec<u32>>)> = self
            .terms
            .into_iter()
            .map(|(term, forms)| {
                let forms = forms
                    .into_iter()
                    .map(|(form, id)| (form, postings[id].take().unwrap_or_default()))
                    .collect();
                (term, forms)
            })
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        terms
    }
}

/// The index files, as (path relative to the site, JSON), the head last.
pub fn build(articles: &[Article]) -> Vec<(String, String)> {
    let mut ordered: Vec<&Article> = articles.iter().collect();
    ordered.sort_by(|a, b| {
        crate::catalog::newest_first((a.published, &a.slug), (b.published, &b.slug))
    });

    let mut terms = Terms::default();
    let mut here: HashMap<usize, (u32, bool)> = HashMap::new();
    // As a query cuts its words, without a copy for the words (nearly all) short enough.
    let cut = |s: String| -> String {
        match s.char_indices().nth(MAX_WORD_CHARS) {
            Some((end, _)) => s[..end].to_string(),
            None => s,
        }
    };
    let (mut pair_folded, mut pair_exact) = (String::new(), String::new());
    for (doc, article) in ordered.iter().enumerate() {
        here.clear();
        let mut runs = vec![(article.title.clone(), true), (article.lead.clone(), false)];
        // A block's parts (a paragraph's text and link texts, a list's items) as one run of
        // text, so that words side by side across a link still are.
        runs.extend(
            article
                .body
                .iter()
                .map(|block| (block.text_parts().collect::<Vec<_>>().join(" "), false)),
        );
        for (text, in_title) in runs {
            let text: String = text.nfc().collect();
            let found: Vec<(String, String)> = words(&text)
                .map(|w| (cut(w.folded), cut(w.exact)))
                .collect();
            let mut count = |form: usize| {
                let seen = here.entry(form).or_insert((0, false));
                seen.0 += 1;
                seen.1 |= in_title;
            };
            for (folded, exact) in &found {
                count(terms.form(folded, exact));
            }
            for side in found.windows(2) {
                // Written as `pair` writes them, into buffers kept from one pair to the next.
                for (buffer, first, second) in [
                    (&mut pair_folded, &side[0].0, &side[1].0),
                    (&mut pair_exact, &side[0].1, &side[1].1),
                ] {
                    buffer.clear();
                    buffer.push_str(first);
                    buffer.push(' ');
                    buffer.push_str(second);
                }
                debug_assert_eq!(pair_folded, pair(&side[0].0, &side[1].0));
                count(terms.form(&pair_folded, &pair_exact));
            }
        }
        terms.add_document(doc as u32, &here);
    }

    // Words and pairs in files of their own (see `IndexHead::pairs_files`).
    let (pairs, words): (Vec<_>, Vec<_>) = terms
        .into_sorted()
        .into_iter()
        .partition(|(t, _)| t.contains(' '));
    let (words_files, words_firsts) = cut_into_files(words);
    let (pairs_files, pairs_firsts) = cut_into_files(pairs);
    let documents: Vec<DocumentsFile> = ordered
        .chunks(DOCUMENTS_PER_FILE as usize)
        .map(|chunk| chunk.iter().map(|a| a.slug.clone()).collect())
        .collect();

    let words_bodies: Vec<String> = words_files.iter().map(json).collect();
    let pairs_bodies: Vec<String> = pairs_files.iter().map(json).collect();
    let documents_bodies: Vec<String> = documents.iter().map(json).collect();
    let build = fnv1a(
        words_bodies
            .iter()
            .chain(&pairs_bodies)
            .chain(&documents_bodies),
    );
    let mut out: Vec<(String, String)> = Vec::new();
    out.extend(
        words_bodies
            .into_iter()
            .enumerate()
            .map(|(n, b)| (files::words(&build, n), b)),
    );
    out.extend(
        pairs_bodies
            .into_iter()
            .enumerate()
            .map(|(n, b)| (files::pairs(&build, n), b)),
    );
    out.extend(
        documents_bodies
            .into_iter()
            .enumerate()
            .map(|(n, b)| (files::documents(&build, n), b)),
    );
    let head = IndexHead {
        format: INDEX_FORMAT,
        build,
        documents: ordered.len() as u32,
        documents_per_file: DOCUMENTS_PER_FILE,
        words_files: words_firsts,
        pairs_files: pairs_firsts,
    };
    out.push((files::INDEX.to_string(), json(&head)));
    out
}

/// Sorted terms with their forms' postings, cut into files of about [`TERMS_FILE_BYTES`]; with
/// the first term of each file.
fn cut_into_files(
    terms: Vec<(String, BTreeMap<String, Vec<u32>>)>,
) -> (Vec<TermsFile>, Vec<String>) {
    let mut files = Vec::new();
    let mut firsts = Vec::new();
    let mut current = TermsFile::new();
    let mut current_bytes = 0;
    for (term, forms) in terms {
        if current.is_empty() {
            firsts.push(term.clone());
        }
        current_bytes += json(&forms).len() + term.len() + 4;
        current.insert(term, forms);
        if current_bytes >= TERMS_FILE_BYTES {
            files.push(std::mem::take(&mut current));
            current_bytes = 0;
        }
    }
    if !current.is_empty() {
        files.push(current);
    }
    (files, firsts)
}

fn json(value: &impl serde::Serialize) -> String {
    // Maps of strings and numbers always serialise.
    serde_json::to_string(value).unwrap_or_default()
}

/// A stable hash of the files (FNV-1a, 64 bits), in hex: the same content always names the same
/// build, on any machine and toolchain, so that `check` can compare a rebuilt index.
fn fnv1a<'a>(bodies: impl Iterator<Item = &'a String>) -> String {
    fnv1a_bytes(bodies.flat_map(|b| b.bytes().chain([0])))
}

/// FNV-1a (64 bits) of `bytes`, in hex.
pub(crate) fn fnv1a_bytes(bytes: impl Iterator<Item = u8>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Replaces the search index under `root` with one built from `articles`; returns how many
/// files it wrote.
pub fn write(root: &Path, articles: &[Article]) -> std::io::Result<usize> {
    let dir = root.join("content/search");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let built = build(articles);
    for (rel, body) in &built {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, body)?;
    }
    Ok(built.len())
}

/// What is wrong with the search index under `root`, compared with one built from `articles`:
/// missing, of another format, or out of date.
pub fn problems(root: &Path, articles: &[Article]) -> Vec<String> {
    let built = build(articles);
    let mut on_disk = Vec::new();
    list_files(&root.join("content/search"), "content/search", &mut on_disk);
    on_disk.sort();
    let mut wanted: Vec<&str> = built.iter().map(|(rel, _)| rel.as_str()).collect();
    wanted.sort_unstable();
    let differs = on_disk != wanted
        || built.iter().any(|(rel, body)| {
            std::fs::read_to_string(root.join(rel)).map_or(true, |found| found.trim_end() != body)
        });
    if differs {
        vec![format!(
            "{}: not the index these articles make; run `make content` (or `tintuc-content \
             index`) and publish what it writes",
            files::INDEX
        )]
    } else {
        Vec::new()
    }
}

/// The files below `dir`, as paths starting with `rel`.
fn list_files(dir: &Path, rel: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{rel}/{name}");
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(&entry.path(), &path, out);
        } else {
            out.push(path);
        }
    }
}
