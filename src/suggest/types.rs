//! A guess at the type of a suggested entity, from the words of its name
//! (`Banque`, `Ministry`, `du Nord`, an acronym) and from the word before
//! it in the text (`in`, `à`, `President`). A guess only: the file says
//! so, and a name with no clue gets no type of the format's own.

/// Words that make a name an organization's (lowercase, accents kept).
#[rustfmt::skip]
const ORGANIZATION: &[&str] = &[
    "agence", "agency", "airlines", "alliance", "ambassade", "army", "armée", "assembly",
    "assemblée", "association", "authority", "autorité", "bank", "banque", "brigade", "bureau",
    "business", "cabinet", "center", "centre", "club", "coalition", "college", "comité", "command",
    "commandement", "commission", "committee", "company", "conseil", "corporation", "council",
    "cour", "court", "department", "département", "embassy", "fondation", "fonds", "forces",
    "foundation", "front", "fund", "gouvernement", "government", "group", "groupe", "inc",
    "institut", "institute", "league", "ligue", "ltd", "media", "ministry", "ministère",
    "mouvement", "movement", "nations", "navy", "news", "office", "organisation", "organization",
    "parlement", "parliament", "parti", "party", "police", "press", "presse", "reserve", "school",
    "senate", "service", "services", "sénat", "times", "treasury", "tribunal", "union",
    "university", "université", "école",
];

/// Words that make a name a document's.
#[rustfmt::skip]
const DOCUMENT: &[&str] = &[
    "accord", "act", "agreement", "charte", "charter", "convention", "declaration", "directive",
    "déclaration", "law", "loi", "pact", "pacte", "protocol", "protocole", "rapport", "report",
    "resolution", "résolution", "traité", "treaty",
];

/// Words that make a name an event's.
#[rustfmt::skip]
const EVENT: &[&str] = &[
    "attack", "attentat", "bataille", "battle", "championship", "conference", "conférence",
    "coupe", "crise", "crisis", "cup", "election", "elections", "festival", "forum", "games",
    "guerre", "invasion", "jeux", "massacre", "offensive", "olympics", "operation", "opération",
    "revolution", "révolution", "siege", "siège", "sommet", "summit", "war",
];

/// Words that make a name a country's.
#[rustfmt::skip]
const COUNTRY: &[&str] = &[
    "emirates", "federation", "fédération", "kingdom", "republic", "royaume", "république",
    "émirats",
];

/// Words that make a name a place's, and those that start a place name.
#[rustfmt::skip]
const PLACE: &[&str] = &[
    "airport", "avenue", "aéroport", "baie", "bay", "boulevard", "bridge", "canal", "cape",
    "castle", "château", "city", "desert", "district", "désert", "détroit", "east", "est",
    "fleuve", "fort", "golfe", "gulf", "island", "islands", "lac", "lake", "mer", "mont", "mount",
    "mountains", "new", "nord", "north", "nouvelle", "ocean", "océan", "ouest", "palace", "palais",
    "peninsula", "place", "pont", "port", "province", "region", "river", "rivière", "rue",
    "région", "saint", "san", "santa", "sea", "south", "square", "station", "strait", "street",
    "sud", "valley", "vallée", "west", "île", "îles",
];

/// Acronyms of countries, which are not organizations.
#[rustfmt::skip]
const COUNTRY_ACRONYMS: &[&str] = &[
    "drc", "prc", "rdc", "rpc", "uae", "uk", "urss", "us", "usa", "ussr",
];

/// Words before a place: `in Pyongyang`, `à Paris`.
#[rustfmt::skip]
const BEFORE_PLACE: &[&str] = &[
    "at", "au", "aux", "en", "in", "near", "à",
];

/// Words before a person: `President Putin`, `M. Macron`.
#[rustfmt::skip]
const BEFORE_PERSON: &[&str] = &[
    "dr", "m", "madame", "minister", "ministre", "mme", "monsieur", "mr", "mrs", "ms", "president",
    "président", "présidente", "sir",
];

/// The words before each occurrence of a name, counted.
#[derive(Debug, Clone, Default)]
pub(super) struct Clues {
    pub occurrences: usize,
    pub after_place_words: usize,
    pub after_titles: usize,
}

impl Clues {
    /// Counts one occurrence, after the word `before`.
    pub(super) fn add(&mut self, before: Option<&str>) {
        self.occurrences += 1;
        match before {
            Some(word) if BEFORE_PLACE.contains(&word) => self.after_place_words += 1,
            Some(word) if BEFORE_PERSON.contains(&word) => self.after_titles += 1,
            _ => {}
        }
    }
}

/// The type of the entity named `name`, when its words or places say.
pub(super) fn guess(name: &str, clues: &Clues) -> Option<&'static str> {
    let words: Vec<String> = name
        .split([' ', '-', '\'', '’'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        let plain: String = letters.iter().collect::<String>().to_lowercase();
        return Some(if COUNTRY_ACRONYMS.contains(&plain.as_str()) {
            "country"
        } else {
            "organization"
        });
    }
    if has(ORGANIZATION) {
        return Some("organization");
    }
    if has(DOCUMENT) {
        return Some("document");
    }
    if has(EVENT) {
        return Some("event");
    }
    if has(COUNTRY) {
        return Some("country");
    }
    if has(PLACE) || words.iter().any(|w| w == "of") {
        return Some("place");
    }
    if clues.after_place_words * 2 >= clues.occurrences.max(1) {
        return Some("place");
    }
    if clues.after_titles * 2 >= clues.occurrences.max(1) {
        return Some("person");
    }
    // `Kim Jong Un`, `Jean-Yves Le Drian`: given and family names.
    let names = name
        .split(' ')
        .filter(|w| !super::words::is_particle(w))
        .count();
    let capitalised = name
        .split(' ')
        .all(|w| super::words::is_particle(w) || w.chars().next().is_some_and(char::is_uppercase));
    (capitalised && (2..=3).contains(&names)).then_some("person")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(name: &str) -> Option<&'static str> {
        guess(name, &Clues::default())
    }

    #[test]
    fn guesses_from_the_words_of_the_name() {
        assert_eq!(plain("OTAN"), Some("organization"));
        assert_eq!(plain("U.S."), Some("country"));
        assert_eq!(plain("Banque de France"), Some("organization"));
        assert_eq!(plain("Ministry of Defence"), Some("organization"));
        assert_eq!(plain("Corée du Nord"), Some("place"));
        assert_eq!(plain("Gulf of Mexico"), Some("place"));
        assert_eq!(plain("Kim Jong Un"), Some("person"));
        assert_eq!(plain("Jean-Yves Le Drian"), Some("person"));
        assert_eq!(plain("Treaty of Versailles"), Some("document"));
        assert_eq!(plain("Pyongyang"), None);
    }

    #[test]
    fn guesses_from_the_word_before() {
        let mut clues = Clues::default();
        clues.add(Some("in"));
        clues.add(Some("said"));
        assert_eq!(guess("Pyongyang", &clues), Some("place"));
        let mut clues = Clues::default();
        clues.add(Some("mme"));
        assert_eq!(guess("Lagarde", &clues), Some("person"));
    }
}
