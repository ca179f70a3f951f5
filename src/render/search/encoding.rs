//! Postings and sets of documents written as short text, for the index's
//! scripts: a JSON array of numbers costs 3 to 7 bytes a posting, these
//! strings about 1 when a word is common.
//!
//! A number is written in groups of 5 bits, most significant first, one
//! digit of [`DIGITS`] per group: all digits but the last have 32 added,
//! so a number below 32 is one digit, below 1,024 two, below 32,768 three.
//! The digits need no escaping in JSON or JavaScript.
//!
//! `templates/search.js` reads them back (`decodePostings`,
//! `decodeMembers`); `tests/search.rs` runs both over the same lists.
//! Change one, change the other.

/// The 64 digits, by value.
pub const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Writes `value` at the end of `out`.
fn push_number(out: &mut String, value: u32) {
    let mut groups = [0u8; 7];
    let mut count = 0;
    let mut rest = value;
    loop {
        groups[count] = (rest & 31) as u8;
        count += 1;
        rest >>= 5;
        if rest == 0 {
            break;
        }
    }
    for i in (0..count).rev() {
        let more = if i > 0 { 32 } else { 0 };
        out.push(char::from(DIGITS[usize::from(groups[i] | more)]));
    }
}

/// Postings, given best first (score descending, then document
/// ascending), as runs of one score: the score, how many documents have
/// it, then each document as its distance from the previous one minus 1
/// (the first from -1), so that a word in nearly every document costs
/// about one digit a document.
pub fn postings(best_first: &[(u8, u32)]) -> String {
    let mut out = String::with_capacity(best_first.len() + 8);
    for run in best_first.chunk_by(|a, b| a.0 == b.0) {
        push_number(&mut out, u32::from(run[0].0));
        push_number(
            &mut out,
            u32::try_from(run.len()).expect("documents are numbered in u32"),
        );
        let mut previous: Option<u32> = None;
        for &(_, document) in run {
            let gap = previous.map_or(document, |p| document - p - 1);
            push_number(&mut out, gap);
            previous = Some(document);
        }
    }
    out
}

/// The set of `documents` (ascending), whichever is shorter: `r` then the
/// lengths of its runs, absent and present in turn from document 0; or
/// `b` then a bitmap, 6 documents a digit (document 6i + j is bit j of
/// digit i).
pub fn members(documents: &[u32]) -> String {
    let mut runs = String::from("r");
    let mut next = 0;
    for run in documents.chunk_by(|a, b| a + 1 == *b) {
        push_number(&mut runs, run[0] - next);
        let length = u32::try_from(run.len()).expect("documents are numbered in u32");
        push_number(&mut runs, length);
        next = run[0] + length;
    }
    let end = documents.last().map_or(0, |last| *last as usize + 1);
    if runs.len() <= 1 + end.div_ceil(6) {
        return runs;
    }
    let mut bits = vec![0u8; end.div_ceil(6)];
    for &document in documents {
        bits[document as usize / 6] |= 1 << (document % 6);
    }
    let mut bitmap = String::with_capacity(bits.len() + 1);
    bitmap.push('b');
    bitmap.extend(bits.iter().map(|b| char::from(DIGITS[usize::from(*b)])));
    bitmap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_digit_per_five_bits() {
        let written = |value| {
            let mut out = String::new();
            push_number(&mut out, value);
            out
        };
        assert_eq!(written(0), "0");
        assert_eq!(written(31), "V");
        assert_eq!(written(32), "X0", "1 with 32 added, then 0");
        assert_eq!(written(1023), "_V");
        assert_eq!(written(1024), "XW0");
        assert_eq!(written(u32::MAX).len(), 7);
    }

    #[test]
    fn postings_are_runs_of_one_score() {
        // Score 20: documents 3 and 4; score 7: document 40.
        assert_eq!(postings(&[(20, 3), (20, 4), (7, 40)]), "K23071X8");
        assert_eq!(postings(&[]), "");
    }

    #[test]
    fn members_take_the_shorter_form() {
        // Runs: 100 absent, 3 present, 197 absent, 1 present.
        assert_eq!(members(&[100, 101, 102, 300]), "rZ43c51");
        // Docs 2, 3, 4 are bits 2 to 4 of the first digit, doc 6 bit 0
        // of the second: shorter than the runs "r2311".
        assert_eq!(members(&[2, 3, 4, 6]), "bS1");
        // Every other document: a bitmap is shorter than 60 runs.
        let every_other: Vec<u32> = (0..60).step_by(2).collect();
        let bitmap = members(&every_other);
        assert_eq!(bitmap, format!("b{}", "L".repeat(10)), "0b010101 is 21");
        assert_eq!(members(&[]), "r");
    }
}
