//! `entities/<id>/page/<n>/index.html`: the pages after an entity's first,
//! when its quoted passages and notes are more than `paginate_by`. Of
//! their own kind so that the search index holds each entity once.

use super::{Content, File, FileKind, Item, Listed, entity};
use crate::diagnostic::Diagnostic;
use crate::ids::EntityId;
use crate::paths;
use crate::render::Site;
use crate::render::publish::HeadMeta;
use crate::render::views::{Views, numbered_title};

pub(super) struct EntityPages;

impl FileKind for EntityPages {
    fn items(&self, site: &Site) -> Vec<Item> {
        let views = site.views();
        (0..site.dossier.entities.len())
            .flat_map(|id| {
                let pages = views.entity_pages(EntityId(id)).count();
                (1..pages).map(move |part| Item { id, part })
            })
            .collect()
    }

    fn path(&self, views: &Views<'_>, item: Item) -> String {
        paths::entity_page(&views.dossier.entities[item.id].id, item.part + 1)
    }

    fn template(&self) -> &'static str {
        "entity.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        entity::content(file)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        let entity = &views.dossier.entities[item.id];
        meta.title = numbered_title(&entity.name, item.part + 1, views.language);
        if let Some(summary) = &entity.summary {
            meta.description.clone_from(summary);
        }
    }

    fn listed(&self) -> Listed {
        Listed::SITEMAP
    }
}
