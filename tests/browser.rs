//! The built site in a real browser: headless Chromium (Debian's
//! `chromium`), driven by playwright-core from `tests/browser/`, both
//! installed by `tests/prepare`.

mod common;

use std::path::Path;
use std::process::Command;

use common::Fixture;
use common::server::Server;
use serde_json::Value;

const ARTICLE: &str = "articles/traite-russie-coree-du-nord/index.html";

/// Runs `tests/browser/<script>` with `args`; returns the JSON it prints.
fn browser(script: &str, args: &[&str]) -> Value {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    assert!(
        folder.join("node_modules/playwright-core").is_dir(),
        "playwright-core is missing: run `npm ci --prefix tests/browser` (and `apt-get install chromium`)"
    );
    let output = Command::new("node")
        .arg(folder.join(script))
        .args(args)
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

/// What a reader sees when searching `traités` from the home page.
fn check_search(report: &Value) {
    assert_eq!(report["errors"], Value::Array(vec![]), "{report}");
    assert_eq!(report["outside"], Value::Array(vec![]), "{report}");
    let found = report["fromHeader"].as_array().expect("results");
    assert!(
        found
            .iter()
            .any(|h| h.as_str().is_some_and(|h| h.ends_with(ARTICLE))),
        "{report}"
    );
    assert!(
        report["status"]
            .as_str()
            .is_some_and(|s| s.contains("résultat")),
        "{report}"
    );
    assert!(
        report["snippet"]
            .as_array()
            .expect("marks")
            .iter()
            .any(|m| m
                .as_str()
                .is_some_and(|m| m.to_lowercase().starts_with("traité"))),
        "{report}"
    );
    assert_eq!(report["nothing"], "Aucun résultat.");
    assert_eq!(report["address"], "search/index.html?q=trait%C3%A9s");
    assert!(
        report["opened"]
            .as_str()
            .is_some_and(|p| p.ends_with(ARTICLE))
    );
    assert!(
        report["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Russie et Corée du Nord signent")),
        "{report}"
    );
}

#[test]
fn a_reader_finds_the_article_through_search_opened_from_disk() {
    let (_fixture, site) = Fixture::example();
    let base = format!("file://{}/", site.root.display());
    check_search(&browser("search.js", &[&base, "traités", ARTICLE]));
}

#[test]
fn a_reader_finds_the_article_through_search_in_the_preview() {
    let (fixture, _site) = Fixture::example();
    let server = Server::start(fixture.root());
    let base = format!("http://127.0.0.1:{}/", server.port);
    check_search(&browser("search.js", &[&base, "traités", ARTICLE]));
}

#[test]
fn an_open_article_follows_the_writer_s_saves_and_keeps_its_place() {
    let (fixture, _site) = Fixture::example();
    let server = Server::start(fixture.root());
    let base = format!("http://127.0.0.1:{}/", server.port);
    let file = "content/articles/2024-06-19-traite-russie-coree-du-nord.md";
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let report = browser(
        "reload.js",
        &[
            &base,
            ARTICLE,
            &fixture.root().join(file).to_string_lossy(),
            &shots.to_string_lossy(),
        ],
    );
    assert_eq!(report["scrolled"], 900, "{report}");
    assert_eq!(
        report["afterEdit"], 900,
        "the reload keeps the place: {report}"
    );
    assert_eq!(report["errorTitle"], "The dossier does not build: 1 error");
    let errors = report["errors"].as_array().expect("errors shown");
    assert_eq!(errors.len(), 1, "one broken file, one error: {report}");
    assert!(
        errors[0]
            .as_str()
            .is_some_and(|e| e.starts_with(&format!("{file}:2:8: error:"))),
        "{report}"
    );
    assert_eq!(
        report["afterFix"], 900,
        "back where the reader was: {report}"
    );
    assert_eq!(report["markerGone"], true);
    assert!(
        report["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Russie et Corée du Nord"))
    );
    assert!(shots.join("serve-error.png").is_file());
}
