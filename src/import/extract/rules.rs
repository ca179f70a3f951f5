//! What one block's text says it is, when it is not the article: the
//! phrases, in English and French, that sites put around articles. Each
//! rule looks at a whole block, and only at a short one, so that a
//! sentence of the article that happens to use the same words is kept.
//! `docs/format.md` ("What `import` removes") lists these kinds.

use super::patterns::*;

/// A kind of boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Boilerplate {
    /// Marked by the page's markup (`page.rs`).
    Markup,
    Byline,
    Date,
    Caption,
    Slideshow,
    Share,
    Contact,
    Subscribe,
    /// "Read also", "Related": a header, or a header and its teaser.
    Teaser,
    /// "Advertisement", "Publicité", "Sponsored".
    Ad,
    /// A call to action: "Read more", "Commandez maintenant".
    Button,
    Comments,
    Tags,
    Breadcrumb,
    Paywall,
    Copyright,
    /// "We use cookies", "Accepter les cookies".
    Cookies,
    /// The same text as a block before it.
    Repeated,
}

/// Words of share bars.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "tweet",
    "pin",
    "pint",
    "email",
    "e",
    "mail",
    "print",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "copy",
    "link",
    "flipboard",
    "save",
    "this",
    "article",
    "story",
    "on",
    "sur",
    "cet",
    "partager",
    "partagez",
    "imprimer",
    "envoyer",
    "copier",
    "le",
    "lien",
    "comments",
    "comment",
    "commenter",
    "google",
    "sms",
    "download",
    "télécharger",
];

/// Tokens that make a date line: month and day names, words of time,
/// and the words that introduce them, in English and French.
const DATE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "janv",
    "févr",
    "avr",
    "juil",
    "déc",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "h",
    "min",
    "gmt",
    "utc",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "mst",
    "bst",
    "cet",
    "cest",
    "hst",
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "ago",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "yesterday",
    "today",
    "mis",
    "à",
    "jour",
    "publié",
    "publiée",
    "modifié",
    "modifiée",
    "actualisé",
    "le",
    "il",
    "y",
    "hier",
    "aujourd",
    "hui",
    "heure",
    "heures",
    "jours",
    "semaines",
    "mois",
    "an",
    "ans",
    "et",
    "and",
    "de",
    "du",
    "first",
    "premier",
    "st",
    "nd",
    "rd",
    "th",
    "er",
];

/// The words of `text`: runs of letters, digits and `_`, as `\w+` reads
/// them.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|word| !word.is_empty())
}

/// A combining mark, part of the word it follows.
fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether a rule applies to the block (it is short enough), its test,
/// and what the block is when the test passes.
type Rule = (bool, fn(&str) -> bool, Boilerplate);

/// What the block `text` of `words` words is, when a rule says so.
pub(super) fn classify(text: &str, words: usize) -> Option<Boilerplate> {
    use Boilerplate as B;
    let short = |limit: usize| words <= limit;
    let rules: [Rule; 25] = [
        (
            short(8),
            |t| AD_LABEL.is_match(t) && !t.ends_with('.'),
            B::Ad,
        ),
        (short(12), |t| AD_CONTINUE.is_match(t), B::Ad),
        (short(40), |t| AFFILIATE.is_match(t), B::Ad),
        (short(6), |t| BUTTON.is_match(t), B::Button),
        (short(20), |t| CLICK_HERE.is_match(t), B::Button),
        (
            short(20),
            |t| BYLINE.is_match(t) && !t.ends_with('.'),
            B::Byline,
        ),
        (short(12), |t| WIRE_BYLINE.is_match(t), B::Byline),
        (short(40), |t| AUTHOR_BIO.is_match(t), B::Byline),
        (short(10), |t| WITH_WIRE.is_match(t), B::Byline),
        (short(8), |t| READING_TIME.is_match(t), B::Date),
        (short(25), is_date_line, B::Date),
        (short(80), |t| CAPTION_CREDIT.is_match(t), B::Caption),
        (short(40), |t| CAPTION_START.is_match(t), B::Caption),
        (
            true,
            |t| SLIDESHOW.is_match(t) && t.split_whitespace().count() <= 8,
            B::Slideshow,
        ),
        (true, |t| starts_with_slide_number(t), B::Slideshow),
        (short(10), is_share_bar, B::Share),
        (
            short(45),
            |t| {
                CONTACT.is_match(t)
                    && (CONTACT_VERB.is_match(t) || t.split_whitespace().count() <= 3)
            },
            B::Contact,
        ),
        (short(40), |t| SUBSCRIBE.is_match(t), B::Subscribe),
        (short(8), |t| COMMENTS.is_match(t), B::Comments),
        (short(40), |t| TAGS.is_match(t), B::Tags),
        (short(14), is_breadcrumb, B::Breadcrumb),
        (short(50), |t| PAYWALL.is_match(t), B::Paywall),
        (short(60), |t| COPYRIGHT.is_match(t), B::Copyright),
        (short(60), |t| COOKIES_NOTICE.is_match(t), B::Cookies),
        (short(8), |t| COOKIES_BUTTON.is_match(t), B::Cookies),
    ];
    rules
        .iter()
        .find(|(applies, rule, _)| *applies && rule(text))
        .map(|(_, _, kind)| *kind)
}

/// A teaser's header with at most `extra` words after it.
pub(super) fn is_teaser_header(text: &str, words: usize) -> bool {
    words <= 6 && TEASER.is_match(text)
}

/// A line of dates and times: a digit, and no more than three words that
/// are not date words.
fn is_date_line(text: &str) -> bool {
    let mut digits = false;
    let mut others = 0;
    for word in words(text) {
        let word = word.to_lowercase();
        if word.chars().all(|c| c.is_ascii_digit()) {
            digits = true;
        } else if word.chars().any(|c| c.is_ascii_digit()) || DATE_WORDS.contains(&word.as_str()) {
            // "2019Updated", "10h30", "20th"
        } else {
            others += 1;
        }
    }
    digits && others <= 3
}

/// "1of4Grass Valley…": a slideshow's counter glued to its caption.
fn starts_with_slide_number(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < text.len()
        && rest.starts_with("of")
        && rest[2..].starts_with(|c: char| c.is_ascii_digit())
}

fn is_share_bar(text: &str) -> bool {
    let mut share = 0;
    let mut others = 0;
    for word in words(text) {
        let word = word.to_lowercase();
        if SHARE_WORDS.contains(&word.as_str()) || word.chars().all(|c| c.is_ascii_digit()) {
            share += 1;
        } else {
            others += 1;
        }
    }
    share >= 2 && (others <= 1 || text.to_lowercase().starts_with("share "))
}

/// "News > Nation", "Accueil › Monde › Asie": short segments between
/// arrows.
fn is_breadcrumb(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['>', '›', '»']).map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let words = part.split_whitespace().count();
            (1..=4).contains(&words) && !part.ends_with('.')
        })
}
