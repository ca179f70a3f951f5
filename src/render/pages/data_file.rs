//! The shape the data files share: one file at a fixed path, made
//! without a template, when the site calls for it.

use super::{Content, File, FileKind, Item, WriteFile};
use crate::config::Export;
use crate::diagnostic::Diagnostic;
use crate::render::Site;
use crate::render::publish::base;
use crate::render::views::Views;

/// A file of data for other programs.
pub(super) struct DataFile {
    /// Its path in the output.
    pub path: &'static str,
    /// Whether the site has it.
    pub made: fn(&Site) -> bool,
    /// Writes what it holds.
    pub write: WriteFile,
}

impl FileKind for DataFile {
    fn items(&self, site: &Site) -> Vec<Item> {
        match (self.made)(site) {
            true => vec![Item::ONE],
            false => Vec::new(),
        }
    }

    fn path(&self, _: &Views<'_>, _: Item) -> String {
        self.path.to_string()
    }

    fn content(&self, _: &File<'_>) -> Result<Content, Diagnostic> {
        Ok(Content::Written(self.write))
    }
}

/// `export` is one of the data files `exports` in `dossier.yaml` names.
pub(super) fn exported(site: &Site, export: Export) -> bool {
    site.dossier.config.writes(export)
}

/// Made of absolute addresses, it needs `base_url`.
pub(super) fn with_base_url(site: &Site) -> bool {
    base(&site.dossier.config).is_some()
}
