//! The model's [`Article`] made from its front matter, once resolve has
//! found its slug, entities, tags and notes: shared by a full resolve and
//! by `serve`'s resolve of one edited article.

use crate::ids::{EntityId, TagId};
use crate::load::Document;
use crate::load::git::History;
use crate::load::meta::{ArticleMeta, SourceMeta};
use crate::model::{Article, Note, Original, Source};

/// The model's article from its document and what resolve found for it.
pub(super) fn article(
    slug: String,
    doc: Document<ArticleMeta>,
    about: Vec<EntityId>,
    tags: Vec<TagId>,
    notes: Vec<Note>,
    history: &History,
) -> Article {
    Article {
        slug,
        title: doc.meta.title,
        date: doc.meta.date,
        updated: doc.meta.updated,
        committed: history.committed(&doc.file.path).cloned(),
        path_in_repository: history.path_in_repository(&doc.file.path),
        summary: doc.meta.summary,
        source: doc.meta.source.map(|s| source(*s)),
        lang: doc.meta.lang.map(|l| l.0),
        tags,
        about,
        notes,
        annotations_author: doc.meta.annotations_author,
        old_paths: doc.meta.old_paths,
        not_mentions: doc.meta.not_mentions,
        draft: doc.meta.draft,
        extra: doc.meta.extra,
        file: doc.file,
    }
}

/// The model's source from the front matter's.
fn source(s: SourceMeta) -> Source {
    let original = s.original.map(|path| Original {
        path: path.0,
        sha256: s.sha256.map(|h| h.0),
        charset: s.charset.map(|c| c.0),
    });
    Source {
        name: s.name,
        url: s.url.map(|u| u.0),
        author: s.author,
        published: s.published,
        archive: s.archive.map(|u| u.0),
        accessed: s.accessed,
        original,
    }
}
