//! Markdown through the whole pipeline: link targets that are not
//! published, note references in tables, wikilink labels, ids on a page,
//! and the wikilinks that are mistakes. Each builds a small dossier, runs
//! the binary and reads the pages it wrote.

mod common;

use std::collections::BTreeMap;

use common::{Fixture, Page};
use scraper::Selector;

const FOO: &str = "---\nname: Foo Bar\ntype: person\n---\nA person.\n";

/// A dossier with the entity `foo` and one article `a` with `front`
/// (extra front matter lines) and `body`.
fn dossier(front: &str, body: &str) -> Fixture {
    Fixture::new(&[
        ("content/entities/foo.md", FOO),
        (
            "content/articles/a.md",
            &format!("---\ntitle: A\ndate: 2024-01-01\n{front}---\n{body}"),
        ),
    ])
}

fn select<'a>(page: &'a Page, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    page.html.select(&selector).collect()
}

/// Every id on the page is given once, and every `href="#…"` names one.
fn assert_ids_unique_and_in_page_links_resolve(page: &Page) {
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for element in select(page, "[id]") {
        let id = element.value().attr("id").expect("selected by id");
        *ids.entry(id.to_string()).or_default() += 1;
    }
    let repeated: Vec<_> = ids.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        repeated.is_empty(),
        "{}: ids repeated: {repeated:?}",
        page.path
    );
    for href in page.attrs("a[href^='#']", "href") {
        assert!(
            ids.contains_key(&href[1..]),
            "{}: {href} names no element",
            page.path
        );
    }
}

/// Asserts that the error output holds `part`.
fn says(stderr: &str, part: &str) {
    assert!(stderr.contains(part), "no `{part}` in:\n{stderr}");
}

#[test]
fn links_with_other_schemes_keep_only_their_text() {
    // CommonMark spec autolinks (596, 598, 599, 601 and neighbours), and
    // collected links that must never run a script.
    let body = "\
<irc://foo.bar:2233/baz> <MAILTO:FOO@BAR.BAZ> <a+b+c:d> <made-up-scheme://foo,bar> \
<https://../> <localhost:5001/foo>

[call](tel:+1234) <ftp://x.org/f> [j](JaVaScRiPt:alert(1)) [e](&#106;avascript:alert(1)) \
[s]( javascript:alert(1)) [t](<java\tscript:alert(1)>) [r](../../x.html) [w](https://w.org)

![pic](javascript:alert(1)) ![dat](data:image/png;base64,AAAA) ![ok](../../img/map.png)
";
    let front = "annotations:\n  - quote: \"call\"\n    note: \"[phone](tel:+1) and [web](https://n.org)\"\n";
    let fixture = dossier(front, body);
    let site = fixture.build();
    let page = site.page("articles/a/index.html");
    let hrefs = page.attrs(".body a:not(.note-back):not(.note-ref a)", "href");
    assert_eq!(
        hrefs
            .iter()
            .filter(|h| !h.starts_with('#'))
            .collect::<Vec<_>>(),
        [
            "MAILTO:FOO@BAR.BAZ",
            "https://../",
            "../../x.html",
            "https://w.org",
            "https://n.org"
        ]
    );
    let text = page.text_of(".body");
    for shown in [
        "irc://foo.bar:2233/baz",
        "a+b+c:d",
        "made-up-scheme://foo,bar",
        "localhost:5001/foo",
        "call",
        "ftp://x.org/f",
        "pic",
        "dat",
        "phone",
    ] {
        assert!(text.contains(shown), "{shown} not shown in {text}");
    }
    // An image with an unsafe source is its description, not an image.
    assert_eq!(page.attrs(".body img", "src"), ["../../img/map.png"]);
    let html = site.text("articles/a/index.html");
    for never in ["href=\"\"", "about:blank", "script:", "data:"] {
        assert!(!html.contains(never), "{never} in the page");
    }
}

#[test]
fn a_note_reference_stays_in_the_cell_where_its_quote_ends() {
    let front = "\
annotations:
  - quote: \"a | Source\"
    note: ends in a link
  - quote: \"one |\"
    note: ends on a cell boundary
  - quote: \"x | co\"
    note: ends in code
  - quote: \"y | Foo\"
    note: ends in a wikilink
  - quote: \"z | w\"
    note: ends in plain text
";
    let body = "\
| h1 | h2 |
|----|----|
| a | [Source](https://x.org) |
| one | two |
| x | `code` |
| y | [[foo]] and more |
| z | w |
";
    let fixture = dossier(front, body);
    let site = fixture.build();
    let page = site.page("articles/a/index.html");
    let refs = select(&page, ".note-ref");
    assert_eq!(refs.len(), 5, "one reference per note");
    for (number, reference) in (1..=5).zip(&refs) {
        assert_eq!(reference.text().collect::<String>(), number.to_string());
        let parent = reference.parent().and_then(scraper::ElementRef::wrap);
        let parent = parent.expect("a reference is inside an element");
        assert_eq!(
            parent.value().name(),
            "td",
            "reference {number} outside a cell"
        );
    }
    // Each reference is in the cell where its quote ends: the second cell,
    // except for `one |`, which ends with the first.
    let cells: Vec<String> = refs
        .iter()
        .map(|r| {
            let cell = scraper::ElementRef::wrap(r.parent().expect("in a cell")).expect("element");
            cell.text().collect::<String>()
        })
        .collect();
    assert_eq!(
        cells,
        ["Source1", "one2", "code3", "Foo Bar4 and more", "w5"]
    );
    assert_ids_unique_and_in_page_links_resolve(&page);
}

#[test]
fn a_piped_wikilink_label_keeps_its_formatting_and_shows_html_as_text() {
    let body = "\
Here [[foo|the *real* boss]], [[foo|`x`]], [[foo|a <b>bold</b> c]] and [[Foo Bar|**him**]].
";
    let fixture = dossier("", body);
    let site = fixture.build();
    let page = site.page("articles/a/index.html");
    let mentions = select(&page, ".body a.mention");
    let inner: Vec<String> = mentions
        .iter()
        .map(scraper::ElementRef::inner_html)
        .collect();
    assert_eq!(
        inner,
        [
            "the <em>real</em> boss",
            "<code>x</code>",
            "a &lt;b&gt;bold&lt;/b&gt; c",
            "<strong>him</strong>"
        ]
    );
    // Passages quote the label as a reader sees it, tags and all.
    let entity = site.page("entities/foo/index.html");
    assert_eq!(entity.count(".passages blockquote"), 4);
}

#[test]
fn every_id_on_a_page_is_unique_and_explicit_ids_win() {
    let body = "\
# Foo

## Other {#foo}

# Site search

# P {#p-3}

Footnote[^a] and [[foo]].

[^a]: The note.
";
    let fixture = dossier("", body);
    let site = fixture.build();
    let page = site.page("articles/a/index.html");
    assert_eq!(page.attrs("h2", "id")[0], "foo");
    assert_eq!(
        page.attrs(".body h1", "id"),
        ["foo-2", "site-search-2", "p-3"]
    );
    assert_ids_unique_and_in_page_links_resolve(&page);
}

#[test]
fn explicit_ids_that_clash_are_errors_at_their_line() {
    let body = "\
# One {#same}

# Two {#same}

# T {#fn-a}

# N {#notes}

Footnote[^a].

[^a]: The note.
";
    let stderr = dossier("", body).fail(&["build"]);
    says(
        &stderr,
        "content/articles/a.md:7:1: error: heading id `same` is already given",
    );
    says(&stderr, "line 5");
    says(
        &stderr,
        "content/articles/a.md:9:1: error: heading id `fn-a`",
    );
    says(
        &stderr,
        "content/articles/a.md:11:1: error: heading id `notes`",
    );
    says(&stderr, "help: ");
}

#[test]
fn an_empty_label_and_an_embed_are_errors_with_help() {
    let stderr = dossier("", "First.\n\nSee [[foo|]] and ![[map.png]].\n").fail(&["build"]);
    says(
        &stderr,
        "content/articles/a.md:7:5: error: wikilink `[[foo|]]` shows no text",
    );
    says(&stderr, "write `[[foo]]`");
    says(&stderr, "content/articles/a.md:7:18: error: `![[map.png]]`");
    says(&stderr, "`!\\[[map.png]]`");
    assert!(!stderr.contains("<img"), "{stderr}");
    // An embed with a size (Obsidian's `|300`) is shown as written.
    let stderr = dossier("", "See ![[map.png|300]].\n").fail(&["build"]);
    says(&stderr, "error: `![[map.png|300]]` embeds a file");
    says(&stderr, "to keep the text, write `!\\[[map.png|300]]`");
}

#[test]
fn a_reference_number_in_double_brackets_says_how_to_keep_them() {
    let stderr = dossier("", "Pasted text.[[1]]\n").fail(&["build"]);
    says(
        &stderr,
        "content/articles/a.md:5:13: error: wikilink `[[1]]` names no entity",
    );
    says(
        &stderr,
        "help: write `\\[[1]]` to keep the brackets as text",
    );
    let fixture = dossier("", "Pasted text.\\[[1]] and !\\[[map.png]]\n");
    let site = fixture.build();
    let page = site.page("articles/a/index.html");
    assert_eq!(
        page.text_of(".body p"),
        "Pasted text.[[1]] and ![[map.png]]"
    );
}
