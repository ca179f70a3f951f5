//! The names in one block of text that no entity covers: words read with
//! their shape (capitalised, in capitals, a particle…), then runs of
//! capitalised words joined by particles (`Corée du Nord`, `Bank of
//! England`), and acronyms (`OTAN`). A run that touches a mention is
//! covered as a whole. Titles before a name and common words that only
//! start a sentence are left out; a lone capitalised word at the start of
//! a sentence is only a guess, which [`super`] keeps when the word is
//! also seen inside a sentence.

use std::collections::BTreeSet;
use std::ops::Range;

use super::tokens::tokens;
use super::words;
use crate::markdown::ProseBlock;
use crate::passage::Sentences;

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A capital then small letters: `Kim`, `Jean-Yves`, `d'Ukraine`.
    Capitalised,
    /// Two letters or more, all capitals: `OTAN`, `U.S.`.
    Acronym,
    /// A lowercase word found inside names: `du`, `of`.
    Particle,
    /// Any other word with a small first letter.
    Lower,
    /// Digits, a lone capital, anything else.
    Other,
}

/// Whether the mention finder searched a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Searched, no name found.
    Open,
    /// A name (or a `not_mentions` phrase) was found on it.
    Covered,
    /// Not searched: a link's text, code, a wikilink.
    Outside,
}

/// A word of a block.
#[derive(Debug, Clone)]
struct Word {
    /// As written, with its elision and possessive.
    whole: Range<usize>,
    /// Without them: `Ukraine` of `d'Ukraine`, `Putin` of `Putin's`.
    core: Range<usize>,
    /// The core in lowercase.
    lower: String,
    shape: Shape,
    /// Ends in `'s`.
    possessive: bool,
    /// Starts a sentence (after any opening quote or bracket).
    initial: bool,
    reach: Reach,
    /// The searched range its start is in (an index in the block's).
    span: Option<usize>,
}

/// One place where a name not covered is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Occurrence {
    /// The name as written.
    pub text: String,
    /// A lone capitalised word at the start of a sentence: a name only if
    /// the word is seen elsewhere inside a sentence.
    pub doubtful: bool,
    /// The word just before it, lowercase (`in`, `président`): a clue to
    /// its type.
    pub before: Option<String>,
    /// With the common word that starts its sentence, left out of `text`
    /// (`Le Monde` of `Le Monde a écrit`): the name, when it is written so
    /// inside a sentence too.
    pub fuller: Option<String>,
}

/// What the blocks of the scanned articles say about words, whatever
/// their block: which are written in lowercase, which capitalised inside
/// a sentence.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    lowercase: BTreeSet<String>,
    /// By [`super::group_key`].
    inside_sentences: BTreeSet<String>,
}

impl Evidence {
    /// What both say.
    pub(super) fn merge(mut self, other: Self) -> Self {
        self.lowercase.extend(other.lowercase);
        self.inside_sentences.extend(other.inside_sentences);
        self
    }

    /// True when `key` (a group key) is seen capitalised inside a sentence.
    pub(super) fn inside_a_sentence(&self, key: &str) -> bool {
        self.inside_sentences.contains(key)
    }
}

/// A block read into words, ready to give its names.
pub(super) struct Block<'b> {
    text: &'b str,
    words: Vec<Word>,
    /// In capitals or in title case (a headline): its capitals say nothing.
    headline: bool,
}

impl<'b> Block<'b> {
    /// Reads `block` into words.
    pub(super) fn read(block: &'b ProseBlock) -> Self {
        let text = block.text.as_str();
        let sentences = Sentences::new(text);
        let words: Vec<Word> = tokens(text)
            .into_iter()
            .map(|range| word(text, range, sentences.starts(), block))
            .collect();
        let headline = is_headline(text, &words);
        Self {
            text,
            words,
            headline,
        }
    }

    /// Adds what this block says about words to `evidence`.
    pub(super) fn witness(&self, evidence: &mut Evidence) {
        for word in &self.words {
            match word.shape {
                Shape::Lower | Shape::Particle => {
                    evidence.lowercase.insert(word.lower.clone());
                }
                Shape::Capitalised if !word.initial && !self.headline => {
                    let key = super::group_key(&self.text[word.core.clone()]);
                    evidence.inside_sentences.insert(key);
                }
                _ => {}
            }
        }
    }

    /// The names of this block that no entity covers, in text order.
    pub(super) fn names(&self, evidence: &Evidence) -> Vec<Occurrence> {
        let mut found = Vec::new();
        if self.headline {
            return found;
        }
        let mut i = 0;
        while i < self.words.len() {
            let word = &self.words[i];
            match word.shape {
                Shape::Acronym => {
                    if self.is_acronym(i) {
                        found.push(self.occurrence(i..=i, false));
                    }
                    i += 1;
                }
                Shape::Capitalised if self.is_name_word(i) => {
                    let last = self.run_end(i);
                    if let Some(name) = self.name_in(i, last, evidence) {
                        found.push(name);
                    }
                    i = last + 1;
                }
                _ => i += 1,
            }
        }
        found
    }

    /// A capitalised word that can be part of a name: searched or
    /// covered (a covered one makes its whole run covered), not a month.
    fn is_name_word(&self, i: usize) -> bool {
        let word = &self.words[i];
        word.shape == Shape::Capitalised
            && word.reach != Reach::Outside
            && !words::is_calendar(&word.lower)
    }

    /// Word `next` follows word `previous` after one space, both searched
    /// alike (a link's text does not run into prose), in one run of prose
    /// unless a mention is one of them.
    fn joined(&self, previous: usize, next: usize) -> bool {
        let (a, b) = (&self.words[previous], &self.words[next]);
        a.whole.end + 1 == b.whole.start
            && self.text.as_bytes()[a.whole.end] == b' '
            && (a.reach == Reach::Outside) == (b.reach == Reach::Outside)
            // Two runs of prose (`*Kim* Jong`) are searched apart: the
            // finder could not cover a name across them.
            && (a.reach != Reach::Open || b.reach != Reach::Open || a.span == b.span)
    }

    /// The last word of the run of name words and particles from `first`.
    fn run_end(&self, first: usize) -> usize {
        let mut last = first;
        loop {
            let word = &self.words[last];
            // `Putin's Kremlin` is two names; `People's Republic` one.
            if word.possessive
                && !matches!(word.lower.as_str(), "people" | "women" | "men" | "children")
            {
                return last;
            }
            // Up to two particles, then a name word: `de la Défense`.
            let mut next = last + 1;
            while next < self.words.len()
                && next - last <= 2
                && self.words[next].shape == Shape::Particle
                && self.joined(next - 1, next)
            {
                next += 1;
            }
            if next == self.words.len() || !self.joined(next - 1, next) {
                return last;
            }
            let numeral = next == last + 1
                && self.words[next].shape == Shape::Acronym
                && words::is_roman_numeral(&self.text[self.words[next].core.clone()]);
            if numeral {
                // `Louis XIV`: the number ends the name.
                return next;
            }
            if !self.is_name_word(next) {
                return last;
            }
            last = next;
        }
    }

    /// The name in the run `first..=last`, if it is one and no entity
    /// covers it.
    fn name_in(&self, first: usize, last: usize, evidence: &Evidence) -> Option<Occurrence> {
        if self.words[first..=last]
            .iter()
            .any(|w| w.reach == Reach::Covered)
        {
            return None;
        }
        let mut first = first;
        let skip_particles = |mut at: usize| {
            while at <= last && self.words[at].shape == Shape::Particle {
                at += 1;
            }
            at
        };
        // `President Vladimir Putin`: the name is what follows the title.
        while first < last && words::is_title(&self.words[first].lower) {
            first = skip_particles(first + 1);
        }
        let word = &self.words[first];
        let mut dropped = None;
        if word.initial {
            // `Despite Western sanctions`: a word written in lowercase
            // elsewhere, and never capitalised inside a sentence (as
            // `North` of `North Korea` is).
            let common = words::starts_sentences(&word.lower)
                || (first < last
                    && self.words[first + 1].shape != Shape::Particle
                    && evidence.lowercase.contains(&word.lower)
                    && !evidence.inside_a_sentence(&super::group_key(&word.lower)));
            if common {
                dropped = Some(first);
                first = skip_particles(first + 1);
            }
        }
        if first > last {
            return None;
        }
        let lone = first == last;
        let lower = &self.words[first].lower;
        if lone && (words::starts_sentences(lower) || words::is_title(lower)) {
            return None;
        }
        let mut found = self.occurrence(first..=last, lone && self.words[first].initial);
        found.fuller = dropped
            .map(|d| self.text[self.words[d].core.start..self.words[last].core.end].to_string());
        Some(found)
    }

    /// An acronym standing alone: not in a line of capitals, not a common
    /// word in capitals, not a roman numeral, not covered.
    fn is_acronym(&self, i: usize) -> bool {
        let word = &self.words[i];
        let core = &self.text[word.core.clone()];
        let beside_capitals = |j: usize| {
            self.words[j].shape == Shape::Acronym && (self.joined(i, j) || self.joined(j, i))
        };
        let in_capitals = (i > 0 && beside_capitals(i - 1))
            || (i + 1 < self.words.len() && beside_capitals(i + 1));
        word.reach == Reach::Open
            && !in_capitals
            && !words::is_roman_numeral(core)
            && !words::is_common_acronym(&word.lower.replace('.', ""))
    }

    fn occurrence(&self, words: std::ops::RangeInclusive<usize>, doubtful: bool) -> Occurrence {
        let (first, last) = (*words.start(), *words.end());
        let start = self.words[first].core.start;
        let before = first
            .checked_sub(1)
            .map(|b| &self.words[b])
            .filter(|b| {
                let gap = &self.text[b.whole.end..start];
                gap == " " || gap == ". "
            })
            .map(|b| b.lower.clone());
        Occurrence {
            text: self.text[start..self.words[last].core.end].to_string(),
            doubtful,
            before,
            fuller: None,
        }
    }
}

/// Reads the word at `range` of a block's `text`.
fn word(text: &str, range: Range<usize>, starts: &[usize], block: &ProseBlock) -> Word {
    let written = &text[range.clone()];
    let mut core = range.clone();
    // An elision: `d'Ukraine`, `L'OTAN`, `qu'Emmanuel`.
    if let Some((prefix, rest)) = written.split_once(['\'', '’'])
        && !rest.is_empty()
        && words::is_elision(&prefix.to_lowercase())
    {
        core.start = range.end - rest.len();
    }
    let mut possessive = false;
    for ending in ["'s", "’s"] {
        if text[core.clone()].ends_with(ending) && core.len() > ending.len() {
            core.end -= ending.len();
            possessive = true;
        }
    }
    let core_text = &text[core.clone()];
    let lower = core_text.to_lowercase();
    let letters: Vec<char> = core_text.chars().filter(|c| c.is_alphabetic()).collect();
    let first = core_text.chars().next();
    let shape = match first {
        Some(c) if c.is_uppercase() => {
            if letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase()) {
                Shape::Acronym
            } else if letters.len() >= 2 {
                Shape::Capitalised
            } else {
                Shape::Other
            }
        }
        Some(c) if c.is_lowercase() && words::is_particle(&lower) => Shape::Particle,
        Some(c) if c.is_lowercase() => Shape::Lower,
        _ => Shape::Other,
    };
    Word {
        initial: starts_sentence(text, range.start, starts),
        reach: reach(block, &core),
        span: block
            .searched
            .iter()
            .position(|r| r.range.contains(&core.start)),
        whole: range,
        core,
        lower,
        shape,
        possessive,
    }
}

/// Whether a word at `at` starts a sentence: nothing but opening marks
/// between it and the start of its sentence, or it follows a colon, an
/// opening quote or bracket, a dash or a table's cell separator (a quote
/// or a list starts with a capital too).
fn starts_sentence(text: &str, at: usize, starts: &[usize]) -> bool {
    let sentence = starts[starts.partition_point(|s| *s <= at).saturating_sub(1)];
    if !text[sentence..at].chars().any(char::is_alphanumeric) {
        return true;
    }
    let before = text[..at].trim_end_matches(' ').chars().next_back();
    matches!(
        before,
        Some(':' | '«' | '“' | '"' | '‘' | '(' | '[' | '—' | '–' | '|' | '•')
    )
}

/// How the mention finder saw `range`: covered when any part of it is in
/// a range where a name was found, open when it lies in searched text.
fn reach(block: &ProseBlock, range: &Range<usize>) -> Reach {
    let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
    if block
        .searched
        .iter()
        .any(|s| s.covered && overlaps(&s.range))
    {
        return Reach::Covered;
    }
    let inside = |at: usize| block.searched.iter().any(|s| s.range.contains(&at));
    if inside(range.start) && inside(range.end - 1) {
        Reach::Open
    } else {
        Reach::Outside
    }
}

/// A block with no small letter, or whose long words are all capitalised
/// (three at least): a headline, whose capitals are no clue to names.
fn is_headline(text: &str, words: &[Word]) -> bool {
    if !text.chars().any(char::is_lowercase) {
        return true;
    }
    let long: Vec<&Word> = words
        .iter()
        .filter(|w| text[w.core.clone()].chars().count() >= 4)
        .collect();
    long.len() >= 3
        && long
            .iter()
            .all(|w| matches!(w.shape, Shape::Capitalised | Shape::Acronym))
}

#[cfg(test)]
mod tests;
