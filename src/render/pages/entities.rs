//! `entities/index.html`: every entity, grouped by type, most named first.

use super::{Listed, SitePage};

pub(super) const ENTITIES: SitePage = SitePage {
    template: "entities.html",
    listed: Listed::SITEMAP,
    variables: |file, context| context.insert("entity_groups", &file.views.all_entities()),
};
