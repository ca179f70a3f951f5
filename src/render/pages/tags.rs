//! `tags/index.html`: every tag, with its count.

use super::{Listed, SitePage};

pub(super) const TAGS: SitePage = SitePage {
    template: "tags.html",
    listed: Listed::SITEMAP,
    variables: |file, context| context.insert("tags", &file.views.all_tags()),
};
