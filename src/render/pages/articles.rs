//! `articles/index.html`: every article, newest first.

use super::{Listed, SitePage};
use crate::ids::ArticleId;

pub(super) const ARTICLES: SitePage = SitePage {
    template: "articles.html",
    listed: Listed::SITEMAP,
    variables: |file, context| {
        let views = file.views;
        let all: Vec<_> = (0..views.dossier.articles.len())
            .map(|a| views.article_link(ArticleId(a)))
            .collect();
        context.insert("articles", &all);
    },
};
