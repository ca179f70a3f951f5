//! Bad input: every class of mistake a user can make in a file's front
//! matter or in dossier.yaml is reported with exit status 1, at its
//! `file:line:`, with a useful message, and nothing is written; errors of
//! several files and stages come together in one run, and a failed build
//! keeps the previous output. A wrong command line exits 2.
//! `bad_references.rs` has the references between files.

mod common;

use std::fs;

use common::bad_input::{
    ARTICLE, KIM, PUTIN, assert_no_leftovers, assert_nothing_written, fail_build,
};
use common::{Fixture, assert_says};

#[test]
fn malformed_yaml() {
    let stderr = fail_build(&[(
        "content/articles/a.md",
        "---\ntitle: A\n  date: 2024-01-01\n---\nBody\n",
    )]);
    assert_says(&stderr, &["content/articles/a.md:3:", "mapping values"]);
    assert_says(&stderr, &["1 error; nothing was written"]);
}

#[test]
fn missing_front_matter() {
    let stderr = fail_build(&[("content/articles/a.md", "title: A\n\nBody\n")]);
    assert_says(
        &stderr,
        &["content/articles/a.md:1:", "missing front matter", "`---`"],
    );
}

#[test]
fn unclosed_front_matter() {
    let stderr = fail_build(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-01-01\nBody\n",
    )]);
    assert_says(
        &stderr,
        &["content/articles/a.md:1:", "unclosed front matter"],
    );
}

#[test]
fn empty_file() {
    let stderr = fail_build(&[("content/articles/a.md", "")]);
    assert_says(&stderr, &["content/articles/a.md:1:", "empty file"]);
}

#[test]
fn file_not_utf8() {
    let fixture = Fixture::new(&[]);
    fixture.write_bytes(
        "content/articles/a.md",
        b"---\ntitle: A\ndate: 2024-01-01\n---\nCaf\xe9 au lait\n",
    );
    let stderr = fixture.fail(&["build"]);
    assert_nothing_written(&fixture);
    assert_says(
        &stderr,
        &["content/articles/a.md:5:4:", "not valid UTF-8", "UTF-8"],
    );
}

#[test]
fn missing_required_keys() {
    let stderr = fail_build(&[
        (
            "content/articles/a.md",
            "---\ndate: 2024-01-01\n---\nBody\n",
        ),
        ("content/articles/b.md", "---\ntitle: B\n---\nBody\n"),
        ("content/entities/x.md", "---\ntype: person\n---\n"),
        ("content/entities/y.md", "---\nname: Y\n---\n"),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:1:1: error: missing required key `title`",
            "content/articles/b.md:1:1: error: missing required key `date`",
            "content/entities/x.md:1:1: error: missing required key `name`",
            "content/entities/y.md:1:1: error: missing required key `type`",
            "4 errors; nothing was written",
        ],
    );
}

/// The missing key's name appearing inside another value (`update` contains
/// `date`) must not move the error onto that value's line.
#[test]
fn missing_key_is_not_placed_on_a_value_containing_its_name() {
    let stderr = fail_build(&[
        (
            "content/articles/a.md",
            "---\ntitle: Sanctions update\n---\nBody\n",
        ),
        (
            "content/entities/x.md",
            "---\nname: X\nsummary: a type of thing\n---\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:1:1: error: missing required key `date`",
            "content/entities/x.md:1:1: error: missing required key `type`",
        ],
    );
}

#[test]
fn key_of_wrong_type() {
    let stderr = fail_build(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-01-01\ntags: {a: b}\n---\nBody\n",
    )]);
    assert_says(
        &stderr,
        &["content/articles/a.md:4:", "wrong type", "`tags`", "map"],
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    let stderr = fail_build(&[
        ("content/entities/vladimir-putin.md", PUTIN),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nentites: [vladimir-putin]\n---\nBody\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:4:1: error: unknown key `entites`",
            "did you mean `entities`?",
        ],
    );
}

#[test]
fn invalid_date() {
    let stderr = fail_build(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-13-45\n---\nBody\n",
    )]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:3:",
            "invalid date `2024-13-45`",
            "YYYY-MM-DD",
        ],
    );
}

#[test]
fn slug_outside_the_allowed_characters() {
    let stderr = fail_build(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-01-01\nslug: ../../etc\n---\nBody\n",
    )]);
    assert_says(
        &stderr,
        &["content/articles/a.md:4:", "invalid slug `../../etc`"],
    );
}

#[test]
fn several_errors_in_several_files_reported_together() {
    let stderr = fail_build(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\n  date: 2024-01-01\n---\nBody\n",
        ),
        (
            "content/articles/b.md",
            "---\ntitle: B\ndate: 2024-01-01\nentites: []\n---\nBody\n",
        ),
        (
            "content/articles/c.md",
            "---\ntitle: C\ndate: 2024-02-30\n---\nBody\n",
        ),
        ("content/entities/x.md", "---\nname: X\n---\n"),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:3:",
            "content/articles/b.md:4:",
            "content/articles/c.md:3:",
            "content/entities/x.md:1:",
            "4 errors; nothing was written",
        ],
    );
}

#[test]
fn invalid_config() {
    let stderr = fail_build(&[
        ("dossier.yaml", "title: T\nautolink: sometimes\n"),
        ("content/articles/a.md", ARTICLE),
    ]);
    assert_says(&stderr, &["dossier.yaml:2:", "autolink", "`sometimes`"]);

    let stderr = fail_build(&[
        (
            "dossier.yaml",
            "title: T\nlanguage: en\nbase_ulr: https://x.org/\n",
        ),
        ("content/articles/a.md", ARTICLE),
    ]);
    assert_says(
        &stderr,
        &[
            "dossier.yaml:3:1: error: unknown key `base_ulr`",
            "did you mean `base_url`?",
        ],
    );
}

#[test]
fn crlf_and_bom_are_accepted() {
    let fixture = Fixture::new(&[
        ("dossier.yaml", "\u{feff}title: T\r\nautolink: all\r\n"),
        (
            "content/entities/vladimir-putin.md",
            "\u{feff}---\r\nname: Vladimir Putin\r\ntype: person\r\n---\r\nPresident.\r\n",
        ),
        (
            "content/articles/a.md",
            "\u{feff}---\r\ntitle: Crlf\r\ndate: 2024-01-01\r\n---\r\nThen Vladimir\r\nPutin spoke.\r\n",
        ),
        ("content/pages/about.md", "---\r\ntitle: About\r\n---\r\n"),
    ]);
    let site = fixture.build();
    let page = site.page("articles/a/index.html");
    assert_eq!(page.text_of("h1"), "Crlf");
    // The name is found across the CRLF line break.
    assert_eq!(
        page.attrs("a.mention", "href"),
        ["../../entities/vladimir-putin/index.html"]
    );
    assert!(site.exists("about/index.html"));
}

/// CRLF line ends and a BOM do not shift the reported position.
#[test]
fn crlf_and_bom_errors_have_the_right_place() {
    let stderr = fail_build(&[(
        "content/articles/a.md",
        "\u{feff}---\r\ntitle: A\r\ndate: 2024-01-01\r\nentites: []\r\n---\r\nBody\r\n",
    )]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:4:1: error: unknown key `entites`",
            "\n 4 | entites: []\n",
        ],
    );
}

#[test]
fn check_fails_on_the_same_errors_and_writes_nothing() {
    let fixture = Fixture::new(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-13-45\n---\nBody\n",
    )]);
    let stderr = fixture.fail(&["check"]);
    assert_nothing_written(&fixture);
    assert_says(
        &stderr,
        &["content/articles/a.md:3:", "invalid date `2024-13-45`"],
    );
}

#[test]
fn failed_build_keeps_the_previous_output() {
    let fixture = Fixture::new(&[
        ("content/entities/vladimir-putin.md", PUTIN),
        ("content/articles/a.md", ARTICLE),
    ]);
    let site = fixture.build();
    let before = fs::read(site.root.join("index.html")).expect("index written");
    let files_before = site.files();

    fixture.write(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-01-01\n---\nBody with [[vladimir-putn]].\n",
    );
    let stderr = fixture.fail(&["build"]);
    assert_says(&stderr, &["content/articles/a.md:5:11:"]);
    let after = fs::read(site.root.join("index.html")).expect("index still there");
    assert!(before == after, "public/index.html changed");
    assert_eq!(site.files(), files_before);
    assert_no_leftovers(&fixture);

    // `check` does not touch it either.
    fixture.fail(&["check"]);
    assert_eq!(
        fs::read(site.root.join("index.html")).expect("index"),
        before
    );
    assert_no_leftovers(&fixture);
}

#[test]
fn wrong_command_line_exits_2() {
    let fixture = Fixture::new(&[("content/articles/a.md", ARTICLE)]);
    for args in [&["build", "--nonsense"][..], &["frobnicate"], &[]] {
        let output = fixture.run(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_nothing_written(&fixture);
    }
}

#[test]
fn errors_of_every_stage_are_reported_in_one_run() {
    // A YAML error in one file does not hide an unknown wikilink in another.
    let stderr = fail_build(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: nope\n---\nBody\n",
        ),
        (
            "content/articles/b.md",
            "---\ntitle: B\ndate: 2024-01-01\n---\nSee [[nobody]].\n",
        ),
        ("content/entities/vladimir-putin.md", PUTIN),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:3:",
            "content/articles/b.md:5:5:",
            "[[nobody]]",
            "2 errors",
        ],
    );
}

#[test]
fn hints_fit_the_place_of_the_mistake() {
    // `source` has no `extra`: the hint must not offer it; dossier.yaml has
    // one.
    let stderr = fail_build(&[
        ("dossier.yaml", "langauge: fr\n"),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nsource:\n  archiv: https://a.org\n---\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "dossier.yaml:1:1:",
            "did you mean `language`?; custom data goes under `extra`",
            "content/articles/a.md:5:3:",
            "did you mean `archive`?\n",
        ],
    );
    assert_eq!(stderr.matches("extra").count(), 1, "{stderr}");
    // A relation source with a typo gets the nearest article slug.
    let stderr = fail_build(&[
        ("content/articles/treaty.md", ARTICLE),
        ("content/entities/kim-jong-un.md", KIM),
        (
            "content/entities/vladimir-putin.md",
            "---\nname: Vladimir Putin\ntype: person\nrelations: [{to: kim-jong-un, type: ally, source: traety}]\n---\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/entities/vladimir-putin.md:4:",
            "did you mean `treaty`?",
        ],
    );
}

#[test]
fn building_into_the_dossier_itself_is_refused() {
    let fixture = Fixture::new(&[("content/articles/a.md", ARTICLE)]);
    let root = fixture.root().to_string_lossy().into_owned();
    let stderr = fixture.fail(&["build", "--output-dir", &root]);
    assert_says(&stderr, &["holds the dossier itself"]);
    assert!(
        fixture.root().join("content/articles/a.md").exists(),
        "the dossier was deleted"
    );
    let parent = fixture.root().join("..").to_string_lossy().into_owned();
    fixture.fail(&["build", "--output-dir", &parent]);
    assert!(
        fixture.root().join("content/articles/a.md").exists(),
        "the dossier was deleted"
    );
}
