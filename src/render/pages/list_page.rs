//! The shape of the site's own lists that grow with the dossier: a list
//! one folder deep cut into pages, `articles.html` making
//! `articles/index.html`, then `articles/page/2/index.html`…, titled by
//! the interface word `articles` ("Articles, page 2").

use std::ops::Range;

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::paths;
use crate::render::Site;
use crate::render::labels::labels;
use crate::render::publish::HeadMeta;
use crate::render::views::{Pages, Views, numbered_title};

/// A list of the site's own, one page per `paginate_by` of its items; an
/// item's `part` is its page, from 0.
pub(super) struct ListPage {
    /// `<name>.html`, titled by the interface word `<name>`.
    pub template: &'static str,
    /// Where page `n` (from 1) goes.
    pub path: fn(usize) -> String,
    pub listed: Listed,
    /// How many items the whole list has.
    pub count: fn(&Site) -> usize,
    /// Puts the items of `range` in the template's context, under the
    /// name the list always had.
    pub variables: fn(&File<'_>, Range<usize>, &mut Context),
}

impl ListPage {
    fn pages(&self, site: &Site) -> Pages {
        Pages::new((self.count)(site), site.dossier.config.paginate_by)
    }
}

impl FileKind for ListPage {
    fn items(&self, site: &Site) -> Vec<Item> {
        (0..self.pages(site).count())
            .map(|part| Item { id: 0, part })
            .collect()
    }

    fn path(&self, _: &Views<'_>, item: Item) -> String {
        (self.path)(item.part + 1)
    }

    fn template(&self) -> &'static str {
        self.template
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let pages = self.pages(file.site);
        let page = file.item.part;
        let mut context = Context::new();
        (self.variables)(file, pages.range(page), &mut context);
        context.insert("pager", &pages.pager(page, self.path));
        Content::page(&paths::to_root(file.path), context)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        let name = self.template.trim_end_matches(".html");
        let title = labels(views.language)[name];
        meta.title = numbered_title(title, item.part + 1, views.language);
    }

    fn listed(&self) -> Listed {
        self.listed
    }
}
