//! "In the dossier since" dates and history links from git: the commits
//! that added and changed an article's file, apart from the source's own
//! `updated:`, in the page, the sitemap and the feed; in French; none from
//! a shallow clone (with a warning) or outside git.

mod common;

use std::process::Command;

use common::Fixture;
use common::publish::{BASE, json_ld};

#[test]
fn git_gives_each_article_its_dossier_history_apart_from_the_source_s_dates() {
    let fixture = Fixture::copy("english");
    let settings = fixture.text("dossier.yaml");
    fixture.write(
        "dossier.yaml",
        &format!("{settings}repo_url: https://git.example.org/team/pyongyang\n"),
    );
    fixture.write(
        "content/articles/2024/50% off #2.md",
        "---\ntitle: Odd name\nslug: odd-name\ndate: 2024-06-01\n---\nText.\n",
    );
    fixture.write(
        "content/articles/revised.md",
        "---\ntitle: Revised\ndate: 2024-06-10\nupdated: 2024-06-12\n---\nText.\n",
    );
    fixture.git_init_and_commit("2024-06-20T10:00:00Z");
    let treaty = fixture.text("content/articles/2024/treaty.md");
    fixture.write(
        "content/articles/2024/treaty.md",
        &format!("{treaty}\nA later line.\n"),
    );
    fixture.git(
        &["commit", "-q", "-am", "second"],
        "2024-07-02T08:30:00+02:00",
    );

    let site = fixture.build_with(&["--base-url", BASE]);
    let page = site.page("articles/treaty/index.html");
    // The commits say when the copy entered and changed in the dossier,
    // not that the source was revised.
    assert_eq!(
        page.attrs("p.meta:not(.in-dossier) time", "datetime"),
        ["2024-06-19"]
    );
    assert!(!page.text_of("article").contains("updated"));
    assert_eq!(
        page.text_of(".in-dossier"),
        "In the dossier since 20 June 2024 · changed in the dossier on 2 July 2024 · history"
    );
    assert_eq!(
        page.attrs(".in-dossier time", "datetime"),
        ["2024-06-20", "2024-07-02"]
    );
    assert_eq!(
        page.attrs("a.history", "href"),
        ["https://git.example.org/team/pyongyang/commits/HEAD/content/articles/2024/treaty.md"]
    );
    let data = json_ld(&site, "articles/treaty/index.html");
    assert!(data.get("dateModified").is_none(), "{data}");
    assert_eq!(page.count("meta[property='article:modified_time']"), 0);
    // Crawlers and feed readers still learn when the page changed.
    let xml = site.text("sitemap.xml");
    assert!(
        xml.contains("articles/treaty/</loc><lastmod>2024-07-02</lastmod>"),
        "{xml}"
    );
    let feed = site.text("atom.xml");
    let entry = &feed[feed.find("articles/treaty/").expect("treaty in the feed")..];
    assert!(
        entry.contains("<updated>2024-07-02T08:30:00+02:00</updated>"),
        "{feed}"
    );

    // The source's own revision is the `updated:` of its front matter.
    let revised = site.page("articles/revised/index.html");
    assert_eq!(
        revised.text_of("p.meta:not(.in-dossier)"),
        "10 June 2024 · updated 12 June 2024"
    );
    assert_eq!(
        json_ld(&site, "articles/revised/index.html")["dateModified"],
        "2024-06-12T00:00:00Z"
    );
    assert_eq!(
        revised.attrs("meta[property='article:modified_time']", "content"),
        ["2024-06-12T00:00:00Z"]
    );

    // A file name a URL cannot hold as is is percent-encoded.
    assert_eq!(
        site.page("articles/odd-name/index.html")
            .attrs("a.history", "href"),
        [
            "https://git.example.org/team/pyongyang/commits/HEAD/content/articles/2024/50%25%20off%20%232.md"
        ]
    );
    // The reaction has one commit: in the dossier since, never changed.
    let reaction = site.page("articles/reaction/index.html");
    assert_eq!(
        reaction.text_of(".in-dossier"),
        "In the dossier since 20 June 2024 · history"
    );

    // In French.
    fixture.write(
        "dossier.yaml",
        &format!(
            "{}repo_url: https://git.example.org/team/pyongyang\n",
            settings.replace("language: en", "language: fr")
        ),
    );
    let site = fixture.build();
    assert_eq!(
        site.page("articles/treaty/index.html")
            .text_of(".in-dossier"),
        "Dans le dossier depuis le 20 juin 2024 · modifié dans le dossier le 2 juillet 2024 · historique"
    );

    // A shallow clone (as CI services make) would date every file by its
    // last commit: no dates, and a warning that says why.
    let shallow = Fixture::new(&[]);
    let status = Command::new("git")
        .args(["clone", "-q", "--depth", "1"])
        .arg(format!("file://{}", fixture.root().display()))
        .arg(shallow.root())
        .status()
        .expect("git runs");
    assert!(status.success());
    let site = shallow.build();
    let page = site.page("articles/treaty/index.html");
    assert_eq!(page.attrs(".meta time", "datetime"), ["2024-06-19"]);
    assert_eq!(page.count(".in-dossier time"), 0);
    assert!(site.stderr.contains("shallow clone"), "{}", site.stderr);

    // A dossier outside git has no such dates.
    let loose = Fixture::copy("english");
    let site = loose.build();
    let page = site.page("articles/treaty/index.html");
    assert_eq!(page.attrs(".meta time", "datetime"), ["2024-06-19"]);
    assert_eq!(page.count("a.history"), 0);
}
