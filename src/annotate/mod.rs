//! Stage 3, annotate: every body is rendered once (in parallel), its
//! mentions found, and the cross-references between articles and entities
//! indexed, so that entity pages are built without searching again.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

mod bodies;

pub(crate) use bodies::Bodies;

use crate::config::Autolink;
use crate::load::SourceFile;

use crate::diagnostic::Diagnostic;
use crate::ids::{ArticleId, EntityId};
use crate::markdown::{self, AnnotatedBody, Context, ProseBlock};
use crate::mentions::{PhraseKey, Target, Unlinked};
use crate::model::{Article, Dossier};
use crate::notes::Quote;
use crate::paths::{ITEM_ROOT, PAGE_ROOT};
use crate::spill::Spill;

/// An article that names an entity (or is about it).
#[derive(Debug, Clone)]
pub(crate) struct MentionedIn {
    pub article: ArticleId,
    /// The indices of its mentions of the entity, in the article's
    /// `mentions` (none for an article only about it).
    pub mentions: Vec<usize>,
}

/// The dossier's bodies as HTML, and who mentions whom.
#[derive(Debug, Default)]
pub(crate) struct Annotated {
    /// Per article: its body and mentions.
    pub articles: Bodies,
    /// Per entity: its description.
    pub entities: Vec<String>,
    /// Per page: its body.
    pub pages: Vec<String>,
    /// The home text.
    pub home: Option<String>,
    /// Per entity: the articles that name it or are about it, newest first.
    pub mentioned_in: Vec<Vec<MentionedIn>>,
    /// Per article: its entities with their mention counts, by entity id.
    pub entities_of: Vec<Vec<(EntityId, usize)>>,
    /// Per entity: the notes that name it (article, note index), newest
    /// article first.
    pub noted_in: Vec<Vec<(ArticleId, usize)>>,
    /// `not_mentions` phrases that occur nowhere.
    pub warnings: Vec<Diagnostic>,
}

/// Annotated kept between builds by `serve`. An article's annotation
/// depends only on its own file, the entities' front matter (ids, names,
/// aliases, types) and the `autolink` setting: while those stay the same,
/// an article whose text is the very same (shared) text as last time is
/// not annotated again. Entity descriptions are kept while no entity file
/// changed at all.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    /// The entity files and setting the cached annotations were made with.
    made_with: Option<(Vec<SourceFile>, Autolink)>,
    /// Each article's annotation, by file.
    articles: HashMap<PathBuf, ArticleAnnotation>,
    /// The entities' descriptions, when still good.
    entities: Option<Vec<String>>,
}

impl Cache {
    /// Forgets what `dossier` makes stale.
    fn check(&mut self, dossier: &Dossier) {
        let files: Vec<SourceFile> = dossier.entities.iter().map(|e| e.file.clone()).collect();
        let autolink = dossier.config.autolink;
        let (same_files, same_front_matter) = match &self.made_with {
            Some((old, old_autolink)) if *old_autolink == autolink && old.len() == files.len() => {
                let pairs = || old.iter().zip(&files);
                (
                    pairs().all(|(a, b)| Arc::ptr_eq(&a.text, &b.text)),
                    pairs().all(|(a, b)| {
                        a.path == b.path && (Arc::ptr_eq(&a.text, &b.text) || a.yaml() == b.yaml())
                    }),
                )
            }
            _ => (false, false),
        };
        if !same_front_matter {
            self.articles.clear();
        }
        if !same_files {
            self.entities = None;
        }
        self.made_with = Some((files, autolink));
    }

    fn article(&self, file: &SourceFile) -> Option<ArticleAnnotation> {
        let cached = self.articles.get(&file.path)?;
        Arc::ptr_eq(&cached.text, &file.text).then(|| cached.clone())
    }
}

/// One article's annotation, and its mentions grouped by entity.
#[derive(Debug, Clone)]
struct ArticleAnnotation {
    /// The text it was made from.
    text: Arc<str>,
    annotated: Arc<AnnotatedBody>,
    /// The entities it names or is about, by id, each with the indices of
    /// its mentions.
    by_entity: Arc<[(EntityId, Vec<usize>)]>,
    /// Where its HTML and passages were set aside, if they were.
    set_aside: Option<bodies::SetAside>,
}

/// Annotates what `cache` does not hold, and keeps it there; or, given a
/// `spill`, sets each article's HTML and passages aside in it as soon as
/// they are made, and keeps nothing.
pub(crate) fn annotate_cached(
    dossier: &Dossier,
    cache: &mut Cache,
    spill: Option<Spill>,
) -> Result<Annotated, Vec<Diagnostic>> {
    cache.check(dossier);
    let page = context(dossier, PAGE_ROOT, None, &[]);
    let home = context(dossier, "", None, &[]);

    let articles: Vec<_> = dossier
        .articles
        .par_iter()
        .map(|a| {
            if spill.is_none()
                && let Some(cached) = cache.article(&a.file)
            {
                return Ok((cached, false));
            }
            let quotes: Vec<Quote<'_>> = a
                .notes
                .iter()
                .map(|n| Quote {
                    exact: &n.quote,
                    prefix: n.prefix.as_deref(),
                    suffix: n.suffix.as_deref(),
                })
                .collect();
            let phrases = dossier.names.phrase_keys(&a.not_mentions);
            let item = context(dossier, ITEM_ROOT, None, &phrases);
            let file = a.file.whole().map_err(|e| vec![e])?;
            let mut annotated = markdown::annotate_with_notes(&file, &item, &quotes)?;
            // Each note's HTML once, for its article, entity and tag pages.
            for (placed, note) in annotated.notes.iter_mut().zip(&a.notes) {
                placed.html = markdown::note(&note.text);
            }
            let mut by_entity: std::collections::BTreeMap<EntityId, Vec<usize>> =
                a.about.iter().map(|e| (*e, Vec::new())).collect();
            for (index, mention) in annotated.mentions.iter().enumerate() {
                by_entity.entry(mention.entity).or_default().push(index);
            }
            let by_entity: Arc<[(EntityId, Vec<usize>)]> = by_entity.into_iter().collect();
            let set_aside = match &spill {
                Some(spill) => Some(
                    bodies::set_aside(spill, &mut annotated, &by_entity).map_err(|e| {
                        vec![
                            Diagnostic::error(
                                &a.file.path,
                                format!("could not set its text aside in a temporary file: {e}"),
                            )
                            .with_help("check that the disk of the output folder has room"),
                        ]
                    })?,
                ),
                None => None,
            };
            let made = ArticleAnnotation {
                set_aside,
                text: Arc::clone(&a.file.text),
                annotated: Arc::new(annotated),
                by_entity,
            };
            Ok((made, true))
        })
        .collect();
    let entities: Vec<_> = match &cache.entities {
        Some(descriptions) => descriptions.iter().cloned().map(Ok).collect(),
        None => dossier
            .entities
            .par_iter()
            .enumerate()
            .map(|(id, e)| {
                let id = EntityId(id);
                markdown::annotate(&e.file, &context(dossier, ITEM_ROOT, Some(id), &[]))
                    .map(|a| a.html)
            })
            .collect(),
    };
    let pages: Vec<_> = dossier
        .pages
        .iter()
        .map(|p| markdown::annotate(&p.file, &page).map(|a| a.html))
        .collect();
    let home = dossier
        .home
        .as_ref()
        .map(|h| markdown::annotate(&h.file, &home).map(|a| a.html));

    let mut errors = Vec::new();
    let articles = successes(articles, &mut errors);
    let entities = successes(entities, &mut errors);
    let pages = successes(pages, &mut errors);
    let home = successes(home.into_iter().collect(), &mut errors).pop();
    if !errors.is_empty() {
        return Err(errors);
    }
    // Keep what was made; forget files that are gone once they pile up.
    // A build, which sets the texts aside, keeps nothing.
    if spill.is_some() || cache.articles.len() > 2 * articles.len() {
        cache.articles.clear();
    }
    let kept = if spill.is_some() {
        &[][..]
    } else {
        &articles[..]
    };
    for (article, (made, is_new)) in dossier.articles.iter().zip(kept) {
        if *is_new || !cache.articles.contains_key(&article.file.path) {
            cache
                .articles
                .insert(article.file.path.clone(), made.clone());
        }
    }
    cache.entities = Some(entities.clone());

    let mut mentioned_in: Vec<Vec<MentionedIn>> = vec![Vec::new(); dossier.entities.len()];
    let mut entities_of = Vec::with_capacity(articles.len());
    for (article_id, (made, _)) in articles.iter().enumerate() {
        let article_id = ArticleId(article_id);
        entities_of.push(made.by_entity.iter().map(|(e, m)| (*e, m.len())).collect());
        // Articles are newest first already, so each list is too.
        for (entity, mentions) in made.by_entity.iter() {
            mentioned_in[*entity].push(MentionedIn {
                article: article_id,
                mentions: mentions.clone(),
            });
        }
    }
    let mut noted_in: Vec<Vec<(ArticleId, usize)>> = vec![Vec::new(); dossier.entities.len()];
    for (article_id, article) in dossier.articles.iter().enumerate() {
        let article_id = ArticleId(article_id);
        for (index, note) in article.notes.iter().enumerate() {
            for entity in &note.entities {
                noted_in[*entity].push((article_id, index));
            }
        }
    }
    let mut warnings = unmet_phrases(dossier, &articles);
    warnings.extend(wikilinks_in_notes(dossier));
    Ok(Annotated {
        warnings,
        noted_in,
        articles: match spill {
            Some(spill) => {
                let (bodies, places) = articles
                    .into_iter()
                    .filter_map(|(made, _)| Some((made.annotated, made.set_aside?)))
                    .unzip();
                Bodies::set_aside(bodies, spill, places)
            }
            None => Bodies::in_memory(
                articles
                    .into_iter()
                    .map(|(made, _)| made.annotated)
                    .collect(),
            ),
        },
        entities,
        pages,
        home,
        mentioned_in,
        entities_of,
    })
}

/// The blocks of `article` as a reader sees them, with what the mention
/// finder searched and found: the same context as [`annotate_cached`]
/// gives it (the dossier's names and the article's own `not_mentions`).
pub(crate) fn prose_of(
    dossier: &Dossier,
    article: &Article,
) -> Result<Vec<ProseBlock>, Vec<Diagnostic>> {
    let phrases = dossier.names.phrase_keys(&article.not_mentions);
    let file = article.file.whole().map_err(|e| vec![e])?;
    markdown::prose(&file, &context(dossier, ITEM_ROOT, None, &phrases))
}

/// A warning at each note's first `[[wikilink]]`, which its HTML shows as
/// written: a note is shown on article, entity and tag pages of different
/// depths, and names are not looked for in it.
fn wikilinks_in_notes(dossier: &Dossier) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for article in &dossier.articles {
        for (number, note) in article.notes.iter().enumerate() {
            let Some((written, target)) = markdown::first_wikilink(&note.text) else {
                continue;
            };
            let id = match dossier.names.resolve(&target) {
                Some(Target::Entity(entity)) => dossier.entities[entity.0].id.as_str(),
                _ => "its-id",
            };
            let message = format!(
                "annotation {}: `{written}` is shown as written: a note's text links no entity",
                number + 1
            );
            let mut warning = article
                .file
                .error_in_item("annotations", number, "note", &note.text, message)
                .with_help(format!(
                    "list the entity in the note's `entities` (`entities: [{id}]`): it is then \
                     shown under the note, linked, and the note on the entity's page"
                ))
                .into_warning();
            // At the wikilink itself, when the line shown holds it.
            if let (Some(line), Some((line_number, _))) = (&warning.source_line, warning.position)
                && let Some(at) = line.find(written)
            {
                warning.position = Some((line_number, line[..at].chars().count() + 1));
            }
            warnings.push(warning);
        }
    }
    warnings
}

/// A warning for each `not_mentions` phrase that no article has: an
/// article's own in its text, an entity's in any article.
fn unmet_phrases(dossier: &Dossier, articles: &[(ArticleAnnotation, bool)]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut met = BTreeSet::new();
    let unmet = |file: &SourceFile, phrase: &str, where_not: &str| {
        file.error_at_value(
            "not_mentions",
            phrase,
            format!("`not_mentions`: `{phrase}` {where_not}"),
        )
        .with_help("write the phrase as it reads in the text, or remove it")
        .into_warning()
    };
    for (article, (made, _)) in dossier.articles.iter().zip(articles) {
        let unlinked = &made.annotated.unlinked;
        for (index, phrase) in article.not_mentions.iter().enumerate() {
            if !unlinked.contains(&Unlinked::Article(index)) {
                warnings.push(unmet(
                    &article.file,
                    phrase,
                    "does not occur in this article",
                ));
            }
        }
        for found in unlinked {
            if let Unlinked::Entity(pattern) = found {
                met.extend(dossier.names.phrases_of(*pattern));
            }
        }
    }
    for (index, (entity, phrase)) in dossier.names.phrases().iter().enumerate() {
        if !met.contains(&index) {
            warnings.push(unmet(
                &dossier.entities[*entity].file,
                phrase,
                "occurs in no article",
            ));
        }
    }
    warnings
}

/// What the annotator needs for a body at `root` (relative path to the
/// site root): `itself` is the entity described, `phrases` the article's
/// own `not_mentions`.
fn context<'a>(
    dossier: &'a Dossier,
    root: &'a str,
    itself: Option<EntityId>,
    phrases: &'a [PhraseKey],
) -> Context<'a> {
    Context {
        names: &dossier.names,
        entities: &dossier.entities,
        autolink: dossier.config.autolink,
        root,
        itself,
        phrases,
    }
}

/// The successful values; the errors of the others are appended to `errors`.
fn successes<T>(results: Vec<Result<T, Vec<Diagnostic>>>, errors: &mut Vec<Diagnostic>) -> Vec<T> {
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(value) => values.push(value),
            Err(mut found) => errors.append(&mut found),
        }
    }
    values
}
