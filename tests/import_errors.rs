//! `dossier import` when a source must not become an article: a page with
//! no article (exit status 1, the others still imported), a source already
//! in the dossier (same bytes or same address), a folder that is not a
//! dossier; no file ever overwritten; and `check` finding an imported
//! original changed, missing, or not saying what a note quotes.

mod common;

use common::import::{ENGLISH, dossier, import, stderr, stdout_lines};
use common::{Fixture, assert_says};

#[test]
fn a_page_without_an_article_exits_1_and_the_others_are_imported() {
    let fixture = dossier();
    fixture.write(
        "menu.html",
        "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>",
    );
    fixture.write("good.html", ENGLISH);
    let menu = fixture.root().join("menu.html");
    let good = fixture.root().join("good.html");
    let missing = fixture.root().join("missing.html");
    let output = import(
        &fixture,
        &[
            menu.to_str().expect("UTF-8"),
            good.to_str().expect("UTF-8"),
            missing.to_str().expect("UTF-8"),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_lines(&output).len(), 1, "only the good page");
    let report = stderr(&output);
    assert_says(
        &report,
        &[
            "menu.html: error: no article: ",
            "missing.html: error: cannot read it",
            "2 of 3 sources not imported",
        ],
    );
    // Nothing of the refused page was kept.
    let originals: Vec<_> = walkdir::WalkDir::new(fixture.root().join("sources"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(originals.len(), 1);
}

#[test]
fn duplicates_and_no_overwrite() {
    let fixture = dossier();
    fixture.write("a.html", ENGLISH);
    let page = fixture.root().join("a.html");
    let page = page.to_str().expect("UTF-8");
    assert_eq!(import(&fixture, &[page], "").status.code(), Some(0));
    // The same bytes under another name.
    fixture.write("copy.html", ENGLISH);
    let copy = fixture.root().join("copy.html");
    let again = import(&fixture, &[page, copy.to_str().expect("UTF-8")], "");
    assert_eq!(again.status.code(), Some(1));
    assert!(again.stdout.is_empty());
    assert_says(
        &stderr(&again),
        &[
            "already imported, as content/articles/2024/putin-and-kim-sign-a-defence-pact.md (the same SHA-256)",
        ],
    );
    // Another page with the same canonical address.
    fixture.write(
        "changed.html",
        &ENGLISH.replace("Wednesday", "Wednesday morning"),
    );
    let changed = fixture.root().join("changed.html");
    let output = import(&fixture, &[changed.to_str().expect("UTF-8")], "");
    assert_eq!(output.status.code(), Some(1));
    assert_says(&stderr(&output), &["(the same address)"]);
    // Another article with the same title: a new name, nothing replaced.
    let other = ENGLISH
        .replace("treaty-signed", "another")
        .replace("Wednesday", "Thursday");
    fixture.write("other.html", &other);
    let before = fixture.text("content/articles/2024/putin-and-kim-sign-a-defence-pact.md");
    let output = import(
        &fixture,
        &[fixture.root().join("other.html").to_str().expect("UTF-8")],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let [second] = &stdout_lines(&output)[..] else {
        panic!("one path: {output:?}");
    };
    assert!(second.ends_with("content/articles/2024/putin-and-kim-sign-a-defence-pact-2.md"));
    assert_eq!(
        fixture.text("content/articles/2024/putin-and-kim-sign-a-defence-pact.md"),
        before
    );
    assert!(fixture.exists("sources/2024/putin-and-kim-sign-a-defence-pact-2.html"));
}

#[test]
fn refuses_a_folder_that_is_not_a_dossier() {
    let fixture = Fixture::new(&[("notes/x.txt", "x")]);
    let output = import(&fixture, &["-"], "Title\n\nSome text here.\n");
    assert_eq!(output.status.code(), Some(1));
    assert_says(&stderr(&output), &["not a dossier"]);
    assert!(!fixture.exists("content") && !fixture.exists("sources"));
}

#[test]
fn check_finds_a_changed_original_and_a_quote_not_in_it() {
    let fixture = dossier();
    fixture.write("a.html", ENGLISH);
    let output = import(
        &fixture,
        &[fixture.root().join("a.html").to_str().expect("UTF-8")],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = "content/articles/2024/putin-and-kim-sign-a-defence-pact.md";
    let text = fixture.text(path);
    // A note on a passage the original has, one on a passage edited after
    // import, and the edit itself.
    let noted = text
        .replace("\n---\n", "\nannotations:\n  - quote: met Kim Jong Un in Pyongyang\n    note: Their second meeting.\n  - quote: help the other at once\n    note: Added here.\n---\n")
        .replace("help the other if", "help the other at once if");
    fixture.write(path, &noted);
    let checked = fixture.run(&["check"]);
    let report = stderr(&checked);
    assert!(checked.status.success(), "{report}");
    assert_says(
        &report,
        &[
            "warning: annotation 2: the quote is not in the original `sources/2024/putin-and-kim-sign-a-defence-pact.html`",
        ],
    );
    assert!(!report.contains("annotation 1:"), "{report}");
    // The original changed: an error at the `sha256` line.
    let sha_line = noted
        .lines()
        .position(|l| l.trim_start().starts_with("sha256:"))
        .expect("sha256 line")
        + 1;
    fixture.write(
        "sources/2024/putin-and-kim-sign-a-defence-pact.html",
        &ENGLISH.replace("Wednesday", "Tuesday"),
    );
    let stderr = fixture.fail(&["check"]);
    assert_says(
        &stderr,
        &[
            &format!("{path}:{sha_line}:"),
            "error: the original `sources/2024/putin-and-kim-sign-a-defence-pact.html` has changed since it was imported",
            "git checkout -- sources/2024/putin-and-kim-sign-a-defence-pact.html",
        ],
    );
    // Missing.
    std::fs::remove_file(
        fixture
            .root()
            .join("sources/2024/putin-and-kim-sign-a-defence-pact.html"),
    )
    .expect("remove");
    let stderr = fixture.fail(&["check"]);
    assert_says(&stderr, &["is missing"]);
    // Reported with the other errors of the run, not after they are fixed.
    fixture.write(path, &format!("{noted}\nAs [[nobody-else]] said.\n"));
    let stderr = fixture.fail(&["check"]);
    assert_says(&stderr, &["is missing", "nobody-else"]);
}
