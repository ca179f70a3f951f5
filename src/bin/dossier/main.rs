//! The `dossier` command line: parses arguments and calls the library.

mod cli;
mod generated;
mod new;
mod suggest;
mod theme;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use dossier::scaffold;
use dossier::{BuildOptions, Failure, ImportOptions, Report, ServeOptions};

use cli::{CiPlatform, Cli, Command};
use suggest::{Listed, suggest};

/// jemalloc rather than the system's allocator: a build makes and drops
/// millions of small strings on every thread, and with glibc's malloc it
/// took 1.3 times the wall time (10,000 articles, alternating runs).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, wrote) = match cli.command {
        Command::Build {
            root,
            output_dir,
            drafts,
            base_url,
            verbose,
        } => {
            let output = output_dir.unwrap_or_else(|| root.join("public"));
            let options = BuildOptions {
                root,
                output: output.clone(),
                drafts,
                base_url,
                verbose,
            };
            (dossier::build(&options), Some(output))
        }
        Command::Check { root } => (dossier::check(&root), None),
        Command::New {
            kind,
            title,
            draft,
            date,
            source,
            tags,
            entity_type,
            aliases,
            root,
        } => {
            let options = scaffold::NewOptions {
                draft,
                date,
                source,
                tags,
                entity_type,
                aliases,
            };
            return new::new_file(&root, kind, &title, &options);
        }
        Command::Init { dir, ci } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            return init(&dir, ci);
        }
        Command::Completions { shell } => return generated::completions(shell),
        Command::Man { output_dir } => return generated::man(output_dir.as_deref()),
        Command::Theme { force, root } => return theme::theme(&root, force),
        Command::Import {
            sources,
            draft,
            tags,
            root,
        } => {
            let options = ImportOptions {
                root,
                sources,
                draft,
                tags,
            };
            return import(&options);
        }
        Command::Suggest {
            articles,
            min_count,
            top,
            write,
            write_all,
            root,
        } => {
            let listed = Listed { min_count, top };
            return suggest(&root, &articles, listed, &write, write_all);
        }
        Command::Serve {
            root,
            bind,
            port,
            open,
            verbose,
        } => {
            let options = ServeOptions {
                root,
                bind,
                port,
                open,
                verbose,
            };
            return match dossier::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("{error}");
                    ExitCode::from(1)
                }
            };
        }
    };
    match result {
        Ok(report) => {
            print_warnings(&report);
            let dossier::Counts {
                articles,
                entities,
                pages,
            } = report.counts;
            let counted = format!(
                "{articles} article{}, {entities} entit{}, {pages} page{}",
                plural(articles),
                if entities == 1 { "y" } else { "ies" },
                plural(pages)
            );
            match wrote {
                Some(output) => eprintln!(
                    "built {counted}: {} files in {}",
                    report.files,
                    output.display()
                ),
                None => eprintln!("checked {counted}: no errors"),
            }
            ExitCode::SUCCESS
        }
        Err(failure) => failed(&failure),
    }
}

/// Prints why a command failed; exit status 1.
pub(crate) fn failed(failure: &Failure) -> ExitCode {
    match failure {
        Failure::Content(errors) => {
            for error in errors {
                eprintln!("{error}\n");
            }
            let count = errors.iter().filter(|e| e.is_error()).count();
            eprintln!(
                "{count} error{}; nothing was written",
                if count == 1 { "" } else { "s" }
            );
        }
        Failure::Io(path, error) => {
            eprintln!("{}: error: cannot write the site: {error}", path.display());
        }
    }
    ExitCode::from(1)
}

pub(crate) fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

fn init(dir: &Path, ci: Option<CiPlatform>) -> ExitCode {
    let ci = ci.map(|platform| match platform {
        CiPlatform::Github => scaffold::Ci::GitHub,
        CiPlatform::Gitlab => scaffold::Ci::GitLab,
    });
    match scaffold::init(dir, ci) {
        // A dossier there already: the CI file alone was written.
        Ok(files) if !files.iter().any(|file| file == Path::new("dossier.yaml")) => {
            // `.gitlab-ci.yml` rather than `./.gitlab-ci.yml`.
            let dir = dir.strip_prefix(".").unwrap_or(dir);
            for file in files {
                println!("created {}", dir.join(file).display());
            }
            println!("\nnext:");
            for step in ci.iter().flat_map(|ci| ci.next_steps()) {
                println!("  {step}");
            }
            ExitCode::SUCCESS
        }
        Ok(files) => {
            if dir == Path::new(".") {
                println!("created a dossier here:");
            } else {
                println!("created a dossier in {}:", dir.display());
            }
            for file in files {
                println!("  {}", file.display());
            }
            println!("\nnext:");
            if dir != Path::new(".") {
                println!("  cd {}", shell_word(&dir.to_string_lossy()));
            }
            println!("  dossier serve                    # preview at http://127.0.0.1:1111/");
            println!("  dossier new article \"Title\"      # write an article");
            println!("  dossier build                    # the site, in public/");
            if let Some(ci) = ci {
                println!("\nto publish it:");
                for step in ci.next_steps() {
                    println!("  {step}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

fn import(options: &ImportOptions) -> ExitCode {
    let mut refused = 0;
    let result = dossier::import(options, &mut |imported| {
        // The report first: a script reading stdout gets a path only
        // once its file is written.
        eprint!("{}", imported.report);
        match imported.article {
            Some(path) => println!("{}", path.display()),
            None => refused += 1,
        }
    });
    if let Err(error) = result {
        eprintln!("{error}");
        return ExitCode::from(1);
    }
    if refused > 0 {
        let total = options.sources.len();
        eprintln!("{refused} of {total} sources not imported");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `word` as the shell reads it: quoted when it has to be.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./+,:@%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

fn print_warnings(report: &Report) {
    for warning in &report.warnings {
        eprintln!("{warning}\n");
    }
}
