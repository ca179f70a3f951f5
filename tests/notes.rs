//! Notes on passages: placed on the text a reader sees, highlighted in the
//! right place, shown beside it, linked both ways, and listed on the pages
//! of the entities and tags they name.

mod common;

use common::{Fixture, assert_says};

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
    // Inside the article's text, the notes are in the site's language.
    assert_eq!(page.attrs(".body aside.note", "lang"), ["en", "en", "en"]);
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
fn a_wikilink_in_a_note_is_shown_as_written_with_a_warning_at_it() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/linked.md",
        "---\ntitle: Linked\ndate: 2024-01-01\nannotations:\n  - quote: \"Putin\"\n    note: \"See [[vladimir-putin]].\"\n---\nPutin.\n",
    );
    let site = fixture.build();
    assert_says(
        &site.stderr,
        &[
            "content/articles/linked.md:6:16: warning: annotation 1: `[[vladimir-putin]]` is shown as written",
            "= help: list the entity in the note's `entities` (`entities: [vladimir-putin]`)",
        ],
    );
    let page = site.page("articles/linked/index.html");
    assert_eq!(
        page.texts("#note-1 p"),
        ["Note 1 ↑", "See [[vladimir-putin]]."]
    );
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

/// An article whose notes all miss their passage, one way each.
const MISSED: &str = "---
title: Missed
date: 2024-01-01
annotations:
  - quote: \"Germany’s postwor history\"
    note: a
  - quote: \"Germny's postwar history\"
    note: b
  - quote: \"Xermany’s postwar history\"
    note: c
  - quote: \"postwar history -- so far\"
    note: d
  - quote: \"ends here. Second\"
    note: e
  - quote: \"not in the text at all\"
    note: f
  - quote: \"la Russie\"
    prefix: \"Puis\"
    note: g
---
This is the story of *Germany’s* postwar history — so far, as told by those who lived it.

It ends here.

- Second part.

Puis la Russie seule. Et la Russie.
";

/// The error and help lines for annotation `number`, as printed.
fn error_of(stderr: &str, number: usize) -> (String, String) {
    let marker = format!("error: annotation {number}: ");
    let start = stderr.find(&marker).expect("the annotation's error");
    let start = stderr[..start].rfind('\n').map_or(0, |n| n + 1);
    let mut lines = stderr[start..].lines();
    let error = lines.next().expect("error line").to_string();
    let help = lines
        .find_map(|l| l.trim_start().strip_prefix("= help: "))
        .expect("help line")
        .to_string();
    (error, help)
}

#[test]
fn a_quote_found_nowhere_names_the_closest_passage_and_the_character_that_differs() {
    let fixture = Fixture::copy("english");
    fixture.write("content/articles/missed.md", MISSED);
    let stderr = fixture.fail(&["build"]);
    let passage = "the closest passage, line 21, reads “…is the story of Germany’s postwar history — so far, as told…”";
    let copy = "or copy the passage from the text as a reader sees it";
    assert_eq!(
        error_of(&stderr, 1),
        (
            format!(
                "content/articles/missed.md:5:13: error: annotation 1: quote “Germany’s postwor history” is found nowhere in the text; {passage}: the quote has `o` (U+006F) where the text has `a` (U+0061)"
            ),
            format!("write `a` where the quote has `o`, {copy}")
        )
    );
    // A letter left out: the help says what to write for the next one.
    assert_eq!(
        error_of(&stderr, 2),
        (
            format!(
                "content/articles/missed.md:7:13: error: annotation 2: quote “Germny's postwar history” is found nowhere in the text; {passage}: the quote has `n` (U+006E) where the text has `an` (U+0061 U+006E)"
            ),
            format!("write `an` where the quote has `n`, {copy}")
        )
    );
    // At the very first character.
    assert_eq!(
        error_of(&stderr, 3),
        (
            format!(
                "content/articles/missed.md:9:13: error: annotation 3: quote “Xermany’s postwar history” is found nowhere in the text; {passage}: the quote has `X` (U+0058) where the text has `G` (U+0047)"
            ),
            format!("write `G` where the quote has `X`, {copy}")
        )
    );
    // `-` stands for `—`, but `--` is one character too many.
    assert_eq!(
        error_of(&stderr, 4),
        (
            "content/articles/missed.md:11:13: error: annotation 4: quote “postwar history -- so far” is found nowhere in the text; the closest passage, line 21, reads “…story of Germany’s postwar history — so far, as told by those…”: the quote has `--` (U+002D U+002D) where the text has `—` (U+2014)".to_string(),
            format!("write `—` where the quote has `--`, {copy}")
        )
    );
}

#[test]
fn a_quote_across_two_blocks_or_with_nothing_close_is_told_so() {
    let fixture = Fixture::copy("english");
    fixture.write("content/articles/missed.md", MISSED);
    let stderr = fixture.fail(&["check"]);
    assert_eq!(
        error_of(&stderr, 5),
        (
            "content/articles/missed.md:13:13: error: annotation 5: quote “ends here. Second” is found nowhere in the text; its start ends the block at line 23 and its rest starts the next, at line 25: a quote cannot span two blocks".to_string(),
            "quote within one block (a paragraph, heading, list item or table row), or write an annotation for each".to_string()
        )
    );
    assert_eq!(
        error_of(&stderr, 6),
        (
            "content/articles/missed.md:15:13: error: annotation 6: quote “not in the text at all” is found nowhere in the text".to_string(),
            "quote the text as a reader sees it: without Markdown marks (`*`, backticks, link targets), within one paragraph".to_string()
        )
    );
    assert_eq!(
        error_of(&stderr, 7),
        (
            "content/articles/missed.md:17:13: error: annotation 7: quote “la Russie” is found nowhere in the text; the closest passage, line 27, reads “Puis la Russie seule. Et la…”: the text has a space between the prefix and the quote".to_string(),
            "end `prefix:` with a space: a prefix or suffix keeps the spaces at its ends, a quote does not".to_string()
        )
    );
    assert!(stderr.contains("7 errors; nothing was written"), "{stderr}");
}
