//! The command line's definition (clap): every command, its options and
//! how their values are checked.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use dossier::scaffold::{EntityType, NewAlias, NewDate, NewTag, SourceUrl};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Build a linked, annotated research dossier from Markdown"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        /// An article's date [default: today]; its year is its folder's.
        #[arg(long, value_name = "DATE")]
        date: Option<NewDate>,
        /// An article's source: `source: {url: URL}`.
        #[arg(long, value_name = "URL")]
        source: Option<SourceUrl>,
        /// A tag of an article (repeat for several: --tag Sanctions --tag Energy).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<NewTag>,
        /// An entity's type [default: person].
        #[arg(long = "type", value_name = "TYPE")]
        entity_type: Option<EntityType>,
        /// Another name of an entity, to find in the articles (repeat for several).
        #[arg(long = "alias", value_name = "NAME")]
        aliases: Vec<NewAlias>,
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
    /// Write the built-in templates, stylesheet and scripts into
    /// templates/, to edit them there.
    Theme {
        /// Replace the files of templates/ that differ from the built-in
        /// ones (your edits are lost).
        #[arg(long)]
        force: bool,
        /// The dossier's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write a small example dossier into a new or empty folder; with --ci,
    /// the CI file that publishes it too (alone, in a dossier that exists).
    Init {
        /// The folder (created when missing) [default with --ci: the current one].
        #[arg(required_unless_present = "ci")]
        dir: Option<PathBuf>,
        /// Also write the CI file that builds the site and publishes it at
        /// each push.
        #[arg(long, value_name = "PLATFORM")]
        ci: Option<CiPlatform>,
    },
    /// Print the shell completion script for dossier (see README: Install).
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print dossier's manual page (roff); with --output-dir, write one page
    /// per command there.
    Man {
        /// Write dossier.1, dossier-build.1 and the others into this folder
        /// (created when missing) instead.
        #[arg(long, value_name = "DIR")]
        output_dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum NewKind {
    /// content/articles/<year>/<slug>.md
    Article,
    /// content/entities/<slug>.md
    Entity,
    /// content/pages/<slug>.md
    Page,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum CiPlatform {
    /// .github/workflows/pages.yml, for GitHub Pages
    Github,
    /// .gitlab-ci.yml, for GitLab Pages
    Gitlab,
}

/// An `import --tag`, checked as `new --tag` is: one the build would
/// refuse is refused here.
fn tag(text: &str) -> Result<String, String> {
    text.parse::<NewTag>().map(String::from)
}

/// `--base-url`, checked as `base_url` in dossier.yaml is.
fn base_url(url: &str) -> Result<String, String> {
    dossier::check_base_url(url)
        .map(|()| url.to_string())
        .map_err(|(problem, help)| format!("{problem}; {help}"))
}
