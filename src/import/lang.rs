//! The language of pasted text, or of a page that does not declare one,
//! guessed between the two dossier knows (English and French) by counting
//! their commonest words: enough to tell them apart on a paragraph, and
//! no guess at all when neither is clearly there.

/// Words common in English text and rare in French.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "on", "as", "he",
    "his", "by", "at", "from", "this", "have", "are", "be", "which", "not", "but", "they",
];

/// Words common in French text and rare in English.
const FRENCH: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "que", "qui", "dans", "pour",
    "sur", "pas", "au", "aux", "avec", "il", "elle", "ce", "se", "sont", "par", "été",
];

/// `en` or `fr` when one language's words clearly outnumber the other's
/// (twice as many, and at least five).
pub(crate) fn guess(text: &str) -> Option<&'static str> {
    let (mut english, mut french) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let word = word.to_lowercase();
        english += usize::from(ENGLISH.contains(&word.as_str()));
        french += usize::from(FRENCH.contains(&word.as_str()));
    }
    if english >= 5 && english >= 2 * french {
        Some("en")
    } else if french >= 5 && french >= 2 * english {
        Some("fr")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_french() {
        let en = "The president said that the treaty was signed in the capital, and that it is \
                  the first of its kind.";
        let fr = "Le président a déclaré que le traité a été signé dans la capitale, et qu'il est \
                  le premier de la sorte.";
        assert_eq!(guess(en), Some("en"));
        assert_eq!(guess(fr), Some("fr"));
        assert_eq!(guess("Kim Jong Un, Pyongyang"), None);
    }
}
