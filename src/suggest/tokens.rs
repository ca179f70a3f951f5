//! The words of a block's text, as byte ranges: letters and digits joined
//! by the hyphens and apostrophes inside a word (`Jean-Yves`, `d'Ukraine`,
//! `Putin's`), and capitals each with its period (`U.S.`). What the
//! words are is [`super::names`]'s to read.

use std::ops::Range;

/// The byte ranges of the words of `text`: letters and digits, joined by
/// inner hyphens and apostrophes (`Jean-Yves`, `d'Ukraine`), and dotted
/// capitals (`U.S.`).
pub(super) fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        if let Some(end) = dotted_capitals(text, start) {
            while chars.next_if(|(i, _)| *i < end).is_some() {}
            found.push(start..end);
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            let joins = is_joiner(next)
                && text[i + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !(next.is_alphanumeric() || joins) {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        found.push(start..end);
    }
    found
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’')
}

/// The end of `U.S.` or `U.N.` starting at `start`: two capitals or more,
/// each followed by a period, and no letter after.
fn dotted_capitals(text: &str, start: usize) -> Option<usize> {
    let mut at = start;
    let mut letters = 0;
    loop {
        let mut rest = text[at..].chars();
        match (rest.next(), rest.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => {
                at += c.len_utf8() + 1;
                letters += 1;
            }
            _ => break,
        }
    }
    let next_is_letter = text[at..].chars().next().is_some_and(char::is_alphanumeric);
    (letters >= 2 && !next_is_letter).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_inner_hyphens_apostrophes_and_dotted_capitals() {
        assert_eq!(
            words("Jean-Yves Le Drian, d’Ukraine -- Putin's U.S. policy (E.U) F-16."),
            [
                "Jean-Yves",
                "Le",
                "Drian",
                "d’Ukraine",
                "Putin's",
                "U.S.",
                "policy",
                "E",
                "U",
                "F-16"
            ]
        );
    }
}
