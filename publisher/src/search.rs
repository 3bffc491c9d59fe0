//! The search index: every word of every article, folded and split into files so that the
//! browser reads only the few a query needs (see `docs/search-index.md`).

use crate::incremental::{files_below, fnv1a, fnv1a_hex, hash_parts};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tintuc::content::Article;
use tintuc::search::{
    files, pair, words, DocumentsFile, IndexHead, TermsFile, TermsFileName, INDEX_FORMAT,
    MAX_WORD_CHARS,
};
use unicode_normalization::UnicodeNormalization;

/// What a terms file's JSON holds on average: about 3–6 KiB compressed, so that a query of a
/// few words reads tens of KiB, in a handful of requests.
const TERMS_FILE_BYTES: usize = 24 * 1024;
/// No terms file ends before this many bytes...
const MIN_TERMS_FILE_BYTES: usize = 8 * 1024;
/// ...and every one ends past this many (a single term may hold more).
const MAX_TERMS_FILE_BYTES: usize = 64 * 1024;
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
            pairs.push(weight(count, in_title));
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

/// A document's weight in a form's postings: how often the form occurs in it (at most 255),
/// doubled, plus 1 when its title has it.
fn weight(count: u32, in_title: bool) -> u32 {
    count.min(255) * 2 + u32::from(in_title)
}

/// The articles in the index's document order: oldest first, the reverse of the site's lists,
/// so that a new article is added at the end.
fn in_document_order(articles: &[Article]) -> Vec<&Article> {
    let mut ordered: Vec<&Article> = articles.iter().collect();
    ordered.sort_by(|a, b| {
        crate::catalog::newest_first((b.published, &b.slug), (a.published, &a.slug))
    });
    ordered
}

/// The runs of `article`'s text that are indexed, with whether each is its title.
fn runs(article: &Article) -> Vec<(String, bool)> {
    let mut runs = vec![(article.title.clone(), true), (article.lead.clone(), false)];
    // A block's parts (a paragraph's text and link texts, a list's items) as one run of text,
    // so that words side by side across a link still are.
    runs.extend(
        article
            .body
            .iter()
            .map(|block| (block.text_parts().collect::<Vec<_>>().join(" "), false)),
    );
    runs
}

/// Calls `found` with each occurrence of a term in `article`: its folded text, its exact form
/// and whether the title has it; each word, then each pair of words side by side.
fn each_term(article: &Article, mut found: impl FnMut(&str, &str, bool)) {
    // As a query cuts its words, without a copy for the words (nearly all) short enough.
    let cut = |s: String| -> String {
        match s.char_indices().nth(MAX_WORD_CHARS) {
            Some((end, _)) => s[..end].to_string(),
            None => s,
        }
    };
    let (mut pair_folded, mut pair_exact) = (String::new(), String::new());
    for (text, in_title) in runs(article) {
        let text: String = text.nfc().collect();
        let words: Vec<(String, String)> = words(&text)
            .map(|w| (cut(w.folded), cut(w.exact)))
            .collect();
        for (folded, exact) in &words {
            found(folded, exact, in_title);
        }
        for side in words.windows(2) {
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
            found(&pair_folded, &pair_exact, in_title);
        }
    }
}

/// Fills `here` with each form of `article` (as `key` names it from its folded text and exact
/// form): how often it occurs, and whether the title has it.
fn count_terms<K: std::hash::Hash + Eq>(
    article: &Article,
    here: &mut HashMap<K, (u32, bool)>,
    mut key: impl FnMut(&str, &str) -> K,
) {
    here.clear();
    each_term(article, |folded, exact, in_title| {
        let seen = here.entry(key(folded, exact)).or_insert((0, false));
        seen.0 += 1;
        seen.1 |= in_title;
    });
}

/// The index files, as (path relative to the site, JSON), the head last.
pub fn build(articles: &[Article]) -> Vec<(String, String)> {
    let ordered = in_document_order(articles);
    let mut terms = Terms::default();
    let mut here = HashMap::new();
    for (doc, article) in ordered.iter().enumerate() {
        count_terms(article, &mut here, |folded, exact| {
            terms.form(folded, exact)
        });
        terms.add_document(doc as u32, &here);
    }
    index_files(terms.into_sorted(), &ordered)
}

/// The files of an index of the `ordered` documents holding `terms` (in order, with their
/// forms' postings), the head last.
fn index_files(
    terms: Vec<(String, BTreeMap<String, Vec<u32>>)>,
    ordered: &[&Article],
) -> Vec<(String, String)> {
    // Words and pairs in files of their own (see `IndexHead::pairs_files`).
    let (pairs, words): (Vec<_>, Vec<_>) = terms.into_iter().partition(|(t, _)| t.contains(' '));
    let mut out: Vec<(String, String)> = Vec::new();
    // Each file named by a hash of its content: a file is written again only when it changes.
    let mut named = |kind: &str, body: String| {
        let name = file_name(kind, body.as_bytes());
        out.push((files::named(&name), body));
        name
    };
    let mut terms_files = |kind, terms| -> Vec<TermsFileName> {
        cut_into_files(terms)
            .into_iter()
            .map(|(first, file)| TermsFileName {
                first,
                name: named(kind, json(&file)),
            })
            .collect()
    };
    let words_files = terms_files("w", words);
    let pairs_files = terms_files("p", pairs);
    let documents_files = ordered
        .chunks(DOCUMENTS_PER_FILE as usize)
        .map(|chunk| {
            let slugs: DocumentsFile = chunk.iter().map(|a| a.slug.clone()).collect();
            named("d", json(&slugs))
        })
        .collect();
    let head = IndexHead {
        format: INDEX_FORMAT,
        documents: ordered.len() as u32,
        documents_per_file: DOCUMENTS_PER_FILE,
        documents_files,
        words_files,
        pairs_files,
    };
    out.push((files::INDEX.to_string(), json(&head)));
    out
}

/// The name of a file of `kind` (`w`, `p` or `d`) holding `body`.
fn file_name(kind: &str, body: &[u8]) -> String {
    format!("{kind}-{}", fnv1a_hex(body.iter().copied()))
}

/// Sorted terms with their forms' postings, cut into files of about [`TERMS_FILE_BYTES`], each
/// with its first term.
///
/// A file ends after a term whose hash falls below that term's share of the bytes a file is
/// given, once it holds [`MIN_TERMS_FILE_BYTES`] (and always past [`MAX_TERMS_FILE_BYTES`]).
/// Where files end depends on the terms there, not on everything before them: when one
/// article changes, the files its words are in change, and the others keep their content and
/// their names.
fn cut_into_files(terms: Vec<(String, BTreeMap<String, Vec<u32>>)>) -> Vec<(String, TermsFile)> {
    let mut files = Vec::new();
    let mut current = TermsFile::new();
    let mut first = String::new();
    let mut current_bytes = 0;
    let share = (TERMS_FILE_BYTES - MIN_TERMS_FILE_BYTES) as f64;
    for (term, forms) in terms {
        if current.is_empty() {
            first = term.clone();
        }
        let bytes = json(&forms).len() + term.len() + 4;
        current_bytes += bytes;
        let chance = mix(fnv1a(term.bytes())) as f64 / u64::MAX as f64;
        let ends = current_bytes >= MAX_TERMS_FILE_BYTES
            || (current_bytes >= MIN_TERMS_FILE_BYTES && chance < bytes as f64 / share);
        current.insert(term, forms);
        if ends {
            files.push((std::mem::take(&mut first), std::mem::take(&mut current)));
            current_bytes = 0;
        }
    }
    if !current.is_empty() {
        files.push((first, current));
    }
    files
}

/// Spreads a hash's bits over all of it (the finaliser of MurmurHash3), so that short terms'
/// hashes are evenly spread too.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

fn json(value: &impl serde::Serialize) -> String {
    // Maps of strings and numbers always serialise.
    serde_json::to_string(value).unwrap_or_default()
}

/// What [`write`] did.
#[derive(Debug, Default, PartialEq)]
pub struct Written {
    /// Files written (those whose content changed).
    pub files: usize,
    /// Articles whose words were read: all of them, unless an earlier index was updated.
    pub read: usize,
}

/// Replaces the search index under `root` with one built from `articles`, writing only the
/// files whose content changed and removing those it no longer names.
///
/// With a `cache` folder, where an earlier run noted each document's text, the index under
/// `root` is updated instead of built again: only the articles whose text is new or changed are
/// read for their words, and the other documents' postings are taken from the files already
/// there. The files are exactly those [`build`] makes (a test holds it to that).
pub fn write(root: &Path, articles: &[Article], cache: Option<&Path>) -> std::io::Result<Written> {
    let ordered = in_document_order(articles);
    let texts: Vec<String> = ordered.iter().map(|a| text_hash(a)).collect();
    let tool = crate::incremental::tool_identity();
    let mut written = Written::default();
    let built = cache
        .and_then(|cache| Earlier::read(root, cache, &tool))
        .and_then(|earlier| earlier.update(root, &ordered, &texts, &mut written.read))
        .unwrap_or_else(|| {
            written.read = articles.len();
            build(articles)
        });
    for (rel, body) in &built {
        written.files += usize::from(crate::incremental::write_if_changed(&root.join(rel), body)?);
    }
    let head = built
        .last()
        .map_or_else(String::new, |(_, head)| fnv1a_hex(head.bytes()));
    let keep = built.into_iter().map(|(rel, _)| rel).collect();
    crate::incremental::remove_others(root, files::DIR, &keep)?;
    if let Some(cache) = cache {
        let mut ledger = format!("{tool}\t{head}\n");
        for (article, text) in ordered.iter().zip(&texts) {
            ledger.push_str(&format!("{}\t{text}\n", article.slug));
        }
        crate::incremental::write_atomically(&cache.join(SEARCH_LEDGER), &ledger)?;
    }
    Ok(written)
}

/// The cache's note of the last index written: this tool's identity and a hash of the index's
/// `index.json` (which names every other file by its content), then each document's slug and
/// text hash, in document order.
const SEARCH_LEDGER: &str = "search.tsv";

/// A hash of everything of `article` that the index reads.
fn text_hash(article: &Article) -> String {
    let runs = runs(article);
    hash_parts(
        runs.iter().flat_map(|(text, in_title)| {
            [text.as_bytes(), if *in_title { b"title" } else { b"text" }]
        }),
    )
}

/// The index an earlier run wrote under the site, as its cache noted it.
struct Earlier {
    head: IndexHead,
    /// (slug, text hash) of each document, in its document order.
    documents: Vec<(String, String)>,
}

impl Earlier {
    /// The earlier index, if the cache's note is this tool's and describes the index the site
    /// holds now; `None` otherwise (the index is then built whole).
    fn read(root: &Path, cache: &Path, tool: &str) -> Option<Earlier> {
        let ledger = std::fs::read_to_string(cache.join(SEARCH_LEDGER)).ok()?;
        let mut lines = ledger.lines();
        let (noted_tool, noted_head) = lines.next()?.split_once('\t')?;
        let head_text = std::fs::read(root.join(files::INDEX)).ok()?;
        let head: IndexHead = serde_json::from_slice(&head_text).ok()?;
        let documents: Vec<(String, String)> = lines
            .map(|line| {
                let (slug, text) = line.split_once('\t')?;
                Some((slug.to_string(), text.to_string()))
            })
            .collect::<Option<_>>()?;
        (noted_tool == tool
            && noted_head == fnv1a_hex(head_text.into_iter())
            && head.format == INDEX_FORMAT
            && head.documents as usize == documents.len())
        .then_some(Earlier { head, documents })
    }

    /// The index of the `ordered` documents, whose text hashes are `texts`: the earlier
    /// postings of each document whose text is unchanged, renumbered, and the words of the
    /// others read again. `None` when a file of the earlier index cannot be read as written.
    /// `read` counts the articles read again.
    fn update(
        self,
        root: &Path,
        ordered: &[&Article],
        texts: &[String],
        read: &mut usize,
    ) -> Option<Vec<(String, String)>> {
        let now: HashMap<(&str, &str), u32> = ordered
            .iter()
            .zip(texts)
            .enumerate()
            .map(|(doc, (article, text))| ((article.slug.as_str(), text.as_str()), doc as u32))
            .collect();
        // Each earlier document's number now, if its text is unchanged.
        let renumbered: Vec<Option<u32>> = self
            .documents
            .iter()
            .map(|(slug, text)| now.get(&(slug.as_str(), text.as_str())).copied())
            .collect();
        let kept: std::collections::HashSet<u32> = renumbered.iter().flatten().copied().collect();
        // Two articles with the same slug and text (a file copied under another name), now or
        // then, cannot be told apart: built whole.
        if now.len() != ordered.len() || kept.len() != renumbered.iter().flatten().count() {
            return None;
        }

        // Term → form → (document, weight), in no order yet.
        let mut terms: BTreeMap<String, BTreeMap<String, Vec<(u32, u32)>>> = BTreeMap::new();
        let earlier_files = (self.head.words_files.iter().map(|file| ("w", file)))
            .chain(self.head.pairs_files.iter().map(|file| ("p", file)));
        for (kind, file) in earlier_files {
            let bytes = std::fs::read(root.join(files::named(&file.name))).ok()?;
            // A file changed since it was written is not what its name says: built whole.
            if file.name != file_name(kind, &bytes) {
                return None;
            }
            let file: TermsFile = serde_json::from_slice(&bytes).ok()?;
            for (term, forms) in file {
                for (form, postings) in forms {
                    let mut doc = 0u32;
                    let mut found = Vec::new();
                    for pair in postings.chunks(2) {
                        let [gap, weight] = pair else { return None };
                        doc = doc.checked_add(*gap)?;
                        if let Some(now) = *renumbered.get(doc as usize)? {
                            found.push((now, *weight));
                        }
                    }
                    if !found.is_empty() {
                        terms.entry(term.clone()).or_default().insert(form, found);
                    }
                }
            }
        }
        let mut here = HashMap::new();
        for (doc, article) in ordered.iter().enumerate() {
            let doc = doc as u32;
            if kept.contains(&doc) {
                continue;
            }
            *read += 1;
            count_terms(article, &mut here, |folded, exact| {
                (folded.to_string(), exact.to_string())
            });
            for ((folded, exact), (count, in_title)) in here.drain() {
                terms
                    .entry(folded)
                    .or_default()
                    .entry(exact)
                    .or_default()
                    .push((doc, weight(count, in_title)));
            }
        }
        let terms = terms
            .into_iter()
            .map(|(term, forms)| {
                let forms = forms
                    .into_iter()
                    .map(|(form, mut found)| {
                        found.sort_unstable();
                        let mut last = 0;
                        let mut postings = Vec::with_capacity(found.len() * 2);
                        for (doc, weight) in found {
                            postings.extend([doc - last, weight]);
                            last = doc;
                        }
                        (form, postings)
                    })
                    .collect();
                (term, forms)
            })
            .collect();
        Some(index_files(terms, ordered))
    }
}

/// What is wrong with the search index under `root`, compared with one built from `articles`:
/// missing, of another format, or out of date.
pub fn problems(root: &Path, articles: &[Article]) -> Vec<String> {
    let built = build(articles);
    let on_disk = files_below(root, files::DIR).unwrap_or_default();
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
