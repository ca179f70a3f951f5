//! The theme's files copied as they are (`style.css`, `search.js`,
//! `favicon.svg`), or the site's own from its `templates/`; `style.css`
//! gets a colour for each type of the dossier's own at its end.

use std::collections::BTreeSet;

use super::{Content, File, FileKind, Item};
use crate::diagnostic::Diagnostic;
use crate::render::Site;
use crate::render::labels::is_known_type;
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
        let mut bytes = text.as_bytes().to_vec();
        if ASSETS[file.item.id].0 == "style.css" {
            bytes.extend(own_type_colours(file.views).into_bytes());
        }
        Ok(Content::Bytes(bytes))
    }
}

/// How many colours the theme has for types of the dossier's own.
const OWN_COLOURS: usize = 6;

/// A colour for each type of the dossier's own (`ship`, `treaty`), from
/// the theme's `--own-1` to `--own-6` in alphabetical order, so that two of
/// them are not both the grey of `--other`. Type words are lowercase
/// letters, digits and `-`: safe in a class name as they are.
fn own_type_colours(views: &Views<'_>) -> String {
    let own: BTreeSet<&str> = (views.dossier.entities.iter())
        .map(|e| e.kind.as_str())
        .filter(|kind| !is_known_type(kind))
        .collect();
    let mut css = String::new();
    if !own.is_empty() {
        css.push_str("\n/* Types of this dossier's own (made by dossier build). */\n");
    }
    for (i, kind) in own.iter().enumerate() {
        css.push_str(&format!(
            ".t-{kind} {{ --type: var(--own-{}, var(--other)); }}\n",
            i % OWN_COLOURS + 1
        ));
    }
    css
}
