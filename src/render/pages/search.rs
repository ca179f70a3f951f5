//! `search/index.html`: the search page. The index it reads is made apart,
//! by `render::search`, beside the pages, from the pages whose kind says
//! they are searched; the page is not in the sitemap: it shows nothing
//! until asked.

use super::{Listed, SitePage, searched_count};
use crate::render::search::TEXTS_PER_FILE;

pub(super) const SEARCH: SitePage = SitePage {
    template: "search.html",
    listed: Listed::NOWHERE,
    variables: |file, context| {
        context.insert("document_count", &searched_count(file.site));
        context.insert("texts_per_file", &TEXTS_PER_FILE);
    },
};
