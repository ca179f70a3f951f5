//! `dossier suggest`: the names that no entity covers, on English and
//! French text written for the test; `--write` makes entity files that
//! the next build links, and never overwrites one.

mod common;

use std::process::Output;

use common::Fixture;

const PUTIN: &str = "---
name: Vladimir Putin
type: person
aliases: [Putin, Poutine]
---
";

const RUSSIA: &str = "---
name: Russia
type: country
aliases: [Russie]
---
";

const SUMMIT: &str = "---
title: Putin and Kim meet in Pyongyang
date: 2024-06-19
---
Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un, his first \
visit to North Korea in 24 years. The Kremlin said the two leaders would sign a treaty.

Officials in Seoul said the visit worried the analysts of the Bank of England less than it \
worried NATO. Kim Jong Un's guards lined the streets of Pyongyang. According to the Korean \
Central News Agency, the talks lasted nine hours.

In June, President Yoon Suk Yeol asked NATO for help. Kremlin officials did not answer. \
Putin's spokesman, Dmitry Peskov, said Russia would respect the \
[United Nations](https://un.org) charter. See also `Pyongyang Times`.
";

const TRAITE: &str = "---
title: Le traité
date: 2024-06-20
---
Mercredi, Poutine et Kim Jong-un ont signé un traité à Pyongyang. Selon l'OTAN, la Corée \
du Nord fournit des obus à la Russie. La Banque de France n'a pas commenté.

Le ministre Jean-Yves Le Drian a rappelé que la Corée du Nord reste sous sanctions de \
l'ONU. Pour l'OTAN, c'est « un tournant ». Les analystes de la Banque de France restent \
prudents.
";

fn fixture() -> Fixture {
    Fixture::new(&[
        ("dossier.yaml", "title: Test\nlanguage: en\n"),
        ("content/entities/vladimir-putin.md", PUTIN),
        ("content/entities/russia.md", RUSSIA),
        ("content/articles/2024/summit.md", SUMMIT),
        ("content/articles/2024/traite.md", TRAITE),
    ])
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// One line of the table: count, name, number of articles, articles.
#[derive(Debug, PartialEq)]
struct Row {
    count: usize,
    name: String,
    articles: usize,
    shown: String,
}

/// Runs `dossier suggest <args…>`, asserting success, and reads its table.
fn suggest(fixture: &Fixture, args: &[&str]) -> Vec<Row> {
    let mut all = vec!["suggest"];
    all.extend_from_slice(args);
    let output = fixture.run(&all);
    assert!(
        output.status.success(),
        "suggest failed: {}",
        stderr(&output)
    );
    let text = stdout(&output);
    let mut lines = text.lines();
    if let Some(header) = lines.next() {
        let header: Vec<&str> = header.split_whitespace().collect();
        assert_eq!(header, ["count", "name", "articles", "in"]);
    }
    lines
        .map(|line| {
            // Columns are set apart by two spaces or more; a name has single ones.
            let cells: Vec<&str> = line
                .split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            assert_eq!(cells.len(), 4, "{line}");
            Row {
                count: cells[0].parse().expect("a count"),
                name: cells[1].to_string(),
                articles: cells[2].parse().expect("a number of articles"),
                shown: cells[3].to_string(),
            }
        })
        .collect()
}

fn names(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

fn row<'r>(rows: &'r [Row], name: &str) -> &'r Row {
    rows.iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("`{name}` is not listed: {:?}", names(rows)))
}

#[test]
fn lists_uncovered_names_with_counts_most_written_first() {
    let fixture = fixture();
    let rows = suggest(&fixture, &[]);
    // (name, count, articles, articles shown)
    let expected = [
        // `Kim Jong-un` is a spelling of `Kim Jong Un`; `Kim Jong Un's` too.
        ("Kim Jong Un", 3, 2, "summit, traite"),
        // Found in both articles; not in code, nor in a link's text.
        ("Pyongyang", 3, 2, "summit, traite"),
        ("Corée du Nord", 2, 1, "traite"),
        ("Banque de France", 2, 1, "traite"),
        // An acronym, after an elision: `l'OTAN`.
        ("OTAN", 2, 1, "traite"),
        ("NATO", 2, 1, "summit"),
        ("ONU", 1, 1, "traite"),
        // `The Kremlin`, and once at the start of a sentence.
        ("Kremlin", 2, 1, "summit"),
        ("Bank of England", 1, 1, "summit"),
        ("Jean-Yves Le Drian", 1, 1, "traite"),
        ("Korean Central News Agency", 1, 1, "summit"),
        // After a title (`President`), and between commas.
        ("Yoon Suk Yeol", 1, 1, "summit"),
        ("Dmitry Peskov", 1, 1, "summit"),
    ];
    for (name, count, articles, shown) in expected {
        let found = row(&rows, name);
        assert_eq!(
            (found.count, found.articles, found.shown.as_str()),
            (count, articles, shown),
            "{name}"
        );
    }
    let listed = names(&rows);
    for covered_or_common in [
        "Vladimir Putin",
        "Putin",
        "Poutine",
        "Russia",
        "Russie",
        "United Nations",
        "Pyongyang Times",
        "Mercredi",
        "Wednesday",
        "June",
        "Selon",
        "The",
        "Officials",
        "According",
        "Le",
        "La",
        "Les",
        "Pour",
        "President",
    ] {
        assert!(
            !listed.contains(&covered_or_common),
            "`{covered_or_common}` is listed: {listed:?}"
        );
    }
    assert_eq!(rows.len(), 15, "{listed:?}");
    // Most written first; ties by number of articles, then by name.
    for pair in rows.windows(2) {
        let order = (pair[1].count, pair[1].articles).cmp(&(pair[0].count, pair[0].articles));
        assert!(order.is_le(), "{pair:?}");
    }
    assert_eq!(listed[..2], ["Kim Jong Un", "Pyongyang"]);
    // The same output every time.
    let again = fixture.run(&["suggest"]);
    assert_eq!(stdout(&again), stdout(&fixture.run(&["suggest"])));
    assert!(
        stderr(&again).contains("15 names that no entity covers in 2 articles"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn reads_only_the_articles_named_by_slug_or_file() {
    let fixture = fixture();
    let rows = suggest(&fixture, &["traite"]);
    assert!(names(&rows).contains(&"Banque de France"));
    assert!(!names(&rows).contains(&"Bank of England"));
    assert_eq!(row(&rows, "Pyongyang").count, 1);
    let file = fixture.root().join("content/articles/2024/summit.md");
    let rows = suggest(&fixture, &[file.to_str().expect("UTF-8 path")]);
    assert!(names(&rows).contains(&"Bank of England"));
    assert!(!names(&rows).contains(&"Banque de France"));
    // A file relative to the dossier's folder.
    let rows = suggest(&fixture, &["content/articles/2024/traite.md"]);
    assert!(names(&rows).contains(&"Corée du Nord"));

    let output = fixture.run(&["suggest", "traites"]);
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    assert!(
        error.contains("traites: error: no article has this slug or file"),
        "{error}"
    );
    assert!(error.contains("did you mean `traite`?"), "{error}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn limits_the_list_by_count_and_rank() {
    let fixture = fixture();
    let rows = suggest(&fixture, &["--min-count", "2"]);
    assert_eq!(rows.len(), 7, "{:?}", names(&rows));
    assert!(rows.iter().all(|r| r.count >= 2));
    let rows = suggest(&fixture, &["--top", "3"]);
    assert_eq!(
        names(&rows),
        ["Kim Jong Un", "Pyongyang", "Banque de France"]
    );
}

#[test]
fn written_entities_are_linked_by_the_next_build_and_no_longer_suggested() {
    let fixture = fixture();
    let output = fixture.run(&[
        "suggest",
        "--write",
        "kim jong-un",
        "--write",
        "OTAN",
        "--write",
        "Banque de France",
        "--write",
        "Kremlin",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    let root = fixture.root().to_string_lossy().into_owned();
    let expected: Vec<String> = ["kim-jong-un", "otan", "banque-de-france", "kremlin"]
        .iter()
        .map(|id| format!("{root}/content/entities/{id}.md"))
        .collect();
    assert_eq!(written, expected);
    assert!(
        stderr(&output).contains("wrote 4 entity files"),
        "{}",
        stderr(&output)
    );

    let kim = fixture.text("content/entities/kim-jong-un.md");
    assert!(
        kim.starts_with("---\nname: Kim Jong Un\ntype: person  #"),
        "{kim}"
    );
    assert!(kim.contains("\naliases:\n  - Kim Jong-un\n"), "{kim}");
    let otan = fixture.text("content/entities/otan.md");
    assert!(otan.contains("\ntype: organization  #"), "{otan}");
    let bank = fixture.text("content/entities/banque-de-france.md");
    assert!(bank.contains("\ntype: organization  #"), "{bank}");
    // No clue to its type: left for the user, and the dossier still builds.
    let kremlin = fixture.text("content/entities/kremlin.md");
    assert!(
        kremlin.contains("\ntype: unsorted  # not guessed"),
        "{kremlin}"
    );

    let site = fixture.build();
    let article = site.page("articles/traite/index.html");
    let links = article.attrs("a.mention", "href");
    for id in ["kim-jong-un", "otan", "banque-de-france"] {
        let target = format!("../../entities/{id}/index.html");
        assert!(links.contains(&target), "{id} not linked: {links:?}");
    }
    let entity = site.page("entities/kim-jong-un/index.html");
    assert_eq!(entity.text_of("h1"), "Kim Jong Un");

    let rows = suggest(&fixture, &[]);
    let listed = names(&rows);
    for gone in ["Kim Jong Un", "OTAN", "Banque de France", "Kremlin"] {
        assert!(!listed.contains(&gone), "`{gone}` is still listed");
    }
    assert!(listed.contains(&"Pyongyang"));
    assert_eq!(rows.len(), 11, "{listed:?}");
}

#[test]
fn never_overwrites_and_writes_all_or_nothing() {
    let fixture = fixture();
    // A file with Pyongyang's id, whose names do not cover `Pyongyang`.
    let own = "---\nname: Pyongyang City\ntype: place\n---\nMy notes.\n";
    fixture.write("content/entities/places/pyongyang.md", own);
    let output = fixture.run(&["suggest", "--write", "OTAN", "--write", "Pyongyang"]);
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    assert!(
        error.contains(
            "content/entities/places/pyongyang.md: error: this entity has the id that \
             `Pyongyang` makes, but none of its names is `Pyongyang`"
        ),
        "{error}"
    );
    assert!(
        error.contains("add `Pyongyang` to its `aliases` if it is the same entity"),
        "{error}"
    );
    assert!(error.contains("nothing was written"), "{error}");
    assert!(stdout(&output).is_empty());
    assert_eq!(fixture.text("content/entities/places/pyongyang.md"), own);
    assert!(!fixture.exists("content/entities/otan.md"));

    // A name that is not suggested: nothing written, and a clue.
    let output = fixture.run(&["suggest", "--write", "OTAN", "--write", "Banque de Frnace"]);
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    assert!(error.contains("`Banque de Frnace` is not among"), "{error}");
    assert!(
        error.contains("did you mean `Banque de France`?"),
        "{error}"
    );
    assert!(!fixture.exists("content/entities/otan.md"));

    // Once written, a second write of the same name finds it covered.
    let output = fixture.run(&["suggest", "--write", "OTAN"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = fixture.text("content/entities/otan.md");
    let output = fixture.run(&["suggest", "--write", "OTAN"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fixture.text("content/entities/otan.md"), first);
}

#[test]
fn write_all_writes_what_is_listed() {
    let fixture = fixture();
    let listed = suggest(&fixture, &["--min-count", "2"]);
    let output = fixture.run(&["suggest", "--min-count", "2", "--write-all"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), listed.len());
    fixture.build();
    assert!(suggest(&fixture, &["--min-count", "2"]).is_empty());
    // What was written once is not guessed again.
    let rows = suggest(&fixture, &[]);
    assert!(rows.iter().all(|r| r.count == 1), "{:?}", names(&rows));
    let output = fixture.run(&["suggest", "--min-count", "2", "--write-all"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("nothing to write"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_dossier_with_errors_suggests_nothing() {
    let fixture = fixture();
    fixture.write(
        "content/articles/2024/broken.md",
        "---\ntitle: Broken\ndate: 2024-06-21\n---\nSee [[nobody]].\n",
    );
    let output = fixture.run(&["suggest"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("wikilink `[[nobody]]` names no entity"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn spellings_are_counted_together_and_only_those_the_finder_needs_become_aliases() {
    let fixture = Fixture::new(&[
        ("dossier.yaml", "title: Test\nlanguage: fr\n"),
        (
            "content/articles/2024/banque.md",
            "---\ntitle: Banque\ndate: 2024-07-01\n---\n\
             Le gouverneur de la Banque de France a parlé. Les économistes de la Banque De \
             France doutent, comme ceux de la Banque de France en 2023. La Coree du Nord \
             n'a pas répondu ; la Corée du Nord se tait, et la Corée-du-Nord aussi.\n",
        ),
    ]);
    let rows = suggest(&fixture, &[]);
    assert_eq!(row(&rows, "Banque de France").count, 3);
    assert_eq!(row(&rows, "Corée du Nord").count, 3);
    assert_eq!(rows.len(), 2, "{:?}", names(&rows));
    let output = fixture.run(&[
        "suggest",
        "--write",
        "banque de france",
        "--write",
        "coree du nord",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bank = fixture.text("content/entities/banque-de-france.md");
    assert!(
        bank.contains("\naliases:\n  - Banque De France\n# summary"),
        "{bank}"
    );
    // Without its accent, `accents: optional` finds it: only the hyphens
    // make an alias.
    let korea = fixture.text("content/entities/coree-du-nord.md");
    assert!(
        korea.contains("\naliases:\n  - Corée-du-Nord\n# summary"),
        "{korea}"
    );
    fixture.build();
    assert!(suggest(&fixture, &[]).is_empty());
}

#[test]
fn a_name_that_starts_with_a_common_word_keeps_it_where_it_is_written_so_elsewhere() {
    let fixture = Fixture::new(&[
        ("dossier.yaml", "title: Test\nlanguage: fr\n"),
        (
            "content/articles/2024/presse.md",
            "---\ntitle: Presse\ndate: 2024-07-02\n---\n\
             Le Monde a révélé l'affaire. Selon Le Monde, les plongeurs venaient de Rennes. \
             La Croix n'en dit rien. Le Figaro se tait.\n",
        ),
    ]);
    let rows = suggest(&fixture, &[]);
    // Written inside a sentence once: both count as `Le Monde`.
    assert_eq!(row(&rows, "Le Monde").count, 2);
    // Only ever at the start of a sentence: the article is left out.
    assert_eq!(row(&rows, "Croix").count, 1);
    assert_eq!(row(&rows, "Figaro").count, 1);
    assert!(!names(&rows).contains(&"Monde"), "{:?}", names(&rows));
}
