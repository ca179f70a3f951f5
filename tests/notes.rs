//! Notes on passages: placed on the text a reader sees, highlighted in the
//! right place, shown beside it, linked both ways, and listed on the pages
//! of the entities and tags they name.

mod common;

use common::Fixture;

const NOTED: &str = r#"---
title: Noted
date: 2024-07-01
annotations:
  - quote: "a truly revolutionary document"
    note: "The text was published the *next day*."
    entities: [vladimir-putin]
    tags: [Quotes]
  - quote: "the pact"
    prefix: "Kim signed "
    note: "The second signature, not the first."
  - quote: "Kim Jong Un in Pyongyang"
    note: "Crosses a mention."
---
Putin called it *a truly* revolutionary `document`.

Putin signed the pact. Kim signed the pact.

Putin met Kim Jong Un in Pyongyang.
"#;

fn noted() -> (Fixture, common::Site) {
    let fixture = Fixture::copy("english");
    fixture.write("content/articles/noted.md", NOTED);
    let site = fixture.build();
    (fixture, site)
}

#[test]
fn a_quote_across_emphasis_and_code_is_highlighted_in_parts() {
    let (_fixture, site) = noted();
    let page = site.page("articles/noted/index.html");
    // Three parts: inside <em>, plain text, inside <code>; all tied to note 1.
    assert_eq!(
        page.texts("mark[data-note='note-1']"),
        ["a truly", "revolutionary", "document"]
    );
    assert_eq!(page.count("em > mark[data-note='note-1']"), 1);
    assert_eq!(page.count("code > mark[data-note='note-1']"), 1);
    // Only the first part carries the id the note links back to.
    assert_eq!(page.attrs("mark[data-note='note-1']", "id"), ["quote-1"]);
}

#[test]
fn a_repeated_phrase_is_told_apart_by_its_prefix() {
    let (_fixture, site) = noted();
    let page = site.page("articles/noted/index.html");
    let paragraph = page
        .html
        .select(&scraper::Selector::parse(".body > p").expect("selector"))
        .nth(1)
        .expect("second paragraph");
    let html = paragraph.inner_html();
    let first = html.find("the pact").expect("phrase");
    let second = html.rfind("the pact").expect("phrase");
    let mark = html.find("<mark").expect("a mark");
    assert!(first < mark && mark < second, "not the second one: {html}");
    assert_eq!(page.texts("mark[data-note='note-2']"), ["the pact"]);
}

#[test]
fn a_quote_may_cross_a_mention() {
    let (_fixture, site) = noted();
    let page = site.page("articles/noted/index.html");
    // The mention link keeps its place; the mark is split around it.
    assert_eq!(
        page.texts("mark[data-note='note-3']"),
        ["Kim Jong Un", "in", "Pyongyang"]
    );
    assert_eq!(page.count(".mention > mark[data-note='note-3']"), 2);
}

#[test]
fn notes_sit_after_their_paragraph_and_link_both_ways() {
    let (_fixture, site) = noted();
    let page = site.page("articles/noted/index.html");
    assert_eq!(
        page.attrs(".body aside.note", "id"),
        ["note-1", "note-2", "note-3"]
    );
    // Each note follows the paragraph of its passage.
    let raw = site.text("articles/noted/index.html");
    let first_paragraph_end = raw.find("</p>").expect("paragraph");
    let note_1 = raw.find("id=\"note-1\"").expect("note 1");
    let second_paragraph = raw.find("signed the pact").expect("second paragraph");
    assert!(first_paragraph_end < note_1 && note_1 < second_paragraph);
    // Highlight -> note, note -> highlight.
    assert_eq!(
        page.attrs("sup.note-ref a", "href"),
        ["#note-1", "#note-2", "#note-3"]
    );
    assert_eq!(page.attrs("#note-1 .note-back", "href"), ["#quote-1"]);
    assert_eq!(page.texts("#note-1 em"), ["next day"]);
    assert_eq!(
        page.attrs("#note-1 .chips a", "href"),
        [
            "../../entities/vladimir-putin/index.html",
            "../../tags/quotes/index.html"
        ]
    );
}

#[test]
fn entity_and_tag_pages_list_the_notes_that_name_them() {
    let (_fixture, site) = noted();
    let putin = site.page("entities/vladimir-putin/index.html");
    assert_eq!(
        putin.texts("#notes + .note-item mark"),
        ["a truly revolutionary document"]
    );
    assert_eq!(
        putin.attrs("#notes + .note-item blockquote a", "href"),
        ["../../articles/noted/index.html#quote-1"]
    );
    let tag = site.page("tags/quotes/index.html");
    assert_eq!(
        tag.attrs(".note-item h3 a", "href")[0],
        "../../articles/noted/index.html#note-1"
    );
}

#[test]
fn a_quote_found_nowhere_or_twice_is_an_error_that_says_which() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/bad.md",
        "---\ntitle: Bad\ndate: 2024-01-01\nannotations:\n  - quote: \"not in the text\"\n    note: x\n  - quote: \"the pact\"\n    note: y\n---\nPutin signed the pact.\n\nKim signed the pact.\n",
    );
    let stderr = fixture.fail(&["build"]);
    assert!(stderr.contains("content/articles/bad.md:5:13: error: annotation 1: quote “not in the text” is found nowhere in the text"), "{stderr}");
    assert!(stderr.contains("content/articles/bad.md:7:13: error: annotation 2: quote “the pact” is found 2 times (lines 10, 12)"), "{stderr}");
    assert!(stderr.contains("add `prefix:` or `suffix:`"), "{stderr}");
    assert!(!fixture.root().join("public").exists());
}

#[test]
fn an_error_points_at_its_own_annotation() {
    // Notes 1 and 2 quote the same words; only note 2 lacks a prefix.
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/bad.md",
        "---\ntitle: Bad\ndate: 2024-01-01\nannotations:\n  - quote: \"the pact\"\n    prefix: \"Kim signed \"\n    note: x\n  - quote: \"the pact\"\n    note: y\n---\nPutin signed the pact.\n\nKim signed the pact.\n",
    );
    let stderr = fixture.fail(&["build"]);
    assert!(
        stderr.contains("content/articles/bad.md:8:13: error: annotation 2:"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
}

#[test]
fn a_note_naming_an_unknown_entity_is_an_error() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/bad.md",
        "---\ntitle: Bad\ndate: 2024-01-01\nannotations:\n  - quote: \"Putin\"\n    note: x\n    entities: [vladimir-putn]\n---\nPutin.\n",
    );
    let stderr = fixture.fail(&["check"]);
    assert!(stderr.contains("content/articles/bad.md:7:16: error: annotation 1: `entities` names unknown entity `vladimir-putn`"), "{stderr}");
    assert!(
        stderr.contains("did you mean `vladimir-putin`?"),
        "{stderr}"
    );
}

#[test]
fn notes_in_lists_follow_the_list_and_overlapping_quotes_both_link_back() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/listed.md",
        "---\ntitle: Listed\ndate: 2024-01-01\nannotations:\n  - quote: \"first point of the list\"\n    note: outer\n  - quote: \"point\"\n    prefix: \"first \"\n    note: inner\n---\n## Note 1\n\n- the first point of the list\n- the second\n\nAfter.\n",
    );
    let site = fixture.build();
    let page = site.page("articles/listed/index.html");
    // The notes box comes after the list, never between its items.
    assert_eq!(page.count("ul > .notes"), 0);
    assert_eq!(page.count(".body > ul + .notes"), 1);
    // Both notes have a highlight to link back to: the inner one inside the outer.
    assert_eq!(page.count("#quote-1"), 1);
    assert_eq!(page.count("#quote-2"), 1);
    assert_eq!(page.texts("mark[data-note='note-2']"), ["point"]);
    assert_eq!(
        page.texts("mark[data-note='note-1']"),
        ["first", "of the list"]
    );
    // A heading cannot take an id dossier gives to notes.
    assert_eq!(page.attrs(".body h2", "id"), ["h-note-1"]);
}

#[test]
fn two_notes_on_the_same_passage_are_an_error() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/twice.md",
        "---\ntitle: Twice\ndate: 2024-01-01\nannotations:\n  - quote: \"the pact\"\n    note: x\n  - quote: \"the pact\"\n    note: y\n---\nPutin signed the pact.\n",
    );
    let stderr = fixture.fail(&["check"]);
    assert!(stderr.contains("content/articles/twice.md:7:13: error: annotation 2: quotes the same passage as annotation 1"), "{stderr}");
}

#[test]
fn a_straight_apostrophe_finds_a_curly_one_and_the_text_stays_as_written() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/typed.md",
        "---\ntitle: Typed\ndate: 2024-01-01\nannotations:\n  - quote: \"Germany's postwar history - \\\"so far\\\"\"\n    prefix: \"of \"\n    note: x\n---\nThe story of Germany’s post\u{ad}war history — “so far”.\n",
    );
    let site = fixture.build();
    let page = site.page("articles/typed/index.html");
    assert_eq!(
        page.texts("mark[data-note='note-1']"),
        ["Germany’s post\u{ad}war history — “so far”"]
    );
}
