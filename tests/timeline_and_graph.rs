//! The timeline (articles, dated entities and relations by year and
//! month) and the graph (an SVG of linked entities, legible with many),
//! with the colours the dossier's own types get.

mod common;

use common::dated::{EVENT, fixture};
use common::{Fixture, attrs_across, texts_across};

#[test]
fn timeline_orders_articles_and_dated_entities_by_year_and_month() {
    let fixture = fixture();
    let site = fixture.build();
    let page = site.timeline();
    // 2000: the fixture's Putin leads Russia since 2000-05-07.
    assert_eq!(texts_across(&page, "h2"), ["1947", "2000", "2024"]);
    assert_eq!(
        texts_across(&page, "h3"),
        ["March 1947", "May 2000", "June 2024", "July 2024"]
    );
    // The event comes before the articles of its day.
    assert_eq!(
        texts_across(&page, ".timeline li:not(.relation) a"),
        [
            "Cold War",
            "Summit of 2024",
            "Treaty & \"alliance\" <signed> in Pyongyang",
            "Seoul reacts",
            "Noted"
        ]
    );
    assert_eq!(
        texts_across(&page, ".timeline li")[0],
        "12 March 1947 – 26 December 1991 Cold War Period"
    );
    assert_eq!(
        attrs_across(&page, ".timeline li:not(.relation) a", "href")[1],
        "../../entities/summit/index.html"
    );
}

#[test]
fn timeline_shows_dated_relations_with_their_source() {
    let fixture = fixture();
    // Known only by its end, to the month; and one with no date at all.
    fixture.write(
        "content/entities/events/summit.md",
        &EVENT.replace(
            "end: 2024-06-20\n",
            "end: 2024-06-20\nrelations:\n  - {to: russia, type: hosted-by}\n  - {to: kim-jong-un, type: boycotted-by, until: 2025-03}\n",
        ),
    );
    let site = fixture.build();
    let page = site.timeline();
    let relations = texts_across(&page, ".timeline li.relation");
    assert_eq!(
        relations,
        [
            "7 May 2000 Vladimir Putin leads Russia",
            "19 June 2024 Vladimir Putin ally-of Kim Jong Un (according to Treaty & \"alliance\" <signed> in Pyongyang) — mutual defence",
            "until March 2025 Summit of 2024 boycotted-by Kim Jong Un",
        ]
    );
    // Both ends and the source are links.
    let ally = ".timeline li.relation:nth-of-type(2) a";
    assert_eq!(
        attrs_across(&page, ally, "href"),
        [
            "../../entities/vladimir-putin/index.html",
            "../../entities/kim-jong-un/index.html",
            "../../articles/treaty/index.html"
        ]
    );
    // A relation is an event: before the articles of its day, after the
    // entity whose title comes first.
    let june: Vec<String> = texts_across(&page, ".timeline li")
        .into_iter()
        .filter(|t| t.starts_with("19 June 2024"))
        .collect();
    assert!(june[0].contains("Summit of 2024 Event"), "{june:?}");
    assert!(june[1].contains("ally-of"), "{june:?}");
    assert!(june[2].contains("Treaty"), "{june:?}");
    assert_eq!(
        texts_across(&page, "h3").last().map(String::as_str),
        Some("March 2025")
    );
}

#[test]
fn graph_is_an_svg_of_linked_entities() {
    let fixture = fixture();
    let site = fixture.build();
    let raw = site.text("graph/index.html");
    assert!(raw.contains("<svg class=\"graph"));
    assert!(!raw.contains("<script"), "the graph needs no JavaScript");
    let page = site.page("graph/index.html");
    let hrefs = page.attrs("svg g.nodes a", "href");
    // Entities that are mentioned or related; the unmentioned, unrelated
    // period and summit are not drawn.
    assert!(
        hrefs.contains(&"../entities/vladimir-putin/index.html".to_string()),
        "{hrefs:?}"
    );
    assert!(!hrefs.iter().any(|h| h.contains("cold-war")), "{hrefs:?}");
    assert_eq!(page.count("svg line.relation"), 2);
    assert!(page.count("svg line.together") > 0);
    assert_eq!(page.count("svg circle"), hrefs.len());
    assert_eq!(page.count("svg circle.t-person"), 2);
    // Every node is named, each name a link to its node's page.
    assert_eq!(page.attrs("svg g.names a", "href"), hrefs);
    // All fit: no sentence saying some are left out.
    assert_eq!(page.count(".graph-note"), 0);
}

#[test]
fn graph_stays_legible_with_many_entities() {
    let fixture = Fixture::new(&[]);
    let mut body = String::new();
    for i in 0..250 {
        fixture.write(
            &format!("content/entities/e{i:03}.md"),
            &format!("---\nname: Entity{i:03}\ntype: thing\n---\n"),
        );
        body.push_str(&format!(
            "Entity{i:03} and Entity{:03}. ",
            (i * 7 + 3) % 250
        ));
        if i % 10 == 9 {
            fixture.write(
                &format!("content/articles/a{i:03}.md"),
                &format!("---\ntitle: A{i}\ndate: 2024-01-01\n---\n{body}\n"),
            );
            body.clear();
        }
    }
    let site = fixture.build();
    let page = site.page("graph/index.html");
    assert_eq!(page.count("svg circle"), 60, "at most 60 nodes");
    assert_eq!(
        page.texts(".graph-note"),
        ["The picture shows the 60 most mentioned entities of 250; all are listed below."]
    );
    assert_eq!(page.count("svg text"), 60, "every node named");
    let xs = page.attrs("svg circle", "cx");
    let ys = page.attrs("svg circle", "cy");
    let points: Vec<(f64, f64)> = xs
        .iter()
        .zip(&ys)
        .map(|(x, y)| (x.parse().expect("number"), y.parse().expect("number")))
        .collect();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            let distance = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            assert!(
                distance > 4.0,
                "two nodes on top of each other: {a:?} {b:?}"
            );
        }
    }
}

#[test]
fn types_of_the_dossier_s_own_get_colours_of_their_own() {
    let fixture = fixture();
    fixture.write(
        "content/entities/aurora.md",
        "---\nname: Aurora\ntype: ship\n---\n",
    );
    fixture.write(
        "content/entities/pact.md",
        "---\nname: Pact\ntype: treaty\n---\n",
    );
    let site = fixture.build();
    let css = site.text("style.css");
    let rule = |kind: &str| -> String {
        let start = css
            .find(&format!(".t-{kind} {{"))
            .unwrap_or_else(|| panic!("no rule for {kind}"));
        css[start..].lines().next().expect("a line").to_string()
    };
    // In alphabetical order; `period` (the fixture's Cold War) too.
    assert_eq!(
        rule("period"),
        ".t-period { --type: var(--own-1, var(--other)); }"
    );
    assert_eq!(
        rule("ship"),
        ".t-ship { --type: var(--own-2, var(--other)); }"
    );
    assert_eq!(
        rule("treaty"),
        ".t-treaty { --type: var(--own-3, var(--other)); }"
    );
    // Each is a colour of its own, in light and dark.
    for variable in ["--own-1:", "--own-2:", "--own-3:"] {
        assert_eq!(css.matches(variable).count(), 2, "{variable}");
    }
    let colour = |variable: &str| {
        let at = css.find(variable).expect("defined") + variable.len();
        css[at..]
            .split(';')
            .next()
            .expect("value")
            .trim()
            .to_string()
    };
    assert_ne!(colour("--own-1:"), colour("--own-2:"));
    assert_ne!(colour("--own-2:"), colour("--other:"));
    // And the graph's legend lists every type.
    let legend = site.page("graph/index.html").texts(".legend li");
    for heading in ["Period", "Ship", "Treaty", "People"] {
        assert!(
            legend.iter().any(|l| l == heading),
            "{heading} in {legend:?}"
        );
    }
}
