//! Mistakes that used to pass without a word, or with the wrong hint: a
//! type that is a built-in one misspelt, a `base_url` without its scheme,
//! a key written twice, a swapped pair of letters.

mod common;

use common::{Fixture, assert_says};

const ARTICLE: &str = "---\ntitle: A\ndate: 2024-01-01\n---\nBody\n";

#[test]
fn a_type_close_to_a_built_in_one_is_a_warning_with_the_right_word() {
    let fixture = Fixture::new(&[
        ("content/articles/a.md", ARTICLE),
        (
            "content/entities/un.md",
            "---\nname: United Nations\ntype: organisation\n---\n",
        ),
        (
            "content/entities/kim.md",
            "---\nname: Kim\ntype: people\n---\n",
        ),
        (
            "content/entities/ship.md",
            "---\nname: Ship\ntype: ship\n---\n",
        ),
    ]);
    let site = fixture.build();
    assert_says(
        &site.stderr,
        &[
            "content/entities/un.md:3:7: warning: type `organisation` is not a built-in type",
            "did you mean `organization`?",
            "content/entities/kim.md:3:7: warning: type `people`",
            "did you mean `person`?",
        ],
    );
    assert!(!site.stderr.contains("`ship`"), "{}", site.stderr);
}

#[test]
fn base_url_without_its_scheme_is_an_error_that_writes_it() {
    let fixture = Fixture::new(&[
        (
            "dossier.yaml",
            "title: T\nbase_url: jdoe.github.io/nordstream\n",
        ),
        ("content/articles/a.md", ARTICLE),
    ]);
    let stderr = fixture.fail(&["build"]);
    assert_says(
        &stderr,
        &[
            "dossier.yaml:2:1: error: invalid `base_url` `jdoe.github.io/nordstream`",
            "= help: write `https://jdoe.github.io/nordstream`",
        ],
    );
    let output = fixture.run(&["build", "--base-url", "example.org"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn repo_url_without_its_scheme_is_an_error_and_says_nothing_of_base_url() {
    let fixture = Fixture::new(&[
        (
            "dossier.yaml",
            "title: T\nbase_url: https://jdoe.github.io/sea/\nrepo_url: github.com/jdoe/sea\n",
        ),
        ("content/articles/a.md", ARTICLE),
    ]);
    let stderr = fixture.fail(&["build"]);
    assert_says(
        &stderr,
        &[
            "dossier.yaml:3:1: error: invalid `repo_url` `github.com/jdoe/sea`",
            "= help: write `https://github.com/jdoe/sea`",
        ],
    );
    // The settings could not be read: a warning about their defaults
    // would contradict what the file says.
    assert!(!stderr.contains("no `base_url`"), "{stderr}");
}

#[test]
fn a_repeated_key_is_reported_at_its_second_line() {
    let fixture = Fixture::new(&[
        (
            "dossier.yaml",
            "title: T\nlanguage: en\ndescription: d\ntitle: U\n",
        ),
        ("content/articles/a.md", ARTICLE),
    ]);
    let stderr = fixture.fail(&["check"]);
    assert_says(
        &stderr,
        &[
            "dossier.yaml:4:1: error: key `title` is written twice",
            "= help: keep one",
        ],
    );
}

#[test]
fn swapped_letters_suggest_the_key_meant() {
    let fixture = Fixture::new(&[(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-01-01\nannotations:\n  - qoute: Body\n    note: n\n---\nBody\n",
    )]);
    let stderr = fixture.fail(&["check"]);
    assert_says(
        &stderr,
        &[
            "unknown key `qoute` in annotation 1",
            "did you mean `quote`?",
        ],
    );
}

#[test]
fn yaml_syntax_errors_say_what_to_write_at_the_culprit() {
    for (line, place, help) in [
        (
            "title: Reuters: Two more lines damaged",
            "a.md:2:15: error: a value with `: ` in it must be quoted",
            "= help: quote the value: `title: \"Reuters: Two more lines damaged\"`",
        ),
        (
            "title: 'it's over'",
            "a.md:2:11: error: a `'` inside a value quoted with `'` ends it",
            "= help: write `title: 'it''s over'` or `title: \"it's over\"`",
        ),
        (
            "title: T\n\tsummary: x",
            "a.md:3:1: error: a tab in the indentation",
            "= help: indent with spaces, not tabs",
        ),
        (
            "title: T\ntags: [a, b",
            "a.md:3:7: error: `[` is not closed",
            "= help: close it on the same line: `tags: [a, b]`",
        ),
        (
            "title: T\nsummary: @home",
            "a.md:3:10: error: a value cannot start with `@`",
            "= help: quote the value: `summary: \"@home\"`",
        ),
    ] {
        let fixture = Fixture::new(&[(
            "content/articles/a.md",
            &format!("---\n{line}\ndate: 2024-01-01\n---\nBody\n"),
        )]);
        let stderr = fixture.fail(&["check"]);
        assert_says(&stderr, &[place, help]);
    }
}

#[test]
fn a_hash_that_cuts_a_prose_value_is_a_warning_with_the_quoted_line() {
    let fixture = Fixture::new(&[(
        "content/articles/a.md",
        "---\ntitle: Issue #3 of the report\ndate: 2024-01-01 # the day it came out\nsummary: #MeToo in France\n---\nBody\n",
    )]);
    let site = fixture.build();
    assert_says(
        &site.stderr,
        &[
            "content/articles/a.md:2:14: warning: `title` reads `Issue`: in YAML, `#` after a space starts a comment",
            "help: quote the value: `title: \"Issue #3 of the report\"`",
            "content/articles/a.md:4:10: warning: `summary` is empty",
            "help: quote the value: `summary: \"#MeToo in France\"`",
        ],
    );
    // A comment after a date is the writer's own.
    assert!(!site.stderr.contains(":3:"), "{}", site.stderr);
    // And the page shows what YAML read, as the warning says.
    assert_eq!(site.page("articles/a/index.html").texts("h1"), ["Issue"]);
}

#[test]
fn a_hash_that_cuts_a_setting_is_a_warning_too() {
    let fixture = Fixture::new(&[
        (
            "dossier.yaml",
            "title: Dossier #3\nauthor: Claire #Martin\nlanguage: fr # the interface\n",
        ),
        ("content/articles/a.md", ARTICLE),
    ]);
    let site = fixture.build();
    assert_says(
        &site.stderr,
        &[
            "dossier.yaml:1:16: warning: `title` reads `Dossier`",
            "dossier.yaml:2:16: warning: `author` reads `Claire`",
            "help: quote the value: `author: \"Claire #Martin\"`",
        ],
    );
    assert!(!site.stderr.contains("dossier.yaml:3:"), "{}", site.stderr);
}

#[test]
fn an_empty_site_title_is_an_error_at_its_value() {
    let fixture = Fixture::new(&[
        ("dossier.yaml", "language: fr\ntitle: \"\"\n"),
        ("content/articles/a.md", ARTICLE),
    ]);
    let stderr = fixture.fail(&["check"]);
    assert_says(
        &stderr,
        &[
            "dossier.yaml:2:8: error: `title` is empty",
            "= help: write the site's title, or remove the line to keep `Dossier`",
        ],
    );
}
