//! Which documents hold each term, gathered a document at a time and kept
//! as integers (a term's number, a document's number, a weighted count),
//! then scored and cut in tiers once every document is in: a score needs
//! the average length of all of them.
//!
//! A term's postings are ordered best first (score descending, then
//! document ascending: the order results are shown in) and cut in tiers
//! of [`TIER_POSTINGS`], then twice, four times as many…: a query loads a
//! term's first tier, and the next ones only when the results it shows
//! depend on them (see `templates/search.js`).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::encoding;

/// Postings in a term's first tier: enough for the first pages of results
/// of a word alone; a word in every document of 100,000 has 7 tiers.
const TIER_POSTINGS: usize = 1024;

/// A term's (document, weighted count) pairs, by document.
type Counts = Vec<(u32, u32)>;

/// The postings of every term seen so far.
#[derive(Default)]
pub(super) struct Postings {
    /// Each term's number. (Fx: hashing every word of every text with
    /// std's SipHash was a fortieth of a build.)
    numbers: FxHashMap<Box<str>, u32>,
    /// Per term number, its counts.
    lists: Vec<Counts>,
    /// Per document, how many words it has: BM25 weighs a word against it.
    lengths: Vec<u32>,
}

/// A term ready to write: its postings encoded, tier by tier.
pub(super) struct Term {
    pub text: String,
    /// How many documents have it.
    pub documents: u32,
    /// Each tier's postings (`encoding::postings`), best first.
    pub tiers: Vec<String>,
    /// Which documents have it (`encoding::members`), when it has more
    /// than one tier: the first alone does not say.
    pub members: Option<String>,
}

impl Postings {
    /// Adds the next document: its terms with their weighted counts, and
    /// its number of words.
    pub(super) fn add(&mut self, counts: Vec<(Box<str>, u32)>, length: u32) {
        let document = u32::try_from(self.lengths.len()).expect("fewer than 2^32 documents");
        self.lengths.push(length);
        for (term, count) in counts {
            let number = match self.numbers.get(&term) {
                Some(number) => *number,
                None => {
                    let number = u32::try_from(self.lists.len()).expect("fewer than 2^32 terms");
                    self.numbers.insert(term, number);
                    self.lists.push(Vec::new());
                    number
                }
            };
            self.lists[number as usize].push((document, count));
        }
    }

    /// How many documents were added.
    pub(super) fn documents(&self) -> usize {
        self.lengths.len()
    }

    /// Every term, scored, cut in tiers and encoded, in the order of their
    /// text.
    pub(super) fn into_terms(self) -> Vec<Term> {
        let Postings {
            numbers,
            mut lists,
            lengths,
        } = self;
        let average =
            lengths.iter().map(|l| f64::from(*l)).sum::<f64>() / lengths.len().max(1) as f64;
        let mut terms: Vec<(Box<str>, Counts)> = numbers
            .into_iter()
            .map(|(text, number)| (text, std::mem::take(&mut lists[number as usize])))
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        terms
            .into_par_iter()
            .map(|(text, list)| term(text.into(), &list, &lengths, average))
            .collect()
    }
}

/// `list`, a term's (document, count) pairs by document, scored and cut.
fn term(text: String, list: &[(u32, u32)], lengths: &[u32], average: f64) -> Term {
    let mut best_first: Vec<(u8, u32)> = list
        .iter()
        .map(|&(document, count)| (score(count, lengths[document as usize], average), document))
        .collect();
    best_first.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut tiers = Vec::new();
    let mut rest = &best_first[..];
    let mut size = TIER_POSTINGS;
    while !rest.is_empty() {
        let (tier, after) = rest.split_at(size.min(rest.len()));
        tiers.push(encoding::postings(tier));
        rest = after;
        size *= 2;
    }
    let members = (tiers.len() > 1).then(|| {
        let documents: Vec<u32> = list.iter().map(|(document, _)| *document).collect();
        encoding::members(&documents)
    });
    Term {
        text,
        documents: u32::try_from(list.len()).expect("fewer than 2^32 documents"),
        tiers,
        members,
    }
}

/// A term's weight in a document, BM25's saturation of its count against
/// the document's length, scaled to a small integer (1 to 22).
fn score(count: u32, length: u32, average: f64) -> u8 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let count = f64::from(count);
    let norm = K1 * (1.0 - B + B * f64::from(length) / average.max(1.0));
    let value = count * (K1 + 1.0) / (count + norm) * 10.0;
    // At most (K1 + 1) * 10 = 22.
    (value.round() as u8).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_grow_with_the_count_and_shrink_with_the_length() {
        assert!(score(5, 100, 100.0) > score(1, 100, 100.0));
        assert!(score(1, 50, 100.0) > score(1, 400, 100.0));
        assert!(score(1, 10_000, 10.0) >= 1);
        assert_eq!(score(u32::MAX, 1, 100.0), 22);
    }

    #[test]
    fn a_common_term_is_cut_in_tiers_that_double_with_its_members_apart() {
        let mut postings = Postings::default();
        for document in 0..5000u32 {
            let mut counts = vec![("common".into(), 1 + document % 3)];
            if document % 1000 == 0 {
                counts.push(("rare".into(), 1));
            }
            postings.add(counts, 10);
        }
        assert_eq!(postings.documents(), 5000);
        let terms = postings.into_terms();
        let names: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(names, ["common", "rare"]);
        let (common, rare) = (&terms[0], &terms[1]);
        assert_eq!(common.documents, 5000);
        // 1,024 + 2,048 + the last 1,928.
        assert_eq!(common.tiers.len(), 3);
        assert_eq!(common.members.as_deref(), Some("r0ay8"), "one run of 5,000");
        assert_eq!(rare.documents, 5);
        assert_eq!(rare.tiers.len(), 1);
        assert_eq!(rare.members, None, "its one tier says it all");
    }
}
