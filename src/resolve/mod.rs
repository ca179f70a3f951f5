//! Stage 2, resolve: turns the loaded files into the [`Dossier`] model.
//! Gives articles their slugs, entities their ids, tags their accent-folded
//! slugs; checks that all of these are unique and that every reference
//! (`entities:`, relations and their sources) points at something real.

mod article;
mod names;
mod redirects;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::load::git::History;
use crate::load::meta::check_slug;
use crate::load::meta::{ArticleMeta, EntityMeta, PageMeta};
use crate::load::{Document, Loaded, SourceFile, Unreadable};
use crate::model::{ArticleId, Dossier, Entity, EntityId, Note, Page, Relation, Tag, TagId};
use crate::paths;
use article::article;

/// Resolves `loaded`; drafts are kept only when `include_drafts`. Gives
/// the dossier (what could be resolved) and every error, those of loading
/// included: a non-empty list means the site must not be written.
pub(crate) fn resolve(loaded: Loaded, include_drafts: bool) -> (Dossier, Vec<Diagnostic>) {
    let Loaded {
        config,
        articles,
        entities,
        pages,
        home,
        errors: load_errors,
        unreadable,
        history,
        ..
    } = loaded;
    let mut errors = load_errors;

    let mut entities = resolve_entities(entities, &mut errors);
    let article_slugs = article_slugs(&articles, &mut errors);
    // Relations may cite a draft: valid, but linked only when it is built.
    let every_slug: BTreeSet<String> = article_slugs.iter().cloned().collect();
    let articles: Vec<(String, Document<ArticleMeta>)> = article_slugs
        .into_iter()
        .zip(articles)
        .filter(|(_, doc)| include_drafts || !doc.meta.draft)
        .collect();
    // Newest first; the slug breaks ties so the order never depends on disk.
    // Sorted by index: a document is large, and moving it at each step of
    // the sort showed in `serve`'s rebuilds.
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        let ((slug_a, a), (slug_b, b)) = (&articles[a], &articles[b]);
        b.meta
            .date
            .cmp(&a.meta.date)
            .then_with(|| slug_a.cmp(slug_b))
    });
    let mut slots: Vec<Option<_>> = articles.into_iter().map(Some).collect();
    let articles: Vec<(String, Document<ArticleMeta>)> =
        order.iter().filter_map(|i| slots[*i].take()).collect();

    let mut references = References {
        entity_ids: entities.iter().map(|(e, _)| e.id.as_str()).collect(),
        published: articles
            .iter()
            .enumerate()
            .map(|(i, (slug, _))| (slug.as_str(), i))
            .collect(),
        every_slug: &every_slug,
        unreadable: &unreadable,
        errors: &mut errors,
    };
    let mut tags = TagIndex::default();
    let resolved_articles: Vec<_> = articles
        .iter()
        .enumerate()
        .map(|(index, (_, doc))| references.article(index, doc, &mut tags))
        .collect();
    let relations = references.relations(&entities);

    let pages = resolve_pages(pages, include_drafts, &mut errors);
    let (tags, new_index) = tags.finish();
    let articles = articles
        .into_iter()
        .zip(resolved_articles)
        .map(|((slug, doc), (about, article_tags, mut notes))| {
            for note in &mut notes {
                note.tags = note.tags.iter().map(|t| new_index[*t]).collect();
            }
            let tags = article_tags.into_iter().map(|t| new_index[t]).collect();
            Arc::new(article(slug, doc, about, tags, notes, &history))
        })
        .collect();
    let mut aliases = names::alias_table(&mut entities, config.accents, &mut errors);
    aliases.set_unreadable(unreadable.entity_ids);
    let home = home
        .filter(|doc| include_drafts || !doc.meta.draft)
        .map(|doc| Page {
            slug: String::new(),
            title: doc.meta.title.unwrap_or_else(|| config.title.clone()),
            extra: doc.meta.extra,
            file: doc.file,
        });
    let mut relations_of = vec![(Vec::new(), Vec::new()); entities.len()];
    for (index, relation) in relations.iter().enumerate() {
        relations_of[relation.from].0.push(index);
        relations_of[relation.to].1.push(index);
    }
    let dossier = Dossier {
        relations_of,
        config,
        articles,
        entities: entities.into_iter().map(|(e, _)| e).collect(),
        pages,
        home,
        tags,
        relations,
        aliases,
    };
    redirects::check(&dossier, &mut errors);
    (dossier, errors)
}

/// `dossier` (resolved without errors) with the article at `doc`'s path
/// edited: resolves that one article again, in place, when the edit cannot
/// change what resolve decides for the others: same slug, date and draft
/// flag (so the same order), the same tags on the article and its notes,
/// written as the tags are shown. Gives `None` when it could, or when the
/// edit is an error: then the whole dossier is resolved again (and the
/// error reported). `serve` relies on this to rebuild in milliseconds.
pub(crate) fn resolve_again(dossier: &Dossier, doc: Document<ArticleMeta>) -> Option<Dossier> {
    let index = dossier
        .articles
        .iter()
        .position(|a| a.file.path == doc.file.path)?;
    let old = &dossier.articles[index];
    let mut edited = dossier.clone();
    if old.file.yaml() == doc.file.yaml() && old.file.split.yaml == doc.file.split.yaml {
        // Only the body changed: nothing resolve reads.
        Arc::make_mut(&mut edited.articles[index]).file = doc.file;
        return Some(edited);
    }
    let mut errors = Vec::new();
    let slug = article_slugs(std::slice::from_ref(&doc), &mut errors).pop()?;
    if slug != old.slug
        || doc.meta.date != old.date
        || doc.meta.draft != old.draft
        || doc.meta.aliases != old.aliases
    {
        return None;
    }
    // Tags are looked up in a copy: the dossier's lists must not change.
    let mut tags = TagIndex {
        by_slug: dossier
            .tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.slug.clone(), i))
            .collect(),
        tags: dossier.tags.clone(),
        by_name: Default::default(),
    };
    let no_slugs = BTreeSet::new();
    let nothing_unreadable = Unreadable::default();
    let mut references = References {
        entity_ids: dossier.entities.iter().map(|e| e.id.as_str()).collect(),
        published: BTreeMap::new(),
        every_slug: &no_slugs,
        unreadable: &nothing_unreadable,
        errors: &mut errors,
    };
    let (about, article_tags, notes) = references.article(index, &doc, &mut tags);
    let note_tags = |notes: &[Note]| -> Vec<(usize, TagId)> {
        notes
            .iter()
            .enumerate()
            .flat_map(|(number, note)| note.tags.iter().map(move |t| (number, *t)))
            .collect()
    };
    if !errors.is_empty() || article_tags != old.tags || note_tags(&notes) != note_tags(&old.notes)
    {
        return None;
    }
    // A tag is shown as first written in the first article that carries
    // it: if that is this one, a new spelling renames it.
    let written = doc
        .meta
        .tags
        .iter()
        .chain(doc.meta.annotations.iter().flat_map(|a| &a.tags));
    let mut spelled: BTreeMap<TagId, &str> = BTreeMap::new();
    for name in written {
        if let Some(tag) = tags.intern(name) {
            spelled.entry(tag).or_insert(name.trim());
        }
    }
    let renames = spelled.iter().any(|(tag, spelling)| {
        dossier.tags.get(*tag).is_none_or(|tag| {
            let first = tag.articles.first().copied().into_iter();
            let first = first.chain(tag.notes.first().map(|(a, _)| *a)).min();
            first == Some(index) && tag.name != *spelling
        })
    });
    if renames {
        return None;
    }
    // The file's history is what it was: an edit is not a commit.
    let mut article = article(slug, doc, about, article_tags, notes, &History::default());
    article.committed.clone_from(&old.committed);
    (article.path_in_repository).clone_from(&old.path_in_repository);
    edited.articles[index] = Arc::new(article);
    Some(edited)
}

/// `dossier` with new descriptions for some entities, whose front matter
/// (all that resolve reads) is the same; `None` if one is not in it.
pub(crate) fn with_entity_bodies(dossier: &Dossier, files: Vec<SourceFile>) -> Option<Dossier> {
    let mut edited = dossier.clone();
    for file in files {
        let entity = edited
            .entities
            .iter_mut()
            .find(|e| e.file.path == file.path)?;
        entity.file = file;
    }
    Some(edited)
}

/// What references are checked against: entity ids, article slugs, and
/// the files that failed to load (references to them are not reported).
struct References<'a> {
    /// Sorted, as the entities are.
    entity_ids: Vec<&'a str>,
    /// Slug of each article built, and its index.
    published: BTreeMap<&'a str, ArticleId>,
    /// Every article's slug, drafts included.
    every_slug: &'a BTreeSet<String>,
    unreadable: &'a Unreadable,
    errors: &'a mut Vec<Diagnostic>,
}

impl References<'_> {
    fn entity(&self, id: &str) -> Option<EntityId> {
        self.entity_ids.binary_search(&id).ok()
    }

    /// The entities `ids` name, each once; unknown ids are errors.
    fn entities(&mut self, file: &SourceFile, ids: &[String], list: IdList) -> Vec<EntityId> {
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
    fn article(
        &mut self,
        index: ArticleId,
        doc: &Document<ArticleMeta>,
        tags: &mut TagIndex,
    ) -> (Vec<EntityId>, Vec<usize>, Vec<Note>) {
        let about = self.entities(&doc.file, &doc.meta.entities, IdList::About);
        let article_tags = tags.intern_all(&doc.file, &doc.meta.tags, self.errors);
        for tag in &article_tags {
            tags.tags[*tag].articles.push(index);
        }
        let mut notes = Vec::with_capacity(doc.meta.annotations.len());
        for (number, annotation) in doc.meta.annotations.iter().enumerate() {
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
    fn relations(&mut self, entities: &[(Entity, EntityMeta)]) -> Vec<Relation> {
        let mut relations = Vec::new();
        for (from, (entity, meta)) in entities.iter().enumerate() {
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
    fn source(&mut self, file: &SourceFile, number: usize, slug: &str) -> Option<ArticleId> {
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

/// Tags met so far, by slug, in the order first met.
#[derive(Default)]
struct TagIndex {
    tags: Vec<Tag>,
    by_slug: BTreeMap<String, usize>,
    /// Each name as written, once folded: a dossier has few tag names
    /// written many times, and folding is the costly part.
    by_name: std::collections::HashMap<String, Option<usize>>,
}

impl TagIndex {
    /// The tag `name` stands for, made on first use; `None` when the name
    /// has nothing to make a URL from. Names that fold to the same slug
    /// (`Sécurité`, `securite`) are one tag, shown as first written.
    fn intern(&mut self, name: &str) -> Option<usize> {
        if let Some(tag) = self.by_name.get(name) {
            return *tag;
        }
        let tag = self.intern_new(name);
        self.by_name.insert(name.to_string(), tag);
        tag
    }

    fn intern_new(&mut self, name: &str) -> Option<usize> {
        let slug = slug::slugify(name);
        if slug.is_empty() {
            return None;
        }
        let tags = &mut self.tags;
        Some(*self.by_slug.entry(slug.clone()).or_insert_with(|| {
            tags.push(Tag {
                name: name.trim().to_string(),
                slug,
                articles: Vec::new(),
                notes: Vec::new(),
            });
            tags.len() - 1
        }))
    }

    /// The tags `names` stand for, each once; a name with nothing to make
    /// a URL from is an error.
    fn intern_all(
        &mut self,
        file: &SourceFile,
        names: &[String],
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        for name in names {
            match self.intern(name) {
                Some(tag) if !found.contains(&tag) => found.push(tag),
                Some(_) => {}
                None => errors.push(untaggable(file, name)),
            }
        }
        found
    }

    /// The tags sorted by slug, so that their order never depends on file
    /// order, and the new index of each tag by its old one.
    fn finish(self) -> (Vec<Tag>, Vec<usize>) {
        let mut order: Vec<usize> = (0..self.tags.len()).collect();
        order.sort_by(|a, b| self.tags[*a].slug.cmp(&self.tags[*b].slug));
        let mut new_index = vec![0; self.tags.len()];
        for (new, old) in order.iter().enumerate() {
            new_index[*old] = new;
        }
        let mut slots: Vec<Option<Tag>> = self.tags.into_iter().map(Some).collect();
        let tags = order.iter().filter_map(|old| slots[*old].take()).collect();
        (tags, new_index)
    }
}

fn untaggable(file: &SourceFile, name: &str) -> Diagnostic {
    file.error_at_value(
        "tags",
        name,
        format!("tag `{name}` has no letters or digits to make a URL from"),
    )
}

/// Entities sorted by id, with their front matter kept for relations.
fn resolve_entities(
    documents: Vec<Document<EntityMeta>>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(Entity, EntityMeta)> {
    let mut by_id: BTreeMap<String, (Entity, EntityMeta)> = BTreeMap::new();
    for doc in documents {
        let id = paths::file_stem(&doc.file.path);
        if let Err(message) = check_slug(&id) {
            errors.push(
                Diagnostic::error(
                    &doc.file.path,
                    format!(
                        "entity id (the file name) {}",
                        message.trim_start_matches("invalid slug ")
                    ),
                )
                .with_help("rename the file: its stem is the entity id"),
            );
            continue;
        }
        if let Some((first, _)) = by_id.get(&id) {
            errors.push(
                Diagnostic::error(&doc.file.path, format!("duplicate entity id `{id}`")).with_help(
                    format!(
                        "`{}` already has this id; ids must be unique across all folders",
                        first.file.path.display()
                    ),
                ),
            );
            continue;
        }
        let meta = doc.meta;
        let entity = Entity {
            id: id.clone(),
            name: meta.name.trim().to_string(),
            kind: meta.kind.0.clone(),
            aliases: meta.aliases.clone(),
            summary: meta.summary.clone(),
            wikidata: meta.wikidata.as_ref().map(|w| w.0.clone()),
            links: meta.links.iter().map(|l| l.0.clone()).collect(),
            date: meta.date.clone(),
            end: meta.end.clone(),
            extra: meta.extra.clone(),
            file: doc.file,
        };
        by_id.insert(id, (entity, meta));
    }
    by_id.into_values().collect()
}

/// Each article's slug, in input order; duplicates are errors.
fn article_slugs(articles: &[Document<ArticleMeta>], errors: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
    articles
        .iter()
        .map(|doc| {
            let slug = match &doc.meta.slug {
                Some(slug) => slug.0.clone(),
                None => paths::slug_from_file_name(&doc.file.path),
            };
            if slug.is_empty() {
                errors.push(
                    Diagnostic::error(&doc.file.path, "cannot make a slug from the file name")
                        .with_help("add a `slug:` key"),
                );
            } else if let Some(first) = seen.get(&slug) {
                let error = if doc.meta.slug.is_some() {
                    doc.file.error_at_value(
                        "slug",
                        &slug,
                        format!("duplicate article slug `{slug}`"),
                    )
                } else {
                    Diagnostic::error(
                        &doc.file.path,
                        format!("duplicate article slug `{slug}` (from the file name)"),
                    )
                };
                errors.push(error.with_help(format!(
                    "`{}` has the same slug; set a different `slug:`",
                    first.display()
                )));
            } else {
                seen.insert(slug.clone(), &doc.file.path);
            }
            slug
        })
        .collect()
}

fn resolve_pages(
    documents: Vec<Document<PageMeta>>,
    include_drafts: bool,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let mut by_slug: BTreeMap<String, Page> = BTreeMap::new();
    for doc in documents {
        if doc.meta.draft && !include_drafts {
            continue;
        }
        let slug = match &doc.meta.slug {
            Some(slug) => slug.0.clone(),
            None => paths::slug_from_file_name(&doc.file.path),
        };
        if paths::RESERVED_SLUGS.contains(&slug.as_str()) || slug.is_empty() {
            errors.push(
                doc.file
                    .error_at_value(
                        "slug",
                        &slug,
                        format!("page slug `{slug}` is taken by the site itself"),
                    )
                    .with_help(format!("reserved: {}", paths::RESERVED_SLUGS.join(", "))),
            );
            continue;
        }
        if let Some(first) = by_slug.get(&slug) {
            errors.push(
                Diagnostic::error(&doc.file.path, format!("duplicate page slug `{slug}`"))
                    .with_help(format!("`{}` has the same slug", first.file.path.display())),
            );
            continue;
        }
        by_slug.insert(
            slug.clone(),
            Page {
                slug,
                title: doc.meta.title,
                extra: doc.meta.extra,
                file: doc.file,
            },
        );
    }
    by_slug.into_values().collect()
}

/// `key` (`entities` or `relations`) names an id that no entity has.
/// Where a list of entity ids is written in the front matter.
#[derive(Debug, Clone, Copy)]
enum IdList {
    /// An article's `entities:`.
    About,
    /// The `entities:` of annotation N (0-based).
    Note(usize),
    /// The `to:` of relation N (0-based).
    Relation(usize),
}

fn unknown_entity(file: &SourceFile, id: &str, known: &[&str], list: IdList) -> Diagnostic {
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
