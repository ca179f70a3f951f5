//! The files of a site, one job each: what template makes it and where
//! it goes in the output.

use super::templates::ASSETS;
use super::views::Views;
use crate::paths;

/// A page to render.
#[derive(Debug, Clone, Copy)]
pub(super) enum Job {
    Home,
    Articles,
    Article(usize),
    Entities,
    Entity(usize),
    Tags,
    Tag(usize),
    Page(usize),
    Timeline,
    Graph,
    Search,
    NotFound,
    /// The page at an article's old address (article, alias index).
    Redirect(usize, usize),
    /// A file made without a template.
    Data(DataFile),
}

/// The files of the site that are not pages.
#[derive(Debug, Clone, Copy)]
pub(super) enum DataFile {
    DossierJson,
    AnnotationsJsonld,
    Atom,
    Sitemap,
    Robots,
    /// One of [`ASSETS`].
    Asset(usize),
}

/// The template that makes `job`'s page (none for data files).
pub(super) fn template_of(job: Job) -> &'static str {
    match job {
        Job::Home => "index.html",
        Job::Articles => "articles.html",
        Job::Article(_) => "article.html",
        Job::Entities => "entities.html",
        Job::Entity(_) => "entity.html",
        Job::Tags => "tags.html",
        Job::Tag(_) => "tag.html",
        Job::Page(_) => "page.html",
        Job::Timeline => "timeline.html",
        Job::Graph => "graph.html",
        Job::Search => "search.html",
        Job::NotFound => "404.html",
        Job::Redirect(..) => "redirect.html",
        Job::Data(_) => "",
    }
}

/// Where `job`'s file goes in the output.
pub(super) fn job_path(views: &Views<'_>, job: Job) -> String {
    let dossier = views.dossier;
    match job {
        Job::Home => "index.html".to_string(),
        Job::Articles => "articles/index.html".to_string(),
        Job::Article(id) => views.article_path(id),
        Job::Entities => "entities/index.html".to_string(),
        Job::Entity(id) => paths::entity(&dossier.entities[id].id),
        Job::Tags => "tags/index.html".to_string(),
        Job::Tag(id) => paths::tag(&dossier.tags[id].slug),
        Job::Page(id) => paths::page(&dossier.pages[id].slug),
        Job::Timeline => "timeline/index.html".to_string(),
        Job::Graph => "graph/index.html".to_string(),
        Job::Search => "search/index.html".to_string(),
        Job::NotFound => "404.html".to_string(),
        // Checked by resolve: an alias that makes no path is an error.
        Job::Redirect(article, alias) => {
            paths::redirect(&dossier.articles[article].aliases[alias]).unwrap_or_default()
        }
        Job::Data(DataFile::DossierJson) => "dossier.json".to_string(),
        Job::Data(DataFile::AnnotationsJsonld) => "annotations.jsonld".to_string(),
        Job::Data(DataFile::Atom) => "atom.xml".to_string(),
        Job::Data(DataFile::Sitemap) => "sitemap.xml".to_string(),
        Job::Data(DataFile::Robots) => "robots.txt".to_string(),
        Job::Data(DataFile::Asset(asset)) => ASSETS[asset].0.to_string(),
    }
}
