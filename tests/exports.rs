//! The data exports: dossier.json and annotations.jsonld (W3C Web
//! Annotations), with dates as written and each note's author and creation
//! date.

mod common;

use common::Fixture;
use common::dated::fixture;
use serde_json::Value;

#[test]
fn dossier_json_holds_everything_but_the_bodies() {
    let fixture = fixture();
    let site = fixture.build();
    let data: Value = serde_json::from_str(&site.text("dossier.json")).expect("valid JSON");
    assert_eq!(data["version"], 1);
    let ids: Vec<&str> = data["entities"]
        .as_array()
        .expect("list")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    assert!(ids.contains(&"vladimir-putin") && ids.contains(&"summit"));
    let treaty = data["articles"]
        .as_array()
        .expect("list")
        .iter()
        .find(|a| a["slug"] == "treaty")
        .expect("treaty");
    assert_eq!(treaty["date"], "2024-06-19");
    assert_eq!(
        treaty["source"]["archive"],
        "https://web.archive.org/web/2024/https://news.example.org/treaty"
    );
    // Metadata only: exactly these keys, no body.
    let keys: Vec<&str> = treaty
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "date", "draft", "entities", "lang", "path", "slug", "source", "summary", "tags",
            "title", "updated"
        ]
    );
    let first = data["mentions"]
        .as_array()
        .expect("list")
        .iter()
        .find(|m| m["article"] == "treaty" && m["anchor"] == "m-vladimir-putin-1")
        .expect("first Putin mention");
    assert_eq!(first["entity"], "vladimir-putin");
    assert_eq!(first["passage"]["text"], "Vladimir Putin");
    assert_eq!(first["passage"]["after"], " met Kim Jong Un in Pyongyang.");
    let relation = &data["relations"][1];
    assert_eq!(
        (
            relation["from"].as_str(),
            relation["to"].as_str(),
            relation["source"].as_str()
        ),
        (Some("vladimir-putin"), Some("kim-jong-un"), Some("treaty"))
    );
    assert_eq!(data["notes"][0]["quote"], "signed the pact");
    assert_eq!(data["notes"][0]["entities"][0], "vladimir-putin");
}

#[test]
fn annotations_jsonld_follows_the_web_annotation_model() {
    let fixture = fixture();
    let site = fixture.build_with(&["--base-url", "https://example.org/dossier"]);
    let data: Value = serde_json::from_str(&site.text("annotations.jsonld")).expect("valid JSON");
    assert_eq!(data["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(data["type"], "AnnotationCollection");
    assert_eq!(data["total"], 1);
    let note = &data["first"]["items"][0];
    assert_eq!(note["type"], "Annotation");
    assert_eq!(note["motivation"], "commenting");
    assert_eq!(
        note["id"],
        "https://example.org/dossier/articles/noted/#note-1"
    );
    assert_eq!(
        note["target"]["source"],
        "https://example.org/dossier/articles/noted/"
    );
    let selector = &note["target"]["selector"];
    assert_eq!(selector["type"], "TextQuoteSelector");
    assert_eq!(
        (
            selector["prefix"].as_str(),
            selector["exact"].as_str(),
            selector["suffix"].as_str()
        ),
        (
            Some("Putin "),
            Some("signed the pact"),
            Some(" in Pyongyang.")
        )
    );
    let body = note["body"].as_array().expect("bodies");
    assert_eq!(body[0]["type"], "TextualBody");
    assert_eq!(body[0]["value"], "*Really* signed.");
    assert_eq!(body[0]["format"], "text/markdown");
    assert_eq!(body[1]["type"], "SpecificResource");
    assert_eq!(body[1]["purpose"], "tagging");
    assert_eq!(
        body[1]["source"],
        "https://example.org/dossier/entities/vladimir-putin/"
    );
    assert_eq!(body[2]["value"], "Checks");
}

#[test]
fn without_base_url_the_annotations_are_relative_and_a_warning_says_so() {
    let fixture = fixture();
    let site = fixture.build();
    let data: Value = serde_json::from_str(&site.text("annotations.jsonld")).expect("valid JSON");
    assert_eq!(
        data["first"]["items"][0]["target"]["source"],
        "articles/noted/"
    );
    assert_eq!(
        site.stderr.matches("no `base_url`").count(),
        1,
        "{}",
        site.stderr
    );
}

#[test]
fn dates_reach_dossier_json_as_written() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/timed.md",
        "---\ntitle: Timed\ndate: 2024-06-19T23:30:00+09:00\n---\nText.\n",
    );
    let site = fixture.build();
    let data: Value = serde_json::from_str(&site.text("dossier.json")).expect("valid JSON");
    let timed = data["articles"]
        .as_array()
        .expect("list")
        .iter()
        .find(|a| a["slug"] == "timed")
        .expect("timed");
    assert_eq!(timed["date"], "2024-06-19T23:30:00+09:00");
    // Pages show the day as written.
    assert_eq!(
        site.page("articles/timed/index.html")
            .attrs("article time", "datetime"),
        ["2024-06-19"]
    );
}

/// Checks each annotation of `annotations` against the W3C Web Annotation
/// test suite's assertions on `created` and `creator` (its JSON Schemas,
/// in /work/shared/standards), with Python's `jsonschema`; `None` when
/// either is missing on this machine.
fn w3c_creator_and_created_failures(annotations: &Value) -> Option<Vec<String>> {
    let suite = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/standards/web-annotation-tests");
    if !suite.is_dir() {
        return None;
    }
    let script = r#"
import json, sys, warnings
warnings.simplefilter("ignore")
import jsonschema
suite = sys.argv[1]
names = ["3.3.1-annotationCreatedValidated", "3.3.1-annotationCreatedImplemented",
         "3.3.1-annotationCreatorImplemented", "3.3.1-annotationSingleCreatorImplemented",
         "3.3.2-annotationCreatorAgentTypeImplemented", "3.3.2-annotationCreatorAgentNameImplemented"]
items = json.load(sys.stdin)
failures = []
for name in names:
    schema = json.load(open(f"{suite}/annotations/{name}.json"))
    resolver = jsonschema.RefResolver(f"file://{suite}/definitions/", schema)
    validator = jsonschema.Draft4Validator(schema, resolver=resolver,
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    for item in items:
        for error in validator.iter_errors(item):
            failures.append(f"{name}: {item['id']}: {error.message}")
print(json.dumps(failures))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&suite)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    let input = serde_json::to_vec(annotations).expect("JSON");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), &input).expect("write");
    let output = child.wait_with_output().ok()?;
    serde_json::from_slice(&output.stdout).ok()
}

#[test]
fn notes_have_an_author_and_a_creation_date() {
    let fixture = Fixture::copy("english");
    let settings = fixture.text("dossier.yaml");
    fixture.write("dossier.yaml", &format!("{settings}author: Site Author\n"));
    fixture.write(
        "content/articles/noted.md",
        "---\ntitle: Noted\ndate: 2024-06-19\nannotations_author: Article Author\nannotations:\n  - quote: \"signed the pact\"\n    note: \"Signed.\"\n    entities: [united-nations]\n    author: Note Author\n    created: 2024-06-21\n  - quote: \"in Pyongyang\"\n    note: \"Where.\"\n---\nPutin signed the pact in Pyongyang.\n",
    );
    fixture.write(
        "content/articles/other.md",
        "---\ntitle: Other\ndate: 2024-06-18\nannotations:\n  - quote: \"Seoul\"\n    note: \"The capital.\"\n---\nSeoul answers.\n",
    );
    fixture.git_init_and_commit("2024-06-20T10:00:00Z");
    let site = fixture.build_with(&["--base-url", "https://example.org/dossier"]);

    // In the margin, with the note.
    let page = site.page("articles/noted/index.html");
    assert_eq!(
        page.texts("aside.note .note-by"),
        ["Note Author, 21 June 2024", "Article Author, 20 June 2024"]
    );
    assert_eq!(
        page.attrs("aside.note .note-by time", "datetime"),
        ["2024-06-21", "2024-06-20"]
    );
    assert_eq!(
        site.page("articles/other/index.html")
            .texts("aside.note .note-by"),
        ["Site Author, 20 June 2024"]
    );
    // And where the note is listed: on the page of an entity it names.
    assert_eq!(
        site.page("entities/united-nations/index.html")
            .texts(".note-item .note-by"),
        ["Note Author, 21 June 2024"]
    );

    // The feed is the dossier's: its author is dossier.yaml's.
    assert!(
        site.text("atom.xml")
            .contains("<author><name>Site Author</name></author>"),
        "{}",
        site.text("atom.xml")
    );

    // As W3C Web Annotations: a Person as creator, an xsd:dateTime.
    let data: Value = serde_json::from_str(&site.text("annotations.jsonld")).expect("JSON");
    let items = data["first"]["items"].as_array().expect("items");
    let by_id = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == format!("https://example.org/dossier/articles/{id}"))
            .unwrap_or_else(|| panic!("{id} in {data}"))
    };
    let first = by_id("noted/#note-1");
    assert_eq!(
        first["creator"],
        serde_json::json!({"type": "Person", "name": "Note Author"})
    );
    assert_eq!(first["created"], "2024-06-21T00:00:00Z");
    let second = by_id("noted/#note-2");
    assert_eq!(second["creator"]["name"], "Article Author");
    // Not written: the commit that added the article.
    assert_eq!(second["created"], "2024-06-20T10:00:00Z");
    assert_eq!(by_id("other/#note-1")["creator"]["name"], "Site Author");
    if let Some(failures) = w3c_creator_and_created_failures(&data["first"]["items"]) {
        assert!(failures.is_empty(), "{failures:#?}");
    } else {
        eprintln!("W3C Web Annotation suite or Python jsonschema missing: not validated");
    }

    // And in dossier.json.
    let json: Value = serde_json::from_str(&site.text("dossier.json")).expect("JSON");
    let notes = json["notes"].as_array().expect("notes");
    let written: Vec<(&str, &str)> = notes
        .iter()
        .map(|n| {
            (
                n["author"].as_str().unwrap_or_default(),
                n["created"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        written,
        [
            ("Note Author", "2024-06-21"),
            ("Article Author", "2024-06-20T10:00:00Z"),
            ("Site Author", "2024-06-20T10:00:00Z"),
        ]
    );

    // Without git and without any author, a note has neither.
    let loose = Fixture::copy("english");
    loose.write(
        "content/articles/other.md",
        "---\ntitle: Other\ndate: 2024-06-18\nannotations:\n  - quote: \"Seoul\"\n    note: \"The capital.\"\n---\nSeoul answers.\n",
    );
    let site = loose.build();
    assert_eq!(site.page("articles/other/index.html").count(".note-by"), 0);
    let data: Value = serde_json::from_str(&site.text("annotations.jsonld")).expect("JSON");
    let item = &data["first"]["items"][0];
    assert!(
        item.get("creator").is_none() && item.get("created").is_none(),
        "{item}"
    );
}
