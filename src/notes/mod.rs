//! Finding a note's quote in an article, as the W3C TextQuoteSelector does:
//! on the text a reader sees (after Markdown, white space folded), so that
//! a quote may cross emphasis, links and inline code, and with typographic
//! variants compared as one, so that a quote typed with `'` finds the `’`
//! the article prints. Takes the visible text of each block; gives where
//! the quote is, as written in the text, or why it is not there once.

use std::ops::Range;

use crate::fold::{self, Folded, Folding};

mod align;
mod closest;
mod clue;

pub(crate) use closest::closest;
pub(crate) use clue::{Clue, Difference, Part};

/// The visible text of one block of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// White space folded to single spaces.
    pub text: String,
    /// Byte offset in the body where the block starts, for messages.
    pub source: usize,
}

/// What a note quotes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quote<'a> {
    /// The quoted passage.
    pub exact: &'a str,
    /// Text just before it, to tell repeated passages apart.
    pub prefix: Option<&'a str>,
    /// Text just after it.
    pub suffix: Option<&'a str>,
}

/// Where a quote was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    /// Index of the block.
    pub block: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// Up to [`CONTEXT`] characters of text before the quote.
    pub before: String,
    /// Up to [`CONTEXT`] characters after it.
    pub after: String,
}

/// Why a quote cannot be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mismatch {
    /// The quote (with its prefix and suffix) is not in the text.
    Nowhere,
    /// It is there several times: the blocks where it is.
    Several(Vec<usize>),
}

/// Characters of context kept on each side, as selectors usually carry.
pub(crate) const CONTEXT: usize = 32;

/// How quotes and text are compared: typographic variants as one (see
/// [`crate::fold`]), but accents and case as written, since a quote is
/// copied from the text rather than typed from memory like a name.
const TYPOGRAPHIC: Folding = Folding {
    accents: false,
    hyphenation: false,
};

/// `text` folded as quotes are compared.
fn folded(text: &str) -> Folded {
    Folded::new(text, TYPOGRAPHIC)
}

/// Finds `quote` in `blocks`: exactly once, or a mismatch. The range found
/// is in the block's text as written, whatever typographic variants the
/// quote used.
pub(crate) fn locate(quote: Quote<'_>, blocks: &[Block]) -> Result<Located, Mismatch> {
    let exact = fold::key(quote.exact, false);
    let prefix = quote.prefix.map(|p| folded(p).text).unwrap_or_default();
    let suffix = quote.suffix.map(|s| folded(s).text).unwrap_or_default();
    if exact.is_empty() {
        return Err(Mismatch::Nowhere);
    }
    let mut found = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let folded = folded(&block.text);
        let text = &folded.text;
        let mut from = 0;
        while let Some(offset) = text[from..].find(&exact) {
            let start = from + offset;
            let end = start + exact.len();
            if text[..start].ends_with(prefix.as_str()) && text[end..].starts_with(suffix.as_str())
            {
                let range =
                    folded.original_start(start, block.text.len())..folded.original_end(end);
                found.push((index, range));
            }
            // Step one character on, so overlapping repeats are seen too.
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    match found.len() {
        0 => Err(Mismatch::Nowhere),
        1 => {
            let (block, range) = found.remove(0);
            let text = &blocks[block].text;
            let before = tail(&text[..range.start], CONTEXT);
            let after = head(&text[range.end..], CONTEXT);
            Ok(Located {
                block,
                range,
                before,
                after,
            })
        }
        _ => Err(Mismatch::Several(
            found.into_iter().map(|(block, _)| block).collect(),
        )),
    }
}

fn tail(text: &str, count: usize) -> String {
    let skip = text.chars().count().saturating_sub(count);
    text.chars().skip(skip).collect()
}

fn head(text: &str, count: usize) -> String {
    text.chars().take(count).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block {
                text: (*t).to_string(),
                source: 0,
            })
            .collect()
    }

    fn quote<'a>(exact: &'a str, prefix: Option<&'a str>, suffix: Option<&'a str>) -> Quote<'a> {
        Quote {
            exact,
            prefix,
            suffix,
        }
    }

    #[test]
    fn found_once_with_context() {
        let text =
            blocks(&["Il a qualifié l’accord de « document véritablement révolutionnaire »."]);
        let found = locate(
            quote("document  véritablement\nrévolutionnaire", None, None),
            &text,
        )
        .expect("once");
        assert_eq!(
            &text[0].text[found.range.clone()],
            "document véritablement révolutionnaire"
        );
        assert_eq!(found.before, "Il a qualifié l’accord de « ");
        assert_eq!(found.after, " ».");
    }

    #[test]
    fn repeated_quotes_need_a_prefix_or_suffix() {
        let text = blocks(&["la Russie et la Corée.", "Puis la Russie seule."]);
        assert_eq!(
            locate(quote("la Russie", None, None), &text),
            Err(Mismatch::Several(vec![0, 1]))
        );
        let second = locate(quote("la Russie", Some("Puis "), None), &text).expect("told apart");
        assert_eq!(second.block, 1);
        let first = locate(quote("la Russie", None, Some(" et")), &text).expect("told apart");
        assert_eq!(first.block, 0);
        assert_eq!(
            locate(quote("la Chine", None, None), &text),
            Err(Mismatch::Nowhere)
        );
    }

    #[test]
    fn typographic_variants_are_one_and_the_text_is_kept_as_written() {
        let text = blocks(&["Of Germany’s post\u{ad}war — “history”, l’Ukraine."]);
        let found = locate(quote("Germany's postwar - \"history\"", None, None), &text)
            .expect("apostrophe, soft hyphen, dash and quotes are one");
        assert_eq!(
            &text[0].text[found.range],
            "Germany’s post\u{ad}war — “history”"
        );
        // In the quote too, invisible characters are set aside.
        let found = locate(quote("Ger\u{200b}many’s", None, None), &text).expect("found");
        assert_eq!(&text[0].text[found.range], "Germany’s");
        // Prefix and suffix alike.
        let found = locate(quote("Ukraine", Some("l'"), Some(".")), &text).expect("found");
        assert_eq!(found.before, "rmany’s post\u{ad}war — “history”, l’");
    }

    #[test]
    fn case_and_accents_are_matched_as_written() {
        let text = blocks(&["l’Ukraine et l’Élysée"]);
        for other in ["l'ukraine", "l'Elysee"] {
            assert_eq!(
                locate(quote(other, None, None), &text),
                Err(Mismatch::Nowhere),
                "{other}"
            );
        }
        // Only the characters typographic folding makes one: `--` is not `—`.
        let text = blocks(&["a — b"]);
        assert_eq!(
            locate(quote("a -- b", None, None), &text),
            Err(Mismatch::Nowhere)
        );
        assert!(locate(quote("a - b", None, None), &text).is_ok());
    }
}
