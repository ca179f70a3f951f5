//! Stage 2, resolve: turns the loaded files into the [`Dossier`] model.
//! Gives articles their slugs, entities their ids, tags their accent-folded
//! slugs; checks that all of these are unique and that every reference
//! (`entities:`, relations and their sources) points at something real.

mod article;
mod names;
mod redirects;
mod references;
mod tags;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::ids::{ArticleId, TagId};
use crate::load::git::History;
use crate::load::meta::check_slug;
use crate::load::meta::{ArticleMeta, EntityMeta, PageMeta};
use crate::load::{Document, Loaded, SourceFile, Unreadable};
use crate::model::{Dossier, Entity, Note, Page, RelationsOf};
use crate::paths;
use article::article;
use references::References;
use tags::TagIndex;

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
            .map(|(i, (slug, _))| (slug.as_str(), ArticleId(i)))
            .collect(),
        every_slug: &every_slug,
        unreadable: &unreadable,
        errors: &mut errors,
    };
    let mut tags = TagIndex::default();
    let resolved_articles: Vec<_> = articles
        .iter()
        .enumerate()
        .map(|(index, (_, doc))| references.article(ArticleId(index), doc, &mut tags))
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
    let mut relations_of = vec![RelationsOf::default(); entities.len()];
    for (index, relation) in relations.iter().enumerate() {
        relations_of[relation.from].outgoing.push(index);
        relations_of[relation.to].incoming.push(index);
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
        names: aliases,
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
    let index = ArticleId(
        dossier
            .articles
            .iter()
            .position(|a| a.file.path == doc.file.path)?,
    );
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
        || doc.meta.old_paths != old.old_paths
    {
        return None;
    }
    // Tags are looked up in a copy: the dossier's lists must not change.
    let mut tags = TagIndex {
        by_slug: dossier
            .tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.slug.clone(), TagId(i)))
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
        .chain(doc.meta.notes.iter().flat_map(|a| &a.tags));
    let mut spelled: BTreeMap<TagId, &str> = BTreeMap::new();
    for name in written {
        if let Some(tag) = tags.intern(name) {
            spelled.entry(tag).or_insert(name.trim());
        }
    }
    let renames = spelled.iter().any(|(tag, spelling)| {
        dossier.tags.get(tag.0).is_none_or(|tag| {
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
    let mut by_slug: BTreeMap<String, (Option<i64>, Page)> = BTreeMap::new();
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
        if let Some((_, first)) = by_slug.get(&slug) {
            errors.push(
                Diagnostic::error(&doc.file.path, format!("duplicate page slug `{slug}`"))
                    .with_help(format!("`{}` has the same slug", first.file.path.display())),
            );
            continue;
        }
        let weight = doc.meta.weight;
        let page = Page {
            slug: slug.clone(),
            title: doc.meta.title,
            extra: doc.meta.extra,
            file: doc.file,
        };
        by_slug.insert(slug, (weight, page));
    }
    // By weight, lower first, then those without one, as Hugo and Zola
    // order them; the sort is stable, so ties stay in slug order.
    let mut pages: Vec<(Option<i64>, Page)> = by_slug.into_values().collect();
    pages.sort_by_key(|(weight, _)| (weight.is_none(), *weight));
    pages.into_iter().map(|(_, page)| page).collect()
}
