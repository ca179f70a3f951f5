//! The built site checked from outside by the tools a reviewer would run
//! (issue 7): every page through the Nu HTML Checker (`vnu.jar`, from the
//! npm package `vnu-jar`, on Java), and one page of every kind through
//! axe-core in headless Chromium, light and dark, narrow and wide. All are
//! installed under `tests/browser/` by `tests/prepare`.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use common::{Fixture, Site};
use serde_json::Value;

/// `tests/browser/<path>`.
fn browser_folder(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser")
        .join(path)
}

/// Every `.html` file of the site, absolute, sorted.
fn html_files(site: &Site) -> BTreeSet<PathBuf> {
    walkdir::WalkDir::new(&site.root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

/// Runs the Nu HTML Checker on the whole site; asserts that it ran and
/// checked every page. Returns its messages, one a line, each starting with
/// the page's path from the site root and its line and column.
fn vnu(site: &Site) -> String {
    let jar = browser_folder("node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "{} is missing: run tests/prepare (npm ci --prefix tests/browser)",
        jar.display()
    );
    let pages = html_files(site);
    assert!(!pages.is_empty(), "the site has no page");
    let started = Instant::now();
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args([
            "--errors-only",
            "--format",
            "gnu",
            "--skip-non-html",
            // One line per file checked, on stdout: a wrong folder checks
            // nothing and says nothing, which must not pass.
            "--verbose",
        ])
        .arg(&site.root)
        .output()
        .expect("java runs (tests/prepare installs default-jre-headless)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let checked: BTreeSet<PathBuf> = stdout.lines().map(PathBuf::from).collect();
    eprintln!(
        "vnu checked {} pages in {:.1} s",
        checked.len(),
        started.elapsed().as_secs_f64()
    );
    // 0: valid; 1: errors found. Anything else is the checker failing.
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "vnu did not run: {:?}\n{stderr}{stdout}",
        output.status
    );
    let unchecked: Vec<_> = pages.difference(&checked).collect();
    assert!(
        unchecked.is_empty() && checked.len() == pages.len(),
        "vnu checked {} of the site's {} pages; not checked: {unchecked:?}\n{stdout}",
        checked.len(),
        pages.len()
    );
    // Its messages name files as "file:/abs/path": show them from the site
    // root. Other lines (the JVM's own notices) are left out.
    let prefix = format!("\"file:{}/", site.root.display());
    let messages: String = stderr
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(|line| format!("{}\n", line.replacen("\":", ":", 1)))
        .collect();
    assert_eq!(
        output.status.success(),
        messages.is_empty(),
        "vnu's status and messages disagree: {:?}\n{stderr}",
        output.status
    );
    messages
}

/// Asserts that the Nu HTML Checker finds no error in the site; returns how
/// many pages it checked.
fn assert_valid_html(site: &Site) -> usize {
    let messages = vnu(site);
    let errors = messages.lines().filter(|l| l.contains(": error:")).count();
    assert!(
        messages.trim().is_empty(),
        "the Nu HTML Checker found {errors} errors:\n{messages}"
    );
    html_files(site).len()
}

#[test]
fn every_page_of_the_example_is_valid_html() {
    let (_fixture, site) = Fixture::example();
    let checked = assert_valid_html(&site);
    // Home, lists, the article, 17 entities, tags, timeline, graph, search,
    // the free page and 404.
    assert!(checked >= 30, "only {checked} pages");
}

/// An article with every block the theme lays out: notes on a paragraph, a
/// heading, a list item, a table row, a block quote and a footnote; lists
/// nested, ordered and of tasks; a table with aligned columns; footnotes,
/// one never referenced; code, raw HTML, an image; two old addresses.
const RICH: &str = r#"---
title: "Notes, lists & <tables>"
date: 2024-07-02
summary: "A *rich* article: lists, a table, ~~no~~ quotes and notes."
source:
  name: Example Wire
  url: https://wire.example.org/rich
  published: 2024-07-01
tags: [Method, Diplomacy]
entities: [united-nations]
aliases: [/2024/rich/, /old/rich.html]
annotations:
  - quote: "signed in the capital"
    note: "A note on a *paragraph*, with [a link](https://example.org/n)."
    entities: [vladimir-putin]
    tags: [Quotes]
  - quote: "the treaty was signed in the capital on Wednesday"
    note: "A longer passage around the first one."
  - quote: "Timeline of events"
    note: "A note on a heading."
  - quote: "second point"
    note: "A note on a list item."
  - quote: "Moscow | 2000"
    note: |-
      A note on a table row.

      In two paragraphs.
  - quote: "quoted words"
    note: "A note inside a block quote."
    tags: [Quotes]
  - quote: "footnote text"
    note: "A note inside a footnote."
---
Putin said the treaty was signed in the capital on Wednesday, with Kim Jong Un.[^wire]

## Timeline of events {#timeline-of-events .warm}

1. First point
2. The second point, about [[north-korea]]
   - a nested item
   - another nested item, with `code`
3. Third point

- [x] a task done
- [ ] a task still open

| City | Since | Note |
|:-----|------:|:----:|
| Moscow | 2000 | ~~old~~ |
| Pyongyang | 2024 | *new* |

> A block quote with quoted words from the press.
>
> A second paragraph in it.

Text with <b>inline HTML</b> and an image: ![A map of the region](../../img/map.png)

<div class="raw">an HTML block</div>

```rust
fn main() {}
```

***

[^wire]: The footnote text, from the wire.
[^unused]: A footnote never referenced.
"#;

#[test]
fn a_dossier_with_notes_lists_and_tables_is_valid_html() {
    let fixture = Fixture::copy("english");
    fixture.write("content/articles/2024/rich.md", RICH);
    let site = fixture.build_with(&["--base-url", "https://example.org/"]);
    // What is checked is really there: feed, canonical address, JSON-LD,
    // and the article's blocks.
    assert!(site.exists("atom.xml") && site.exists("2024/rich/index.html"));
    let page = site.page("articles/rich/index.html");
    for (css, least) in [
        ("link[rel=canonical]", 1),
        ("link[rel=alternate][type='application/atom+xml']", 1),
        ("script[type='application/ld+json']", 1),
        ("mark[data-note]", 7),
        ("table", 1),
        ("ol li ul li", 2),
        ("span.task", 2),
        ("blockquote", 1),
        ("pre", 2),
        ("img[alt]", 1),
    ] {
        assert!(
            page.count(css) >= least,
            "{css}: {} in the article",
            page.count(css)
        );
    }
    let checked = assert_valid_html(&site);
    assert!(checked >= 20, "only {checked} pages");
}

/// One page of every kind the site makes, by name.
const KINDS: [(&str, &str); 13] = [
    ("home", "index.html"),
    ("articles", "articles/index.html"),
    ("article", "articles/traite-russie-coree-du-nord/index.html"),
    ("entities", "entities/index.html"),
    ("entity (person)", "entities/vladimir-poutine/index.html"),
    ("tags", "tags/index.html"),
    ("tag", "tags/diplomatie/index.html"),
    ("timeline", "timeline/index.html"),
    ("timeline, a year", "timeline/2024/index.html"),
    ("graph", "graph/index.html"),
    ("search", "search/index.html?q=traité"),
    ("free page", "a-propos/index.html"),
    ("404", "404.html"),
];

/// Runs `tests/browser/<script>` with `args`; returns the JSON it prints.
fn browser(script: &str, args: &[&str]) -> Value {
    common::browser_script(script, &["playwright-core", "axe-core"], args)
}

/// One violation of one axe rule on one page, in one scheme and width.
struct Violation {
    kind: String,
    scheme: String,
    width: u64,
    /// `{ id, impact, help, count, nodes: [{ target, html }] }`.
    rule: Value,
}

impl Violation {
    fn id(&self) -> &str {
        self.rule["id"].as_str().unwrap_or("?")
    }

    fn impact(&self) -> &str {
        self.rule["impact"].as_str().unwrap_or("none")
    }

    fn is_blocking(&self) -> bool {
        matches!(self.impact(), "serious" | "critical")
    }
}

/// Every violation as a table, worst first, then each rule's help and the
/// first elements it names.
fn table(violations: &[Violation]) -> String {
    let rank = |v: &Violation| match v.impact() {
        "critical" => 0,
        "serious" => 1,
        "moderate" => 2,
        _ => 3,
    };
    let mut sorted: Vec<&Violation> = violations.iter().collect();
    sorted.sort_by_key(|v| (rank(v), v.id(), &v.kind, &v.scheme, v.width));
    let mut out = format!(
        "{:<9} {:<28} {:<16} {:<6} {:>5} {:>5}  first element\n",
        "impact", "rule", "page", "scheme", "width", "nodes"
    );
    for v in &sorted {
        let _ = writeln!(
            out,
            "{:<9} {:<28} {:<16} {:<6} {:>5} {:>5}  {}",
            v.impact(),
            v.id(),
            v.kind,
            v.scheme,
            v.width,
            v.rule["count"],
            v.rule["nodes"][0]["target"].as_str().unwrap_or("")
        );
    }
    let mut seen = BTreeSet::new();
    for v in &sorted {
        if !seen.insert((v.id(), &v.kind)) {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} ({}) on {}: {}",
            v.id(),
            v.impact(),
            v.kind,
            v.rule["help"].as_str().unwrap_or("")
        );
        for node in v.rule["nodes"].as_array().into_iter().flatten() {
            let _ = writeln!(
                out,
                "  {} [{} {}px]\n    {}",
                node["target"].as_str().unwrap_or(""),
                v.scheme,
                v.width,
                node["html"].as_str().unwrap_or("")
            );
        }
    }
    out
}

/// Runs axe-core on `pages` (kind, path) of the site, from disk, light and
/// dark, 390 px and 1280 px wide; asserts that every page loaded whole and
/// that axe ran on it. Returns every violation, of any impact.
fn axe(site: &Site, pages: &[(&str, &str)]) -> Vec<Violation> {
    for (kind, path) in pages {
        let file = path.split('?').next().unwrap_or(path);
        assert!(site.exists(file), "{kind}: {file} is missing");
    }
    let base = format!("file://{}/", site.root.display());
    let mut args = vec![base.as_str()];
    args.extend(pages.iter().map(|(_, path)| *path));
    let started = Instant::now();
    let report = browser("axe.js", &args);
    eprintln!(
        "axe checked {} pages in {:.1} s",
        report["runs"].as_array().map_or(0, Vec::len),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(report["errors"], Value::Array(vec![]), "page errors");
    assert_eq!(
        report["failed"],
        Value::Array(vec![]),
        "every page loads whole, stylesheet included"
    );
    let runs = report["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), pages.len() * 4, "light and dark, 390 and 1280");
    let mut violations = Vec::new();
    for run in runs {
        let path = run["path"].as_str().expect("path");
        let kind = pages
            .iter()
            .find(|(_, p)| *p == path)
            .map_or(path, |(kind, _)| kind);
        let scheme = run["scheme"].as_str().expect("scheme");
        // axe really ran, in the colour scheme asked for.
        assert!(run["passes"].as_u64() > Some(10), "{kind}: {run}");
        assert_eq!(run["dark"], scheme == "dark", "{kind} {scheme}");
        for rule in run["violations"].as_array().expect("violations") {
            violations.push(Violation {
                kind: kind.to_string(),
                scheme: scheme.to_string(),
                width: run["width"].as_u64().expect("width"),
                rule: rule.clone(),
            });
        }
    }
    violations
}

/// No serious or critical violation; the others are shown.
fn assert_none_blocking(violations: &[Violation]) {
    let blocking = violations.iter().filter(|v| v.is_blocking()).count();
    assert!(
        blocking == 0,
        "{blocking} serious or critical axe violations (of {}):\n{}",
        violations.len(),
        table(violations)
    );
    if !violations.is_empty() {
        eprintln!("axe-core found, moderate or minor:\n{}", table(violations));
    }
}

#[test]
fn no_page_kind_has_serious_or_critical_axe_violations() {
    let (_fixture, site) = Fixture::example();
    let violations = axe(&site, &KINDS);
    assert_none_blocking(&violations);
}

/// The example with two more articles and `paginate_by: 2`, so that each
/// kind of list has a later page.
fn paged_example() -> (Fixture, Site) {
    let fixture = Fixture::example_files();
    let settings = fixture.text("dossier.yaml");
    fixture.write("dossier.yaml", &format!("{settings}paginate_by: 2\n"));
    for (day, text) in [
        (20, "Vladimir Poutine quitte Pyongyang."),
        (21, "Kim Jong Un reçoit Vladimir Poutine à Moscou."),
    ] {
        fixture.write(
            &format!("content/articles/2024-06-{day}-suite.md"),
            &format!("---\ntitle: Suite du {day} juin\ndate: 2024-06-{day}\ntags: [Diplomatie]\n---\n{text}\n"),
        );
    }
    let site = fixture.build();
    (fixture, site)
}

/// One later page of each kind of list, by name.
const LATER_PAGES: [(&str, &str); 6] = [
    ("articles, page 2", "articles/page/2/index.html"),
    ("entities, page 2", "entities/page/2/index.html"),
    (
        "entity, page 2",
        "entities/vladimir-poutine/page/2/index.html",
    ),
    ("tag, page 2", "tags/diplomatie/page/2/index.html"),
    ("timeline, a year", "timeline/2024/index.html"),
    (
        "timeline, a year, page 2",
        "timeline/2024/page/2/index.html",
    ),
];

#[test]
fn the_pages_of_long_lists_are_valid_html_with_no_serious_axe_violations() {
    let (_fixture, site) = paged_example();
    let checked = assert_valid_html(&site);
    assert!(checked >= 50, "only {checked} pages");
    let violations = axe(&site, &LATER_PAGES);
    assert_none_blocking(&violations);
}

/// A one-pixel PNG, for the image of `RICH`.
const PIXEL: [u8; 68] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 4, 0,
    0, 0, 181, 28, 12, 2, 0, 0, 0, 11, 73, 68, 65, 84, 120, 218, 99, 100, 96, 0, 0, 0, 6, 0, 2, 48,
    129, 208, 47, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

#[test]
fn an_article_with_every_kind_of_block_has_no_serious_or_critical_axe_violations() {
    let fixture = Fixture::copy("english");
    fixture.write("content/articles/2024/rich.md", RICH);
    fixture.write_bytes("static/img/map.png", &PIXEL);
    let site = fixture.build();
    let violations = axe(&site, &[("rich article", "articles/rich/index.html")]);
    assert!(
        !violations.iter().any(Violation::is_blocking),
        "{}",
        table(&violations)
    );
}

/// The checks can fail: a page with known faults, added to a built site,
/// is reported by both, with its file and line, or its rule and element.
#[test]
fn both_checks_report_a_faulty_page() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    std::fs::write(
        site.root.join("faulty.html"),
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Faulty</title></head>\n\
         <body><main><h1>Faulty</h1>\n<p><div>a block in a paragraph</div></p>\n\
         <img src=\"favicon.svg\"></main></body></html>\n",
    )
    .expect("written");
    let messages = vnu(&site);
    assert!(
        messages.contains("faulty.html:4.") && messages.contains("error: No “p” element in scope"),
        "{messages}"
    );
    let violations = axe(&site, &[("faulty", "faulty.html")]);
    let ids: BTreeSet<(&str, &str)> = violations.iter().map(|v| (v.id(), v.impact())).collect();
    assert!(
        ids.contains(&("image-alt", "critical")),
        "{}",
        table(&violations)
    );
    assert!(violations.iter().any(Violation::is_blocking));
}
