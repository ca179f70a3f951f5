//! The dossier as FollowTheMoney entities, one JSON object a line: the
//! format OpenAleph and Aleph import (`ftm`, `alephclient write-entities`).
//!
//! Each entity becomes the schema its type names (the table is
//! [`SCHEMA_OF_TYPE`]); each article an `Article` with its text; each
//! relation the link schema its type names ([`LINK_OF_RELATION`]) when
//! both ends are of the schemata that link takes, else an `UnknownLink`
//! with the type as its role; each article naming an entity (or about it)
//! a `Documentation` between the two. Ids are `dossier-` and the
//! dossier's own ids, so that a second import updates the first: FtM ids
//! allow letters, digits, `-` and `.`, and a dossier's ids and slugs hold
//! only `[a-z0-9-]`, so `.` joins parts without ambiguity.

use std::collections::BTreeMap;
use std::io::{self, Write};

use rayon::prelude::*;

use serde::Serialize;

use crate::ids::{ArticleId, EntityId};
use crate::model::{Entity, Relation};
use crate::render::views::Views;

/// A dossier type and the FtM schema its entities take; any other type is
/// a `LegalEntity`, FtM's most general party to links.
const SCHEMA_OF_TYPE: &[(&str, &str)] = &[
    ("person", "Person"),
    ("organization", "Organization"),
    ("company", "Company"),
    // A state signs treaties and joins organizations: a party, not a
    // place (FtM has no country schema; `country` is a property).
    ("country", "LegalEntity"),
    ("place", "Address"),
    ("event", "Event"),
    ("period", "Event"),
    ("document", "Document"),
];

/// The schemata each entity schema above is (itself and its parents), to
/// check a link's ends against the ranges FtM gives them.
const SCHEMATA: &[(&str, &[&str])] = &[
    ("Person", &["Person", "LegalEntity", "Thing"]),
    ("Organization", &["Organization", "LegalEntity", "Thing"]),
    (
        "Company",
        &["Company", "Organization", "Asset", "LegalEntity", "Thing"],
    ),
    ("LegalEntity", &["LegalEntity", "Thing"]),
    ("Address", &["Address", "Thing"]),
    ("Event", &["Event", "Thing"]),
    ("Document", &["Document", "Thing"]),
];

/// A link schema: its name, the property naming the relation's `from`
/// entity and the schema it must be, the same for `to`, and the property
/// that takes the relation's type.
struct Link {
    schema: &'static str,
    from: (&'static str, &'static str),
    to: (&'static str, &'static str),
    role: &'static str,
}

const fn link(
    schema: &'static str,
    from: (&'static str, &'static str),
    to: (&'static str, &'static str),
    role: &'static str,
) -> Link {
    Link {
        schema,
        from,
        to,
        role,
    }
}

/// Relation types (lower case, `-` and `_` read as spaces) and the link
/// schema each becomes.
const LINK_OF_RELATION: &[(&[&str], Link)] = &[
    (
        &["member of", "member", "belongs to", "membre de", "membre"],
        link(
            "Membership",
            ("member", "LegalEntity"),
            ("organization", "Organization"),
            "role",
        ),
    ),
    (
        &[
            "employed by",
            "works for",
            "employee of",
            "employé de",
            "employé par",
            "travaille pour",
        ],
        link(
            "Employment",
            ("employee", "Person"),
            ("employer", "Organization"),
            "role",
        ),
    ),
    (
        &["employs", "employer of", "emploie", "employeur de"],
        link(
            "Employment",
            ("employer", "Organization"),
            ("employee", "Person"),
            "role",
        ),
    ),
    (
        &[
            "owns",
            "owner of",
            "shareholder of",
            "possède",
            "propriétaire de",
            "actionnaire de",
        ],
        link(
            "Ownership",
            ("owner", "LegalEntity"),
            ("asset", "Asset"),
            "role",
        ),
    ),
    (
        &["owned by", "possédé par", "détenu par"],
        link(
            "Ownership",
            ("asset", "Asset"),
            ("owner", "LegalEntity"),
            "role",
        ),
    ),
    (
        &[
            "director of",
            "director",
            "directs",
            "leads",
            "heads",
            "board member of",
            "dirige",
            "directeur de",
            "directrice de",
            "administrateur de",
        ],
        link(
            "Directorship",
            ("director", "LegalEntity"),
            ("organization", "Organization"),
            "role",
        ),
    ),
    (
        &[
            "family",
            "relative of",
            "related to",
            "married to",
            "spouse of",
            "child of",
            "parent of",
            "sibling of",
            "famille",
            "parent",
            "marié à",
            "mariée à",
            "enfant de",
            "frère de",
            "sœur de",
            "père de",
            "mère de",
            "fils de",
            "fille de",
        ],
        link(
            "Family",
            ("person", "Person"),
            ("relative", "Person"),
            "relationship",
        ),
    ),
    (
        &[
            "associate",
            "associate of",
            "associated with",
            "partner of",
            "associé de",
            "associée de",
        ],
        link(
            "Associate",
            ("person", "Person"),
            ("associate", "Person"),
            "relationship",
        ),
    ),
];

/// When no link schema fits.
const UNKNOWN_LINK: Link = link(
    "UnknownLink",
    ("subject", "Thing"),
    ("object", "Thing"),
    "role",
);

/// The FtM schema of a dossier type.
pub(crate) fn schema_of(kind: &str) -> &'static str {
    SCHEMA_OF_TYPE
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("LegalEntity", |(_, schema)| schema)
}

fn is_a(schema: &str, range: &str) -> bool {
    SCHEMATA
        .iter()
        .any(|(s, all)| *s == schema && all.contains(&range))
}

/// The link schema for `relation`, its ends' schemata allowing.
fn link_for(relation: &Relation, from: &str, to: &str) -> &'static Link {
    let kind = relation.kind.to_lowercase().replace(['-', '_'], " ");
    LINK_OF_RELATION
        .iter()
        .find(|(words, _)| words.contains(&kind.as_str()))
        .map(|(_, link)| link)
        .filter(|link| is_a(from, link.from.1) && is_a(to, link.to.1))
        .unwrap_or(&UNKNOWN_LINK)
}

/// An FtM id from the dossier's parts: `dossier-<kind>-<part>.<part>`.
fn ftm_id(kind: &str, parts: &[&str]) -> String {
    let id = format!("dossier-{kind}-{}", parts.join("."));
    // An id must end with a letter or a digit; a slug may end with `-`.
    if id.ends_with('-') {
        format!("{id}.x")
    } else {
        id
    }
}

/// Properties being gathered: each a list of values, empty ones left out.
#[derive(Default)]
struct Properties(BTreeMap<&'static str, Vec<String>>);

impl Properties {
    fn add(&mut self, name: &'static str, value: impl Into<String>) -> &mut Self {
        let value = value.into();
        if !value.trim().is_empty() {
            self.0.entry(name).or_default().push(value);
        }
        self
    }

    fn add_opt(&mut self, name: &'static str, value: Option<impl Into<String>>) -> &mut Self {
        if let Some(value) = value {
            self.add(name, value);
        }
        self
    }

    /// The entity's line. Serialized from borrowed parts, keys in the
    /// order a JSON object of them had (sorted): going through a `Value`
    /// copied every article's text once more.
    fn line(&self, id: &str, schema: &str) -> String {
        #[derive(Serialize)]
        struct Line<'a> {
            id: &'a str,
            properties: &'a BTreeMap<&'static str, Vec<String>>,
            schema: &'a str,
        }
        let line = Line {
            id,
            properties: &self.0,
            schema,
        };
        serde_json::to_string(&line).expect("text and lists of text serialize without fail")
    }
}

fn entity_line(entity: &Entity, id: &str) -> String {
    let schema = schema_of(&entity.kind);
    let mut properties = Properties::default();
    properties
        .add("name", entity.name.as_str())
        .add("keywords", entity.kind.as_str())
        .add_opt("summary", entity.summary.as_deref())
        .add_opt("wikidataId", entity.wikidata.as_deref());
    for alias in &entity.aliases {
        properties.add("alias", alias.as_str());
    }
    match schema {
        "Event" => {
            let start = if entity.end.is_some() {
                "startDate"
            } else {
                "date"
            };
            properties
                .add_opt(start, entity.date.as_ref().map(|d| d.iso()))
                .add_opt("endDate", entity.end.as_ref().map(|d| d.iso()));
        }
        "Address" => {
            properties.add("full", entity.name.as_str());
        }
        "Document" => {
            // FtM requires a file name of a document; a dossier's has none.
            properties
                .add("title", entity.name.as_str())
                .add("fileName", entity.name.as_str());
        }
        _ => {}
    }
    properties.line(id, schema)
}

/// Articles made at once: in parallel, and few enough that their texts
/// are not all held (the file carries every article's text).
const ARTICLES_AT_ONCE: usize = 256;

/// `data/entities.ftm.json`: entities by id, then articles, relations and
/// what each article documents, in the dossier's order, written line by
/// line.
pub(crate) fn ftm_lines(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let dossier = views.dossier;
    let entity_id = |e: EntityId| ftm_id("entity", &[&dossier.entities[e].id]);
    let article_id = |a: ArticleId| ftm_id("article", &[&dossier.articles[a].slug]);
    let mut line = |text: String| {
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")
    };
    for (i, entity) in dossier.entities.iter().enumerate() {
        line(entity_line(entity, &entity_id(EntityId(i))))?;
    }
    for first in (0..dossier.articles.len()).step_by(ARTICLES_AT_ONCE) {
        let ids = first..(first + ARTICLES_AT_ONCE).min(dossier.articles.len());
        let lines: Vec<String> = ids
            .into_par_iter()
            .map(|i| article_line(views, ArticleId(i), &article_id(ArticleId(i))))
            .collect();
        for text in lines {
            line(text)?;
        }
    }

    let mut declared: BTreeMap<EntityId, usize> = BTreeMap::new();
    for relation in &dossier.relations {
        let number = declared.entry(relation.from).or_insert(0);
        *number += 1;
        let from = schema_of(&dossier.entities[relation.from].kind);
        let to = schema_of(&dossier.entities[relation.to].kind);
        let link = link_for(relation, from, to);
        let mut properties = Properties::default();
        properties
            .add(link.from.0, entity_id(relation.from))
            .add(link.to.0, entity_id(relation.to))
            .add(link.role, relation.kind.as_str())
            .add_opt("startDate", relation.since.as_ref().map(|d| d.iso()))
            .add_opt("endDate", relation.until.as_ref().map(|d| d.iso()))
            .add_opt("summary", relation.note.as_deref())
            .add_opt(
                "sourceUrl",
                (relation.source)
                    .and_then(|a| dossier.articles[a].source.as_ref())
                    .and_then(|s| s.url.as_deref()),
            );
        let id = ftm_id(
            "relation",
            &[&dossier.entities[relation.from].id, &number.to_string()],
        );
        line(properties.line(&id, link.schema))?;
    }
    for (i, article) in dossier.articles.iter().enumerate() {
        let id = ArticleId(i);
        let mut documented: BTreeMap<EntityId, &str> =
            (article.about.iter()).map(|e| (*e, "about")).collect();
        for (entity, _) in &views.annotated.entities_of[id] {
            documented.insert(*entity, "mentions");
        }
        for (entity, role) in documented {
            let mut properties = Properties::default();
            properties
                .add("document", article_id(id))
                .add("entity", entity_id(entity))
                .add("role", role);
            let line_id = ftm_id(
                "documentation",
                &[&article.slug, &dossier.entities[entity].id],
            );
            line(properties.line(&line_id, "Documentation"))?;
        }
    }
    Ok(())
}

/// An article's line, with its text.
fn article_line(views: &Views<'_>, id: ArticleId, ftm_id: &str) -> String {
    let dossier = views.dossier;
    let article = &dossier.articles[id];
    let source = article.source.as_ref();
    let mut properties = Properties::default();
    properties
        .add("title", article.title.as_str())
        .add("date", article.date.iso())
        .add_opt("summary", views.summary_text(id))
        .add("bodyText", views.annotated.articles.text(id))
        .add_opt("author", source.and_then(|s| s.author.as_deref()))
        .add_opt(
            "publishedAt",
            source.and_then(|s| s.published.as_ref()).map(|d| d.iso()),
        )
        .add_opt("publisher", source.and_then(|s| s.name.as_deref()))
        .add_opt("sourceUrl", source.and_then(|s| s.url.as_deref()))
        .add_opt(
            "retrievedAt",
            source.and_then(|s| s.accessed.as_ref()).map(|d| d.iso()),
        );

    for tag in &article.tags {
        properties.add("keywords", dossier.tags[*tag].name.as_str());
    }
    if source.is_none() {
        properties.add("publisher", dossier.config.title.as_str());
    }
    properties.line(ftm_id, "Article")
}
