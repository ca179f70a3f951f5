//! Abbreviations, for the sentence splitter: whether a period followed by a
//! space ends a sentence, from the word before it and the text after it.
//! English and French news and reference texts put a period after titles
//! (`Dr.`, `M.`), months (`Aug. 21`), initials (`George W. Bush`), dotted
//! abbreviations (`U.S.`) and page or article numbers (`p. 12`); cutting
//! there cuts a quoted passage in the middle of its sentence.
//!
//! The lists are `match`es on the word, checked only where the splitter
//! would otherwise break: no allocation, nothing built at start-up.

/// What a period after an abbreviation allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// Never ends a sentence: a title before a name (`Dr.`, `M.`), or a
    /// word that announces more (`e.g.`, `cf.`, `vs.`).
    Never,
    /// Ends one unless a number follows, in figures or Roman numerals:
    /// `Aug. 21`, `No. 5`, `vol. II`.
    UnlessNumber,
    /// Ends one only before a capital: `52 av. J.-C. Le…` ends, while
    /// `av. J.-C., puis` or `J.-C. en Gaule` does not.
    BeforeCapital,
    /// Ends one only before a word that usually opens a sentence (`The`,
    /// `It`, `Le`, `Il`): `the U.S. The…` ends, `the U.S. Army` does not.
    BeforeOpeningWord,
    /// An initial (`W.`): as `BeforeOpeningWord`, except before the
    /// particles that begin surnames (`J. Le Goff`, `A. Du Bellay`).
    Initial,
}

/// Opening marks that may come before the word: `(Aug. 21)`.
const OPENERS: &[char] = &['"', '\'', '‘', '“', '«', '(', '[', '—', '–'];

/// Whether the period at byte `dot` of `text`, followed by a space and then
/// `next` (which starts with a capital, a digit or an opening mark), ends
/// its sentence.
pub(super) fn period_ends_sentence(text: &str, dot: usize, next: &str) -> bool {
    let Some(stop) = stop_after(&text[..dot]) else {
        return true;
    };
    let first = next.chars().next().unwrap_or(' ');
    match stop {
        Stop::Never => false,
        Stop::UnlessNumber => !(first.is_numeric() || starts_with_roman_numeral(next)),
        Stop::BeforeCapital => first.is_uppercase(),
        Stop::BeforeOpeningWord => opening_word(next).is_some(),
        Stop::Initial => {
            opening_word(next).is_some_and(|w| !matches!(w, "Le" | "La" | "Les" | "Du" | "Des"))
        }
    }
}

/// What a period after the last word of `before` allows, if that word is
/// an abbreviation.
fn stop_after(before: &str) -> Option<Stop> {
    let start = before.rfind(' ').map_or(0, |i| i + 1);
    let word = before[start..].trim_start_matches(OPENERS);
    // An elided article is not part of the word: `l’art. 4`.
    let word = word.rsplit(['’', '\'']).next().unwrap_or(word);
    if let Some(stop) = known(word) {
        return Some(stop);
    }
    let previous = || before[..start].trim_end().rsplit(' ').next().unwrap_or("");
    match word {
        "al" if previous() == "et" => Some(Stop::BeforeOpeningWord),
        "J.-C" if matches!(previous(), "av." | "apr." | "avant" | "après") => {
            Some(Stop::BeforeCapital)
        }
        _ => by_shape(word),
    }
}

/// Abbreviations known by their spelling. Case matters: `M.` is a title,
/// `m.` is not.
fn known(word: &str) -> Option<Stop> {
    match word {
        // Titles before a name, English then French.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Dr" | "Drs" | "Prof" | "Gen" | "Lt" | "Col" | "Maj"
        | "Capt" | "Cmdr" | "Cpl" | "Sgt" | "Adm" | "Brig" | "Gov" | "Sen" | "Rep" | "Rev"
        | "Hon" | "Amb" | "Pres" | "St" | "Mt" | "Ft" | "M" | "MM" | "Mme" | "Mmes" | "Mlle"
        | "Mlles" | "Me" | "Pr" | "Mgr" | "Gén" | "Cdt" | "Ste" => Some(Stop::Never),
        // Words that announce what follows; `av.` and `apr.` before `J.-C.`
        // (or `av.` for avenue).
        "e.g" | "i.e" | "cf" | "Cf" | "vs" | "v" | "viz" | "approx" | "ca" | "env" | "av"
        | "apr" => Some(Stop::Never),
        // Months, English then French.
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" | "janv" | "févr" | "fév" | "avr" | "juil" | "juill" | "sept" | "oct" | "nov"
        | "déc" => Some(Stop::UnlessNumber),
        // Before a number (`t.` is a French tome).
        "No" | "Nos" | "p" | "pp" | "vol" | "Vol" | "vols" | "art" | "Art" | "ch" | "chap"
        | "fig" | "Fig" | "n" | "t" => Some(Stop::UnlessNumber),
        // After a name, and often at the end of a sentence.
        "Jr" | "Sr" | "Inc" | "Ltd" | "Co" | "Corp" | "Bros" | "Cie" => {
            Some(Stop::BeforeOpeningWord)
        }
        _ => None,
    }
}

/// Abbreviations known by their shape: a single capital is an initial;
/// letters in groups of one or two joined by periods are a dotted
/// abbreviation (`U.S`, `a.m`, `Ph.D`), or a French compound first name
/// when a hyphen joins them (`J.-M. Le Pen`), which never ends a sentence.
fn by_shape(word: &str) -> Option<Stop> {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase().then_some(Stop::Initial);
    }
    if !word.contains('.') {
        return None;
    }
    let mut hyphen = false;
    for part in word.split('.') {
        let letters = part.strip_prefix('-').unwrap_or(part);
        hyphen |= letters.len() < part.len();
        if !(1..=2).contains(&letters.chars().count()) || !letters.chars().all(char::is_alphabetic)
        {
            return None;
        }
    }
    Some(if hyphen {
        Stop::Never
    } else {
        Stop::BeforeOpeningWord
    })
}

/// The first word of `next` if it is one that usually opens a sentence,
/// rather than a name: an article, a pronoun, a conjunction, a preposition.
fn opening_word(next: &str) -> Option<&str> {
    let end = next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len());
    let (word, after) = next.split_at(end);
    let opens = match after.chars().next() {
        // An initial, as in `J. A. Smith`.
        Some('.') => false,
        Some('’' | '\'') if matches!(word, "L" | "D" | "C" | "J" | "N" | "S" | "Qu") => true,
        _ => opens_sentence(word),
    };
    opens.then_some(word)
}

/// Words that open sentences far more often than they follow `U.S.` or an
/// initial in a name, English and French, sorted for `binary_search`.
const OPENING_WORDS: &[&str] = &[
    "A", "After", "Ainsi", "Alors", "An", "And", "Après", "As", "At", "Au", "Aux", "Avant",
    "Before", "But", "By", "Ce", "Cela", "Ces", "Cet", "Cette", "Dans", "Depuis", "Des", "Donc",
    "Du", "During", "Elle", "Elles", "En", "Et", "For", "From", "He", "Her", "His", "However", "I",
    "If", "Il", "Ils", "In", "It", "Its", "Je", "La", "Le", "Les", "Leur", "Leurs", "Mais", "Nous",
    "On", "Or", "Our", "Par", "Pour", "Puis", "Sa", "Selon", "Ses", "She", "Since", "So", "Son",
    "Sur", "That", "The", "Their", "Then", "There", "These", "They", "This", "Those", "Un", "Une",
    "We", "When", "While", "With", "Yet", "You", "À",
];

fn opens_sentence(word: &str) -> bool {
    OPENING_WORDS.binary_search(&word).is_ok()
}

/// Whether `next` starts with a Roman numeral, as in `vol. II` or
/// `art. L. 121-1` (a French code's article).
fn starts_with_roman_numeral(next: &str) -> bool {
    let end = next
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(next.len());
    end > 0 && next[..end].chars().all(|c| "IVXLCDM".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_words_are_sorted_for_binary_search() {
        assert!(OPENING_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn word_before_the_period_decides() {
        let ends = |text: &str, next: &str| period_ends_sentence(text, text.len() - 1, next);
        assert!(!ends("selon l’art.", "4 du traité"));
        assert!(!ends("in the U.S.", "Army said"));
        assert!(ends("in the U.S.", "It said"));
        assert!(!ends("by J.", "A. Smith"));
        assert!(!ends("de J.", "Le Goff"));
        assert!(ends("vitamine C.", "Il"));
        assert!(ends("en 52 av. J.-C.", "Vercingétorix"));
        assert!(!ends("J.-C.", "Juncker"));
        assert!(!ends("(Aug.", "21)"));
        assert!(ends("in early Aug.", "By then"));
        assert!(!ends("vol.", "II"));
        assert!(ends("the m.", "The"));
        assert!(!ends("M.", "Macron"));
    }
}
