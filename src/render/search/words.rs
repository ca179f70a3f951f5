//! Words as the search index knows them: folded (lowercase, accents,
//! ligatures and other compatibility forms undone), split on anything that
//! is not a letter or digit, and stemmed lightly for French or English,
//! the most common words of the text's language left out.
//!
//! `templates/search.js` folds and stems the reader's query with the same
//! rules, rewritten in JavaScript; `tests/search.rs` runs both over the
//! same words and compares. Change one, change the other.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// French words too common to index in French text, folded.
pub const FRENCH_STOP_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est",
    "et", "il", "ils", "la", "le", "les", "leur", "leurs", "mais", "ne", "ni", "ou", "par", "pas",
    "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
];

/// English words too common to index in English text, folded. (`un`, a
/// French stop word, stays: the UN.)
pub const ENGLISH_STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
    "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with",
];

/// Which stemmer an indexed text gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stemmer {
    French,
    English,
}

impl Stemmer {
    /// The stemmer for a BCP 47 language code: French for `fr…`, English
    /// otherwise (its rules only take plural endings off).
    pub fn for_language(code: &str) -> Self {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("fr") {
            Self::French
        } else {
            Self::English
        }
    }

    /// Whether a folded word is too common in this language to index.
    pub fn is_stop_word(self, word: &str) -> bool {
        // Sets made once: this runs for every word of every text indexed,
        // and a search of the lists was a thirtieth of a build.
        static FRENCH: LazyLock<FxHashSet<&str>> =
            LazyLock::new(|| FRENCH_STOP_WORDS.iter().copied().collect());
        static ENGLISH: LazyLock<FxHashSet<&str>> =
            LazyLock::new(|| ENGLISH_STOP_WORDS.iter().copied().collect());
        match self {
            Self::French => FRENCH.contains(word),
            Self::English => ENGLISH.contains(word),
        }
    }

    /// The stem of a folded word.
    #[inline]
    pub fn stem(self, word: &str) -> Cow<'_, str> {
        match self {
            Self::French => stem_french(word),
            Self::English => stem_english(word),
        }
    }
}

/// `text` lowercased, with accents and other combining marks taken off,
/// compatibility forms made plain (`ﬁ` -> `fi`, `²` -> `2`, fullwidth
/// letters), the ligatures œ, æ and ß written out (`Œuvre` -> `oeuvre`) and
/// the Greek final sigma made a sigma.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        // Decomposing each character alone gives the string's NFKD once
        // the combining marks (all that NFKD reorders) are dropped.
        decompose_compatible(c, |part| {
            if is_combining_mark(part) {
                return;
            }
            for lower in part.to_lowercase() {
                match lower {
                    'œ' => folded.push_str("oe"),
                    'æ' => folded.push_str("ae"),
                    'ß' => folded.push_str("ss"),
                    'ς' => folded.push('σ'),
                    other => folded.push(other),
                }
            }
        });
    }
    folded
}

/// The words of folded `text`, in order, one-letter words left out, and
/// letters joined by periods made one word: `u.s.` is `us`, `e.g.` is `eg`
/// (without it, `U.S.` could not be searched at all).
pub fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let mut pieces = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    std::iter::from_fn(move || {
        loop {
            let word = pieces.next()?;
            // More bytes than a character takes, or two characters: a word.
            if word.len() > 4 || word.chars().nth(1).is_some() {
                return Some(Cow::Borrowed(word));
            }
            if !is_letter(word) {
                continue;
            }
            let mut joined: Option<String> = None;
            let mut last = word;
            while let Some(&next) = pieces.peek() {
                if !(is_letter(next) && after_period(text, last, next)) {
                    break;
                }
                joined
                    .get_or_insert_with(|| word.to_string())
                    .push_str(next);
                last = next;
                pieces.next();
            }
            if let Some(joined) = joined {
                return Some(Cow::Owned(joined));
            }
        }
    })
}

/// One letter alone (`u`), not a digit.
fn is_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// Whether the piece `next` of `text` comes right after `last` and one
/// period, both pieces of `text`.
fn after_period(text: &str, last: &str, next: &str) -> bool {
    let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    text.as_bytes().get(end) == Some(&b'.')
        && next.as_ptr() as usize == text.as_ptr() as usize + end + 1
}

/// French light stemming: plural and feminine endings off, a final doubled
/// letter made single (`officielles` -> `officiel`, `chevaux` -> `cheval`).
fn stem_french(word: &str) -> Cow<'_, str> {
    let mut count = word.chars().count();
    if count <= 3 {
        return Cow::Borrowed(word);
    }
    let mut stem = word;
    let mut plural_al = false;
    if count > 4 && stem.ends_with("aux") {
        // `chevaux` -> `cheval`: `aux` becomes `al` below.
        stem = &stem[..stem.len() - 3];
        count -= 3;
        plural_al = true;
    } else if stem.ends_with(['s', 'x']) {
        stem = &stem[..stem.len() - 1];
        count -= 1;
    }
    if plural_al {
        return Cow::Owned(format!("{stem}al"));
    }
    if count > 4 && stem.ends_with('e') {
        stem = &stem[..stem.len() - 1];
        count -= 1;
    }
    let mut last_two = stem.chars().rev();
    if let (Some(a), Some(b)) = (last_two.next(), last_two.next())
        && count > 4
        && a == b
        && a.is_alphabetic()
    {
        stem = &stem[..stem.len() - a.len_utf8()];
    }
    Cow::Borrowed(stem)
}

/// English light stemming (Harman's S-stemmer): plural endings off
/// (`agencies` -> `agency`, `sanctions` -> `sanction`).
fn stem_english(word: &str) -> Cow<'_, str> {
    if word.chars().nth(3).is_none() {
        return Cow::Borrowed(word);
    }
    if let Some(stem) = word.strip_suffix("ies")
        && !word.ends_with("eies")
        && !word.ends_with("aies")
    {
        return Cow::Owned(format!("{stem}y"));
    }
    if word.ends_with("es") && !["aes", "ees", "oes"].iter().any(|e| word.ends_with(e)) {
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    if let Some(stem) = word.strip_suffix('s')
        && !word.ends_with("us")
        && !word.ends_with("ss")
    {
        return Cow::Borrowed(stem);
    }
    Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_each_languages_own() {
        assert!(
            FRENCH_STOP_WORDS
                .iter()
                .all(|w| Stemmer::French.is_stop_word(w))
        );
        assert!(
            ENGLISH_STOP_WORDS
                .iter()
                .all(|w| Stemmer::English.is_stop_word(w))
        );
        assert!(Stemmer::French.is_stop_word("une"));
        assert!(!Stemmer::English.is_stop_word("un"));
    }

    #[test]
    fn folding_takes_accents_case_and_ligatures_off() {
        assert_eq!(fold("Sécurité"), "securite");
        assert_eq!(fold("Œuvre ÆSIR Straße"), "oeuvre aesir strasse");
        assert_eq!(fold("Путин"), "путин");
        assert_eq!(fold("Pyongyang’s"), "pyongyang’s");
        assert_eq!(fold("ﬁnance x² ＡＢＣ"), "finance x2 abc");
        assert_eq!(fold("ΟΔΟΣ οδος"), "οδοσ οδοσ");
    }

    #[test]
    fn words_split_on_punctuation_and_stop_words_go_by_language() {
        let text = fold("L'accord de la Russie et de la Corée du Nord, signé en 2024.");
        let found: Vec<Cow<'_, str>> = words(&text)
            .filter(|w| !Stemmer::French.is_stop_word(w))
            .collect();
        assert_eq!(
            found,
            ["accord", "russie", "coree", "nord", "signe", "2024"]
        );
        // Letters joined by periods are one word; digits are not letters.
        let text = fold("The U.S. and U.K. (e.g. a.m.) said 1.5 x.y z. J.-C. s.a.r.l Ph.D.");
        let found: Vec<Cow<'_, str>> = words(&text).collect();
        assert_eq!(
            found,
            [
                "the", "us", "and", "uk", "eg", "am", "said", "xy", "sarl", "ph"
            ]
        );
        assert!(Stemmer::French.is_stop_word("un"));
        assert!(!Stemmer::English.is_stop_word("un"), "the UN");
        assert!(Stemmer::English.is_stop_word("the"));
    }

    #[test]
    fn french_stems_join_plural_and_feminine_forms() {
        let stem = |w| Stemmer::French.stem(w);
        assert_eq!(stem("officielles"), stem("officiel"));
        assert_eq!(stem("securite"), stem("securites"));
        assert_eq!(stem("chevaux"), "cheval");
        assert_eq!(stem("negociations"), stem("negociation"));
        assert_eq!(stem("anciennes"), "ancien");
        assert_eq!(stem("les"), "les");
    }

    #[test]
    fn english_stems_take_plurals_off() {
        let stem = |w| Stemmer::English.stem(w);
        assert_eq!(stem("agencies"), "agency");
        assert_eq!(stem("sanctions"), "sanction");
        assert_eq!(stem("boxes"), "boxe");
        assert_eq!(stem("glass"), "glass");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("gas"), "gas");
    }

    #[test]
    fn the_stemmer_follows_the_language_code() {
        assert_eq!(Stemmer::for_language("fr-CA"), Stemmer::French);
        assert_eq!(Stemmer::for_language("FR"), Stemmer::French);
        assert_eq!(Stemmer::for_language("en"), Stemmer::English);
        assert_eq!(Stemmer::for_language("ko"), Stemmer::English);
    }
}
