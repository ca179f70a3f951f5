//! The timeline's view: articles, dated entities (events, periods) and
//! dated relations (an arrest, an alliance) in time order, grouped by year
//! and month. The order is found once ([`placed`]), without the words;
//! each page of the timeline, a year or a part of one, then writes out
//! only its own items.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use super::labels::{DatedLabel, dated_label, long_date, month_name, type_singular};
use super::views::{ArticleLink, EntityLink, Views};
use crate::date::{DateValue, Precision};
use crate::ids::{ArticleId, EntityId};
use crate::model::{Dossier, Entity, Relation};
use crate::paths;

/// One dated item.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TimelineItem {
    /// `article` or `entity`.
    pub kind: &'static str,
    pub title: String,
    pub path: String,
    pub date: String,
    pub date_shown: String,
    /// For periods: the end.
    pub end: Option<String>,
    pub end_shown: Option<String>,
    /// For entities: their type and its name.
    pub entity_kind: Option<String>,
    pub entity_kind_label: Option<String>,
    /// For relations: who, what and according to which article.
    pub relation: Option<TimelineRelation>,
}

/// A dated relation on the timeline.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TimelineRelation {
    /// The entity that declares it.
    pub from: EntityLink,
    /// Its type word, as written.
    pub kind: String,
    pub to: EntityLink,
    /// The article that supports it, when published.
    pub source: Option<ArticleLink>,
    pub note: Option<String>,
    /// "until", in the date's precision, for a relation known only by its
    /// end ("until June 2024"); it is placed at that end.
    pub until_label: Option<&'static str>,
}

/// A month of a year; or, first in its year, what is known only to the
/// year, with no label.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TimelineMonth {
    pub label: Option<String>,
    /// The month's heading's id, `m2024-06`; none for the year's own items.
    pub id: Option<String>,
    pub items: Vec<TimelineItem>,
}

/// A year.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TimelineYear {
    pub year: i16,
    pub months: Vec<TimelineMonth>,
}

/// Where an entity is on the timeline: at its date, or at its end when
/// it is known only by its end.
fn entity_date(entity: &Entity) -> Option<&DateValue> {
    entity.date.as_ref().or(entity.end.as_ref())
}

/// Where a relation is on the timeline: at its start, or at its end when
/// it has no start; nowhere without either.
fn relation_date(relation: &Relation) -> Option<&DateValue> {
    relation.since.as_ref().or(relation.until.as_ref())
}

/// A dated thing of the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dated {
    Entity(EntityId),
    /// The number of the relation in the dossier.
    Relation(usize),
    Article(ArticleId),
}

/// A dated thing in its place on the timeline: its year, and its month
/// (none when it is dated only to the year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    pub year: i16,
    month: Option<i8>,
    dated: Dated,
}

/// What the timeline orders by: the period, the rank (0 for entities and
/// relations, 1 for articles), the title, the page.
type OrderKey = ((jiff::civil::Date, Precision), u8, String, String);

/// Everything dated, oldest first: by date (a year before its months, a
/// month before its days), entities and relations before articles on the
/// same day (the event, then what was written about it), then title, then
/// page.
pub(crate) fn placed(views: &Views<'_>) -> Vec<Placed> {
    let dossier = views.dossier;
    let mut keyed: Vec<(OrderKey, Placed)> = Vec::new();
    let mut place = |date: &DateValue, rank: u8, title: String, path: String, dated: Dated| {
        let month = (date.precision != Precision::Year).then(|| date.day.month());
        let placed = Placed {
            year: date.day.year(),
            month,
            dated,
        };
        keyed.push(((date.period(), rank, title, path), placed));
    };
    for (id, entity) in dossier.entities.iter().enumerate() {
        if let Some(date) = entity_date(entity) {
            let path = paths::entity(&entity.id);
            place(
                date,
                0,
                entity.name.clone(),
                path,
                Dated::Entity(EntityId(id)),
            );
        }
    }
    for (number, relation) in dossier.relations.iter().enumerate() {
        if let Some(date) = relation_date(relation) {
            let (from, to) = (
                &dossier.entities[relation.from],
                &dossier.entities[relation.to],
            );
            let title = format!("{} {} {}", from.name, relation.kind, to.name);
            let path = paths::entity(&from.id);
            place(date, 0, title, path, Dated::Relation(number));
        }
    }
    for (id, article) in dossier.articles.iter().enumerate() {
        let path = views.article_path(ArticleId(id));
        let dated = Dated::Article(ArticleId(id));
        place(&article.date, 1, article.title.clone(), path, dated);
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, placed)| placed).collect()
}

/// How many things are dated in each year, oldest first: what
/// [`placed`] holds, counted without ordering it.
pub(crate) fn year_counts(dossier: &Dossier) -> BTreeMap<i16, usize> {
    let mut counts = BTreeMap::new();
    let dates = (dossier.entities.iter().filter_map(entity_date))
        .chain(dossier.relations.iter().filter_map(relation_date))
        .chain(dossier.articles.iter().map(|a| &a.date));
    for date in dates {
        *counts.entry(date.day.year()).or_insert(0) += 1;
    }
    counts
}

/// The years of `placed` (in timeline order), each with the range of its
/// items there.
pub(crate) fn years(placed: &[Placed]) -> Vec<(i16, Range<usize>)> {
    let mut years = Vec::new();
    let mut start = 0;
    while let Some(first) = placed.get(start) {
        let end = start + placed[start..].partition_point(|p| p.year == first.year);
        years.push((first.year, start..end));
        start = end;
    }
    years
}

/// The words of one dated thing.
fn item(views: &Views<'_>, dated: Dated) -> TimelineItem {
    let language = views.language;
    let dossier = views.dossier;
    match dated {
        Dated::Entity(id) => {
            let entity = &dossier.entities[id];
            let date = entity_date(entity).expect("an entity on the timeline is dated");
            let link = views.entity_link(id, 0);
            let end = entity.date.as_ref().and(entity.end.as_ref());
            // An end the same day as the start is a day, not a span.
            let end = end.filter(|end| !end.shown_alike(date));
            TimelineItem {
                kind: "entity",
                title: link.name,
                path: link.path,
                date: date.iso(),
                date_shown: long_date(date, language),
                end: end.map(DateValue::iso),
                end_shown: end.map(|d| long_date(d, language)),
                entity_kind_label: Some(type_singular(&entity.kind, language)),
                entity_kind: Some(link.kind),
                relation: None,
            }
        }
        Dated::Relation(number) => {
            let relation = &dossier.relations[number];
            let date = relation_date(relation).expect("a relation on the timeline is dated");
            let end = relation.since.as_ref().and(relation.until.as_ref());
            let end = end.filter(|end| !end.shown_alike(date));
            let (from, to) = (
                views.entity_link(relation.from, 0),
                views.entity_link(relation.to, 0),
            );
            TimelineItem {
                kind: "relation",
                title: format!("{} {} {}", from.name, relation.kind, to.name),
                path: from.path.clone(),
                date: date.iso(),
                date_shown: long_date(date, language),
                end: end.map(DateValue::iso),
                end_shown: end.map(|d| long_date(d, language)),
                entity_kind: None,
                entity_kind_label: None,
                relation: Some(TimelineRelation {
                    from,
                    kind: relation.kind.clone(),
                    to,
                    source: relation.source.map(|a| views.article_link(a)),
                    note: relation.note.clone(),
                    until_label: relation
                        .since
                        .is_none()
                        .then(|| dated_label(DatedLabel::Until, date.precision, language)),
                }),
            }
        }
        Dated::Article(id) => {
            let link = views.article_link(id);
            TimelineItem {
                kind: "article",
                title: link.title,
                path: link.path,
                date: link.date,
                date_shown: link.date_shown,
                end: None,
                end_shown: None,
                entity_kind: None,
                entity_kind_label: None,
                relation: None,
            }
        }
    }
}

/// `placed` (in timeline order) written out, by year, then by month.
pub(crate) fn written(views: &Views<'_>, placed: &[Placed]) -> Vec<TimelineYear> {
    let mut years: Vec<TimelineYear> = Vec::new();
    for p in placed {
        if years.last().is_none_or(|y| y.year != p.year) {
            years.push(TimelineYear {
                year: p.year,
                months: Vec::new(),
            });
        }
        let year = years.last_mut().expect("a year was just made");
        let id = p.month.map(|m| format!("m{:04}-{m:02}", p.year));
        if year.months.last().is_none_or(|m| m.id != id) {
            year.months.push(TimelineMonth {
                label: p.month.map(|m| month_name(m, views.language)),
                id,
                items: Vec::new(),
            });
        }
        let month = year.months.last_mut().expect("a month was just made");
        month.items.push(item(views, p.dated));
    }
    years
}

/// The whole timeline, written out: what `data/timeline.json` holds.
pub(crate) fn timeline(views: &Views<'_>) -> Vec<TimelineYear> {
    written(views, &placed(views))
}

/// A year in the list of years: its first page, and how many items it
/// has; on `timeline/index.html`, its months too.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct YearLink {
    pub year: i16,
    pub path: String,
    pub count: usize,
    pub page_count: usize,
    /// The year shown on this page.
    pub current: bool,
    pub months: Vec<MonthLink>,
}

/// A month in the list of years, linked to where it starts.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MonthLink {
    /// `June`; none for what is dated only to the year, which comes first.
    pub label: Option<String>,
    pub count: usize,
    /// The page of its year where it starts, at its heading.
    pub path: String,
}

/// Every year of `placed` (in timeline order), linked to its first page,
/// `current` marked; with its months, each linked to where it starts,
/// when `with_months`.
pub(crate) fn year_links(
    views: &Views<'_>,
    placed: &[Placed],
    current: Option<i16>,
    with_months: bool,
) -> Vec<YearLink> {
    let per_page = views.dossier.config.paginate_by;
    years(placed)
        .into_iter()
        .map(|(year, range)| {
            let items = &placed[range];
            let mut months: Vec<MonthLink> = Vec::new();
            let mut month_of_last = None;
            for (index, p) in items.iter().enumerate().filter(|_| with_months) {
                match months.last_mut() {
                    Some(month) if month_of_last == Some(p.month) => month.count += 1,
                    _ => {
                        let page = paths::timeline_year(year, index / per_page + 1);
                        let anchor = p.month.map(|m| format!("#m{year:04}-{m:02}"));
                        months.push(MonthLink {
                            label: p.month.map(|m| month_name(m, views.language)),
                            count: 1,
                            path: format!("{page}{}", anchor.unwrap_or_default()),
                        });
                        month_of_last = Some(p.month);
                    }
                }
            }
            YearLink {
                year,
                path: paths::timeline_year(year, 1),
                count: items.len(),
                page_count: items.len().div_ceil(per_page.max(1)),
                current: current == Some(year),
                months,
            }
        })
        .collect()
}
