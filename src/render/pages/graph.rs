//! `graph/index.html`: the entities and their links as a picture, then
//! every entity by type.

use super::{Listed, SitePage};
use crate::paths::PAGE_ROOT;
use crate::render::graph::{MAX_NODES, picture};
use crate::render::labels::labels;

pub(super) const GRAPH: SitePage = SitePage {
    template: "graph.html",
    listed: Listed::SITEMAP,
    variables: |file, context| {
        let views = file.views;
        let picture = picture(views);
        let words = labels(views.language);
        context.insert(
            "svg",
            &picture.svg(views, PAGE_ROOT, words["graph"], words["mentions"]),
        );
        context.insert("node_count", &picture.node_count());
        context.insert("drawable_count", &picture.drawable());
        context.insert("max_nodes", &MAX_NODES);
        context.insert("entity_groups", &views.all_entities());
    },
};
