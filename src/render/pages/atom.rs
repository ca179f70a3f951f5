//! `atom.xml`: the feed of the newest articles (made by `publish`), only
//! with `base_url`.

use super::{DataFile, with_base_url};
use crate::render::publish::{atom, base};

pub(super) const ATOM: DataFile = DataFile {
    path: "atom.xml",
    made: with_base_url,
    bytes: |file| {
        let base = base(&file.views.dossier.config).unwrap_or_default();
        atom(file.views, &base)
    },
};
