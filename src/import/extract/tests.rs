//! The extractor on pages and texts written for it
//! (`tests/fixtures/extract/`), in English and French: what it keeps, what
//! it removes and reports, and Markdown that renders back to the text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Extracted, from_html, from_text};

const SEED_TEXT: &str = include_str!("../../../tests/fixtures/extract/seed-fr.txt");
const SEED_HTML: &str = include_str!("../../../tests/fixtures/extract/seed-fr.html");
const EN_NEWS: &str = include_str!("../../../tests/fixtures/extract/en-news.html");
const FR_NEWS: &str = include_str!("../../../tests/fixtures/extract/fr-news.html");
const PAYWALL: &str = include_str!("../../../tests/fixtures/extract/paywall.html");
const MENUS: &str = include_str!("../../../tests/fixtures/extract/menus.html");

/// The text `markdown` renders to, one block a line, and the targets of
/// its links in order.
fn rendered(markdown: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut links = Vec::new();
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) => {
                assert!(
                    !matches!(link_type, pulldown_cmark::LinkType::WikiLink { .. }),
                    "no wikilink in {markdown}"
                );
                links.push(dest_url.to_string());
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow,
            ) => {
                text.push('\n');
            }
            Event::End(TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    (text, links)
}

fn seed_paragraphs() -> Vec<&'static str> {
    SEED_TEXT.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// The seed's article paragraphs are all kept, its ad and teaser are not.
fn assert_seed_cleaned(extracted: &Extracted) {
    let (text, _) = rendered(&extracted.markdown);
    for gone in [
        "Annonces",
        "3Vision",
        "Découvrez l'Offre",
        "Commandez",
        "Lire aussi",
        "famille la plus riche",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in:\n{text}");
    }
    let kept: Vec<&str> = seed_paragraphs()
        .into_iter()
        .filter(|p| {
            !p.starts_with("Lire aussi")
                && !p.contains("Partenaires")
                && !p.starts_with("Créez")
                && !p.starts_with("Découvrez")
        })
        .map(|p| p.strip_prefix("Commandez Maintenant").unwrap_or(p))
        .collect();
    assert_eq!(kept.len(), 8, "the seed has eight article paragraphs");
    for paragraph in &kept {
        assert!(
            text.lines().any(|line| line == *paragraph),
            "lost: {paragraph}"
        );
    }
    assert_eq!(text.lines().count(), kept.len(), "{text}");
    assert_eq!(
        extracted.removed,
        [
            "Lire aussi : La famille la plus riche …",
            "🚀Annonces pour Nos Partenaires !",
            "Créez votre site web professionnel à un prix …",
            "Découvrez l'Offre",
            "Commandez une application mobile sur mesure et transformez …",
            "Commandez Maintenant",
        ]
    );
}

#[test]
fn pasted_seed_loses_its_ad_and_teaser_and_keeps_the_glued_paragraph() {
    assert_seed_cleaned(&from_text(SEED_TEXT).expect("an article"));
}

#[test]
fn seed_in_plain_markup_loses_its_ad_and_teaser() {
    let extracted =
        from_html(SEED_HTML, Some("https://example.org/monde/corees.html")).expect("an article");
    assert_seed_cleaned(&extracted);
    assert!(
        !extracted.markdown.contains("partenariat stratégique\n"),
        "no title"
    );
    assert!(
        !extracted.markdown.starts_with('#'),
        "the title is not a heading"
    );
}

#[test]
fn english_page_keeps_its_article_and_reports_its_boilerplate() {
    let extracted = from_html(
        EN_NEWS,
        Some("https://news.example.com/2019/11/bridge.html"),
    )
    .expect("an article");
    let (text, links) = rendered(&extracted.markdown);
    for kept in [
        "The harbour bridge reopened to traffic on Tuesday morning",
        "City officials said the repairs cost far more than first planned",
        "“We would rather be late than unsafe,”",
        "Traders on both sides of the river welcomed the news.",
        "Commuters lined up before dawn",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in:\n{text}");
    }
    for gone in [
        "Harbour bridge reopens",
        "Jane Smith",
        "Updated",
        "Facebook",
        "Photo: John Doe",
        "Advertisement",
        "Read more",
        "newsletter",
        "Related stories",
        "Tunnel works",
        "All rights reserved",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in:\n{text}");
    }
    assert!(
        extracted.markdown.contains("*far more*"),
        "emphasis kept: {}",
        extracted.markdown
    );
    assert_eq!(
        links,
        ["https://news.example.com/images/bridge.jpg"],
        "the image, as an absolute link"
    );
    assert!(
        extracted
            .markdown
            .contains("[The bridge at dawn](https://news.example.com/images/bridge.jpg)")
    );
    let position = |start: &str| extracted.removed.iter().position(|r| r.starts_with(start));
    let order: Vec<Option<usize>> = [
        "By Jane Smith",
        "Updated 5:27",
        "Advertisement",
        "Read more:",
        "Sign up for",
    ]
    .iter()
    .map(|start| position(start))
    .collect();
    assert!(
        order.iter().all(Option::is_some),
        "{:#?}",
        extracted.removed
    );
    assert!(
        order.is_sorted(),
        "in the page's order: {:#?}",
        extracted.removed
    );
}

#[test]
fn french_page_keeps_its_article_and_reports_its_boilerplate() {
    let extracted = from_html(FR_NEWS, None).expect("an article");
    let (text, _) = rendered(&extracted.markdown);
    for kept in [
        "Le tramway de la ville a repris du service lundi matin",
        "Les premières rames sont parties à cinq heures",
        "« Nous avons tenu les délais »",
        "Les commerçants de l’avenue principale",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in:\n{text}");
    }
    for gone in [
        "Jean Dupont",
        "avec AFP",
        "lecture",
        "Publié le",
        "Partager",
        "AFP",
        "Publicité",
        "À lire aussi",
        "Abonnez-vous",
        "Sur le même sujet",
        "bus de nuit",
        "Accueil",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in:\n{text}");
    }
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        extracted
            .removed
            .iter()
            .any(|r| r.starts_with("À lire aussi")),
        "{:#?}",
        extracted.removed
    );
}

#[test]
fn paywall_stub_is_no_article_and_says_why() {
    let reason = from_html(PAYWALL, None).expect_err("only a stub").reason;
    assert!(reason.contains("for subscribers"), "{reason}");
}

#[test]
fn page_of_menus_is_no_article() {
    let reason = from_html(MENUS, Some("https://example.org/"))
        .expect_err("no article")
        .reason;
    assert!(reason.starts_with("the page has no article"), "{reason}");
}

#[test]
fn empty_or_short_text_is_no_article() {
    assert_eq!(
        from_text(" \n\n").expect_err("empty").reason,
        "the text is empty"
    );
    assert!(from_text("Three words only.").is_err());
}

/// Paragraphs enough to be an article around `body`.
fn page_around(body: &str) -> String {
    let prose = "<p>The committee met on Monday to discuss the plan, and its members agreed that the proposal needed more work before it could be put to a vote in the spring.</p>";
    let more = "<p>Its chair said after the meeting that a revised version would be ready within a month, with the costs of each option set out side by side.</p>";
    format!(
        "<html><head><title>A page</title></head><body><article>{prose}{body}{more}</article></body></html>"
    )
}

#[test]
fn markdown_keeps_structure_and_renders_back_to_the_text() {
    let body = r#"<h2>What was said</h2>
<p>Plain <strong>bold</strong>, <em>italic</em>, <code>x = 1</code> and <a href="../report.pdf">the report</a>.</p>
<ul><li>first point</li><li>second point<ul><li>nested point</li></ul></li></ul>
<ol start="3"><li>third</li><li>fourth</li></ol>
<blockquote><p>A quoted sentence of some length, from the minutes.</p><p>And its second paragraph.</p></blockquote>
<table><tr><th>Year</th><th>Budget</th></tr><tr><td>2023</td><td>1,200</td></tr></table>
<p>Characters that mean something: *stars*, _under_, [[Wiki link]], &lt;not a tag&gt;, a | pipe, 50% &amp; more {#id}, `tick`.</p>
<p>1. Not a list, # not a heading, > not a quote</p>
<p>Wow!<a href="https://example.org/x">not an image</a></p>
<p>Line one<br>line two <a href="https://example.org/y">a link<br></a>after it<br></p>"#;
    let html = page_around(body);
    let extracted =
        from_html(&html, Some("https://example.org/docs/page.html")).expect("an article");
    let markdown = &extracted.markdown;
    for expected in [
        "## What was said",
        "**bold**",
        "*italic*",
        "`x = 1`",
        "[the report](https://example.org/report.pdf)",
        "- first point",
        "  - nested point",
        "3. third",
        "4. fourth",
        "> A quoted sentence",
        ">\n> And its second paragraph.",
        "| Year | Budget |",
        "| 2023 | 1,200 |",
        "Line one\\\nline two [a link](https://example.org/y)\\\nafter it\n",
    ] {
        assert!(
            markdown.contains(expected),
            "{expected:?} not in:\n{markdown}"
        );
    }
    let (text, _) = rendered(markdown);
    for line in [
        "Characters that mean something: *stars*, _under_, [[Wiki link]], <not a tag>, a | pipe, 50% & more {#id}, `tick`.",
        "1. Not a list, # not a heading, > not a quote",
        "Wow!not an image",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "{line:?} not rendered back from:\n{markdown}\n---\n{text}"
        );
    }
}

#[test]
fn emphasis_that_cannot_be_written_is_left_out_not_garbled() {
    let html = page_around(
        "<p>He said <em>“no.”</em>then left, and the meeting went on without him for an hour.</p>",
    );
    let extracted = from_html(&html, None).expect("an article");
    let (text, _) = rendered(&extracted.markdown);
    assert!(
        text.contains("He said “no.”then left"),
        "{}",
        extracted.markdown
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "over a minute in a debug build: run with `cargo test --release --lib twenty_megabyte`"
)]
fn a_twenty_megabyte_page_is_extracted_in_reasonable_time() {
    let mut html = String::from("<html><head><title>Big</title></head><body><div>");
    for number in 1.. {
        if html.len() >= 20_000_000 {
            break;
        }
        html.push_str(&format!(
            "<p>Paragraph {number}: row after row of text fills this page, so that it weighs twenty megabytes in all.</p>\n"
        ));
    }
    // Deep nesting, where a recursive walk would exhaust the stack.
    html.push_str(&"<div>".repeat(5_000));
    html.push_str("<p>deep</p>");
    html.push_str("</div></body></html>");
    let start = std::time::Instant::now();
    let extracted = from_html(&html, None).expect("an article");
    assert!(extracted.markdown.len() > 10_000_000);
    // About 4 s on this project's 2-core machine (release build).
    assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
}

/// Sentences of the article, each a paragraph of more than eight words.
fn sentences(count: usize) -> Vec<String> {
    (1..=count)
        .map(|n| format!("Paragraph number {n} of the article says something new about the plan."))
        .collect()
}

#[test]
fn a_caption_shown_twice_goes_and_a_question_asked_again_stays() {
    let question = "What do you like to cook at home when you have the time?";
    let caption = "The minister at the podium on Tuesday, before the vote in the chamber.";
    let mut lines = sentences(6);
    lines.insert(1, caption.to_string());
    lines.insert(2, caption.to_string());
    lines.insert(0, question.to_string());
    lines.push(question.to_string());
    let extracted = from_text(&lines.join("\n")).expect("an article");
    let (text, _) = rendered(&extracted.markdown);
    assert_eq!(text.matches(caption).count(), 1, "{text}");
    assert_eq!(text.matches(question).count(), 2, "{text}");
}

#[test]
fn names_with_inner_capitals_are_not_buttons() {
    let mut lines = sentences(5);
    lines.push("Buy McDonald's shares, the analysts said on Monday morning.".to_string());
    lines.push("Order iPhone cases online, the shop advertised to its customers.".to_string());
    let extracted = from_text(&lines.join("\n")).expect("an article");
    assert!(extracted.removed.is_empty(), "{:#?}", extracted.removed);
    let (text, _) = rendered(&extracted.markdown);
    assert!(
        text.contains("Buy McDonald's shares") && text.contains("Order iPhone cases"),
        "{text}"
    );
}

#[test]
fn pasted_text_wrapped_by_hand_is_joined_into_paragraphs() {
    let text = "The council voted on Tuesday to keep the old market hall open\nfor another ten years, after a long debate.\n\nLire aussi : Le marché de Noël revient\nThe hall, built in 1880, draws thousands of visitors every weekend of the year.\nIts roof, repaired twice since the war, will need new slates and new gutters within the next decade.\n";
    let extracted = from_text(text).expect("an article");
    let (text, _) = rendered(&extracted.markdown);
    assert_eq!(
        text,
        "The council voted on Tuesday to keep the old market hall open for another ten years, after a long debate.\nThe hall, built in 1880, draws thousands of visitors every weekend of the year.\nIts roof, repaired twice since the war, will need new slates and new gutters within the next decade.\n"
    );
    assert_eq!(
        extracted.removed,
        ["Lire aussi : Le marché de Noël revient"]
    );
}

#[test]
fn cookie_notices_go_and_an_article_about_cookies_stays() {
    let mut lines = sentences(5);
    for notice in [
        "Nous utilisons des cookies. Accepter",
        "We use cookies to personalise content and ads. Accept all",
        "Ce site utilise des traceurs pour mesurer l'audience. Paramétrer les cookies",
        "Cookie settings",
    ] {
        lines.insert(2, notice.to_string());
    }
    let story = "Browsers will block third-party cookies next year, and advertisers use cookies less already.";
    lines.push(story.to_string());
    let fine =
        "La CNIL a infligé une amende à Google pour avoir rendu difficile de refuser les cookies.";
    lines.push(fine.to_string());
    let extracted = from_text(&lines.join("\n")).expect("an article");
    let (text, _) = rendered(&extracted.markdown);
    assert!(
        !text.contains("Accept") && !text.contains("Cookie settings"),
        "{text}"
    );
    assert!(!text.contains("traceurs"), "{text}");
    assert!(text.contains(story) && text.contains(fine), "{text}");
    assert_eq!(extracted.removed.len(), 4, "{:#?}", extracted.removed);
    // In the page's markup: a class or id naming the notice.
    let page = page_around(
        r#"<div class="cookie-notice"><p>Your choices about how this page is read by partners.</p><a href="/choices">Choices</a></div><div id="didomi-host"><p>Vos choix concernant la lecture de cette page par nos partenaires.</p><a href="/choix">Choix</a></div>"#,
    );
    let extracted = from_html(&page, None).expect("an article");
    let (text, _) = rendered(&extracted.markdown);
    assert!(
        !text.contains("choices") && !text.contains("choix"),
        "{text}"
    );
}
