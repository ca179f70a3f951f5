//! Which folders are dossiers: one rule for every command, so that `build`,
//! `check` and `serve` refuse a mistyped `--root`, or a run from inside
//! `content/`, as `new` does, instead of building an empty site there.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// A dossier is a folder with `dossier.yaml` or a `content/` folder.
pub(crate) fn is_dossier(root: &Path) -> bool {
    root.join("dossier.yaml").is_file() || root.join("content").is_dir()
}

/// `Ok` when `root` is a dossier; otherwise an error that says where the
/// dossier probably is.
pub(crate) fn check_root(root: &Path) -> Result<(), Diagnostic> {
    if is_dossier(root) {
        return Ok(());
    }
    let error = Diagnostic::error(
        root,
        "not a dossier: there is no dossier.yaml and no content/ folder here",
    );
    if !root.exists() {
        return Err(error.with_help(
            "the folder does not exist: check the path given to --root; \
             `dossier init DIR` makes a new dossier",
        ));
    }
    let help = match enclosing_dossier(root) {
        Some(up) => format!(
            "this folder is inside the dossier at `{0}`: run the command from there, or pass `--root {0}`",
            up.display()
        ),
        None => "run the command in a dossier's folder or pass `--root DIR`; \
                 `dossier init DIR` makes a new dossier"
            .to_string(),
    };
    Err(error.with_help(help))
}

/// The dossier a few folders above `root`, if `root` lies inside one: as
/// `..` or `../..` when it is above the current folder, else in full.
fn enclosing_dossier(root: &Path) -> Option<PathBuf> {
    let absolute = root.canonicalize().ok()?;
    let dossier = absolute
        .ancestors()
        .skip(1)
        .take(4)
        .find(|f| is_dossier(f))?;
    let here = std::env::current_dir().and_then(|d| d.canonicalize()).ok();
    Some(
        match here.as_deref().and_then(|h| h.strip_prefix(dossier).ok()) {
            Some(below) if below.as_os_str().is_empty() => PathBuf::from("."),
            Some(below) => below.components().map(|_| "..").collect(),
            None => dossier.to_path_buf(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_content_points_at_the_dossier() {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::create_dir_all(dir.path().join("content/articles")).expect("folders");
        assert!(check_root(dir.path()).is_ok());
        let error = check_root(&dir.path().join("content/articles")).expect_err("inside");
        let dossier = dir.path().canonicalize().expect("exists");
        let help = error.help.unwrap_or_default();
        assert!(
            help.contains(&format!("`--root {}`", dossier.display())),
            "{help}"
        );
    }
}
