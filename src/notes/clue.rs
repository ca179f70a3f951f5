//! Why a quote is found nowhere, told to the researcher: the closest
//! passage and what to change, or that the quote spans two blocks. Takes
//! what [`super::closest`] found; gives the end of the error message and
//! its help line, and the passage as it is shown.

use std::ops::Range;

use super::align::Text;

/// Characters of context shown on each side of the passage.
const AROUND: usize = 20;

/// Why a quote is found nowhere, as far as the text tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Clue {
    /// Its start ends block `first` and its rest starts the next block.
    Spans {
        /// The block the quote starts in.
        first: usize,
        /// The one after it.
        second: usize,
    },
    /// The passage of `block` that reads most like the quote, as a reader
    /// sees it, and where the two part.
    Differs {
        /// Index of the block.
        block: usize,
        /// The passage with a little context, clipped with `…`.
        passage: String,
        /// The first difference.
        difference: Difference,
    },
}

/// Where the annotation first reads otherwise than the closest passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Difference {
    /// A few characters to change: the annotation's `part` has `written`
    /// where the text has `text`, both as written.
    Few {
        /// Which part of the annotation.
        part: Part,
        /// What it has.
        written: String,
        /// What the text has instead.
        text: String,
    },
    /// There the two read differently, and go on so: the characters on
    /// each side of the difference, next to what reads alike.
    Apart {
        /// Which part of the annotation.
        part: Part,
        /// Its character.
        written: char,
        /// The text's.
        text: char,
    },
    /// The annotation goes on past the end of the block (`after`), or
    /// starts before it, with `written` (clipped with `…`).
    Beyond {
        /// Which part of the annotation.
        part: Part,
        /// What it has there.
        written: String,
        /// Past the end, not before the start.
        after: bool,
    },
    /// The text has a space where `prefix` meets the quote or the quote
    /// meets `suffix`, and the annotation has none.
    Space(Part),
}

/// The parts of an annotation that are matched together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// `prefix:`
    Prefix,
    /// `quote:`
    Quote,
    /// `suffix:`
    Suffix,
}

impl Clue {
    /// What to add to "quote … is found nowhere in the text", and the help
    /// line; `line_of` gives the line where a block starts.
    pub(crate) fn explain(&self, line_of: impl Fn(usize) -> String) -> (String, String) {
        match self {
            Self::Spans { first, second } => (
                format!(
                    "; its start ends the block at line {} and its rest starts the next, \
                     at line {}: a quote cannot span two blocks",
                    line_of(*first),
                    line_of(*second)
                ),
                "quote within one block (a paragraph, heading, list item or table row), \
                 or write an annotation for each"
                    .to_string(),
            ),
            Self::Differs {
                block,
                passage,
                difference,
            } => {
                let (what, help) = difference.explain();
                (
                    format!(
                        "; the closest passage, line {}, reads “{passage}”: {what}",
                        line_of(*block)
                    ),
                    help,
                )
            }
        }
    }
}

/// "the quote has `x` where the text has `y`".
fn has_where(part: Part, written: &str, text: &str) -> String {
    format!(
        "the {} has {} where the text has {}",
        part.key(),
        shown(written),
        shown(text)
    )
}

impl Difference {
    fn explain(&self) -> (String, String) {
        const COPY: &str = "copy the passage from the text as a reader sees it";
        match self {
            Self::Few {
                part,
                written,
                text,
            } => (
                has_where(*part, written, text),
                format!(
                    "write `{text}` where the {} has `{written}`, or {COPY}",
                    part.key()
                ),
            ),
            Self::Apart {
                part,
                written,
                text,
            } => (
                has_where(*part, &written.to_string(), &text.to_string()),
                format!("there the {} reads differently: {COPY}", part.key()),
            ),
            Self::Beyond {
                part,
                written,
                after,
            } => (
                if *after {
                    format!(
                        "the {} goes on with “{written}” past the end of the block",
                        part.key()
                    )
                } else {
                    format!(
                        "the {} has “{written}” before the start of the block",
                        part.key()
                    )
                },
                format!(
                    "a quote lies within one block (a paragraph, heading, list item or table row): \
                     quote within it, or {COPY}"
                ),
            ),
            Self::Space(part) => {
                let (between, help) = if *part == Part::Prefix {
                    ("the prefix and the quote", "end `prefix:` with a space")
                } else {
                    ("the quote and the suffix", "start `suffix:` with a space")
                };
                (
                    format!("the text has a space between {between}"),
                    format!(
                        "{help}: a prefix or suffix keeps the spaces at its ends, a quote does not"
                    ),
                )
            }
        }
    }
}

impl Part {
    /// Its name in messages.
    fn key(self) -> &'static str {
        match self {
            Self::Prefix => "prefix",
            Self::Quote => "quote",
            Self::Suffix => "suffix",
        }
    }
}

/// `text` between backticks, with the code points of its characters when
/// there are few (those that look alike are told apart by them).
fn shown(text: &str) -> String {
    if text.chars().count() > 4 {
        return format!("`{text}`");
    }
    let points: Vec<String> = text
        .chars()
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    format!("`{text}` ({})", points.join(" "))
}

/// The characters `covers` of `text` as written, with about [`AROUND`]
/// characters on each side.
pub(super) fn passage(text: &Text, covers: Range<usize>) -> String {
    let start = text
        .chars
        .get(covers.start)
        .map_or(text.written.len(), |c| c.written.start);
    let end = covers
        .end
        .checked_sub(1)
        .and_then(|last| text.chars.get(last))
        .map_or(start, |c| c.written.end)
        .max(start);
    let lead = last_words(&text.written[..start]);
    let trail = first_words(&text.written[end..]);
    format!("{lead}{}{trail}", &text.written[start..end])
}

/// The first [`AROUND`] characters of `text`, cut after a word and
/// marked `…` where cut.
pub(super) fn first_words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= AROUND {
        return text.to_string();
    }
    let kept: String = chars[..AROUND].iter().collect();
    let end = if chars[AROUND] == ' ' {
        kept.len()
    } else {
        kept.rfind(' ').unwrap_or(kept.len())
    };
    format!("{}…", kept[..end].trim_end())
}

/// The last [`AROUND`] characters of `text`, cut before a word and marked
/// `…` where cut.
pub(super) fn last_words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= AROUND {
        return text.to_string();
    }
    let kept: String = chars[chars.len() - AROUND..].iter().collect();
    let start = if chars[chars.len() - AROUND - 1] == ' ' {
        0
    } else {
        kept.find(' ').map_or(0, |space| space + 1)
    };
    format!("…{}", kept[start..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn told(difference: Difference) -> (String, String) {
        let clue = Clue::Differs {
            block: 3,
            passage: "…the story of Germany’s postwar history".to_string(),
            difference,
        };
        clue.explain(|block| (block * 2).to_string())
    }

    #[test]
    fn a_clue_names_the_line_the_passage_and_what_to_write() {
        let few = Difference::Few {
            part: Part::Quote,
            written: "n".to_string(),
            text: "an".to_string(),
        };
        assert_eq!(
            told(few),
            (
                "; the closest passage, line 6, reads “…the story of Germany’s postwar history”: \
                 the quote has `n` (U+006E) where the text has `an` (U+0061 U+006E)"
                    .to_string(),
                "write `an` where the quote has `n`, or copy the passage from the text as a \
                 reader sees it"
                    .to_string()
            )
        );
        let apart = Difference::Apart {
            part: Part::Suffix,
            written: '\'',
            text: '’',
        };
        assert_eq!(
            told(apart).0,
            "; the closest passage, line 6, reads “…the story of Germany’s postwar history”: \
             the suffix has `'` (U+0027) where the text has `’` (U+2019)"
        );
        let beyond = Difference::Beyond {
            part: Part::Quote,
            written: "And then…".to_string(),
            after: true,
        };
        assert!(
            told(beyond)
                .0
                .ends_with(": the quote goes on with “And then…” past the end of the block")
        );
        let (space, help) = told(Difference::Space(Part::Prefix));
        assert!(space.ends_with(": the text has a space between the prefix and the quote"));
        assert!(help.starts_with("end `prefix:` with a space"));
        let spans = Clue::Spans {
            first: 1,
            second: 2,
        };
        assert_eq!(
            spans.explain(|block| (block * 2).to_string()).0,
            "; its start ends the block at line 2 and its rest starts the next, at line 4: \
             a quote cannot span two blocks"
        );
    }
}
