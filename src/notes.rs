//! Finding a note's quote in an article, as the W3C TextQuoteSelector does:
//! on the text a reader sees (after Markdown, white space folded), so that
//! a quote may cross emphasis, links and inline code. Takes the visible
//! text of each block; gives where the quote is, or why it is not once.

use std::ops::Range;

/// The visible text of one block of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// White space folded to single spaces.
    pub text: String,
    /// Byte offset in the body where the block starts, for messages.
    pub source: usize,
}

/// What a note quotes.
#[derive(Debug, Clone, Copy)]
pub struct Quote<'a> {
    /// The quoted passage.
    pub exact: &'a str,
    /// Text just before it, to tell repeated passages apart.
    pub prefix: Option<&'a str>,
    /// Text just after it.
    pub suffix: Option<&'a str>,
}

/// Where a quote was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
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
pub enum Mismatch {
    /// The quote (with its prefix and suffix) is not in the text.
    Nowhere,
    /// It is there several times: the blocks where it is.
    Several(Vec<usize>),
}

/// Characters of context kept on each side, as selectors usually carry.
pub const CONTEXT: usize = 32;

/// Finds `quote` in `blocks`: exactly once, or a mismatch.
pub fn locate(quote: Quote<'_>, blocks: &[Block]) -> Result<Located, Mismatch> {
    let exact = fold(quote.exact.trim());
    let prefix = quote.prefix.map(fold).unwrap_or_default();
    let suffix = quote.suffix.map(fold).unwrap_or_default();
    if exact.is_empty() {
        return Err(Mismatch::Nowhere);
    }
    let mut found = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let text = &block.text;
        let mut from = 0;
        while let Some(offset) = text[from..].find(&exact) {
            let start = from + offset;
            let end = start + exact.len();
            if text[..start].ends_with(prefix.as_str()) && text[end..].starts_with(suffix.as_str())
            {
                found.push((index, start..end));
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

/// Folds each run of white space to one space (ends kept, as one space).
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
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
    fn typographic_quotes_are_matched_as_written() {
        let text = blocks(&["l’Ukraine"]);
        assert_eq!(
            locate(quote("l'Ukraine", None, None), &text),
            Err(Mismatch::Nowhere)
        );
        assert!(locate(quote("l’Ukraine", None, None), &text).is_ok());
    }
}
