//! Each page's head: its canonical address, Open Graph tags and its
//! schema.org data as JSON-LD, for search engines and link previews. What
//! differs from page to page is said by each kind of page (`pages/`); the
//! JSON-LD of articles, entities and the site is made here.

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::{base, schema_date, url};
use crate::config::Config;
use crate::model::{Article, Entity};
use crate::paths;
use crate::render::pages::Job;
use crate::render::views::Views;

/// What `base.html` puts in a page's head.
#[derive(Debug, Serialize)]
pub(crate) struct HeadMeta {
    /// The absolute address, with `base_url`.
    pub canonical: Option<String>,
    /// The page's title, for Open Graph.
    pub title: String,
    /// One line of plain text.
    pub description: String,
    /// `article` or `website`.
    pub og_type: &'static str,
    /// For articles: when published and last changed (RFC 3339), tags.
    pub published: Option<String>,
    pub modified: Option<String>,
    pub tags: Vec<String>,
    /// schema.org data, as JSON safe inside a `<script>` element.
    pub json_ld: Option<String>,
    /// The feed's address, when there is a feed.
    pub feed: Option<String>,
}

/// The head metadata of the page `job` makes, at `path`: the site's
/// title and description, and what the page's kind says of itself.
pub(in crate::render) fn head_meta(views: &Views<'_>, job: Job, path: &str) -> HeadMeta {
    let config = &views.dossier.config;
    let base = base(config);
    let canonical = match job.kind.canonical() {
        true => base.as_ref().map(|b| url(b, path)),
        false => None,
    };
    let mut meta = HeadMeta {
        canonical,
        title: config.title.clone(),
        description: config.description.clone(),
        og_type: "website",
        published: None,
        modified: None,
        tags: Vec::new(),
        json_ld: None,
        feed: base.as_ref().map(|b| format!("{b}atom.xml")),
    };
    job.kind.head(views, job.item, &mut meta);
    meta
}

/// The site as a schema.org `WebSite`, with its search as a `SearchAction`.
pub(in crate::render) fn website_json_ld(config: &Config, base: Option<&str>) -> String {
    let mut site = Map::new();
    site.insert("@context".into(), json!("https://schema.org"));
    site.insert("@type".into(), json!("WebSite"));
    site.insert("name".into(), json!(config.title));
    if !config.description.is_empty() {
        site.insert("description".into(), json!(config.description));
    }
    site.insert("inLanguage".into(), json!(config.language.code()));
    if let Some(base) = base {
        site.insert("url".into(), json!(base));
        site.insert(
            "potentialAction".into(),
            json!({
                "@type": "SearchAction",
                "target": format!("{base}search/?q={{search_term_string}}"),
                "query-input": "required name=search_term_string",
            }),
        );
    }
    script_safe(&Value::Object(site))
}

/// An article as a `NewsArticle`, based on its source; `summary` is its
/// summary's text.
pub(in crate::render) fn article_json_ld(
    views: &Views<'_>,
    id: usize,
    summary: Option<&str>,
    canonical: Option<&str>,
    base: Option<&str>,
) -> String {
    let dossier = views.dossier;
    let article: &Article = &dossier.articles[id];
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!("NewsArticle"));
    data.insert("headline".into(), json!(article.title));
    if let Some(url) = canonical {
        data.insert("url".into(), json!(url));
        data.insert("mainEntityOfPage".into(), json!(url));
    }
    data.insert("datePublished".into(), json!(schema_date(&article.date)));
    // schema.org's `dateModified` is when the CreativeWork was last
    // modified: the work here is the source (its headline, its
    // `datePublished`), so only its own `updated:` says that, never a
    // commit that changed the dossier's copy.
    if let Some(updated) = &article.updated {
        data.insert("dateModified".into(), json!(schema_date(updated)));
    }
    data.insert(
        "inLanguage".into(),
        json!(
            article
                .lang
                .as_deref()
                .unwrap_or(dossier.config.language.code())
        ),
    );
    if let Some(summary) = summary {
        data.insert("description".into(), json!(summary));
    }
    if !article.tags.is_empty() {
        let tags: Vec<&str> = article
            .tags
            .iter()
            .map(|t| dossier.tags[*t].name.as_str())
            .collect();
        data.insert("keywords".into(), json!(tags));
    }
    data.insert(
        "publisher".into(),
        json!({"@type": "Organization", "name": dossier.config.title}),
    );
    if let Some(source) = &article.source {
        let mut work = Map::new();
        work.insert("@type".into(), json!("CreativeWork"));
        if let Some(name) = &source.name {
            work.insert("name".into(), json!(name));
        }
        if let Some(url) = &source.url {
            work.insert("url".into(), json!(url));
        }
        if let Some(author) = &source.author {
            work.insert("author".into(), json!({"@type": "Person", "name": author}));
        }
        if let Some(published) = &source.published {
            work.insert("datePublished".into(), json!(published.written));
        }
        if let Some(archive) = &source.archive {
            work.insert("archivedAt".into(), json!(archive));
        }
        let work = Value::Object(work);
        data.insert("isBasedOn".into(), work.clone());
        data.insert("citation".into(), work);
    }
    let entities = &views.annotated.entities_of[id];
    if !entities.is_empty() {
        let about: Vec<Value> = entities
            .iter()
            .map(|(e, _)| {
                let entity = &dossier.entities[*e];
                let mut thing = Map::new();
                thing.insert("@type".into(), json!(schema_type(&entity.kind)));
                thing.insert("name".into(), json!(entity.name));
                if let Some(base) = base {
                    thing.insert("url".into(), json!(paths::entity_url(base, &entity.id)));
                }
                if let Some(q) = &entity.wikidata {
                    thing.insert("sameAs".into(), json!(wikidata_url(q)));
                }
                Value::Object(thing)
            })
            .collect();
        data.insert("mentions".into(), json!(about));
    }
    script_safe(&Value::Object(data))
}

/// An entity as the schema.org type of its type, the same as its
/// Wikidata item.
pub(in crate::render) fn entity_json_ld(entity: &Entity, canonical: Option<&str>) -> String {
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!(schema_type(&entity.kind)));
    data.insert("name".into(), json!(entity.name));
    if !entity.aliases.is_empty() {
        data.insert("alternateName".into(), json!(entity.aliases));
    }
    if let Some(summary) = &entity.summary {
        data.insert("description".into(), json!(summary));
    }
    if let Some(url) = canonical {
        data.insert("url".into(), json!(url));
    }
    let same_as: Vec<String> = entity
        .wikidata
        .iter()
        .map(|q| wikidata_url(q))
        .chain(entity.links.iter().cloned())
        .collect();
    if !same_as.is_empty() {
        data.insert("sameAs".into(), json!(same_as));
    }
    let dated = matches!(schema_type(&entity.kind), "Event");
    if let Some(date) = &entity.date {
        let key = if dated {
            "startDate"
        } else {
            "temporalCoverage"
        };
        data.insert(key.into(), json!(date.written));
    }
    if let (Some(end), true) = (&entity.end, dated) {
        data.insert("endDate".into(), json!(end.written));
    }
    script_safe(&Value::Object(data))
}

/// The schema.org type for an entity type word.
fn schema_type(kind: &str) -> &'static str {
    match kind {
        "person" => "Person",
        "organization" => "Organization",
        "place" => "Place",
        "country" => "Country",
        "event" => "Event",
        "document" => "CreativeWork",
        _ => "Thing",
    }
}

fn wikidata_url(q: &str) -> String {
    format!("https://www.wikidata.org/wiki/{q}")
}

/// JSON that cannot end the `<script>` element it sits in: `<`, `>` and
/// `&` are written as JSON escapes, which mean the same.
fn script_safe(value: &Value) -> String {
    let json = value.to_string();
    if !json.bytes().any(|b| matches!(b, b'<' | b'>' | b'&')) {
        return json;
    }
    let mut safe = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            c => safe.push(c),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let text = script_safe(&json!({"name": "</script><b>&"}));
        assert!(!text.contains('<') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back["name"], "</script><b>&");
    }
}
