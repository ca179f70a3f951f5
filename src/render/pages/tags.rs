//! `tags/index.html`: every tag, with its count.

use super::{Listed, SitePage};

pub(super) const TAGS: SitePage = SitePage {
    template: "tags.html",
    listed: Listed::SITEMAP,
    variables: |views, context| context.insert("tags", &views.all_tags()),
};
