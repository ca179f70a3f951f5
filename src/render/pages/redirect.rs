//! `<alias>/index.html` or `<alias>.html`: one page per old address of an
//! article (its `aliases`), sending the reader on to it.

use tera::Context;

use super::{Content, File, FileKind, Item};
use crate::diagnostic::Diagnostic;
use crate::paths;
use crate::render::Site;
use crate::render::publish::base;
use crate::render::views::Views;

pub(super) struct Redirect;

impl FileKind for Redirect {
    /// Per article, per alias: `id` is the article, `part` the alias.
    fn items(&self, site: &Site) -> Vec<Item> {
        let articles = site.dossier.articles.iter().enumerate();
        articles
            .flat_map(|(id, a)| (0..a.old_paths.len()).map(move |part| Item { id, part }))
            .collect()
    }

    fn path(&self, views: &Views<'_>, item: Item) -> String {
        // Checked by resolve: an alias that makes no path is an error.
        let alias = &views.dossier.articles[item.id].old_paths[item.part];
        paths::redirect(alias).unwrap_or_default()
    }

    fn template(&self) -> &'static str {
        "redirect.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let dossier = file.views.dossier;
        let article = &dossier.articles[file.item.id];
        let target = format!(
            "{}{}",
            paths::to_root(file.path),
            paths::article(&article.slug)
        );
        let canonical = base(&dossier.config)
            .map_or_else(|| target.clone(), |b| paths::article_url(&b, &article.slug));
        let mut context = Context::new();
        context.insert("title", &article.title);
        context.insert("target", &target);
        context.insert("canonical", &canonical);
        Content::page("", context)
    }

    /// The article's page is the address: the redirect has none of its own.
    fn canonical(&self) -> bool {
        false
    }
}
