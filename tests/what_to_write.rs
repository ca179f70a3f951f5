//! Errors a new user met at the wrong place or without a help that says
//! what to write: each is checked at its `file:line:col`, with its help.

mod common;

use common::{Fixture, assert_says};

const ENTITY: &str = "---\nname: Vlachos\ntype: person\n---\n";

/// Runs `check` on a dossier whose article (or entity, page, settings)
/// holds `yaml`, and asserts the error line and help.
fn says(file: &str, yaml: &str, error: &str, help: &str) {
    let article = "---\ntitle: A\ndate: 2024-01-01\n---\nLimassol Body\n";
    let mut files = vec![
        ("content/entities/vlachos.md", ENTITY),
        ("content/articles/a.md", article),
    ];
    let text = if file == "dossier.yaml" {
        yaml.to_string()
    } else {
        format!("---\n{yaml}---\nLimassol Body\n")
    };
    files.push((file, &text));
    let fixture = Fixture::new(&files);
    let stderr = fixture.fail(&["check"]);
    assert_says(&stderr, &[error, &format!("= help: {help}")]);
}

const ARTICLE: &str = "content/articles/x.md";
const AN_ENTITY: &str = "content/entities/x.md";

#[test]
fn required_text_left_empty_is_an_error_at_its_value() {
    for (file, yaml, error, help) in [
        (
            ARTICLE,
            "title:\ndate: 2024-01-01\n",
            "x.md:2:1: error: `title` is empty",
            "write the title",
        ),
        (
            ARTICLE,
            "title: \"\"\ndate: 2024-01-01\n",
            "x.md:2:8: error: `title` is empty",
            "write the title",
        ),
        (
            "content/pages/x.md",
            "title: \"\"\n",
            "x.md:2:8: error: `title` is empty",
            "write the title",
        ),
        (
            "content/_index.md",
            "title: \"\"\n",
            "_index.md:2:8: error: `title` is empty",
            "write the title, or remove the line to use the site's `title`",
        ),
        (
            AN_ENTITY,
            "name: \"  \"\ntype: person\n",
            "x.md:2:7: error: `name` is empty",
            "write the name",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nannotations:\n  - quote: Limassol\n    note: ~\n",
            "x.md:6:11: error: annotation 1, `note` is empty",
            "write the note",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nannotations:\n  - quote: Body\n    note: n\n  - quote: Limassol\n    note: \"\"\n",
            "x.md:8:11: error: annotation 2, `note` is empty",
            "write the note",
        ),
        (
            AN_ENTITY,
            "name: X\ntype: person\nrelations:\n  - {to: \"\", type: owns}\n",
            "x.md:5:10: error: relation 1, `to` is empty",
            "write the id of the entity the relation goes to",
        ),
        (
            AN_ENTITY,
            "name: X\ntype: person\nrelations:\n  - {to: vlachos, type: \"\"}\n",
            "x.md:5:25: error: relation 1, `type` is empty",
            "write a lowercase word such as `person`",
        ),
    ] {
        says(file, yaml, error, help);
    }
}

#[test]
fn an_empty_quote_is_an_error_at_its_value() {
    says(
        ARTICLE,
        "title: A\ndate: 2024-01-01\nannotations:\n  - quote: \"\"\n    note: n\n",
        "x.md:5:12: error: annotation 1, `quote` is empty",
        "write the passage the note is about",
    );
}

#[test]
fn empty_values_are_reported_at_the_value_with_what_to_do() {
    let head = "title: A\ndate: 2024-01-01\n";
    for (file, yaml, error, help) in [
        (
            ARTICLE,
            "tags: [\"\", x]\n",
            "x.md:4:8: error: `tags` item 1 is empty",
            "remove it, or write its text",
        ),
        (
            ARTICLE,
            "aliases: [\"\"]\n",
            "x.md:4:11: error: `aliases` item 1 is empty",
            "remove it, or write its text",
        ),
        (
            ARTICLE,
            "lang: \"\"\n",
            "x.md:4:7: error: `lang` is empty",
            "remove the line to use the site's `language`, or write a code such as `fr`",
        ),
        (
            ARTICLE,
            "slug: \"\"\n",
            "x.md:4:7: error: `slug` is empty",
            "remove the line to use the file name, or write a slug such as `my-article`",
        ),
        (
            AN_ENTITY,
            "aliases:\n  - Niko\n  - #Niko\n",
            "x.md:6:5: error: `aliases` item 2 is empty",
            "in YAML, `#` after a space starts a comment: quote the item: `- \"#Niko\"`",
        ),
    ] {
        let head = if file == AN_ENTITY {
            "name: X\ntype: person\n"
        } else {
            head
        };
        says(file, &format!("{head}{yaml}"), error, help);
    }
}

#[test]
fn a_checked_value_is_reported_at_its_own_line() {
    for (file, yaml, error, help) in [
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nsource:\n  name: N\n  url: https://n.example\n  archive: archive.ph/abcd\n",
            "x.md:7:12: error: `source.archive`: invalid URL `archive.ph/abcd`",
            "write `https://archive.ph/abcd`",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nsource:\n  original: ../x.html\n",
            "x.md:5:13: error: `source.original`: invalid original `../x.html`: expected a file under `sources/`",
            "write the path from the dossier's folder, with `/`, starting with `sources/`",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nsource:\n  original: sources/x.html\n  sha256: ABC\n",
            "x.md:6:11: error: `source.sha256`: invalid SHA-256 `ABC`: expected 64 lowercase hexadecimal digits",
            "write what `sha256sum FILE` prints",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nsource:\n  original: sources/x.html\n  charset: latin-9000\n",
            "x.md:6:12: error: `source.charset`: unknown character set `latin-9000`",
            "write one such as `windows-1252`",
        ),
        (
            AN_ENTITY,
            "name: X\ntype: person\nlinks:\n  - https://home.treasury.gov\n  - www.treasury.gov\n",
            "x.md:6:5: error: `links` item 2: invalid URL `www.treasury.gov`",
            "write `https://www.treasury.gov`",
        ),
        (
            AN_ENTITY,
            "name: X\ntype: person\nwikidata: q1932640\n",
            "x.md:4:11: error: `wikidata`: invalid Wikidata id `q1932640`",
            "write `Q1932640`",
        ),
        (
            AN_ENTITY,
            "name: X\ntype: Ship\n",
            "x.md:3:7: error: `type`: invalid type `Ship`",
            "types are lowercase words: write `ship`",
        ),
    ] {
        says(file, yaml, error, help);
    }
}

#[test]
fn a_wrong_type_says_what_to_write_in_the_users_words() {
    for (file, yaml, error, help) in [
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\ntags: Sanctions\n",
            "x.md:4:7: error: wrong type in `tags`: found text \"Sanctions\", expected a list",
            "write a list: `tags: [Sanctions]`",
        ),
        (
            AN_ENTITY,
            "name: X\ntype: person\nadjectives: greek\n",
            "x.md:4:13: error: wrong type in `adjectives`: found text \"greek\", expected a list",
            "write a list: `adjectives: [greek]`",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nsource: []\n",
            "x.md:4:9: error: wrong type in `source`: found a list, expected a map",
            "`source` is a map: `source: {name: …, url: …}`",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nannotations: [~]\n",
            "x.md:4:15: error: wrong type in annotation 1: found nothing (null), expected a map",
            "each annotation is a map with `quote:` and `note:`",
        ),
        (
            AN_ENTITY,
            "name: X\ntype: person\naliases:\n  - Siège: Vlachos\n",
            "x.md:5:5: error: wrong type in `aliases` item 1: found a map, expected text",
            "quote the text: `\"Siège: Vlachos\"`",
        ),
        (
            "dossier.yaml",
            "language: fr-FR\n",
            "dossier.yaml:1:11: error: `language`: unknown value `fr-FR`, expected `en` or `fr`",
            "write `language: en` or `language: fr`",
        ),
        (
            "dossier.yaml",
            "autolink: firts\n",
            "expected `first`, `all` or `none`",
            "write `autolink: first`, `autolink: all` or `autolink: none`",
        ),
        (
            ARTICLE,
            "title: A\ndate: 2024-01-01\nextra: &a {b: *a}\n",
            "x.md:4:8: error: an alias refers to the value it stands in",
            "an alias (`*a`) cannot stand inside the value it names (`&a`)",
        ),
    ] {
        says(file, yaml, error, help);
    }
    // No Rust type names, whatever the mistake.
    let fixture = Fixture::new(&[(
        ARTICLE,
        "---\ntitle: A\ndate: 2024-01-01\nsource: x\nannotations: [1]\n---\n",
    )]);
    let stderr = fixture.fail(&["check"]);
    assert!(!stderr.contains("Meta"), "{stderr}");
}

#[test]
fn a_key_written_twice_in_a_nested_map_is_shown_at_its_second_time() {
    for (yaml, error) in [
        (
            "relations:\n  - {to: vlachos, type: owns, to: b}\n",
            "x.md:5:31: error: key `to` is written twice in relation 1",
        ),
        (
            "relations:\n  - to: vlachos\n    type: owns\n    to: b\n",
            "x.md:7:5: error: key `to` is written twice in relation 1",
        ),
    ] {
        says(
            AN_ENTITY,
            &format!("name: X\ntype: person\n{yaml}"),
            error,
            "keep one of the two",
        );
    }
    says(
        ARTICLE,
        "title: A\ndate: 2024-01-01\nannotations:\n  - quote: Body\n    note: n\n  - quote: Limassol\n    note: n\n    note: m\n",
        "x.md:9:5: error: key `note` is written twice in annotation 2",
        "keep one of the two",
    );
}

#[test]
fn a_colon_or_a_hash_in_a_value_is_explained_where_it_is_written() {
    let head = "title: A\ndate: 2024-01-01\n";
    for (yaml, error, help) in [
        (
            "annotations:\n  - quote: Limassol\n    note: Siège: Vlachos Holdings\n",
            "x.md:6:16: error: a value with `: ` in it must be quoted",
            "quote the value: `    note: \"Siège: Vlachos Holdings\"`",
        ),
        (
            "annotations:\n  - {quote: Limassol, note: selon: Reuters}\n",
            "x.md:5:34: error: a value with `: ` in it must be quoted",
            "quote the value: `  - {quote: Limassol, note: \"selon: Reuters\"}`",
        ),
        (
            "tags: [Sanctions, #OFAC]\n",
            "x.md:4:19: error: `#` after a space starts a comment, which hides the rest of the line",
            "quote it: `tags: [Sanctions, \"#OFAC\"]`",
        ),
        (
            "aliases:\n  - Niko\n  - Siège: Vlachos: Holdings\n",
            "x.md:6:5: error: wrong type in `aliases` item 2: found a map, expected text",
            "quote the text: `\"Siège: Vlachos: Holdings\"`",
        ),
    ] {
        says(ARTICLE, &format!("{head}{yaml}"), error, help);
    }
    // A line indented under a list item's key is still told to line up.
    says(
        ARTICLE,
        &format!("{head}annotations:\n  - quote: Limassol\n    note: n\n      more: x\n"),
        "x.md:7:7: error: this line is indented under a key that already has its value",
        "line it up with `note`: `    more: x`",
    );
}
