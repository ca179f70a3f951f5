//! `entities/index.html`, `entities/page/<n>/index.html`: every entity,
//! grouped by type, most named first, `paginate_by` a page; a type cut
//! by a page's end goes on under its heading on the next.

use super::{ListPage, Listed};
use crate::paths;

pub(super) const ENTITIES: ListPage = ListPage {
    template: "entities.html",
    path: paths::entities_page,
    listed: Listed::SITEMAP,
    count: |site| site.dossier.entities.len(),
    variables: |file, range, context| {
        context.insert("entity_groups", &file.views.entities_in(range));
    },
};
