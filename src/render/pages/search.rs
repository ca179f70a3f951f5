//! `search/index.html`: the search page. The index it reads is made apart,
//! by `render::search`, beside the pages; the page is not in the sitemap:
//! it shows nothing until asked.

use super::{Listed, SitePage};
use crate::render::search::{TEXTS_PER_FILE, document_count};

pub(super) const SEARCH: SitePage = SitePage {
    template: "search.html",
    listed: Listed::NOWHERE,
    variables: |views, context| {
        context.insert("document_count", &document_count(views));
        context.insert("texts_per_file", &TEXTS_PER_FILE);
    },
};
