//! Stage 5, write: puts the rendered site and `static/` on disk in one
//! atomic swap. Everything is written into a fresh folder beside the
//! output; only when all of it is written is the old output renamed away
//! and the new one renamed in. A failed build leaves the previous output
//! exactly as it was.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::OutputFile;

/// Writes `files` and a copy of `static_dir` (if it exists) as `output`.
pub fn write_site(output: &Path, files: &[OutputFile], static_dir: &Path) -> io::Result<()> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)?;
    if static_dir.is_dir() {
        copy_tree(static_dir, staging.path())?;
    }
    // Folders first, once each, then the files in parallel: on a large
    // dossier, writing is a third of the build.
    let folders: BTreeSet<&Path> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent())
        .collect();
    for folder in folders {
        fs::create_dir_all(staging.path().join(folder))?;
    }
    files
        .par_iter()
        .try_for_each(|file| fs::write(staging.path().join(&file.path), &file.bytes))?;
    let staging = staging.keep();
    let old = if output.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(&parent)?
            .keep();
        // tempdir created the folder to reserve the name; rename needs it gone.
        fs::remove_dir(&old)?;
        fs::rename(output, &old)?;
        Some(old)
    } else {
        None
    };
    if let Err(error) = fs::rename(&staging, output) {
        if let Some(old) = &old {
            let _ = fs::rename(old, output);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    if let Some(old) = old {
        fs::remove_dir_all(old)?;
    }
    Ok(())
}

/// Copies `from` into `to`, skipping hidden files; files already rendered
/// by the site overwrite copies of the same name afterwards.
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(from)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(io::Error::other)?;
        let relative = entry.path().strip_prefix(from).map_err(io::Error::other)?;
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
