//! The clue for a quote found nowhere: the passage of the article that
//! reads most like it and the first place where the two differ, so that a
//! researcher sees at once the typo, the word left out or the `--` typed
//! for `—`. Takes the quote and the blocks [`super::locate`] searched; gives
//! a [`Clue`], or nothing when no passage is close.
//!
//! The passage is found from the longest run of the quote (prefix, quote
//! and suffix as one) that the text holds: run from its start, or from its
//! end when the quote goes wrong early. From there the two are walked side
//! by side, a difference at a time. This runs only when a quote is not
//! found, so it favours clarity, but stays bounded: a few searches over
//! the article, then walks of about the quote's length.

use std::ops::Range;

use super::align::{Alignment, Hunk, Text, longest, occurrences};
use super::clue::{first_words, last_words, passage};
use super::{Block, Clue, Difference, Part, Quote};

/// Characters of a run that make a passage worth showing.
const RUN: usize = 3;

/// The closest passage to `quote` in `blocks`, and how they differ.
pub(crate) fn closest(quote: Quote<'_>, blocks: &[Block]) -> Option<Clue> {
    let selector = Selector::new(quote);
    let length = selector.text.chars.len();
    if selector.quote == selector.suffix {
        return None;
    }
    let texts: Vec<Text> = blocks.iter().map(|b| Text::new(&b.text)).collect();
    let occurs = |s: &str| texts.iter().any(|t| t.folded.contains(s));
    let head = longest(length, |k| occurs(selector.text.head(k)));
    let tail = longest(length, |k| occurs(selector.text.tail(k)));
    if head == length || head.max(tail) < RUN {
        return None;
    }
    let heads = occurrences(&texts, selector.text.head(head));
    let tails = occurrences(&texts, selector.text.tail(tail));
    if let Some(spans) = spans(&selector, &texts, (head, &heads), (tail, &tails)) {
        return Some(spans);
    }
    let candidates: Vec<Alignment> = if head >= tail {
        heads
            .iter()
            .map(|&(block, at)| Alignment::forward(&selector.text, &texts[block], block, at, head))
            .collect()
    } else {
        tails
            .iter()
            .map(|&(block, at)| Alignment::backward(&selector.text, &texts[block], block, at, tail))
            .collect()
    };
    let best = candidates.into_iter().min_by_key(Alignment::distance)?;
    // Less than half the quote read alike: nothing close enough to show.
    if best.agreed * 2 < length {
        return None;
    }
    let text = &texts[best.block];
    Some(Clue::Differs {
        block: best.block,
        passage: passage(text, best.covers.clone()),
        difference: selector.difference(text, &best.first)?,
    })
}

/// What is looked for, as the W3C selector has it: prefix, quote and
/// suffix as one text.
struct Selector {
    text: Text,
    /// Where the quote and the suffix start, in characters.
    quote: usize,
    suffix: usize,
}

impl Selector {
    fn new(quote: Quote<'_>) -> Self {
        let mut text = Text::new(quote.prefix.unwrap_or_default());
        let start = text.chars.len();
        let mut exact = Text::new(quote.exact.trim());
        exact.trim();
        text.join(exact);
        let suffix = text.chars.len();
        text.join(Text::new(quote.suffix.unwrap_or_default()));
        Self {
            text,
            quote: start,
            suffix,
        }
    }

    fn part(&self, at: usize) -> Part {
        if at < self.quote {
            Part::Prefix
        } else if at < self.suffix {
            Part::Quote
        } else {
            Part::Suffix
        }
    }

    /// The first difference `hunk` makes readable: widened to the
    /// characters written differently beside it (`--` for `—`), and to
    /// one more when a side is empty, so that the help can say what to
    /// write instead of what.
    fn difference(&self, text: &Text, hunk: &Hunk) -> Option<Difference> {
        if hunk.apart {
            return self.apart(text, hunk);
        }
        let (mut wrote, mut reads) = (hunk.selector.clone(), hunk.text.clone());
        if wrote.is_empty() && text.folded_chars(reads.clone()) == [' '] {
            // `prefix: "Puis"` before `quote: "la Russie"`: the space
            // between them is in neither.
            let prefix = wrote.start == self.quote && self.quote > 0;
            let suffix = wrote.start == self.suffix && self.suffix < self.text.chars.len();
            if prefix || suffix {
                let part = if prefix { Part::Prefix } else { Part::Suffix };
                return Some(Difference::Space(part));
            }
        }
        let pair = |q: usize, t: usize| {
            let alike = self.text.chars.get(q)?.folded == text.chars.get(t)?.folded;
            let differently = self.text.written(q..q + 1) != text.written(t..t + 1);
            alike.then_some(differently)
        };
        let before = |q: &Range<usize>, t: &Range<usize>| {
            (q.start > 0 && t.start > 0)
                .then(|| pair(q.start - 1, t.start - 1))
                .flatten()
        };
        if before(&wrote, &reads) == Some(true) {
            (wrote.start, reads.start) = (wrote.start - 1, reads.start - 1);
        }
        if pair(wrote.end, reads.end) == Some(true) {
            (wrote.end, reads.end) = (wrote.end + 1, reads.end + 1);
        }
        if wrote.is_empty() || reads.is_empty() {
            if pair(wrote.end, reads.end).is_some() {
                (wrote.end, reads.end) = (wrote.end + 1, reads.end + 1);
            } else if before(&wrote, &reads).is_some() {
                (wrote.start, reads.start) = (wrote.start - 1, reads.start - 1);
            }
        }
        Some(Difference::Few {
            part: self.part(wrote.start),
            written: self.text.written(wrote).to_string(),
            text: text.written(reads).to_string(),
        })
    }

    /// A difference after which nothing reads alike: the characters on
    /// each side of it next to what did (before it when `hunk` was met
    /// walking back), or what the annotation has beyond its block.
    fn apart(&self, text: &Text, hunk: &Hunk) -> Option<Difference> {
        let after = hunk.selector.end == self.text.chars.len();
        if hunk.text.is_empty() {
            let written = self.text.written(hunk.selector.clone()).trim();
            return Some(Difference::Beyond {
                part: self.part(hunk.selector.start),
                written: if after {
                    first_words(written)
                } else {
                    last_words(written)
                },
                after,
            });
        }
        let (q, t) = if after {
            (hunk.selector.start, hunk.text.start)
        } else {
            (hunk.selector.end - 1, hunk.text.end - 1)
        };
        Some(Difference::Apart {
            part: self.part(q),
            written: self.text.chars.get(q)?.as_written(&self.text),
            text: text.chars.get(t)?.as_written(text),
        })
    }
}

/// The quote's start at the end of one block with its rest starting the
/// next, seen from the longest run at either end. Blocks with no text
/// (the weaver records some) are passed over.
fn spans(
    selector: &Selector,
    texts: &[Text],
    (head, heads): (usize, &[(usize, usize)]),
    (tail, tails): (usize, &[(usize, usize)]),
) -> Option<Clue> {
    let text = &selector.text;
    let blank = |t: &Text| t.folded.trim().is_empty();
    let rest = text.tail(text.chars.len() - head).trim_start();
    for &(block, at) in heads {
        let end = &texts[block].folded[texts[block].bounds[at + head]..];
        let next = (block + 1..texts.len()).find(|b| !blank(&texts[*b]));
        if head >= RUN
            && end.trim().is_empty()
            && let Some(second) = next.filter(|b| alike(rest, &texts[*b].folded))
        {
            return Some(Clue::Spans {
                first: block,
                second,
            });
        }
    }
    let start: String = text
        .head(text.chars.len() - tail)
        .trim_end()
        .chars()
        .rev()
        .collect();
    let ends = |t: &Text| {
        alike(
            &start,
            &t.folded.trim_end().chars().rev().collect::<String>(),
        )
    };
    for &(block, at) in tails {
        let before = &texts[block].folded[..texts[block].bounds[at]];
        let previous = (0..block).rev().find(|b| !blank(&texts[*b]));
        if tail >= RUN
            && before.trim().is_empty()
            && let Some(first) = previous.filter(|b| ends(&texts[*b]))
        {
            return Some(Clue::Spans {
                first,
                second: block,
            });
        }
    }
    None
}

/// Whether `text` starts with the first few characters of `part` (all of
/// them when it has fewer).
fn alike(part: &str, text: &str) -> bool {
    let common = part
        .chars()
        .zip(text.chars())
        .take_while(|(a, b)| a == b)
        .count();
    !part.is_empty() && common >= part.chars().count().min(RUN)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &[&str] = &[
        "",
        "This is the story of Germany’s postwar history — so far, as told by those who lived it.",
        "",
        "It ends here.",
        "",
        "Second part.",
    ];

    fn clue(exact: &str, prefix: Option<&str>, texts: &[&str]) -> Option<Clue> {
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block {
                text: (*t).to_string(),
                source: 0,
            })
            .collect();
        let quote = Quote {
            exact,
            prefix,
            suffix: None,
        };
        closest(quote, &blocks)
    }

    /// What the quote has and the text has instead, in `STORY`.
    fn few(exact: &str) -> (String, String) {
        match clue(exact, None, STORY) {
            Some(Clue::Differs {
                difference: Difference::Few { written, text, .. },
                ..
            }) => (written, text),
            other => panic!("{exact}: {other:?}"),
        }
    }

    fn pair(written: &str, text: &str) -> (String, String) {
        (written.to_string(), text.to_string())
    }

    #[test]
    fn the_closest_passage_is_shown_with_a_little_context() {
        let Some(Clue::Differs { block, passage, .. }) =
            clue("Germany’s postwor history", None, STORY)
        else {
            panic!("a passage");
        };
        assert_eq!(block, 1);
        assert_eq!(
            passage,
            "…is the story of Germany’s postwar history — so far, as told…"
        );
        let Some(Clue::Differs { passage, .. }) = clue("It ands here.", None, STORY) else {
            panic!("a passage");
        };
        assert_eq!(passage, "It ends here.");
    }

    #[test]
    fn a_typo_anywhere_is_the_character_that_differs() {
        assert_eq!(few("Germany's postwor history"), pair("o", "a"));
        // Near the start, the passage is found from the quote's end.
        assert_eq!(few("Xermany’s postwar history"), pair("X", "G"));
        assert_eq!(few("Germany’s postwar historx"), pair("x", "y"));
        // Written differently but alike, it is not a difference.
        assert_eq!(few("Germanys postwar history"), pair("s", "’s"));
    }

    #[test]
    fn a_character_left_out_or_added_shows_its_neighbour() {
        assert_eq!(few("Germny’s postwar history"), pair("n", "an"));
        assert_eq!(few("Germaany’s postwar history"), pair("aa", "a"));
        assert_eq!(few("xGermany’s postwar history"), pair("xG", "G"));
        assert_eq!(few("Germany’s history"), pair("h", "postwar h"));
    }

    #[test]
    fn two_hyphens_for_a_dash_are_one_too_many() {
        // `-` and `—` are alike; the second `-` is the difference.
        assert_eq!(few("postwar history -- so far"), pair("--", "—"));
        assert_eq!(
            few("history -- so far, as told by those who lived it"),
            pair("--", "—")
        );
    }

    #[test]
    fn a_quote_across_two_blocks_says_so() {
        let spans = Some(Clue::Spans {
            first: 3,
            second: 5,
        });
        assert_eq!(clue("ends here. Second", None, STORY), spans);
        assert_eq!(clue("here. Second part", None, STORY), spans);
    }

    #[test]
    fn a_prefix_needs_the_space_before_the_quote() {
        let texts = ["la Russie et la Corée.", "Puis la Russie seule."];
        let found = clue("la Russie", Some("Puis"), &texts);
        assert!(
            matches!(
                found,
                Some(Clue::Differs {
                    block: 1,
                    difference: Difference::Space(Part::Prefix),
                    ..
                })
            ),
            "{found:?}"
        );
        let found = clue("la Russie", Some("Puis  la"), &texts);
        assert!(
            matches!(
                found,
                Some(Clue::Differs {
                    block: 1,
                    difference: Difference::Few {
                        part: Part::Prefix,
                        ..
                    },
                    ..
                })
            ),
            "{found:?}"
        );
    }

    #[test]
    fn past_the_block_or_apart_the_rest_is_not_a_small_change() {
        let found = clue(
            "as told by those who lived it. And then they went on",
            None,
            STORY,
        );
        assert!(
            matches!(&found, Some(Clue::Differs { difference: Difference::Beyond { after: true, written, .. }, .. }) if written == "And then they went…"),
            "{found:?}"
        );
        let found = clue(
            "Germany’s postwar history — so far, but qqqq qqqq qqqq qqqq",
            None,
            STORY,
        );
        assert!(
            matches!(
                found,
                Some(Clue::Differs {
                    difference: Difference::Apart {
                        written: 'b',
                        text: 'a',
                        ..
                    },
                    ..
                })
            ),
            "{found:?}"
        );
    }

    #[test]
    fn nothing_close_is_no_clue() {
        assert_eq!(clue("not in the text at all", None, STORY), None);
        assert_eq!(clue("the story of nobody in particular", None, STORY), None);
        assert_eq!(clue("  ", Some("It "), STORY), None);
    }

    #[test]
    fn a_long_quote_in_a_long_article_stays_bounded() {
        // 50 KB of text from a few words: runs repeat everywhere.
        let words = [
            "the ", "of ", "postwar ", "history ", "Germany ", "and ", "a ", "treaty ",
        ];
        let mut seed = 7_u64;
        let mut blocks = Vec::new();
        for _ in 0..100 {
            let mut text = String::new();
            while text.len() < 500 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(words[usize::try_from(seed >> 61).expect("3 bits")]);
            }
            blocks.push(text);
        }
        let texts: Vec<&str> = blocks.iter().map(String::as_str).collect();
        let mut long = blocks[50][..300].to_string();
        let (first, second) = (long.as_bytes()[100], long.as_bytes()[200]);
        long.replace_range(100..101, "X");
        long.replace_range(200..201, "Y");
        let found = clue(&long, None, &texts);
        let Some(Clue::Differs {
            block: 50,
            difference: Difference::Few { written, text, .. },
            ..
        }) = found
        else {
            panic!("{found:?}");
        };
        // The first of the two typos, whichever side the run came from.
        assert!(
            written.contains('X') && text.contains(char::from(first)),
            "{written} {text}"
        );
        assert!(!written.contains('Y') && second != 0);
        assert_eq!(clue(&"zq ".repeat(100), None, &texts), None);
    }
}
