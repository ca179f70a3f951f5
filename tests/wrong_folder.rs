//! `build`, `check`, `serve` and `theme` refuse a folder that is not a
//! dossier, as `new` does: a mistyped `--root` is not created, a run inside `content/`
//! writes no `content/public/`, and the help says where the dossier is.

mod common;

use common::{Fixture, assert_says, dossier};

const ARTICLE: &str = "---\ntitle: A\ndate: 2024-01-01\n---\nBody\n";

#[test]
fn a_missing_root_is_refused_and_not_created() {
    let parent = Fixture::new(&[]);
    let typo = parent.root().join("typo");
    for command in ["build", "check", "serve", "theme"] {
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
    for command in ["build", "check", "serve", "theme"] {
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
        assert!(!content.join("templates").exists(), "{command}");
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

/// `--output-dir` replaces the whole folder it names: one that holds what
/// the user wrote, or files of their own, is refused and left as it was.
#[test]
fn an_output_folder_holding_what_the_user_wrote_is_refused_and_kept() {
    let fixture = Fixture::new(&[
        ("content/articles/a.md", ARTICLE),
        ("templates/page.html", "{% extends \"base.html\" %}"),
        ("static/logo.svg", "<svg/>"),
        ("notes/todo.txt", "call the registry"),
        ("other-site/search-index.js", "var index = {};"),
    ]);
    for (output, kept, says) in [
        (
            "content",
            "content/articles/a.md",
            "is in the dossier's `content/`",
        ),
        (
            "content/articles",
            "content/articles/a.md",
            "is in the dossier's `content/`",
        ),
        (
            "templates",
            "templates/page.html",
            "is in the dossier's `templates/`",
        ),
        ("static", "static/logo.svg", "is in the dossier's `static/`"),
        (
            "notes",
            "notes/todo.txt",
            "holds files that are not a site dossier built",
        ),
        // Another tool's site, with a file of the same name as one of ours.
        (
            "other-site",
            "other-site/search-index.js",
            "holds files that are not a site dossier built",
        ),
        ("..", "content/articles/a.md", "holds the dossier itself"),
        (
            "content/../static",
            "static/logo.svg",
            "is in the dossier's `static/`",
        ),
    ] {
        // Run from the dossier, so that the relative folder is in it.
        let run = dossier(&["build", "--output-dir", output], fixture.root());
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{output}: {stderr}");
        assert_says(&stderr, &[says, "= help: write the site to a new"]);
        assert!(
            fixture.root().join(kept).is_file(),
            "{output}: {kept} deleted"
        );
    }
    // A new folder, an empty one, and a site built before are fine.
    std::fs::create_dir(fixture.root().join("empty")).expect("a folder");
    for output in ["site", "empty", "site"] {
        let run = dossier(&["build", "--output-dir", output], fixture.root());
        assert!(
            run.status.success(),
            "{output}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(fixture.root().join(output).join("dossier.json").is_file());
    }
}
