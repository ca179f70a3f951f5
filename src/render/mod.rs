//! Stage 4, render: every page of the site as bytes in memory, through Tera
//! templates. The built-in theme is embedded in the binary, so a build works
//! in any folder; a site's own `templates/` overrides it file by file.
//!
//! Pages are rendered in parallel from immutable views; what every page
//! shares (site settings, labels, navigation) is Tera's global context, set
//! once, not copied into each page.

pub(crate) mod data;
pub(crate) mod graph;
mod jobs;
pub(crate) mod labels;
pub(crate) mod plain;
pub(crate) mod publish;
pub(crate) mod search;
mod templates;
pub(crate) mod timeline;
pub(crate) mod views;

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::annotate::Annotations;
use crate::diagnostic::Diagnostic;
use crate::model::Dossier;
use crate::paths::{self, ITEM_ROOT, PAGE_ROOT};
use jobs::{DataFile, Job, job_path, template_of};
use templates::{ASSETS, Theme};
use views::Views;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutputFile {
    /// Path inside the output folder, `/`-separated.
    pub path: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
}

#[derive(Serialize)]
struct NavLink<'a> {
    title: &'a str,
    path: String,
}

/// Why rendering stopped.
#[derive(Debug)]
pub(crate) enum RenderError {
    /// Templates failed (each distinct error once).
    Templates(Vec<Diagnostic>),
    /// The sink could not take a file.
    Sink(std::io::Error),
}

/// A dossier ready to render: whole, for `build`, or one path at a time,
/// for `serve`, which keeps it in memory and renders pages as they are
/// asked for.
pub(crate) struct Site {
    dossier: Dossier,
    annotations: Annotations,
    /// The theme with the site's overrides, and the site-wide context set.
    theme: Theme,
    article_links: Vec<views::ArticleLink>,
    /// Each output path's page, made on first use.
    by_path: OnceLock<HashMap<String, Job>>,
    /// The search index, made on first use when serving.
    search: OnceLock<search::SearchIndex>,
    /// The site has its own `static/robots.txt`.
    static_robots: bool,
}

impl Site {
    /// Reads the theme (the built-in one, overridden by `root/templates/`)
    /// and makes what every page shares.
    pub(crate) fn new(
        dossier: Dossier,
        annotations: Annotations,
        root: &Path,
    ) -> Result<Self, Diagnostic> {
        let mut theme = Theme::read(root)?;
        let config = &dossier.config;
        let globals = theme.tera.global_context();
        globals.insert(
            "site",
            &SiteView {
                title: &config.title,
                description: &config.description,
                language: config.language.code(),
                base_url: &config.base_url,
            },
        );
        globals.insert("t", &labels::labels(config.language));
        globals.insert(
            "nav_pages",
            &dossier
                .pages
                .iter()
                .map(|p| NavLink {
                    title: &p.title,
                    path: paths::page(&p.slug),
                })
                .collect::<Vec<_>>(),
        );
        let article_links = views::article_links(&dossier);
        Ok(Site {
            dossier,
            annotations,
            theme,
            article_links,
            by_path: OnceLock::new(),
            search: OnceLock::new(),
            static_robots: root.join("static/robots.txt").is_file(),
        })
    }

    /// The dossier this site shows.
    pub(crate) fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    fn views(&self) -> Views<'_> {
        Views::new(&self.dossier, &self.annotations, &self.article_links)
    }

    /// Every file to make.
    fn jobs(&self) -> Vec<Job> {
        let dossier = &self.dossier;
        // The data files first: dossier.json is the longest single job, so
        // it starts at once and the pages share the other cores meanwhile.
        let mut jobs = vec![
            Job::Data(DataFile::DossierJson),
            Job::Data(DataFile::AnnotationsJsonld),
            Job::Home,
            Job::Articles,
            Job::Entities,
            Job::Tags,
            Job::Timeline,
            Job::Graph,
            Job::Search,
            Job::NotFound,
        ];
        jobs.extend((0..ASSETS.len()).map(|a| Job::Data(DataFile::Asset(a))));
        // A site's own robots.txt, in static/, is kept.
        if !self.static_robots {
            jobs.push(Job::Data(DataFile::Robots));
        }
        // The feed and the sitemap are made of absolute URLs.
        if publish::base(&dossier.config).is_some() {
            jobs.extend([Job::Data(DataFile::Atom), Job::Data(DataFile::Sitemap)]);
        }
        jobs.extend((0..dossier.articles.len()).map(Job::Article));
        jobs.extend((0..dossier.entities.len()).map(Job::Entity));
        jobs.extend((0..dossier.tags.len()).map(Job::Tag));
        jobs.extend((0..dossier.pages.len()).map(Job::Page));
        for (article, a) in dossier.articles.iter().enumerate() {
            jobs.extend((0..a.aliases.len()).map(|alias| Job::Redirect(article, alias)));
        }
        jobs
    }

    /// Renders every file and hands each to `sink` as soon as it is made,
    /// from many threads, so that the site is never all in memory.
    pub(crate) fn render_all(
        &self,
        sink: &(dyn Fn(OutputFile) -> std::io::Result<()> + Sync),
    ) -> Result<(), RenderError> {
        let views = self.views();
        let (outcomes, indexed) = rayon::join(
            || -> Vec<Result<(), Outcome>> {
                self.jobs()
                    .par_iter()
                    .map(|job| {
                        let file = self
                            .render_job(&views, *job)
                            .map_err(|e| Outcome::Template(job_path(&views, *job), e))?;
                        sink(file).map_err(Outcome::Sink)
                    })
                    .collect()
            },
            || {
                search::SearchIndex::new(&views)
                    .into_files()
                    .try_for_each(sink)
            },
        );
        indexed.map_err(RenderError::Sink)?;
        let mut failures = Vec::new();
        for outcome in outcomes {
            match outcome {
                Ok(()) => {}
                Err(Outcome::Sink(error)) => return Err(RenderError::Sink(error)),
                Err(Outcome::Template(page, error)) => failures.push((page, error)),
            }
        }
        if !failures.is_empty() {
            return Err(RenderError::Templates(templates::once_each(failures)));
        }
        Ok(())
    }

    /// The file at `path` (inside the output, `/`-separated, as
    /// `articles/<slug>/index.html`), if the site has one.
    pub(crate) fn render_path(&self, path: &str) -> Option<Result<OutputFile, Diagnostic>> {
        let by_path = self.by_path.get_or_init(|| {
            let views = self.views();
            self.jobs()
                .into_iter()
                .map(|job| (job_path(&views, job), job))
                .collect()
        });
        if let Some(job) = by_path.get(path) {
            return Some(self.render_job(&self.views(), *job));
        }
        if path.starts_with("search/") {
            let index = self
                .search
                .get_or_init(|| search::SearchIndex::new(&self.views()));
            return index.file(path).map(Ok);
        }
        None
    }

    /// The 404 page.
    pub(crate) fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        self.render_job(&self.views(), Job::NotFound)
    }
}

/// How one page failed.
enum Outcome {
    /// The page's path, and its error.
    Template(String, Diagnostic),
    Sink(std::io::Error),
}

impl Site {
    /// Renders one file; a panic in a dependency becomes an error that
    /// names the page and its template.
    fn render_job(&self, views: &Views<'_>, job: Job) -> Result<OutputFile, Diagnostic> {
        let path = job_path(views, job);
        templates::guarded(&path, template_of(job), || {
            self.render_page(views, job, path.clone())
        })
    }

    fn render_page(
        &self,
        views: &Views<'_>,
        job: Job,
        path: String,
    ) -> Result<OutputFile, Diagnostic> {
        let dossier = views.dossier;
        let template = template_of(job);
        let mut context = Context::new();
        let root = match job {
            Job::Home => {
                context.insert(
                    "home_title",
                    &dossier.home.as_ref().map(|h| h.title.as_str()),
                );
                context.insert("home_html", &views.annotations.home);
                let latest: Vec<_> = (0..dossier.articles.len().min(10))
                    .map(|a| views.article_link(a))
                    .collect();
                context.insert("latest", &latest);
                context.insert("article_count", &dossier.articles.len());
                context.insert("entity_groups", &views.all_entities());
                context.insert("tags", &views.all_tags());
                ""
            }
            Job::Articles => {
                let all: Vec<_> = (0..dossier.articles.len())
                    .map(|a| views.article_link(a))
                    .collect();
                context.insert("articles", &all);
                PAGE_ROOT
            }
            Job::Article(id) => {
                let mut article = views.article(id);
                let body = with_notes(&self.theme, views, id, article.body_html)?;
                article.body_html = &body;
                context.insert("article", &article);
                // Articles are newest first: the previous one is older.
                context.insert(
                    "older",
                    &(id + 1 < dossier.articles.len()).then(|| views.article_link(id + 1)),
                );
                context.insert("newer", &id.checked_sub(1).map(|a| views.article_link(a)));
                ITEM_ROOT
            }
            Job::Entities => {
                context.insert("entity_groups", &views.all_entities());
                PAGE_ROOT
            }
            Job::Entity(id) => {
                context.insert("entity", &views.entity(id));
                ITEM_ROOT
            }
            Job::Tags => {
                context.insert("tags", &views.all_tags());
                PAGE_ROOT
            }
            Job::Tag(id) => {
                let tag = &dossier.tags[id];
                context.insert("tag", &views.tag_link(id));
                let notes: Vec<_> = tag.notes.iter().map(|(a, n)| views.note(*a, *n)).collect();
                context.insert("notes", &notes);
                let articles: Vec<_> = tag
                    .articles
                    .iter()
                    .map(|a| views.article_link(*a))
                    .collect();
                context.insert("articles", &articles);
                ITEM_ROOT
            }
            Job::Page(id) => {
                let page = &dossier.pages[id];
                context.insert("page_title", &page.title);
                context.insert("body_html", &views.annotations.pages[id]);
                context.insert("extra", &page.extra);
                PAGE_ROOT
            }
            Job::Timeline => {
                context.insert("years", &timeline::timeline(views));
                PAGE_ROOT
            }
            Job::Graph => {
                let picture = graph::picture(views);
                let words = labels::labels(dossier.config.language);
                context.insert(
                    "svg",
                    &picture.svg(views, PAGE_ROOT, words["graph"], words["mentions"]),
                );
                context.insert("node_count", &picture.node_count());
                context.insert("max_nodes", &graph::MAX_NODES);
                context.insert("entity_groups", &views.all_entities());
                PAGE_ROOT
            }
            Job::Search => {
                context.insert("document_count", &search::document_count(views));
                context.insert("texts_per_file", &search::TEXTS_PER_FILE);
                PAGE_ROOT
            }
            Job::NotFound => "",
            Job::Redirect(article, _) => {
                let article = &dossier.articles[article];
                let target = format!("{}{}", paths::to_root(&path), paths::article(&article.slug));
                let canonical = publish::base(&dossier.config)
                    .map_or_else(|| target.clone(), |b| paths::article_url(&b, &article.slug));
                context.insert("title", &article.title);
                context.insert("target", &target);
                context.insert("canonical", &canonical);
                ""
            }
            Job::Data(file) => return Ok(self.data_file(views, file)),
        };
        // The 404 page is served in place of any missing path, at any depth,
        // so relative links would break: its links are absolute, from the base
        // URL, or from the server's root without one.
        let root = match job {
            Job::NotFound => format!("{}/", dossier.config.base_url.trim_end_matches('/')),
            _ => root.to_string(),
        };
        context.insert("root", &root);
        context.insert("page_path", &path);
        context.insert("meta", &publish::page_meta(views, job));
        let html = self
            .theme
            .tera
            .render(template, &context)
            .map_err(|e| self.theme.error(template, &e))?;
        Ok(OutputFile {
            path,
            bytes: html.into_bytes(),
        })
    }
}

impl Site {
    /// A file made without a template.
    fn data_file(&self, views: &Views<'_>, file: DataFile) -> OutputFile {
        let (dossier, annotations) = (views.dossier, views.annotations);
        let base = publish::base(&dossier.config);
        let base = base.as_deref().unwrap_or_default();
        let bytes = match file {
            DataFile::DossierJson => data::dossier_json(dossier, annotations),
            DataFile::AnnotationsJsonld => data::annotations_jsonld(dossier, annotations),
            DataFile::Atom => publish::atom(views, base),
            DataFile::Sitemap => {
                let pages: Vec<Job> = self
                    .jobs()
                    .into_iter()
                    .filter(|job| {
                        !matches!(
                            job,
                            Job::Data(_) | Job::NotFound | Job::Search | Job::Redirect(..)
                        )
                    })
                    .collect();
                publish::sitemap(views, base, &pages)
            }
            DataFile::Robots => publish::robots(publish::base(&dossier.config).as_deref()),
            DataFile::Asset(asset) => self.theme.assets[asset].as_bytes().to_vec(),
        };
        OutputFile {
            path: job_path(views, Job::Data(file)),
            bytes,
        }
    }
}

/// The article's body with each note placeholder replaced by the note
/// template: the note sits right after the block it comments.
fn with_notes(
    theme: &Theme,
    views: &Views<'_>,
    article: usize,
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
