//! The entity page's view, page by page. Its pages list its quoted
//! passages, newest article first, then the notes that name it: an entity
//! named in thousands of articles would otherwise be one page of
//! megabytes. The first page is the entity whole; the others say whose
//! passages they hold (its header) and leave out what is said once
//! (description, links, relations, neighbours).

use std::ops::Range;

use super::{
    CoMention, EntityView, MentioningArticle, Pages, PassageView, RelationView, Views, counted,
};
use crate::annotate::MentionedIn;
use crate::ids::EntityId;
use crate::model::RelationsOf;
use crate::render::labels::{DatedLabel, type_singular};

/// How many items the passages of `mentioned` count for: one each, and
/// one for an article that lists the entity in `entities:` without
/// naming it (the page says so).
fn passage_items(mentioned: &[MentionedIn]) -> usize {
    mentioned.iter().map(|m| m.mentions.len().max(1)).sum()
}

/// The part of `mentioned` that `items` (counted as [`passage_items`])
/// covers: each article with the range of its passages there, in order.
fn passages_in(mentioned: &[MentionedIn], items: &Range<usize>) -> Vec<(usize, Range<usize>)> {
    let mut shown = Vec::new();
    let mut start = 0;
    for (index, m) in mentioned.iter().enumerate() {
        let size = m.mentions.len().max(1);
        let end = start + size;
        if end > items.start && start < items.end {
            let from = items.start.saturating_sub(start);
            let to = (items.end - start).min(size);
            let passages = if m.mentions.is_empty() {
                0..0
            } else {
                from..to
            };
            shown.push((index, passages));
        }
        if end >= items.end {
            break;
        }
        start = end;
    }
    shown
}

impl<'a> Views<'a> {
    /// The pages of entity `id`: its quoted passages, then its notes.
    pub(crate) fn entity_pages(&self, id: EntityId) -> Pages {
        let items =
            passage_items(&self.annotated.mentioned_in[id]) + self.annotated.noted_in[id].len();
        Pages::new(items, self.dossier.config.paginate_by)
    }

    /// Entity `id` as its page `page` (from 0) shows it.
    pub(crate) fn entity(&self, id: EntityId, page: usize) -> EntityView<'a> {
        let dossier = self.dossier;
        let entity = &dossier.entities[id];
        let first = page == 0;
        let items = self.entity_pages(id).range(page);
        let mentioned = &self.annotated.mentioned_in[id];
        let mentioned_in = passages_in(mentioned, &items)
            .into_iter()
            .map(|(index, passages)| {
                let article = mentioned[index].article;
                let path = self.article_path(article);
                let mut mentions = self.annotated.articles.mentions_of(article, id);
                // Moved, not copied: the mentions were read for this page.
                let end = passages.end.min(mentions.len());
                let shown = passages.start.min(end)..end;
                MentioningArticle {
                    article: self.article_link(article),
                    passages: mentions
                        .drain(shown)
                        .map(|mention| PassageView {
                            path: format!("{path}#{}", mention.anchor),
                            before: mention.passage.before,
                            text: mention.passage.text,
                            after: mention.passage.after,
                        })
                        .collect(),
                }
            })
            .collect();
        // The notes come after the passages.
        let passages = passage_items(mentioned);
        let noted = items.start.saturating_sub(passages)..items.end.saturating_sub(passages);
        let notes = self.annotated.noted_in[id]
            .get(noted)
            .unwrap_or_default()
            .iter()
            .map(|(a, n)| self.note(*a, *n))
            .collect();
        let (relations_out, relations_in) = if first {
            self.relations(id)
        } else {
            (Vec::new(), Vec::new())
        };
        EntityView {
            id: &entity.id,
            name: &entity.name,
            kind: &entity.kind,
            kind_label: type_singular(&entity.kind, self.language),
            aliases: &entity.aliases,
            summary: entity.summary.as_deref(),
            description_html: if first {
                &self.annotated.entities[id]
            } else {
                ""
            },
            wikidata: entity.wikidata.as_deref().filter(|_| first),
            wikidata_url: entity
                .wikidata
                .as_ref()
                .filter(|_| first)
                .map(|q| format!("https://www.wikidata.org/wiki/{q}")),
            links: if first { &entity.links } else { &[] },
            date_shown: entity.date.as_ref().map(|d| self.date(d)),
            // `end` the same day as `date` is a day, not a span.
            end_shown: entity
                .end
                .as_ref()
                .filter(|end| {
                    !entity
                        .date
                        .as_ref()
                        .is_some_and(|date| end.shown_alike(date))
                })
                .map(|d| self.date(d)),
            relations_out,
            relations_in,
            mentioned_in,
            mentioned_in_count: mentioned.len(),
            co_mentioned: if first {
                self.co_mentioned(id)
            } else {
                Vec::new()
            },
            notes,
            extra: &entity.extra,
        }
    }

    /// The relations of `id`: those it declares, and those naming it.
    fn relations(&self, id: EntityId) -> (Vec<RelationView<'a>>, Vec<RelationView<'a>>) {
        let dossier = self.dossier;
        let relation = |r: &'a crate::model::Relation, other: EntityId| RelationView {
            kind: &r.kind,
            other: self.entity_link(other, 0),
            since: r.since.as_ref().map(|d| self.date(d)),
            since_label: r.since.as_ref().map(|d| self.label(DatedLabel::Since, d)),
            until: r.until.as_ref().map(|d| self.date(d)),
            until_label: r.until.as_ref().map(|d| self.label(DatedLabel::Until, d)),
            source: r.source.map(|a| self.article_link(a)),
            note: r.note.as_deref(),
        };
        let RelationsOf { outgoing, incoming } = &dossier.relations_of[id];
        let relations_out = outgoing
            .iter()
            .map(|r| &dossier.relations[*r])
            .map(|r| relation(r, r.to))
            .collect();
        let relations_in = incoming
            .iter()
            .map(|r| &dossier.relations[*r])
            .map(|r| relation(r, r.from))
            .collect();
        (relations_out, relations_in)
    }

    /// Entities that share articles with `id`, most shared first, at most 12.
    fn co_mentioned(&self, id: EntityId) -> Vec<CoMention> {
        // Only the first twelve ranked: an entity of a large dossier
        // shares articles with hundreds.
        let others: Vec<EntityId> = (self.annotated.mentioned_in[id].iter())
            .flat_map(|mentioned| &self.annotated.entities_of[mentioned.article])
            .map(|(other, _)| *other)
            .filter(|other| *other != id)
            .collect();
        let mut ranked = counted(others);
        let order = |a: &(EntityId, usize), b: &(EntityId, usize)| {
            b.1.cmp(&a.1)
                .then_with(|| {
                    self.dossier.entities[a.0]
                        .name
                        .cmp(&self.dossier.entities[b.0].name)
                })
                .then(a.0.cmp(&b.0))
        };
        const SHOWN: usize = 12;
        if ranked.len() > SHOWN {
            ranked.select_nth_unstable_by(SHOWN - 1, order);
            ranked.truncate(SHOWN);
        }
        ranked.sort_by(order);
        ranked
            .into_iter()
            .map(|(other, count)| CoMention {
                entity: self.entity_link(other, count),
                shared: count,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ArticleId;

    fn named(counts: &[usize]) -> Vec<MentionedIn> {
        counts
            .iter()
            .enumerate()
            .map(|(a, &n)| MentionedIn {
                article: ArticleId(a),
                mentions: (0..n).collect(),
            })
            .collect()
    }

    /// Articles of 3, 0 (listed in `entities:`) and 2 passages: 6 items,
    /// an article's passages cut where a page ends.
    #[test]
    fn pages_cut_through_the_passages_of_an_article() {
        let mentioned = named(&[3, 0, 2]);
        assert_eq!(passage_items(&mentioned), 6);
        assert_eq!(passages_in(&mentioned, &(0..2)), [(0, 0..2)]);
        assert_eq!(passages_in(&mentioned, &(2..4)), [(0, 2..3), (1, 0..0)]);
        assert_eq!(passages_in(&mentioned, &(4..6)), [(2, 0..2)]);
        assert_eq!(passages_in(&mentioned, &(6..8)), []);
        let whole: usize = passages_in(&mentioned, &(0..6))
            .iter()
            .map(|(_, r)| r.len().max(1))
            .sum();
        assert_eq!(whole, 6);
    }
}
