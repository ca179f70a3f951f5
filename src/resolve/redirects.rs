//! The old addresses of articles (`aliases:`), each a redirect page of its
//! own: checked here, once every page of the site is known, so that `check`
//! finds what would make `build` fail.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::model::Dossier;
use crate::paths;

/// Every article's `aliases` must make a redirect page of its own: a path
/// on the site that no file of the site and no other alias has, nor needs
/// as a folder (`/atom.xml/` would need `atom.xml` to be one). Paths are
/// compared without case, as macOS and Windows file systems do.
pub(super) fn check(dossier: &Dossier, errors: &mut Vec<Diagnostic>) {
    let mut made: BTreeSet<String> = paths::SITE_FILES.iter().map(|f| f.to_string()).collect();
    made.extend(dossier.articles.iter().map(|a| paths::article(&a.slug)));
    made.extend(dossier.entities.iter().map(|e| paths::entity(&e.id)));
    made.extend(dossier.tags.iter().map(|t| paths::tag(&t.slug)));
    made.extend(dossier.pages.iter().map(|p| paths::page(&p.slug)));
    let made: BTreeSet<String> = made.iter().map(|m| m.to_lowercase()).collect();
    let clashes = |file: &str| {
        made.contains(file)
            || file.starts_with(paths::SEARCH_FOLDER)
            // A later page of a list, today's or one a longer list will need.
            || paths::is_in_pages(file)
            // The file itself, or the folder its redirect would need.
            || file.split('/').next().is_some_and(paths::is_sitemap_part)
            || file
                .match_indices('/')
                .any(|(slash, _)| made.contains(&file[..slash]))
    };
    let mut taken: BTreeMap<String, &str> = BTreeMap::new();
    for article in &dossier.articles {
        for alias in &article.old_paths {
            let error = |message: String| article.file.error_at_value("aliases", alias, message);
            match paths::redirect(alias) {
                Err(message) => errors.push(error(message).with_help(
                    "an alias is an old path of this article on the site, as `/2019/old-title/`",
                )),
                Ok(file) if clashes(&file.to_lowercase()) => errors.push(error(format!(
                    "alias `{alias}` is the address of a file the site makes"
                ))),
                Ok(file) => {
                    if let Some(other) = taken.insert(file.to_lowercase(), &article.slug) {
                        errors.push(error(format!(
                            "alias `{alias}` is also an alias of article `{other}`"
                        )));
                    }
                }
            }
        }
    }
}
