//! The timeline as TimelineJS's JSON (Knight Lab's embeddable timeline):
//! every item of the timeline page an event, its start (and a period's
//! end) as `{year, month, day}` at the date's precision, its headline the
//! item's title and its text a link to its page (a relation: to both
//! entities and the article that supports it), grouped by kind.
//! Made from `render::timeline`, so that it holds what the page shows.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::{self, Write};

use serde::Serialize;

use serde_json::{Map, Value, json};

use crate::html::escape;
use crate::render::labels::labels;
use crate::render::timeline::{TimelineItem, timeline};
use crate::render::views::Views;

use super::{Streamed, site_base};

/// `2024-06-19` as `{year: 2024, month: 6, day: 19}`, with as many parts
/// as the date has.
fn date_object(iso: &str) -> Value {
    let mut date = Map::new();
    for (name, part) in ["year", "month", "day"].into_iter().zip(iso.split('-')) {
        let number: i64 = part.parse().unwrap_or_default();
        date.insert(name.into(), json!(number));
    }
    Value::Object(date)
}

/// An event's id, made from its page (`articles-treaty`), unique in the
/// file: TimelineJS links to each event by it, and two events may share
/// a page (a period's start and end, relations dated from one article).
fn unique_id(taken: &mut BTreeSet<String>, path: &str) -> String {
    let id = path.trim_end_matches("/index.html").replace('/', "-");
    let mut unique = id.clone();
    let mut number = 1;
    while !taken.insert(unique.clone()) {
        number += 1;
        unique = format!("{id}-{number}");
    }
    unique
}

/// The file: its keys in the order a JSON object of `serde_json` sorts
/// them, as the file was first made.
#[derive(Serialize)]
struct TimelineFile<E> {
    events: E,
    title: Value,
}

/// `data/timeline.json`, its events made one at a time as they are
/// written (100,000 at 100,000 articles).
pub(crate) fn timeline_json(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let config = &views.dossier.config;
    let years = timeline(views);
    let taken = RefCell::new(BTreeSet::new());
    let items = || {
        (years.iter())
            .flat_map(|year| &year.months)
            .flat_map(|month| &month.items)
    };
    let file = TimelineFile {
        events: Streamed(|| items().map(|item| event(views, item, &mut taken.borrow_mut()))),
        title: json!({ "text": { "headline": config.title, "text": config.description } }),
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    out.write_all(b"\n")
}

/// One item of the timeline as a TimelineJS event.
fn event(views: &Views<'_>, item: &TimelineItem, taken: &mut BTreeSet<String>) -> Value {
    let base = site_base(views);
    let words = labels(views.language);
    let link = |path: &str, text: &str| {
        let page = format!("{base}{}", path.strip_suffix("index.html").unwrap_or(path));
        format!("<a href=\"{}\">{}</a>", escape(&page), escape(text))
    };
    let (group, text) = match (&item.relation, &item.entity_kind_label) {
        (Some(relation), _) => {
            let mut text = format!(
                "{} {} {}",
                link(&relation.from.path, &relation.from.name),
                escape(&relation.kind),
                link(&relation.to.path, &relation.to.name)
            );
            if let Some(source) = &relation.source {
                text.push_str(&format!(" ({})", link(&source.path, &source.title)));
            }
            (words["relations"].to_string(), text)
        }
        (None, Some(kind)) => (kind.clone(), link(&item.path, &item.title)),
        (None, None) => (words["articles"].to_string(), link(&item.path, &item.title)),
    };
    let mut event = json!({
        "start_date": date_object(&item.date),
        "text": {
            "headline": escape(&item.title),
            "text": text,
        },
        "group": group,
        "unique_id": unique_id(taken, &item.path),
    });
    if let Some(end) = &item.end {
        event["end_date"] = date_object(end);
    }
    event
}
