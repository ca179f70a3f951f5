//! Several new entity files at once, as `dossier suggest --write` makes
//! them: each with its name, aliases and a type (guessed, or left for the
//! user to choose). Placed and checked like `dossier new entity`, all
//! before any is written, so that either every file is written or none.

use std::fs;
use std::path::{Path, PathBuf};

use super::{NewFile, ScaffoldError, place, today, write_new};
use crate::load::yaml;

/// What a new entity file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntity {
    /// Its name (one line).
    pub name: String,
    /// Other spellings to find in the articles.
    pub aliases: Vec<String>,
    /// A guessed type, when there is one.
    pub kind: Option<&'static str>,
}

/// The type written for an entity whose type could not be guessed: a
/// type of one's own, so that the dossier builds and the site lists such
/// entities apart until the user sorts them.
pub(crate) const UNSORTED: &str = "unsorted";

/// Writes one entity file per item of `entities` in the dossier at
/// `root`, and gives their paths. Nothing is written when any of them
/// cannot be (an entity file with its id exists, two would share one, its
/// name has no letter), and every such problem is given.
pub fn new_entities(
    root: &Path,
    entities: &[NewEntity],
) -> Result<Vec<PathBuf>, Vec<ScaffoldError>> {
    crate::load::root::check_root(root).map_err(|e| vec![ScaffoldError::NotADossier(e)])?;
    let today = today();
    let mut paths: Vec<PathBuf> = Vec::with_capacity(entities.len());
    let mut errors = Vec::new();
    for entity in entities {
        let name = crate::spaces::collapse(&entity.name);
        // Only articles go in a year's folder: any year serves.
        match place(root, NewFile::Entity, &name, today.year()) {
            Ok(path) if paths.contains(&path) => errors.push(ScaffoldError::SameName {
                existing: path.strip_prefix(root).unwrap_or(&path).to_path_buf(),
                path,
            }),
            Ok(path) => paths.push(path),
            Err(ScaffoldError::Exists(existing) | ScaffoldError::SameName { existing, .. }) => {
                let existing = existing
                    .strip_prefix(root)
                    .unwrap_or(&existing)
                    .to_path_buf();
                errors.push(ScaffoldError::IdTaken { name, existing });
            }
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (index, (path, entity)) in paths.iter().zip(entities).enumerate() {
        if let Err(error) = write_new(path, &front_matter(entity)) {
            // All or nothing: take back what this call wrote.
            for written in &paths[..index] {
                let _ = fs::remove_file(written);
            }
            return Err(vec![error]);
        }
    }
    Ok(paths)
}

/// The text of a suggested entity's file.
fn front_matter(entity: &NewEntity) -> String {
    const OTHERS: &str =
        "person, organization, country, place, event, document, or a lowercase word of your own";
    let kind = match entity.kind {
        Some(kind) => format!("{kind}  # guessed by `dossier suggest`; or {OTHERS}"),
        None => format!("{UNSORTED}  # not guessed: write {OTHERS}"),
    };
    let aliases = if entity.aliases.is_empty() {
        " []".to_string()
    } else {
        entity
            .aliases
            .iter()
            .map(|a| format!("\n  - {}", yaml::scalar(&crate::spaces::collapse(a))))
            .collect()
    };
    format!(
        "---\nname: {}\ntype: {kind}\naliases:{aliases}\n# summary: One line.\n---\n",
        yaml::scalar(&crate::spaces::collapse(&entity.name))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::meta::EntityMeta;

    #[test]
    fn front_matter_reads_back() {
        let entity = NewEntity {
            name: "Banque de France".to_string(),
            aliases: vec!["BANQUE de france".to_string(), "yes".to_string()],
            kind: Some("organization"),
        };
        let text = front_matter(&entity);
        let split = crate::load::front_matter::split(&text).expect("front matter");
        let meta: EntityMeta = serde_yaml::from_str(&text[split.yaml]).expect("entity");
        assert_eq!(meta.name, "Banque de France");
        assert_eq!(meta.kind.0, "organization");
        assert_eq!(meta.aliases, ["BANQUE de france", "yes"]);
        let unsorted = front_matter(&NewEntity {
            kind: None,
            aliases: Vec::new(),
            ..entity
        });
        assert!(
            unsorted.contains("\ntype: unsorted  # not guessed"),
            "{unsorted}"
        );
        assert!(unsorted.contains("\naliases: []\n"), "{unsorted}");
    }
}
