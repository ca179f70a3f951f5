//! Stage 1, load: walks the dossier's folders, reads every file, splits and
//! parses front matter into typed structs. Nothing is cross-checked here
//! (that is `resolve`); each file is read and parsed exactly once.

pub mod front_matter;
pub mod meta;
pub mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, relative_to};
use meta::{ArticleMeta, EntityMeta, HomeMeta, PageMeta};

/// One Markdown file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the dossier root, for messages.
    pub path: PathBuf,
    /// The whole text, BOM removed.
    pub text: String,
    /// Where the front matter and body are.
    pub split: front_matter::Split,
}

impl SourceFile {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.split.body.clone()]
    }

    /// The YAML front matter.
    pub fn yaml(&self) -> &str {
        &self.text[self.split.yaml.clone()]
    }

    /// An error at a byte offset of the body.
    pub fn error_in_body(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, message).at_offset(&self.text, self.split.body.start + offset)
    }

    /// An error at the first place `needle` appears in the front matter
    /// (serde does not give positions to values checked after parsing), or
    /// at the opening `---`.
    pub fn error_in_front_matter(&self, needle: &str, message: impl Into<String>) -> Diagnostic {
        self.error_after_key("", needle, message)
    }

    /// Like [`Self::error_in_front_matter`], looking for `needle` after the
    /// first `key:` (an alias under `aliases:` rather than in `name:`).
    pub fn error_after_key(
        &self,
        key: &str,
        needle: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let error = Diagnostic::error(&self.path, message);
        let yaml = self.yaml();
        let from = if key.is_empty() {
            0
        } else {
            yaml.find(&format!("{key}:")).unwrap_or(0)
        };
        let found = yaml[from..]
            .find(needle)
            .map(|i| from + i)
            .or_else(|| yaml.find(needle));
        match found {
            Some(offset) if !needle.is_empty() => {
                error.at_offset(&self.text, self.split.yaml.start + offset)
            }
            _ => error.at_line(&self.text, 1, 1),
        }
    }
}

/// A file and its parsed front matter.
#[derive(Debug, Clone)]
pub struct Document<M> {
    /// The file.
    pub file: SourceFile,
    /// Its front matter.
    pub meta: M,
}

/// Everything read from a dossier's folder.
#[derive(Debug, Default)]
pub struct Loaded {
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
}

enum Kind {
    Article,
    Entity,
    Page,
    Home,
}

enum Parsed {
    Article(Document<ArticleMeta>),
    Entity(Document<EntityMeta>),
    Page(Document<PageMeta>),
    Home(Document<HomeMeta>),
}

/// Reads the dossier at `root`. Returns every error found, or the files.
pub fn load(root: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut loaded = Loaded::default();
    match read_config(root) {
        Ok(config) => loaded.config = config,
        Err(error) => errors.push(error),
    }
    let content = root.join("content");
    let (files, mut walk_problems) = markdown_files(root, &content);
    errors.extend(walk_problems.iter().filter(|d| d.is_error()).cloned());
    walk_problems.retain(|d| !d.is_error());
    loaded.warnings = walk_problems;

    let parsed: Vec<Result<Parsed, Diagnostic>> = files
        .par_iter()
        .map(|(path, kind)| parse_file(root, path, kind))
        .collect();
    for result in parsed {
        match result {
            Ok(Parsed::Article(doc)) => loaded.articles.push(doc),
            Ok(Parsed::Entity(doc)) => loaded.entities.push(doc),
            Ok(Parsed::Page(doc)) => loaded.pages.push(doc),
            Ok(Parsed::Home(doc)) => loaded.home = Some(doc),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(loaded)
    } else {
        Err(errors)
    }
}

fn read_config(root: &Path) -> Result<Config, Diagnostic> {
    let path = root.join("dossier.yaml");
    if !path.exists() {
        return Ok(Config::default());
    }
    let shown = relative_to(&path, root);
    let text = read_text(&path, &shown)?;
    yaml::parse(&shown, &text, &text, 1)
}

/// Every `.md` file under `content/`, sorted, with the kind its folder
/// gives it. Hidden files and folders are skipped.
fn markdown_files(root: &Path, content: &Path) -> (Vec<(PathBuf, Kind)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !content.is_dir() {
        problems.push(Diagnostic::warning(
            relative_to(content, root),
            "no `content/` folder: the dossier is empty",
        ));
        return (files, problems);
    }
    let walker = WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error
                    .path()
                    .map_or_else(|| content.to_path_buf(), Path::to_path_buf);
                problems.push(Diagnostic::error(
                    relative_to(&path, root),
                    format!("cannot read: {error}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let inside = relative_to(path, content);
        let top = inside
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let kind = match (top.as_deref(), inside.components().count()) {
            (Some("_index.md"), 1) => Kind::Home,
            (Some("articles"), n) if n > 1 => Kind::Article,
            (Some("entities"), n) if n > 1 => Kind::Entity,
            (Some("pages"), n) if n > 1 => Kind::Page,
            _ => {
                problems.push(Diagnostic::warning(
                    relative_to(path, root),
                    "ignored: Markdown files belong in content/articles/, content/entities/ or content/pages/",
                ));
                continue;
            }
        };
        files.push((path.to_path_buf(), kind));
    }
    (files, problems)
}

fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes =
        std::fs::read(path).map_err(|e| Diagnostic::error(shown, format!("cannot read: {e}")))?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            Err(Diagnostic::error(
                shown,
                format!("not valid UTF-8 (byte {valid}): files must be UTF-8"),
            )
            .at_offset(&before, valid)
            .with_help("re-save the file as UTF-8"))
        }
    }
}

fn parse_file(root: &Path, path: &Path, kind: &Kind) -> Result<Parsed, Diagnostic> {
    let shown = relative_to(path, root);
    let text = read_text(path, &shown)?;
    let split = front_matter::split(&text)
        .map_err(|e| Diagnostic::error(&shown, e.message()).at_line(&text, 1, 1))?;
    let yaml = &text[split.yaml.clone()];
    let yaml_line = split.yaml_line;
    let file = |text: String| SourceFile {
        path: shown.clone(),
        text,
        split: split.clone(),
    };
    Ok(match kind {
        Kind::Article => {
            let meta = yaml::parse(&shown, &text, yaml, yaml_line)?;
            Parsed::Article(Document {
                file: file(text),
                meta,
            })
        }
        Kind::Entity => {
            let meta = yaml::parse(&shown, &text, yaml, yaml_line)?;
            Parsed::Entity(Document {
                file: file(text),
                meta,
            })
        }
        Kind::Page => {
            let meta = yaml::parse(&shown, &text, yaml, yaml_line)?;
            Parsed::Page(Document {
                file: file(text),
                meta,
            })
        }
        Kind::Home => {
            let meta = yaml::parse(&shown, &text, yaml, yaml_line)?;
            Parsed::Home(Document {
                file: file(text),
                meta,
            })
        }
    })
}
