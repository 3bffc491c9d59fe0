//! Searching the archive: how text becomes searchable words, the search index's files, and how
//! a query finds and ranks articles in them. Plain Rust: the publisher's tool writes the index
//! with it and the app reads it, so both fold and split words by the same rules.
//!
//! Words are folded for matching: lower case, Vietnamese tones and vowel marks taken off, and
//! `đ` made `d`, which Unicode decomposition does not do. Each folded word keeps the forms it
//! was written in, so that a query typed with marks ranks articles with those exact marks first.
//!
//! `docs/search-index.md` describes the files.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The search index's format version, carried by `content/search/index.json`. The app reads only
/// this one: an index of another version is reported, never misread.
pub const INDEX_FORMAT: u32 = 2;

/// The most words a query uses; the rest are ignored (and the reader told).
pub const MAX_QUERY_WORDS: usize = 8;
/// The longest word a query keeps, in characters; the index holds none longer.
pub const MAX_WORD_CHARS: usize = 40;
/// How many results a results page adds at a time.
pub const RESULTS_PER_PAGE: usize = 10;
/// How many words files a prefix (the word still being typed) may read; words beyond them that
/// it begins are not matched (the files hold thousands of words: only a very short prefix of a
/// very large archive reaches past two).
const MAX_PREFIX_FILES: usize = 2;
/// The most documents an index may say it has: what the app allots per word must stay within a
/// phone's memory, whatever a damaged `index.json` says.
pub const MAX_DOCUMENTS: u32 = 2_000_000;
/// How much of what was typed the page echoes (in its title and messages), in characters.
pub const ECHO_CHARS: usize = 80;

/// Where the index lives, relative to the site's base path.
pub mod files {
    /// The entry point: the version, and the name of every other file.
    pub const INDEX: &str = "content/search/index.json";
    /// The folder of the whole index.
    pub const DIR: &str = "content/search";
    // Files are named by a hash of their content and never change under a name: a reader
    // holding an older `index.json` gets "not found", never another index's numbers; and a
    // new edition of the index changes only the files whose content changed.
    /// A words, pairs or documents file, by its name in `index.json`.
    pub fn named(name: &str) -> String {
        format!("{DIR}/{name}.json")
    }
}

/// `content/search/index.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexHead {
    /// [`INDEX_FORMAT`].
    pub format: u32,
    /// How many articles are indexed. Document `n` is the `n`-th oldest (by publication time,
    /// then slug), so that a new article is added at the end and leaves the others' numbers.
    pub documents: u32,
    /// How many documents each documents file lists.
    pub documents_per_file: u32,
    /// The name of each documents file, in order.
    pub documents_files: Vec<String>,
    /// The words files, in order of their first word: word `w` is in the last file whose first
    /// word is not after `w`.
    pub words_files: Vec<TermsFileName>,
    /// The same for the pairs files, of two words side by side (`"dai hoi"`). Apart from the
    /// words, so that the words a prefix begins stand together in few files.
    pub pairs_files: Vec<TermsFileName>,
}

/// A words or pairs file in `index.json`: its first term, and its name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermsFileName {
    pub first: String,
    pub name: String,
}

/// One words or pairs file: folded term → the forms it was written in → postings.
///
/// Postings are pairs `[gap, weight]`: the document number's difference from the previous
/// pair's (the first from 0), and `count × 2 + in_title`, where `count` is how often the form
/// occurs in the article (title, lead and body; at most 255) and `in_title` is 1 when the title
/// has it. A term of two words (`"dai hoi"`) lists where they stand side by side.
pub type TermsFile = BTreeMap<String, BTreeMap<String, Vec<u32>>>;

/// One documents file: the slugs of consecutive documents.
pub type DocumentsFile = Vec<String>;

impl IndexHead {
    /// The file of `files` (words or pairs files) that holds `term`, if any could.
    fn file_for(files: &[TermsFileName], term: &str) -> Option<usize> {
        files
            .partition_point(|file| file.first.as_str() <= term)
            .checked_sub(1)
    }

    /// The words files that hold words starting with `prefix` (at most [`MAX_PREFIX_FILES`]).
    fn files_for_prefix(&self, prefix: &str) -> Vec<usize> {
        if self.words_files.is_empty() {
            return Vec::new();
        }
        // Every word is after the prefix: the first file is where words it begins would be.
        let first = Self::file_for(&self.words_files, prefix).unwrap_or(0);
        let mut files = vec![first];
        files.extend(
            (first + 1..self.words_files.len())
                .take_while(|&n| self.words_files[n].first.starts_with(prefix))
                .take(MAX_PREFIX_FILES - 1),
        );
        files
    }

    /// The number of the documents file that lists document `doc`.
    pub fn documents_file(&self, doc: u32) -> usize {
        (doc / self.documents_per_file.max(1)) as usize
    }

    /// The path of documents file `n`, if the index has one.
    pub fn documents_path(&self, n: usize) -> Option<String> {
        self.documents_files.get(n).map(|name| files::named(name))
    }
}

/// The base letter of a lower-case Vietnamese letter: `ế` → `e`, `đ` → `d`; any other character
/// as it is.
pub fn fold_char(ch: char) -> char {
    const GROUPS: [(char, &str); 6] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
    ];
    if ch == 'đ' {
        return 'd';
    }
    GROUPS
        .iter()
        .find(|(_, marked)| marked.contains(ch))
        .map_or(ch, |(base, _)| *base)
}

/// A combining mark (U+0300–U+036F): how decomposed (NFD) text writes tones and vowel marks.
fn is_combining_mark(ch: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&ch)
}

/// `text` in lower case with its marks folded away, whether it came composed (NFC) or
/// decomposed (NFD): `"Đống Đa"` → `"dong da"`.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| !is_combining_mark(c))
        .map(fold_char)
        .collect()
}

/// One word of a text: where it is (byte offsets) and its lower-case form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Lower case, marks kept.
    pub exact: String,
    /// Lower case, marks folded away ([`fold`]).
    pub folded: String,
}

/// The words of `text`: runs of letters and digits (with their combining marks). Anything else
/// separates them, so `2020-2025` is two words and `<script>` is one, `script`; a mark with no
/// letter is none.
pub fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let is_word_char = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            rest.next();
        }
        let exact = text[start..end].to_lowercase();
        Some(Word {
            start,
            end,
            folded: fold(&exact),
            exact,
        })
    })
    // Marks with no letter under them fold to nothing: no word.
    .filter(|word| !word.folded.is_empty())
}

/// What the page shows of a query in its title and messages: at most [`ECHO_CHARS`] characters,
/// `…` where it was cut.
pub fn echo(asked: &str) -> String {
    let asked = asked.trim();
    let mut echo: String = asked.chars().take(ECHO_CHARS).collect();
    if echo.len() < asked.len() {
        echo.push('…');
    }
    echo
}

/// A term of two words standing side by side, as the index keys it.
pub fn pair(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

/// What a reader typed, made into words to look up.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    pub words: Vec<QueryWord>,
    /// Words beyond [`MAX_QUERY_WORDS`] were dropped, or a word was cut to [`MAX_WORD_CHARS`].
    pub shortened: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    pub exact: String,
    pub folded: String,
}

/// The shortest last word that also matches the longer words it begins: one letter would
/// match a good part of the archive, and say little.
pub const MIN_PREFIX_CHARS: usize = 2;

impl QueryWord {
    /// Typed with marks (`đường`, not `duong`): its exact forms rank first.
    pub fn is_marked(&self) -> bool {
        self.exact != self.folded
    }

    /// Long enough, as the last word, to match the words it begins.
    fn is_prefix(&self) -> bool {
        self.folded.chars().count() >= MIN_PREFIX_CHARS
    }
}

impl Query {
    /// The words of `text` (expected composed, NFC: the app normalises what is typed). A text
    /// with no letters or digits has none.
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        for word in words(text) {
            if query.words.len() == MAX_QUERY_WORDS {
                query.shortened = true;
                break;
            }
            let cut = |s: &str| s.chars().take(MAX_WORD_CHARS).collect::<String>();
            let (exact, folded) = (cut(&word.exact), cut(&word.folded));
            query.shortened |= exact.len() < word.exact.len();
            query.words.push(QueryWord { exact, folded });
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The files this query reads (paths below the base), in order, without repeats.
    pub fn files(&self, head: &IndexHead) -> Vec<String> {
        let Some((last, others)) = self.words.split_last() else {
            return Vec::new();
        };
        let mut words: Vec<usize> = others
            .iter()
            .filter_map(|w| IndexHead::file_for(&head.words_files, &w.folded))
            .collect();
        if last.is_prefix() {
            words.extend(head.files_for_prefix(&last.folded));
        } else {
            words.extend(IndexHead::file_for(&head.words_files, &last.folded));
        }
        let pairs = self.words.windows(2).filter_map(|w| {
            IndexHead::file_for(&head.pairs_files, &pair(&w[0].folded, &w[1].folded))
        });
        let mut paths: Vec<String> = words
            .into_iter()
            .map(|n| files::named(&head.words_files[n].name))
            .chain(pairs.map(|n| files::named(&head.pairs_files[n].name)))
            .collect();
        let mut seen = Vec::new();
        paths.retain(|p| {
            let new = !seen.contains(p);
            seen.push(p.clone());
            new
        });
        paths
    }

    /// Where `word` of a text matches a word of this query: the same folded word, or for the
    /// last query word (still being typed) any word it begins.
    pub fn matches(&self, word: &str) -> bool {
        let folded = fold(word);
        let last = self.words.len().saturating_sub(1);
        self.words.iter().enumerate().any(|(i, w)| {
            folded == w.folded
                || (i == last && w.is_prefix() && folded.starts_with(w.folded.as_str()))
        })
    }
}

/// What one article has of one query word.
#[derive(Clone, Copy, Default)]
struct WordHit {
    count: u32,
    in_title: bool,
    /// Some form of it has the query word's marks exactly.
    exact: bool,
    /// Only longer words match (the query word is the beginning of them).
    prefix_only: bool,
}

/// The postings of one form, decoded: (document, count, in title).
fn postings(pairs: &[u32]) -> impl Iterator<Item = (u32, u32, bool)> + '_ {
    let mut doc = 0u32;
    pairs.chunks_exact(2).map(move |pair| {
        doc = doc.saturating_add(pair[0]);
        (doc, pair[1] >> 1, pair[1] & 1 == 1)
    })
}

/// The forms of `term`, from whichever of the loaded terms files holds it.
fn lookup<'a>(files: &[&'a TermsFile], term: &str) -> Option<&'a BTreeMap<String, Vec<u32>>> {
    files.iter().find_map(|file| file.get(term))
}

/// The single words longer than `prefix` that it begins, in the loaded terms files.
fn longer_words<'a>(
    files: &[&'a TermsFile],
    prefix: &'a str,
) -> impl Iterator<Item = &'a BTreeMap<String, Vec<u32>>> + 'a {
    let files = files.to_vec();
    files.into_iter().flat_map(move |file| {
        file.range::<str, _>((
            std::ops::Bound::Excluded(prefix),
            std::ops::Bound::Unbounded,
        ))
        .take_while(move |(term, _)| term.starts_with(prefix))
        .filter(|(term, _)| !term.contains(' '))
        .map(|(_, forms)| forms)
    })
}

/// The documents that match every word of `query`, best first; `files` are the terms files the
/// query reads ([`Query::terms_files`]), `documents` how many the index has. The order:
/// 1. articles with more of the query's marked words in their exact marks (a query typed
///    without marks has none, and goes by relevance alone);
/// 2. relevance: each word's rarity (inverse document frequency) times its count, weighed up
///    in the title and for words side by side as typed, down where only a longer word matches;
/// 3. newer first (a higher document number).
pub fn rank(query: &Query, files: &[&TermsFile], documents: u32) -> Vec<u32> {
    let Some(last) = query.words.len().checked_sub(1) else {
        return Vec::new();
    };
    let documents = documents.min(MAX_DOCUMENTS);
    let n = documents as usize;
    // Per word, per document: one slot each, filled in place (a map per word cost more than
    // the rest of a keystroke's search on a large archive).
    let mut per_word: Vec<(Vec<Option<WordHit>>, usize)> = Vec::with_capacity(query.words.len());
    for (i, word) in query.words.iter().enumerate() {
        let mut hits: Vec<Option<WordHit>> = vec![None; n];
        let mut found = 0;
        let mut add = |forms: &BTreeMap<String, Vec<u32>>, whole: bool| {
            for (form, pairs) in forms {
                for (doc, count, in_title) in postings(pairs) {
                    // A document number past the index's count is not one of its documents.
                    let Some(slot) = hits.get_mut(doc as usize) else {
                        break;
                    };
                    let hit = slot.get_or_insert_with(|| {
                        found += 1;
                        WordHit {
                            prefix_only: true,
                            ..WordHit::default()
                        }
                    });
                    hit.count = hit.count.saturating_add(count);
                    hit.in_title |= in_title;
                    hit.exact |= whole && *form == word.exact;
                    hit.prefix_only &= !whole;
                }
            }
        };
        if let Some(forms) = lookup(files, &word.folded) {
            add(forms, true);
        }
        if i == last && word.is_prefix() {
            for forms in longer_words(files, &word.folded) {
                add(forms, false);
            }
        }
        per_word.push((hits, found));
    }
    let rarity = |found: usize| {
        let n = f64::from(documents.max(1));
        let df = found as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    };
    let rarities: Vec<f64> = per_word.iter().map(|(_, found)| rarity(*found)).collect();
    let side_by_side: Vec<Vec<bool>> = query
        .words
        .windows(2)
        .map(|w| {
            let mut together = vec![false; n];
            for pairs in lookup(files, &pair(&w[0].folded, &w[1].folded))
                .into_iter()
                .flat_map(BTreeMap::values)
            {
                for (doc, ..) in postings(pairs) {
                    if let Some(slot) = together.get_mut(doc as usize) {
                        *slot = true;
                    }
                }
            }
            together
        })
        .collect();
    let mut ranked: Vec<(u32, f64, u32)> = (0..documents)
        .filter_map(|doc| {
            let mut exact = 0;
            let mut score = 0.0;
            for ((word, (hits, _)), rarity) in query.words.iter().zip(&per_word).zip(&rarities) {
                // Every word must match.
                let hit = hits[doc as usize]?;
                exact += u32::from(word.is_marked() && hit.exact);
                let mut weight = 1.0 + f64::from(hit.count.max(1)).ln();
                if hit.in_title {
                    weight *= 3.0;
                }
                if hit.prefix_only {
                    weight *= 0.5;
                }
                score += rarity * weight;
            }
            for (together, rarity) in side_by_side.iter().zip(rarities.windows(2)) {
                if together[doc as usize] {
                    score += 2.0 * (rarity[0] + rarity[1]);
                }
            }
            Some((exact, score, doc))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(b.2.cmp(&a.2)));
    ranked.into_iter().map(|(.., doc)| doc).collect()
}

/// A piece of an excerpt: text, and whether it is a word the query matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub matched: bool,
}

/// Up to `length` words of `text` around its first words that match `query`, matched words
/// marked; `…` where the text goes on. The start of the text when nothing in it matches.
pub fn excerpt(text: &str, query: &Query, length: usize) -> Vec<Piece> {
    let all: Vec<Word> = words(text).collect();
    if all.is_empty() {
        return Vec::new();
    }
    let first = all
        .iter()
        .position(|w| query.matches(&w.exact))
        .unwrap_or(0);
    let start = first.saturating_sub(length / 4);
    let end = (start + length).min(all.len());
    let mut pieces = Vec::new();
    let mut push = |text: &str, matched: bool| {
        if text.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(Piece {
                text: last,
                matched: m,
            }) if *m == matched => last.push_str(text),
            _ => pieces.push(Piece {
                text: text.to_string(),
                matched,
            }),
        }
    };
    if start > 0 {
        push("…", false);
    }
    let mut at = all[start].start;
    for word in &all[start..end] {
        push(&text[at..word.start], false);
        push(&text[word.start..word.end], query.matches(&word.exact));
        at = word.end;
    }
    if end < all.len() {
        push(" …", false);
    } else {
        push(&text[at..], false);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_vowel_with_every_tone_and_d() {
        // Each base vowel with its marks, each with the five tones, composed and decomposed.
        let vowels = [
            ("a", "a"),
            ("a\u{306}", "a"),
            ("a\u{302}", "a"),
            ("e", "e"),
            ("e\u{302}", "e"),
            ("i", "i"),
            ("o", "o"),
            ("o\u{302}", "o"),
            ("o\u{31B}", "o"),
            ("u", "u"),
            ("u\u{31B}", "u"),
            ("y", "y"),
        ];
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
        let mut composed = 0;
        for (vowel, base) in vowels {
            for tone in tones {
                let decomposed = format!("{vowel}{tone}");
                assert_eq!(fold(&decomposed), base, "{decomposed:?}");
                assert_eq!(fold(&decomposed.to_uppercase()), base, "{decomposed:?}");
                // The composed forms the fold table lists.
                let one: Vec<char> = compose(&decomposed).chars().collect();
                if one.len() == 1 {
                    composed += 1;
                    assert_eq!(fold_char(one[0]), base.chars().next().unwrap());
                    assert_eq!(fold(&one[0].to_uppercase().to_string()), base);
                }
            }
        }
        assert_eq!(composed, 12 * 6, "every vowel and tone has a composed form");
        assert_eq!(fold("đ"), "d");
        assert_eq!(fold("Đ"), "d");
        assert_eq!(fold("Đống Đa"), "dong da");
        // Decomposed: o + circumflex + acute, D with stroke stays a letter of its own.
        assert_eq!(fold("\u{110}o\u{302}\u{301}ng \u{110}a"), "dong da");
        assert_eq!(fold("XXVIII"), "xxviii");
    }

    /// NFC for the test's Vietnamese letters: the composed letter whose fold and decomposition
    /// give `decomposed`, found by trying every letter the fold table lists.
    fn compose(decomposed: &str) -> String {
        let table = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
        let marks =
            |s: &str| -> Vec<char> { s.chars().filter(|c| is_combining_mark(*c)).collect() };
        let want = marks(decomposed);
        table
            .chars()
            .find(|&c| {
                fold_char(c) == fold(decomposed).chars().next().unwrap() && decompose(c) == want
            })
            .map_or_else(|| decomposed.to_string(), String::from)
    }

    /// The marks of a composed Vietnamese vowel, in canonical order (vowel mark, then tone).
    fn decompose(c: char) -> Vec<char> {
        let vowel_mark = match c {
            'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' => Some('\u{306}'),
            'â' | 'ầ' | 'ấ' | 'ẩ' | 'ẫ' | 'ậ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' | 'ô' | 'ồ'
            | 'ố' | 'ổ' | 'ỗ' | 'ộ' => Some('\u{302}'),
            'ơ' | 'ờ' | 'ớ' | 'ở' | 'ỡ' | 'ợ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => {
                Some('\u{31B}')
            }
            _ => None,
        };
        let tone = match c {
            'à' | 'ằ' | 'ầ' | 'è' | 'ề' | 'ì' | 'ò' | 'ồ' | 'ờ' | 'ù' | 'ừ' | 'ỳ' => {
                Some('\u{300}')
            }
            'á' | 'ắ' | 'ấ' | 'é' | 'ế' | 'í' | 'ó' | 'ố' | 'ớ' | 'ú' | 'ứ' | 'ý' => {
                Some('\u{301}')
            }
            'ả' | 'ẳ' | 'ẩ' | 'ẻ' | 'ể' | 'ỉ' | 'ỏ' | 'ổ' | 'ở' | 'ủ' | 'ử' | 'ỷ' => {
                Some('\u{309}')
            }
            'ã' | 'ẵ' | 'ẫ' | 'ẽ' | 'ễ' | 'ĩ' | 'õ' | 'ỗ' | 'ỡ' | 'ũ' | 'ữ' | 'ỹ' => {
                Some('\u{303}')
            }
            'ạ' | 'ặ' | 'ậ' | 'ẹ' | 'ệ' | 'ị' | 'ọ' | 'ộ' | 'ợ' | 'ụ' | 'ự' | 'ỵ' => {
                Some('\u{323}')
            }
            _ => None,
        };
        vowel_mark.into_iter().chain(tone).collect()
    }

    #[test]
    fn splits_words_at_anything_but_letters_and_digits() {
        let text = "Đại hội (2020-2025): <script>alert('x')</script> «Đống Đa»";
        let found: Vec<(String, String)> = words(text).map(|w| (w.exact, w.folded)).collect();
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(e, f)| (e.as_str(), f.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("đại", "dai"),
                ("hội", "hoi"),
                ("2020", "2020"),
                ("2025", "2025"),
                ("script", "script"),
                ("alert", "alert"),
                ("x", "x"),
                ("script", "script"),
                ("đống", "dong"),
                ("đa", "da"),
            ]
        );
        let first = words(text).next().unwrap();
        assert_eq!(&text[first.start..first.end], "Đại");
        // A mark with no letter under it is no word.
        assert_eq!(words("\u{301} a \u{301}\u{300}").count(), 1);
        // Decomposed text keeps its marks inside the word.
        let nfd: Vec<String> = words("d\u{1B0}\u{300}o\u{31B}ng x")
            .map(|w| w.folded)
            .collect();
        assert_eq!(nfd, ["duong", "x"]);
    }

    #[test]
    fn echoes_at_most_a_line_of_what_was_typed() {
        assert_eq!(echo("  dai hoi "), "dai hoi");
        let long = "đ".repeat(200);
        assert_eq!(echo(&long), format!("{}…", "đ".repeat(ECHO_CHARS)));
    }

    #[test]
    fn queries_keep_words_and_say_when_they_were_shortened() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse(" ?!… «» \"' ").is_empty());
        let query = Query::parse("Đường  dai");
        assert_eq!(query.words.len(), 2);
        assert!(query.words[0].is_marked());
        assert!(!query.words[1].is_marked());
        assert!(!query.shortened);
        let long = Query::parse(&"a ".repeat(1_000));
        assert_eq!(long.words.len(), MAX_QUERY_WORDS);
        assert!(long.shortened);
        let word = Query::parse(&"x".repeat(2_000));
        assert_eq!(word.words[0].exact.chars().count(), MAX_WORD_CHARS);
        assert!(word.shortened);
    }

    fn head(words: &[&str], pairs: &[&str]) -> IndexHead {
        let named = |kind: &str, list: &[&str]| {
            list.iter()
                .enumerate()
                .map(|(n, first)| TermsFileName {
                    first: first.to_string(),
                    name: format!("{kind}{n}"),
                })
                .collect()
        };
        IndexHead {
            format: INDEX_FORMAT,
            documents: 10,
            documents_per_file: 4,
            documents_files: vec!["d0".into(), "d1".into(), "d2".into()],
            words_files: named("w", words),
            pairs_files: named("p", pairs),
        }
    }

    #[test]
    fn finds_the_files_a_query_reads() {
        let head = head(
            &["a", "dai", "dan", "h", "ho", "hoz", "q"],
            &["a b", "dai hoi", "x y"],
        );
        let words = &head.words_files;
        assert_eq!(IndexHead::file_for(words, "0"), None);
        assert_eq!(IndexHead::file_for(words, "a"), Some(0));
        assert_eq!(IndexHead::file_for(words, "dah"), Some(0));
        assert_eq!(IndexHead::file_for(words, "dai"), Some(1));
        assert_eq!(IndexHead::file_for(words, "zzz"), Some(6));
        // The last word's prefix spans files, at most two.
        assert_eq!(head.files_for_prefix("ho"), vec![4, 5]);
        assert_eq!(head.files_for_prefix("da"), vec![0, 1]);
        assert_eq!(head.files_for_prefix("0"), vec![0]);
        // "dai"'s file, "hoi"'s (as a beginning too), and the pair's, once each.
        assert_eq!(
            Query::parse("đại hội đại").files(&head),
            [
                "content/search/w1.json",
                "content/search/w4.json",
                "content/search/p1.json",
            ]
        );
        // One letter is not a beginning: only its own file.
        assert_eq!(Query::parse("h").files(&head), ["content/search/w3.json"]);
        assert!(Query::default().files(&head).is_empty());
        assert_eq!(head.documents_file(9), 2);
        assert_eq!(head.documents_path(2).unwrap(), "content/search/d2.json");
        assert_eq!(head.documents_path(3), None);
    }

    fn terms(entries: &[(&str, &str, &[u32])]) -> TermsFile {
        let mut file = TermsFile::new();
        for (term, form, pairs) in entries {
            file.entry(term.to_string())
                .or_default()
                .insert(form.to_string(), pairs.to_vec());
        }
        file
    }

    #[test]
    fn ranks_exact_marks_first_then_relevance_then_newer() {
        // Documents 0..4: "dương" in 1 and 3, "đường" in 2 and 4 (4 three times), both in 0.
        let file = terms(&[
            ("duong", "dương", &[0, 2, 1, 2, 2, 2]),
            ("duong", "đường", &[0, 2, 2, 2, 2, 6]),
        ]);
        assert_eq!(rank(&Query::parse("đường"), &[&file], 5), [4, 0, 2, 3, 1]);
        assert_eq!(rank(&Query::parse("dương"), &[&file], 5), [0, 3, 1, 4, 2]);
        // Without marks: by count, then newer (a higher number).
        assert_eq!(rank(&Query::parse("duong"), &[&file], 5), [4, 0, 3, 2, 1]);
    }

    #[test]
    fn every_word_must_match_and_side_by_side_and_titles_rank_higher() {
        let file = terms(&[
            ("dai", "đại", &[1, 2, 1, 2, 1, 2]),       // 1, 2, 3
            ("hoi", "hội", &[1, 2, 1, 2, 1, 3, 1, 2]), // 1, 2, 3 (in title), 4
            ("dai hoi", "đại hội", &[2, 2]),           // 2
        ]);
        assert_eq!(rank(&Query::parse("dai hoi"), &[&file], 10), [2, 3, 1]);
        assert!(rank(&Query::parse("dai khong"), &[&file], 10).is_empty());
        assert!(rank(&Query::default(), &[&file], 10).is_empty());
    }

    #[test]
    fn the_last_word_matches_the_words_it_begins() {
        let file = terms(&[
            ("ho", "hồ", &[1, 2]),
            ("hoi", "hội", &[2, 2]),
            ("hoi dong", "hội đồng", &[3, 2]),
        ]);
        assert_eq!(rank(&Query::parse("ho"), &[&file], 10), [1, 2]);
        assert_eq!(rank(&Query::parse("hoi"), &[&file], 10), [2]);
        // One letter is a word, not the start of every word it begins.
        assert!(rank(&Query::parse("h"), &[&file], 10).is_empty());
        assert!(!Query::parse("h").matches("hội"));
        // A document number past the index's count (a damaged file) is no result.
        let damaged = terms(&[("ho", "hồ", &[1, 2, 20, 2])]);
        assert_eq!(rank(&Query::parse("ho"), &[&damaged], 10), [1]);
        // An index that claims four billion documents is read as far as a phone can.
        assert_eq!(rank(&Query::parse("ho"), &[&damaged], u32::MAX), [21, 1]);
    }

    #[test]
    fn excerpts_mark_matched_words_as_text() {
        let text =
            "Sáng 19/7, Đại hội đại biểu quận Đống Đa lần thứ XXVIII đã khai mạc <b>trọng thể</b>.";
        // The excerpt with its matched words in brackets.
        let shown = |query: &str, length: usize| -> String {
            excerpt(text, &Query::parse(query), length)
                .iter()
                .map(|p| {
                    if p.matched {
                        format!("[{}]", p.text)
                    } else {
                        p.text.clone()
                    }
                })
                .collect()
        };
        assert_eq!(shown("quan dong", 6), "…biểu [quận] [Đống] Đa lần thứ …");
        let whole = shown("trong", 40);
        assert!(whole.contains("<b>[trọng] thể</b>"), "{whole}");
        // Nothing matches: the start of the text.
        assert_eq!(excerpt(text, &Query::parse("xyz"), 2)[0].text, "Sáng 19 …");
        assert!(excerpt("", &Query::parse("x"), 5).is_empty());
    }
}
