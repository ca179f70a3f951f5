//! `dossier.json`: the whole dossier as data for other tools (made by
//! `render::data`).

use super::{DataFile, exported};
use crate::config::Export;
use crate::render::data::dossier_json;

pub(super) const DOSSIER_JSON: DataFile = DataFile {
    path: "dossier.json",
    made: |site| exported(site, Export::DossierJson),
    write: |file, out| dossier_json(file.views.dossier, file.views.annotated, out),
};
