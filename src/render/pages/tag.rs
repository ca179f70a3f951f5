//! `tags/<slug>/index.html`: one page per tag, its articles newest first,
//! then the notes that carry it.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::ids::TagId;
use crate::paths::{self, ITEM_ROOT};
use crate::render::Site;
use crate::render::publish::HeadMeta;
use crate::render::views::Views;

pub(super) struct Tag;

impl FileKind for Tag {
    fn items(&self, site: &Site) -> Vec<Item> {
        Item::each(site.dossier.tags.len())
    }

    fn path(&self, views: &Views<'_>, item: Item) -> String {
        paths::tag(&views.dossier.tags[item.id].slug)
    }

    fn template(&self) -> &'static str {
        "tag.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let (views, id) = (file.views, TagId(file.item.id));
        let tag = &views.dossier.tags[id];
        let mut context = Context::new();
        context.insert("tag", &views.tag_link(id));
        let notes: Vec<_> = tag.notes.iter().map(|(a, n)| views.note(*a, *n)).collect();
        context.insert("notes", &notes);
        let articles: Vec<_> = tag
            .articles
            .iter()
            .map(|a| views.article_link(*a))
            .collect();
        context.insert("articles", &articles);
        Content::page(ITEM_ROOT, context)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        meta.title.clone_from(&views.dossier.tags[item.id].name);
    }

    fn listed(&self) -> Listed {
        Listed::SITEMAP
    }
}
