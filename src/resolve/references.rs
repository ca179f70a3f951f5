//! Checking what front matter names against what exists: entity ids
//! (`entities:`, notes' `entities:`, relations' `to:`) and article slugs
//! (relations' `source:`), each unknown one an error at its place with a
//! "did you mean".

use std::collections::{BTreeMap, BTreeSet};

use super::tags::TagIndex;
use crate::diagnostic::Diagnostic;
use crate::ids::{ArticleId, EntityId, TagId};
use crate::load::meta::{ArticleMeta, EntityMeta};
use crate::load::{Document, SourceFile, Unreadable};
use crate::model::{Entity, Note, Relation};

/// What references are checked against: entity ids, article slugs, and
/// the files that failed to load (references to them are not reported).
pub(super) struct References<'a> {
    /// Sorted, as the entities are.
    pub(super) entity_ids: Vec<&'a str>,
    /// Slug of each article built, and its index.
    pub(super) published: BTreeMap<&'a str, ArticleId>,
    /// Every article's slug, drafts included.
    pub(super) every_slug: &'a BTreeSet<String>,
    pub(super) unreadable: &'a Unreadable,
    pub(super) errors: &'a mut Vec<Diagnostic>,
}

impl References<'_> {
    pub(super) fn entity(&self, id: &str) -> Option<EntityId> {
        self.entity_ids.binary_search(&id).ok().map(EntityId)
    }

    /// The entities `ids` name, each once; unknown ids are errors.
    pub(super) fn entities(
        &mut self,
        file: &SourceFile,
        ids: &[String],
        list: IdList,
    ) -> Vec<EntityId> {
        let mut found = Vec::new();
        for id in ids {
            match self.entity(id) {
                Some(entity) if !found.contains(&entity) => found.push(entity),
                Some(_) => {}
                None if self.unreadable.entity_ids.contains(id) => {}
                None => self
                    .errors
                    .push(unknown_entity(file, id, &self.entity_ids, list)),
            }
        }
        found
    }

    /// An article's entities, tags and notes (tags get their articles and
    /// notes recorded in `tags`).
    pub(super) fn article(
        &mut self,
        index: ArticleId,
        doc: &Document<ArticleMeta>,
        tags: &mut TagIndex,
    ) -> (Vec<EntityId>, Vec<TagId>, Vec<Note>) {
        let about = self.entities(&doc.file, &doc.meta.entities, IdList::About);
        let article_tags = tags.intern_all(&doc.file, &doc.meta.tags, self.errors);
        for tag in &article_tags {
            tags.tags[*tag].articles.push(index);
        }
        let mut notes = Vec::with_capacity(doc.meta.notes.len());
        for (number, annotation) in doc.meta.notes.iter().enumerate() {
            let entities = self.entities(&doc.file, &annotation.entities, IdList::Note(number));
            let note_tags = tags.intern_all(&doc.file, &annotation.tags, self.errors);
            for tag in &note_tags {
                tags.tags[*tag].notes.push((index, number));
            }
            notes.push(Note {
                quote: annotation.quote.clone(),
                prefix: annotation.prefix.clone(),
                suffix: annotation.suffix.clone(),
                text: annotation.note.clone(),
                author: annotation.author.clone(),
                created: annotation.created.clone(),
                entities,
                tags: note_tags,
            });
        }
        (about, article_tags, notes)
    }

    /// Every entity's relations whose target exists.
    pub(super) fn relations(&mut self, entities: &[(Entity, EntityMeta)]) -> Vec<Relation> {
        let mut relations = Vec::new();
        for (from, (entity, meta)) in entities.iter().enumerate() {
            let from = EntityId(from);
            for (number, relation) in meta.relations.iter().enumerate() {
                let Some(to) = self.entity(&relation.to) else {
                    if !self.unreadable.entity_ids.contains(&relation.to) {
                        let error = unknown_entity(
                            &entity.file,
                            &relation.to,
                            &self.entity_ids,
                            IdList::Relation(number),
                        );
                        self.errors.push(error);
                    }
                    continue;
                };
                let source = relation
                    .source
                    .as_deref()
                    .and_then(|slug| self.source(&entity.file, number, slug));
                relations.push(Relation {
                    from,
                    to,
                    kind: relation.kind.0.clone(),
                    since: relation.since.clone(),
                    until: relation.until.clone(),
                    source,
                    note: relation.note.clone(),
                });
            }
        }
        relations
    }

    /// The article a relation cites, when it is built; a slug that no
    /// article has is an error.
    pub(super) fn source(
        &mut self,
        file: &SourceFile,
        number: usize,
        slug: &str,
    ) -> Option<ArticleId> {
        if let Some(article) = self.published.get(slug) {
            return Some(*article);
        }
        if !self.every_slug.contains(slug) && !self.unreadable.article_slugs.contains(slug) {
            let message = format!(
                "relation {}: source `{slug}` is not an article slug",
                number + 1
            );
            let near =
                crate::diagnostic::nearest_ids(slug, self.every_slug.iter().map(String::as_str));
            let help = crate::diagnostic::did_you_mean(
                &near,
                "`source` takes the slug of an article: its URL is /articles/<slug>/",
            );
            self.errors.push(
                file.error_in_item("relations", number, "source", slug, message)
                    .with_help(help),
            );
        }
        None
    }
}

/// `key` (`entities` or `relations`) names an id that no entity has.
/// Where a list of entity ids is written in the front matter.
#[derive(Debug, Clone, Copy)]
pub(super) enum IdList {
    /// An article's `entities:`.
    About,
    /// The `entities:` of annotation N (0-based).
    Note(usize),
    /// The `to:` of relation N (0-based).
    Relation(usize),
}

pub(super) fn unknown_entity(
    file: &SourceFile,
    id: &str,
    known: &[&str],
    list: IdList,
) -> Diagnostic {
    let unknown = format!("names unknown entity `{id}`");
    let error = match list {
        IdList::About => file.error_at_value("entities", id, format!("`entities` {unknown}")),
        IdList::Note(n) => file.error_in_item(
            "annotations",
            n,
            "entities",
            id,
            format!("annotation {}: `entities` {unknown}", n + 1),
        ),
        IdList::Relation(n) => file.error_in_item(
            "relations",
            n,
            "to",
            id,
            format!("relation {}: `to` {unknown}", n + 1),
        ),
    };
    let near = crate::diagnostic::nearest_ids(id, known.iter().copied());
    error.with_help(crate::diagnostic::did_you_mean(
        &near,
        "entity ids are the file names under content/entities/",
    ))
}
