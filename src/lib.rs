//! dossier: turns articles and entities written in Markdown into a linked,
//! annotated HTML dossier.
//!
//! The build is a pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! load      read files, split and parse front matter      (load/)
//! resolve   slugs, ids, tags, relations, alias table      (resolve/)
//! annotate  Markdown to HTML, mentions, passages, notes   (annotate/, markdown/, mentions/, fold.rs, passage/, notes/)
//! render    Tera templates over per-page views            (render/)
//! write     one atomic swap of the output folder          (write.rs)
//! ```
//!
//! A build sets the articles' HTML and passages aside on disk as they
//! are annotated (`spill.rs`), and render reads them back one article at
//! a time, so that its memory does not grow with the dossier's text.
//!
//! Beside the pipeline: `serve/` runs it again on each save,
//! `scaffold/` writes the files a user starts from (`init`, `new`), and
//! `import/` turns collected pages and text into articles, and
//! `suggest/` lists the names in the articles that no entity covers.

mod annotate;
mod config;
mod date;
mod diagnostic;
mod extra;
mod fold;
#[doc(hidden)]
pub mod fuzzing;
mod html;
mod ids;
mod import;
mod load;
mod markdown;
mod mentions;
mod model;
mod notes;
mod passage;
mod paths;
mod plain;
mod render;
mod resolve;
pub mod scaffold;
mod serve;
mod spaces;
mod spill;
mod suggest;
mod write;

// The crate's public face: what `main.rs` and the tests use.
pub use config::check_base_url;
pub use diagnostic::Diagnostic;
pub use import::Imported;
#[doc(hidden)]
pub use paths::{SEARCH_FOLDER, SITE_FILES};
#[doc(hidden)]
pub use render::search::encoding as search_encoding;
#[doc(hidden)]
pub use render::search::words as search_words;

/// The article's Markdown that `import` writes for the page `html` saved
/// from `url`, or `None` when the page has no article: what
/// `examples/extract.rs` runs over the extraction benchmark.
#[doc(hidden)]
#[must_use]
pub fn extract_article(html: &str, url: Option<&str>) -> Option<String> {
    import::extract_markdown(html, url)
}
pub use serve::{ServeOptions, serve};
pub use suggest::{Suggestion, Suggestions};

use std::path::{Path, PathBuf};
use std::time::Instant;

/// What a build is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The dossier's folder.
    pub root: PathBuf,
    /// Where to write the site (default `<root>/public`).
    pub output: PathBuf,
    /// Include drafts.
    pub drafts: bool,
    /// Overrides `base_url` of `dossier.yaml`.
    pub base_url: Option<String>,
    /// Print each stage's time on stderr.
    pub verbose: bool,
}

/// How a build or check ended, when it did not fail.
#[derive(Debug, Default)]
pub struct Report {
    /// Warnings (ambiguous aliases, ignored files).
    pub warnings: Vec<Diagnostic>,
    /// Files written (0 for `check`).
    pub files: usize,
    /// Articles, entities and pages built.
    pub counts: Counts,
}

/// How many of each were built or checked.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub articles: usize,
    pub entities: usize,
    pub pages: usize,
}

/// Why a build failed.
#[derive(Debug)]
pub enum Failure {
    /// The content has errors (exit status 1).
    Content(Vec<Diagnostic>),
    /// Writing the output failed.
    Io(PathBuf, std::io::Error),
}

/// Builds the site: all stages, each page written as it is rendered into
/// a staging folder that replaces the output only when all went well.
pub fn build(options: &BuildOptions) -> Result<Report, Failure> {
    let io_failure = |e| Failure::Io(options.output.clone(), e);
    load::root::check_root(&options.root).map_err(|e| failed(vec![e]))?;
    write::check_output(&options.output, &options.root).map_err(|refused| {
        failed(vec![
            Diagnostic::error(&options.output, refused.message).with_help(refused.help),
        ])
    })?;
    let spill_folder = write::spill_folder(&options.output);
    let (report, dossier, annotated) = prepare(options, &spill_folder, |_| Vec::new())?;
    let staging =
        write::Staging::new(&options.output, &options.root.join("static")).map_err(io_failure)?;
    let site = render::Site::new(dossier, annotated, &options.root).map_err(|e| failed(vec![e]))?;
    timed(options.verbose, "render and write", || {
        site.render_all(&staging)
    })
    .map_err(|e| render_failure(e, &options.output))?;
    let files = staging.files();
    let mut report = report;
    for path in staging.replaced() {
        report.warnings.push(
            Diagnostic::warning(
                format!("static/{path}"),
                "replaced by the file the site makes at the same path",
            )
            .with_help("rename or remove it; to change a page, override its template instead"),
        );
    }
    timed(options.verbose, "swap", || staging.commit()).map_err(io_failure)?;
    Ok(Report { files, ..report })
}

/// Reads and validates everything a build does (drafts included) and
/// renders every page, but writes nothing.
pub fn check(root: &Path) -> Result<Report, Failure> {
    load::root::check_root(root).map_err(|e| failed(vec![e]))?;
    let options = check_options(root);
    // Nothing is written beside the dossier: it may be read-only. What was
    // imported is checked against what was collected, with the rest.
    let (report, dossier, annotated) = prepare(&options, &std::env::temp_dir(), |dossier| {
        import::verify_originals(dossier, root)
    })?;
    // A template error is a content error: render, and throw the pages away.
    render::Site::new(dossier, annotated, root)
        .map_err(|e| failed(vec![e]))?
        .render_all(&render::Discard)
        .map_err(|e| render_failure(e, &options.output))?;
    Ok(report)
}

/// What `dossier import` is asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The dossier's folder.
    pub root: PathBuf,
    /// Saved pages, text files, `-` (standard input) or web addresses.
    pub sources: Vec<String>,
    /// Mark each article `draft: true`.
    pub draft: bool,
    /// Tags for every article.
    pub tags: Vec<String>,
}

/// Imports each source as an article with its original kept under
/// `sources/`, handing each one's outcome to `each` as soon as it is
/// known; fails only when the root is not a dossier.
pub fn import(options: &ImportOptions, each: &mut dyn FnMut(Imported)) -> Result<(), Diagnostic> {
    load::root::check_root(&options.root)?;
    // `content/…` rather than `./content/…` in what is shown.
    let root = options.root.strip_prefix(".").unwrap_or(&options.root);
    let run = import::Run {
        root,
        draft: options.draft,
        tags: &options.tags,
        today: scaffold::today(),
    };
    import::import(&run, &options.sources, each);
    Ok(())
}

/// Reads and validates the dossier as `check` does (drafts included, no
/// page rendered), then lists the names in `articles` (slugs or files;
/// every article when empty) that no entity covers, most written first.
pub fn suggest(root: &Path, articles: &[String]) -> Result<Suggestions, Failure> {
    load::root::check_root(root).map_err(|e| failed(vec![e]))?;
    let (_, dossier, _) = prepare(&check_options(root), &std::env::temp_dir(), |_| Vec::new())?;
    suggest::suggest(&dossier, root, articles).map_err(failed)
}

/// What `check` and `suggest` read: everything, drafts included.
fn check_options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: root.join("public"),
        drafts: true,
        base_url: None,
        verbose: false,
    }
}

/// The stages before rendering: load, resolve, annotate, with the
/// articles' texts set aside in a temporary file in `spill_folder`, and
/// `verify` run on what resolve made (`check` compares the originals).
fn prepare(
    options: &BuildOptions,
    spill_folder: &Path,
    verify: impl FnOnce(&model::Dossier) -> Vec<Diagnostic>,
) -> Result<(Report, model::Dossier, annotate::Annotated), Failure> {
    let loaded = timed(options.verbose, "load", || load::load(&options.root));
    let mut resolved = resolve_loaded(loaded, options);
    // What `verify` finds is reported with every other error of the run.
    let (errors, warnings): (Vec<_>, Vec<_>) = verify(&resolved.dossier)
        .into_iter()
        .partition(Diagnostic::is_error);
    resolved.errors.extend(errors);
    resolved.warnings.extend(warnings);
    let spill = spill::Spill::new_in(spill_folder).map_err(|e| {
        failed(vec![
            Diagnostic::error(
                spill_folder,
                format!("could not make a temporary file in this folder: {e}"),
            )
            .with_help("check that it can be written to and that its disk has room"),
        ])
    })?;
    annotate_resolved(
        resolved,
        options.verbose,
        &mut annotate::Cache::default(),
        Some(spill),
    )
}

/// What resolve made of the files, and what it found wrong.
#[derive(Debug, Clone)]
struct Resolved {
    dossier: model::Dossier,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// Resolves what was loaded, with the settings `options` override.
fn resolve_loaded(mut loaded: load::Loaded, options: &BuildOptions) -> Resolved {
    if let Some(base_url) = &options.base_url {
        loaded.config.base_url.clone_from(base_url);
    }
    let mut warnings = std::mem::take(&mut loaded.warnings);
    // Each stage goes on with what the previous one could read, so that
    // every error of the run is reported together; nothing is rendered
    // while there is one.
    let (dossier, errors) = timed(options.verbose, "resolve", || {
        resolve::resolve(loaded, options.drafts)
    });
    warnings.extend(ambiguity_warnings(&dossier));
    warnings.extend(type_warnings(&dossier));
    // When dossier.yaml could not be read, its error says so: a warning
    // about the defaults used instead would contradict the file.
    let settings_failed = errors.iter().any(|e| e.path == Path::new("dossier.yaml"));
    if dossier.config.base_url.is_empty() && !settings_failed {
        let annotations = match dossier.config.writes(config::Export::Annotations) {
            true => ", and annotations.jsonld uses relative IRIs",
            false => "",
        };
        warnings.push(
            Diagnostic::warning(
                "dossier.yaml",
                format!(
                    "no `base_url`: the feed (atom.xml), the sitemap, canonical links and Open \
                     Graph addresses are left out{annotations}"
                ),
            )
            .with_help(
                "set `base_url` in dossier.yaml to the address where the site is published, \
                 or pass --base-url",
            ),
        );
    }
    Resolved {
        dossier,
        errors,
        warnings,
    }
}

/// Annotates a resolved dossier (what `cache` holds is reused); fails with
/// every error so far, warnings after them.
fn annotate_resolved(
    resolved: Resolved,
    verbose: bool,
    cache: &mut annotate::Cache,
    spill: Option<spill::Spill>,
) -> Result<(Report, model::Dossier, annotate::Annotated), Failure> {
    let Resolved {
        dossier,
        mut errors,
        mut warnings,
    } = resolved;
    let mut annotated = match timed(verbose, "annotate", || {
        annotate::annotate_cached(&dossier, cache, spill)
    }) {
        Ok(annotated) if errors.is_empty() => annotated,
        result => {
            if let Err(found) = result {
                errors.extend(found);
            }
            // Warnings are worth reading beside the errors.
            errors.extend(warnings);
            return Err(failed(errors));
        }
    };
    warnings.append(&mut annotated.warnings);
    diagnostic::sort(&mut warnings);
    let counts = Counts {
        articles: dossier.articles.len(),
        entities: dossier.entities.len(),
        pages: dossier.pages.len(),
    };
    Ok((
        Report {
            warnings,
            files: 0,
            counts,
        },
        dossier,
        annotated,
    ))
}

fn render_failure(error: render::RenderError, output: &Path) -> Failure {
    match error {
        render::RenderError::Templates(errors) => failed(errors),
        render::RenderError::Sink(error) => Failure::Io(output.to_path_buf(), error),
    }
}

/// Content errors (and any warnings), errors first, each by file and place.
fn failed(mut errors: Vec<Diagnostic>) -> Failure {
    diagnostic::sort(&mut errors);
    Failure::Content(errors)
}

/// One warning per name that several entities share.
fn ambiguity_warnings(dossier: &model::Dossier) -> Vec<Diagnostic> {
    dossier
        .names
        .ambiguities()
        .into_iter()
        .map(|ambiguity| {
            let ids: Vec<String> = ambiguity
                .entities
                .iter()
                .map(|e| format!("`{}`", dossier.entities[*e].id))
                .collect();
            let (owner, key, written) = &ambiguity.place;
            let what = match *key {
                "aliases" => "alias",
                "adjectives" => "adjective",
                _ => "name",
            };
            let message = format!(
                "{what} `{}` is shared by {}: it is not linked automatically",
                ambiguity.name,
                ids.join(" and ")
            );
            dossier.entities[*owner]
                .file
                .error_at_value(key, written, message)
                .with_help("write `[[id|text]]` where the text means one of them")
                .into_warning()
        })
        .collect()
}

/// One warning per entity whose type looks like a built-in one mistyped
/// (`organisation`, `people`): a type of one's own is allowed, so it would
/// otherwise pass as a new, grey type without a word.
fn type_warnings(dossier: &model::Dossier) -> Vec<Diagnostic> {
    dossier
        .entities
        .iter()
        .filter_map(|entity| {
            let meant = render::labels::known_type_near(&entity.kind)?;
            let message = format!(
                "type `{}` is not a built-in type: its entities are listed apart, as a type of your own",
                entity.kind
            );
            Some(
                entity
                    .file
                    .error_at_value("type", &entity.kind, message)
                    .with_help(format!(
                        "did you mean `{meant}`? To keep a type of your own, choose a word less \
                         like a built-in one"
                    ))
                    .into_warning(),
            )
        })
        .collect()
}

fn timed<T>(verbose: bool, stage: &str, step: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = step();
    if verbose {
        let memory = resident_mib().map_or_else(String::new, |mib| format!(", {mib} MiB resident"));
        eprintln!(
            "{stage:>16}: {:.1} ms{memory}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    result
}

/// The process's resident memory, where the system says (Linux).
fn resident_mib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / (1024 * 1024))
}
