//! `dossier theme`: the built-in theme written into `templates/` is the
//! theme of dossier's source, builds the same site to the byte, and is the
//! user's to edit from then on: kept when run again, replaced only with
//! `--force`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{Fixture, Site};
use sha2::{Digest, Sha256};

/// Every file of the site and the SHA-256 of its bytes.
fn digests(site: &Site) -> BTreeMap<String, String> {
    site.files()
        .into_iter()
        .map(|path| {
            let bytes = fs::read(site.root.join(&path)).expect("readable output");
            let hex = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>();
            (path, hex)
        })
        .collect()
}

/// Runs `theme` with `flags`, asserting success: stdout and stderr.
fn theme(fixture: &Fixture, flags: &[&str]) -> (String, String) {
    let mut args = vec!["theme"];
    args.extend_from_slice(flags);
    let output = fixture.run(&args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "theme failed: {stderr}");
    (String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
}

/// The paths a run printed, relative to the dossier, sorted.
fn listed(fixture: &Fixture, stdout: &str) -> Vec<String> {
    let mut paths: Vec<String> = stdout
        .lines()
        .map(|line| {
            Path::new(line)
                .strip_prefix(fixture.root())
                .expect("a path in the dossier")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    paths.sort();
    paths
}

/// The theme in dossier's source: `templates/<name>` for each of its files.
fn source_theme() -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(folder)
        .expect("templates/ of the source")
        .map(|entry| {
            let entry = entry.expect("readable");
            let name = format!("templates/{}", entry.file_name().to_string_lossy());
            (name, fs::read(entry.path()).expect("readable"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_theme_written_out_builds_the_same_bytes_and_is_then_yours() {
    let fixture = Fixture::example_files();
    let before = digests(&fixture.build());

    // Every file of the source's theme, as it is there, and nothing else.
    let (stdout, stderr) = theme(&fixture, &[]);
    let source = source_theme();
    let names: Vec<String> = source.iter().map(|(name, _)| name.clone()).collect();
    assert_eq!(listed(&fixture, &stdout), names);
    for (name, bytes) in &source {
        assert_eq!(
            &fs::read(fixture.root().join(name)).expect(name),
            bytes,
            "{name}"
        );
    }
    assert!(
        stderr.contains(&format!("wrote {} files", source.len())),
        "{stderr}"
    );

    // Built from the written theme: the same site, file for file.
    let after = digests(&fixture.build());
    assert_eq!(after.len(), before.len());
    for (path, digest) in &before {
        assert_eq!(after.get(path), Some(digest), "{path} changed");
    }

    // An edit of a template and of the stylesheet shows in the build.
    let base = fixture.text("templates/base.html");
    assert!(base.contains("</footer>"));
    fixture.write(
        "templates/base.html",
        &base.replace("</footer>", "<p id=\"ours\">Our desk</p></footer>"),
    );
    let css = format!(
        "{}\n.ours {{ color: teal; }}\n",
        fixture.text("templates/style.css")
    );
    fixture.write("templates/style.css", &css);
    let site = fixture.build();
    for path in ["index.html", "articles/index.html", "404.html"] {
        assert_eq!(site.page(path).text_of("#ours"), "Our desk", "{path}");
    }
    assert_eq!(site.text("style.css"), css);

    // Run again: the edited files are kept and said so; nothing is written.
    let (stdout, stderr) = theme(&fixture, &[]);
    assert_eq!(stdout, "");
    for edited in ["base.html", "style.css"] {
        let path = fixture.root().join("templates").join(edited);
        assert!(
            stderr.contains(&format!("{}: kept: yours differs", path.display())),
            "{stderr}"
        );
    }
    assert!(
        stderr.contains(&format!(
            "wrote nothing, kept 2 of yours, {} already the built-in ones",
            source.len() - 2
        )),
        "{stderr}"
    );
    assert_eq!(fixture.text("templates/style.css"), css);

    // --force puts the built-in ones back, and lists them.
    let (stdout, stderr) = theme(&fixture, &["--force"]);
    assert_eq!(
        listed(&fixture, &stdout),
        ["templates/base.html", "templates/style.css"]
    );
    assert!(stderr.contains("replaced 2"), "{stderr}");
    let forced = digests(&fixture.build());
    assert_eq!(forced, before);
}

#[test]
fn theme_refuses_a_folder_that_is_not_a_dossier() {
    let fixture = Fixture::new(&[]);
    let stderr = fixture.fail(&["theme"]);
    assert!(stderr.contains("error: not a dossier"), "{stderr}");
    assert!(!fixture.exists("templates"));
}
