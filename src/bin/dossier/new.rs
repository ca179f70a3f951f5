//! `new`: one file written, its path alone on stdout.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;
use clap::error::ErrorKind;
use dossier::scaffold::{self, NewFile, NewOptions};

use crate::cli::{Cli, NewKind};

pub(crate) fn new_file(root: &Path, kind: NewKind, title: &str, options: &NewOptions) -> ExitCode {
    let kind = match kind {
        NewKind::Article => NewFile::Article,
        NewKind::Entity => NewFile::Entity,
        NewKind::Page => NewFile::Page,
    };
    if let Some(why) = options.misplaced(kind) {
        // A mistake of the command line, told as clap tells its own, with
        // its status (2).
        let mut command = Cli::command();
        // Built, so that the usage line says `dossier new`.
        command.build();
        let new = command
            .find_subcommand_mut("new")
            .expect("`new` is a command");
        new.error(ErrorKind::ArgumentConflict, why).exit();
    }
    match scaffold::new_file(root, kind, title, options) {
        Ok(path) => {
            // The path alone on stdout, for `$EDITOR "$(dossier new …)"`.
            println!("{}", path.display());
            if options.draft {
                eprintln!(
                    "a draft: `dossier serve` shows it; `dossier build` leaves it out until you delete `draft: true`"
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}
