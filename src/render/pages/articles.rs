//! `articles/index.html`, `articles/page/<n>/index.html`: every article,
//! newest first, `paginate_by` a page.

use super::{ListPage, Listed};
use crate::ids::ArticleId;
use crate::paths;

pub(super) const ARTICLES: ListPage = ListPage {
    template: "articles.html",
    path: paths::articles_page,
    listed: Listed::SITEMAP,
    count: |site| site.dossier.articles.len(),
    variables: |file, range, context| {
        let views = file.views;
        let page: Vec<_> = range.map(|a| views.article_link(ArticleId(a))).collect();
        context.insert("articles", &page);
    },
};
