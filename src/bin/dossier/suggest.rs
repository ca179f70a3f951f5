//! `dossier suggest`: the table of names no entity covers, and the entity
//! files written for some of them.

use std::path::Path;
use std::process::ExitCode;

use dossier::{Suggestion, scaffold};

use crate::{failed, plural};

/// Which suggestions `dossier suggest` lists (and `--write-all` writes).
pub(crate) struct Listed {
    pub(crate) min_count: usize,
    pub(crate) top: Option<usize>,
}

/// `dossier suggest`: the table of names no entity covers, or with
/// `--write`/`--write-all`, the entity files made for them.
pub(crate) fn suggest(
    root: &Path,
    articles: &[String],
    listed: Listed,
    write: &[String],
    write_all: bool,
) -> ExitCode {
    let found = match dossier::suggest(root, articles) {
        Ok(found) => found,
        Err(failure) => return failed(&failure),
    };
    let shown: Vec<&Suggestion> = found
        .names
        .iter()
        .filter(|s| s.count >= listed.min_count)
        .take(listed.top.unwrap_or(usize::MAX))
        .collect();
    if write.is_empty() && !write_all {
        print!("{}", Suggestion::table(&shown));
        let of = if shown.len() == found.names.len() {
            String::new()
        } else {
            format!(" ({} listed)", shown.len())
        };
        eprintln!(
            "{} name{} that no entity covers in {} article{}{of}",
            found.names.len(),
            plural(found.names.len()),
            found.articles,
            plural(found.articles)
        );
        return ExitCode::SUCCESS;
    }
    let chosen: Vec<&Suggestion> = if write_all {
        shown
    } else {
        let mut chosen = Vec::new();
        let mut unknown = 0;
        for name in write {
            match found.find(name) {
                Ok(suggestion) if !chosen.contains(&suggestion) => chosen.push(suggestion),
                Ok(_) => {}
                Err(help) => {
                    eprintln!(
                        "error: `{name}` is not among the names that no entity covers\n  = help: {help}\n"
                    );
                    unknown += 1;
                }
            }
        }
        if unknown > 0 {
            eprintln!("nothing was written");
            return ExitCode::from(1);
        }
        chosen
    };
    if chosen.is_empty() {
        eprintln!("no name is listed: nothing to write");
        return ExitCode::SUCCESS;
    }
    let entities: Vec<scaffold::NewEntity> = chosen
        .iter()
        .map(|s| scaffold::NewEntity {
            name: s.name.clone(),
            aliases: s.aliases.clone(),
            kind: s.kind,
        })
        .collect();
    match scaffold::new_entities(root, &entities) {
        Ok(paths) => {
            for path in &paths {
                println!("{}", path.display());
            }
            let unsorted = entities.iter().filter(|e| e.kind.is_none()).count();
            eprintln!(
                "wrote {} entity file{}: check each guessed `type`{}",
                paths.len(),
                plural(paths.len()),
                if unsorted == 0 {
                    String::new()
                } else {
                    format!(", and set the {unsorted} left `unsorted`")
                }
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}\n");
            }
            eprintln!("nothing was written");
            ExitCode::from(1)
        }
    }
}
