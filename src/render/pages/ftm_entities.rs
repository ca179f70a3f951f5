//! `data/entities.ftm.json`: FollowTheMoney entities for OpenAleph and
//! Aleph (made by `render::exports::ftm`).

use super::{DataFile, exported};
use crate::config::Export;
use crate::render::exports::ftm::ftm_lines;

pub(super) const FTM_ENTITIES: DataFile = DataFile {
    path: "data/entities.ftm.json",
    made: |site| exported(site, Export::Ftm),
    write: |file, out| ftm_lines(file.views, out),
};
