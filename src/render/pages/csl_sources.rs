//! `data/sources.csl.json`: the articles' sources for Zotero and citation
//! processors (made by `render::exports::csl`).

use super::{DataFile, always};
use crate::render::exports::csl::csl_items;

pub(super) const CSL_SOURCES: DataFile = DataFile {
    path: "data/sources.csl.json",
    made: always,
    write: |file, out| csl_items(file.views, out),
};
