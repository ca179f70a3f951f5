//! Interface words of the built-in theme in each language, entity type
//! names, and date formats. Kept out of the templates so that a site's own
//! templates can use them too (`{{ t.articles }}`).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::config::Language;
use crate::date::{DateValue, Precision};

/// Every label, by key, in `language`: made once per language, as pages
/// and index entries by the thousand read them.
pub(crate) fn labels(language: Language) -> &'static BTreeMap<&'static str, &'static str> {
    static ENGLISH: LazyLock<BTreeMap<&str, &str>> = LazyLock::new(|| made(Language::En));
    static FRENCH: LazyLock<BTreeMap<&str, &str>> = LazyLock::new(|| made(Language::Fr));
    match language {
        Language::En => &ENGLISH,
        Language::Fr => &FRENCH,
    }
}

fn made(language: Language) -> BTreeMap<&'static str, &'static str> {
    let pick = |en, fr| match language {
        Language::En => en,
        Language::Fr => fr,
    };
    [
        ("home", pick("Home", "Accueil")),
        // French puts a (non-breaking) space before the colon.
        ("colon", pick(":", "\u{a0}:")),
        ("articles", pick("Articles", "Articles")),
        ("entities", pick("Entities", "Entités")),
        ("tags", pick("Tags", "Mots-clés")),
        ("tag", pick("Tag", "Mot-clé")),
        (
            "latest_articles",
            pick("Latest articles", "Derniers articles"),
        ),
        ("all_articles", pick("All articles", "Tous les articles")),
        ("source", pick("Source", "Source")),
        ("unknown_source", pick("unknown", "inconnue")),
        ("archived_copy", pick("archived copy", "copie archivée")),
        ("by", pick("by", "par")),
        ("published", dated_label(DatedLabel::Published, Precision::Day, language)),
        ("accessed", dated_label(DatedLabel::Accessed, Precision::Day, language)),
        (
            "in_this_article",
            pick("In this article", "Dans cet article"),
        ),
        ("mention", pick("mention", "mention")),
        ("mentions", pick("mentions", "mentions")),
        ("article", pick("article", "article")),
        ("articles_count", pick("articles", "articles")),
        ("aliases", pick("Also known as", "Autres noms")),
        ("links", pick("Links", "Liens")),
        ("wikidata", pick("Wikidata", "Wikidata")),
        ("relations", pick("Relations", "Relations")),
        (
            "relations_in",
            pick("Named in relations of", "Cité dans les relations de"),
        ),
        ("since", dated_label(DatedLabel::Since, Precision::Day, language)),
        ("until", dated_label(DatedLabel::Until, Precision::Day, language)),
        ("according_to", pick("according to", "d’après")),
        ("mentioned_in", pick("Mentioned in", "Cité dans")),
        (
            "not_named",
            pick(
                "about this entity, without naming it",
                "sur cette entité, sans la nommer",
            ),
        ),
        (
            "co_mentioned",
            pick("Often named with", "Souvent cité avec"),
        ),
        ("shared_one", pick("shared article", "article en commun")),
        ("shared", pick("shared articles", "articles en commun")),
        ("previous", pick("Previous", "Précédent")),
        ("next", pick("Next", "Suivant")),
        ("newer", pick("Newer", "Plus récent")),
        ("older", pick("Older", "Plus ancien")),
        // A page of a paginated list: "Articles, page 2", and its pager.
        ("page", pick("page", "page")),
        ("pages", pick("Pages", "Pages")),
        ("years", pick("Years", "Années")),
        ("not_found", pick("Page not found", "Page introuvable")),
        (
            "not_found_text",
            pick(
                "This page does not exist, or no longer.",
                "Cette page n’existe pas, ou plus.",
            ),
        ),
        (
            "back_home",
            pick("Back to the home page", "Retour à l’accueil"),
        ),
        ("skip", pick("Skip to content", "Aller au contenu")),
        ("draft", pick("Draft", "Brouillon")),
        ("date", pick("Date", "Date")),
        (
            "no_articles",
            pick("No articles yet.", "Aucun article pour l’instant."),
        ),
        ("main_nav", pick("Main", "Principale")),
        ("dates", pick("Dates", "Dates")),
        ("type", pick("Type", "Type")),
        (
            "go_to_passage",
            pick("Go to the passage", "Aller au passage"),
        ),
        ("made_with", pick("Made with dossier", "Fait avec dossier")),
        ("note", pick("Note", "Note")),
        ("notes", pick("Notes", "Notes")),
        ("notes_naming", pick("Notes that name it", "Notes qui la citent")),
        ("on_passage", pick("on", "sur")),
        ("timeline", pick("Timeline", "Chronologie")),
        ("graph", pick("Graph", "Graphe")),
        ("data", pick("Data", "Données")),
        ("data_intro", pick(
            "The dossier as files for other tools, made with each build.",
            "Le dossier en fichiers pour d’autres outils, refaits à chaque construction.",
        )),
        ("data_none", pick(
            "This dossier publishes no data files.",
            "Ce dossier ne publie aucun fichier de données.",
        )),
        ("data_csv", pick(
            "Tables of the articles, entities, mentions, relations and notes, for a spreadsheet (LibreOffice, Excel: import as UTF-8).",
            "Tableaux des articles, entités, mentions, relations et notes, pour un tableur (LibreOffice, Excel : importer en UTF-8).",
        )),
        ("data_graph", pick(
            "The graph of entities, their relations and co-mentions, for Gephi (GEXF) or networkx, yEd, Cytoscape (GraphML).",
            "Le graphe des entités, de leurs relations et co-mentions, pour Gephi (GEXF) ou networkx, yEd, Cytoscape (GraphML).",
        )),
        ("data_ftm", pick(
            "Entities, articles and their links as FollowTheMoney, for OpenAleph and Aleph.",
            "Entités, articles et leurs liens au format FollowTheMoney, pour OpenAleph et Aleph.",
        )),
        ("data_csl", pick(
            "The sources as CSL-JSON, for Zotero and citation processors.",
            "Les sources en CSL-JSON, pour Zotero et les logiciels de citation.",
        )),
        ("data_timeline", pick(
            "The timeline for TimelineJS.",
            "La chronologie pour TimelineJS.",
        )),
        ("data_json", pick(
            "The whole dossier as JSON, for scripts.",
            "Tout le dossier en JSON, pour des scripts.",
        )),
        ("data_annotations", pick(
            "The notes as W3C Web Annotations.",
            "Les notes en annotations Web du W3C.",
        )),
        ("graph_intro", pick(
            "Entities as circles, sized by mentions and coloured by type; solid lines are relations, grey lines join entities named in the same articles (thicker: more articles).",
            "Les entités en cercles, selon leurs mentions et colorées par type ; les traits pleins sont des relations, les traits gris relient les entités citées dans les mêmes articles (plus épais : plus d’articles).",
        )),
        ("legend", pick("Legend", "Légende")),
        ("graph_shows", pick("The picture shows the", "Le graphe montre les")),
        ("graph_most_mentioned_of", pick("most mentioned entities of", "entités les plus citées sur")),
        ("graph_all_listed", pick("; all are listed below.", "\u{a0}; toutes sont listées plus bas.")),
        ("neighbourhood", pick("Neighbourhood", "Voisinage")),
        ("neighbourhood_intro", pick(
            "Its relations, then the entities most often named with it.",
            "Ses relations, puis les entités le plus souvent citées avec elle.",
        )),
        ("relation_edges", pick("relation", "relation")),
        ("co_mention_edges", pick("named together", "cités ensemble")),
        ("search", pick("Search", "Recherche")),
        (
            "search_label",
            pick("Search articles and entities", "Chercher dans les articles et les entités"),
        ),
        ("search_button", pick("Search", "Chercher")),
        (
            "search_needs_js",
            pick(
                "Search runs in your browser and needs JavaScript.",
                "La recherche se fait dans votre navigateur et demande JavaScript.",
            ),
        ),
        ("result_one", pick("1 result", "1 résultat")),
        ("results_many", pick("{n} results", "{n} résultats")),
        ("results_shown", pick("{n} shown", "{n} affichés")),
        ("no_results", pick("No results.", "Aucun résultat.")),
        ("nothing_to_search", pick(
            "Nothing to search for: words of one letter are not indexed.",
            "Rien à chercher : les mots d’une lettre ne sont pas indexés.",
        )),
        ("searching", pick("Searching…", "Recherche…")),
        ("more_results", pick("More results", "Plus de résultats")),
        ("updated", dated_label(DatedLabel::Updated, Precision::Day, language)),
        (
            "in_dossier_since",
            pick("In the dossier since", "Dans le dossier depuis le"),
        ),
        (
            "changed_in_dossier",
            pick("changed in the dossier on", "modifié dans le dossier le"),
        ),
        ("history", pick("history", "historique")),
    ]
    .into_iter()
    .collect()
}

/// Known entity types, in the order the theme lists them: the type word,
/// then its plural and singular headings in English and French.
const KNOWN_TYPES: &[(&str, [&str; 4])] = &[
    ("person", ["People", "Personnes", "Person", "Personne"]),
    (
        "organization",
        [
            "Organizations",
            "Organisations",
            "Organization",
            "Organisation",
        ],
    ),
    ("country", ["Countries", "Pays", "Country", "Pays"]),
    ("place", ["Places", "Lieux", "Place", "Lieu"]),
    ("event", ["Events", "Événements", "Event", "Événement"]),
    (
        "document",
        ["Documents", "Documents", "Document", "Document"],
    ),
];

/// The built-in type that `kind`, a type of the dossier's own, was most
/// likely meant to be: one of its headings (`people`, `organisation`,
/// `pays`), or a word one typo away from the type or a heading (two for
/// words longer than six letters: `orgnaization`, `countires`).
pub(crate) fn known_type_near(kind: &str) -> Option<&'static str> {
    if is_known_type(kind) {
        return None;
    }
    let limit = if kind.chars().count() > 6 { 2 } else { 1 };
    KNOWN_TYPES
        .iter()
        .flat_map(|(word, names)| {
            std::iter::once((*word).to_string())
                .chain(names.iter().map(|n| n.to_lowercase()))
                .map(move |name| (crate::diagnostic::edit_distance(kind, &name), *word))
        })
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, word)| word)
}

/// Whether `kind` is a built-in type, coloured by the theme itself.
pub(crate) fn is_known_type(kind: &str) -> bool {
    KNOWN_TYPES.iter().any(|(k, _)| *k == kind)
}

/// Sort key for a type: known types first, in their order, then the others.
pub(crate) fn type_rank(kind: &str) -> (usize, &str) {
    let rank = KNOWN_TYPES
        .iter()
        .position(|(k, _)| *k == kind)
        .unwrap_or(KNOWN_TYPES.len());
    (rank, kind)
}

/// The plural heading of a type (`person` -> `People`).
pub(crate) fn type_label(kind: &str, language: Language) -> String {
    type_name(kind, language, 0)
}

/// The singular name of a type (`person` -> `Person`).
pub(crate) fn type_singular(kind: &str, language: Language) -> String {
    type_name(kind, language, 2)
}

fn type_name(kind: &str, language: Language, offset: usize) -> String {
    let column = offset + usize::from(language == Language::Fr);
    match KNOWN_TYPES.iter().find(|(k, _)| *k == kind) {
        Some((_, names)) => names[column].to_string(),
        // The dossier's own types are shown as written, capitalized.
        None => capitalized(kind),
    }
}

/// `word` with its first letter in upper case.
pub(crate) fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
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
];

/// A label that reads into the date after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DatedLabel {
    Published,
    Updated,
    Accessed,
    Since,
    Until,
}

/// The words before a date for `label`: French says `publié le 19 juin`
/// but `publié en mars`, `jusqu’au 19 juin` but `jusqu’en 2023`; English
/// needs no change. The day forms are the labels `t.published`… that
/// templates had before dates could be a month or a year.
pub(crate) fn dated_label(
    label: DatedLabel,
    precision: Precision,
    language: Language,
) -> &'static str {
    let day = precision == Precision::Day;
    match (language, label) {
        (Language::En, DatedLabel::Published) => "published",
        (Language::En, DatedLabel::Updated) => "updated",
        (Language::En, DatedLabel::Accessed) => "accessed",
        (Language::En, DatedLabel::Since) => "since",
        (Language::En, DatedLabel::Until) => "until",
        (Language::Fr, DatedLabel::Published) if day => "publié le",
        (Language::Fr, DatedLabel::Published) => "publié en",
        (Language::Fr, DatedLabel::Updated) if day => "mis à jour le",
        (Language::Fr, DatedLabel::Updated) => "mis à jour en",
        (Language::Fr, DatedLabel::Accessed) if day => "consulté le",
        (Language::Fr, DatedLabel::Accessed) => "consulté en",
        (Language::Fr, DatedLabel::Since) if day => "depuis le",
        (Language::Fr, DatedLabel::Since) => "depuis",
        (Language::Fr, DatedLabel::Until) if day => "jusqu’au",
        (Language::Fr, DatedLabel::Until) => "jusqu’en",
    }
}

/// The name of month `month` (1–12), as used inside a date.
pub(crate) fn month_name(month: i8, language: Language) -> String {
    let index = usize::try_from(month - 1).unwrap_or(0).min(11);
    match language {
        Language::En => MONTHS_EN[index].to_string(),
        Language::Fr => MONTHS_FR[index].to_string(),
    }
}

/// A date for readers, as precise as written: `19 June 2024`,
/// `19 juin 2024`, `March 2023`, `mars 2023`, `2023`.
pub(crate) fn long_date(date: &DateValue, language: Language) -> String {
    let day = date.day;
    match date.precision {
        Precision::Year => return day.year().to_string(),
        Precision::Month => return format!("{} {}", month_name(day.month(), language), day.year()),
        Precision::Day => {}
    }
    let day_number = if language == Language::Fr && day.day() == 1 {
        "1er".to_string()
    } else {
        day.day().to_string()
    };
    format!(
        "{day_number} {} {}",
        month_name(day.month(), language),
        day.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_close_to_a_known_one_are_caught() {
        for (kind, meant) in [
            ("organisation", "organization"),
            ("people", "person"),
            ("persons", "person"),
            ("places", "place"),
            ("countries", "country"),
            ("pays", "country"),
            ("evnt", "event"),
            ("orgnaization", "organization"),
        ] {
            assert_eq!(known_type_near(kind), Some(meant), "{kind}");
        }
        for kind in ["person", "ship", "treaty", "thing", "party", "prison"] {
            assert_eq!(known_type_near(kind), None, "{kind}");
        }
    }

    #[test]
    fn dates_read_naturally() {
        let date: DateValue = "2024-06-19".parse().expect("valid");
        assert_eq!(long_date(&date, Language::En), "19 June 2024");
        assert_eq!(long_date(&date, Language::Fr), "19 juin 2024");
        let first: DateValue = "2024-03-01".parse().expect("valid");
        assert_eq!(long_date(&first, Language::Fr), "1er mars 2024");
        let month: DateValue = "2023-03".parse().expect("valid");
        assert_eq!(long_date(&month, Language::En), "March 2023");
        assert_eq!(long_date(&month, Language::Fr), "mars 2023");
        let year: DateValue = "2023".parse().expect("valid");
        assert_eq!(long_date(&year, Language::Fr), "2023");
    }

    #[test]
    fn types_have_headings() {
        assert_eq!(type_label("person", Language::Fr), "Personnes");
        assert_eq!(type_label("ship", Language::En), "Ship");
        assert_eq!(type_singular("place", Language::Fr), "Lieu");
        assert!(type_rank("person") < type_rank("document"));
        assert!(type_rank("document") < type_rank("ship"));
    }
}
