//! What one block's text says it is, when it is not the article: the
//! phrases, in English and French, that sites put around articles. Each
//! rule looks at a whole block, and only at a short one, so that a
//! sentence of the article that happens to use the same words is kept.
//! `docs/format.md` ("What `import` removes") lists these kinds.

use std::sync::LazyLock;

use regex::Regex;

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
    /// The same text as a block before it.
    Repeated,
}

fn pattern(source: &str) -> Regex {
    Regex::new(source).expect("the boilerplate patterns are valid")
}

/// The words that head a teaser: "Read also", "Related", "À lire aussi".
const TEASER_WORDS: &str = r"(read also|read more|see also|see more|also read|also on [\w-]+\.\w{2,3}|related( articles| stories| content| coverage| reading| links)?|more from|more on|more about|more stories|don'?t miss|must read|recommended( for you| stories| articles)?|you may also like|you might also like|you may like|most read|most popular|most viewed|top stories|trending( now)?|further reading|latest news|(à |a )?lire aussi|(à |a )?lire également|(à |a )?voir aussi|(à |a )?voir également|sur le même (sujet|thème)|dans la même rubrique|les plus lus|(à |a )?découvrir aussi|découvrez aussi|pour aller plus loin|plus d'articles|nos articles|ces articles peuvent vous intéresser|vous aimerez aussi|vous pourriez aussi aimer|continue reading|keep reading|recent (articles|posts|stories|news)|popular (this week|now|stories|posts|articles)|more \w+( \w+)? stories|latest (news|stories|articles|videos|posts)|articles récents|derniers articles|dernières actualités|les plus populaires|les plus partagés)";

/// A teaser's header, alone or before the teaser's title.
pub(super) static TEASER: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?i)^\W*{TEASER_WORDS}\b")));

/// A teaser's header and its title: "Read more: City approves budget".
pub(super) static TEASER_LINE: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?i)^\W*{TEASER_WORDS}\s*[:\-–—|>»…]")));

/// A label that announces an ad.
pub(super) static AD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(advertisements?|advert|ads|sponsored|sponsor|paid content|partner content|affiliate|publicités?|pub|annonces?|partenaires?|sponsorisée?s?|contenu sponsorisé|contenu partenaire)\b",
    )
});

/// The words that tell a page to go on past an ad.
/// A disclosure that the article's links earn the site money.
static AFFILIATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(affiliate commission|affiliate links?|(may|might) earn (a|an)( small)? (commission|share)|liens? affiliés?|percevoir une commission)",
    )
});

static AD_CONTINUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*((continue|story|article|content) (reading|continues) below|scroll to continue|la suite après (cette|la) publicité|(la suite de )?l'article (continue|se poursuit) (ci-)?(dessous|après))",
    )
});

/// The verbs that start a button: split off when glued to the next text.
pub(super) static BUTTON_VERB: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^(commandez|découvrez|achetez|profitez|essayez|téléchargez|cliquez|abonnez-vous|inscrivez-vous|réservez|voir l'offre|lire la suite|en savoir plus|order|buy|shop|try|discover|download|click|learn more|read more|subscribe|sign up|register)\b",
    )
});

/// Buttons on their own.
static BUTTON: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*(read more|learn more|see more|view more|show more|load more|en savoir plus|lire la suite|voir plus|afficher plus|click here|cliquez ici|buy now|shop now|order now|commandez maintenant|achetez maintenant|découvrez l'offre|voir l'offre|j'en profite|je m'abonne|sign up|subscribe|s'abonner|log in|sign in|se connecter|print|imprimer|back to top|retour en haut)\W*$",
    )
});

static CLICK_HERE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(click(ing)? here|cliquez ici|cliquant ici)\b"));

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(By|BY|Par|PAR|Written by|Posted by|Écrit par|Publié par|Texte|Propos recueillis par)\s*:?\s+\p{Lu}",
    )
});

static WIRE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^[^.!?]{2,80}(,|\||-|—)\s*(the )?(ap|afp|reuters|associated press|bloomberg|upi|dpa|staff|[\w ]{0,30}(writer|correspondent|reporter|editor|contributor|journalist|journaliste|correspondant|correspondante|envoyée? spéciale?|rédaction))s?\W*$",
    )
});

/// "Le Monde avec AFP", "(avec Reuters)": a French wire byline.
static WITH_WIRE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)^\W*([^.!?]{2,60} )?avec (l'|l’)?(afp|reuters|ap|ats|belga|agences?)\W*$")
});

/// "5 min read", "Temps de lecture : 3 min".
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(\d+\s*(min|mins|minutes?)\.?\s*(read|de lecture)|reading time|temps de lecture|lecture\s*:?\s*\d+\s*min)",
    )
});

static AUTHOR_BIO: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^\p{Lu}[\w'-]+( \p{Lu}[\w'-]+){0,3} (is|was|est) (a|an|the|un|une|le|la) [^.]{0,80}\b(reporter|writer|journalist|editor|correspondent|columnist|contributor|freelance|journaliste|rédact(eur|rice)|correspondant|chroniqueu?r|pigiste)",
    )
});

static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)([(\[]\s*(photo|image|picture|pic|credit|crédit|crédits|illustration|file|source|afp|ap|reuters|getty)s?\b[^)\]]{0,80}[)\]]|\b(photo|image|picture|photograph|pic|illustration)s? (credit|by|de|par)\b.{0,80}|\b(credit|crédits?|crédit photo|photo|image|photos|source)\s*:.{0,80}|\b(getty images?|shutterstock|istock(photo)?|afp|reuters|ap|epa)( via [^.]{0,40}|/[\w .'-]{1,40}(/file( photo)?)?)?|©.{0,80})\s*$",
    )
});

static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*(photo|image|credit|crédit|crédit photo|source|illustration|file photo|©)\s*:",
    )
});

static SLIDESHOW: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*((image|photo|slide|picture|diapo|vidéo|video)s?\s*)?\d+\s*(of|/|sur|de)\s*/?\s*\d+\b|^\W*(caption|close|previous|next|prev|back to gallery|enlarge this image|hide caption|toggle caption|show caption|expand|fullscreen|full screen|this slideshow requires javascript|view gallery|open gallery|photos|gallery|play video|watch video|voir la galerie|diaporama|agrandir|fermer|précédent|suivant|lire la vidéo|voir la vidéo|légende|plein écran)\W*$",
    )
});

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

static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(\b[\w.+-]+@[\w-]+\.[\w.]+\b|(^|\s)@\w{2,}|\btwitter\.com/|\bfollow (us|him|her|me|them)\b|\bsuivez-(nous|le|la)\b|\b(may|can) be reached\b|\bhave a (news )?tip\b)",
    )
});

static CONTACT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(follow|email|e-mail|reach|reached|contact|tips?|write to|suivez|écrivez|contactez)\b",
    )
});

static SUBSCRIBE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(subscribe|subscribing|subscribed|subscriptions?|sign up|signing up|newsletters?|inbox|abonnez-vous|abonnement|s'abonner|je m'abonne|inscrivez-vous|lettre d'information|infolettre|newsletter)\b",
    )
});

static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*(\d+\s+)?(comments?|commentaires?|leave a (comment|reply)|laisser un commentaire|laissez un commentaire|add a comment|post a comment|post comments?|join the (discussion|conversation)|about the author|à propos de l'auteur|tell us what you think|réagir|réagissez|postez un commentaire|show comments|voir les commentaires)\b",
    )
});

static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)^\W*(tags?|tagged|mots[- ]clés|étiquettes|topics|sujets|thèmes|keywords)\s*(:|$)")
});

static PAYWALL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(subscribers? only|for subscribers|exclusive to subscribers|réservée? aux abonnés|article réservé|il vous reste \d+\s*% de|already a subscriber|already have an account|déjà abonné|to continue reading|pour lire la suite|to read the full (article|story)|premium (article|content)|log in to (continue|read)|connectez-vous pour|this content is available|ce contenu est réservé|unlock this article|débloquer cet article)",
    )
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(^\W*(©|copyright|\(c\) \d{4})|all rights reserved|tous droits réservés|this (document|material) (is subject to copyright|may not be (published|reproduced))|reproduction interdite)",
    )
});

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

static WORD: LazyLock<Regex> = LazyLock::new(|| pattern(r"\w+"));

/// Whether a rule applies to the block (it is short enough), its test,
/// and what the block is when the test passes.
type Rule = (bool, fn(&str) -> bool, Boilerplate);

/// What the block `text` of `words` words is, when a rule says so.
pub(super) fn classify(text: &str, words: usize) -> Option<Boilerplate> {
    use Boilerplate as B;
    let short = |limit: usize| words <= limit;
    let rules: [Rule; 23] = [
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
    for word in WORD.find_iter(text) {
        let word = word.as_str().to_lowercase();
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
    for word in WORD.find_iter(text) {
        let word = word.as_str().to_lowercase();
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
