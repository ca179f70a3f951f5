//! Passages: the sentence around a mention, as the entity page quotes it.
//! Takes a block's reader-visible text and the mention's range in it; gives
//! the text before, the mention, and the text after, clipped to about 80
//! characters on each side when the sentence is long.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// A mention in context: the sentence around it, or about 160 characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Passage {
    /// Text before the mention (with `…` where cut).
    pub before: String,
    /// The mention as written.
    pub text: String,
    /// Text after it (with `…` where cut).
    pub after: String,
}

/// The sentence around `range` in `text`, cut to about 160 characters
/// around the mention when the sentence is much longer.
pub fn passage(text: &str, range: Range<usize>) -> Passage {
    Sentences::new(text).passage(range)
}

/// A block's text with its sentence boundaries found once, for all the
/// mentions in it (finding them is the costliest part of a passage).
pub struct Sentences<'a> {
    text: &'a str,
    /// Start of each sentence, in order; the text's end closes the last.
    starts: Vec<usize>,
}

impl<'a> Sentences<'a> {
    /// Splits `text` into sentences (Unicode sentence boundaries).
    pub fn new(text: &'a str) -> Self {
        let starts = text
            .split_sentence_bound_indices()
            .map(|(offset, _)| offset)
            .collect();
        Self { text, starts }
    }

    /// The passage for the mention at `range`.
    pub fn passage(&self, range: Range<usize>) -> Passage {
        let text = self.text;
        // The sentence holding the mention's start, through the one
        // holding its end.
        let first = self
            .starts
            .partition_point(|s| *s <= range.start)
            .saturating_sub(1);
        let start = self.starts.get(first).copied().unwrap_or(0);
        let after_last = self.starts.partition_point(|s| *s < range.end);
        let end = self
            .starts
            .get(after_last)
            .copied()
            .unwrap_or(text.len())
            .max(range.end);
        let mut before = text[start..range.start].trim_start().to_string();
        let mut after = text[range.end..end].trim_end().to_string();
        const SIDE: usize = 80;
        if before.chars().count() + after.chars().count() > 2 * SIDE + 80 {
            before = clip_start(&before, SIDE);
            after = clip_end(&after, SIDE);
        }
        Passage {
            before,
            text: text[range].to_string(),
            after,
        }
    }
}

/// The last `keep` characters or so of `text`, cut at a space, with `…`.
fn clip_start(text: &str, keep: usize) -> String {
    let count = text.chars().count();
    if count <= keep {
        return text.to_string();
    }
    let cut = text.char_indices().nth(count - keep).map_or(0, |(i, _)| i);
    let cut = text[cut..].find(' ').map_or(cut, |i| cut + i + 1);
    format!("…{}", &text[cut..])
}

/// The first `keep` characters or so of `text`, cut at a space, with `…`.
fn clip_end(text: &str, keep: usize) -> String {
    if text.chars().count() <= keep {
        return text.to_string();
    }
    let cut = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let cut = text[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", &text[..cut])
}

/// Appends `text` with white space folded to single spaces.
pub fn push_folded(buffer: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !buffer.is_empty() && !buffer.ends_with(' ') {
                buffer.push(' ');
            }
        } else {
            buffer.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passage_is_the_sentence() {
        let text = "Première phrase. Kim Jong Un a parlé. Dernière.";
        let start = text.find("Kim").expect("present");
        let p = passage(text, start..start + "Kim Jong Un".len());
        assert_eq!(p.before, "");
        assert_eq!(p.text, "Kim Jong Un");
        assert_eq!(p.after, " a parlé.");
    }

    #[test]
    fn mentions_at_sentence_edges() {
        let text = "Un. Deux trois. Quatre";
        let sentences = Sentences::new(text);
        assert_eq!(sentences.passage(0..2).after, ".");
        let deux = text.find("Deux").expect("present");
        let p = sentences.passage(deux..deux + 4);
        assert_eq!((p.before.as_str(), p.after.as_str()), ("", " trois."));
        let last = sentences.passage(text.len() - 6..text.len());
        assert_eq!(
            (
                last.before.as_str(),
                last.text.as_str(),
                last.after.as_str()
            ),
            ("", "Quatre", "")
        );
        // A mention across a sentence end takes both sentences.
        let across = sentences.passage(1..deux + 4);
        assert_eq!(across.after, " trois.");
    }

    #[test]
    fn long_sentences_are_clipped_around_the_mention() {
        let text = format!("{} Poutine {}", "mot ".repeat(100), "fin ".repeat(100));
        let start = text.find("Poutine").expect("present");
        let p = passage(&text, start..start + 7);
        assert!(p.before.starts_with('…') && p.after.ends_with('…'));
        assert!(p.before.chars().count() <= 82 && p.after.chars().count() <= 82);
    }
}
