//! The CI files `dossier init --ci` writes: a GitHub Actions workflow or a
//! GitLab CI pipeline that builds the dossier with its full git history
//! and publishes it on the platform's Pages, with `base_url` taken from the
//! address the platform gives the site.
//!
//! Each file installs dossier from its git repository: the address in
//! `Cargo.toml`'s `repository` when it has one, else a placeholder that
//! `init` tells the user to replace.

use std::path::{Path, PathBuf};

use super::{ScaffoldError, write_new};

/// Where a CI file publishes the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    /// GitHub Pages, through GitHub Actions.
    GitHub,
    /// GitLab Pages, through GitLab CI.
    GitLab,
}

/// Where dossier's source is, when `Cargo.toml` does not say.
const PLACEHOLDER: &str = "https://git.example.org/replace-with-the-address-of/dossier.git";

impl Ci {
    /// The file, relative to the dossier's root: where the platform reads
    /// it, at the root of the repository.
    pub fn path(self) -> &'static str {
        match self {
            Ci::GitHub => ".github/workflows/pages.yml",
            Ci::GitLab => ".gitlab-ci.yml",
        }
    }

    /// What to do before the first push, one line each, to print after
    /// the file is written.
    pub fn next_steps(self) -> Vec<String> {
        let mut steps = Vec::new();
        if dossier_git().is_none() {
            steps.push(format!(
                "in {}, set DOSSIER_GIT to the git address dossier is installed from",
                self.path()
            ));
        }
        steps.push(match self {
            Ci::GitHub => "push to GitHub; in the repository's Settings > Pages, set Source to \"GitHub Actions\"".to_string(),
            Ci::GitLab => "push to GitLab; the site's address is under Deploy > Pages".to_string(),
        });
        steps
    }

    /// The file's text, with dossier's git address filled in.
    fn text(self) -> String {
        let template = match self {
            Ci::GitHub => include_str!("skeleton/ci/github-pages.yml"),
            Ci::GitLab => include_str!("skeleton/ci/gitlab-ci.yml"),
        };
        template.replace("{dossier_git}", dossier_git().unwrap_or(PLACEHOLDER))
    }
}

/// The address of dossier's repository, from `Cargo.toml`, when it has one.
fn dossier_git() -> Option<&'static str> {
    Some(env!("CARGO_PKG_REPOSITORY")).filter(|address| !address.is_empty())
}

/// Writes the CI file of `ci` into the dossier at `root`, never over a
/// file. Gives its path relative to `root`.
pub(super) fn write(root: &Path, ci: Ci) -> Result<PathBuf, ScaffoldError> {
    // `.gitlab-ci.yml` rather than `./.gitlab-ci.yml` in what is shown.
    let root = root.strip_prefix(".").unwrap_or(root);
    let relative = PathBuf::from(ci.path());
    write_new(&root.join(&relative), &ci.text()).map_err(|error| match error {
        ScaffoldError::Exists(path) => ScaffoldError::CiFileExists(path),
        error => error,
    })?;
    Ok(relative)
}
