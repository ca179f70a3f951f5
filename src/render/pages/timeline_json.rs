//! `data/timeline.json`: the timeline for TimelineJS (made by
//! `render::exports::timeline_js`).

use super::{DataFile, exported};
use crate::config::Export;
use crate::render::exports::timeline_js::timeline_json;

pub(super) const TIMELINE_JSON: DataFile = DataFile {
    path: "data/timeline.json",
    made: |site| exported(site, Export::Timelinejs),
    write: |file, out| timeline_json(file.views, out),
};
