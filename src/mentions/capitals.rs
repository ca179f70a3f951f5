//! Names in capitals. A headline in capitals (`RUSSIA AND GERMANY: LET US
//! KNOW`) writes every name in capitals, and makes an acronym of words that
//! are not one (`US` in `LET US`). So a name is also looked for in
//! capitals, but only inside a run of capitals; and an alias that is
//! itself in capitals (`US`, `UN`) only outside one.

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

/// Whether the match at `start..end` of `text` stands in a run of
/// capitals: the nearest word on each side that has a cased letter is in
/// capitals (or there is none), and the match and those neighbours make
/// at least two such words.
pub(super) fn in_capital_run(text: &str, start: usize, end: usize) -> bool {
    let mut words = text[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| has_case(w))
        .count();
    for neighbour in [word_before(&text[..start]), word_after(&text[end..])]
        .into_iter()
        .flatten()
    {
        if !in_capitals(neighbour) {
            return false;
        }
        words += 1;
    }
    words >= 2
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

    fn run(text: &str, name: &str) -> bool {
        let start = text.find(name).expect("present");
        in_capital_run(text, start, start + name.len())
    }

    #[test]
    fn runs_of_capitals() {
        let headline = "RUSSIA AND GERMANY: LET US KNOW";
        assert!(run(headline, "RUSSIA"));
        assert!(run(headline, "GERMANY"));
        assert!(run(headline, "US"));
        assert!(!run("the US said", "US"));
        assert!(!run("A US-led force", "US"));
        assert!(!run("the RUSSIA file", "RUSSIA"));
        // Alone: one word is no run; a name of several words is one.
        assert!(!run("US", "US"));
        assert!(!run("RUSSIA", "RUSSIA"));
        assert!(run("KIM JONG UN", "KIM JONG UN"));
        // Numbers are looked past.
        assert!(run("WORLD WAR 2 ENDS", "WAR"));
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
