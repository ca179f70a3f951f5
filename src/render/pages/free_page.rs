//! `<slug>/index.html`: one page per free page of `content/pages/`.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::paths::{self, PAGE_ROOT};
use crate::render::Site;
use crate::render::publish::HeadMeta;
use crate::render::views::Views;

pub(super) struct FreePage;

impl FileKind for FreePage {
    fn items(&self, site: &Site) -> Vec<Item> {
        Item::each(site.dossier.pages.len())
    }

    fn path(&self, views: &Views<'_>, item: Item) -> String {
        paths::page(&views.dossier.pages[item.id].slug)
    }

    fn template(&self) -> &'static str {
        "page.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let (views, id) = (file.views, file.item.id);
        let page = &views.dossier.pages[id];
        let mut context = Context::new();
        context.insert("page_title", &page.title);
        context.insert("body_html", &views.annotated.pages[id]);
        context.insert("extra", &page.extra);
        Content::page(PAGE_ROOT, context)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        meta.title.clone_from(&views.dossier.pages[item.id].title);
    }

    fn listed(&self) -> Listed {
        Listed::SITEMAP
    }
}
