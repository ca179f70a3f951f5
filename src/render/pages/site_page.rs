//! The shape most of the site's own pages share: one page one folder deep,
//! named alike everywhere: `tags.html` makes `tags/index.html`, titled by
//! the interface word `tags`.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::paths::PAGE_ROOT;
use crate::render::labels::labels;
use crate::render::publish::HeadMeta;
use crate::render::views::Views;

/// A page of the site's own, one folder deep.
pub(super) struct SitePage {
    /// `<name>.html`, which makes `<name>/index.html`, titled by the
    /// interface word `<name>` (a key of `labels`).
    pub template: &'static str,
    pub listed: Listed,
    /// Puts the page's own variables in its template's context.
    pub variables: fn(&File<'_>, &mut Context),
}

impl SitePage {
    fn name(&self) -> &'static str {
        self.template.trim_end_matches(".html")
    }
}

impl FileKind for SitePage {
    fn path(&self, _: &Views<'_>, _: Item) -> String {
        format!("{}/index.html", self.name())
    }

    fn template(&self) -> &'static str {
        self.template
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let mut context = Context::new();
        (self.variables)(file, &mut context);
        Content::page(PAGE_ROOT, context)
    }

    fn head(&self, views: &Views<'_>, _: Item, meta: &mut HeadMeta) {
        meta.title = labels(views.language)[self.name()].to_string();
    }

    fn listed(&self) -> Listed {
        self.listed
    }
}
