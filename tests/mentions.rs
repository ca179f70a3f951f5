//! Mentions end to end: which names are found and linked in an article, on
//! the English fixture dossier written from FORMAT.md alone.

mod common;

use common::{Fixture, Site};

/// The built English fixture; the fixture must outlive the site.
fn treaty_site() -> (Fixture, Site) {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    (fixture, site)
}

/// `(anchor id, text)` of every mention in the article body.
fn mentions(site: &Site, path: &str) -> Vec<(String, String)> {
    let page = site.page(path);
    page.attrs(".body .mention", "id")
        .into_iter()
        .zip(page.texts(".body .mention"))
        .collect()
}

#[test]
fn names_and_aliases_are_found_longest_first() {
    let (_fixture, site) = treaty_site();
    let found = mentions(&site, "articles/treaty/index.html");
    let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
    // Longest match: "Vladimir Putin" is one mention, not "Putin" inside it;
    // "North Korea" across a line break is found once, as North Korea.
    assert_eq!(
        found[0],
        (
            "m-vladimir-putin-1".to_string(),
            "Vladimir Putin".to_string()
        )
    );
    assert!(texts.contains(&"North Korea"), "{texts:?}");
    assert_eq!(
        found
            .iter()
            .filter(|(id, _)| id.starts_with("m-north-korea-"))
            .count(),
        2
    );
    // Cyrillic and Hangul aliases.
    assert!(
        found.contains(&("m-vladimir-putin-3".to_string(), "Путин".to_string())),
        "{found:?}"
    );
    assert!(
        found.contains(&("m-kim-jong-un-2".to_string(), "김정은".to_string())),
        "{found:?}"
    );
}

#[test]
fn word_boundaries_case_and_apostrophes() {
    let (_fixture, site) = treaty_site();
    let body = site.page("articles/treaty/index.html").text_of(".body");
    let found = mentions(&site, "articles/treaty/index.html");
    let russia: Vec<&str> = found
        .iter()
        .filter(|(id, _)| id.starts_with("m-russia-"))
        .map(|(_, t)| t.as_str())
        .collect();
    // "Russia" and "Russia's" count; "Russias" and "Putinism" do not.
    assert_eq!(russia, ["Russia", "Russia"]);
    assert!(body.contains("nor were Russias or Putinism"));
    // Matching is case-sensitive: "putin" is not Putin.
    assert!(!found.iter().any(|(_, t)| t == "putin"));
}

#[test]
fn never_in_code_links_or_raw_html_blocks() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/code.md",
        "---\ntitle: Code\ndate: 2024-01-01\n---\n`Putin` and [Putin](https://example.org) and\n\n```\nPutin\n```\n\n<div>\nPutin\n</div>\n\n    Putin indented\n\nInline <a href=\"x\">Putin</a> <br> tag.\n",
    );
    let site = fixture.build();
    let page = site.page("articles/code/index.html");
    assert_eq!(
        page.count(".body .mention"),
        0,
        "{}",
        site.text("articles/code/index.html")
    );
    // Raw HTML is shown as text, never passed through.
    assert_eq!(page.count(".body div"), 0);
    assert!(page.text_of(".body").contains("<div>"));
}

#[test]
fn ambiguous_alias_is_not_linked_and_is_reported() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/korea.md",
        "---\ntitle: K\ndate: 2024-01-01\n---\nKorea is divided.\n",
    );
    let site = fixture.build();
    assert_eq!(
        site.page("articles/korea/index.html")
            .count(".body .mention"),
        0
    );
    let check = fixture.run(&["check"]);
    assert!(check.status.success());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("alias `Korea` is shared by `north-korea` and `south-korea`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/entities/countries/north-korea.md:4:"),
        "{stderr}"
    );
}

#[test]
fn wikilinks_resolve_by_id_then_name() {
    let (_fixture, site) = treaty_site();
    let page = site.page("articles/treaty/index.html");
    let found = mentions(&site, "articles/treaty/index.html");
    // [[kim-jong-un]] shows the name, [[kim-jong-un|the leader]] the text,
    // [[Putin]] resolves through the alias.
    assert!(
        found.contains(&("m-kim-jong-un-3".to_string(), "Kim Jong Un".to_string())),
        "{found:?}"
    );
    assert!(
        found.contains(&("m-kim-jong-un-4".to_string(), "the leader".to_string())),
        "{found:?}"
    );
    assert!(
        found.contains(&("m-vladimir-putin-4".to_string(), "Putin".to_string())),
        "{found:?}"
    );
    // Explicit wikilinks are always links.
    let links = page.attrs(".body a.mention", "id");
    for id in ["m-kim-jong-un-3", "m-kim-jong-un-4", "m-vladimir-putin-4"] {
        assert!(
            links.contains(&id.to_string()),
            "{id} not linked: {links:?}"
        );
    }
}

#[test]
fn autolink_first_all_none() {
    // The ids of Putin's mentions in the treaty article that are links,
    // and of all of them, under each setting.
    let putin = |mode: &str| {
        let fixture = Fixture::copy("english");
        let settings =
            std::fs::read_to_string(fixture.root().join("dossier.yaml")).expect("settings");
        fixture.write(
            "dossier.yaml",
            &settings.replace("autolink: first", &format!("autolink: {mode}")),
        );
        let site = fixture.build();
        let page = site.page("articles/treaty/index.html");
        let of_putin = |ids: Vec<String>| -> Vec<String> {
            ids.into_iter()
                .filter(|id| id.starts_with("m-vladimir-putin-"))
                .collect()
        };
        (
            of_putin(page.attrs(".body a.mention", "id")),
            of_putin(page.attrs(".body .mention", "id")).len(),
        )
    };
    // first: the first mention and the explicit [[Putin]] (always a link).
    assert_eq!(
        putin("first"),
        (
            vec![
                "m-vladimir-putin-1".to_string(),
                "m-vladimir-putin-4".to_string()
            ],
            4
        )
    );
    let (all, count) = putin("all");
    assert_eq!((all.len(), count), (4, 4));
    // none: only the explicit wikilink; every mention still has its anchor.
    assert_eq!(putin("none"), (vec!["m-vladimir-putin-4".to_string()], 4));
}

#[test]
fn mentions_in_footnotes_and_pages() {
    let (_fixture, site) = treaty_site();
    let page = site.page("articles/treaty/index.html");
    assert_eq!(page.attrs(".footnote .mention", "id"), ["m-kim-jong-un-5"]);
    // Footnote ids are prefixed so pages never get bare numeric ids.
    assert_eq!(page.attrs(".footnote-ref a", "href"), ["#fn-src"]);
    assert_eq!(page.attrs(".footnote", "id"), ["fn-src"]);
    let about = site.page("about/index.html");
    assert_eq!(
        about.attrs(".prose a.mention", "href"),
        ["../entities/vladimir-putin/index.html"]
    );
}

#[test]
fn headings_get_unique_ids_that_do_not_clash_with_the_page() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/headings.md",
        "---\ntitle: H\ndate: 2024-01-01\n---\n## Content\n\n## Putin’s visit\n\n## Putin’s visit\n\n## Named {#own-id}\n",
    );
    let site = fixture.build();
    let page = site.page("articles/headings/index.html");
    assert_eq!(
        page.attrs(".body h2", "id"),
        ["content-2", "putin-s-visit", "putin-s-visit-2", "own-id"]
    );
    assert_eq!(page.count("[id='content']"), 1);
}

#[test]
fn a_table_row_is_one_passage() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/table.md",
        "---\ntitle: T\ndate: 2024-01-01\n---\n| Who | Role |\n|---|---|\n| Putin | president |\n| Kim Jong Un | leader |\n",
    );
    let site = fixture.build();
    let page = site.page("entities/kim-jong-un/index.html");
    let passages = page.texts(".passages blockquote");
    assert!(
        passages.contains(&"Kim Jong Un | leader".to_string()),
        "{passages:?}"
    );
}

#[test]
fn heading_and_footnote_ids_are_unique_on_the_page() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/ids.md",
        "---\ntitle: Ids\ndate: 2024-01-01\n---\n## Set {#foo}\n\n## Foo\n\n## Foo\n\n## Foo 2\n\n## Tags\n\nA[^a b] and B[^a-b].\n\n[^a b]: one\n[^a-b]: two\n",
    );
    let site = fixture.build();
    let page = site.page("articles/ids/index.html");
    assert_eq!(
        page.attrs(".body h2", "id"),
        ["foo", "foo-2", "foo-3", "foo-2-2", "tags-2"]
    );
    assert_eq!(page.attrs(".footnote", "id"), ["fn-a-b", "fn-a-b-2"]);
    assert_eq!(
        page.attrs(".footnote-ref a", "href"),
        ["#fn-a-b", "#fn-a-b-2"]
    );
}

#[test]
fn a_name_shared_by_two_entities_is_reported_as_a_name() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/entities/people/george-washington.md",
        "---\nname: Washington\ntype: person\n---\n",
    );
    let check = fixture.run(&["check"]);
    assert!(check.status.success());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("content/entities/people/george-washington.md:2:7: warning: name `Washington` is shared by `george-washington` and `washington`"),
        "{stderr}"
    );
}

#[test]
fn a_footnote_links_back_only_to_a_reference_that_exists() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/notes-first.md",
        "---\ntitle: F\ndate: 2024-01-01\n---\n[^early]: Defined before any reference.\n\n[^unused]: Never referenced.\n\nText[^late] and again[^late].\n\n[^late]: Defined after.\n",
    );
    let site = fixture.build();
    let page = site.page("articles/notes-first/index.html");
    // Only the referenced footnote links back, to its first reference.
    assert_eq!(page.attrs("a.footnote-back", "href"), ["#fnref-late"]);
    assert_eq!(page.count("#fnref-late"), 1);
    assert_eq!(page.count("span.footnote-back"), 2);
}
