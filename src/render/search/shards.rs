//! The index's dictionary: every term with how many documents have it and
//! where its postings are, cut in shards by the first letters of the
//! terms, so that a query loads one small shard per word.
//!
//! A shard holds the terms that begin with its key, two letters at
//! first; one past [`SHARD_BYTES`] is split by one more letter, again and
//! again, keeping only the terms that are its key itself. A split shard
//! also lists the [`PREFIX_WORDS`] terms of its whole branch that most
//! documents have: a word being typed (`re`) matches those, found in one
//! file however many shards its branch has.
//!
//! A term's postings are in the shard itself when they are short
//! ([`INLINE_BYTES`]); otherwise in files of their own, one per tier
//! (`tiers/<n>-<tier>.js`), the first with the documents that have it.

use std::io;

use serde::Serialize;

use super::postings::Term;
use super::script;
use crate::render::OutputFile;

/// How many words a word being typed matches the start of: the ones the
/// most documents have. Typesense considers 4; more make a query of two
/// letters load more.
pub(super) const PREFIX_WORDS: usize = 8;

/// A shard larger than this, in bytes, is split by one more letter.
const SHARD_BYTES: usize = 16 * 1024;

/// Postings shorter than this, in bytes, are written in the shard.
const INLINE_BYTES: usize = 512;

/// A term as its shard lists it.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry {
    /// `[documents, postings]`.
    Inline(u32, String),
    /// `[documents, tiers, n]`: its tiers are `tiers/<n>-0.js`….
    Filed(u32, usize, usize),
}

/// A term in the dictionary, its entry already written as JSON.
struct Listed {
    text: String,
    documents: u32,
    /// `"term":[…]`.
    json: String,
}

/// Writes the tier files of `terms` (sorted by text), then the shards and
/// `search/keys.js`, which lists the shards' keys.
pub(super) fn write(
    terms: Vec<Term>,
    sink: &(dyn Fn(OutputFile) -> io::Result<()> + Sync),
) -> io::Result<()> {
    let mut listed = Vec::with_capacity(terms.len());
    let mut filed = 0;
    for term in terms {
        let entry = if term.tiers.len() == 1 && term.tiers[0].len() <= INLINE_BYTES {
            let postings = term.tiers.into_iter().next().unwrap_or_default();
            Entry::Inline(term.documents, postings)
        } else {
            let count = term.tiers.len();
            let mut members = term.members;
            for (tier, postings) in term.tiers.into_iter().enumerate() {
                let name = format!("{filed}-{tier}");
                let data = match members.take() {
                    Some(members) => vec![postings, members],
                    None => vec![postings],
                };
                sink(OutputFile {
                    path: format!("search/tiers/{name}.js"),
                    bytes: script("tier", &(&name, &data)),
                })?;
            }
            filed += 1;
            Entry::Filed(term.documents, count, filed - 1)
        };
        let json = format!("{}:{}", json(&term.text), json(&entry));
        listed.push(Listed {
            text: term.text,
            documents: term.documents,
            json,
        });
    }
    let mut keys = Vec::new();
    for branch in listed.chunk_by(|a, b| first_chars(&a.text, 2) == first_chars(&b.text, 2)) {
        let key = first_chars(&branch[0].text, 2);
        split(key, branch, &mut keys, sink)?;
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Keys<'a> {
        keys: &'a [String],
        prefix_words: usize,
    }
    let keys = Keys {
        keys: &keys,
        prefix_words: PREFIX_WORDS,
    };
    sink(OutputFile {
        path: "search/keys.js".to_string(),
        bytes: script("keys", &(&keys,)),
    })
}

/// Writes the shard of `key`, which holds `branch` (the terms that begin
/// with it, sorted), split by one more letter when it is too large.
fn split(
    key: &str,
    branch: &[Listed],
    keys: &mut Vec<String>,
    sink: &(dyn Fn(OutputFile) -> io::Result<()> + Sync),
) -> io::Result<()> {
    let length = key.chars().count();
    let size: usize = branch.iter().map(|t| t.json.len() + 1).sum();
    // A term sorts before the longer terms it begins.
    let own = branch
        .iter()
        .take_while(|t| t.text.chars().count() == length)
        .count();
    keys.push(key.to_string());
    if size <= SHARD_BYTES || own == branch.len() {
        return write_shard(key, branch, None, sink);
    }
    let mut top: Vec<&Listed> = branch.iter().collect();
    top.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.text.cmp(&b.text)));
    top.truncate(PREFIX_WORDS);
    write_shard(key, &branch[..own], Some(&top), sink)?;
    let rest = &branch[own..];
    for child in
        rest.chunk_by(|a, b| first_chars(&a.text, length + 1) == first_chars(&b.text, length + 1))
    {
        split(first_chars(&child[0].text, length + 1), child, keys, sink)?;
    }
    Ok(())
}

/// `search/terms/<key>.js`: `dossierSearch.terms(key, {term: entry…},
/// [[term, entry]…])`, the list for a split shard only.
fn write_shard(
    key: &str,
    own: &[Listed],
    top: Option<&[&Listed]>,
    sink: &(dyn Fn(OutputFile) -> io::Result<()> + Sync),
) -> io::Result<()> {
    let mut text = format!("dossierSearch.terms({},{{", json(key));
    for (i, term) in own.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&term.json);
    }
    text.push('}');
    if let Some(top) = top {
        text.push_str(",[");
        for (i, term) in top.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            // `"term":[…]` as `["term",[…]]`.
            let (name, entry) = term.json.split_at(json(&term.text).len());
            text.push('[');
            text.push_str(name);
            text.push(',');
            text.push_str(&entry[1..]);
            text.push(']');
        }
        text.push(']');
    }
    text.push_str(");\n");
    sink(OutputFile {
        path: format!("search/terms/{}.js", file_name(key)),
        bytes: text.into_bytes(),
    })
}

/// The first `count` letters of `text` (all of it when shorter).
fn first_chars(text: &str, count: usize) -> &str {
    text.char_indices()
        .nth(count)
        .map_or(text, |(end, _)| &text[..end])
}

/// A shard's file name: each letter of its key as 4 or more hexadecimal
/// digits, safe on every file system.
fn file_name(key: &str) -> String {
    key.chars()
        .map(|c| format!("{:04x}", u32::from(c)))
        .collect()
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("strings and numbers serialize without fail")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    #[test]
    fn file_names_are_letters_in_hex() {
        assert_eq!(file_name("sa"), "00730061");
        assert_eq!(file_name("пу"), "043f0443");
        assert_eq!(file_name("san"), "00730061006e");
        assert_eq!(first_chars("путин", 2), "пу");
        assert_eq!(first_chars("ab", 3), "ab");
    }

    /// The files written for `terms`, by path.
    fn written(terms: Vec<Term>) -> BTreeMap<String, String> {
        let files = Mutex::new(BTreeMap::new());
        write(terms, &|file: OutputFile| {
            let text = String::from_utf8(file.bytes).expect("UTF-8");
            files.lock().expect("not poisoned").insert(file.path, text);
            Ok(())
        })
        .expect("written to memory");
        files.into_inner().expect("not poisoned")
    }

    fn term(text: &str, documents: u32, tiers: &[&str]) -> Term {
        Term {
            text: text.to_string(),
            documents,
            tiers: tiers.iter().map(|t| (*t).to_string()).collect(),
            members: (tiers.len() > 1).then(|| "r0X0".to_string()),
        }
    }

    #[test]
    fn short_postings_stay_in_the_shard_and_long_ones_get_tier_files() {
        let long = "1".repeat(INLINE_BYTES + 1);
        let files = written(vec![
            term("paris", 2, &["K20"]),
            term("partenariat", 40, &[&long]),
            term("pays", 3000, &["A", "B", "C"]),
        ]);
        let paths: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            paths,
            [
                "search/keys.js",
                "search/terms/00700061.js",
                "search/tiers/0-0.js",
                "search/tiers/1-0.js",
                "search/tiers/1-1.js",
                "search/tiers/1-2.js",
            ]
        );
        assert_eq!(
            files["search/terms/00700061.js"],
            "dossierSearch.terms(\"pa\",{\"paris\":[2,\"K20\"],\"partenariat\":[40,1,0],\"pays\":[3000,3,1]});\n"
        );
        assert_eq!(
            files["search/tiers/1-0.js"],
            "dossierSearch.tier(\"1-0\",[\"A\",\"r0X0\"]);\n"
        );
        assert_eq!(
            files["search/tiers/1-2.js"],
            "dossierSearch.tier(\"1-2\",[\"C\"]);\n"
        );
        assert_eq!(
            files["search/keys.js"],
            format!("dossierSearch.keys({{\"keys\":[\"pa\"],\"prefixWords\":{PREFIX_WORDS}}});\n")
        );
    }

    #[test]
    fn a_large_shard_is_split_by_one_more_letter_and_lists_its_most_common_terms() {
        // 400 terms of about 60 bytes each: 24 KB under `re`.
        let postings = "1".repeat(40);
        let mut terms = vec![term("re", 5, &["K0"])];
        for i in 0..400u32 {
            let letter = char::from(b'a' + (i % 4) as u8);
            terms.push(term(&format!("re{letter}{i:04}"), i, &[&postings]));
        }
        terms.sort_by(|a, b| a.text.cmp(&b.text));
        let files = written(terms);
        let keys = &files["search/keys.js"];
        assert!(
            keys.starts_with(
                "dossierSearch.keys({\"keys\":[\"re\",\"rea\",\"reb\",\"rec\",\"red\"]"
            ),
            "{keys}"
        );
        let shard = &files["search/terms/00720065.js"];
        // Its own term, then the 8 that most documents have.
        assert!(
            shard.starts_with("dossierSearch.terms(\"re\",{\"re\":[5,\"K0\"]},[[\"red0399\",[399,"),
            "{shard}"
        );
        assert_eq!(
            shard.matches("],[\"re").count(),
            PREFIX_WORDS - 1,
            "{shard}"
        );
        let child = &files["search/terms/007200650061.js"];
        assert!(
            child.starts_with("dossierSearch.terms(\"rea\",{\"rea0000\":"),
            "{child}"
        );
        assert!(!child.contains(",[["), "a leaf lists no top terms");
    }
}
