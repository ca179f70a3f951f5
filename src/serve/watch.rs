//! Watches what a build reads (`dossier.yaml`, `content/`, `templates/`,
//! `static/`) and hands over the changed paths in batches.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long the files must stay quiet before a batch is handed over. An
/// editor's save is several events (write, close, rename) within a few
/// milliseconds; waiting for them all means one rebuild per save.
const QUIET: Duration = Duration::from_millis(10);

/// The folders a build reads, each watched with everything inside.
const FOLDERS: [&str; 3] = ["content", "templates", "static"];

/// What changed since the last batch.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    /// Changed paths, absolute.
    pub(crate) paths: BTreeSet<PathBuf>,
    /// Events were lost (the system's queue overflowed): read everything.
    pub(crate) everything: bool,
}

/// A file watcher on one dossier.
pub(crate) struct Watcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

impl Watcher {
    /// Watches the dossier at `root` (absolute).
    pub(crate) fn new(root: &Path) -> notify::Result<Self> {
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            // The receiver is gone only when serving stops.
            let _ = sender.send(event);
        })?;
        // The root itself, not recursively: `dossier.yaml`, and the folders
        // when they are made or replaced.
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let mut this = Watcher {
            root: root.to_path_buf(),
            watcher,
            events,
        };
        for folder in FOLDERS {
            this.watch_folder(&root.join(folder))?;
        }
        Ok(this)
    }

    fn watch_folder(&mut self, folder: &Path) -> notify::Result<()> {
        if folder.is_dir() {
            self.watcher.watch(folder, RecursiveMode::Recursive)?;
        }
        Ok(())
    }

    /// Waits for the next change a build cares about, then for the files
    /// to be quiet; `None` when the watcher has stopped.
    pub(crate) fn next_batch(&mut self) -> Option<Batch> {
        let mut batch = Batch::default();
        let first = self.events.recv().ok()?;
        self.take(first, &mut batch);
        loop {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => self.take(event, &mut batch),
                Err(RecvTimeoutError::Timeout) if batch.everything || !batch.paths.is_empty() => {
                    return Some(batch);
                }
                Err(RecvTimeoutError::Timeout) => {
                    // Nothing relevant yet: wait for the next event.
                    let event = self.events.recv().ok()?;
                    self.take(event, &mut batch);
                }
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    fn take(&mut self, event: notify::Result<notify::Event>, batch: &mut Batch) {
        let event = match event {
            Ok(event) => event,
            Err(_) => {
                batch.everything = true;
                return;
            }
        };
        if event.need_rescan() {
            batch.everything = true;
        }
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            if !self.is_read_by_build(&path) {
                continue;
            }
            // A folder made (or moved in) after the start is watched too;
            // a failure leaves it unwatched, which a rebuild still reads.
            if path.parent() == Some(self.root.as_path())
                && FOLDERS.iter().any(|f| path.ends_with(f))
            {
                let _ = self.watch_folder(&path);
            }
            batch.paths.insert(path);
        }
    }

    fn is_read_by_build(&self, path: &Path) -> bool {
        *path == self.root.join("dossier.yaml")
            || FOLDERS
                .iter()
                .any(|folder| path.starts_with(self.root.join(folder)))
    }
}
