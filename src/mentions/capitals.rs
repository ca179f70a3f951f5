//! Names in capitals. A headline in capitals (`RUSSIA AND GERMANY: LET US
//! KNOW`) writes every name in capitals, and makes an acronym of words that
//! are not one (`US` in `LET US`). So a name is also looked for in
//! capitals, but only beside another word in capitals; and an alias that
//! is itself in capitals (`US`, `UN`) only outside a headline.

/// True when `text` has a capital letter and no small one (`US`, `U.S.`,
/// `AT&T`; not `Kim`, nor `金`).
pub(super) fn in_capitals(text: &str) -> bool {
    let mut capital = false;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        capital |= c.is_uppercase();
    }
    capital
}

/// Where a match written in capitals stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Run {
    /// In a run of capitals: the nearest word on each side that has a
    /// cased letter is in capitals (or there is none), and the match and
    /// those neighbours make at least two such words. A headline:
    /// `RUSSIA AND GERMANY: LET US KNOW`.
    Headline,
    /// With a word in capitals beside it, or of two words or more, but a
    /// word in small letters on one side: a headline quoted in a sentence
    /// (`read NORTH KOREA AND RUSSIA DEEPEN TIES`), or acronyms side by
    /// side (`the EU AI Act`).
    Quoted,
    /// A word alone in capitals: `the RUSSIA file`, `the US said`.
    Alone,
}

/// Where the match at `start..end` of `text` stands.
pub(super) fn run(text: &str, start: usize, end: usize) -> Run {
    let mut words = text[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| has_case(w))
        .count();
    // Beside small letters, a capital of one letter is more often the
    // sentence's first word (`A US-led force`) than a headline's.
    let (mut small_beside, mut quoted_words) = (false, words);
    for neighbour in [word_before(&text[..start]), word_after(&text[end..])]
        .into_iter()
        .flatten()
    {
        match in_capitals(neighbour) {
            true => {
                words += 1;
                quoted_words += usize::from(neighbour.chars().nth(1).is_some());
            }
            false => small_beside = true,
        }
    }
    match small_beside {
        false if words >= 2 => Run::Headline,
        true if quoted_words >= 2 => Run::Quoted,
        _ => Run::Alone,
    }
}

/// How many words without letters of either case (numbers, CJK) are
/// looked past to find a neighbour.
const LOOK_PAST: usize = 3;

fn has_case(word: &str) -> bool {
    word.chars().any(|c| c.is_uppercase() || c.is_lowercase())
}

fn word_before(text: &str) -> Option<&str> {
    text.rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(LOOK_PAST + 1)
        .find(|w| has_case(w))
}

fn word_after(text: &str) -> Option<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(LOOK_PAST + 1)
        .find(|w| has_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, name: &str) -> Run {
        let start = text.find(name).expect("present");
        run(text, start, start + name.len())
    }

    #[test]
    fn runs_of_capitals() {
        let headline = "RUSSIA AND GERMANY: LET US KNOW";
        assert_eq!(at(headline, "RUSSIA"), Run::Headline);
        assert_eq!(at(headline, "GERMANY"), Run::Headline);
        assert_eq!(at(headline, "US"), Run::Headline);
        assert_eq!(at("the US said", "US"), Run::Alone);
        assert_eq!(at("A US-led force", "US"), Run::Alone);
        assert_eq!(at("the RUSSIA file", "RUSSIA"), Run::Alone);
        // Alone: one word is no run; a name of several words is one.
        assert_eq!(at("US", "US"), Run::Alone);
        assert_eq!(at("RUSSIA", "RUSSIA"), Run::Alone);
        assert_eq!(at("KIM JONG UN", "KIM JONG UN"), Run::Headline);
        // Numbers are looked past.
        assert_eq!(at("WORLD WAR 2 ENDS", "WAR"), Run::Headline);
        // A headline quoted in a sentence, acronyms side by side.
        let quoted = "One headline read NORTH KOREA AND RUSSIA DEEPEN TIES in the files.";
        assert_eq!(at(quoted, "NORTH KOREA"), Run::Quoted);
        assert_eq!(at(quoted, "KOREA"), Run::Headline);
        assert_eq!(at(quoted, "TIES"), Run::Quoted);
        assert_eq!(at("the EU AI Act", "EU"), Run::Quoted);
        assert_eq!(at("said NORTH KOREA", "NORTH KOREA"), Run::Quoted);
        assert_eq!(at("A RUSSIA policy", "RUSSIA"), Run::Alone);
    }

    #[test]
    fn capitals() {
        assert!(in_capitals("U.S."));
        assert!(in_capitals("AT&T"));
        assert!(!in_capitals("Kim"));
        assert!(!in_capitals("金正恩"));
        assert!(!in_capitals("2024"));
    }
}
