//! `annotations.jsonld`: every note as a W3C Web Annotation (made by
//! `render::data`).

use super::{DataFile, exported};
use crate::config::Export;
use crate::render::data::annotations_jsonld;

pub(super) const ANNOTATIONS_JSONLD: DataFile = DataFile {
    path: "annotations.jsonld",
    made: |site| exported(site, Export::Annotations),
    write: |file, out| {
        out.write_all(&annotations_jsonld(
            file.views.dossier,
            file.views.annotated,
        ))
    },
};
