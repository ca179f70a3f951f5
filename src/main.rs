//! The `dossier` command line: parses arguments and calls the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dossier::scaffold;
use dossier::{BuildOptions, Failure, ImportOptions, Report, ServeOptions, Suggestion};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build a linked, annotated research dossier from Markdown"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// The dossier's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public].
        #[arg(long)]
        output_dir: Option<PathBuf>,
        /// Include articles and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Override `base_url` of dossier.yaml.
        #[arg(long, value_parser = base_url)]
        base_url: Option<String>,
        /// Print the time of each stage.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Preview the dossier (drafts included) with live reload.
    Serve {
        /// The dossier's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on; other machines can reach the preview
        /// only if this says so (0.0.0.0).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port (0 for any free one).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Print the time of each stage of each build.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Read and validate everything a build does; write nothing.
    Check {
        /// The dossier's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write a new article, entity or page, front matter filled in.
    New {
        /// What to write.
        kind: NewKind,
        /// The title (for an entity, its name); the file name is made from it.
        title: String,
        /// Mark it `draft: true` (articles and pages): `serve` shows it,
        /// `build` leaves it out.
        #[arg(long)]
        draft: bool,
        /// The dossier's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Import saved pages, web addresses or pasted text as articles, keeping
    /// each original under sources/.
    Import {
        /// A saved page (.html), a text file, `-` for pasted text on standard
        /// input, or an address (https://…).
        #[arg(required = true)]
        sources: Vec<String>,
        /// Mark each article `draft: true`.
        #[arg(long)]
        draft: bool,
        /// A tag for each article (repeat for several: --tag Sanctions --tag Energy).
        #[arg(long = "tag", value_name = "TAG", value_parser = tag)]
        tags: Vec<String>,
        /// The dossier's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// List the names in the articles that no entity covers, most written
    /// first; with --write, make entity files for some of them.
    Suggest {
        /// Articles to read, by slug or file [default: all].
        #[arg(value_name = "ARTICLE")]
        articles: Vec<String>,
        /// Only names written at least N times.
        #[arg(long, value_name = "N", default_value_t = 1)]
        min_count: usize,
        /// Only the N names written most.
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        /// Write an entity file for this name, as listed (repeat for more).
        #[arg(long, value_name = "NAME")]
        write: Vec<String>,
        /// Write an entity file for every name listed (after --min-count
        /// and --top).
        #[arg(long, conflicts_with = "write")]
        write_all: bool,
        /// The dossier's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write a small example dossier into a new or empty folder.
    Init {
        /// The folder (created when missing).
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    /// content/articles/<year>/<slug>.md
    Article,
    /// content/entities/<slug>.md
    Entity,
    /// content/pages/<slug>.md
    Page,
}

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
            root,
        } => return new_file(&root, kind, &title, draft),
        Command::Init { dir } => return init(&dir),
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
            match wrote {
                Some(output) => eprintln!(
                    "built {articles} articles, {entities} entities, {pages} pages: {} files in {}",
                    report.files,
                    output.display()
                ),
                None => eprintln!(
                    "checked {articles} articles, {entities} entities, {pages} pages: no errors"
                ),
            }
            ExitCode::SUCCESS
        }
        Err(failure) => failed(&failure),
    }
}

/// Prints why a command failed; exit status 1.
fn failed(failure: &Failure) -> ExitCode {
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

fn new_file(root: &Path, kind: NewKind, title: &str, draft: bool) -> ExitCode {
    let kind = match kind {
        NewKind::Article => scaffold::NewFile::Article,
        NewKind::Entity => scaffold::NewFile::Entity,
        NewKind::Page => scaffold::NewFile::Page,
    };
    if draft && !kind.can_be_draft() {
        eprintln!("error: an entity cannot be a draft: leave out --draft");
        return ExitCode::from(2);
    }
    match scaffold::new_file(root, kind, title, draft) {
        Ok(path) => {
            // The path alone on stdout, for `$EDITOR "$(dossier new …)"`.
            println!("{}", path.display());
            if draft {
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

/// Which suggestions `dossier suggest` lists (and `--write-all` writes).
struct Listed {
    min_count: usize,
    top: Option<usize>,
}

/// `dossier suggest`: the table of names no entity covers, or with
/// `--write`/`--write-all`, the entity files made for them.
fn suggest(
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

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

fn init(dir: &Path) -> ExitCode {
    match scaffold::init(dir) {
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

/// A `--tag`: some text.
fn tag(text: &str) -> Result<String, String> {
    let tag = text.trim();
    if tag.is_empty() {
        Err("a tag cannot be empty".to_string())
    } else {
        Ok(tag.to_string())
    }
}

/// `--base-url`, checked as `base_url` in dossier.yaml is.
fn base_url(url: &str) -> Result<String, String> {
    dossier::check_base_url(url)
        .map(|()| url.to_string())
        .map_err(|(problem, help)| format!("{problem}; {help}"))
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
