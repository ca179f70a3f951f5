//! Rebuilds kept in memory: the files as last read and the articles as
//! last annotated survive from one build to the next, so a change costs
//! the files it touches, then resolve, then nothing until a page is asked
//! for (pages are rendered on request).

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::load::{Changed, Snapshot, SourceFile};
use crate::render::Site;
use crate::{BuildOptions, Failure, Resolved, annotate, annotate_resolved, resolve_loaded};

/// What the server shows: the site, or why there is none.
// One at a time, behind an `Arc`: boxing the site would save nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Current {
    /// The last build worked; its warnings were printed.
    Ready(Site),
    /// The last build failed: every page shows these errors.
    Broken(Vec<Diagnostic>),
}

/// A dossier kept in memory between builds.
pub(crate) struct Workspace {
    options: BuildOptions,
    snapshot: Snapshot,
    cache: annotate::Cache,
    /// The last resolve that found no error, for changes that leave what
    /// it reads alone.
    resolved: Option<Resolved>,
    /// Since the last build.
    changed: Changed,
}

/// How a build went, for the terminal.
pub(crate) struct Outcome {
    pub(crate) current: Current,
    pub(crate) warnings: Vec<Diagnostic>,
    pub(crate) took_ms: f64,
}

impl Workspace {
    /// Reads every file of the dossier `options.root` (absolute).
    pub(crate) fn new(options: BuildOptions) -> Self {
        let snapshot = Snapshot::read(&options.root);
        Workspace {
            options,
            snapshot,
            cache: annotate::Cache::default(),
            resolved: None,
            changed: Changed {
                structure: true,
                ..Changed::default()
            },
        }
    }

    /// Re-reads `paths` (absolute), or everything.
    pub(crate) fn update<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>, all: bool) {
        if all {
            self.snapshot = Snapshot::read(&self.options.root);
            self.changed.structure = true;
        } else {
            let changed = self.snapshot.update(paths);
            self.changed.structure |= changed.structure;
            self.changed.bodies.extend(changed.bodies);
        }
    }

    /// Builds the files as they are now (templates read again). When only
    /// articles' bodies changed, the last resolve stands and only those
    /// articles are annotated again; otherwise everything is resolved.
    pub(crate) fn build(&mut self) -> Outcome {
        let start = Instant::now();
        let changed = std::mem::take(&mut self.changed);
        let resolved = match (&self.resolved, changed.structure) {
            (Some(last), false) => with_bodies(last, changed.bodies),
            _ => None,
        };
        let resolved = resolved.unwrap_or_else(|| {
            let loaded = crate::timed(self.options.verbose, "load (changes)", || {
                self.snapshot.loaded()
            });
            resolve_loaded(loaded, &self.options)
        });
        self.resolved = crate::timed(self.options.verbose, "keep", || {
            resolved.errors.is_empty().then(|| resolved.clone())
        });
        let (current, warnings) =
            match annotate_resolved(resolved, self.options.verbose, &mut self.cache) {
                Ok((report, dossier, annotations)) => {
                    match crate::timed(self.options.verbose, "theme and links", || {
                        Site::new(dossier, annotations, &self.options.root)
                    }) {
                        Ok(site) => (Current::Ready(site), report.warnings),
                        Err(error) => (Current::Broken(vec![error]), report.warnings),
                    }
                }
                Err(Failure::Content(errors)) => (Current::Broken(errors), Vec::new()),
                Err(Failure::Io(path, error)) => (
                    Current::Broken(vec![Diagnostic::error(path, error.to_string())]),
                    Vec::new(),
                ),
            };
        Outcome {
            current,
            warnings,
            took_ms: start.elapsed().as_secs_f64() * 1000.0,
        }
    }
}

/// The last resolved dossier with new bodies for some of its articles;
/// `None` if one of them is not in it (a draft left out, say).
fn with_bodies(last: &Resolved, bodies: Vec<SourceFile>) -> Option<Resolved> {
    let mut resolved = last.clone();
    for file in bodies {
        let article = resolved
            .dossier
            .articles
            .iter_mut()
            .find(|a| a.file.path == file.path)?;
        Arc::make_mut(article).file = file;
    }
    Some(resolved)
}
