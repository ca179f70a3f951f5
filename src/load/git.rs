//! When each article entered the dossier and when it last changed, from
//! the git history of the dossier's folder: one `git log` over all of `content/articles/`, not a process
//! per file, which would cost seconds on thousands of articles.
//!
//! A dossier outside git, or a machine without git, simply has no
//! history: nothing here is an error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::date::DateValue;

/// The dates of a file's first and last commits: when it entered the
/// dossier and when the dossier's copy last changed (not the source's own
/// dates, which the front matter gives).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Committed {
    /// The oldest commit that has the file at its path.
    pub added: DateValue,
    /// The newest one.
    pub changed: DateValue,
}

/// The commit dates of each committed file, and where the dossier sits in
/// its repository.
#[derive(Debug, Default, Clone)]
pub(crate) struct History {
    /// By path relative to the dossier root (as in `SourceFile::path`).
    committed: HashMap<PathBuf, Committed>,
    /// The dossier's folder inside the repository (`""` at its root), when
    /// it is in one.
    prefix: Option<String>,
    /// The repository is a shallow clone (as CI services make by default):
    /// its history would give every file the date of the last commit, so
    /// none is given.
    pub shallow: bool,
}

impl History {
    /// Reads the history of the dossier at `root`.
    pub(crate) fn read(root: &Path) -> Self {
        let Some(answer) = git(
            root,
            &["rev-parse", "--show-prefix", "--is-shallow-repository"],
        ) else {
            return Self::default();
        };
        let mut lines = answer.lines();
        let prefix = lines.next().unwrap_or_default().trim().to_string();
        if lines.next().is_some_and(|l| l.trim() == "true") {
            return Self {
                prefix: Some(prefix),
                shallow: true,
                ..Self::default()
            };
        }
        // Newest commit first: the first date seen for a file is its last
        // change. `--relative` gives paths from the dossier root; `-z`
        // gives them as they are (unquoted, whatever characters they hold).
        let log = git(
            root,
            &[
                "-c",
                "log.showSignature=false",
                "log",
                "-z",
                "--format=%x1e%cI",
                "--name-only",
                "--relative",
                "--",
                "content/articles",
            ],
        )
        .unwrap_or_default();
        Self {
            committed: parse_log(&log),
            prefix: Some(prefix),
            shallow: false,
        }
    }

    /// When the file at `path` (relative to the dossier root) was first
    /// and last committed.
    pub(crate) fn committed(&self, path: &Path) -> Option<&Committed> {
        self.committed.get(path)
    }

    /// The path of `path` in the repository, `/`-separated, when the
    /// dossier is in one.
    pub(crate) fn path_in_repository(&self, path: &Path) -> Option<String> {
        let relative = path.to_string_lossy().replace('\\', "/");
        self.prefix
            .as_ref()
            .map(|prefix| format!("{prefix}{relative}"))
    }
}

/// The files of each commit of `git log -z --format=%x1e%cI --name-only`
/// (`␞date NUL \n file NUL file NUL …`), newest first, each given the dates
/// of the oldest and the newest commit that have it.
fn parse_log(log: &str) -> HashMap<PathBuf, Committed> {
    let mut committed: HashMap<PathBuf, Committed> = HashMap::new();
    for commit in log.split('\u{1e}') {
        let mut fields = commit.split('\0');
        let Some(date) = fields
            .next()
            .and_then(|d| d.trim().parse::<DateValue>().ok())
        else {
            continue;
        };
        for file in fields
            .map(|f| f.trim_start_matches('\n'))
            .filter(|f| !f.is_empty())
        {
            // Older commits come later: the last one seen added the file.
            committed
                .entry(PathBuf::from(file))
                .and_modify(|dates| dates.added = date.clone())
                .or_insert_with(|| Committed {
                    added: date.clone(),
                    changed: date.clone(),
                });
        }
    }
    committed
}

/// What `git args` prints in `root`, if git runs and succeeds.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_and_newest_commits_of_a_file_give_its_dates() {
        let log = "\u{1e}2024-07-02T10:00:00+02:00\0\ncontent/articles/a.md\0\
                   \u{1e}2024-06-20T09:00:00Z\0\ncontent/articles/a.md\0content/articles/b \"é\".md\0";
        let committed = parse_log(log);
        let days = |p: &str| {
            let dates = &committed[Path::new(p)];
            (dates.added.iso(), dates.changed.iso())
        };
        assert_eq!(
            days("content/articles/a.md"),
            ("2024-06-20".into(), "2024-07-02".into())
        );
        assert_eq!(
            days("content/articles/b \"é\".md"),
            ("2024-06-20".into(), "2024-06-20".into())
        );
        assert_eq!(committed.len(), 2);
    }

    #[test]
    fn outside_a_repository_there_is_no_history() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let history = History::read(folder.path());
        assert!(history.path_in_repository(Path::new("x.md")).is_none());
    }
}
