//! The word lists behind `dossier suggest`, in English and French: words
//! that start sentences without being names, calendar words, titles before
//! names, the particles inside names, and the cue words of entity types.
//! All lowercase, accents as written; sorted, for binary search.

/// Words that are capitalised at the start of a sentence and are not
/// names there: articles, pronouns, prepositions, conjunctions, adverbs.
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "a", "about", "according", "after", "afterwards", "ailleurs", "ainsi", "alors", "also",
    "although", "among", "an", "and", "another", "any", "après", "as", "at", "au", "aucun",
    "aucune", "aujourd'hui", "auparavant", "aussi", "autre", "aux", "avant", "avec", "because",
    "before", "being", "besides", "both", "but", "by", "c'est", "car", "ce", "cela", "celle",
    "celui", "cependant", "ces", "cet", "cette", "ceux", "chaque", "chez", "comme", "comment",
    "contre", "d'ailleurs", "d'après", "dans", "de", "depuis", "des", "despite", "donc", "du",
    "during", "each", "earlier", "elle", "elles", "en", "encore", "enfin", "ensuite", "entre",
    "et", "even", "every", "for", "from", "further", "he", "her", "here", "his", "how", "however",
    "i", "if", "il", "ils", "in", "indeed", "instead", "into", "is", "it", "its", "je", "l'", "la",
    "last", "later", "le", "les", "leur", "leurs", "lors", "lorsque", "lui", "mais", "many",
    "meanwhile", "moreover", "most", "much", "my", "ne", "neither", "nevertheless", "next", "ni",
    "no", "non", "nor", "nos", "not", "notre", "nous", "now", "on", "once", "one", "only", "or",
    "other", "ou", "our", "outre", "over", "par", "parmi", "pendant", "plus", "pour", "pourtant",
    "puis", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "sa", "sans", "selon",
    "ses", "she", "since", "so", "some", "son", "sous", "still", "such", "sur", "that", "the",
    "their", "then", "there", "these", "they", "this", "those", "though", "thus", "to", "tous",
    "tout", "toute", "toutefois", "toutes", "un", "under", "une", "unlike", "until", "upon",
    "vers", "voici", "voilà", "vous", "we", "what", "when", "where", "whether", "which", "while",
    "who", "why", "with", "within", "without", "yet", "you", "à",
];

/// Month and weekday names, and months' abbreviations: capitalised in English anywhere, in French at
/// the start of a sentence; never a name.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "apr", "april", "aug", "august", "avr", "avril", "dec", "december", "dimanche", "déc",
    "décembre", "feb", "february", "friday", "févr", "février", "jan", "january", "janv",
    "janvier", "jeudi", "juil", "juillet", "juin", "july", "june", "lundi", "mai", "march",
    "mardi", "mars", "may", "mercredi", "monday", "nov", "november", "novembre", "oct", "october",
    "octobre", "samedi", "saturday", "sep", "sept", "september", "septembre", "sunday", "thursday",
    "tuesday", "vendredi", "wednesday",
];

/// Titles written before a name (`President Vladimir Putin`, `Mme
/// Lagarde`): left out of the name that follows.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "adm", "admiral", "ambassadeur", "ambassador", "ambassadrice", "amiral", "capt", "captain",
    "chairman", "chancelier", "chancelière", "chancellor", "col", "colonel", "commandant",
    "commander", "commissioner", "defence", "defense", "docteur", "dr", "drs", "foreign", "gen",
    "general", "gouverneur", "governor", "gén", "général", "king", "lady", "leader", "lord", "lt",
    "madame", "mayor", "maître", "me", "messrs", "mgr", "minister", "ministre", "mlle", "mm", "mme",
    "mmes", "monsieur", "mr", "mrs", "ms", "pope", "premier", "president", "prime", "prince", "princess", "princesse",
    "prof", "professor", "président", "présidente", "queen", "rear", "reine", "rep", "roi",
    "secretary", "sen", "senator", "sgt", "sir", "spokesman", "spokeswoman", "vice",
];

/// Lowercase words inside names: `Corée du Nord`, `Bank of England`,
/// `Ludwig van Beethoven`.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "al", "ben", "bin", "da", "de", "del", "della", "den", "der", "des", "di", "dos", "du", "el",
    "for", "ibn", "la", "le", "les", "of", "on", "the", "van", "von", "y", "zu",
];

/// French elisions before a name: `d'Ukraine`, `l'OTAN`, `jusqu'à`.
#[rustfmt::skip]
const ELISIONS: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];

/// Words in capitals that are not names of anything a dossier holds.
#[rustfmt::skip]
const COMMON_ACRONYMS: &[&str] = &[
    "ad", "ai", "am", "bc", "ceo", "cv", "dna", "eur", "faq", "gdp", "gmt", "html", "ia", "id",
    "mm", "ok", "pdf", "phd", "pib", "pm", "pr", "tv", "url", "usd", "utc",
];

/// Whether `word` (lowercase) is in `list`.
fn among(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

pub(super) fn starts_sentences(word: &str) -> bool {
    among(SENTENCE_STARTERS, word)
}

pub(super) fn is_calendar(word: &str) -> bool {
    among(CALENDAR, word)
}

pub(super) fn is_title(word: &str) -> bool {
    among(TITLES, word)
}

pub(super) fn is_particle(word: &str) -> bool {
    among(PARTICLES, word)
}

pub(super) fn is_elision(prefix: &str) -> bool {
    among(ELISIONS, prefix)
}

pub(super) fn is_common_acronym(word: &str) -> bool {
    among(COMMON_ACRONYMS, word)
}

/// Roman numerals (`II`, `XIV`): a king's number, not an acronym.
pub(super) fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        for list in [
            SENTENCE_STARTERS,
            CALENDAR,
            TITLES,
            PARTICLES,
            ELISIONS,
            COMMON_ACRONYMS,
        ] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
            }
            for word in list {
                assert_eq!(*word, word.to_lowercase());
            }
        }
    }
}
