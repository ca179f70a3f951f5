//! Rebuilds kept in memory: the files as last read and the articles as
//! last annotated survive from one build to the next, so a change costs
//! the files it touches, then resolve, then nothing until a page is asked
//! for (pages are rendered on request).
//!
//! The rules of what a change spoils are here, in [`spoiled`] and
//! [`Workspace::build`]; the stages only offer what can be redone:
//!
//! - `load` re-reads the files at the paths the watcher gives and says
//!   what each held before and holds now ([`FileChange`]).
//! - An article whose text changed, and an entity whose description alone
//!   changed, are handed to `resolve`, which puts them in place in the last
//!   resolve ([`resolve::resolve_again`], [`resolve::with_entity_bodies`])
//!   or says it cannot: when the edit changes what orders or groups the
//!   other articles (slug, date, draft, tags). Anything else spoils the
//!   structure, and everything is resolved again.
//! - `annotate` keeps each article's annotation with what it was made
//!   from ([`annotate::Cache`]), and reuses it only while those are the
//!   same: a memo, which cannot go stale, rather than a rule.
//! - The site is made anew each time; its pages are rendered when asked.
//!
//! The test below holds every rule to what a fresh build gives.

use std::path::Path;
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::load::Document;
use crate::load::meta::ArticleMeta;
use crate::load::{FileChange, Parsed, Snapshot, SourceFile};
use crate::render::Site;
use crate::{
    BuildOptions, Failure, Resolved, annotate, annotate_resolved, resolve, resolve_loaded,
};

/// What the server shows: the site, or why there is none.
// One at a time, behind an `Arc`: boxing the site would save nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Current {
    /// The last build worked; its warnings were printed.
    Ready(Site),
    /// The last build failed: every page shows these errors.
    Broken(Vec<Diagnostic>),
}

/// A dossier kept in memory between builds.
pub(crate) struct Workspace {
    options: BuildOptions,
    snapshot: Snapshot,
    cache: annotate::Cache,
    /// The last resolve that found no error, for changes that leave what
    /// it reads alone.
    resolved: Option<Resolved>,
    /// Since the last build.
    changed: Changed,
}

/// How a build went, for the terminal.
pub(crate) struct Rebuilt {
    pub(crate) current: Current,
    pub(crate) warnings: Vec<Diagnostic>,
    pub(crate) took_ms: f64,
    /// The last resolve was kept, with only the edited articles resolved
    /// again.
    pub(crate) in_place: bool,
}

impl Workspace {
    /// Reads every file of the dossier `options.root` (absolute).
    pub(crate) fn new(options: BuildOptions) -> Self {
        let snapshot = Snapshot::read(&options.root);
        Workspace {
            options,
            snapshot,
            cache: annotate::Cache::default(),
            resolved: None,
            changed: Changed {
                structure: true,
                ..Changed::default()
            },
        }
    }

    /// Re-reads `paths` (absolute), or everything.
    pub(crate) fn update<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>, all: bool) {
        if all {
            self.snapshot = Snapshot::read(&self.options.root);
            self.changed.structure = true;
        } else {
            let changes = self.snapshot.update(paths);
            spoiled(changes, &mut self.changed);
        }
    }

    /// Builds the files as they are now (templates read again). When only
    /// articles were edited, and `resolve_again` can take each, the last
    /// resolve stands with those articles replaced, and only they are
    /// annotated again; otherwise everything is resolved.
    pub(crate) fn build(&mut self) -> Rebuilt {
        let start = Instant::now();
        let changed = std::mem::take(&mut self.changed);
        let resolved = match (&self.resolved, changed.structure) {
            (Some(last), false) => with_edits(last, changed),
            _ => None,
        };
        let in_place = resolved.is_some();
        let resolved = resolved.unwrap_or_else(|| {
            let loaded = crate::timed(self.options.verbose, "load (changes)", || {
                self.snapshot.loaded()
            });
            resolve_loaded(loaded, &self.options)
        });
        self.resolved = crate::timed(self.options.verbose, "keep", || {
            resolved.errors.is_empty().then(|| resolved.clone())
        });
        let (current, warnings) =
            match annotate_resolved(resolved, self.options.verbose, &mut self.cache, None) {
                Ok((report, dossier, annotated)) => {
                    match crate::timed(self.options.verbose, "theme and links", || {
                        Site::new(dossier, annotated, &self.options.root)
                    }) {
                        Ok(site) => (Current::Ready(site), report.warnings),
                        Err(error) => (Current::Broken(vec![error]), report.warnings),
                    }
                }
                Err(Failure::Content(errors)) => (Current::Broken(errors), Vec::new()),
                Err(Failure::Io(path, error)) => (
                    Current::Broken(vec![Diagnostic::error(path, error.to_string())]),
                    Vec::new(),
                ),
            };
        Rebuilt {
            current,
            warnings,
            took_ms: start.elapsed().as_secs_f64() * 1000.0,
            in_place,
        }
    }
}

/// What the changes since the last build spoil.
#[derive(Debug, Default)]
struct Changed {
    /// Articles edited in place (the same file, read before and now), as
    /// they are now: `resolve` may take them one by one.
    articles: Vec<Document<ArticleMeta>>,
    /// Entities whose description changed while their front matter stayed
    /// byte for byte the same, as they are now.
    entity_bodies: Vec<SourceFile>,
    /// Something else changed: settings, other files, files added or
    /// removed, or an article that no longer parses.
    structure: bool,
}

/// Adds what `changes` spoil to `changed`.
fn spoiled(changes: Vec<FileChange>, changed: &mut Changed) {
    for change in changes {
        match change {
            FileChange::Content {
                before: Some(Parsed::Article(old)),
                after: Some(Parsed::Article(new)),
                ..
            } => {
                if old.file.text != new.file.text {
                    changed.articles.push(new);
                }
            }
            FileChange::Content {
                before: Some(Parsed::Entity(old)),
                after: Some(Parsed::Entity(new)),
                ..
            } if old.file.yaml() == new.file.yaml()
                && old.file.split.yaml == new.file.split.yaml =>
            {
                if old.file.text != new.file.text {
                    changed.entity_bodies.push(new.file);
                }
            }
            // Editors' backup files come and go: they are ignored before
            // and after.
            FileChange::Content { ignored: true, .. } => {}
            FileChange::Content { .. } | FileChange::Settings | FileChange::Listing => {
                changed.structure = true;
            }
        }
    }
}

/// The last resolve with the edited articles resolved again in place and
/// the entities' new descriptions; `None` if one of them cannot be.
fn with_edits(last: &Resolved, changed: Changed) -> Option<Resolved> {
    let mut dossier = resolve::with_entity_bodies(&last.dossier, changed.entity_bodies)?;
    for doc in changed.articles {
        dossier = resolve::resolve_again(&dossier, doc)?;
    }
    Some(Resolved {
        dossier,
        errors: Vec::new(),
        warnings: last.warnings.clone(),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use super::{Current, Workspace};
    use crate::BuildOptions;

    /// Every file of the site, or the errors.
    fn everything(current: &Current) -> Result<BTreeMap<String, Vec<u8>>, Vec<String>> {
        match current {
            Current::Ready(site) => {
                let files = crate::render::Memory::default();
                site.render_all(&files)
                    .map_err(|e| vec![format!("{e:?}")])?;
                Ok(files.into_files())
            }
            Current::Broken(errors) => Err(errors.iter().map(ToString::to_string).collect()),
        }
    }

    fn options(root: &Path) -> BuildOptions {
        BuildOptions {
            root: root.to_path_buf(),
            output: root.join("public"),
            drafts: true,
            base_url: Some("http://127.0.0.1:1111".to_string()),
            verbose: false,
        }
    }

    /// After each edit, the kept workspace builds exactly what a new one
    /// builds from the same files: the shortcuts change nothing.
    #[test]
    fn rebuilding_after_edits_gives_what_a_fresh_build_gives() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/english");
        let dir = tempfile::tempdir().expect("temporary folder");
        for entry in walkdir::WalkDir::new(&fixture) {
            let entry = entry.expect("readable");
            let target = dir
                .path()
                .join(entry.path().strip_prefix(&fixture).expect("inside"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("folder");
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
        let root = dir.path().canonicalize().expect("absolute");
        let treaty = root.join("content/articles/2024/treaty.md");
        let treaty_text = std::fs::read_to_string(&treaty).expect("fixture");
        let reaction = root.join("content/articles/2024/reaction.md");
        let russia = root.join("content/entities/countries/russia.md");
        let added = root.join("content/articles/new/added.md");

        type Edit = Box<dyn Fn()>;
        let write = |path: &PathBuf, text: String| -> Edit {
            let path = path.clone();
            Box::new(move || {
                std::fs::create_dir_all(path.parent().expect("in a folder")).expect("folder");
                std::fs::write(&path, &text).expect("write");
            })
        };
        // (what, paths changed, edit, whether the last resolve can stand)
        let edits: Vec<(&str, Vec<PathBuf>, Edit, bool)> = vec![
            (
                "a body",
                vec![treaty.clone()],
                write(&treaty, format!("{treaty_text}\nPutin and Russia again.\n")),
                true,
            ),
            (
                "a note and an entity in the front matter",
                vec![treaty.clone()],
                write(
                    &treaty,
                    treaty_text
                        .replace("entities: [united-nations]", "entities: [united-nations, russia]")
                        .replace(
                            "---\nVladimir",
                            "annotations:\n  - quote: Putin praised North Korea\n    note: Praise, *again*.\n    entities: [north-korea]\n---\nVladimir",
                        ),
                ),
                true,
            ),
            (
                "a title",
                vec![reaction.clone()],
                write(
                    &reaction,
                    "---\ntitle: Seoul reacts, again\ndate: 2024-06-20\ntags: [diplomacy]\n---\nSeoul and Washington watch Putin and North Korea. Kim Jong Un stayed silent.\n"
                        .to_string(),
                ),
                true,
            ),
            (
                "a tag spelled anew",
                vec![reaction.clone()],
                write(
                    &reaction,
                    "---\ntitle: Seoul reacts, again\ndate: 2024-06-20\ntags: [DIPLOMACY]\n---\nSeoul.\n"
                        .to_string(),
                ),
                false,
            ),
            (
                "a title and tags",
                vec![reaction.clone()],
                write(
                    &reaction,
                    "---\ntitle: Seoul reacts again\ndate: 2024-06-20\ntags: [diplomacy, new tag]\n---\nSeoul and Putin.\n"
                        .to_string(),
                ),
                false,
            ),
            (
                "a new article",
                vec![added.parent().expect("folder").to_path_buf()],
                write(
                    &added,
                    "---\ntitle: Added\ndate: 2025-01-01\n---\nRussia and Kim Jong Un.\n".to_string(),
                ),
                false,
            ),
            (
                "an entity's description",
                vec![russia.clone()],
                write(
                    &russia,
                    "---\nname: Russia\ntype: country\naliases: [Россия]\n---\nA country; see [[kim-jong-un]].\n".to_string(),
                ),
                true,
            ),
            (
                "an entity's aliases",
                vec![russia.clone()],
                write(
                    &russia,
                    "---\nname: Russia\ntype: country\naliases: [Россия, Moscow]\n---\n".to_string(),
                ),
                false,
            ),
            (
                "a body with an unknown wikilink",
                vec![treaty.clone()],
                write(&treaty, format!("{treaty_text}\n[[no-such-entity]]\n")),
                true,
            ),
            (
                "the body fixed",
                vec![treaty.clone()],
                write(&treaty, treaty_text.clone()),
                true,
            ),
            (
                "a date",
                vec![treaty.clone()],
                write(&treaty, treaty_text.replace("date: 2024-06-19", "date: 2023-01-01")),
                false,
            ),
            ("an article removed", vec![reaction.clone()], {
                let path = reaction.clone();
                Box::new(move || std::fs::remove_file(&path).expect("remove"))
            }, false),
        ];

        let mut kept = Workspace::new(options(&root));
        everything(&kept.build().current).expect("the fixture builds");
        for (what, paths, edit, in_place) in edits {
            edit();
            kept.update(paths.iter().map(PathBuf::as_path), false);
            let outcome = kept.build();
            assert_eq!(outcome.in_place, in_place, "after {what}");
            let rebuilt = everything(&outcome.current);
            let fresh = everything(&Workspace::new(options(&root)).build().current);
            assert_eq!(
                rebuilt.is_err(),
                what.contains("unknown"),
                "after {what}: {rebuilt:?}"
            );
            match (&rebuilt, &fresh) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(
                        a.keys().collect::<Vec<_>>(),
                        b.keys().collect::<Vec<_>>(),
                        "after {what}"
                    );
                    for (path, bytes) in a {
                        assert!(bytes == &b[path], "after {what}: {path} differs");
                    }
                }
                _ => assert_eq!(rebuilt, fresh, "after {what}"),
            }
        }
    }
}
