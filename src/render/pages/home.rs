//! `index.html`: the home page, with the home text, the latest articles,
//! the entities by type and the tags.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::ids::ArticleId;
use crate::render::publish::{HeadMeta, website_json_ld};
use crate::render::views::Views;

/// Articles the home page lists before its link to all of them.
const LATEST: usize = 10;

pub(super) struct Home;

impl FileKind for Home {
    fn path(&self, _: &Views<'_>, _: Item) -> String {
        "index.html".to_string()
    }

    fn template(&self) -> &'static str {
        "index.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let (views, dossier) = (file.views, file.views.dossier);
        let mut context = Context::new();
        context.insert(
            "home_title",
            &dossier.home.as_ref().map(|h| h.title.as_str()),
        );
        context.insert("home_html", &views.annotated.home);
        let latest: Vec<_> = (0..dossier.articles.len().min(LATEST))
            .map(|a| views.article_link(ArticleId(a)))
            .collect();
        context.insert("latest", &latest);
        context.insert("article_count", &dossier.articles.len());
        context.insert("entity_groups", &views.all_entities());
        context.insert("tags", &views.all_tags());
        Content::page("", context)
    }

    fn head(&self, views: &Views<'_>, _: Item, meta: &mut HeadMeta) {
        let config = &views.dossier.config;
        let base = crate::render::publish::base(config);
        meta.json_ld = Some(website_json_ld(config, base.as_deref()));
    }

    fn listed(&self) -> Listed {
        Listed::SITEMAP
    }
}
