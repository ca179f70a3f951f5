//! Stage 5, write: puts the rendered site and `static/` on disk in one
//! atomic swap. Pages are written as they are rendered into a fresh
//! folder beside the output (so the whole site is never held in memory);
//! only when all of it is written is the old output renamed away and the
//! new one renamed in. A failed build drops the staging folder and leaves
//! the previous output exactly as it was.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tempfile::TempDir;

use crate::render::{OutputFile, Sink};

/// Why an output folder is refused, and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refused {
    pub message: String,
    pub help: String,
}

/// The folders of a dossier that hold what the user wrote.
const INPUTS: [&str; 4] = ["content", "templates", "static", ".git"];

/// What tells an earlier build, which the swap may replace, from someone's
/// folder: every file of one of these sets. `dossier.json` alone was
/// enough until `exports` could leave it out; the search's two files are
/// in every site built, and together in no other tool's.
const SITE_MARKS: [&[&str]; 2] = [&["dossier.json"], &["search-index.js", "search/keys.js"]];

/// Refuses an output folder whose replacement would delete something the
/// user wrote: the swap replaces the whole output folder, so it must not
/// hold the dossier (or be above it), be one of its input folders or
/// inside one, or be a folder of other files than a site dossier made.
pub(crate) fn check_output(output: &Path, root: &Path) -> Result<(), Refused> {
    // Absolute, with `.` and `..` resolved as written (`--output-dir ..`
    // names the folder above, which holds the dossier).
    let absolute = |p: &Path| {
        let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let mut resolved = PathBuf::new();
        for part in absolute.components() {
            match part {
                std::path::Component::ParentDir => {
                    resolved.pop();
                }
                std::path::Component::CurDir => {}
                other => resolved.push(other),
            }
        }
        resolved
    };
    let shown = output.display();
    let (output, root) = (absolute(output), absolute(root));
    let elsewhere = "write the site to a new folder, such as the default `public`";
    if root.starts_with(&output) {
        return Err(Refused {
            message: format!(
                "the output folder {shown} holds the dossier itself; building there would replace it"
            ),
            help: elsewhere.to_string(),
        });
    }
    if let Some(input) = INPUTS.iter().find(|i| output.starts_with(root.join(i))) {
        return Err(Refused {
            message: format!(
                "the output folder {shown} is in the dossier's `{input}/`; building there would replace what you wrote"
            ),
            help: elsewhere.to_string(),
        });
    }
    if output.join("content").is_dir() || output.join("dossier.yaml").is_file() {
        return Err(Refused {
            message: format!(
                "the output folder {shown} looks like a dossier (it has content/ or dossier.yaml); building there would replace it"
            ),
            help: elsewhere.to_string(),
        });
    }
    // Any other folder with files in it is someone's, which the swap
    // would delete.
    let holds_files = fs::read_dir(&output).is_ok_and(|mut entries| entries.next().is_some());
    let built = SITE_MARKS
        .iter()
        .any(|marks| marks.iter().all(|mark| output.join(mark).is_file()));
    if holds_files && !built {
        return Err(Refused {
            message: format!(
                "the output folder {shown} holds files that are not a site dossier built; building there would delete them"
            ),
            help: "write the site to a new or empty folder, or move those files away first"
                .to_string(),
        });
    }
    Ok(())
}

/// A site being written, not yet visible at its output path.
#[derive(Debug)]
pub(crate) struct Staging {
    folder: TempDir,
    output: PathBuf,
    /// Files written so far, static copies included.
    written: std::sync::atomic::AtomicUsize,
    /// The files copied from `static/`, by output path (`/`-separated).
    copied: std::collections::HashSet<String>,
    /// Those a rendered file then replaced.
    replaced: std::sync::Mutex<Vec<String>>,
}

impl Staging {
    /// A fresh staging folder beside `output`, holding a copy of
    /// `static_dir` when there is one (rendered pages overwrite copies of
    /// the same name).
    pub(crate) fn new(output: &Path, static_dir: &Path) -> io::Result<Self> {
        let parent = parent_of(output);
        fs::create_dir_all(&parent)?;
        let folder = tempfile::Builder::new()
            .prefix(&format!(".{}.new-", name_of(output)))
            .tempdir_in(&parent)?;
        let copied = if static_dir.is_dir() {
            copy_tree(static_dir, folder.path())?
        } else {
            Default::default()
        };
        Ok(Self {
            written: copied.len().into(),
            copied,
            replaced: Default::default(),
            folder,
            output: output.to_path_buf(),
        })
    }

    /// The file at `path` (inside the output, `/`-separated), created
    /// with its folders.
    fn create_file(&self, path: &str) -> io::Result<fs::File> {
        let full = self.folder.path().join(path);
        if let Some(folder) = full.parent() {
            fs::create_dir_all(folder)?;
        }
        if self.copied.contains(path)
            && let Ok(mut replaced) = self.replaced.lock()
        {
            replaced.push(path.to_string());
        }
        let file = fs::File::create(&full)?;
        self.written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(file)
    }

    /// Files written so far (a file rendered over a static one counts twice).
    pub(crate) fn files(&self) -> usize {
        self.written.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The files of `static/` that a rendered file replaced, sorted.
    pub(crate) fn replaced(&self) -> Vec<String> {
        let mut replaced = self.replaced.lock().map(|r| r.clone()).unwrap_or_default();
        replaced.sort();
        replaced
    }

    /// Swaps the staging folder in as the output.
    pub(crate) fn commit(self) -> io::Result<()> {
        let parent = parent_of(&self.output);
        let name = name_of(&self.output);
        // The staging folder stays a TempDir until it is in place, so that
        // any failure below removes it.
        let old = if self.output.exists() {
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.old-"))
                .tempdir_in(&parent)?;
            // The folder reserves a free name; inside it, the old output.
            let old_output = old.path().join(&name);
            fs::rename(&self.output, &old_output)?;
            Some((old, old_output))
        } else {
            None
        };
        if let Err(error) = fs::rename(self.folder.path(), &self.output) {
            if let Some((_, old_output)) = &old {
                let _ = fs::rename(old_output, &self.output);
            }
            return Err(error);
        }
        // The new site is in place: removing the old one is housekeeping,
        // and the TempDir removes whatever a failure here leaves.
        if let Some((old, old_output)) = old {
            let _ = remove_tree(&old_output);
            drop(old);
        }
        Ok(())
    }
}

/// Removes a folder tree, its subfolders in parallel: the previous output
/// of a large dossier has tens of thousands of files.
fn remove_tree(folder: &Path) -> io::Result<()> {
    let mut children = Vec::new();
    for top in fs::read_dir(folder)? {
        let top = top?;
        if top.file_type()?.is_dir() {
            for child in fs::read_dir(top.path())? {
                children.push(child?.path());
            }
        }
    }
    children.par_iter().try_for_each(|child| {
        if child.is_dir() {
            fs::remove_dir_all(child)
        } else {
            fs::remove_file(child)
        }
    })?;
    fs::remove_dir_all(folder)
}

/// Where a build keeps its temporary files: beside the output, on the
/// disk that will hold the site, or the system's folder for them while
/// that folder does not exist yet.
pub(crate) fn spill_folder(output: &Path) -> PathBuf {
    let parent = parent_of(output);
    if parent.is_dir() {
        parent
    } else {
        std::env::temp_dir()
    }
}

fn parent_of(output: &Path) -> PathBuf {
    match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn name_of(output: &Path) -> String {
    output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned())
}

/// Copies `from` into `to`, skipping hidden files; gives the file count.
/// Copies `from` into `to`; gives the files copied, by `/`-separated path.
fn copy_tree(from: &Path, to: &Path) -> io::Result<std::collections::HashSet<String>> {
    let mut copied = std::collections::HashSet::new();
    let walker = walkdir::WalkDir::new(from)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(io::Error::other)?;
        let relative = entry.path().strip_prefix(from).map_err(io::Error::other)?;
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            fs::copy(entry.path(), &target)?;
            copied.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(copied)
}

impl Sink for Staging {
    fn create(&self, path: &str) -> io::Result<Box<dyn Write + '_>> {
        Ok(Box::new(io::BufWriter::with_capacity(
            64 * 1024,
            self.create_file(path)?,
        )))
    }

    /// A whole file in one write, without a buffer's copy.
    fn put(&self, file: OutputFile) -> io::Result<()> {
        self.create_file(&file.path)?.write_all(&file.bytes)
    }
}
