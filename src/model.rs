//! The resolved dossier: what `resolve` gives and every later stage reads.
//! Ids and slugs are checked, cross-references are indices, lists are
//! sorted, so later stages never fail on a missing name.

use std::sync::Arc;

use crate::config::Config;
use crate::date::DateValue;
use crate::extra::Extra;
use crate::ids::{ArticleId, EntityId, TagId};
use crate::load::SourceFile;
use crate::load::git::Committed;
use crate::mentions::AliasTable;

/// One entity's relations, as indices in [`Dossier::relations`].
#[derive(Debug, Clone, Default)]
pub(crate) struct RelationsOf {
    /// Those it declares.
    pub outgoing: Vec<usize>,
    /// Those that point at it.
    pub incoming: Vec<usize>,
}

/// The whole dossier, resolved.
#[derive(Debug, Clone)]
pub(crate) struct Dossier {
    /// Site settings.
    pub config: Config,
    /// Published articles, newest first (then by slug). Shared, so that
    /// `serve` can swap one article's body for a new one without copying
    /// the others.
    pub articles: Vec<Arc<Article>>,
    /// Entities, sorted by id.
    pub entities: Vec<Entity>,
    /// Free pages in the menu's order: by `weight`, then those without
    /// one; each by slug among equals.
    pub pages: Vec<Page>,
    /// `content/_index.md`, if any.
    pub home: Option<Page>,
    /// Tags, sorted by slug.
    pub tags: Vec<Tag>,
    /// Relations between entities, in entity then file order.
    pub relations: Vec<Relation>,
    /// Per entity, its relations.
    pub relations_of: Vec<RelationsOf>,
    /// Names and aliases of every entity, for finding mentions.
    pub names: AliasTable,
}

/// An article.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    /// Its file.
    pub file: SourceFile,
    /// URL segment: `/articles/<slug>/`.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Date.
    pub date: DateValue,
    /// When the source itself was revised, as the front matter says.
    pub updated: Option<DateValue>,
    /// When its file entered the dossier and last changed in it, when the
    /// dossier is in git.
    pub committed: Option<Committed>,
    /// Its file's path in the git repository, when the dossier is in one.
    pub path_in_repository: Option<String>,
    /// One paragraph of inline Markdown.
    pub summary: Option<String>,
    /// Where it comes from.
    pub source: Option<Source>,
    /// Language of the text, if it differs from the site's.
    pub lang: Option<String>,
    /// Its tags, in front matter order.
    pub tags: Vec<TagId>,
    /// Entities the front matter says it is about.
    pub about: Vec<EntityId>,
    /// The researcher's notes on passages, in front matter order.
    pub notes: Vec<Note>,
    /// Who wrote its notes, unless a note says.
    pub annotations_author: Option<String>,
    /// Old URL paths (`aliases:`), each a redirect to the article.
    pub old_paths: Vec<String>,
    /// Phrases in which no name is found (`Baltic Pipe`).
    pub not_mentions: Vec<String>,
    /// Shown only with `--drafts`.
    pub draft: bool,
    /// Free data for templates.
    pub extra: Extra,
}

impl Article {
    /// Who wrote `note`: as it says, or as its article says, or the
    /// dossier's `author` (`site_author`, which may be empty).
    pub(crate) fn note_author<'a>(
        &'a self,
        note: &'a Note,
        site_author: &'a str,
    ) -> Option<&'a str> {
        note.author
            .as_deref()
            .or(self.annotations_author.as_deref())
            .or(Some(site_author))
            .map(str::trim)
            .filter(|name| !name.is_empty())
    }

    /// When `note` was written: as it says, or else when its article
    /// entered the dossier (its first commit). A note added later to an
    /// article is dated by the article: finding each note's own commit
    /// would take a `git blame` per article, seconds on a thousand.
    pub(crate) fn note_created<'a>(&'a self, note: &'a Note) -> Option<&'a DateValue> {
        note.created
            .as_ref()
            .or(self.committed.as_ref().map(|dates| &dates.added))
    }
}

/// Where an article comes from.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Source {
    /// Publication name.
    pub name: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// When it was published.
    pub published: Option<DateValue>,
    /// An archived copy.
    pub archive: Option<String>,
    /// When the researcher read it.
    pub accessed: Option<DateValue>,
    /// The copy kept under `sources/`: read by `check`, not published.
    #[serde(skip)]
    pub original: Option<Original>,
}

/// The page or text an article was imported from, as kept in `sources/`.
#[derive(Debug, Clone)]
pub(crate) struct Original {
    /// `sources/…`, relative to the dossier's folder.
    pub path: String,
    /// Its SHA-256, as the front matter says.
    pub sha256: Option<String>,
    /// The character set it is read in, when the front matter names one.
    pub charset: Option<String>,
}

/// A researcher's note on a passage of an article, which it quotes.
#[derive(Debug, Clone)]
pub(crate) struct Note {
    /// The passage, as a reader sees it.
    pub quote: String,
    /// Text just before the passage, to tell repeats apart.
    pub prefix: Option<String>,
    /// Text just after it.
    pub suffix: Option<String>,
    /// The note itself, Markdown.
    pub text: String,
    /// Who wrote it, as the note says.
    pub author: Option<String>,
    /// When, as the note says.
    pub created: Option<DateValue>,
    /// Entities it names.
    pub entities: Vec<EntityId>,
    /// Its tags.
    pub tags: Vec<TagId>,
}

/// A person, organization, place, event… that articles mention.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// Its file (the body is the description).
    pub file: SourceFile,
    /// The file stem: `/entities/<id>/`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Lowercase type word.
    pub kind: String,
    /// Other names found in text, as shown (an alias with endings by its
    /// first form).
    pub aliases: Vec<String>,
    /// One line.
    pub summary: Option<String>,
    /// Wikidata item id.
    pub wikidata: Option<String>,
    /// External links.
    pub links: Vec<String>,
    /// Start, for events and periods.
    pub date: Option<DateValue>,
    /// End, for periods.
    pub end: Option<DateValue>,
    /// Free data for templates.
    pub extra: Extra,
}

/// A typed link between two entities.
#[derive(Debug, Clone)]
pub(crate) struct Relation {
    /// The entity whose file declares it.
    pub from: EntityId,
    /// The entity it points at.
    pub to: EntityId,
    /// Its type word.
    pub kind: String,
    /// Since when.
    pub since: Option<DateValue>,
    /// Until when.
    pub until: Option<DateValue>,
    /// The article that supports it, when published.
    pub source: Option<ArticleId>,
    /// A remark.
    pub note: Option<String>,
}

/// A free page, or the home text.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// Its file.
    pub file: SourceFile,
    /// URL segment: `/<slug>/`.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Free data for templates.
    pub extra: Extra,
}

/// A tag and the articles that carry it.
#[derive(Debug, Clone)]
pub(crate) struct Tag {
    /// As first written.
    pub name: String,
    /// Accent-folded URL segment.
    pub slug: String,
    /// Its articles, newest first.
    pub articles: Vec<ArticleId>,
    /// Notes that carry it: article and index of the note in it.
    pub notes: Vec<(ArticleId, usize)>,
}
