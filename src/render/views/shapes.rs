//! The shapes of what templates see: small serializable views, one per
//! kind of thing a page shows. Paths are relative to the site root;
//! templates prefix them with `root`. Their field names are the template
//! variables users' own templates rely on.

use serde::Serialize;

use crate::extra::Extra;

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ArticleLink {
    pub title: String,
    pub path: String,
    pub date: String,
    pub date_shown: String,
    pub summary_html: Option<String>,
    pub draft: bool,
}

/// An entity in a list, with a count (mentions or articles).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntityLink {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub path: String,
    pub count: usize,
}

/// Entities of one type.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntityGroup {
    pub kind: String,
    pub label: String,
    pub entities: Vec<EntityLink>,
}

/// A tag in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TagLink {
    pub name: String,
    pub slug: String,
    pub path: String,
    pub count: usize,
}

/// Where an article comes from, ready to show.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SourceView {
    pub name: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    /// The words before `published` (`publié le`, `publié en`).
    pub published_label: Option<&'static str>,
    pub archive: Option<String>,
    pub accessed: Option<String>,
    pub accessed_label: Option<&'static str>,
}

/// The article page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ArticleView<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub date: String,
    pub date_shown: String,
    /// When the source itself was revised (its front matter's `updated:`).
    pub updated: Option<String>,
    pub updated_shown: Option<String>,
    /// The words before `updated_shown` (`mis à jour le`, `mis à jour en`).
    pub updated_label: Option<&'static str>,
    /// When the file entered the dossier (its first commit), with git.
    pub added: Option<String>,
    pub added_shown: Option<String>,
    /// When the dossier's copy last changed (its last commit), if on a
    /// later day than `added`.
    pub changed: Option<String>,
    pub changed_shown: Option<String>,
    /// The file's history in the repository, with `repo_url`.
    pub history_url: Option<String>,
    pub lang: Option<&'a str>,
    pub summary_html: Option<String>,
    pub source: Option<SourceView>,
    pub tags: Vec<TagLink>,
    pub entity_groups: Vec<EntityGroup>,
    pub body_html: std::borrow::Cow<'a, str>,
    pub note_count: usize,
    pub draft: bool,
    pub extra: &'a Extra,
}

/// A quoted passage, linked to its anchor.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PassageView {
    pub before: String,
    pub text: String,
    pub after: String,
    pub path: String,
}

/// An article that names an entity, with the passages that do.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MentioningArticle {
    pub article: ArticleLink,
    pub passages: Vec<PassageView>,
}

/// A relation seen from one of its ends.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RelationView<'a> {
    pub kind: &'a str,
    pub other: EntityLink,
    pub since: Option<String>,
    /// The words before `since` (`depuis le`, `depuis`).
    pub since_label: Option<&'static str>,
    pub until: Option<String>,
    pub until_label: Option<&'static str>,
    pub source: Option<ArticleLink>,
    pub note: Option<&'a str>,
}

/// An entity often named in the same articles.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CoMention {
    pub entity: EntityLink,
    pub shared: usize,
}

/// The entity page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntityView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub kind_label: String,
    pub aliases: &'a [String],
    pub summary: Option<&'a str>,
    pub description_html: &'a str,
    pub wikidata: Option<&'a str>,
    pub wikidata_url: Option<String>,
    pub links: &'a [String],
    pub date_shown: Option<String>,
    pub end_shown: Option<String>,
    pub relations_out: Vec<RelationView<'a>>,
    pub relations_in: Vec<RelationView<'a>>,
    /// The articles that name it, or the part of them this page shows.
    pub mentioned_in: Vec<MentioningArticle>,
    /// How many articles name it, on every page.
    pub mentioned_in_count: usize,
    pub co_mentioned: Vec<CoMention>,
    pub notes: Vec<NoteView<'a>>,
    pub extra: &'a Extra,
}

/// A researcher's note, beside its passage or in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NoteView<'a> {
    pub number: usize,
    pub id: String,
    pub quote: &'a str,
    pub body_html: String,
    /// Who wrote it, and when (the day, ISO 8601, and as shown).
    pub author: Option<&'a str>,
    pub created: Option<String>,
    pub created_shown: Option<String>,
    pub entities: Vec<EntityLink>,
    pub tags: Vec<TagLink>,
    pub article: ArticleLink,
    /// `articles/<slug>/index.html#note-<n>`.
    pub path: String,
    /// The highlighted passage in the article.
    pub quote_path: String,
}
