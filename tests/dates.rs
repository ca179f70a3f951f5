//! Dates known to the month or the year: accepted, shown as written,
//! sorted before the days of their month or year, and exported at their
//! own precision.

mod common;

use common::{Fixture, attrs_across, texts_across};
use serde_json::Value;

/// Articles dated to the day, the month and the year (a YAML number), an
/// entity dated to the month and a relation since a year.
fn dated(language: &str) -> Fixture {
    Fixture::new(&[
        (
            "dossier.yaml",
            &format!("title: Dates\nlanguage: {language}\n"),
        ),
        (
            "content/articles/day.md",
            "---\ntitle: On a day\ndate: 2023-03-01\n---\nText.\n",
        ),
        (
            "content/articles/month.md",
            "---\ntitle: In March\ndate: 2023-03\nsource:\n  published: 2023-03\n---\nText.\n",
        ),
        (
            "content/articles/year.md",
            "---\ntitle: In the year\ndate: 2023\n---\nText.\n",
        ),
        (
            "content/articles/later.md",
            "---\ntitle: Later\ndate: 2023-04-02\n---\nText.\n",
        ),
        (
            "content/entities/summit.md",
            "---\nname: Summit\ntype: event\ndate: 2023-03\nend: 2023-04\nrelations:\n  - {to: pact, type: signs, since: 2022}\n---\n",
        ),
        (
            "content/entities/pact.md",
            "---\nname: Pact\ntype: document\n---\n",
        ),
    ])
}

#[test]
fn month_and_year_dates_are_shown_as_written_and_sorted_before_their_days() {
    let fixture = dated("en");
    let site = fixture.build_with(&["--base-url", "https://example.org/"]);

    let timeline = site.timeline();
    // 2022: the relation since a year is on the timeline too.
    assert_eq!(texts_across(&timeline, "h2"), ["2022", "2023"]);
    // The year's own article comes before its months, under no month.
    assert_eq!(texts_across(&timeline, "h3"), ["March 2023", "April 2023"]);
    assert_eq!(
        texts_across(&timeline, ".timeline li"),
        [
            "2022 Summit signs Pact",
            "2023 In the year",
            "March 2023 – April 2023 Summit Event",
            "March 2023 In March",
            "1 March 2023 On a day",
            "2 April 2023 Later",
        ]
    );
    assert_eq!(
        attrs_across(&timeline, ".timeline time", "datetime"),
        [
            "2022",
            "2023",
            "2023-03",
            "2023-04",
            "2023-03",
            "2023-03-01",
            "2023-04-02"
        ]
    );

    // Newest first: a month after its days, a year after its months.
    let list = site.page("articles/index.html");
    assert_eq!(
        list.texts("main li a"),
        ["Later", "On a day", "In March", "In the year"]
    );

    let article = site.page("articles/month/index.html");
    assert_eq!(article.attrs(".meta time", "datetime"), ["2023-03"]);
    assert_eq!(article.texts(".meta time"), ["March 2023"]);
    assert!(article.text_of(".source").contains("published March 2023"));
    let summit = site.page("entities/summit/index.html");
    let shown = summit.text_of("main");
    assert!(shown.contains("March 2023 – April 2023"), "{shown}");
    let pact = site.page("entities/pact/index.html");
    assert!(
        pact.text_of("main").contains("since 2022"),
        "{}",
        pact.text_of("main")
    );

    // Data keeps the precision written, the year as a string.
    let data: Value = serde_json::from_str(&site.text("dossier.json")).expect("JSON");
    let date_of = |slug: &str| {
        data["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .find(|a| a["slug"] == slug)
            .expect("article")["date"]
            .clone()
    };
    assert_eq!(date_of("year"), "2023");
    assert_eq!(date_of("month"), "2023-03");
    assert_eq!(data["relations"][0]["since"], "2022");
    assert_eq!(data["entities"][1]["date"], "2023-03");

    // schema.org takes a month as it is; Atom needs a date-time: the
    // first day of the period, at midnight UTC.
    let page = site.text("articles/month/index.html");
    assert!(page.contains("\"datePublished\":\"2023-03\""), "{page}");
    let feed = site.text("atom.xml");
    assert!(
        feed.contains("<published>2023-03-01T00:00:00Z</published>"),
        "{feed}"
    );
    assert!(
        feed.contains("<published>2023-01-01T00:00:00Z</published>"),
        "{feed}"
    );
    // The sitemap schema (xsd:date or xsd:dateTime) has no month or year:
    // such an article has no `lastmod`, and every `lastmod` is a day.
    let sitemap = site.text("sitemap.xml");
    assert!(sitemap.contains("articles/year/</loc></url>"), "{sitemap}");
    assert!(
        sitemap.contains("articles/day/</loc><lastmod>2023-03-01</lastmod>"),
        "{sitemap}"
    );
    for lastmod in sitemap.split("<lastmod>").skip(1) {
        let day = &lastmod[..lastmod.find('<').expect("closed")];
        assert!(
            day.len() >= 10 && day.as_bytes()[4] == b'-' && day.as_bytes()[7] == b'-',
            "{day} is not an xsd:date in {sitemap}"
        );
    }
}

#[test]
fn months_read_in_french() {
    let fixture = dated("fr");
    let site = fixture.build();
    let article = site.page("articles/month/index.html");
    assert_eq!(article.texts(".meta time"), ["mars 2023"]);
    let timeline = site.timeline();
    assert_eq!(texts_across(&timeline, ".timeline time")[0], "2022");
    assert_eq!(texts_across(&timeline, ".timeline time")[2], "mars 2023");
    // French reads `publié le 1er mars` but `publié en mars 2023`,
    // `depuis le 1er mars` but `depuis 2022`.
    let source = &article.texts(".source")[0];
    assert!(source.contains("publié en mars 2023"), "{source}");
    assert!(!source.contains("publié le mars"), "{source}");
    let relation = &site
        .page("entities/summit/index.html")
        .texts(".relations li")[0];
    assert!(relation.contains("depuis 2022"), "{relation}");
    assert!(!relation.contains("le 2022"), "{relation}");
    // French counts zero in the singular: "0 article".
    let counts = site.page("entities/index.html").texts(".count");
    assert!(counts.contains(&"0 article".to_string()), "{counts:?}");
}

#[test]
fn day_dates_keep_their_french_article() {
    let fixture = Fixture::new(&[
        ("dossier.yaml", "title: Dates\nlanguage: fr\n"),
        (
            "content/articles/day.md",
            "---\ntitle: Un jour\ndate: 2024-06-19\nupdated: 2024-07\nsource:\n  published: 2024-06-19\n  accessed: 2024-06\n---\nTexte.\n",
        ),
        (
            "content/entities/a.md",
            "---\nname: A\ntype: person\nrelations:\n  - {to: b, type: dirige, since: 2024-06-01, until: 2025}\n---\n",
        ),
        (
            "content/entities/b.md",
            "---\nname: B\ntype: organization\n---\n",
        ),
    ]);
    let site = fixture.build();
    let article = site.page("articles/day/index.html");
    let source = &article.texts(".source")[0];
    assert!(source.contains("publié le 19 juin 2024"), "{source}");
    assert!(source.contains("consulté en juin 2024"), "{source}");
    let meta = article.texts(".meta")[0].clone();
    assert!(meta.contains("mis à jour en juillet 2024"), "{meta}");
    let relation = &site.page("entities/a/index.html").texts(".relations li")[0];
    assert!(
        relation.contains("depuis le 1er juin 2024 jusqu’en 2025"),
        "{relation}"
    );
}

#[test]
fn an_invalid_month_or_year_is_an_error_at_its_place_with_the_accepted_forms() {
    for (written, line) in [
        ("2023-13", 3),
        ("2023-02-30", 3),
        ("March 2023", 3),
        ("20231", 3),
    ] {
        let fixture = Fixture::new(&[(
            "content/articles/a.md",
            &format!("---\ntitle: A\ndate: {written}\n---\nText.\n"),
        )]);
        let stderr = fixture.fail(&["build"]);
        assert!(
            stderr.contains(&format!(
                "content/articles/a.md:{line}:7: error: `date`: invalid date `{written}`"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains(
                "= help: write a day (`2024-06-19`), a month (`2024-06`) or a year (`2024`)"
            ),
            "{stderr}"
        );
        assert!(!fixture.exists("public"), "nothing is written");
    }
    // In an entity and a relation too.
    let fixture = Fixture::new(&[(
        "content/entities/e.md",
        "---\nname: E\ntype: event\nrelations:\n  - {to: e, type: x, until: 2024-00}\n---\n",
    )]);
    let stderr = fixture.fail(&["check"]);
    assert!(stderr.contains("content/entities/e.md:5:"), "{stderr}");
    assert!(stderr.contains("invalid date `2024-00`"), "{stderr}");
}

#[test]
fn a_period_that_ends_before_it_starts_is_an_error_at_its_end() {
    let fixture = Fixture::new(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-06-19\nupdated: 2024-05\n---\nText.\n",
        ),
        (
            "content/entities/summit.md",
            "---\nname: Summit\ntype: event\ndate: 2024-06-19\nend: 2023\n---\n",
        ),
        (
            "content/entities/a.md",
            "---\nname: A\ntype: person\nrelations:\n  - {to: summit, type: attends, since: 2024-06-01}\n  - {to: summit, type: leads, since: 2024-06-01, until: 2024-05-31}\n---\n",
        ),
    ]);
    let stderr = fixture.fail(&["build"]);
    for expected in [
        "content/articles/a.md:4:10: error: `updated` (2024-05) is before `date` (2024-06-19)",
        "content/entities/summit.md:5:6: error: `end` (2023) is before `date` (2024-06-19)",
        "content/entities/a.md:6:57: error: relation to `summit`: `until` (2024-05-31) is before `since` (2024-06-01)",
    ] {
        assert!(stderr.contains(expected), "{expected}\nnot in:\n{stderr}");
    }
    // A month or a year lasts to its end: not before a day within it.
    let fine = Fixture::new(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-06-19\nupdated: 2024-06\n---\nText.\n",
    )]);
    fine.build();
}

#[test]
fn an_end_on_the_day_it_starts_is_one_day_not_a_span() {
    let fixture = Fixture::new(&[
        (
            "content/entities/vote.md",
            "---\nname: Vote\ntype: event\ndate: 2024-03-12\nend: 2024-03-12\nrelations:\n  - {to: bill, type: passes, since: 2024-03, until: 2024-03}\n---\n",
        ),
        (
            "content/entities/bill.md",
            "---\nname: Bill\ntype: document\n---\n",
        ),
    ]);
    let site = fixture.build();
    let vote = site.page("entities/vote/index.html");
    assert_eq!(vote.text_of(".dates"), "Dates: 12 March 2024");
    let timeline = site.timeline();
    assert_eq!(
        texts_across(&timeline, ".timeline li"),
        ["March 2024 Vote passes Bill", "12 March 2024 Vote Event"]
    );
}
