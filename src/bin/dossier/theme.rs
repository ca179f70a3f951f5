//! `theme`: the built-in theme written into `templates/`, the paths
//! written on stdout and what was left on stderr.

use std::path::Path;
use std::process::ExitCode;

use dossier::scaffold::{self, ThemeFile};

use crate::plural;

pub(crate) fn theme(root: &Path, force: bool) -> ExitCode {
    let files = match scaffold::theme(root, force) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    let count = |wanted: ThemeFile| files.iter().filter(|(_, o)| *o == wanted).count();
    for (path, outcome) in &files {
        match outcome {
            // Paths alone on stdout, as `new` prints them, for scripts.
            ThemeFile::Written | ThemeFile::Replaced => println!("{}", path.display()),
            ThemeFile::Kept => eprintln!(
                "{}: kept: yours differs from the built-in one (--force replaces it)",
                path.display()
            ),
            ThemeFile::Same => {}
        }
    }
    let (written, replaced) = (count(ThemeFile::Written), count(ThemeFile::Replaced));
    let (kept, same) = (count(ThemeFile::Kept), count(ThemeFile::Same));
    let mut said = Vec::new();
    if written > 0 {
        said.push(format!("wrote {written} file{}", plural(written)));
    }
    if replaced > 0 {
        said.push(format!("replaced {replaced}"));
    }
    if written + replaced == 0 {
        said.push("wrote nothing".to_string());
    }
    if kept > 0 {
        said.push(format!("kept {kept} of yours"));
    }
    if same > 0 {
        said.push(format!("{same} already the built-in one{}", plural(same)));
    }
    let folder = root.join("templates");
    eprintln!(
        "{}: {}; edit them there, and delete one to go back to the built-in one",
        folder.strip_prefix(".").unwrap_or(&folder).display(),
        said.join(", "),
    );
    ExitCode::SUCCESS
}
