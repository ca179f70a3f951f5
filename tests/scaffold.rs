//! `dossier init` and `dossier new`: what they write builds at once, and
//! they never overwrite anything.

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::Output;

use common::{Fixture, dossier, files_under};

/// Runs `dossier <args…>` as is (no `--root` added).
fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// An empty folder with the skeleton written into it by `dossier init`.
fn initialized() -> Fixture {
    let fixture = Fixture::new(&[]);
    let root = fixture.root().to_str().expect("UTF-8 temporary path");
    let output = dossier(&["init", root], fixture.root());
    assert!(output.status.success(), "init failed: {}", stderr(&output));
    fixture
}

/// Today's date, read before and after `run`, so that a run across
/// midnight still passes: `run` must have used one of them.
fn around_today<T>(run: impl FnOnce() -> T) -> (T, Vec<String>) {
    let before = jiff::ZonedDateTime::now().date().to_string();
    let result = run();
    let after = jiff::ZonedDateTime::now().date().to_string();
    (result, vec![before, after])
}

#[test]
fn init_writes_a_dossier_that_builds_at_once() {
    let place = tempfile::tempdir().expect("temporary folder");
    // A folder that does not exist yet is created, parents included.
    let (output, days) = around_today(|| dossier(&["init", "new/my dossier"], place.path()));
    assert!(output.status.success(), "init failed: {}", stderr(&output));
    let root = place.path().join("new/my dossier");

    let shown = stdout(&output);
    assert!(
        shown.starts_with("created a dossier in new/my dossier:\n"),
        "{shown}"
    );
    assert!(shown.contains("cd 'new/my dossier'"), "{shown}");
    assert!(shown.contains("dossier serve"), "{shown}");
    assert!(shown.contains("dossier new article \"Title\""), "{shown}");
    // Every file listed was written, and nothing else.
    let listed: Vec<PathBuf> = shown
        .lines()
        .skip(1)
        .take_while(|line| !line.is_empty())
        .map(|line| PathBuf::from(line.trim()))
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, files_under(&root));
    assert!(listed.contains(&PathBuf::from(".gitignore")));
    assert!(
        fs::read_to_string(root.join(".gitignore"))
            .expect(".gitignore")
            .lines()
            .any(|line| line == "public/")
    );
    let settings = fs::read_to_string(root.join("dossier.yaml")).expect("dossier.yaml");
    assert!(settings.contains("\n# base_url: "), "{settings}");

    // The article is in this year's folder, dated today.
    let year = &days[0][..4];
    let article = root.join(format!("content/articles/{year}/first-article.md"));
    let text = fs::read_to_string(&article).expect("the article is in this year's folder");
    assert!(
        days.iter()
            .any(|day| text.contains(&format!("\ndate: {day}\n"))),
        "{text}"
    );

    let output = dossier(&["build", "--root", "new/my dossier"], place.path());
    assert!(output.status.success(), "build failed: {}", stderr(&output));
    let site = common::Site {
        root: root.join("public"),
        stderr: stderr(&output),
    };
    let page = site.page("articles/first-article/index.html");
    assert_eq!(
        page.text_of("h1"),
        "Example Institute names Jane Roe as its director"
    );
    // The note is shown beside its passage.
    assert!(page.text_of("aside.note").contains("An example note."));
    assert_eq!(
        page.text_of("mark.quote"),
        "the first director in its history to come from outside"
    );
    // Both entities are named in the text, so linked.
    let links = page.attrs("a.mention", "href");
    for id in ["jane-roe", "example-institute"] {
        let href = format!("../../entities/{id}/index.html");
        assert!(links.contains(&href), "{href} not in {links:?}");
        assert!(site.exists(&format!("entities/{id}/index.html")));
    }
    assert_eq!(
        page.attrs(".source a", "href"),
        ["https://news.example.org/institute-director"]
    );
    // The relation is shown on both ends; the about page is in the menu.
    let institute = site.page("entities/example-institute/index.html");
    assert!(
        institute
            .text_of(".relations")
            .contains("Jane Roe directs Example Institute"),
        "{}",
        institute.text_of(".relations")
    );
    assert_eq!(site.page("about/index.html").text_of("h1"), "About");
    // The home text says what to do next.
    let home = site.page("index.html");
    assert!(home.texts("main").concat().contains("dossier new article"));
}

#[test]
fn init_into_an_empty_folder_and_into_the_current_one() {
    let fixture = Fixture::new(&[]);
    let output = dossier(&["init", "."], fixture.root());
    assert!(output.status.success(), "init failed: {}", stderr(&output));
    let shown = stdout(&output);
    assert!(shown.starts_with("created a dossier here:\n"), "{shown}");
    assert!(!shown.contains("cd "), "{shown}");
    assert!(fixture.root().join("dossier.yaml").is_file());
    fixture.build();
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_writes_nothing() {
    let fixture = Fixture::new(&[("notes.txt", "mine")]);
    let root = fixture.root().to_str().expect("UTF-8 temporary path");
    let output = dossier(&["init", root], fixture.root());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.starts_with(&format!("{root}: error: the folder is not empty")),
        "{message}"
    );
    assert!(message.contains("help: "), "{message}");
    assert_eq!(files_under(fixture.root()), [PathBuf::from("notes.txt")]);
    assert_eq!(stdout(&output), "");

    // A hidden file counts too.
    let fixture = Fixture::new(&[(".keep", "")]);
    let output = dossier(&["init", "."], fixture.root());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(files_under(fixture.root()), [PathBuf::from(".keep")]);

    // A file in place of the folder.
    let output = dossier(&["init", ".keep"], fixture.root());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).starts_with(".keep: error: this is a file"));
}

#[test]
fn new_files_build_even_with_awkward_titles() {
    let fixture = initialized();
    let title = "L'accord : \"historique\"";
    let (output, days) = around_today(|| fixture.run(&["new", "article", title]));
    assert!(!stderr(&output).contains("draft"), "{}", stderr(&output));
    assert!(output.status.success(), "new failed: {}", stderr(&output));
    let year = &days[0][..4];
    let path = fixture
        .root()
        .join(format!("content/articles/{year}/l-accord-historique.md"));
    assert_eq!(stdout(&output), format!("{}\n", path.display()));
    let text = fs::read_to_string(&path).expect("new article");
    assert!(
        days.iter()
            .any(|day| text.contains(&format!("\ndate: {day}\n"))),
        "{text}"
    );
    assert!(!text.contains("draft"), "published unless --draft: {text}");
    // The body is the user's: write one that names an entity made next.
    fs::write(&path, format!("{text}Kim Jong Un signed it.\n")).expect("body");

    for (kind, name, file, flags) in [
        (
            "entity",
            "Kim Jong Un",
            "content/entities/kim-jong-un.md",
            &[][..],
        ),
        (
            "page",
            "Méthode : « sources »",
            "content/pages/methode-sources.md",
            &["--draft"][..],
        ),
    ] {
        let mut args = vec!["new", kind, name];
        args.extend_from_slice(flags);
        let output = fixture.run(&args);
        assert!(output.status.success(), "new failed: {}", stderr(&output));
        assert_eq!(
            stdout(&output),
            format!("{}\n", fixture.root().join(file).display())
        );
    }

    // The article is built at once, titles as typed; the page asked to be
    // a draft: left out of a plain build…
    let site = fixture.build();
    let page = site.page("articles/l-accord-historique/index.html");
    assert_eq!(page.text_of("h1"), title);
    assert_eq!(
        page.attrs("a.mention", "href"),
        ["../../entities/kim-jong-un/index.html"]
    );
    assert!(!site.exists("methode-sources/index.html"));
    assert_eq!(
        site.page("entities/kim-jong-un/index.html").text_of("h1"),
        "Kim Jong Un"
    );
    // …and built with --drafts.
    let site = fixture.build_with(&["--drafts"]);
    assert_eq!(
        site.page("methode-sources/index.html").text_of("h1"),
        "Méthode : « sources »"
    );
    // An entity cannot be a draft.
    let output = fixture.run(&["new", "entity", "Kim Il Sung", "--draft"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        !fixture
            .root()
            .join("content/entities/kim-il-sung.md")
            .exists()
    );
}

#[test]
fn new_never_overwrites_a_file() {
    let fixture = initialized();
    let output = fixture.run(&["new", "page", "About"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    let path = fixture.root().join("content/pages/about.md");
    assert!(
        message.starts_with(&format!(
            "{}: error: the file already exists",
            path.display()
        )),
        "{message}"
    );
    let skeleton = fs::read_to_string(&path).expect("about page");
    assert!(skeleton.contains("Say here what this dossier is about"));
    assert_eq!(stdout(&output), "");

    // Another folder's file with the same name would clash in the build.
    fs::create_dir(fixture.root().join("content/entities/people")).expect("folder");
    fs::rename(
        fixture.root().join("content/entities/jane-roe.md"),
        fixture.root().join("content/entities/people/jane-roe.md"),
    )
    .expect("move");
    let message = fixture.fail(&["new", "entity", "Jane Roe"]);
    assert!(
        message.contains("`content/entities/people/jane-roe.md` already has this name"),
        "{message}"
    );
    assert!(!fixture.root().join("content/entities/jane-roe.md").exists());
}

#[test]
fn new_refuses_titles_without_letters_and_folders_that_are_not_dossiers() {
    let fixture = initialized();
    let before = files_under(fixture.root());
    let message = fixture.fail(&["new", "article", "¡!?"]);
    assert!(
        message.contains("has no letter or digit to make a file name from"),
        "{message}"
    );
    let message = fixture.fail(&["new", "page", "Tags"]);
    assert!(message.contains("the site's own `tags/`"), "{message}");
    assert_eq!(files_under(fixture.root()), before);

    let empty = Fixture::new(&[]);
    let message = empty.fail(&["new", "article", "Treaty"]);
    assert!(message.contains("error: not a dossier"), "{message}");
    assert!(message.contains("dossier init"), "{message}");
    assert!(files_under(empty.root()).is_empty());
}

#[test]
fn a_wrong_command_line_is_status_2() {
    let fixture = initialized();
    for args in [
        &["new", "chapter", "Title"][..],
        &["new", "article"],
        &["init"],
    ] {
        let output = dossier(args, fixture.root());
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}
