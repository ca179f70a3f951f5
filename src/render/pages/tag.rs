//! `tags/<slug>/index.html`, `tags/<slug>/page/<n>/index.html`: one page
//! per tag and `paginate_by` of what carries it: its articles newest
//! first, then the notes that carry it. An item's `part` is its page.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::ids::TagId;
use crate::paths;
use crate::render::Site;
use crate::render::publish::HeadMeta;
use crate::render::views::{Pages, Views, numbered_title};

pub(super) struct Tag;

/// The pages of tag `id`: its articles, then its notes.
fn pages(site: &Site, id: TagId) -> Pages {
    let tag = &site.dossier.tags[id];
    Pages::new(
        tag.articles.len() + tag.notes.len(),
        site.dossier.config.paginate_by,
    )
}

impl FileKind for Tag {
    fn items(&self, site: &Site) -> Vec<Item> {
        (0..site.dossier.tags.len())
            .flat_map(|id| (0..pages(site, TagId(id)).count()).map(move |part| Item { id, part }))
            .collect()
    }

    fn path(&self, views: &Views<'_>, item: Item) -> String {
        paths::tag_page(&views.dossier.tags[item.id].slug, item.part + 1)
    }

    fn template(&self) -> &'static str {
        "tag.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let (views, id, page) = (file.views, TagId(file.item.id), file.item.part);
        let tag = &views.dossier.tags[id];
        let pages = pages(file.site, id);
        let items = pages.range(page);
        let mut context = Context::new();
        context.insert("tag", &views.tag_link(id));
        let articles: Vec<_> = tag
            .articles
            .get(items.start.min(tag.articles.len())..items.end.min(tag.articles.len()))
            .unwrap_or_default()
            .iter()
            .map(|a| views.article_link(*a))
            .collect();
        context.insert("articles", &articles);
        // The notes come after the articles.
        let before = tag.articles.len();
        let notes: Vec<_> = tag
            .notes
            .get(items.start.saturating_sub(before)..items.end.saturating_sub(before))
            .unwrap_or_default()
            .iter()
            .map(|(a, n)| views.note(*a, *n))
            .collect();
        context.insert("notes", &notes);
        context.insert(
            "pager",
            &pages.pager(page, |n| paths::tag_page(&tag.slug, n)),
        );
        Content::page(&paths::to_root(file.path), context)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        let name = &views.dossier.tags[item.id].name;
        meta.title = numbered_title(name, item.part + 1, views.language);
    }

    fn listed(&self) -> Listed {
        Listed::SITEMAP
    }
}
