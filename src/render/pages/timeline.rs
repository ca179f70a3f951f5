//! `timeline/index.html`: articles and dated entities in time order.

use super::{Listed, SitePage};
use crate::render::timeline::timeline;

pub(super) const TIMELINE: SitePage = SitePage {
    template: "timeline.html",
    listed: Listed::SITEMAP,
    variables: |file, context| context.insert("years", &timeline(file.views)),
};
