//! `exports` in dossier.yaml: which data files a build writes, what the
//! Data page then links, and the errors of a wrong list.

mod common;

use common::dated::fixture;
use common::{Fixture, assert_says, resolve};

/// Every data file a build can write, by the name `exports` gives it.
const DATA_FILES: [(&str, &[&str]); 8] = [
    (
        "csv",
        &[
            "data/articles.csv",
            "data/entities.csv",
            "data/mentions.csv",
            "data/relations.csv",
            "data/notes.csv",
        ],
    ),
    ("gexf", &["data/graph.gexf"]),
    ("graphml", &["data/graph.graphml"]),
    ("ftm", &["data/entities.ftm.json"]),
    ("csl", &["data/sources.csl.json"]),
    ("timelinejs", &["data/timeline.json"]),
    ("dossier-json", &["dossier.json"]),
    ("annotations", &["annotations.jsonld"]),
];

/// Builds `fixture` with `exports` set to `list` (YAML), twice into the
/// same folder (a site without `dossier.json` is still known as one), and
/// checks which data files it has and that the Data page links exactly
/// those.
fn check_exports(fixture: &Fixture, list: &str, written: &[&str]) {
    fixture.write(
        "dossier.yaml",
        &format!("title: Exports\nbase_url: https://example.org/\nexports: {list}\n"),
    );
    fixture.build();
    let site = fixture.build();
    let mut expected = Vec::new();
    for (name, files) in DATA_FILES {
        for file in files {
            assert_eq!(
                site.exists(file),
                written.contains(&name),
                "exports: {list}: {file}"
            );
            if written.contains(&name) {
                expected.push(file.to_string());
            }
        }
    }
    let data = site.page("data/index.html");
    let mut linked: Vec<String> = data
        .attrs(".data-files a", "href")
        .iter()
        .map(|href| resolve("data/index.html", href))
        .collect();
    expected.sort();
    linked.sort();
    assert_eq!(linked, expected, "exports: {list}: the Data page's links");
    let says_none = data.text_of("main").contains("publishes no data files");
    assert_eq!(says_none, written.is_empty(), "exports: {list}");
    // Not exported, not listed in the sitemap either.
    for (name, files) in DATA_FILES {
        if !written.contains(&name) {
            for file in files.iter() {
                assert!(!site.text("sitemap.xml").contains(file), "{file}");
            }
        }
    }
}

#[test]
fn exports_names_the_data_files_a_build_writes() {
    let fixture = fixture();
    check_exports(&fixture, "[csv, gexf]", &["csv", "gexf"]);
    check_exports(
        &fixture,
        "[graphml, annotations]",
        &["graphml", "annotations"],
    );
    check_exports(&fixture, "[]", &[]);
    let all: Vec<&str> = DATA_FILES.iter().map(|(name, _)| *name).collect();
    check_exports(&fixture, &format!("[{}]", all.join(", ")), &all);
    // Left out, every one is written, as before the setting.
    fixture.write("dossier.yaml", "title: Exports\n");
    let site = fixture.build();
    for (_, files) in DATA_FILES {
        assert!(files.iter().all(|file| site.exists(file)), "{files:?}");
    }
    // The warning about base_url names annotations.jsonld only when it is
    // written.
    assert!(
        site.stderr
            .contains("annotations.jsonld uses relative IRIs")
    );
    fixture.write("dossier.yaml", "title: Exports\nexports: [csv]\n");
    let site = fixture.build();
    assert_says(&site.stderr, &["warning: no `base_url`"]);
    assert!(
        !site.stderr.contains("annotations.jsonld"),
        "{}",
        site.stderr
    );
}

#[test]
fn a_wrong_exports_list_is_an_error_at_its_value() {
    let fixture = fixture();
    for (yaml, says) in [
        (
            "exports: [csv, pdf]\n",
            &[
                "dossier.yaml:2:16: error: `exports` item 2: unknown value `pdf`",
                "= help: write `csv`, `gexf`, `graphml`, `ftm`, `csl`, `timelinejs`, \
                 `dossier-json` or `annotations` in its place",
            ][..],
        ),
        (
            "exports:\n",
            &[
                "dossier.yaml:2:1: error: `exports` is empty",
                "= help: list the data files to write, such as `exports: [csv, gexf]`; \
                 write `exports: []` for none, or remove the line for all of them",
            ][..],
        ),
        (
            "exports: csv\n",
            &[
                "dossier.yaml:2:10: error: wrong type in `exports`: found text \"csv\", expected a list",
                "= help: write a list: `exports: [csv]`",
            ][..],
        ),
    ] {
        fixture.write("dossier.yaml", &format!("title: Exports\n{yaml}"));
        let stderr = fixture.fail(&["build"]);
        assert_says(&stderr, says);
        assert!(!fixture.exists("public"), "{yaml}: a site was written");
    }
}
