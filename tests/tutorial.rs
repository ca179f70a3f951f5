//! docs/tutorial.md, followed as written: each file it shows is written to
//! its path, each command it shows is run (the dossier binary under test
//! first on `PATH`), each output it shows must be in what the command
//! printed, and what it says the site shows is checked in the built pages.
//!
//! The page's conventions, which [`steps`] reads: commands in ```sh blocks,
//! one a line; a file the reader writes in a block just after
//! `<!-- file: PATH -->` (the whole file) or `<!-- append: PATH -->` (added
//! at its end), with `PATH` in backticks in the prose before it; what the
//! last command printed in a block just after `<!-- output -->`. Any other
//! fenced block is refused, so that a block is never silently left out.
//! The commands are sh's, as the reader's terminal runs them: Unix only.
#![cfg(unix)]

mod common;
#[path = "tutorial/steps.rs"]
mod steps;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::search::run_queries_for;
use common::server::{PATIENCE, Server};
use common::{Page, Site};
use steps::{Step, steps};

/// Commands a test cannot run, by their exact text: a changed command is
/// no longer skipped, and a skip no longer met fails the test.
const SKIPPED: &[(&str, &str)] = &[
    (
        "cargo install --locked --path .",
        "the test runs the binary cargo built; .ci/install-check tests the install",
    ),
    (
        "dossier serve",
        "runs until Ctrl-C: started on a free port instead, and asked for pages",
    ),
    (
        "git remote add origin https://github.com/YOUR-NAME/kestrel-fleet.git",
        "a placeholder address",
    ),
    ("git push -u origin main", "no network in tests"),
    (
        "dossier import ~/Downloads/kestrel-third-tanker.html",
        "a page the reader saved; tests/import.rs tests import",
    ),
];

/// Runs `command`, killed past [`PATIENCE`]: a command that does not end
/// by itself (a `dossier serve` written differently from the one skipped)
/// fails the test rather than hanging it.
fn run_with_deadline(command: &mut Command, text: &str) -> Output {
    let mut child = command
        // Its own process group, so that the commands sh starts end with it.
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs");
    // Read as it comes, so that a full pipe never stops the command.
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.wait();
            panic!("`{text}` still runs after {PATIENCE:?}: if it cannot end, list it in SKIPPED");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().expect("stdout read"),
        stderr: err.join().expect("stderr read"),
    }
}

/// White space folded, for comparing what a page shows with what ran.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the reader is and what they last saw, as the tutorial goes on.
struct Reader {
    /// The folder the tutorial starts in.
    start: PathBuf,
    cwd: PathBuf,
    path: std::ffi::OsString,
    last_output: Option<(String, String)>,
    skipped: BTreeSet<&'static str>,
    /// What was added to files of `templates/`, by their name there.
    theme_edits: Vec<(String, String)>,
}

impl Reader {
    fn new(start: &Path) -> Self {
        let binary = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
        let mut folders = vec![binary.parent().expect("a folder").to_path_buf()];
        folders.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let home = start.join("home");
        fs::create_dir_all(home.join("Downloads")).expect("a home");
        Reader {
            start: start.to_path_buf(),
            cwd: start.to_path_buf(),
            path: std::env::join_paths(folders).expect("a PATH"),
            last_output: None,
            skipped: BTreeSet::new(),
            theme_edits: Vec::new(),
        }
    }

    fn take(&mut self, step: &Step) {
        match step {
            Step::Run(command) => self.run(command),
            Step::Write { path, text } => {
                let file = self.cwd.join(path);
                fs::create_dir_all(file.parent().expect("a folder")).expect("folder made");
                fs::write(&file, text).unwrap_or_else(|e| panic!("{path}: {e}"));
            }
            Step::Append { path, text } => {
                if let Some(name) = path.strip_prefix("templates/") {
                    self.theme_edits.push((name.to_string(), text.clone()));
                }
                let file = self.cwd.join(path);
                let mut whole =
                    fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}, to add to: {e}"));
                whole.push_str(text);
                fs::write(&file, whole).expect("written");
            }
            Step::Output(expected) => {
                let (command, printed) = self.last_output.as_ref().expect("a command before");
                for line in expected.lines().filter(|l| !l.trim().is_empty()) {
                    assert!(
                        folded(printed).contains(&folded(line)),
                        "`{command}` did not print `{line}`; it printed:\n{printed}"
                    );
                }
            }
        }
    }

    fn run(&mut self, command: &str) {
        if let Some((skip, _why)) = SKIPPED.iter().find(|(text, _)| *text == command) {
            self.skipped.insert(skip);
            if *skip == "dossier serve" {
                self.serve();
            }
            return;
        }
        if let Some(folder) = command.strip_prefix("cd ") {
            self.cwd = self.cwd.join(folder);
            assert!(self.cwd.is_dir(), "`{command}`: no such folder");
            return;
        }
        let output = run_with_deadline(
            Command::new("sh")
                .args(["-c", command])
                .current_dir(&self.cwd)
                .env("PATH", &self.path)
                .env("HOME", self.start.join("home"))
                // git as on a reader's machine that has named its user, and
                // nothing of this machine's own git settings.
                .env("GIT_CONFIG_GLOBAL", "/dev/null")
                .env("GIT_AUTHOR_NAME", "A. Reporter")
                .env("GIT_AUTHOR_EMAIL", "reporter@example.org")
                .env("GIT_COMMITTER_NAME", "A. Reporter")
                .env("GIT_COMMITTER_EMAIL", "reporter@example.org"),
            command,
        );
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.status.success(),
            "`{command}` failed ({}):\n{printed}",
            output.status
        );
        assert!(!printed.contains("panicked"), "`{command}`: {printed}");
        self.last_output = Some((command.to_string(), printed));
    }

    /// What `dossier serve` shows: the home page and an entity's.
    fn serve(&self) {
        let server = Server::start(&self.cwd);
        let home = server.get("/");
        assert_eq!(home.status, 200, "{}", server.log());
        assert_eq!(home.page().text_of("h1"), "The Kestrel fleet");
        let entity = server.get("/entities/dmitri-varlamov/");
        assert_eq!(entity.status, 200, "{}", server.log());
        assert!(
            entity
                .texts(".passages blockquote")
                .iter()
                .any(|p| p.contains("Varlamov said the ship")),
            "the preview quotes the second article"
        );
    }
}

#[test]
fn the_tutorial_works_as_written() {
    let tutorial = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/tutorial.md");
    let markdown = fs::read_to_string(&tutorial).expect("docs/tutorial.md");
    let start = tempfile::tempdir().expect("a temporary folder");
    let mut reader = Reader::new(start.path());
    for step in steps(&markdown) {
        reader.take(&step);
    }
    let met: Vec<&str> = reader.skipped.iter().copied().collect();
    let listed: Vec<&str> = SKIPPED.iter().map(|(text, _)| *text).collect();
    let mut listed_sorted = listed.clone();
    listed_sorted.sort_unstable();
    assert_eq!(
        met, listed_sorted,
        "every skipped command is in the tutorial"
    );
    what_the_tutorial_says_the_site_shows(&reader.cwd, &reader.theme_edits);
}

/// The claims of section 8 onwards, on the dossier the tutorial made.
fn what_the_tutorial_says_the_site_shows(root: &Path, theme_edits: &[(String, String)]) {
    assert!(root.ends_with("kestrel-fleet"), "{}", root.display());
    let site = Site {
        root: root.join("public"),
        stderr: String::new(),
    };

    // "The one warning is the missing `base_url`."
    let check = common::dossier(&["check"], root);
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{said}");
    assert_eq!(said.matches("warning:").count(), 1, "{said}");
    assert!(said.contains("warning: no `base_url`"), "{said}");

    // An entity quotes every passage that names it, under any of its names.
    let varlamov = site.page("entities/dmitri-varlamov/index.html");
    let passages = varlamov.texts(".passages blockquote");
    assert_eq!(passages.len(), 2, "{passages:?}");
    assert!(
        passages
            .iter()
            .any(|p| p.starts_with("Kestrel's sole director, Dmitri Varlamov"))
    );
    assert!(passages.iter().any(|p| p.starts_with("In a short message")));
    let relation = varlamov.text_of("ul.relations li");
    assert!(
        relation.starts_with("director-of Kestrel Shipmanagement FZE since February 2022"),
        "{relation}"
    );
    let kestrel = site.page("entities/kestrel-shipmanagement-fze/index.html");
    assert!(
        kestrel
            .text_of("ul.relations li")
            .starts_with("Dmitri Varlamov director-of")
    );

    // The adjective and the headline in capitals are mentions.
    let gabon = site.page("entities/gabon/index.html");
    assert!(
        gabon
            .texts(".passages mark")
            .contains(&"Gabonese".to_string())
    );
    let ship = site.page("entities/ocean-verity/index.html");
    assert!(
        ship.texts(".passages mark")
            .contains(&"OCEAN VERITY".to_string())
    );

    // The note sits just after the paragraph holding its passage.
    note_beside_its_passage(
        &site.page("articles/kestrel-tankers-carried-russian-crude/index.html"),
        "registered in Dubai in February 2022",
        "Three weeks before",
    );
    let article = site.page("articles/kestrel-tankers-carried-russian-crude/index.html");
    assert_eq!(
        article.attrs("aside.note .chips a", "href"),
        [
            "../../entities/kestrel-shipmanagement-fze/index.html",
            "../../tags/company-records/index.html"
        ],
        "the note's chips link Kestrel's page and its tag"
    );
    let listed = kestrel.texts("article.note-item");
    assert!(
        listed.iter().any(|n| n.contains("Three weeks before")),
        "Kestrel's page lists the note: {listed:?}"
    );
    for tag in ["price-cap", "shipping", "ship-to-ship", "company-records"] {
        assert!(site.exists(&format!("tags/{tag}/index.html")), "tag {tag}");
    }

    // suggest's types, corrected by hand, are what the site shows.
    let entities = site.text("data/entities.csv");
    for row in [
        "hellenic-coast-guard,Hellenic Coast Guard,organization",
        "greece,Greece,country",
        "laconian-gulf,Laconian Gulf,place",
        "ocean-verity,Ocean Verity,ship",
    ] {
        assert!(entities.contains(row), "{row} in:\n{entities}");
    }

    // The menu in the order of the pages' weights.
    let menu = site.page("index.html").texts("nav[aria-label=Main] a");
    let about = menu
        .iter()
        .position(|t| t == "About")
        .expect("About in the menu");
    let method = menu
        .iter()
        .position(|t| t == "Method")
        .expect("Method in the menu");
    assert!(about < method, "{menu:?}");

    // The edited theme is the one the site uses.
    assert!(!theme_edits.is_empty(), "the tutorial edits the theme");
    for (name, text) in theme_edits {
        assert!(
            site.text(name).contains(text),
            "the edit is in the built {name}"
        );
    }

    // The workflow is written and committed, and git gives the dates.
    assert!(root.join(".github/workflows/pages.yml").is_file());
    let tracked = Command::new("git")
        .args(["ls-files"])
        .current_dir(root)
        .output()
        .expect("git runs");
    let tracked = String::from_utf8_lossy(&tracked.stdout);
    assert!(tracked.contains(".github/workflows/pages.yml"), "{tracked}");
    assert!(
        !tracked.contains("public/"),
        "public/ is ignored: {tracked}"
    );

    // The search finds the article that tells of the transponder.
    let answer = &run_queries_for(&site, &["transponder"], usize::MAX, "")[0];
    assert_eq!(
        answer["results"],
        serde_json::json!(["articles/kestrel-tankers-carried-russian-crude/index.html"]),
        "{answer}"
    );

    for page in ["graph/index.html", "data/index.html"] {
        assert!(site.exists(page), "{page}");
    }
    let graph = site.text("graph/index.html");
    assert!(graph.contains("Dmitri Varlamov") && graph.contains("Ocean Verity"));
}

/// The note whose text starts with `note` follows the block that holds
/// the highlighted `quote` it points at.
fn note_beside_its_passage(page: &Page, quote: &str, note: &str) {
    let mark = scraper::Selector::parse("mark.quote").expect("selector");
    let mark = page
        .html
        .select(&mark)
        .find(|m| folded(&m.text().collect::<String>()) == quote)
        .unwrap_or_else(|| panic!("`{quote}` is highlighted"));
    let id = mark
        .value()
        .attr("data-note")
        .expect("the mark names its note");
    let block = mark
        .ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .find(|e| e.value().name() == "p")
        .expect("the passage is in a paragraph");
    let notes = block
        .next_siblings()
        .filter_map(scraper::ElementRef::wrap)
        .next()
        .expect("a block after the paragraph");
    let aside = scraper::Selector::parse(&format!("aside.note#{id}")).expect("selector");
    let aside = notes.select(&aside).next().unwrap_or_else(|| {
        panic!(
            "note {id} is not just after its paragraph: {}",
            notes.html()
        )
    });
    assert!(folded(&aside.text().collect::<String>()).contains(note));
}

/// A heading's anchor as GitHub makes it: lowercase, punctuation but `-`
/// and `_` dropped, spaces as `-` (`## dossier.yaml` is `#dossieryaml`).
fn github_anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[test]
fn the_tutorials_links_lead_to_a_file_and_heading_that_exist() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let markdown = fs::read_to_string(docs.join("tutorial.md")).expect("docs/tutorial.md");
    let mut checked = 0;
    for target in markdown.split("](").skip(1) {
        let target = &target[..target.find(')').expect("a closed link")];
        if target.starts_with("https://") || target.starts_with("http://") {
            continue;
        }
        let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
        let text = fs::read_to_string(docs.join(file))
            .unwrap_or_else(|e| panic!("the link `{target}`: {e}"));
        if !anchor.is_empty() {
            let anchors: Vec<String> = text
                .lines()
                .filter_map(|line| line.strip_prefix('#'))
                .map(|line| github_anchor(line.trim_start_matches('#')))
                .collect();
            assert!(
                anchors.iter().any(|a| a == anchor),
                "the link `{target}`: no such heading"
            );
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} links read");
}
