//! `404.html`: "page not found", which a web server shows in place of any
//! missing path, at any depth.

use tera::Context;

use super::{Content, File, FileKind, Item};
use crate::diagnostic::Diagnostic;
use crate::render::labels::labels;
use crate::render::publish::HeadMeta;
use crate::render::views::Views;

pub(in crate::render) struct NotFound;

impl FileKind for NotFound {
    fn path(&self, _: &Views<'_>, _: Item) -> String {
        "404.html".to_string()
    }

    fn template(&self) -> &'static str {
        "404.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        // Shown at any depth, its links cannot be relative: they are
        // absolute, from the base URL, or from the server's root without one.
        let base_url = &file.views.dossier.config.base_url;
        Content::page(
            &format!("{}/", base_url.trim_end_matches('/')),
            Context::new(),
        )
    }

    fn head(&self, views: &Views<'_>, _: Item, meta: &mut HeadMeta) {
        meta.title = labels(views.language)["not_found"].to_string();
    }

    fn canonical(&self) -> bool {
        false
    }
}
