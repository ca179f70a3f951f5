//! Stage 4, render: every page of the site as bytes in memory, through Tera
//! templates. The built-in theme is embedded in the binary, so a build works
//! in any folder; a site's own `templates/` overrides it file by file.
//!
//! What the site makes is listed in one registry, `pages/`: each kind of
//! page or data file says there which files it makes, where, and with
//! what. This module only runs them: in parallel from immutable views,
//! with the search index beside them; what every page shares (site
//! settings, labels, navigation) is Tera's global context, set once, not
//! copied into each page.

pub(crate) mod data;
pub(crate) mod exports;
pub(crate) mod graph;
pub(crate) mod labels;
mod pages;
pub(crate) mod publish;
pub(crate) mod search;
mod templates;
pub(crate) mod timeline;
pub(crate) mod views;

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, OnceLock, PoisonError};

use rayon::prelude::*;
use serde::Serialize;

use crate::annotate::Annotated;
use crate::diagnostic::Diagnostic;
use crate::extra::Extra;
use crate::model::Dossier;
use crate::paths;
use pages::{Content, File, Job, NotFound, WriteFile};
use templates::Theme;
pub(crate) use templates::built_in as built_in_theme;
use views::Views;

/// Bytes set aside for a page before it is rendered: most pages of the
/// built-in theme fit (an article's is about 12 KB).
const PAGE_CAPACITY: usize = 16 * 1024;

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
    extra: &'a Extra,
    /// The names of the data files written, from `exports`.
    exports: Vec<&'static str>,
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
    annotated: Annotated,
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
        annotated: Annotated,
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
                extra: &config.extra,
                exports: config.exports.iter().map(|e| e.name()).collect(),
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
            annotated,
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
        Views::new(&self.dossier, &self.annotated, &self.article_links)
    }

    /// Renders every file and writes each to `sink` as soon as it is
    /// made, from many threads, so that the site is never all in memory.
    pub(crate) fn render_all(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        let views = self.views();
        let (outcomes, indexed) = rayon::join(
            || -> Vec<Result<(), Failed>> {
                pages::jobs(self)
                    .par_iter()
                    .map(|job| self.write_job(&views, *job, sink))
                    .collect()
            },
            || {
                search::write(
                    self.dossier.config.language,
                    pages::searched(self, &views),
                    &|file| sink.put(file),
                )
            },
        );
        indexed.map_err(RenderError::Sink)?;
        // A text set aside that could not be read back was shown empty.
        self.annotated.articles.check().map_err(RenderError::Sink)?;
        let mut failures = Vec::new();
        for outcome in outcomes {
            match outcome {
                Ok(()) => {}
                Err(Failed::Sink(error)) => return Err(RenderError::Sink(error)),
                Err(Failed::Template(page, error)) => failures.push((page, error)),
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
            pages::jobs(self)
                .into_iter()
                .map(|job| (job.path(&views), job))
                .collect()
        });
        if let Some(job) = by_path.get(path) {
            let memory = Memory::default();
            return Some(match self.write_job(&self.views(), *job, &memory) {
                Ok(()) => Ok(memory.into_file()),
                Err(Failed::Template(_, error)) => Err(error),
                Err(Failed::Sink(error)) => Err(Diagnostic::error(path, error.to_string())),
            });
        }
        if path.starts_with("search/") {
            let index = self.search.get_or_init(|| {
                let views = self.views();
                search::SearchIndex::new(
                    self.dossier.config.language,
                    pages::searched(self, &views),
                )
            });
            return index.file(path).map(Ok);
        }
        None
    }

    /// The 404 page.
    pub(crate) fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        let job = Job {
            kind: &NotFound,
            item: pages::Item::ONE,
        };
        match self.render_job(&self.views(), job)? {
            Made::Whole(file) => Ok(file),
            Made::Written { path, .. } => unreachable!("{path} is a page"),
        }
    }
}

/// Where the rendered files go: the staging folder for `build`, nowhere
/// for `check`, memory for `serve` and the tests.
pub(crate) trait Sink: Sync {
    /// A new file at `path` (inside the output, `/`-separated), to write
    /// to and flush; called from many threads at once.
    fn create(&self, path: &str) -> std::io::Result<Box<dyn Write + '_>>;

    /// Writes a whole file.
    fn put(&self, file: OutputFile) -> std::io::Result<()> {
        let mut out = self.create(&file.path)?;
        out.write_all(&file.bytes)?;
        out.flush()
    }
}

/// What `check` writes to: nothing.
pub(crate) struct Discard;

impl Sink for Discard {
    fn create(&self, _: &str) -> std::io::Result<Box<dyn Write + '_>> {
        Ok(Box::new(std::io::sink()))
    }
}

/// Files kept in memory, by path: what `serve` answers with, one at a time,
/// and what the tests read.
#[derive(Default)]
pub(crate) struct Memory {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Memory {
    /// Every file, by path.
    pub(crate) fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The one file written.
    fn into_file(self) -> OutputFile {
        let (path, bytes) = self.into_files().pop_first().unwrap_or_default();
        OutputFile { path, bytes }
    }
}

impl Sink for Memory {
    fn create(&self, path: &str) -> std::io::Result<Box<dyn Write + '_>> {
        Ok(Box::new(InMemory {
            path: path.to_string(),
            bytes: Vec::new(),
            into: &self.files,
        }))
    }
}

/// One file being written into [`Memory`], kept there when flushed.
struct InMemory<'a> {
    path: String,
    bytes: Vec<u8>,
    into: &'a Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Write for InMemory<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut files = self.into.lock().unwrap_or_else(PoisonError::into_inner);
        files.insert(self.path.clone(), self.bytes.clone());
        Ok(())
    }
}

/// How one page failed.
enum Failed {
    /// The page's path, and its error.
    Template(String, Diagnostic),
    Sink(std::io::Error),
}

/// A file rendered: whole, or the function that writes it piece by piece.
enum Made {
    Whole(OutputFile),
    Written { path: String, write: WriteFile },
}

impl Site {
    /// Renders one file and writes it to `sink`.
    fn write_job(&self, views: &Views<'_>, job: Job, sink: &dyn Sink) -> Result<(), Failed> {
        let template = |path: String, e| Failed::Template(path, e);
        match self
            .render_job(views, job)
            .map_err(|e| template(job.path(views), e))?
        {
            Made::Whole(file) => sink.put(file).map_err(Failed::Sink),
            Made::Written { path, write } => {
                let file = File {
                    site: self,
                    views,
                    item: job.item,
                    path: &path,
                };
                let written = templates::guarded(&path, "", || {
                    Ok(sink
                        .create(&path)
                        .and_then(|mut out| write(&file, &mut out).and_then(|()| out.flush())))
                });
                match written {
                    Ok(flushed) => flushed.map_err(Failed::Sink),
                    Err(e) => Err(template(path.clone(), e)),
                }
            }
        }
    }

    /// Renders one file; a panic in a dependency becomes an error that
    /// names the page and its template.
    fn render_job(&self, views: &Views<'_>, job: Job) -> Result<Made, Diagnostic> {
        let path = job.path(views);
        templates::guarded(&path, job.kind.template(), || {
            self.render_page(views, job, path.clone())
        })
    }

    /// Renders one file: a data file's bytes, or a page through its
    /// template with its kind's variables and what every page has.
    fn render_page(&self, views: &Views<'_>, job: Job, path: String) -> Result<Made, Diagnostic> {
        let file = File {
            site: self,
            views,
            item: job.item,
            path: &path,
        };
        let (root, mut context) = match job.kind.content(&file)? {
            Content::Bytes(bytes) => return Ok(Made::Whole(OutputFile { path, bytes })),
            Content::Written(write) => return Ok(Made::Written { path, write }),
            Content::Page { root, context } => (root, context),
        };
        context.insert("root", &root);
        context.insert("page_path", &path);
        context.insert("meta", &publish::head_meta(views, job, &path));
        let template = job.kind.template();
        // Into bytes, not a `String`: tera's `render` checks again that all
        // it wrote is UTF-8, a thirtieth of a build.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        self.theme
            .tera
            .render_to(template, &context, &mut html)
            .map_err(|e| self.theme.error(template, &e))?;
        Ok(Made::Whole(OutputFile { path, bytes: html }))
    }
}
