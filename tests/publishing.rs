//! Publishing (docs/publishing.md): the CI files `dossier init --ci` writes
//! are valid for their platform (check-jsonschema's copies of SchemaStore's
//! schemas), hold the steps the platforms document, and their build
//! command, run as written with the address the platform would give, builds
//! the site that gets uploaded; `--ci` adds the file to a dossier that
//! exists, never over one; a published site works from disk.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{Site, dossier, files_under, resolve};
use serde_yaml::Value;

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A new dossier, `site/` in a temporary folder, from `dossier init site
/// --ci <platform>`; and what the command printed.
fn initialized(platform: &str) -> (tempfile::TempDir, PathBuf, String) {
    let place = tempfile::tempdir().expect("temporary folder");
    let output = dossier(&["init", "site", "--ci", platform], place.path());
    assert!(output.status.success(), "init failed: {}", stderr(&output));
    let root = place.path().join("site");
    (place, root, stdout(&output))
}

/// Asserts that `file` is valid for one of check-jsonschema's built-in
/// schemas (`vendor.github-workflows`, `vendor.gitlab-ci`), which it ships
/// and reads without the network.
fn assert_valid(schema: &str, file: &Path) {
    let output = Command::new("check-jsonschema")
        .args(["--builtin-schema", schema])
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("check-jsonschema: {e}: run tests/prepare to install it"));
    assert!(
        output.status.success(),
        "{} is not valid for {schema}:\n{}{}",
        file.display(),
        stdout(&output),
        stderr(&output)
    );
}

fn yaml(file: &Path) -> Value {
    let text = fs::read_to_string(file).expect("the CI file");
    serde_yaml::from_str(&text).expect("the CI file is YAML")
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("text expected: {value:?}"))
}

/// Runs `script` with bash as both platforms do (stopping at the first
/// failing command) in `dir`, with the `dossier` under test first on PATH
/// and `env` set.
fn run_as_ci(script: &str, dir: &Path, env: &[(String, String)]) -> Output {
    let binary = Path::new(env!("CARGO_BIN_EXE_dossier"));
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![binary.parent().expect("in a folder").to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    let output = Command::new("bash")
        .args([
            "--noprofile",
            "--norc",
            "-e",
            "-o",
            "pipefail",
            "-c",
            script,
        ])
        .current_dir(dir)
        .env("PATH", std::env::join_paths(paths).expect("PATH"))
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{script}\nfailed: {}",
        stderr(&output)
    );
    output
}

/// The install command names the package (the repository also holds
/// `dossier-fuzz`, which has binaries), and the address is the one in
/// `Cargo.toml`, or a placeholder that `init` says to replace.
fn check_install(install: &str, git: &str, shown: &str) {
    assert!(
        install.contains("cargo install --locked --git \"$DOSSIER_GIT\" dossier"),
        "{install}"
    );
    let repository = env!("CARGO_PKG_REPOSITORY");
    if repository.is_empty() {
        assert!(git.contains("replace"), "a placeholder: {git}");
        assert!(shown.contains("set DOSSIER_GIT"), "{shown}");
    } else {
        assert_eq!(git, repository);
        assert!(!shown.contains("DOSSIER_GIT"), "{shown}");
    }
}

/// The addresses in `sitemap.xml`, which start with the base URL.
fn sitemap_locations(site: &Site) -> Vec<String> {
    let xml = site.text("sitemap.xml");
    let document = roxmltree::Document::parse(&xml).expect("sitemap.xml is XML");
    document
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

#[test]
fn the_github_workflow_is_valid_and_its_build_step_builds_what_it_uploads() {
    let (_place, root, shown) = initialized("github");
    let file = root.join(".github/workflows/pages.yml");
    assert!(
        shown.contains("  .github/workflows/pages.yml\n"),
        "listed: {shown}"
    );
    assert!(shown.contains("Settings > Pages"), "{shown}");
    assert_valid("vendor.github-workflows", &file);
    let workflow = yaml(&file);

    // What GitHub's Pages documentation asks of a custom workflow.
    assert_eq!(workflow["permissions"]["pages"], "write");
    assert_eq!(workflow["permissions"]["id-token"], "write");
    assert!(workflow["concurrency"]["group"].is_string());
    assert!(workflow["on"]["push"]["branches"].is_sequence());
    let steps = workflow["jobs"]["build"]["steps"]
        .as_sequence()
        .expect("the build job's steps");
    let uses = |action: &str| -> &Value {
        steps
            .iter()
            .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
            .unwrap_or_else(|| panic!("a step uses {action}"))
    };
    let runs = |command: &str| -> &Value {
        steps
            .iter()
            .find(|s| s["run"].as_str().is_some_and(|r| r.contains(command)))
            .unwrap_or_else(|| panic!("a step runs {command}"))
    };
    // The whole history, for the dates from git.
    assert_eq!(uses("actions/checkout@")["with"]["fetch-depth"], 0);
    let upload = uses("actions/upload-pages-artifact@");
    let deploy = &workflow["jobs"]["deploy"];
    assert_eq!(deploy["needs"], "build");
    assert_eq!(deploy["environment"]["name"], "github-pages");
    let deploy_step = &deploy["steps"][0];
    assert!(text(&deploy_step["uses"]).starts_with("actions/deploy-pages@"));
    assert_eq!(
        text(&deploy["environment"]["url"]),
        format!(
            "${{{{ steps.{}.outputs.page_url }}}}",
            text(&deploy_step["id"])
        )
    );

    check_install(
        text(&runs("cargo install")["run"]),
        text(&workflow["env"]["DOSSIER_GIT"]),
        &shown,
    );

    // The build step, run as written, with the address configure-pages
    // gives a project site (no final slash) in place of its output.
    let build = runs("dossier build");
    let pages_id = text(&uses("actions/configure-pages@")["id"]);
    let output = format!("${{{{ steps.{pages_id}.outputs.base_url }}}}");
    let address = "https://jdoe.github.io/nordstream";
    let env: Vec<(String, String)> = build["env"]
        .as_mapping()
        .expect("the build step's env")
        .iter()
        .map(|(key, value)| {
            let value = text(value).replace(&output, address);
            assert!(!value.contains("${{"), "only base_url is expected: {value}");
            (text(key).to_string(), value)
        })
        .collect();
    assert!(env.iter().any(|(_, v)| v == address), "{env:?}");
    run_as_ci(text(&build["run"]), &root, &env);

    // What is uploaded is the site, made for that address; under a path,
    // it has no robots.txt.
    let site = Site {
        root: root.join(text(&upload["with"]["path"])),
        stderr: String::new(),
    };
    assert!(site.exists("index.html"));
    let locations = sitemap_locations(&site);
    assert!(locations.contains(&format!("{address}/")), "{locations:?}");
    assert!(!site.exists("robots.txt"));
}

#[test]
fn the_gitlab_pipeline_is_valid_and_its_script_builds_the_published_folder() {
    let (_place, root, shown) = initialized("gitlab");
    let file = root.join(".gitlab-ci.yml");
    assert!(shown.contains("  .gitlab-ci.yml\n"), "listed: {shown}");
    assert_valid("vendor.gitlab-ci", &file);
    let pipeline = yaml(&file);

    // What GitLab's Pages documentation asks: a job named `pages` whose
    // artifact is the folder `public`, here on the default branch only.
    let job = &pipeline["pages"];
    assert_eq!(job["artifacts"]["paths"][0], "public");
    assert_eq!(
        job["rules"][0]["if"],
        "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    );
    // The whole history, for the dates from git.
    assert_eq!(job["variables"]["GIT_DEPTH"], "0");
    let install: Vec<&str> = job["before_script"]
        .as_sequence()
        .expect("before_script")
        .iter()
        .map(text)
        .collect();
    check_install(
        &install.join("\n"),
        text(&job["variables"]["DOSSIER_GIT"]),
        &shown,
    );

    // The script, run as written, for a user's site at the root of its
    // host: robots.txt is made, and names the sitemap.
    let script: Vec<&str> = job["script"]
        .as_sequence()
        .expect("script")
        .iter()
        .map(text)
        .collect();
    let address = "https://jdoe.gitlab.io";
    let env = [("CI_PAGES_URL".to_string(), address.to_string())];
    run_as_ci(&script.join("\n"), &root, &env);
    let site = Site {
        root: root.join("public"),
        stderr: String::new(),
    };
    assert!(sitemap_locations(&site).contains(&format!("{address}/")));
    assert_eq!(
        site.text("robots.txt"),
        format!("User-agent: *\nAllow: /\nSitemap: {address}/sitemap.xml\n")
    );
}

#[test]
fn ci_files_are_added_to_a_dossier_that_exists_never_over_one() {
    let place = tempfile::tempdir().expect("temporary folder");
    let output = dossier(&["init", "site"], place.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let root = place.path().join("site");
    let before = files_under(&root);

    // Without --ci, init says what it can add.
    let output = dossier(&["init", "."], &root);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.starts_with(".: error: this folder is a dossier already"),
        "{message}"
    );
    assert!(message.contains("dossier init --ci github"), "{message}");

    // With it, the one file, in the current folder by default.
    let output = dossier(&["init", "--ci", "gitlab"], &root);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("created .gitlab-ci.yml\n"),
        "{}",
        stdout(&output)
    );
    let output = dossier(&["init", "site", "--ci", "github"], place.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let mut expected = before.clone();
    expected.push(".github/workflows/pages.yml".into());
    expected.push(".gitlab-ci.yml".into());
    expected.sort();
    assert_eq!(files_under(&root), expected);

    // Never over a file, even one of its own.
    let edited = "# mine\n";
    fs::write(root.join(".gitlab-ci.yml"), edited).expect("edit");
    let output = dossier(&["init", "--ci", "gitlab"], &root);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with(".gitlab-ci.yml: error: the file already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(root.join(".gitlab-ci.yml")).expect("kept"),
        edited
    );

    // A folder that is neither empty nor a dossier gets nothing.
    let other = tempfile::tempdir().expect("temporary folder");
    fs::write(other.path().join("notes.txt"), "mine").expect("notes");
    let output = dossier(&["init", ".", "--ci", "github"], other.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("the folder is not empty"));
    assert_eq!(files_under(other.path()), [PathBuf::from("notes.txt")]);
    // An unknown platform is a command-line error.
    let output = dossier(&["init", "--ci", "bitbucket"], other.path());
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn a_published_site_works_from_disk_but_for_its_404_page() {
    // Built for an address under a path, as on GitHub Pages: its pages
    // still link to one another, their stylesheet and scripts by relative
    // paths that name files, so a copy (a zip of public/) opens from disk.
    let base = "https://jdoe.github.io/nordstream/";
    let fixture = common::Fixture::copy("english");
    let site = fixture.build_with(&["--base-url", base]);
    let mut checked = 0;
    for file in site.files().iter().filter(|f| f.ends_with(".html")) {
        if file == "404.html" {
            continue; // shown by a server at any depth: absolute links
        }
        let page = site.page(file);
        let links = [
            page.attrs("a[href]", "href"),
            page.attrs("link[rel=stylesheet], link[rel=icon]", "href"),
            page.attrs("script[src], img[src]", "src"),
        ];
        for href in links.concat() {
            if href.starts_with('#') || href.contains("://") && !href.starts_with(base) {
                continue; // within the page, or another site
            }
            assert!(!href.starts_with(base), "{file}: {href} needs the web");
            assert!(
                !href.starts_with('/'),
                "{file}: {href} from the disk's root"
            );
            let target = resolve(file, &href);
            assert!(site.exists(&target), "{file}: {href} -> {target} missing");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}
