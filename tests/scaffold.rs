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
    // One article and one page are counted in the singular.
    assert!(
        stderr(&output).contains("built 1 article, 2 entities, 1 page: "),
        "{}",
        stderr(&output)
    );
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
fn new_options_set_what_the_built_site_shows() {
    let fixture = initialized();
    let output = fixture.run(&[
        "new",
        "article",
        "Pact signed",
        "--date",
        "2023-03",
        "--source",
        "https://news.example.org/pact?id=1#top",
        "--tag",
        "Security",
        "--tag",
        " Corée, du Nord ",
    ]);
    assert!(output.status.success(), "new failed: {}", stderr(&output));
    // Filed under the year of its date, not this year's.
    let path = fixture.root().join("content/articles/2023/pact-signed.md");
    assert_eq!(stdout(&output), format!("{}\n", path.display()));
    fs::write(
        &path,
        format!(
            "{}The KPA marched.\n",
            fs::read_to_string(&path).expect("written")
        ),
    )
    .expect("body");
    let output = fixture.run(&[
        "new",
        "entity",
        "Korean People's Army",
        "--type",
        "organization",
        "--alias",
        "KPA",
        "--alias",
        "Armée populaire",
    ]);
    assert!(output.status.success(), "new failed: {}", stderr(&output));

    let site = fixture.build();
    let article = site.page("articles/pact-signed/index.html");
    assert_eq!(article.attrs("p.meta time", "datetime"), ["2023-03"]);
    assert_eq!(article.texts("p.meta time"), ["March 2023"]);
    assert_eq!(
        article.attrs("p.source a", "href"),
        ["https://news.example.org/pact?id=1#top"]
    );
    // Each tag has its page, which lists the article.
    for tag in ["security", "coree-du-nord"] {
        let page = site.page(&format!("tags/{tag}/index.html"));
        assert_eq!(page.texts(".article-list a"), ["Pact signed"], "{tag}");
    }
    assert_eq!(
        site.page("tags/coree-du-nord/index.html").text_of("h1"),
        "Corée, du Nord"
    );
    // The alias finds the entity in the text, linked in its type's colour.
    assert_eq!(
        article.attrs("a.mention.t-organization", "href"),
        ["../../entities/korean-people-s-army/index.html"]
    );
    assert_eq!(article.texts("a.mention"), ["KPA"]);
    let entity = site.page("entities/korean-people-s-army/index.html");
    assert_eq!(entity.text_of("p.kind"), "Organization");
    assert_eq!(entity.texts(".alias"), ["KPA", "Armée populaire"]);
}

#[test]
fn new_refuses_values_the_build_would_and_options_of_another_kind() {
    let fixture = initialized();
    let before = files_under(fixture.root());
    for (args, says) in [
        (
            &["article", "A", "--date", "2024-02-30"][..],
            "invalid date `2024-02-30`",
        ),
        (
            &["article", "A", "--date", "19 June 2024"],
            "= help: write a day",
        ),
        (
            &["article", "A", "--source", "news.example.org/a"],
            "= help: write `https://news.example.org/a`",
        ),
        (
            &["article", "A", "--source", "javascript:alert(1)"],
            "invalid URL",
        ),
        (&["article", "A", "--tag", "!!!"], "no letter or digit"),
        (&["entity", "E", "--type", "Ship"], "write `ship`"),
        (
            &["entity", "E", "--alias", "Путин(|а"],
            "endings go in parentheses",
        ),
        (
            &["entity", "E", "--tag", "x"],
            "--tag is for `dossier new article`, not for an entity",
        ),
        (
            &["page", "P", "--date", "2024"],
            "--date is for `dossier new article`, not for a page",
        ),
        (
            &["article", "A", "--type", "person"],
            "--type is for `dossier new entity`, not for an article",
        ),
        (
            &["page", "P", "--alias", "Q"],
            "--alias is for `dossier new entity`, not for a page",
        ),
        (&["entity", "E", "--draft"], "an entity cannot be a draft"),
    ] {
        let mut command = vec!["new"];
        command.extend_from_slice(args);
        let output = fixture.run(&command);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.contains(says), "{args:?}: {message}");
        assert_eq!(stdout(&output), "");
    }
    // `import` checks its tags as `new` does.
    let output = fixture.run(&["import", "-", "--tag", "???"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(files_under(fixture.root()), before);
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
