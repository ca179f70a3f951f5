//! `data/articles.csv`, `data/entities.csv`, `data/mentions.csv`,
//! `data/relations.csv`, `data/notes.csv`: the dossier as tables for a
//! spreadsheet (made by `render::exports::csv`), one kind of five files.

use super::{Content, File, FileKind, Item, exported};
use crate::config::Export;
use crate::diagnostic::Diagnostic;
use crate::render::Site;
use crate::render::exports::csv;
use crate::render::views::Views;

/// What writes a table.
type MakeTable = fn(&Views<'_>, &mut dyn std::io::Write) -> std::io::Result<()>;

/// Each table's name (`data/<name>.csv`) and what makes it.
const TABLES: [(&str, MakeTable); 5] = [
    ("articles", csv::articles),
    ("entities", csv::entities),
    ("mentions", csv::mentions),
    ("relations", csv::relations),
    ("notes", csv::notes),
];

pub(super) struct CsvTables;

impl FileKind for CsvTables {
    fn items(&self, site: &Site) -> Vec<Item> {
        match exported(site, Export::Csv) {
            true => Item::each(TABLES.len()),
            false => Vec::new(),
        }
    }

    fn path(&self, _: &Views<'_>, item: Item) -> String {
        format!("data/{}.csv", TABLES[item.id].0)
    }

    fn content(&self, _: &File<'_>) -> Result<Content, Diagnostic> {
        Ok(Content::Written(|file, out| {
            (TABLES[file.item.id].1)(file.views, out)
        }))
    }
}
