//! The timeline page's view: articles, dated entities (events, periods)
//! and dated relations (an arrest, an alliance) in time order, grouped by
//! year and month.

use std::collections::BTreeMap;

use serde::Serialize;

use super::labels::{DatedLabel, dated_label, long_date, month_name, type_singular};
use super::views::{ArticleLink, EntityLink, Views};
use crate::date::{DateValue, Precision};
use crate::ids::{ArticleId, EntityId};

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
    pub items: Vec<TimelineItem>,
}

/// A year.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TimelineYear {
    pub year: i16,
    pub months: Vec<TimelineMonth>,
}

/// Everything dated, oldest first: by date (a year before its months, a
/// month before its days), entities and relations before articles on the
/// same day (the event, then what was written about it), then title.
pub(crate) fn timeline(views: &Views<'_>) -> Vec<TimelineYear> {
    let language = views.language;
    let dossier = views.dossier;
    let mut items: Vec<(DateValue, u8, TimelineItem)> = Vec::new();
    for (id, entity) in dossier.entities.iter().enumerate() {
        // A period known only by its end is placed at its end.
        if let Some(date) = entity.date.as_ref().or(entity.end.as_ref()) {
            let link = views.entity_link(EntityId(id), 0);
            items.push((
                date.clone(),
                0,
                TimelineItem {
                    kind: "entity",
                    title: link.name,
                    path: link.path,
                    date: date.iso(),
                    date_shown: long_date(date, language),
                    end: entity
                        .date
                        .as_ref()
                        .and(entity.end.as_ref())
                        .map(DateValue::iso),
                    end_shown: entity
                        .date
                        .as_ref()
                        .and(entity.end.as_ref())
                        .map(|d| long_date(d, language)),
                    entity_kind_label: Some(type_singular(&entity.kind, language)),
                    entity_kind: Some(link.kind),
                    relation: None,
                },
            ));
        }
    }
    for relation in &dossier.relations {
        // Placed by its start, or by its end when it has no start.
        let Some(date) = relation.since.as_ref().or(relation.until.as_ref()) else {
            continue;
        };
        let end = relation.since.as_ref().and(relation.until.as_ref());
        let (from, to) = (
            views.entity_link(relation.from, 0),
            views.entity_link(relation.to, 0),
        );
        items.push((
            date.clone(),
            0,
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
            },
        ));
    }
    for (id, article) in dossier.articles.iter().enumerate() {
        let link = views.article_link(ArticleId(id));
        items.push((
            article.date.clone(),
            1,
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
            },
        ));
    }
    items.sort_by(|a, b| {
        (a.0.period(), a.1, &a.2.title, &a.2.path).cmp(&(b.0.period(), b.1, &b.2.title, &b.2.path))
    });
    // `None` sorts first: a year's own items before its months.
    let mut years: BTreeMap<i16, BTreeMap<Option<i8>, Vec<TimelineItem>>> = BTreeMap::new();
    for (date, _, item) in items {
        let month = (date.precision != Precision::Year).then(|| date.day.month());
        years
            .entry(date.day.year())
            .or_default()
            .entry(month)
            .or_default()
            .push(item);
    }
    years
        .into_iter()
        .map(|(year, months)| TimelineYear {
            year,
            months: months
                .into_iter()
                .map(|(month, items)| TimelineMonth {
                    label: month.map(|m| month_name(m, language)),
                    items,
                })
                .collect(),
        })
        .collect()
}
