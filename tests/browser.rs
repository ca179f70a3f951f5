//! The built site in a real browser: headless Chromium (Debian's
//! `chromium`), driven by playwright-core from `tests/browser/`, both
//! installed by `tests/prepare`.

mod common;

use std::path::Path;

use common::server::Server;
use common::{Fixture, dossier};
use serde_json::Value;

const ARTICLE: &str = "articles/traite-russie-coree-du-nord/index.html";

/// Runs `tests/browser/<script>` with `args`; returns the JSON it prints.
fn browser(script: &str, args: &[&str]) -> Value {
    common::browser_script(script, &["playwright-core"], args)
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
    assert_eq!(
        report["oneLetter"],
        "Rien à chercher : les mots d’une lettre ne sont pas indexés."
    );
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

const ENTITY: &str = "entities/vladimir-poutine/index.html";

/// Checks what `tour.js` saw; its screenshots are in `shots`.
fn check_tour(report: &Value, shots: &Path) {
    assert_eq!(report["errors"], Value::Array(vec![]), "{report}");
    assert_eq!(
        report["outside"],
        Value::Array(vec![]),
        "no request leaves the site: {report}"
    );
    assert_eq!(
        report["overflow"],
        Value::Array(vec![]),
        "nothing wider than the screen: {report}"
    );
    let steps: Vec<&str> = report["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        steps,
        [
            "index.html",
            ARTICLE,
            ENTITY,
            &format!("{ARTICLE}#m-vladimir-poutine-1"),
            ENTITY
        ]
    );
    assert_eq!(report["anchor"]["targeted"], true, "{report}");
    assert_eq!(report["anchor"]["inView"], true, "{report}");
    assert_eq!(report["anchor"]["text"], "Vladimir Poutine");
    let skip = &report["skip"];
    assert_eq!(
        skip["href"], "#content",
        "the first Tab reaches the skip link: {skip}"
    );
    assert_eq!(skip["onScreen"], true, "{skip}");
    assert_eq!(skip["outline"], true, "focus is visible: {skip}");
    assert_eq!(skip["target"], true, "{skip}");
    let print = &report["print"];
    assert_eq!(print["nav"], false, "printed without navigation: {print}");
    assert_eq!(print["search"], false, "{print}");
    assert_eq!(print["footer"], false, "{print}");
    assert_eq!(print["title"], true, "{print}");
    let href = print["href"]
        .as_str()
        .expect("an outside link on the entity page");
    assert!(
        print["linkTarget"]
            .as_str()
            .is_some_and(|c| c.contains(href)),
        "the link's address is printed: {print}"
    );
    for page in ["home", "article", "entity"] {
        for width in [390, 1280] {
            for scheme in ["", "-dark"] {
                let shot = shots.join(format!("{page}-{width}{scheme}.png"));
                assert!(shot.is_file(), "{} was written", shot.display());
            }
        }
    }
}

#[test]
fn a_reader_goes_from_home_to_a_passage_and_back_from_disk() {
    let (_fixture, site) = Fixture::example();
    let base = format!("file://{}/", site.root.display());
    // The screenshots README shows are these.
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).expect("screenshots folder");
    let report = browser(
        "tour.js",
        &[&base, ARTICLE, ENTITY, &shots.to_string_lossy()],
    );
    check_tour(&report, &shots);
}

#[test]
fn a_reader_goes_from_home_to_a_passage_and_back_in_the_preview() {
    let (fixture, _site) = Fixture::example();
    let server = Server::start(fixture.root());
    let base = format!("http://127.0.0.1:{}/", server.port);
    let shots = tempfile::tempdir().expect("temporary folder");
    let report = browser(
        "tour.js",
        &[&base, ARTICLE, ENTITY, &shots.path().to_string_lossy()],
    );
    check_tour(&report, shots.path());
}

#[test]
fn a_reader_finds_the_article_through_search_opened_from_disk() {
    let (_fixture, site) = Fixture::example();
    let base = format!("file://{}/", site.root.display());
    check_search(&browser("search.js", &[&base, "traités", ARTICLE]));
}

#[test]
fn the_search_page_loads_only_the_index_files_its_first_query_needs() {
    let (_fixture, site) = Fixture::example();
    let base = format!("file://{}/", site.root.display());
    let report = browser("weight.js", &[&base, "traités"]);
    assert_eq!(report["errors"], Value::Array(vec![]), "{report}");
    let results = report["results"].as_array().expect("results").len();
    assert!(results > 0, "{report}");
    let index: Vec<&str> = report["requested"]
        .as_array()
        .expect("addresses")
        .iter()
        .filter_map(|u| u.as_str()?.strip_prefix(&base))
        .filter(|p| p.starts_with("search/") && !p.starts_with("search/index.html"))
        .collect();
    // The list of shards, the shard of words beginning with `tr`, and
    // the texts of the results shown, two documents a file.
    let texts = index
        .iter()
        .filter(|p| p.starts_with("search/texts/"))
        .count();
    assert!(
        (results.div_ceil(2)..=results).contains(&texts),
        "{texts} texts files for {results} results: {index:?}"
    );
    assert_eq!(
        index.len(),
        2 + texts,
        "nothing else, no tiers in a dossier this small: {index:?}"
    );
    assert!(index.contains(&"search/keys.js"), "{index:?}");
    assert!(index.contains(&"search/terms/00740072.js"), "{index:?}");
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

#[test]
fn a_new_user_finds_their_first_article_through_search() {
    // dossier init, dossier new article, write it, dossier build.
    let folder = tempfile::tempdir().expect("temporary folder");
    let root = folder.path().join("my-dossier");
    let root_text = root.to_string_lossy().into_owned();
    let init = dossier(&["init", &root_text], folder.path());
    assert!(init.status.success(), "{init:?}");
    let new = dossier(
        &["new", "article", "Sanctions against shipping firms"],
        &root,
    );
    assert!(new.status.success(), "{new:?}");
    let file = String::from_utf8_lossy(&new.stdout).trim().to_string();
    let file = root.join(file);
    let text = std::fs::read_to_string(&file).expect("the new article");
    std::fs::write(
        &file,
        format!("{text}The shipowners were listed by the Treasury on Monday.\n"),
    )
    .expect("written");
    let build = dossier(&["build", "--base-url", "https://example.org/mine/"], &root);
    assert!(build.status.success(), "{build:?}");

    let site = root.join("public");
    let base = format!("file://{}/", site.display());
    let expected = "articles/sanctions-against-shipping-firms/index.html";
    let report = browser("search.js", &[&base, "shipowner", expected]);
    assert_eq!(report["errors"], Value::Array(vec![]), "{report}");
    assert_eq!(report["outside"], Value::Array(vec![]), "{report}");
    assert_eq!(report["status"], "1 result", "{report}");
    assert_eq!(report["snippet"][0], "shipowners", "{report}");
    assert_eq!(report["nothing"], "No results.");
    assert_eq!(report["title"], "Sanctions against shipping firms");

    // The feed, the sitemap and the article's JSON-LD name it.
    let feed = std::fs::read_to_string(site.join("atom.xml")).expect("a feed");
    let feed = roxmltree::Document::parse(&feed).expect("well-formed");
    let ids: Vec<&str> = feed
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "id")))
        .filter_map(|n| n.text())
        .collect();
    assert!(ids.contains(&"https://example.org/mine/articles/sanctions-against-shipping-firms/"));
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).expect("a sitemap");
    roxmltree::Document::parse(&sitemap).expect("well-formed");
    assert!(sitemap.contains(
        "<loc>https://example.org/mine/articles/sanctions-against-shipping-firms/</loc>"
    ));
    let page = std::fs::read_to_string(site.join(expected)).expect("the page");
    let html = scraper::Html::parse_document(&page);
    let selector = scraper::Selector::parse("script[type=\"application/ld+json\"]").expect("css");
    let json: Vec<String> = html.select(&selector).map(|s| s.inner_html()).collect();
    let data: Value = serde_json::from_str(&json[0]).expect("JSON-LD");
    assert_eq!(data["@type"], "NewsArticle");
    assert_eq!(data["headline"], "Sanctions against shipping firms");
}

/// A dossier of `count` entities with made-up but name-like names (two
/// syllable words, some of three words and long), named together in
/// articles the way a collection of news does: a few often, most rarely.
fn many_entities(count: usize) -> Fixture {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ré", "su", "ta", "no", "vé", "pa", "dri", "zo", "bel", "ur", "an",
    ];
    let fixture = Fixture::new(&[("dossier.yaml", "title: Many\nlanguage: en\n")]);
    let mut state: u64 = 7;
    let mut next = |n: usize| -> usize {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % n
    };
    let mut names = Vec::new();
    for i in 0..count {
        let mut word = |syllables: usize| -> String {
            let w: String = (0..syllables)
                .map(|_| SYLLABLES[next(SYLLABLES.len())])
                .collect();
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        };
        let name = match i % 5 {
            0 => format!("{} {} {}", word(2), word(3), word(3)),
            1 => word(3),
            _ => format!("{} {}", word(2), word(2 + i % 2)),
        };
        let kind = ["person", "organization", "place", "ship"][i % 4];
        fixture.write(
            &format!("content/entities/e{i:03}.md"),
            &format!("---\nname: {name} {i}\ntype: {kind}\n---\n"),
        );
        names.push(format!("{name} {i}"));
    }
    for a in 0..(count * 2) {
        // Each entity at least once, then skewed: low numbers come up far
        // more often.
        let mut picks: Vec<&String> = vec![&names[a % count]];
        picks.extend((0..3).map(|_| &names[next(count).min(next(count)).min(next(count))]));
        let text: Vec<String> = picks.iter().map(|n| format!("{n} met them.")).collect();
        fixture.write(
            &format!("content/articles/a{a:03}.md"),
            &format!(
                "---\ntitle: Report {a}\ndate: 2024-05-{:02}\n---\n{}\n",
                a % 28 + 1,
                text.join(" ")
            ),
        );
    }
    fixture
}

/// Measures, in Chromium, the names in the graph page's picture and in an
/// entity's neighbourhood: none over another, none outside the picture.
fn check_graph_names(fixture: &Fixture, entity: &str, shots: &Path, name: &str) -> Value {
    let site = fixture.build();
    let url = |path: &str| format!("file://{}", site.root.join(path).display());
    let report = common::browser_script_with(
        "graph.js",
        &["playwright-core"],
        &[
            &url("graph/index.html"),
            &url(&format!("entities/{entity}/index.html")),
        ],
        &[
            ("SHOTS", shots.to_str().expect("UTF-8 path")),
            ("SHOT_NAME", name),
        ],
    );
    for page in report["pages"].as_array().expect("pages") {
        assert_eq!(page["overlaps"], Value::Array(vec![]), "{page}");
        assert_eq!(page["outside"], Value::Array(vec![]), "{page}");
        assert!(page["names"].as_u64() > Some(1), "{page}");
    }
    report
}

#[test]
fn graph_names_never_overlap_nor_leave_the_picture() {
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).expect("screenshots folder");
    let (example, _) = Fixture::example();
    check_graph_names(&example, "vladimir-poutine", &shots, "example");
    let report = check_graph_names(&many_entities(24), "e000", &shots, "24");
    // At 24 entities, every node is named.
    let page = &report["pages"][0];
    assert_eq!(page["names"], page["nodes"], "{page}");
    assert_eq!(page["nodes"], 24, "{page}");
    let report = check_graph_names(&many_entities(200), "e000", &shots, "200");
    assert_eq!(report["pages"][0]["nodes"], 60, "the 60 most mentioned");
}
