//! An annotation lined up with one place of an article's text, a
//! difference at a time: how [`super::closest`] weighs the places where a
//! run of the quote is found, and finds where the two first differ. Works
//! on text folded as quotes are compared, character by character, and
//! keeps where each character is written, so that what it shows is the
//! text as written.

use std::cmp::Reverse;
use std::ops::Range;

use super::folded;

/// Occurrences of the longest run weighed at most.
const TRIES: usize = 32;
/// Characters one difference may leave out or add, on either side.
const SKIP: usize = 12;
/// Characters that must agree after a difference for it to be one.
const AGREE: usize = 4;
/// Differences walked at most before the rest is taken as different.
const DIFFERENCES: usize = 8;

/// One character of folded text, and the bytes it comes from as written.
#[derive(Debug, Clone)]
pub(super) struct Char {
    pub(super) folded: char,
    pub(super) written: Range<usize>,
}

/// A text folded as quotes are compared, character by character.
#[derive(Debug, Default)]
pub(super) struct Text {
    pub(super) written: String,
    pub(super) folded: String,
    pub(super) chars: Vec<Char>,
    /// The byte offset in `folded` of each character, and its length.
    pub(super) bounds: Vec<usize>,
}

impl Text {
    pub(super) fn new(written: &str) -> Self {
        let folded = folded(written);
        let chars = folded
            .text
            .char_indices()
            .map(|(at, c)| Char {
                folded: c,
                written: folded.original_start(at, written.len())
                    ..folded.original_end(at + c.len_utf8()),
            })
            .collect();
        let mut text = Self {
            written: written.to_string(),
            folded: folded.text,
            chars,
            bounds: Vec::new(),
        };
        text.bound();
        text
    }

    fn bound(&mut self) {
        self.bounds = self.folded.char_indices().map(|(at, _)| at).collect();
        self.bounds.push(self.folded.len());
    }

    /// Adds `other` at the end.
    pub(super) fn join(&mut self, other: Self) {
        let shift = self.written.len();
        self.written.push_str(&other.written);
        self.folded.push_str(&other.folded);
        self.chars.extend(other.chars.into_iter().map(|c| Char {
            written: c.written.start + shift..c.written.end + shift,
            ..c
        }));
        self.bound();
    }

    /// Drops the spaces at its ends, as a quote's are.
    pub(super) fn trim(&mut self) {
        while self.chars.last().is_some_and(|c| c.folded == ' ') {
            self.chars.pop();
        }
        let lead = usize::from(self.chars.first().is_some_and(|c| c.folded == ' '));
        self.chars.drain(..lead);
        self.folded = self.chars.iter().map(|c| c.folded).collect();
        self.bound();
    }

    /// Its first `count` characters, folded.
    pub(super) fn head(&self, count: usize) -> &str {
        &self.folded[..self.bounds[count]]
    }

    /// Its last `count` characters, folded.
    pub(super) fn tail(&self, count: usize) -> &str {
        &self.folded[self.bounds[self.chars.len() - count]..]
    }

    /// The characters of `range` as written.
    pub(super) fn written(&self, range: Range<usize>) -> &str {
        let last = range.end.checked_sub(1).and_then(|l| self.chars.get(l));
        match (self.chars.get(range.start), last) {
            (Some(first), Some(last)) if range.start < range.end => {
                &self.written[first.written.start..last.written.end]
            }
            _ => "",
        }
    }

    pub(super) fn folded_chars(&self, range: Range<usize>) -> Vec<char> {
        self.chars[range].iter().map(|c| c.folded).collect()
    }
}

impl Char {
    /// The character as written (its first, if folding made it of more).
    pub(super) fn as_written(&self, text: &Text) -> char {
        text.written[self.written.clone()]
            .chars()
            .next()
            .unwrap_or(self.folded)
    }
}

/// The largest count up to `max` for which `holds` (true of 0, and of
/// every count below one it is true of).
pub(super) fn longest(max: usize, holds: impl Fn(usize) -> bool) -> usize {
    let (mut yes, mut no) = (0, max + 1);
    while no - yes > 1 {
        let middle = yes + (no - yes) / 2;
        if holds(middle) {
            yes = middle;
        } else {
            no = middle;
        }
    }
    yes
}

/// Where `run` is in `texts`, as (block, character), the first [`TRIES`].
pub(super) fn occurrences(texts: &[Text], run: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if run.is_empty() {
        return found;
    }
    for (block, text) in texts.iter().enumerate() {
        let mut from = 0;
        while let Some(offset) = text.folded[from..].find(run) {
            let at = from + offset;
            if let Ok(char) = text.bounds.binary_search(&at) {
                found.push((block, char));
            }
            if found.len() == TRIES {
                return found;
            }
            from = at + text.folded[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// A difference: characters of the selector and of the text that stand
/// for each other; `apart` when the two read differently from
/// there on.
#[derive(Debug, Clone, Default)]
pub(super) struct Hunk {
    pub(super) selector: Range<usize>,
    pub(super) text: Range<usize>,
    pub(super) apart: bool,
}

/// The annotation lined up with one place in a block.
#[derive(Debug)]
pub(super) struct Alignment {
    pub(super) block: usize,
    /// Characters of the block it covers.
    pub(super) covers: Range<usize>,
    /// Characters of the annotation read alike.
    pub(super) agreed: usize,
    /// Its first difference, in text order.
    pub(super) first: Hunk,
    /// How many differences, and the characters they stand for.
    differences: usize,
    skipped: usize,
    apart: bool,
}

impl Alignment {
    /// Closest first: read alike to the end, then fewest differences.
    pub(super) fn distance(&self) -> (bool, usize, usize) {
        (self.apart, self.differences, self.skipped)
    }

    /// Walks on from the `run` first characters of `selector`, found at
    /// character `at` of `text`.
    pub(super) fn forward(
        selector: &Text,
        text: &Text,
        block: usize,
        at: usize,
        run: usize,
    ) -> Self {
        let from = at + run;
        let reach = (from + selector.chars.len() - run + SKIP * DIFFERENCES).min(text.chars.len());
        let rest = selector.folded_chars(run..selector.chars.len());
        let walk = walk(&rest, &text.folded_chars(from..reach));
        let shift = |h: &Hunk| Hunk {
            selector: h.selector.start + run..h.selector.end + run,
            text: h.text.start + from..h.text.end + from,
            apart: h.apart,
        };
        Self::new(
            block,
            at..from + walk.read,
            run,
            &walk,
            walk.hunks.first().map(shift),
        )
    }

    /// Walks back from the `run` last characters of `selector`, found at
    /// character `at` of `text`.
    pub(super) fn backward(
        selector: &Text,
        text: &Text,
        block: usize,
        at: usize,
        run: usize,
    ) -> Self {
        let before = selector.chars.len() - run;
        let reach = at.saturating_sub(before + SKIP * DIFFERENCES);
        let mut start = selector.folded_chars(0..before);
        let mut along = text.folded_chars(reach..at);
        start.reverse();
        along.reverse();
        let walk = walk(&start, &along);
        let shift = |h: &Hunk| Hunk {
            selector: before - h.selector.end..before - h.selector.start,
            text: at - h.text.end..at - h.text.start,
            apart: h.apart,
        };
        Self::new(
            block,
            at - walk.read..at + run,
            run,
            &walk,
            walk.hunks.last().map(shift),
        )
    }

    fn new(
        block: usize,
        covers: Range<usize>,
        run: usize,
        walk: &Walk,
        first: Option<Hunk>,
    ) -> Self {
        Self {
            block,
            covers,
            agreed: run + walk.agreed,
            first: first.unwrap_or_default(),
            differences: walk.hunks.len(),
            skipped: walk
                .hunks
                .iter()
                .map(|h| h.selector.len() + h.text.len())
                .sum(),
            apart: walk.hunks.iter().any(|h| h.apart),
        }
    }
}

/// The differences met walking `selector` (or a part of it) along `text` from their starts.
struct Walk {
    hunks: Vec<Hunk>,
    /// Characters of `selector` read alike, and of `text` walked.
    agreed: usize,
    read: usize,
}

/// Walks `selector` along `text`: alike as far as they go, then the smallest
/// difference after which they agree again the longest (a character
/// changed, left out or added, a word left out…), and on.
fn walk(selector: &[char], text: &[char]) -> Walk {
    let common = |q: usize, t: usize| {
        selector[q..]
            .iter()
            .zip(&text[t..])
            .take_while(|(a, b)| a == b)
            .count()
    };
    let (mut q, mut t, mut agreed) = (0, 0, 0);
    let mut hunks = Vec::new();
    loop {
        let same = common(q, t);
        (q, t, agreed) = (q + same, t + same, agreed + same);
        if q == selector.len() {
            break;
        }
        let mut best = None;
        for a in 0..=SKIP.min(selector.len() - q) {
            for b in 0..=SKIP.min(text.len() - t) {
                let after = common(q + a, t + b);
                let ended = q + a + after == selector.len();
                if (a, b) == (0, 0) || !(after >= AGREE || ended) {
                    continue;
                }
                // A letter typed for a space or a stop is rather one too
                // many (`xGermany`) than one changed.
                let unlike = (0..a.min(b))
                    .filter(|i| selector[q + i].is_alphanumeric() != text[t + i].is_alphanumeric())
                    .count();
                // Longest agreement, then to the end, then characters of a
                // kind, then a change rather than something left out, then
                // the smallest (and one way, `(1, 0)` before `(0, 1)`).
                let key = (after, ended, Reverse((unlike, a.abs_diff(b), a + b)), a, b);
                if best.is_none_or(|k| key > k) {
                    best = Some(key);
                }
            }
        }
        match best {
            Some((_, _, _, a, b)) if hunks.len() < DIFFERENCES => {
                hunks.push(Hunk {
                    selector: q..q + a,
                    text: t..t + b,
                    apart: false,
                });
                (q, t) = (q + a, t + b);
            }
            _ => {
                let rest = (selector.len() - q).min(text.len() - t);
                hunks.push(Hunk {
                    selector: q..selector.len(),
                    text: t..t + rest,
                    apart: true,
                });
                t += rest;
                break;
            }
        }
    }
    Walk {
        hunks,
        agreed,
        read: t,
    }
}
