//! Stage 1, load: walks the dossier's folders, reads every file, splits and
//! parses front matter into typed structs. Nothing is cross-checked here
//! (that is `resolve`); each file is read and parsed exactly once.

mod comments;
mod files;
pub(crate) mod front_matter;
pub(crate) mod git;
pub(crate) mod locate;
pub(crate) mod meta;
mod periods;
pub(crate) mod root;
mod settings;
pub(crate) mod syntax;
mod text;
pub(crate) mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use files::{failed_slug, markdown_files, parse_file, with_readers};
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, relative_to};
use crate::paths;
use locate::{list_items, locate_value};
use meta::{ArticleMeta, EntityMeta, HomeMeta, PageMeta};

/// One Markdown file as read from disk.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    /// Path relative to the dossier root, for messages.
    pub path: PathBuf,
    /// The whole text, BOM removed; shared, because `serve` keeps it
    /// between builds.
    pub text: Arc<str>,
    /// Where the front matter and body are.
    pub split: front_matter::Split,
    /// Where to read the body again, when `text` holds only what comes
    /// before it: a build keeps no article's body in memory between
    /// reading its front matter and annotating it ([`SourceFile::whole`]).
    pub body_on_disk: Option<Arc<Path>>,
}

impl SourceFile {
    /// The Markdown body: empty when it was left on disk, which the
    /// stages that read it first read again with [`SourceFile::whole`].
    pub(crate) fn body(&self) -> &str {
        self.text.get(self.split.body.clone()).unwrap_or_default()
    }

    /// Leaves the body on disk, at `full_path`, keeping what comes
    /// before it.
    fn leave_body(&mut self, full_path: &Path) {
        self.text = Arc::from(&self.text[..self.split.body.start]);
        self.body_on_disk = Some(Arc::from(full_path));
    }

    /// The file with its body: itself, or read again from disk when its
    /// body was left there. The file may have been saved since: its body
    /// is then the new one, and a front matter that changed is an error.
    pub(crate) fn whole(&self) -> Result<std::borrow::Cow<'_, SourceFile>, Diagnostic> {
        let Some(full_path) = &self.body_on_disk else {
            return Ok(std::borrow::Cow::Borrowed(self));
        };
        let text = files::read_text(full_path, &self.path)?;
        let split = front_matter::split(&text)
            .ok()
            .filter(|split| split.body.start == self.text.len() && text.starts_with(&*self.text));
        let Some(split) = split else {
            return Err(Diagnostic::error(
                &self.path,
                "its front matter changed while the dossier was being built",
            )
            .with_help("build again once it is saved"));
        };
        Ok(std::borrow::Cow::Owned(SourceFile {
            path: self.path.clone(),
            text: text.into(),
            split,
            body_on_disk: None,
        }))
    }

    /// The YAML front matter.
    pub(crate) fn yaml(&self) -> &str {
        &self.text[self.split.yaml.clone()]
    }

    /// An error at a byte offset of the body.
    pub(crate) fn error_in_body(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, message).at_offset(&self.text, self.split.body.start + offset)
    }

    /// An error at `value` as written under `key` in the front matter
    /// (serde gives no positions to values checked after parsing), or at
    /// the opening `---` when it cannot be found.
    pub(crate) fn error_at_value(
        &self,
        key: &str,
        value: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let error = Diagnostic::error(&self.path, message);
        match locate_value(self.yaml(), key, value) {
            Some(offset) => error.at_offset(&self.text, self.split.yaml.start + offset),
            None => error.at_line(&self.text, 1, 1),
        }
    }

    /// An error at `value` under `key` within item `index` (0-based) of the
    /// block list under `list_key` (`annotations`, `relations`), so that the
    /// same value in another item is not taken for it.
    pub(crate) fn error_in_item(
        &self,
        list_key: &str,
        index: usize,
        key: &str,
        value: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let yaml = self.yaml();
        let items = list_items(yaml, list_key);
        let Some(start) = items.get(index).copied() else {
            return self.error_at_value(key, value, message);
        };
        let end = items.get(index + 1).copied().unwrap_or(yaml.len());
        let error = Diagnostic::error(&self.path, message);
        match locate_value(&yaml[start..end], key, value) {
            Some(offset) => error.at_offset(&self.text, self.split.yaml.start + start + offset),
            None => error.at_offset(&self.text, self.split.yaml.start + start),
        }
    }
}

/// A file and its parsed front matter.
#[derive(Debug, Clone)]
pub(crate) struct Document<M> {
    /// The file.
    pub file: SourceFile,
    /// Its front matter.
    pub meta: M,
}

/// Everything read from a dossier's folder.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// `dossier.yaml`, or the defaults.
    pub config: Config,
    /// `content/articles/**.md`, in path order.
    pub articles: Vec<Document<ArticleMeta>>,
    /// `content/entities/**.md`, in path order.
    pub entities: Vec<Document<EntityMeta>>,
    /// `content/pages/**.md`, in path order.
    pub pages: Vec<Document<PageMeta>>,
    /// `content/_index.md`.
    pub home: Option<Document<HomeMeta>>,
    /// Problems that do not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Files that could not be read or parsed; later stages go on without
    /// them so that all errors are reported in one run.
    pub errors: Vec<Diagnostic>,
    /// Entity ids and article slugs (from file stems) of the files that
    /// failed: references to them are not reported as unknown.
    pub unreadable: Unreadable,
    /// When each article last changed, from git.
    pub history: Arc<git::History>,
}

/// What failed to load, by the names other files may use for it.
#[derive(Debug, Default)]
pub(crate) struct Unreadable {
    /// File stems of entities.
    pub entity_ids: std::collections::BTreeSet<String>,
    /// Slugified file stems of articles.
    pub article_slugs: std::collections::BTreeSet<String>,
}

#[derive(Debug, Clone, Copy)]
enum ContentKind {
    Article,
    Entity,
    Page,
    Home,
}

/// A file of `content/`, parsed.
#[derive(Debug, Clone)]
pub(crate) enum Parsed {
    Article(Document<ArticleMeta>),
    Entity(Document<EntityMeta>),
    Page(Document<PageMeta>),
    Home(Document<HomeMeta>),
}

impl Parsed {
    fn file(&self) -> &SourceFile {
        match self {
            Self::Article(doc) => &doc.file,
            Self::Entity(doc) => &doc.file,
            Self::Page(doc) => &doc.file,
            Self::Home(doc) => &doc.file,
        }
    }
}

/// What became of one file under `content/`.
// Nearly every file is `Parsed`: boxing it would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
enum FileState {
    Parsed(Parsed),
    /// It could not be read or parsed; for an article, the slug it
    /// would have had.
    Failed(ContentKind, Diagnostic, Option<String>),
    /// Not read: a file dossier does not read (a warning says why) or a
    /// folder that could not be listed (an error).
    Skipped(Diagnostic),
}

/// The dossier's files as last read, by absolute path. `load` reads one
/// and hands it on; `serve` keeps one between builds and re-reads only the
/// files that changed, which is most of what makes its rebuilds fast.
#[derive(Debug, Clone)]
pub(crate) struct Snapshot {
    root: PathBuf,
    settings: settings::Settings,
    /// Why there is no `content/`, if there is none.
    no_content: Option<Diagnostic>,
    files: BTreeMap<PathBuf, FileState>,
    /// Read once: `serve` does not follow commits made while it runs.
    history: Arc<git::History>,
    /// How many bytes of articles' bodies are kept in memory: all of them
    /// for `serve`; for a build, which annotates each article once, the
    /// first [`BODIES_KEPT`], the others left on disk as soon as their
    /// front matter is read (520 MB of bodies at 100,000 articles, 5 GB
    /// at a million).
    bodies_kept: usize,
}

/// The bytes of bodies a build keeps in memory rather than read again:
/// every body of 10,000 articles of the benchmark (45 MB), where reading
/// them twice was a fortieth of the build.
const BODIES_KEPT: usize = 64 << 20;

/// One change [`Snapshot::update`] found: facts, from which
/// `serve::rebuild` decides what must be built again.
// A handful per edit, short-lived: boxing the files would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub(crate) enum FileChange {
    /// `dossier.yaml` was read again.
    Settings,
    /// `content/` was listed again, or the dossier's folder changed.
    Listing,
    /// A file or folder under `content/`.
    Content {
        /// Its file as parsed before and now; `None` for a folder, or a
        /// file absent, unreadable or not parsed.
        before: Option<Parsed>,
        after: Option<Parsed>,
        /// What it held before and holds now are only files dossier
        /// ignores (editors' backups), or nothing.
        ignored: bool,
    },
}

/// Reads the dossier at `root`: every file that parses, and an error for
/// each one that does not.
/// Past [`BODIES_KEPT`], each article's body is left on disk, read again
/// by annotate.
pub(crate) fn load(root: &Path) -> Loaded {
    Snapshot::read_with(root, BODIES_KEPT).into_loaded()
}

impl Snapshot {
    /// Reads every file of the dossier at `root`, whole.
    pub(crate) fn read(root: &Path) -> Self {
        Snapshot::read_with(root, usize::MAX)
    }

    fn read_with(root: &Path, bodies_kept: usize) -> Self {
        let mut snapshot = Snapshot {
            root: root.to_path_buf(),
            settings: settings::read_config(root),
            no_content: None,
            files: BTreeMap::new(),
            history: Arc::new(git::History::read(root)),
            bodies_kept,
        };
        snapshot.read_content();
        snapshot
    }

    /// Re-reads what may have changed at each of `paths` (absolute, as a
    /// file watcher gives them): a file, a folder moved in or out, or
    /// `dossier.yaml`. Paths elsewhere are ignored.
    pub(crate) fn update<'a>(
        &mut self,
        paths: impl IntoIterator<Item = &'a Path>,
    ) -> Vec<FileChange> {
        let mut changes = Vec::new();
        let content = self.root.join("content");
        for path in paths {
            if path == self.root.join("dossier.yaml") {
                self.settings = settings::read_config(&self.root);
                changes.push(FileChange::Settings);
            } else if path == content || path == self.root {
                self.read_content();
                changes.push(FileChange::Listing);
            } else if path.starts_with(&content) {
                let before = match self.files.get(path) {
                    Some(FileState::Parsed(parsed)) => Some(parsed.clone()),
                    _ => None,
                };
                let mut ignored = self.remove_under(path);
                let hidden = relative_to(path, &content)
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
                if !hidden && path.exists() {
                    self.parse_all(markdown_files(&self.root, path));
                }
                ignored &= self.entries_under(path).all(|(_, state)| {
                    matches!(state, FileState::Skipped(problem) if !problem.is_error())
                });
                let after = match self.files.get(path) {
                    Some(FileState::Parsed(parsed)) => Some(parsed.clone()),
                    _ => None,
                };
                changes.push(FileChange::Content {
                    before,
                    after,
                    ignored,
                });
            }
        }
        changes
    }

    /// The files at `path` or under it.
    fn entries_under<'a>(
        &'a self,
        path: &'a Path,
    ) -> impl Iterator<Item = (&'a PathBuf, &'a FileState)> {
        self.files
            .range(path.to_path_buf()..)
            .take_while(move |(p, _)| p.starts_with(path))
    }

    /// Forgets the files at `path` or under it; says whether they were all
    /// ignored ones (or none).
    fn remove_under(&mut self, path: &Path) -> bool {
        let gone: Vec<PathBuf> = self.entries_under(path).map(|(p, _)| p.clone()).collect();
        let mut only_ignored = true;
        for p in gone {
            if let Some(state) = self.files.remove(&p) {
                only_ignored &= matches!(state, FileState::Skipped(problem) if !problem.is_error());
            }
        }
        only_ignored
    }

    /// Everything read, ready for `resolve`, the snapshot kept for the
    /// next change. File texts are shared, not copied.
    pub(crate) fn loaded(&self) -> Loaded {
        // Copying the parsed front matter is most of the time of a rebuild
        // in `serve`: on all cores.
        let states: Vec<(&PathBuf, &FileState)> = self.files.iter().collect();
        let states: Vec<(&PathBuf, FileState)> = states
            .into_par_iter()
            .map(|(path, state)| (path, state.clone()))
            .collect();
        self.assemble(states)
    }

    /// Everything read, ready for `resolve`, for a build, which needs no
    /// snapshot after: moved rather than copied, so that the front matter
    /// of every file is never in memory twice.
    fn into_loaded(mut self) -> Loaded {
        let files = std::mem::take(&mut self.files);
        self.assemble(files)
    }

    /// [`Loaded`] from the files' `states` and this snapshot's settings.
    fn assemble<P: AsRef<Path>>(&self, states: impl IntoIterator<Item = (P, FileState)>) -> Loaded {
        let mut loaded = Loaded {
            history: Arc::clone(&self.history),
            ..Loaded::default()
        };
        let mut errors = Vec::new();
        match &self.settings.config {
            Ok(config) => loaded.config = config.clone(),
            Err(error) => errors.push(error.clone()),
        }
        loaded
            .warnings
            .extend(self.settings.warnings.iter().cloned());
        loaded.warnings.extend(self.no_content.clone());
        if self.history.shallow {
            loaded.warnings.push(
                Diagnostic::warning(
                    "content/articles",
                    "the git repository is a shallow clone: articles get no dates from git",
                )
                .with_help(
                    "fetch the whole history (`git fetch --unshallow`; in GitHub Actions, \
                     `fetch-depth: 0` in actions/checkout)",
                ),
            );
        }
        for (path, state) in states {
            let path = path.as_ref();
            match state {
                FileState::Parsed(parsed) => {
                    loaded.warnings.extend(comments::cut_values(parsed.file()));
                    match parsed {
                        Parsed::Article(doc) => loaded.articles.push(doc),
                        Parsed::Entity(doc) => loaded.entities.push(doc),
                        Parsed::Page(doc) => loaded.pages.push(doc),
                        Parsed::Home(doc) => loaded.home = Some(doc),
                    }
                }
                FileState::Skipped(problem) if problem.is_error() => errors.push(problem),
                FileState::Skipped(warning) => loaded.warnings.push(warning),
                FileState::Failed(kind, error, slug) => {
                    match kind {
                        ContentKind::Entity => {
                            loaded.unreadable.entity_ids.insert(paths::file_stem(path))
                        }
                        ContentKind::Article => loaded
                            .unreadable
                            .article_slugs
                            .insert(slug.unwrap_or_else(|| paths::slug_from_file_name(path))),
                        ContentKind::Page | ContentKind::Home => false,
                    };
                    errors.push(error);
                }
            }
        }
        loaded.errors = errors;
        loaded
    }

    fn read_content(&mut self) {
        self.files.clear();
        self.no_content = None;
        let content = self.root.join("content");
        if !content.is_dir() {
            self.no_content = Some(Diagnostic::warning(
                relative_to(&content, &self.root),
                "no `content/` folder: the dossier is empty",
            ));
            return;
        }
        self.parse_all(markdown_files(&self.root, &content));
    }

    fn parse_all(&mut self, found: Vec<(PathBuf, Result<ContentKind, Diagnostic>)>) {
        let root = &self.root;
        // Which bodies are kept depends on the threads' order; what is
        // built does not.
        let room = AtomicUsize::new(self.bodies_kept);
        let keep = |body: usize| {
            room.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(body)
            })
            .is_ok()
        };
        let states: Vec<FileState> = with_readers(|| {
            found
                .par_iter()
                .map(|(path, kind)| match kind {
                    Ok(kind) => match parse_file(root, path, *kind) {
                        Ok(Parsed::Article(mut doc)) if !keep(doc.file.body().len()) => {
                            doc.file.leave_body(path);
                            FileState::Parsed(Parsed::Article(doc))
                        }
                        Ok(parsed) => FileState::Parsed(parsed),
                        Err(error) => FileState::Failed(*kind, error, failed_slug(path, *kind)),
                    },
                    Err(problem) => FileState::Skipped(problem.clone()),
                })
                .collect()
        });
        let parsed = found.into_iter().map(|(path, _)| path).zip(states);
        if self.files.is_empty() {
            // Built from sorted pairs at once: inserting them one by one
            // compared paths component by component, a hundredth of a build.
            self.files = parsed.collect();
        } else {
            self.files.extend(parsed);
        }
    }
}

#[cfg(test)]
mod tests;
