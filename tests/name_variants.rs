//! Names as collected text writes them: typographic variants, missing
//! accents, headlines in capitals, line-end hyphenation, inflected forms,
//! adjectives, and phrases that are not mentions. Each test builds a small
//! dossier with the real binary and reads the mentions off the article.

mod common;

use common::{Fixture, Site};

const ENTITIES: &[(&str, &str)] = &[
    (
        "content/entities/germany.md",
        "---\nname: Germany\ntype: country\nadjectives: [German, Germans]\n---\n",
    ),
    (
        "content/entities/prosecutor.md",
        "---\nname: German Federal Prosecutor's Office\ntype: organization\naliases: [Germany's attorney general]\n---\n",
    ),
    (
        "content/entities/sz.md",
        "---\nname: Süddeutsche Zeitung\ntype: organization\n---\n",
    ),
    (
        "content/entities/russia.md",
        "---\nname: Russia\ntype: country\naliases:\n  - Росси(я|и|ю|ей)\nadjectives: [Russian]\n---\n",
    ),
    (
        "content/entities/united-states.md",
        "---\nname: United States\ntype: country\naliases: [US]\n---\n",
    ),
    (
        "content/entities/kuznietsov.md",
        "---\nname: Serhii Kuznietsov\ntype: person\naliases: [Kuznietsov]\n---\n",
    ),
    (
        "content/entities/putin.md",
        "---\nname: Vladimir Putin\ntype: person\naliases:\n  - Путин(|а|у|ым|е)\n  - Deutschland(|s)\n---\n",
    ),
    (
        "content/entities/baltic-sea.md",
        "---\nname: Baltic Sea\ntype: place\naliases: [Baltic]\nnot_mentions: [Baltic Pipe]\n---\n",
    ),
];

/// Builds the entities above with one article whose body is `body` (and
/// whose front matter ends with `front`); gives the built site.
fn build(front: &str, body: &str) -> (Fixture, Site) {
    let fixture = Fixture::new(ENTITIES);
    fixture.write(
        "content/articles/a.md",
        &format!("---\ntitle: A\ndate: 2024-08-21\n{front}---\n{body}\n"),
    );
    let site = fixture.build();
    (fixture, site)
}

/// `(anchor, text, linked)` of every mention of the article.
fn mentions(site: &Site) -> Vec<(String, String, bool)> {
    let page = site.page("articles/a/index.html");
    let ids = page.attrs(".body .mention", "id");
    let texts = page.texts(".body .mention");
    let linked = page.attrs(".body a.mention", "id");
    ids.into_iter()
        .zip(texts)
        .map(|(id, text)| {
            let is_link = linked.contains(&id);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (id, text, is_link)
        })
        .collect()
}

fn found(front: &str, body: &str) -> Vec<(String, String)> {
    let (_fixture, site) = build(front, body);
    mentions(&site)
        .into_iter()
        .map(|(id, text, _)| (id, text))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn typographic_variants_are_one_character() {
    assert_eq!(
        found(
            "",
            "The German Federal Prosecutor’s Office, Germanyʼs attorney general \
             and Germany\u{2019}s\u{a0}attorney general."
        ),
        pairs(&[
            ("m-prosecutor-1", "German Federal Prosecutor’s Office"),
            ("m-prosecutor-2", "Germanyʼs attorney general"),
            ("m-prosecutor-3", "Germany’s attorney general"),
        ])
    );
    // A wikilink target typed with a straight apostrophe.
    assert_eq!(
        found("", "See [[Germany's attorney general|the office]]."),
        pairs(&[("m-prosecutor-1", "the office")])
    );
}

#[test]
fn names_are_found_without_their_accents_unless_exact() {
    let body = "The Suddeutsche Zeitung and the Süddeutsche Zeitung.";
    assert_eq!(
        found("", body),
        pairs(&[
            ("m-sz-1", "Suddeutsche Zeitung"),
            ("m-sz-2", "Süddeutsche Zeitung")
        ])
    );
    let (fixture, _) = build("", body);
    fixture.write("dossier.yaml", "accents: exact\n");
    let site = fixture.build();
    let exact: Vec<String> = mentions(&site).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(exact, ["Süddeutsche Zeitung"]);
}

#[test]
fn headlines_in_capitals_find_names_and_not_acronyms() {
    assert_eq!(
        found(
            "",
            "## RUSSIA AND GERMANY: LET US KNOW\n\nThe US and the RUSSIA file."
        ),
        pairs(&[
            ("m-russia-1", "RUSSIA"),
            ("m-germany-1", "GERMANY"),
            ("m-united-states-1", "US"),
        ])
    );
}

#[test]
fn a_word_cut_at_a_line_end_is_found_whole() {
    assert_eq!(
        found(
            "",
            "Investigators named Kuz-\nnietsov, an anti-\nRussia diver."
        ),
        pairs(&[("m-kuznietsov-1", "Kuz- nietsov"), ("m-russia-1", "Russia")])
    );
}

#[test]
fn inflected_forms_are_found_from_their_endings() {
    assert_eq!(
        found(
            "",
            "Путина и Путиным, не Путинизм. Россия и России, не Росси. Deutschlands."
        ),
        pairs(&[
            ("m-putin-1", "Путина"),
            ("m-putin-2", "Путиным"),
            ("m-russia-1", "Россия"),
            ("m-russia-2", "России"),
            ("m-putin-3", "Deutschlands"),
        ])
    );
    // The entity page shows each alias by its first form.
    let (_fixture, site) = build("", "Путину.");
    let page = site.page("entities/putin/index.html");
    assert!(
        page.text_of("main").contains("Путин, Deutschland"),
        "{}",
        page.text_of("main")
    );
}

#[test]
fn an_article_links_a_name_before_an_adjective() {
    let (_fixture, site) = build(
        "",
        "German officials said Germany would act. Germans agreed.",
    );
    assert_eq!(
        mentions(&site),
        [
            ("m-germany-1".to_string(), "German".to_string(), false),
            ("m-germany-2".to_string(), "Germany".to_string(), true),
            ("m-germany-3".to_string(), "Germans".to_string(), false),
        ]
    );
    // Adjectives alone: the first one is the link.
    let (_fixture, site) = build("", "German officials and Russian ones. German again.");
    let linked: Vec<(String, bool)> = mentions(&site)
        .into_iter()
        .map(|(id, _, linked)| (id, linked))
        .collect();
    assert_eq!(
        linked,
        [
            ("m-germany-1".to_string(), true),
            ("m-russia-1".to_string(), true),
            ("m-germany-2".to_string(), false),
        ]
    );
    // Quoted on the entity page like any mention.
    let page = site.page("entities/germany/index.html");
    assert_eq!(page.count(".passages blockquote"), 2);
}

#[test]
fn phrases_that_are_not_mentions() {
    let body = "The Baltic Pipe crosses the Baltic. Russia Today and Russia.";
    assert_eq!(
        found("not_mentions: [Russia Today]\n", body),
        pairs(&[("m-baltic-sea-1", "Baltic"), ("m-russia-1", "Russia")])
    );
    // A phrase that occurs nowhere is a warning at its line.
    let (fixture, _) = build("not_mentions: [Russia Tomorrow]\n", body);
    let check = fixture.run(&["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "content/articles/a.md:4:16: warning: `not_mentions`: `Russia Tomorrow` does not occur in this article"
        ),
        "{stderr}"
    );
}

#[test]
fn a_group_of_endings_left_open_is_an_error_at_its_line() {
    let fixture = Fixture::new(&[(
        "content/entities/putin.md",
        "---\nname: Vladimir Putin\ntype: person\naliases:\n  - Путин(|а\n---\n",
    )]);
    let stderr = fixture.fail(&["check"]);
    assert!(
        stderr.contains(
            "content/entities/putin.md:5:5: error: `aliases`: `Путин(|а`: a group of endings is not closed"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: endings go in parentheses"),
        "{stderr}"
    );
}
