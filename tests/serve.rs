//! `dossier serve` over real HTTP on 127.0.0.1: pages, live reload after
//! edits, errors in the browser and recovery, safe paths, 404, and how the
//! process starts and stops.

mod common;

use common::Fixture;
use common::server::Server;

const TREATY: &str = "content/articles/2024/treaty.md";

fn english() -> (Fixture, Server) {
    let fixture = Fixture::copy("english");
    let server = Server::start(fixture.root());
    (fixture, server)
}

#[test]
fn pages_and_files_are_served_with_their_types_and_drafts_are_included() {
    let (_fixture, server) = english();
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.texts("h1").len(), 1);
    // The page's script listens for reloads.
    assert_eq!(
        home.texts("script")
            .iter()
            .filter(|s| s.contains("/__dossier/events"))
            .count(),
        1
    );

    let article = server.get("/articles/treaty/");
    assert_eq!(article.status, 200);
    assert_eq!(
        article.texts("h1"),
        ["Treaty & \"alliance\" <signed> in Pyongyang"]
    );
    let draft = server.get("/articles/draft/");
    assert_eq!(draft.status, 200, "drafts are previewed");

    for (path, kind) in [
        ("/style.css", "text/css; charset=utf-8"),
        ("/extra.css", "text/css; charset=utf-8"),
        ("/dossier.json", "application/json"),
        ("/annotations.jsonld", "application/ld+json"),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), Some(kind), "{path}");
        assert!(!response.body.contains("__dossier"), "{path} has no script");
    }
    let data: serde_json::Value =
        serde_json::from_str(&server.get("/dossier.json").body).expect("dossier.json parses");
    assert!(data["articles"].as_array().is_some_and(|a| a.len() == 3));

    // HEAD answers like GET, without a body.
    let head = server.request("HEAD", "/articles/treaty/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn a_built_site_has_no_reload_script() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let pages: Vec<String> = site
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    assert!(pages.len() > 10);
    for page in pages {
        assert!(!site.text(&page).contains("__dossier"), "{page}");
    }
}

#[test]
fn an_edit_is_served_and_open_pages_are_told_to_reload() {
    let (fixture, server) = english();
    let events = server.events();
    let before = server.get("/entities/vladimir-putin/");
    assert!(!before.body.contains("signed a second treaty"));

    // The body only.
    let text = std::fs::read_to_string(fixture.root().join(TREATY)).expect("fixture");
    fixture.write(
        TREATY,
        &format!("{text}\nPutin signed a second treaty in Moscow.\n"),
    );
    assert_eq!(events.next(), "reload");
    let article = server.wait_for("/articles/treaty/", |r| r.body.contains("second treaty"));
    assert!(
        article
            .texts("main p")
            .iter()
            .any(|p| p == "Putin signed a second treaty in Moscow."),
        "{}",
        article.body
    );
    // The entity page quotes the new passage that names it.
    let entity = server.get("/entities/vladimir-putin/");
    assert!(
        entity
            .texts("blockquote, q, .passage")
            .iter()
            .any(|q| q.contains("signed a second treaty")),
        "{}",
        entity.body
    );

    // The front matter: the title shows on the article and in the lists.
    fixture.write(
        TREATY,
        &text.replace(
            "title: 'Treaty & \"alliance\" <signed> in Pyongyang'",
            "title: Treaty signed again",
        ),
    );
    assert_eq!(events.next(), "reload");
    let article = server.wait_for("/articles/treaty/", |r| !r.body.contains("second treaty"));
    assert_eq!(article.texts("h1"), ["Treaty signed again"]);
    assert!(
        server
            .get("/articles/")
            .texts("main a")
            .iter()
            .any(|a| a == "Treaty signed again")
    );
    // And the body edit is gone again.
    assert!(
        !server
            .get("/entities/vladimir-putin/")
            .body
            .contains("second treaty")
    );
}

#[test]
fn a_broken_save_shows_where_and_the_next_good_save_recovers() {
    let (fixture, server) = english();
    let events = server.events();
    let good = std::fs::read_to_string(fixture.root().join(TREATY)).expect("fixture");
    fixture.write(TREATY, &good.replace("date: 2024-06-19", "date: [oops"));
    assert_eq!(events.next(), "reload");
    server.wait_for("/", |r| r.status == 500);

    for path in ["/", "/articles/treaty/", "/no/such/page/"] {
        let page = server.get(path);
        assert_eq!(page.status, 500, "{path}");
        assert_eq!(
            page.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        let errors = page.texts("pre.diagnostic");
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("content/articles/2024/treaty.md:3:")),
            "{path}: {errors:?}"
        );
        // The error page reloads itself once the file is fixed.
        assert!(page.body.contains("/__dossier/events"));
    }
    assert!(server.log().contains("content/articles/2024/treaty.md:3:"));
    // Static files are still there for the error page's sake.
    assert_eq!(server.get("/extra.css").status, 200);

    fixture.write(TREATY, &good);
    assert_eq!(events.next(), "reload");
    let home = server.wait_for("/", |r| r.status != 500);
    assert_eq!(home.status, 200);
    assert!(home.texts("pre.diagnostic").is_empty());
    assert_eq!(server.get("/articles/treaty/").status, 200);
}

#[test]
fn template_and_static_edits_take_effect() {
    let (fixture, server) = english();
    let events = server.events();
    fixture.write(
        "templates/page.html",
        "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page_title }}</title></head>\
         <body><h1 class=\"custom\">Custom: {{ page_title }}</h1></body></html>",
    );
    assert_eq!(events.next(), "reload");
    let about = server.wait_for("/about/", |r| r.body.contains("custom"));
    assert_eq!(about.texts("h1.custom"), ["Custom: About"]);
    assert!(about.body.contains("/__dossier/events"));

    fixture.write("static/notes/new.txt", "fresh");
    assert_eq!(events.next(), "reload");
    let file = server.wait_for("/notes/new.txt", |r| r.status != 404);
    assert_eq!(file.status, 200);
    assert_eq!(
        file.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(file.body, "fresh");

    // A template error is shown, not fatal.
    fixture.write("templates/page.html", "{% if %}");
    assert_eq!(events.next(), "reload");
    let broken = server.wait_for("/about/", |r| r.status != 200);
    assert_eq!(broken.status, 500);
    assert!(
        broken
            .texts("pre.diagnostic")
            .iter()
            .any(|e| e.contains("templates")),
        "{}",
        broken.body
    );
}

#[test]
fn paths_outside_the_site_get_nothing() {
    let fixture = Fixture::copy("english");
    fixture.write("secret.txt", "TOP SECRET");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        fixture.root().join("secret.txt"),
        fixture.root().join("static/link.txt"),
    )
    .expect("symlink");
    let server = Server::start(fixture.root());
    for path in [
        "/../secret.txt",
        "/static/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/notes/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "//secret.txt",
        "/C:/secret.txt",
        "/link.txt",
        "/%00",
    ] {
        let response = server.get(path);
        assert!(
            (400..500).contains(&response.status),
            "{path}: status {}",
            response.status
        );
        assert!(!response.body.contains("TOP SECRET"), "{path} leaked");
    }
}

#[test]
fn unknown_paths_get_the_dossiers_404_page_and_folders_their_slash() {
    let (_fixture, server) = english();
    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(missing.texts("h1"), ["Page not found"]);
    // Its links work from any depth.
    let links = missing.page().attrs("main a", "href");
    assert!(!links.is_empty());
    for href in links {
        assert!(href.starts_with("http://127.0.0.1:"), "{href}");
    }
    assert_eq!(server.get("/articles/nothing/").status, 404);
    assert_eq!(server.get("/nothing.css").status, 404);

    let folder = server.get("/articles");
    assert_eq!(folder.status, 308);
    assert_eq!(folder.header("location"), Some("/articles/"));
    assert_eq!(server.request("POST", "/").status, 405);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = taken.local_addr().expect("address").port().to_string();
    let fixture = Fixture::copy("english");
    let stderr = fixture.fail(&["serve", "--port", &port]);
    assert!(
        stderr.contains(&format!(
            "cannot listen on 127.0.0.1:{port}: the port is already in use"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("--port"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly_even_with_a_page_open() {
    let (_fixture, server) = english();
    let events = server.events();
    let (status, log) = server.interrupt();
    assert!(status.success(), "{status:?}: {log}");
    assert!(log.trim_end().ends_with("stopped"), "{log}");
    assert!(!log.contains("panicked"), "{log}");
    assert_eq!(events.next(), "closed");
}

#[test]
fn a_save_by_renaming_a_new_file_over_the_old_is_seen() {
    // Many editors save safely: write a new file, then rename it over the
    // old one.
    let (fixture, server) = english();
    let events = server.events();
    let text = std::fs::read_to_string(fixture.root().join(TREATY)).expect("fixture");
    let temporary = fixture.root().join("content/articles/2024/.treaty.md.swp");
    std::fs::write(&temporary, format!("{text}\nSaved by rename.\n")).expect("write");
    std::fs::rename(&temporary, fixture.root().join(TREATY)).expect("rename");
    assert_eq!(events.next(), "reload");
    let article = server.wait_for("/articles/treaty/", |r| r.body.contains("Saved by rename."));
    assert_eq!(article.status, 200);
    assert!(!server.log().contains("swp"), "{}", server.log());
}
