//! `articles/index.html`: every article, newest first.

use super::{Listed, SitePage};

pub(super) const ARTICLES: SitePage = SitePage {
    template: "articles.html",
    listed: Listed::SITEMAP,
    variables: |views, context| {
        let all: Vec<_> = (0..views.dossier.articles.len())
            .map(|a| views.article_link(a))
            .collect();
        context.insert("articles", &all);
    },
};
