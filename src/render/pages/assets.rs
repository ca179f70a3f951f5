//! The theme's files copied as they are (`style.css`, `search.js`,
//! `favicon.svg`), or the site's own from its `templates/`.

use super::{Content, File, FileKind, Item};
use crate::diagnostic::Diagnostic;
use crate::render::Site;
use crate::render::templates::ASSETS;
use crate::render::views::Views;

pub(super) struct Assets;

impl FileKind for Assets {
    /// One per [`ASSETS`].
    fn items(&self, _: &Site) -> Vec<Item> {
        Item::each(ASSETS.len())
    }

    fn path(&self, _: &Views<'_>, item: Item) -> String {
        ASSETS[item.id].0.to_string()
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let text = &file.site.theme.assets[file.item.id];
        Ok(Content::Bytes(text.as_bytes().to_vec()))
    }
}
