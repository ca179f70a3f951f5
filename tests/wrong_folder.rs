//! `build`, `check` and `serve` refuse a folder that is not a dossier, as
//! `new` does: a mistyped `--root` is not created, a run inside `content/`
//! writes no `content/public/`, and the help says where the dossier is.

mod common;

use common::{Fixture, assert_says, dossier};

const ARTICLE: &str = "---\ntitle: A\ndate: 2024-01-01\n---\nBody\n";

#[test]
fn a_missing_root_is_refused_and_not_created() {
    let parent = Fixture::new(&[]);
    let typo = parent.root().join("typo");
    for command in ["build", "check", "serve"] {
        let output = dossier(&[command, "--root", "typo"], parent.root());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
        assert_says(
            &stderr,
            &[
                "typo: error: not a dossier",
                "= help: the folder does not exist",
            ],
        );
        assert!(!typo.exists(), "{command} created the folder");
    }
}

#[test]
fn inside_content_the_help_names_the_dossier() {
    let fixture = Fixture::new(&[("content/articles/a.md", ARTICLE)]);
    let content = fixture.root().join("content");
    for command in ["build", "check", "serve"] {
        let output = dossier(&[command], &content);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
        assert_says(
            &stderr,
            &[
                ".: error: not a dossier",
                "inside the dossier at `..`: run the command from there, or pass `--root ..`",
            ],
        );
    }
    assert!(!content.join("public").exists(), "wrote content/public/");
    let output = dossier(&["build", "--root", ".."], &content);
    assert!(output.status.success());
}

#[test]
fn an_unrelated_folder_is_not_checked_as_an_empty_dossier() {
    let unrelated = Fixture::new(&[("notes.txt", "shopping list\n")]);
    let stderr = unrelated.fail(&["check"]);
    assert_says(&stderr, &["error: not a dossier", "`dossier init DIR`"]);
    assert!(!stderr.contains("no errors"), "{stderr}");
    // A dossier.yaml alone is a dossier, still (with no articles yet).
    unrelated.write("dossier.yaml", "title: T\n");
    assert!(unrelated.run(&["check"]).status.success());
}
