//! `dossier theme`: the built-in theme written into the dossier's
//! `templates/`, to be edited there, as `mdbook init --theme` does. A file
//! in `templates/` replaces the built-in one of its name, so the site
//! builds to the same bytes until one is edited. The user's files are
//! theirs: one already there is kept unless `--force` says otherwise.

use std::fs;
use std::path::{Path, PathBuf};

use super::{ScaffoldError, write_new};
use crate::render::built_in_theme;

/// What became of one file of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeFile {
    /// Written: there was none.
    Written,
    /// Written over a different file, with `--force`.
    Replaced,
    /// Left as it was: a different file was there (the user's own edit).
    Kept,
    /// Left as it was: the same text was there already.
    Same,
}

/// Writes every file of the built-in theme into `root/templates/`: each
/// missing one, and with `force` each that differs too. Gives each file's
/// path (`root` joined with `templates/<name>`) and what became of it, in
/// the theme's order: templates, then the stylesheet, scripts and icon.
pub fn theme(root: &Path, force: bool) -> Result<Vec<(PathBuf, ThemeFile)>, ScaffoldError> {
    crate::load::root::check_root(root).map_err(ScaffoldError::NotADossier)?;
    // `templates/…` rather than `./templates/…` in what is shown.
    let root = root.strip_prefix(".").unwrap_or(root);
    let folder = root.join("templates");
    let mut done = Vec::new();
    for (name, text) in built_in_theme() {
        let path = folder.join(name);
        let outcome = match fs::read(&path) {
            Ok(there) if there == text.as_bytes() => ThemeFile::Same,
            Ok(_) if !force => ThemeFile::Kept,
            Ok(_) => {
                fs::write(&path, text).map_err(|e| ScaffoldError::Io(path.clone(), e))?;
                ThemeFile::Replaced
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                write_new(&path, text)?;
                ThemeFile::Written
            }
            Err(error) => return Err(ScaffoldError::Io(path, error)),
        };
        done.push((path, outcome));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_is_missing_and_keeps_what_differs_unless_forced() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path();
        fs::write(root.join("dossier.yaml"), "").expect("settings");
        fs::create_dir(root.join("templates")).expect("templates");
        fs::write(root.join("templates/page.html"), "mine").expect("own page");
        let count = built_in_theme().count();

        let first = theme(root, false).expect("theme");
        assert_eq!(first.len(), count);
        let page = root.join("templates/page.html");
        for (path, outcome) in &first {
            let expected = if *path == page {
                ThemeFile::Kept
            } else {
                ThemeFile::Written
            };
            assert_eq!(*outcome, expected, "{}", path.display());
        }
        assert_eq!(fs::read_to_string(&page).expect("kept"), "mine");

        let again = theme(root, false).expect("again");
        assert!(again.iter().all(|(p, o)| *o
            == if *p == page {
                ThemeFile::Kept
            } else {
                ThemeFile::Same
            }));

        let forced = theme(root, true).expect("forced");
        assert!(forced.contains(&(page.clone(), ThemeFile::Replaced)));
        assert_ne!(fs::read_to_string(&page).expect("replaced"), "mine");
    }
}
