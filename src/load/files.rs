//! Reading the files under `content/`: which kind each is by its place,
//! its text (UTF-8, BOM removed), its front matter split and parsed, and
//! the checks that need the whole of one file.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use walkdir::WalkDir;

use super::{ContentKind, Document, Parsed, SourceFile, front_matter, meta, periods, yaml};
use crate::diagnostic::{Diagnostic, relative_to};

/// Every file under `from` (`content/` or a folder or file in it), sorted,
/// with the kind its place gives it, or why it is not read (ignored, or a
/// folder that cannot be listed). Hidden files and folders are skipped.
pub(super) fn markdown_files(
    root: &Path,
    from: &Path,
) -> Vec<(PathBuf, Result<ContentKind, Diagnostic>)> {
    let content = root.join("content");
    let mut files = Vec::new();
    let walker = WalkDir::new(from)
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
                    .map_or_else(|| from.to_path_buf(), Path::to_path_buf);
                let problem =
                    Diagnostic::error(relative_to(&path, root), format!("cannot read: {error}"));
                files.push((path, Err(problem)));
                continue;
            }
        };
        if entry.file_type().is_file() {
            let path = entry.path();
            files.push((path.to_path_buf(), classify(root, &content, path)));
        }
    }
    files
}

/// The kind of a file under `content/`, from its folder.
pub(super) fn classify(
    root: &Path,
    content: &Path,
    path: &Path,
) -> Result<ContentKind, Diagnostic> {
    if path.extension().is_none_or(|e| e != "md") {
        return Err(Diagnostic::warning(
            relative_to(path, root),
            "ignored: only Markdown files are read from content/; put images and other files in static/",
        ));
    }
    let inside = relative_to(path, content);
    let top = inside
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    match (top.as_deref(), inside.components().count()) {
        (Some("_index.md"), 1) => Ok(ContentKind::Home),
        (Some("articles"), n) if n > 1 => Ok(ContentKind::Article),
        (Some("entities"), n) if n > 1 => Ok(ContentKind::Entity),
        (Some("pages"), n) if n > 1 => Ok(ContentKind::Page),
        _ => Err(Diagnostic::warning(
            relative_to(path, root),
            "ignored: Markdown files belong in content/articles/, content/entities/ or content/pages/",
        )),
    }
}

/// How many files are read at once. A file not in the page cache waits
/// on the disk, not on a core: reading the 100,000 articles of the
/// benchmark (520 MB) from a cold cache took 9.9 s two at a time and 3.7 s
/// sixteen at a time on a 2-core machine; sixty-four did no better.
const READERS: usize = 16;

/// Runs `read` in a pool of at least [`READERS`] threads, so that its
/// parallel iterators keep that many reads waiting on the disk; in the
/// caller's pool when no thread can be started.
pub(super) fn with_readers<T: Send>(read: impl FnOnce() -> T + Send) -> T {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(READERS.max(rayon::current_num_threads()))
            .thread_name(|i| format!("dossier-reader-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(read),
        None => read(),
    }
}

pub(super) fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
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

pub(super) fn parse_file(
    root: &Path,
    path: &Path,
    kind: ContentKind,
) -> Result<Parsed, Diagnostic> {
    let shown = relative_to(path, root);
    let text = read_text(path, &shown)?;
    let split = front_matter::split(&text)
        .map_err(|e| Diagnostic::error(&shown, e.message()).at_line(&text, 1, 1))?;
    let file = SourceFile {
        path: shown,
        text: text.into(),
        split,
        body_on_disk: None,
    };
    Ok(match kind {
        ContentKind::Article => {
            let doc = document(file)?;
            periods::check_article(&doc)?;
            Parsed::Article(doc)
        }
        ContentKind::Entity => {
            let doc = document(file)?;
            periods::check_entity(&doc)?;
            Parsed::Entity(doc)
        }
        ContentKind::Page => Parsed::Page(document(file)?),
        ContentKind::Home => Parsed::Home(document(file)?),
    })
}

/// The file with its front matter parsed as `M`.
pub(super) fn document<M: serde::de::DeserializeOwned>(
    file: SourceFile,
) -> Result<Document<M>, Diagnostic> {
    let meta = yaml::parse(&file.path, &file.text, file.yaml(), file.split.yaml_line)?;
    Ok(Document { file, meta })
}

/// The `slug:` an article whose front matter does not parse sets on a
/// line of its own, if any, so that references to it are not reported as
/// unknown too: one broken file, one error.
pub(super) fn failed_slug(path: &Path, kind: ContentKind) -> Option<String> {
    if !matches!(kind, ContentKind::Article) {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines
        .take_while(|line| line.trim_end() != "---")
        .find_map(|line| line.strip_prefix("slug:"))
        .map(|value| value.trim().trim_matches(['"', '\'']).to_string())
        .filter(|slug| meta::check_slug(slug).is_ok())
}
