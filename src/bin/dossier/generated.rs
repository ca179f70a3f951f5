//! `completions` and `man`: the shell completion scripts and the manual
//! pages, generated from the command line's definition (cli.rs) at the
//! moment they are asked for, so that they cannot fall behind it.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// Prints the completion script of `shell`.
pub(crate) fn completions(shell: Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dossier", &mut script);
    print(&script)
}

/// Prints the manual page of `dossier`, or, with `output_dir`, writes a page
/// per command there and prints their paths.
pub(crate) fn man(output_dir: Option<&Path>) -> ExitCode {
    let Some(dir) = output_dir else {
        return print(page(documented()).1.as_bytes());
    };
    match write_pages(dir) {
        Ok(pages) => {
            let list: String = pages.iter().map(|p| format!("{}\n", p.display())).collect();
            print(list.as_bytes())
        }
        Err(error) => {
            eprintln!(
                "{}: error: cannot write the manual pages: {error}\n  = help: pass --output-dir a folder you can write to",
                dir.display()
            );
            ExitCode::from(1)
        }
    }
}

/// Writes `dossier.1` and `dossier-<command>.1` for each command into `dir`,
/// which is created when missing.
fn write_pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let command = documented();
    let commands = std::iter::once(&command)
        .chain(command.get_subcommands().filter(|c| !c.is_hide_set()))
        .cloned();
    let mut paths = Vec::new();
    for command in commands {
        let (name, text) = page(command);
        let path = dir.join(name);
        std::fs::write(&path, text)?;
        paths.push(path);
    }
    Ok(paths)
}

/// The command line as the pages document it: built, so that each command
/// knows its full name (`dossier-build`), and without `help`, which has no
/// page of its own.
fn documented() -> clap::Command {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

/// The file name and roff text of `command`'s manual page.
fn page(command: clap::Command) -> (String, String) {
    // A command's own page names the program and version, as the main one
    // does, rather than only the command's name.
    let source = format!("dossier {}", env!("CARGO_PKG_VERSION"));
    let man = clap_mangen::Man::new(command).source(source);
    let mut text = Vec::new();
    man.render(&mut text)
        .expect("rendering into memory cannot fail");
    let text = String::from_utf8(text).expect("clap_mangen writes UTF-8");
    (man.get_filename(), ascii(&text))
}

/// `roff` with each character beyond ASCII written as `\[uXXXX]`, which
/// groff and mandoc read whatever encoding they assume: raw UTF-8 is read
/// right only through man's preconv, and `groff` alone warns about it.
fn ascii(roff: &str) -> String {
    roff.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\[u{:04X}]", u32::from(c))
            }
        })
        .collect()
}

/// Writes `bytes` to standard output.
fn print(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`| head`) wanted no more.
        Err(error) if error.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write to standard output: {error}");
            ExitCode::from(1)
        }
    }
}
