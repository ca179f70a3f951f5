//! The search index behind `/search/`: made at build time, read in the
//! browser by `search.js`, on any static host and from disk (`file://`).
//!
//! Browsers refuse `fetch` on `file://` but run classic scripts, so every
//! part of the index is a small script that hands its data to
//! `dossierSearch`, loaded only when a query needs it:
//!
//! - `search/keys.js`: the keys of the `terms/` files, loaded with the page.
//! - `search/terms/<key>.js`: the postings of every term whose first two
//!   letters make `<key>` (each letter as 4+ hex digits). A query loads
//!   one shard per word.
//! - `search/texts/<n>.js`: title, kind, date, address and plain text of
//!   [`TEXTS_PER_FILE`] documents, for the results shown and their snippets.
//!
//! Documents are the pages whose kind says they are searched (articles,
//! newest first, then entities: `pages::KINDS`); their number is the
//! page's `data-documents`, for the weights.

pub mod words;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::OutputFile;
use super::labels::long_date;
use crate::config::Language;
use crate::date::DateValue;
use words::Stemmer;

/// Documents per `texts/` file: few enough that a page of results loads
/// little (on 10,000 articles, 4 halved the first query's bytes against
/// 8), many enough that the site does not get a file per document. The
/// search page tells the script (`data-texts-per-file`).
pub(crate) const TEXTS_PER_FILE: usize = 4;

/// How much a word counts where it is found.
const TITLE_WEIGHT: u32 = 5;
const SUMMARY_WEIGHT: u32 = 2;
const BODY_WEIGHT: u32 = 1;

/// The files of the index, by path in the output.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    files: BTreeMap<String, Vec<u8>>,
}

impl SearchIndex {
    /// Indexes `pages`, in that order, on a site in `language`.
    pub(crate) fn new(language: Language, pages: Vec<Searched>) -> Self {
        let documents = documents(language, pages);
        let mut files = BTreeMap::new();
        for (number, chunk) in documents.chunks(TEXTS_PER_FILE).enumerate() {
            let shown: Vec<&Shown> = chunk.iter().map(|d| &d.shown).collect();
            files.insert(
                format!("search/texts/{number}.js"),
                script("texts", &number.to_string(), &shown),
            );
        }
        let shards = postings(&documents);
        // Which shards exist, so that a query for an unknown word loads
        // nothing (a missing script is an error in the console).
        let keys: Vec<&String> = shards.keys().collect();
        files.insert("search/keys.js".to_string(), script("keys", "", &keys));
        for (key, terms) in &shards {
            files.insert(
                format!("search/terms/{key}.js"),
                script("terms", key, terms),
            );
        }
        Self { files }
    }

    /// The file at `path`, if the index has one.
    pub(crate) fn file(&self, path: &str) -> Option<OutputFile> {
        self.files.get(path).map(|bytes| OutputFile {
            path: path.to_string(),
            bytes: bytes.clone(),
        })
    }

    /// Every file of the index.
    pub(crate) fn into_files(self) -> impl Iterator<Item = OutputFile> {
        self.files
            .into_iter()
            .map(|(path, bytes)| OutputFile { path, bytes })
    }
}

/// What a result shows: short keys, as there are thousands.
#[derive(Debug, Serialize)]
struct Shown {
    /// Address from the site root.
    #[serde(rename = "u")]
    path: String,
    #[serde(rename = "t")]
    title: String,
    /// `Article`, or the entity's type.
    #[serde(rename = "k")]
    kind: String,
    /// ISO date, empty without one.
    #[serde(rename = "d")]
    date: String,
    /// The date as the theme shows it.
    #[serde(rename = "ds")]
    date_shown: String,
    /// Plain text, for snippets.
    #[serde(rename = "x")]
    text: String,
}

/// A document: what is shown and what is searched.
struct SearchDocument {
    shown: Shown,
    /// Each searched field's folded text with its weight.
    fields: Vec<(u32, String)>,
    stemmer: Stemmer,
}

/// What the index holds of one page, as its kind gives it (see
/// `pages::FileKind::searched`).
pub(crate) struct Searched {
    /// Address from the site root.
    pub path: String,
    pub title: String,
    /// Searched with the title's weight: the title, and an entity's other
    /// names.
    pub names: String,
    /// `Article`, or the entity's type, as the theme shows it.
    pub kind: String,
    pub date: Option<DateValue>,
    /// Plain text.
    pub summary: String,
    /// Plain text.
    pub body: String,
    /// The text's language, when it is not the site's.
    pub lang: Option<String>,
}

fn documents(language: Language, pages: Vec<Searched>) -> Vec<SearchDocument> {
    let site_stemmer = Stemmer::for_language(language.code());
    pages
        .into_par_iter()
        .map(|page| SearchDocument {
            fields: vec![
                (TITLE_WEIGHT, words::fold(&page.names)),
                (SUMMARY_WEIGHT, words::fold(&page.summary)),
                (BODY_WEIGHT, words::fold(&page.body)),
            ],
            stemmer: page
                .lang
                .as_deref()
                .map_or(site_stemmer, Stemmer::for_language),
            shown: Shown {
                path: page.path,
                title: page.title,
                kind: page.kind,
                date: page.date.as_ref().map(DateValue::iso).unwrap_or_default(),
                date_shown: page
                    .date
                    .as_ref()
                    .map(|d| long_date(d, language))
                    .unwrap_or_default(),
                text: joined(&page.summary, &page.body),
            },
        })
        .collect()
}

/// Every term's postings, by shard key: per term a flat list of
/// (document number minus the previous one, score) pairs.
fn postings(documents: &[SearchDocument]) -> BTreeMap<String, BTreeMap<String, Vec<u32>>> {
    // Each document's terms with their weighted counts, and its length.
    let counted: Vec<(HashMap<Cow<'_, str>, u32>, u32)> = documents
        .par_iter()
        .map(|document| {
            let mut counts = HashMap::<Cow<'_, str>, u32>::new();
            let mut length = 0;
            for (weight, text) in &document.fields {
                // Titles and names keep every word: `Kim Jong Un`, `The
                // Hague` are found whole.
                let title = *weight == TITLE_WEIGHT;
                let kept = |w: &&str| title || !document.stemmer.is_stop_word(w);
                for word in words::words(text).filter(kept) {
                    *counts.entry(document.stemmer.stem(word)).or_default() += weight;
                    length += 1;
                }
            }
            (counts, length)
        })
        .collect();
    let average =
        counted.iter().map(|(_, l)| f64::from(*l)).sum::<f64>() / counted.len().max(1) as f64;
    // Per term: the last document that has it, and its postings.
    let mut terms: HashMap<Cow<'_, str>, (u32, Vec<u32>)> = HashMap::new();
    for (number, (counts, length)) in (0u32..).zip(counted) {
        for (term, count) in counts {
            let score = score(count, length, average);
            let (last, postings) = terms.entry(term).or_insert((0, Vec::new()));
            postings.extend([number - *last, score]);
            *last = number;
        }
    }
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    for (term, (_, postings)) in terms {
        shards
            .entry(shard_key(&term))
            .or_default()
            .insert(term.into_owned(), postings);
    }
    shards
}

/// A term's weight in a document, BM25's saturation of its count against
/// the document's length, scaled to a small integer (1 to 22).
fn score(count: u32, length: u32, average: f64) -> u32 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let count = f64::from(count);
    let norm = K1 * (1.0 - B + B * f64::from(length) / average.max(1.0));
    let value = count * (K1 + 1.0) / (count + norm) * 10.0;
    (value.round() as u32).max(1)
}

/// The file name (without `.js`) of the shard holding `term`: its first
/// two letters as hexadecimal code points, safe on every file system.
fn shard_key(term: &str) -> String {
    term.chars()
        .take(2)
        .map(|c| format!("{:04x}", u32::from(c)))
        .collect()
}

/// `dossierSearch.<function>("<key>", <data as JSON>);`
fn script<T: Serialize + ?Sized>(function: &str, key: &str, data: &T) -> Vec<u8> {
    let mut bytes = format!("dossierSearch.{function}(\"{key}\",").into_bytes();
    serde_json::to_writer(&mut bytes, data)
        .expect("maps, strings and numbers serialize to memory without fail");
    bytes.extend_from_slice(b");\n");
    bytes
}

fn joined(summary: &str, body: &str) -> String {
    match (summary.is_empty(), body.is_empty()) {
        (true, _) => body.to_string(),
        (_, true) => summary.to_string(),
        _ => format!("{summary} {body}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_keys_are_two_letters_in_hex() {
        assert_eq!(shard_key("sanction"), "00730061");
        assert_eq!(shard_key("путин"), "043f0443");
        assert_eq!(shard_key("x"), "0078");
    }

    #[test]
    fn scores_grow_with_the_count_and_shrink_with_the_length() {
        assert!(score(5, 100, 100.0) > score(1, 100, 100.0));
        assert!(score(1, 50, 100.0) > score(1, 400, 100.0));
        assert!(score(1, 10_000, 10.0) >= 1);
    }
}
