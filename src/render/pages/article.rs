//! `articles/<slug>/index.html`: one page per article, its notes placed
//! after the blocks they comment. Articles are the feed's entries and
//! documents of the search index.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::date::Precision;
use crate::diagnostic::Diagnostic;
use crate::ids::ArticleId;
use crate::paths::{self, ITEM_ROOT};
use crate::render::Site;
use crate::render::labels::{capitalized, labels};
use crate::render::publish::{
    FeedEntry, HeadMeta, article_json_ld, base, last_changed, schema_date,
};
use crate::render::search::Searched;
use crate::render::templates::Theme;
use crate::render::views::Views;

pub(super) struct Article;

impl FileKind for Article {
    fn items(&self, site: &Site) -> Vec<Item> {
        Item::each(site.dossier.articles.len())
    }

    fn path(&self, views: &Views<'_>, item: Item) -> String {
        views.article_path(ArticleId(item.id))
    }

    fn template(&self) -> &'static str {
        "article.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let (views, id) = (file.views, ArticleId(file.item.id));
        let mut article = views.article(id);
        let body = with_notes(&file.site.theme, views, id, &article.body_html)?;
        article.body_html = body.into();
        let mut context = Context::new();
        context.insert("article", &article);
        // Articles are newest first: the previous one is older.
        let older = (id.0 + 1 < views.dossier.articles.len())
            .then(|| views.article_link(ArticleId(id.0 + 1)));
        context.insert("older", &older);
        let newer =
            id.0.checked_sub(1)
                .map(|a| views.article_link(ArticleId(a)));
        context.insert("newer", &newer);
        Content::page(ITEM_ROOT, context)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        let dossier = views.dossier;
        let article = &dossier.articles[item.id];
        meta.title.clone_from(&article.title);
        let summary = views.summary_text(ArticleId(item.id));
        if let Some(summary) = &summary {
            meta.description.clone_from(summary);
        }
        meta.og_type = "article";
        meta.published = Some(schema_date(&article.date));
        // The source's revision, not the dossier's commits: the page
        // describes the article it copies (see `article_json_ld`).
        meta.modified = article.updated.as_ref().map(schema_date);
        meta.tags = article
            .tags
            .iter()
            .map(|t| dossier.tags[*t].name.clone())
            .collect();
        let json = article_json_ld(
            views,
            item.id,
            summary.as_deref(),
            meta.canonical.as_deref(),
            base(&dossier.config).as_deref(),
        );
        meta.json_ld = Some(json);
    }

    fn listed(&self) -> Listed {
        Listed {
            sitemap: true,
            search: true,
            feed: true,
        }
    }

    fn last_changed(&self, views: &Views<'_>, item: Item) -> Option<String> {
        // The sitemap schema takes a day (xsd:date) or a date-time: a
        // month or a year gives no `lastmod` rather than an invented day.
        let changed = last_changed(&views.dossier.articles[item.id]);
        (changed.precision == Precision::Day).then(|| changed.iso())
    }

    fn searched(&self, views: &Views<'_>, item: Item) -> Option<Searched> {
        let id = ArticleId(item.id);
        let article = &views.dossier.articles[id];
        let word = labels(views.dossier.config.language)["article"];
        Some(Searched {
            path: paths::article(&article.slug),
            title: article.title.clone(),
            names: article.title.clone(),
            kind: capitalized(word),
            date: Some(article.date.clone()),
            // The summary's text, not its Markdown.
            summary: views.summary_text(id).unwrap_or_default(),
            body: views.annotated.articles.text(id),
            lang: article.lang.clone(),
        })
    }

    fn feed_entry(&self, views: &Views<'_>, item: Item, base: &str) -> Option<FeedEntry> {
        let id = ArticleId(item.id);
        let article = &views.dossier.articles[id];
        let site_language = views.dossier.config.language.code();
        Some(FeedEntry {
            title: article.title.clone(),
            page: paths::article_url(base, &article.slug),
            via: article.source.as_ref().and_then(|s| s.url.clone()),
            published: article.date.clone(),
            updated: last_changed(article).clone(),
            categories: (article.tags.iter())
                .map(|t| views.dossier.tags[*t].name.clone())
                .collect(),
            summary_html: views.summary_html(id).map(str::to_string),
            html: (views.annotated.articles.html(id))
                .replace("href=\"../../", &format!("href=\"{base}"))
                .replace("src=\"../../", &format!("src=\"{base}")),
            lang: article.lang.as_deref().unwrap_or(site_language).to_string(),
        })
    }
}

/// The article's body with each note placeholder replaced by the note
/// template: the note sits right after the block it comments.
fn with_notes(
    theme: &Theme,
    views: &Views<'_>,
    article: ArticleId,
    body: &str,
) -> Result<String, Diagnostic> {
    let count = views.dossier.articles[article].notes.len();
    let mut html = body.to_string();
    for index in 0..count {
        let mut context = Context::new();
        context.insert("note", &views.note(article, index));
        context.insert("root", ITEM_ROOT);
        let aside = theme
            .tera
            .render("note.html", &context)
            .map_err(|e| theme.error("note.html", &e))?;
        html = html.replacen(&crate::markdown::note_placeholder(index + 1), &aside, 1);
    }
    Ok(html)
}
