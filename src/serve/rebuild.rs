//! Rebuilds kept in memory: the files as last read and the articles as
//! last annotated survive from one build to the next, so a change costs
//! the files it touches, then resolve, then nothing until a page is asked
//! for (pages are rendered on request).

use std::path::Path;
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::load::Snapshot;
use crate::render::Site;
use crate::{BuildOptions, Failure, annotate, prepare_loaded};

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
        }
    }

    /// Re-reads `paths` (absolute), or everything.
    pub(crate) fn update<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>, all: bool) {
        if all {
            self.snapshot = Snapshot::read(&self.options.root);
        } else {
            self.snapshot.update(paths);
        }
    }

    /// Resolves and annotates the files as they are now, and reads the
    /// templates again.
    pub(crate) fn build(&mut self) -> Outcome {
        let start = Instant::now();
        let loaded = self.snapshot.loaded();
        let (current, warnings) = match prepare_loaded(loaded, &self.options, &mut self.cache) {
            Ok((report, dossier, annotations)) => {
                match Site::new(dossier, annotations, &self.options.root) {
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
