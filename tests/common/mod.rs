//! Helpers for end-to-end tests: write a dossier into a temporary folder,
//! run the real `dossier` binary on it, and parse the pages it wrote.

#![allow(dead_code, unreachable_pub)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod bad_input;
pub mod dated;
pub mod import;
pub mod publish;
pub mod search;
pub mod server;

use scraper::{Html, Selector};
use tempfile::TempDir;

/// A dossier written to a temporary folder.
pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    /// Writes `files` (path relative to the dossier root, content).
    pub fn new(files: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fixture = Self { dir };
        for (path, content) in files {
            fixture.write(path, content);
        }
        fixture
    }

    /// Copies a fixture folder from `tests/fixtures/<name>`.
    pub fn copy(name: &str) -> Self {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let fixture = Self::new(&[]);
        for entry in walkdir::WalkDir::new(&source) {
            let entry = entry.expect("fixture readable");
            let target = fixture
                .root()
                .join(entry.path().strip_prefix(&source).expect("inside fixture"));
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).expect("create folder");
            } else {
                fs::copy(entry.path(), &target).expect("copy fixture file");
            }
        }
        fixture
    }

    /// The example dossier of the repository (`content/`, `dossier.yaml`),
    /// copied and built.
    pub fn example() -> (Self, Site) {
        let fixture = Self::example_files();
        let site = fixture.build();
        (fixture, site)
    }

    /// The example dossier of the repository, copied, not built.
    pub fn example_files() -> Self {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let fixture = Self::new(&[]);
        for entry in walkdir::WalkDir::new(repo.join("content"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let relative = entry.path().strip_prefix(repo).expect("inside");
            let text = fs::read_to_string(entry.path()).expect("UTF-8 content");
            fixture.write(&relative.to_string_lossy(), &text);
        }
        let settings = fs::read_to_string(repo.join("dossier.yaml")).expect("settings");
        fixture.write("dossier.yaml", &settings);
        fixture
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The text of a file of the dossier.
    pub fn text(&self, path: &str) -> String {
        fs::read_to_string(self.root().join(path)).expect("readable fixture file")
    }

    /// Whether the dossier has this file.
    pub fn exists(&self, path: &str) -> bool {
        self.root().join(path).exists()
    }

    pub fn write(&self, path: &str, content: &str) {
        self.write_bytes(path, content.as_bytes());
    }

    pub fn write_bytes(&self, path: &str, content: &[u8]) {
        let path = self.root().join(path);
        fs::create_dir_all(path.parent().expect("file in a folder")).expect("create folder");
        fs::write(path, content).expect("write fixture file");
    }

    /// Runs `dossier <args…> --root <root>`.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .expect("dossier runs")
    }

    /// Builds into `<root>/public`, asserting success.
    pub fn build(&self) -> Site {
        self.build_with(&[])
    }

    /// Builds with extra flags, asserting success.
    pub fn build_with(&self, flags: &[&str]) -> Site {
        let mut args = vec!["build"];
        args.extend_from_slice(flags);
        let output = self.run(&args);
        assert!(
            output.status.success(),
            "build failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        Site {
            root: self.root().join("public"),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs git in the dossier with fixed dates and names: commits dated
    /// `date` (RFC 3339).
    pub fn git(&self, args: &[&str], date: &str) {
        let status = Command::new("git")
            .args(args)
            .current_dir(self.root())
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_NAME", "Researcher")
            .env("GIT_AUTHOR_EMAIL", "r@example.org")
            .env("GIT_COMMITTER_NAME", "Researcher")
            .env("GIT_COMMITTER_EMAIL", "r@example.org")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    /// Makes the dossier a git repository whose one commit, dated `date`,
    /// holds every file.
    pub fn git_init_and_commit(&self, date: &str) {
        self.git(&["init", "-q", "-b", "main"], date);
        self.git(&["add", "."], date);
        self.git(&["commit", "-q", "-m", "first"], date);
    }

    /// Runs a command expected to fail with status 1; returns stderr.
    pub fn fail(&self, args: &[&str]) -> String {
        let output = self.run(args);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(
            output.status.code(),
            Some(1),
            "expected exit 1, got {:?}: {stderr}",
            output.status
        );
        assert!(!stderr.contains("panicked"), "panic: {stderr}");
        stderr
    }
}

/// Asserts that `stderr` contains every one of `fragments`.
pub fn assert_says(stderr: &str, fragments: &[&str]) {
    for fragment in fragments {
        assert!(
            stderr.contains(fragment),
            "expected `{fragment}` in:\n{stderr}"
        );
    }
}

/// A built site.
pub struct Site {
    pub root: PathBuf,
    pub stderr: String,
}

impl Site {
    pub fn exists(&self, path: &str) -> bool {
        self.root.join(path).is_file()
    }

    pub fn text(&self, path: &str) -> String {
        fs::read_to_string(self.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn page(&self, path: &str) -> Page {
        Page {
            html: Html::parse_document(&self.text(path)),
            path: path.to_string(),
        }
    }

    /// Every file of the site, relative, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(&self.root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&self.root)
                    .expect("inside")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        files.sort();
        files
    }
}

/// Every file under `dir`, relative, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).expect("inside").to_path_buf())
        .collect();
    files.sort();
    files
}

/// The path in the site that `href`, a relative link on the page at
/// `from`, leads to, without its `#fragment`: `../b/index.html` from
/// `a/x/index.html` is `a/b/index.html`.
pub fn resolve(from: &str, href: &str) -> String {
    let target = href.split('#').next().unwrap_or_default();
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in target.split('/') {
        match segment {
            ".." => assert!(parts.pop().is_some(), "{href} from {from} leaves the site"),
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

impl Site {
    /// Every page of a paginated list, from its first at `first`, by its
    /// pager's `rel="next"` links, in order.
    pub fn pages_from(&self, first: &str) -> Vec<Page> {
        let mut pages = vec![self.page(first)];
        while let Some(next) = pages
            .last()
            .and_then(|page| page.attrs("nav.pages a[rel=next]", "href").pop())
        {
            let path = resolve(&pages.last().expect("a page").path, &next);
            assert!(pages.iter().all(|p| p.path != path), "{path} comes twice");
            pages.push(self.page(&path));
        }
        pages
    }

    /// Every page of the timeline, in order: each page of each year that
    /// `timeline/index.html` lists.
    pub fn timeline(&self) -> Vec<Page> {
        let index = self.page("timeline/index.html");
        index
            .attrs("section.year h2 a", "href")
            .iter()
            .flat_map(|year| self.pages_from(&resolve(&index.path, year)))
            .collect()
    }
}

/// The texts of `css` on each of `pages`, one after the other.
pub fn texts_across(pages: &[Page], css: &str) -> Vec<String> {
    pages.iter().flat_map(|page| page.texts(css)).collect()
}

/// The values of `attribute` on `css` on each of `pages`, one after the
/// other.
pub fn attrs_across(pages: &[Page], css: &str, attribute: &str) -> Vec<String> {
    pages
        .iter()
        .flat_map(|page| page.attrs(css, attribute))
        .collect()
}

/// A parsed page.
pub struct Page {
    pub html: Html,
    pub path: String,
}

impl Page {
    fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
        self.html.select(&selector).collect()
    }

    /// The text of every element matching `css`, white space folded.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The value of `attribute` on every element matching `css`.
    pub fn attrs(&self, css: &str, attribute: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .filter_map(|e| e.value().attr(attribute))
            .map(str::to_string)
            .collect()
    }

    pub fn count(&self, css: &str) -> usize {
        self.select(css).len()
    }

    /// The only element matching `css`, as text.
    pub fn text_of(&self, css: &str) -> String {
        let texts = self.texts(css);
        assert_eq!(
            texts.len(),
            1,
            "{}: expected one `{css}`, found {texts:?}",
            self.path
        );
        texts[0].clone()
    }
}

/// Runs `tests/browser/<script>` under Node.js with `args`, after checking
/// that `tests/prepare` installed `modules`; returns the one JSON line the
/// script prints (see `tests/browser/chromium.js`).
pub fn browser_script(script: &str, modules: &[&str], args: &[&str]) -> serde_json::Value {
    browser_script_with(script, modules, args, &[])
}

/// [`browser_script`] with environment variables `env` set.
pub fn browser_script_with(
    script: &str,
    modules: &[&str],
    args: &[&str],
    env: &[(&str, &str)],
) -> serde_json::Value {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    for module in modules {
        assert!(
            folder.join("node_modules").join(module).is_dir(),
            "{module} is missing: run tests/prepare (Chromium, npm ci --prefix tests/browser)"
        );
    }
    let output = Command::new("node")
        .arg(folder.join(script))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{script} failed:\n{}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(stdout.trim()).expect("the script prints JSON")
}

/// Runs the real binary with `args` in `dir` (for commands that take no
/// `--root`, such as `init`).
pub fn dossier(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("dossier runs")
}
