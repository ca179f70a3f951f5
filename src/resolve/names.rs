//! The alias table from the entities' names: each alias and adjective
//! read for its forms (`Путин(|а|у)`), a mistake in one reported at its
//! line; the entity keeps its aliases as shown (each by its first form).

use crate::config::Accents;
use crate::diagnostic::Diagnostic;
use crate::load::meta::EntityMeta;
use crate::mentions::{self, AliasTable, EntityNames, Written};
use crate::model::Entity;

/// The table of every entity's names, adjectives and `not_mentions`.
pub(super) fn alias_table(
    entities: &mut [(Entity, EntityMeta)],
    accents: Accents,
    errors: &mut Vec<Diagnostic>,
) -> AliasTable {
    let names: Vec<EntityNames> = entities
        .iter_mut()
        .map(|(entity, meta)| {
            let mut names = vec![Written {
                form: entity.name.clone(),
                key: "name",
                source: entity.name.clone(),
            }];
            let mut shown = Vec::with_capacity(meta.aliases.len());
            for (key, list) in [("aliases", &meta.aliases), ("adjectives", &meta.adjectives)] {
                for value in list {
                    let forms = match mentions::expand(value) {
                        Ok(forms) => forms,
                        Err(message) => {
                            errors.push(
                                entity
                                    .file
                                    .error_at_value(key, value, format!("`{key}`: {message}"))
                                    .with_help(
                                        "endings go in parentheses after the stem, separated by `|`, \
                                         an empty one for no ending: `Путин(|а|у|ым|е)`",
                                    ),
                            );
                            continue;
                        }
                    };
                    if key == "aliases" {
                        shown.push(forms[0].clone());
                    }
                    names.extend(forms.into_iter().map(|form| Written {
                        form,
                        key,
                        source: value.clone(),
                    }));
                }
            }
            entity.aliases = shown;
            EntityNames {
                id: entity.id.clone(),
                names,
                not_mentions: meta.not_mentions.clone(),
            }
        })
        .collect();
    AliasTable::new(names, accents)
}
