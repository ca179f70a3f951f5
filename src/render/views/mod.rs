//! What each template sees: small serializable views built from the model,
//! one per page, holding only what that page shows. Paths are relative to
//! the site root; templates prefix them with `root`.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use rayon::prelude::*;

use super::labels::{DatedLabel, dated_label, long_date, type_label, type_rank};
use super::timeline::{Placed, placed};
use crate::annotate::Annotated;
use crate::config::Language;
use crate::date::DateValue;
use crate::ids::{ArticleId, EntityId, TagId};
use crate::markdown::inline;
use crate::model::{Article, Dossier};
use crate::paths;

pub(crate) use pager::{Pages, numbered_title};
pub(crate) use shapes::*;

mod entity;
mod pager;
mod shapes;

/// Builds views from the dossier; one per site build.
pub(crate) struct Views<'a> {
    pub dossier: &'a Dossier,
    pub annotated: &'a Annotated,
    pub language: Language,
    /// Every article's link, made once by [`article_links`].
    article_links: &'a [ArticleLink],
    /// Everything dated, in timeline order, found on first use: the
    /// timeline's pages each cut theirs from it.
    timeline: OnceLock<Vec<Placed>>,
    /// The co-mentions, found on first use: the graph page and both graph
    /// exports show them.
    together: OnceLock<Vec<((EntityId, EntityId), usize)>>,
}

/// Every article's link, made once per build: lists, tag, entity and
/// timeline pages name each article many times (a million times at
/// 100,000 articles), and its summary is Markdown to render.
pub(crate) fn article_links(dossier: &Dossier) -> Vec<ArticleLink> {
    let language = dossier.config.language;
    dossier
        .articles
        .par_iter()
        .map(|article| ArticleLink {
            title: article.title.clone(),
            path: paths::article(&article.slug),
            date: article.date.iso(),
            date_shown: long_date(&article.date, language),
            summary_html: article.summary.as_deref().map(inline),
            draft: article.draft,
        })
        .collect()
}

/// Each distinct item once, in order, with how many times it occurs:
/// sorted, then counted, with fewer comparisons than a map's insert per
/// item (co-mentions run to millions at 100,000 articles).
pub(crate) fn counted<T: Ord>(mut items: Vec<T>) -> Vec<(T, usize)> {
    items.sort_unstable();
    let mut counts: Vec<(T, usize)> = Vec::new();
    for item in items {
        match counts.last_mut() {
            Some((last, count)) if *last == item => *count += 1,
            _ => counts.push((item, 1)),
        }
    }
    counts
}

/// What a path segment of a URL cannot hold as is.
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'/');

/// Where the history of `article`'s file can be browsed: `repo_url` with
/// `{path}` replaced by the file's path in the repository, or, without
/// `{path}`, the commit list as GitHub, Gitea and Forgejo (or GitLab, by
/// its host name) show it.
fn history_url(repo_url: &str, article: &Article) -> Option<String> {
    let repo = repo_url.trim_end_matches('/');
    if repo.is_empty() {
        return None;
    }
    let path = article
        .path_in_repository
        .clone()
        .unwrap_or_else(|| article.file.path.to_string_lossy().replace('\\', "/"));
    // Each segment percent-encoded: a file may be named `50% off #2.md`.
    let path = path
        .split('/')
        .map(|segment| utf8_percent_encode(segment, PATH_SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/");
    Some(if repo.contains("{path}") {
        repo.replace("{path}", &path)
    } else if repo.contains("gitlab") {
        format!("{repo}/-/commits/HEAD/{path}")
    } else {
        format!("{repo}/commits/HEAD/{path}")
    })
}

impl<'a> Views<'a> {
    /// Views of `dossier`; `article_links` are its [`article_links`].
    pub(crate) fn new(
        dossier: &'a Dossier,
        annotated: &'a Annotated,
        article_links: &'a [ArticleLink],
    ) -> Self {
        Self {
            dossier,
            annotated,
            language: dossier.config.language,
            article_links,
            timeline: OnceLock::new(),
            together: OnceLock::new(),
        }
    }

    /// Everything dated, in timeline order.
    pub(crate) fn timeline(&self) -> &[Placed] {
        self.timeline.get_or_init(|| placed(self))
    }

    /// Every pair of entities named in the same articles, with how many
    /// (see [`super::graph::named_together`]).
    pub(crate) fn named_together(&self) -> &[((EntityId, EntityId), usize)] {
        self.together
            .get_or_init(|| super::graph::named_together(self))
    }

    pub(crate) fn article_path(&self, id: ArticleId) -> String {
        paths::article(&self.dossier.articles[id].slug)
    }

    pub(crate) fn article_link(&self, id: ArticleId) -> ArticleLink {
        self.article_links[id].clone()
    }

    /// The article's summary as HTML, made once with its link.
    pub(crate) fn summary_html(&self, id: ArticleId) -> Option<&'a str> {
        self.article_links[id].summary_html.as_deref()
    }

    /// The article's summary as plain text, for what is not HTML.
    pub(crate) fn summary_text(&self, id: ArticleId) -> Option<String> {
        self.summary_html(id).map(crate::plain::html_text)
    }

    pub(crate) fn entity_link(&self, id: EntityId, count: usize) -> EntityLink {
        let entity = &self.dossier.entities[id];
        EntityLink {
            id: entity.id.clone(),
            name: entity.name.clone(),
            kind: entity.kind.clone(),
            path: paths::entity(&entity.id),
            count,
        }
    }

    pub(crate) fn tag_link(&self, id: TagId) -> TagLink {
        let tag = &self.dossier.tags[id];
        TagLink {
            name: tag.name.clone(),
            slug: tag.slug.clone(),
            path: paths::tag(&tag.slug),
            count: tag.articles.len() + tag.notes.len(),
        }
    }

    fn date(&self, date: &DateValue) -> String {
        long_date(date, self.language)
    }

    /// The words before `date` for `label`, as its precision needs them.
    fn label(&self, label: DatedLabel, date: &DateValue) -> &'static str {
        dated_label(label, date.precision, self.language)
    }

    /// Entities with counts, grouped by type (known types first), each
    /// group by descending count then name.
    pub(crate) fn group(
        &self,
        counted: impl IntoIterator<Item = (EntityId, usize)>,
    ) -> Vec<EntityGroup> {
        let mut groups: BTreeMap<(usize, String), Vec<EntityLink>> = BTreeMap::new();
        for (id, count) in counted {
            let link = self.entity_link(id, count);
            let (rank, kind) = type_rank(&link.kind);
            groups
                .entry((rank, kind.to_string()))
                .or_default()
                .push(link);
        }
        groups
            .into_iter()
            .map(|((_, kind), mut entities)| {
                entities.sort_by(|a, b| {
                    b.count
                        .cmp(&a.count)
                        .then_with(|| a.name.cmp(&b.name))
                        .then_with(|| a.id.cmp(&b.id))
                });
                EntityGroup {
                    label: type_label(&kind, self.language),
                    kind,
                    entities,
                }
            })
            .collect()
    }

    /// Every entity, with the number of articles that name it.
    pub(crate) fn all_entities(&self) -> Vec<EntityGroup> {
        self.group(
            (0..self.dossier.entities.len())
                .map(EntityId)
                .map(|id| (id, self.annotated.mentioned_in[id].len())),
        )
    }

    /// The entities `range` of [`Views::all_entities`] holds, in their
    /// groups: a page of the list of entities.
    pub(crate) fn entities_in(&self, range: Range<usize>) -> Vec<EntityGroup> {
        let mut skip = range.start;
        let mut take = range.len();
        let mut groups = Vec::new();
        for mut group in self.all_entities() {
            if take == 0 {
                break;
            }
            let here = group.entities.len();
            if skip >= here {
                skip -= here;
                continue;
            }
            group.entities = group.entities.into_iter().skip(skip).take(take).collect();
            skip = 0;
            take -= group.entities.len();
            groups.push(group);
        }
        groups
    }

    /// Every tag, by slug.
    pub(crate) fn all_tags(&self) -> Vec<TagLink> {
        (0..self.dossier.tags.len())
            .map(|id| self.tag_link(TagId(id)))
            .collect()
    }

    pub(crate) fn article(&self, id: ArticleId) -> ArticleView<'a> {
        let article: &'a Article = &self.dossier.articles[id];
        let committed = article.committed.as_ref();
        let added = committed.map(|dates| &dates.added);
        let changed = committed
            .filter(|dates| dates.changed.day > dates.added.day)
            .map(|dates| &dates.changed);
        ArticleView {
            title: &article.title,
            slug: &article.slug,
            date: article.date.iso(),
            date_shown: self.date(&article.date),
            updated: article.updated.as_ref().map(DateValue::iso),
            updated_shown: article.updated.as_ref().map(|d| self.date(d)),
            updated_label: article
                .updated
                .as_ref()
                .map(|d| self.label(DatedLabel::Updated, d)),
            added: added.map(DateValue::iso),
            added_shown: added.map(|d| self.date(d)),
            changed: changed.map(DateValue::iso),
            changed_shown: changed.map(|d| self.date(d)),
            history_url: history_url(&self.dossier.config.repo_url, article),
            lang: article.lang.as_deref(),
            summary_html: self.article_links[id].summary_html.clone(),
            source: article.source.as_ref().map(|s| SourceView {
                name: s.name.clone(),
                url: s.url.clone(),
                author: s.author.clone(),
                published: s.published.as_ref().map(|d| self.date(d)),
                published_label: s
                    .published
                    .as_ref()
                    .map(|d| self.label(DatedLabel::Published, d)),
                archive: s.archive.clone(),
                accessed: s.accessed.as_ref().map(|d| self.date(d)),
                accessed_label: s
                    .accessed
                    .as_ref()
                    .map(|d| self.label(DatedLabel::Accessed, d)),
            }),
            tags: article.tags.iter().map(|t| self.tag_link(*t)).collect(),
            entity_groups: self.group(self.annotated.entities_of[id].iter().copied()),
            body_html: self.annotated.articles.html(id),
            note_count: article.notes.len(),
            draft: article.draft,
            extra: &article.extra,
        }
    }

    /// Note `index` (0-based) of article `article`.
    pub(crate) fn note(&self, article: ArticleId, index: usize) -> NoteView<'a> {
        let written_in: &'a Article = &self.dossier.articles[article];
        let note = &written_in.notes[index];
        let created = written_in.note_created(note);
        let placed = &self.annotated.articles.notes(article)[index];
        let number = index + 1;
        let path = self.article_path(article);
        NoteView {
            number,
            id: format!("note-{number}"),
            quote: &placed.exact,
            body_html: placed.html.clone(),
            author: written_in.note_author(note, &self.dossier.config.author),
            created: created.map(DateValue::iso),
            created_shown: created.map(|d| self.date(d)),
            entities: note
                .entities
                .iter()
                .map(|e| self.entity_link(*e, 0))
                .collect(),
            tags: note.tags.iter().map(|t| self.tag_link(*t)).collect(),
            article: self.article_link(article),
            path: format!("{path}#note-{number}"),
            quote_path: format!("{path}#quote-{number}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn items_are_counted_once_each_in_order() {
        assert_eq!(
            counted(vec![3, 1, 3, 2, 3, 1]),
            vec![(1, 2), (2, 1), (3, 3)]
        );
        assert_eq!(counted(Vec::<u8>::new()), vec![]);
    }
}
