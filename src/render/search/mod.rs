//! The search index behind `/search/`: made at build time, read in the
//! browser by `search.js`, on any static host and from disk (`file://`).
//!
//! Browsers refuse `fetch` on `file://` but run classic scripts, so every
//! part of the index is a small script that hands its data to
//! `dossierSearch`, loaded only when a query needs it:
//!
//! - `search/keys.js`: the keys of the `terms/` files, loaded with the page.
//! - `search/terms/<key>.js`: the terms that begin with `<key>` (each
//!   letter as 4+ hex digits), each with how many documents have it and
//!   its postings, or where they are (`shards`). A query loads one shard
//!   per word.
//! - `search/tiers/<n>-<tier>.js`: the postings of a term too common to
//!   be in its shard, best first, cut in tiers (`postings`): a query loads
//!   the first, the next ones only when the results it shows need them.
//! - `search/texts/<n>.js`: title, kind, date, address and plain text of
//!   [`TEXTS_PER_FILE`] documents, for the results shown and their snippets.
//!
//! Postings are short text rather than JSON numbers (`encoding`).
//! Documents are the pages whose kind says they are searched (articles,
//! newest first, then entities: `pages::KINDS`); their number is the
//! page's `data-documents`, for the weights. They come in chunks of
//! [`DOCUMENTS_PER_CHUNK`], and each chunk's texts are written before the
//! next is made: the index keeps the postings of every document, as
//! integers, but the text of one chunk only.

pub mod encoding;
mod postings;
mod shards;
pub mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;
use std::sync::Mutex;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::OutputFile;
use super::labels::long_date;
use crate::config::Language;
use crate::date::DateValue;
use postings::Postings;
use words::Stemmer;

/// Documents per `texts/` file: a page of 20 results loads up to 20 of
/// them, most of what a query loads. On 100,000 articles (3.5 KB of text
/// each) they were 141 KB of the heaviest query's 392 KB with 2; 4 would
/// double that, past 0.5 MB, and 1 halve it for 101,000 files rather than
/// 50,500. The search page tells the script (`data-texts-per-file`).
pub(crate) const TEXTS_PER_FILE: usize = 2;

/// Documents made and indexed at a time: their texts are written and
/// dropped before the next ones are made.
pub(crate) const DOCUMENTS_PER_CHUNK: usize = 1024;

/// How much a word counts where it is found.
const TITLE_WEIGHT: u32 = 5;
const SUMMARY_WEIGHT: u32 = 2;
const BODY_WEIGHT: u32 = 1;

/// The files of the index, by path in the output, for `serve`, which
/// hands them out as they are asked for.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    files: BTreeMap<String, Vec<u8>>,
}

impl SearchIndex {
    /// Indexes `pages`, in that order, on a site in `language`.
    pub(crate) fn new(language: Language, pages: impl Iterator<Item = Vec<Searched>>) -> Self {
        let files = Mutex::new(BTreeMap::new());
        write(language, pages, &|file: OutputFile| {
            let mut files = files.lock().expect("no thread panics holding the index");
            files.insert(file.path, file.bytes);
            Ok(())
        })
        .expect("keeping files in memory does not fail");
        Self {
            files: files
                .into_inner()
                .expect("no thread panics holding the index"),
        }
    }

    /// The file at `path`, if the index has one.
    pub(crate) fn file(&self, path: &str) -> Option<OutputFile> {
        self.files.get(path).map(|bytes| OutputFile {
            path: path.to_string(),
            bytes: bytes.clone(),
        })
    }
}

/// Indexes `pages` (chunk after chunk, in that order) on a site in
/// `language`, handing each file of the index to `sink`: the texts of
/// each chunk as soon as it is indexed, the terms at the end.
pub(crate) fn write(
    language: Language,
    pages: impl Iterator<Item = Vec<Searched>>,
    sink: &(dyn Fn(OutputFile) -> io::Result<()> + Sync),
) -> io::Result<()> {
    let site_stemmer = Stemmer::for_language(language.code());
    let mut postings = Postings::default();
    // Texts not yet written: fewer than a file's.
    let mut waiting = Vec::with_capacity(TEXTS_PER_FILE);
    for chunk in pages {
        let analyzed: Vec<Analyzed> = chunk
            .into_par_iter()
            .map(|page| analyze(page, language, site_stemmer))
            .collect();
        for document in analyzed {
            postings.add(document.counts, document.length);
            waiting.push(document.shown);
            if waiting.len() == TEXTS_PER_FILE {
                write_texts(postings.documents(), &mut waiting, sink)?;
            }
        }
    }
    if !waiting.is_empty() {
        write_texts(postings.documents(), &mut waiting, sink)?;
    }
    shards::write(postings.into_terms(), sink)
}

/// `search/texts/<n>.js`, of the documents `waiting`, the last of which
/// is document `documents - 1`.
fn write_texts(
    documents: usize,
    waiting: &mut Vec<Shown>,
    sink: &(dyn Fn(OutputFile) -> io::Result<()> + Sync),
) -> io::Result<()> {
    let number = (documents - 1) / TEXTS_PER_FILE;
    let bytes = script("texts", &(number, &waiting));
    waiting.clear();
    sink(OutputFile {
        path: format!("search/texts/{number}.js"),
        bytes,
    })
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

/// A document indexed: what a result shows, and what is searched.
struct Analyzed {
    shown: Shown,
    /// Each term with its count, weighted by where it is found.
    counts: Vec<(Box<str>, u32)>,
    /// How many words are counted.
    length: u32,
}

fn analyze(page: Searched, language: Language, site_stemmer: Stemmer) -> Analyzed {
    let stemmer = page
        .lang
        .as_deref()
        .map_or(site_stemmer, Stemmer::for_language);
    let fields = [
        (TITLE_WEIGHT, words::fold(&page.names)),
        (SUMMARY_WEIGHT, words::fold(&page.summary)),
        (BODY_WEIGHT, words::fold(&page.body)),
    ];
    let mut counts = FxHashMap::<Cow<'_, str>, u32>::default();
    let mut length = 0;
    for (weight, text) in &fields {
        // Titles and names keep every word: `Kim Jong Un`, `The Hague`
        // are found whole.
        let title = *weight == TITLE_WEIGHT;
        let kept = |w: &Cow<'_, str>| title || !stemmer.is_stop_word(w);
        for word in words::words(text).filter(kept) {
            let stem = match word {
                Cow::Borrowed(word) => stemmer.stem(word),
                Cow::Owned(word) => Cow::Owned(stemmer.stem(&word).into_owned()),
            };
            *counts.entry(stem).or_default() += weight;
            length += 1;
        }
    }
    let counts = counts
        .into_iter()
        .map(|(term, count)| (Box::from(term.as_ref()), count))
        .collect();
    Analyzed {
        counts,
        length,
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
    }
}

/// `dossierSearch.<function>(<arguments>);`, the arguments given as a
/// tuple (a JSON array, whose items they are).
fn script<T: Serialize>(function: &str, arguments: &T) -> Vec<u8> {
    let array = serde_json::to_vec(arguments)
        .expect("strings, numbers and lists serialize to memory without fail");
    let inside = array
        .strip_prefix(b"[")
        .and_then(|a| a.strip_suffix(b"]"))
        .expect("a tuple serializes as an array");
    let mut bytes = format!("dossierSearch.{function}(").into_bytes();
    bytes.extend_from_slice(inside);
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
    fn scripts_call_the_index_with_their_data() {
        assert_eq!(
            script("tier", &("3-0", ["K20"])),
            b"dossierSearch.tier(\"3-0\",[\"K20\"]);\n"
        );
        assert_eq!(script("keys", &((),)), b"dossierSearch.keys(null);\n");
    }
}
