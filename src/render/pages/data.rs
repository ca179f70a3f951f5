//! `data/index.html`: the "Data" page, which links every data file with
//! what it holds and which tool opens it.

use super::{Listed, SitePage};

pub(super) const DATA: SitePage = SitePage {
    template: "data.html",
    listed: Listed::SITEMAP,
    variables: |_, _| {},
};
