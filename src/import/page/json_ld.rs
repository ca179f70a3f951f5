//! The article a page describes in its JSON-LD (`<script
//! type="application/ld+json">`): its object found at the top, in a list
//! or inside `@graph`, with references by `@id` followed (a publisher or
//! an author given once elsewhere in the graph, as WordPress's Yoast
//! writes them).

use std::collections::BTreeMap;

use dom_query::Document;
use serde_json::Value;

use super::Found;

/// What the JSON-LD says of the article.
#[derive(Debug, Default)]
pub(super) struct ArticleLd {
    pub headline: Option<Found>,
    /// As written: made a day by the caller.
    pub published: Option<Found>,
    pub author: Option<Found>,
    pub publisher: Option<Found>,
    pub description: Option<Found>,
    pub url: Option<Found>,
}

/// The article object of the page's JSON-LD, if any.
pub(super) fn article(document: &Document) -> ArticleLd {
    let mut objects = Vec::new();
    for node in document
        .select("script[type='application/ld+json']")
        .nodes()
    {
        // A block that is not JSON is the page's mistake: the others count.
        if let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) {
            collect(value, &mut objects);
        }
    }
    let by_id: BTreeMap<&str, &Value> = objects
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, o)))
        .collect();
    let Some(article) = objects
        .iter()
        .find(|o| is_article(o))
        .or_else(|| objects.iter().find(|o| o.get("datePublished").is_some()))
    else {
        return ArticleLd::default();
    };
    let text = |key: &str| {
        let value = article.get(key)?;
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Object(_) => value.get("@id")?.as_str()?.to_string(),
            _ => return None,
        };
        Some(Found::new(text, format!("JSON-LD {key}")))
    };
    ArticleLd {
        headline: text("headline").or_else(|| text("name")),
        published: text("datePublished"),
        author: names(article.get("author"), &by_id).map(|n| Found::new(n, "JSON-LD author")),
        publisher: names(article.get("publisher"), &by_id)
            .map(|n| Found::new(n, "JSON-LD publisher")),
        description: text("description"),
        url: text("url")
            .or_else(|| text("mainEntityOfPage"))
            .filter(|f| super::is_web_address(&f.value)),
    }
}

/// Every object in `value`: itself, the items of a list, and those of its
/// `@graph`.
fn collect(value: Value, objects: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| collect(v, objects)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect(graph, objects);
            }
            objects.push(Value::Object(map));
        }
        _ => {}
    }
}

/// An object whose `@type` is an article of some kind.
fn is_article(object: &Value) -> bool {
    let is = |t: &Value| {
        t.as_str().is_some_and(|t| {
            t.ends_with("Article") || matches!(t, "BlogPosting" | "Report" | "LiveBlogPosting")
        })
    };
    match object.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// The names in an `author` or `publisher`: a string, an object with a
/// `name` (or an `@id` naming one elsewhere), or a list of them, joined
/// with ", ".
fn names(value: Option<&Value>, by_id: &BTreeMap<&str, &Value>) -> Option<String> {
    let name_of = |value: &Value| -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            Value::Object(_) => {
                let named = value.get("name").or_else(|| {
                    let target = by_id.get(value.get("@id")?.as_str()?)?;
                    target.get("name")
                })?;
                named.as_str().map(str::to_string)
            }
            _ => None,
        }
    };
    let names: Vec<String> = match value? {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        value => name_of(value).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .map(|n| crate::spaces::collapse(n.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}
