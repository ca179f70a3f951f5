//! `entities/<id>/index.html`: one page per entity, each a document of
//! the search index. Past `paginate_by` quoted passages and notes, they go
//! on on pages of another kind (`entity_pages`), which the index leaves
//! out.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::ids::EntityId;
use crate::paths::{self, ITEM_ROOT};
use crate::plain::html_text;
use crate::render::Site;
use crate::render::graph::neighbourhood;
use crate::render::labels::labels;
use crate::render::labels::type_singular;
use crate::render::publish::{HeadMeta, entity_json_ld};
use crate::render::search::Searched;
use crate::render::views::Views;

pub(super) struct Entity;

impl FileKind for Entity {
    fn items(&self, site: &Site) -> Vec<Item> {
        Item::each(site.dossier.entities.len())
    }

    fn path(&self, views: &Views<'_>, item: Item) -> String {
        paths::entity(&views.dossier.entities[item.id].id)
    }

    fn template(&self) -> &'static str {
        "entity.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        content(file)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        let entity = &views.dossier.entities[item.id];
        meta.title.clone_from(&entity.name);
        if let Some(summary) = &entity.summary {
            meta.description.clone_from(summary);
        }
        meta.json_ld = Some(entity_json_ld(entity, meta.canonical.as_deref()));
    }

    fn searched(&self, views: &Views<'_>, item: Item) -> Option<Searched> {
        let entity = &views.dossier.entities[item.id];
        let mut names = entity.name.clone();
        for alias in &entity.aliases {
            names.push(' ');
            names.push_str(alias);
        }
        Some(Searched {
            path: paths::entity(&entity.id),
            title: entity.name.clone(),
            names,
            kind: type_singular(&entity.kind, views.dossier.config.language),
            date: entity.date.clone(),
            summary: entity.summary.clone().unwrap_or_default(),
            body: html_text(&views.annotated.entities[item.id]),
            lang: None,
        })
    }

    fn listed(&self) -> Listed {
        Listed {
            search: true,
            ..Listed::SITEMAP
        }
    }
}

/// Page `file.item.part` (from 0) of entity `file.item.id`: the entity,
/// the part of its passages and notes the page holds, its pager, and on
/// the first page its neighbourhood.
pub(super) fn content(file: &File<'_>) -> Result<Content, Diagnostic> {
    let (views, id, page) = (file.views, EntityId(file.item.id), file.item.part);
    let entity = &views.dossier.entities[id];
    let mut context = Context::new();
    context.insert("entity", &views.entity(id, page));
    let pager = views
        .entity_pages(id)
        .pager(page, |n| paths::entity_page(&entity.id, n));
    context.insert("pager", &pager);
    let words = labels(views.language);
    let title = format!(
        "{}{} {}",
        words["neighbourhood"], words["colon"], entity.name
    );
    let picture = (page == 0).then(|| neighbourhood(views, id)).flatten();
    context.insert(
        "neighbourhood",
        &picture.map(|p| p.svg(views, ITEM_ROOT, &title, words["mentions"])),
    );
    Content::page(&paths::to_root(file.path), context)
}
