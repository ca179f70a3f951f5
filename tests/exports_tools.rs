//! The data exports (`data/`) read back by the tools their users use:
//! networkx reads the GEXF and the GraphML, the `followthemoney` package
//! checks every FtM entity, citeproc-py formats every CSL item, Python's
//! csv module reads the tables, and every TimelineJS event has a start.
//! `tests/tools/read_exports.py` reads; this file compares what it read
//! with `dossier.json`. The Python packages come from `tests/prepare`.

mod common;

use std::process::Command;

use common::{Fixture, Site};
use serde_json::Value;

/// What the tools read of `site`'s exports.
fn read_back(site: &Site) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/read_exports.py");
    let output = Command::new("python3")
        .arg(script)
        .arg(&site.root)
        .output()
        .expect("python3 runs (tests/prepare installs its packages)");
    assert!(
        output.status.success(),
        "read_exports.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("read_exports.py prints JSON")
}

fn count(value: &Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

/// Pairs of entities named in (or listed by `entities:`) the same article,
/// counted from dossier.json.
fn co_mentions(dossier: &Value) -> usize {
    let mut named: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> =
        std::collections::BTreeMap::new();
    for article in dossier["articles"].as_array().expect("articles") {
        let listed = (article["entities"].as_array().expect("entities").iter())
            .map(|e| e.as_str().expect("id"));
        named
            .entry(article["slug"].as_str().expect("slug"))
            .or_default()
            .extend(listed);
    }
    for mention in dossier["mentions"].as_array().expect("mentions") {
        named
            .entry(mention["article"].as_str().expect("slug"))
            .or_default()
            .insert(mention["entity"].as_str().expect("id"));
    }
    let mut pairs = std::collections::BTreeSet::new();
    for entities in named.values() {
        for a in entities {
            for b in entities
                .range::<&str, _>((std::ops::Bound::Excluded(a), std::ops::Bound::Unbounded))
            {
                pairs.insert((*a, *b));
            }
        }
    }
    pairs.len()
}

/// Every export holds what dossier.json holds, as its tool reads it.
fn assert_counts_match(site: &Site) -> Value {
    let dossier: Value = serde_json::from_str(&site.text("dossier.json")).expect("JSON");
    let read = read_back(site);
    let entities = count(&dossier["entities"]);
    let relations = count(&dossier["relations"]);
    let together = co_mentions(&dossier);
    assert!(
        relations > 0 && together > 0,
        "the fixture has both kinds of edge"
    );
    for format in ["gexf", "graphml"] {
        let graph = &read[format];
        assert_eq!(graph["nodes"], entities, "{format}");
        assert_eq!(graph["edges"], relations + together, "{format}");
        assert_eq!(graph["kinds"]["relation"], relations, "{format}");
        assert_eq!(graph["kinds"]["co-mention"], together, "{format}");
        assert_eq!(graph["weights_match_dossier"], true, "{format}");
        assert_eq!(graph["mentions"], count(&dossier["mentions"]), "{format}");
    }
    for (table, key) in [
        ("articles", "articles"),
        ("entities", "entities"),
        ("mentions", "mentions"),
        ("relations", "relations"),
        ("notes", "notes"),
    ] {
        let csv = &read["csv"][table];
        assert_eq!(csv["rows"], count(&dossier[key]), "{table}.csv");
        assert_eq!(csv["same_width"], true, "{table}.csv");
        assert_eq!(csv["crlf"], true, "{table}.csv");
        assert_eq!(csv["formula_cells"], Value::Array(vec![]), "{table}.csv");
    }
    let ftm = &read["ftm"];
    assert_eq!(ftm["problems"], Value::Array(vec![]), "FtM");
    assert_eq!(ftm["unique_ids"], ftm["entities"]);
    let ids: Vec<&Value> = (ftm["lines"].as_array().expect("lines").iter())
        .map(|l| &l["id"])
        .collect();
    let validated: Vec<&Value> =
        (ftm["validated_by_ftm"].as_array().expect("ids").iter()).collect();
    assert_eq!(validated, ids, "`ftm validate` keeps every entity");
    let articles = count(&dossier["articles"]);
    let schemata = ftm["schemata"].as_object().expect("schemata");
    let of = |schema: &str| schemata.get(schema).and_then(Value::as_u64).unwrap_or(0);
    assert_eq!(of("Article") as usize, articles);
    let links: u64 = ["Membership", "Employment", "Ownership", "Directorship"]
        .iter()
        .chain(&["Family", "Associate", "UnknownLink"])
        .map(|s| of(s))
        .sum();
    assert_eq!(links as usize, relations);
    let sourced = (dossier["articles"].as_array().expect("articles").iter())
        .filter(|a| !a["source"].is_null())
        .count();
    assert_eq!(read["csl"]["items"], sourced);
    assert_eq!(count(&read["csl"]["formatted"]), sourced);
    let dated = (dossier["entities"].as_array().expect("entities").iter())
        .filter(|e| !e["date"].is_null() || !e["end"].is_null())
        .count();
    let dated_relations = (dossier["relations"].as_array().expect("relations").iter())
        .filter(|r| !r["since"].is_null() || !r["until"].is_null())
        .count();
    assert_eq!(
        read["timeline"]["events"],
        articles + dated + dated_relations
    );
    assert_eq!(read["timeline"]["undated"], Value::Array(vec![]));
    assert_eq!(read["timeline"]["unique_ids"], true);
    read
}

#[test]
fn the_example_dossier_is_read_back_by_every_tool() {
    let (_fixture, site) = Fixture::example();
    let read = assert_counts_match(&site);
    assert_eq!(read["gexf"]["nodes"], 17);
}

const PERSON: &str = "---
name: Anna Berg
type: person
relations:
  - {to: united-nations, type: member-of, since: 2019-03}
  - {to: acme, type: employed-by, since: 2020, until: 2023-06-30}
  - {to: acme, type: owns}
  - {to: kim-jong-un, type: married-to}
  - {to: russia, type: member-of}
  - {to: hanse-cable, type: inspected, source: treaty}
---
";
const COMPANY: &str = "---\nname: Acme, \"the\" company\ntype: company\nwikidata: Q42\n---\n";
const CABLE: &str = "---\nname: Hanse Cable\ntype: infrastructure\n---\n";
const INCIDENT: &str = "---\nname: Cable incident\ntype: event\ndate: 2024-05\n---\n";
const FORMULA: &str = "---
title: \"=HYPERLINK(\\\"http://evil.example\\\"), a title\"
date: 2024-06-21
source:
  url: https://blog.example.org/anna
  author: \"@anna\"
  published: 2024-06
---
Anna Berg met Kim Jong Un; Acme, \"the\" company paid. -5 % said the Hanse Cable report.
";

#[test]
fn a_fuller_dossier_is_read_back_with_its_links_and_sources() {
    let fixture = Fixture::copy("english");
    fixture.write("content/entities/people/anna-berg.md", PERSON);
    fixture.write("content/entities/acme.md", COMPANY);
    fixture.write("content/entities/hanse-cable.md", CABLE);
    fixture.write("content/entities/events/incident.md", INCIDENT);
    fixture.write("content/articles/formula.md", FORMULA);
    let site = fixture.build_with(&["--base-url", "https://example.org/file/"]);
    let read = assert_counts_match(&site);

    // Each relation type becomes its FtM link when the ends fit the
    // schema's ranges; a member of a country is not a Membership.
    let lines = read["ftm"]["lines"].as_array().expect("lines");
    let schema_of = |id: &str| {
        lines
            .iter()
            .find(|l| l["id"] == id)
            .map(|l| l["schema"].as_str().expect("schema").to_string())
    };
    for (id, schema) in [
        ("dossier-entity-anna-berg", "Person"),
        ("dossier-entity-acme", "Company"),
        ("dossier-entity-russia", "LegalEntity"),
        ("dossier-entity-pyongyang", "Address"),
        ("dossier-entity-hanse-cable", "LegalEntity"),
        ("dossier-entity-incident", "Event"),
        ("dossier-relation-anna-berg.1", "Membership"),
        ("dossier-relation-anna-berg.2", "Employment"),
        ("dossier-relation-anna-berg.3", "Ownership"),
        ("dossier-relation-anna-berg.4", "Family"),
        ("dossier-relation-anna-berg.5", "UnknownLink"),
        ("dossier-relation-anna-berg.6", "UnknownLink"),
        ("dossier-article-formula", "Article"),
        ("dossier-documentation-formula.anna-berg", "Documentation"),
    ] {
        assert_eq!(schema_of(id).as_deref(), Some(schema), "{id}");
    }
    let employment = lines
        .iter()
        .find(|l| l["id"] == "dossier-relation-anna-berg.2")
        .expect("employment");
    assert_eq!(
        employment["properties"]["employee"][0],
        "dossier-entity-anna-berg"
    );
    assert_eq!(
        employment["properties"]["employer"][0],
        "dossier-entity-acme"
    );
    assert_eq!(employment["properties"]["startDate"][0], "2020");
    assert_eq!(employment["properties"]["endDate"][0], "2023-06-30");

    // A cell that a spreadsheet would run as a formula is kept as text.
    let articles = &read["csv"]["articles"];
    assert!(
        (articles["guarded_cells"].as_array().expect("cells").iter())
            .any(|c| c == "'=HYPERLINK(\"http://evil.example\"), a title"),
        "{articles}"
    );
    assert!((articles["guarded_cells"].as_array().expect("cells").iter()).any(|c| c == "'@anna"));
    assert_eq!(
        read["csv"]["entities"]["first"]["page"],
        "https://example.org/file/entities/acme/"
    );

    // citeproc formats both kinds of item: a newspaper's article and a
    // page with no publication name, dated to the month.
    let formatted: Vec<&str> = (read["csl"]["formatted"].as_array().expect("entries").iter())
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(formatted.len(), 2, "{formatted:?}");
    assert!(
        formatted
            .iter()
            .any(|e| e.contains("Example News") && e.contains("A. Writer")),
        "{formatted:?}"
    );
    assert!(
        formatted
            .iter()
            .any(|e| e.contains("@anna (2024)") && e.contains("https://blog.example.org/anna")),
        "{formatted:?}"
    );

    // A month stays a month: no invented day.
    let dates = read["timeline"]["dates"].as_array().expect("dates");
    assert!(dates.contains(&serde_json::json!({"year": 2024, "month": 5})));
    assert!(dates.contains(&serde_json::json!({"year": 2024, "month": 6, "day": 21})));
}

#[test]
fn the_data_page_links_every_export() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let page = site.page("data/index.html");
    assert_eq!(page.texts("h1"), ["Data"]);
    let links = page.attrs(".data-files a", "href");
    for link in &links {
        let path = link
            .strip_prefix("../")
            .map_or(format!("data/{link}"), str::to_string);
        assert!(site.exists(&path), "{path}");
    }
    assert_eq!(links.len(), 12);
    let home = site.page("index.html");
    assert_eq!(home.attrs(".site-footer a", "href"), ["data/index.html"]);

    // `data` is the site's own folder now.
    fixture.write("content/pages/data.md", "---\ntitle: Data\n---\nMine.\n");
    let stderr = fixture.fail(&["build"]);
    common::assert_says(&stderr, &["page slug `data` is taken by the site itself"]);
}
