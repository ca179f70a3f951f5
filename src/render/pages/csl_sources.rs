//! `data/sources.csl.json`: the articles' sources for Zotero and citation
//! processors (made by `render::exports::csl`).

use super::{DataFile, exported};
use crate::config::Export;
use crate::render::exports::csl::csl_items;

pub(super) const CSL_SOURCES: DataFile = DataFile {
    path: "data/sources.csl.json",
    made: |site| exported(site, Export::Csl),
    write: |file, out| csl_items(file.views, out),
};
