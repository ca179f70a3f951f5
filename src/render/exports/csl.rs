//! The sources as CSL-JSON, the format Zotero imports and citation
//! processors (citeproc-js, citeproc-py, Pandoc) read: one item per
//! article that has a `source`, its id the article's slug.
//!
//! A source with a publication name is an `article-newspaper` whose
//! `container-title` is that name; one with none is a `webpage`. The
//! author is one literal name, as written (dossier does not split
//! names into given and family). The archived copy's address goes in
//! `archive_location`, CSL's place within an archive.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::date::{DateValue, Precision};

use super::Streamed;
use crate::model::Article;
use crate::render::views::Views;

/// A date as CSL's `date-parts`, at its precision.
fn date_parts(date: &DateValue) -> Value {
    let day = date.day;
    let parts = match date.precision {
        Precision::Year => vec![i64::from(day.year())],
        Precision::Month => vec![i64::from(day.year()), i64::from(day.month())],
        Precision::Day => vec![
            i64::from(day.year()),
            i64::from(day.month()),
            i64::from(day.day()),
        ],
    };
    json!({ "date-parts": [parts] })
}

/// `data/sources.csl.json`, item by item.
pub(crate) fn csl_items(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let items = Streamed(|| views.dossier.articles.iter().filter_map(|a| csl_item(a)));
    serde_json::to_writer_pretty(&mut *out, &items)?;
    out.write_all(b"\n")
}

/// The CSL item of `article`'s source, if it has one.
fn csl_item(article: &Article) -> Option<Value> {
    let source = article.source.as_ref()?;
    let mut item = Map::new();
    item.insert("id".into(), json!(article.slug));
    let kind = match source.name {
        Some(_) => "article-newspaper",
        None => "webpage",
    };
    item.insert("type".into(), json!(kind));
    item.insert("title".into(), json!(article.title));
    if let Some(name) = &source.name {
        item.insert("container-title".into(), json!(name));
    }
    if let Some(author) = &source.author {
        item.insert("author".into(), json!([{ "literal": author }]));
    }
    if let Some(url) = &source.url {
        item.insert("URL".into(), json!(url));
    }
    let issued = source.published.as_ref().unwrap_or(&article.date);
    item.insert("issued".into(), date_parts(issued));
    if let Some(accessed) = &source.accessed {
        item.insert("accessed".into(), date_parts(accessed));
    }
    if let Some(archive) = &source.archive {
        item.insert("archive_location".into(), json!(archive));
    }
    if let Some(lang) = &article.lang {
        item.insert("language".into(), json!(lang));
    }
    Some(Value::Object(item))
}
