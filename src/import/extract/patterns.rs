//! The patterns of the text rules in `rules.rs`, in English and French,
//! compiled once per process, on first use or beside the parsing.

use std::sync::LazyLock;

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;

/// A rule's pattern, ready for `is_match` on one short block. Every import
/// compiles them anew, and compiling was most of its time (40 ms of 50 on a
/// saved page): without the lazy DFA, the one-pass DFA and the reverse
/// automaton they need for captures and long texts, compiling costs less
/// than half, with the same matches; the search left (the PikeVM, or the
/// bounded backtracker) is quick enough on blocks of at most 80 words.
///
/// Long bounded runs (`.{0,80}`: "a credit line ends within 80
/// characters") are counted in bytes, `(?-u:[^\n]){0,80}`: eighty copies of
/// a byte are cheap to compile where eighty of any character are not, and
/// a few characters fewer in accented text changes nothing measured. That
/// needs the syntax to allow a match to end inside a character, which
/// `is_match` never shows.
fn pattern(source: &str) -> Regex {
    let config = meta::Config::new()
        .which_captures(WhichCaptures::None)
        .hybrid(false)
        .dfa(false)
        .onepass(false);
    Regex::builder()
        .syntax(regex_automata::util::syntax::Config::new().utf8(false))
        .configure(config)
        .build(source)
        .expect("the boilerplate patterns are valid")
}

/// Compiles every pattern on a thread of its own, so that it is done, or
/// well on its way, when the page is parsed and the rules are first used.
pub(super) fn compile_beside() {
    std::thread::spawn(|| {
        for pattern in PATTERNS {
            LazyLock::force(pattern);
        }
    });
}

/// Every pattern, the last used first: the parsing thread takes the first
/// ones while this one compiles the others.
static PATTERNS: &[&LazyLock<Regex>] = &[
    &COOKIES_BUTTON,
    &COOKIES_NOTICE,
    &COPYRIGHT,
    &PAYWALL,
    &TAGS,
    &COMMENTS,
    &SUBSCRIBE,
    &CONTACT_VERB,
    &CONTACT,
    &SLIDESHOW,
    &CAPTION_START,
    &CAPTION_CREDIT,
    &AUTHOR_BIO,
    &READING_TIME,
    &WITH_WIRE,
    &WIRE_BYLINE,
    &BYLINE,
    &CLICK_HERE,
    &BUTTON,
    &BUTTON_VERB,
    &AD_CONTINUE,
    &AFFILIATE,
    &AD_LABEL,
    &TEASER_LINE,
    &TEASER,
];

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
pub(super) static AFFILIATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(affiliate commission|affiliate links?|(may|might) earn (a|an)( small)? (commission|share)|liens? affiliés?|percevoir une commission)",
    )
});

pub(super) static AD_CONTINUE: LazyLock<Regex> = LazyLock::new(|| {
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
pub(super) static BUTTON: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*(read more|learn more|see more|view more|show more|load more|en savoir plus|lire la suite|voir plus|afficher plus|click here|cliquez ici|buy now|shop now|order now|commandez maintenant|achetez maintenant|découvrez l'offre|voir l'offre|j'en profite|je m'abonne|sign up|subscribe|s'abonner|log in|sign in|se connecter|print|imprimer|back to top|retour en haut)\W*$",
    )
});

pub(super) static CLICK_HERE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(click(ing)? here|cliquez ici|cliquant ici)\b"));

pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(By|BY|Par|PAR|Written by|Posted by|Écrit par|Publié par|Texte|Propos recueillis par)\s*:?\s+\p{Lu}",
    )
});

pub(super) static WIRE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^[^.!?]{2,}(,|\||-|—)\s*(the )?(ap|afp|reuters|associated press|bloomberg|upi|dpa|staff|[\w ]*(writer|correspondent|reporter|editor|contributor|journalist|journaliste|correspondant|correspondante|envoyée? spéciale?|rédaction))s?\W*$",
    )
});

/// "Le Monde avec AFP", "(avec Reuters)": a French wire byline.
pub(super) static WITH_WIRE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)^\W*([^.!?]{2,} )?avec (l'|l’)?(afp|reuters|ap|ats|belga|agences?)\W*$")
});

/// "5 min read", "Temps de lecture : 3 min".
pub(super) static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(\d+\s*(min|mins|minutes?)\.?\s*(read|de lecture)|reading time|temps de lecture|lecture\s*:?\s*\d+\s*min)",
    )
});

pub(super) static AUTHOR_BIO: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^\p{Lu}[\w'-]+( \p{Lu}[\w'-]+){0,3} (is|was|est) (a|an|the|un|une|le|la) (?-u:[^.]){0,80}\b(reporter|writer|journalist|editor|correspondent|columnist|contributor|freelance|journaliste|rédact(eur|rice)|correspondant|chroniqueu?r|pigiste)",
    )
});

pub(super) static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)([(\[]\s*(photo|image|picture|pic|credit|crédit|crédits|illustration|file|source|afp|ap|reuters|getty)s?\b(?-u:[^)\]]){0,80}[)\]]|\b(photo|image|picture|photograph|pic|illustration)s? (credit|by|de|par)\b(?-u:[^\n]){0,80}|\b(credit|crédits?|crédit photo|photo|image|photos|source)\s*:(?-u:[^\n]){0,80}|\b(getty images?|shutterstock|istock(photo)?|afp|reuters|ap|epa)( via (?-u:[^.]){0,40}|/(?-u:[\w .'-]){1,40}(/file( photo)?)?)?|©(?-u:[^\n]){0,80})\s*$",
    )
});

pub(super) static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*(photo|image|credit|crédit|crédit photo|source|illustration|file photo|©)\s*:",
    )
});

pub(super) static SLIDESHOW: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*((image|photo|slide|picture|diapo|vidéo|video)s?\s*)?\d+\s*(of|/|sur|de)\s*/?\s*\d+\b|^\W*(caption|close|previous|next|prev|back to gallery|enlarge this image|hide caption|toggle caption|show caption|expand|fullscreen|full screen|this slideshow requires javascript|view gallery|open gallery|photos|gallery|play video|watch video|voir la galerie|diaporama|agrandir|fermer|précédent|suivant|lire la vidéo|voir la vidéo|légende|plein écran)\W*$",
    )
});

pub(super) static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(\b[\w.+-]+@[\w-]+\.[\w.]+\b|(^|\s)@\w{2,}|\btwitter\.com/|\bfollow (us|him|her|me|them)\b|\bsuivez-(nous|le|la)\b|\b(may|can) be reached\b|\bhave a (news )?tip\b)",
    )
});

pub(super) static CONTACT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(follow|email|e-mail|reach|reached|contact|tips?|write to|suivez|écrivez|contactez)\b",
    )
});

pub(super) static SUBSCRIBE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(subscribe|subscribing|subscribed|subscriptions?|sign up|signing up|newsletters?|inbox|abonnez-vous|abonnement|s'abonner|je m'abonne|inscrivez-vous|lettre d'information|infolettre|newsletter)\b",
    )
});

pub(super) static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^\W*(\d+\s+)?(comments?|commentaires?|leave a (comment|reply)|laisser un commentaire|laissez un commentaire|add a comment|post a comment|post comments?|join the (discussion|conversation)|about the author|à propos de l'auteur|tell us what you think|réagir|réagissez|postez un commentaire|show comments|voir les commentaires)\b",
    )
});

pub(super) static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)^\W*(tags?|tagged|mots[- ]clés|étiquettes|topics|sujets|thèmes|keywords)\s*(:|$)")
});

pub(super) static PAYWALL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(subscribers? only|for subscribers|exclusive to subscribers|réservée? aux abonnés|article réservé|il vous reste \d+\s*% de|already a subscriber|already have an account|déjà abonné|to continue reading|pour lire la suite|to read the full (article|story)|premium (article|content)|log in to (continue|read)|connectez-vous pour|this content is available|ce contenu est réservé|unlock this article|débloquer cet article)",
    )
});

pub(super) static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(^\W*(©|copyright|\(c\) \d{4})|all rights reserved|tous droits réservés|this (document|material) (is subject to copyright|may not be (published|reproduced))|reproduction interdite)",
    )
});

/// A cookie notice: the site says it uses cookies. Only what a site says
/// of itself: an article about cookies says "third-party cookies", not
/// "we use cookies".
pub(super) static COOKIES_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(\b(we|this (site|website)|our (site|website|partners)) (use|uses|store|place)s? cookies\b|\bnous (et nos partenaires )?utilisons des (cookies|traceurs)\b|\b(ce|notre) site (internet )?utilise des (cookies|traceurs)\b)",
    )
});

/// A cookie notice's button or link: "Accept all cookies", "Cookie
/// settings", "Paramétrer les cookies". An article's sentence may say as
/// much ("made it hard to refuse the cookies"): only a block of a few words.
pub(super) static COOKIES_BUTTON: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(\b(accept|reject|allow|refuse|manage)( all| the)? cookies\b|\bcookies? (policy|settings|preferences|notice|consent)\b|\b(accepter|refuser|paramétrer|gérer|personnaliser)( les| tous les| mes| vos)? (cookies|traceurs)\b|\b(politique|gestion|paramètres|préférences) (de |des |en matière de |relative aux )?(cookies|traceurs)\b)",
    )
});
