//! The dossier as data for other tools: `/dossier.json` (everything but
//! the bodies; its schema is in docs/dossier-json.md) and
//! `/annotations.jsonld` (every note as a W3C Web Annotation).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use crate::annotate::Annotated;
use crate::date::DateValue;
use crate::ids::{ArticleId, EntityId, TagId};
use crate::model::Dossier;
use crate::model::Source;
use crate::paths;
use crate::render::publish::rfc3339;

/// Version of the `dossier.json` schema; raised on incompatible changes.
pub(crate) const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct SiteJson<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
}

#[derive(Serialize)]
struct EntityData<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    aliases: &'a [String],
    summary: Option<&'a str>,
    wikidata: Option<&'a str>,
    links: &'a [String],
    date: Option<&'a DateValue>,
    end: Option<&'a DateValue>,
    path: String,
}

#[derive(Serialize)]
struct ArticleData<'a> {
    slug: &'a str,
    title: &'a str,
    date: &'a DateValue,
    updated: Option<&'a DateValue>,
    summary: Option<&'a str>,
    source: Option<&'a Source>,
    lang: Option<&'a str>,
    tags: Vec<&'a str>,
    entities: Vec<&'a str>,
    draft: bool,
    path: String,
}

#[derive(Serialize)]
struct PassageJson<'a> {
    before: &'a str,
    text: &'a str,
    after: &'a str,
}

#[derive(Serialize)]
struct MentionData<'a> {
    article: &'a str,
    entity: &'a str,
    anchor: &'a str,
    explicit: bool,
    passage: PassageJson<'a>,
}

#[derive(Serialize)]
struct RelationData<'a> {
    from: &'a str,
    to: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    since: Option<&'a DateValue>,
    until: Option<&'a DateValue>,
    source: Option<&'a str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct NoteData<'a> {
    article: &'a str,
    number: usize,
    anchor: String,
    quote: &'a str,
    prefix: Option<&'a str>,
    suffix: Option<&'a str>,
    note: &'a str,
    author: Option<&'a str>,
    created: Option<&'a DateValue>,
    entities: Vec<&'a str>,
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
struct TagData<'a> {
    name: &'a str,
    slug: &'a str,
    articles: Vec<&'a str>,
}

/// `/dossier.json`, compact, written list by list and item by item: with
/// every mention and its passage it grows with the corpus (46 MB at
/// 10,000 articles, 650 MB at 100,000), and is never held whole. The
/// fields are in the order of docs/dossier-json.md.
pub(crate) fn dossier_json(
    dossier: &Dossier,
    annotated: &Annotated,
    out: &mut dyn Write,
) -> io::Result<()> {
    let config = &dossier.config;
    let entity_id = |e: &EntityId| dossier.entities[*e].id.as_str();
    let article_slug = |a: &ArticleId| dossier.articles[*a].slug.as_str();
    let tag_name = |t: &TagId| dossier.tags[*t].name.as_str();
    write!(out, "{{\"version\":{SCHEMA_VERSION},\"site\":")?;
    let site = SiteJson {
        title: &config.title,
        description: &config.description,
        language: config.language.code(),
        base_url: &config.base_url,
    };
    serde_json::to_writer(&mut *out, &site)?;
    list(
        out,
        "entities",
        dossier.entities.iter().map(|e| EntityData {
            id: &e.id,
            name: &e.name,
            kind: &e.kind,
            aliases: &e.aliases,
            summary: e.summary.as_deref(),
            wikidata: e.wikidata.as_deref(),
            links: &e.links,
            date: e.date.as_ref(),
            end: e.end.as_ref(),
            path: paths::entity(&e.id),
        }),
    )?;
    list(
        out,
        "articles",
        dossier.articles.iter().map(|a| ArticleData {
            slug: &a.slug,
            title: &a.title,
            date: &a.date,
            updated: a.updated.as_ref(),
            summary: a.summary.as_deref(),
            source: a.source.as_ref(),
            lang: a.lang.as_deref(),
            tags: a.tags.iter().map(tag_name).collect(),
            entities: a.about.iter().map(entity_id).collect(),
            draft: a.draft,
            path: paths::article(&a.slug),
        }),
    )?;
    // Each article's mentions are read back from where they were set
    // aside, one article at a time.
    out.write_all(b",\"mentions\":[")?;
    let mut first = true;
    for (id, article) in dossier.articles.iter().enumerate() {
        for m in annotated.articles.mentions(ArticleId(id)).iter() {
            if !std::mem::take(&mut first) {
                out.write_all(b",")?;
            }
            let mention = MentionData {
                article: &article.slug,
                entity: &dossier.entities[m.entity].id,
                anchor: &m.anchor,
                explicit: m.explicit,
                passage: PassageJson {
                    before: &m.passage.before,
                    text: &m.passage.text,
                    after: &m.passage.after,
                },
            };
            serde_json::to_writer(&mut *out, &mention)?;
        }
    }
    out.write_all(b"]")?;
    list(
        out,
        "relations",
        dossier.relations.iter().map(|r| RelationData {
            from: entity_id(&r.from),
            to: entity_id(&r.to),
            kind: &r.kind,
            since: r.since.as_ref(),
            until: r.until.as_ref(),
            source: r.source.as_ref().map(article_slug),
            note: r.note.as_deref(),
        }),
    )?;
    list(
        out,
        "notes",
        dossier.articles.iter().flat_map(|article| {
            article
                .notes
                .iter()
                .enumerate()
                .map(move |(index, n)| NoteData {
                    article: &article.slug,
                    number: index + 1,
                    anchor: format!("note-{}", index + 1),
                    quote: &n.quote,
                    prefix: n.prefix.as_deref(),
                    suffix: n.suffix.as_deref(),
                    note: &n.text,
                    author: article.note_author(n, &config.author),
                    created: article.note_created(n),
                    entities: n.entities.iter().map(entity_id).collect(),
                    tags: n.tags.iter().map(tag_name).collect(),
                })
        }),
    )?;
    list(
        out,
        "tags",
        dossier.tags.iter().map(|t| TagData {
            name: &t.name,
            slug: &t.slug,
            articles: t.articles.iter().map(article_slug).collect(),
        }),
    )?;
    out.write_all(b"}\n")
}

/// `,"<name>":[…]`, compact, one item at a time.
fn list<T: Serialize>(
    out: &mut dyn Write,
    name: &str,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    write!(out, ",\"{name}\":[")?;
    for (index, item) in items.enumerate() {
        if index > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &item)?;
    }
    out.write_all(b"]")
}

/// `/annotations.jsonld`: an AnnotationCollection whose one page holds
/// every note. IRIs are absolute from `base_url`; without it, relative to
/// the file itself (which sits at the site root), as JSON-LD allows.
pub(crate) fn annotations_jsonld(dossier: &Dossier, annotated: &Annotated) -> Vec<u8> {
    let base = if dossier.config.base_url.is_empty() {
        String::new()
    } else {
        format!("{}/", dossier.config.base_url.trim_end_matches('/'))
    };
    let language = dossier.config.language.code();
    let mut items = Vec::new();
    for (id, article) in dossier.articles.iter().enumerate() {
        let page = paths::article_url(&base, &article.slug);
        let placed_notes = annotated.articles.notes(ArticleId(id));
        for (index, (note, placed)) in article.notes.iter().zip(placed_notes).enumerate() {
            let mut body = vec![json!({
                "type": "TextualBody",
                "purpose": "commenting",
                "value": note.text,
                "format": "text/markdown",
                "language": article.lang.as_deref().unwrap_or(language),
            })];
            body.extend(note.entities.iter().map(|e| {
                json!({
                    "type": "SpecificResource",
                    "purpose": "tagging",
                    "source": paths::entity_url(&base, &dossier.entities[*e].id),
                })
            }));
            body.extend(note.tags.iter().map(|t| {
                json!({ "type": "TextualBody", "purpose": "tagging", "value": dossier.tags[*t].name })
            }));
            let mut item = json!({
                "id": format!("{page}#note-{}", index + 1),
                "type": "Annotation",
                "motivation": "commenting",
                "body": body,
                "target": {
                    "source": page,
                    "selector": {
                        "type": "TextQuoteSelector",
                        "exact": placed.exact,
                        // The text around the quote as found, which ends with
                        // (starts with) the note's own prefix (suffix) if any.
                        "prefix": placed.before,
                        "suffix": placed.after,
                    }
                }
            });
            // The model says an annotation SHOULD have both: a creator
            // (an agent, here a `Person`) and `created`, an xsd:dateTime.
            if let Some(author) = article.note_author(note, &dossier.config.author) {
                item["creator"] = json!({ "type": "Person", "name": author });
            }
            if let Some(created) = article.note_created(note) {
                item["created"] = json!(rfc3339(created));
            }
            items.push(item);
        }
    }
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{base}annotations.jsonld"),
        "type": "AnnotationCollection",
        "label": dossier.config.title,
        "total": items.len(),
        "first": {
            "id": format!("{base}annotations.jsonld#page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": Value::Array(items),
        }
    });
    to_bytes(&collection)
}

/// Pretty-printed JSON, for the small files people read.
fn to_bytes(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value)
        .expect("views serialize: string keys, no non-finite floats");
    bytes.push(b'\n');
    bytes
}
