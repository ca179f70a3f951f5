//! `dossier.yaml`, read once per build, and again by `serve` when it
//! changes: the settings or why they could not be read, and what YAML
//! quietly cut in them.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, relative_to};

use super::files::read_text;
use super::{comments, yaml};

/// `dossier.yaml` as read.
#[derive(Debug, Clone)]
pub(super) struct Settings {
    /// The settings, or why they could not be read.
    pub(super) config: Result<Config, Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            config: Ok(Config::default()),
            warnings: Vec::new(),
        }
    }
}

/// `dossier.yaml` read, or why not, and its warnings.
pub(super) fn read_config(root: &Path) -> Settings {
    let path = root.join("dossier.yaml");
    if !path.exists() {
        return Settings::default();
    }
    let shown = relative_to(&path, root);
    match read_text(&path, &shown) {
        Ok(text) => Settings {
            config: yaml::parse(&shown, &text, &text, 1),
            warnings: comments::cut_settings(&shown, &text),
        },
        Err(error) => Settings {
            config: Err(error),
            warnings: Vec::new(),
        },
    }
}
