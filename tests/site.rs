//! The built site as a whole: entity pages, escaping, links, determinism,
//! drafts, tags, static files and template overrides.

mod common;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use common::{Fixture, Site};

#[test]
fn entity_page_quotes_each_passage_linked_to_its_anchor() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let page = site.page("entities/vladimir-putin/index.html");
    assert_eq!(page.text_of("h1"), "Vladimir Putin");
    // Newest article first, then the treaty with its four passages (the one in raw HTML is not one).
    assert_eq!(
        page.texts(".mentioning h3 a"),
        [
            "Seoul reacts",
            "Treaty & \"alliance\" <signed> in Pyongyang"
        ]
    );
    let hrefs = page.attrs(".mentioning:nth-of-type(2) .passages a", "href");
    let expected: Vec<String> = (1..=4)
        .map(|n| format!("../../articles/treaty/index.html#m-vladimir-putin-{n}"))
        .collect();
    assert_eq!(hrefs, expected);
    let passages = page.texts(".mentioning:nth-of-type(2) .passages blockquote");
    assert_eq!(passages[0], "Vladimir Putin met Kim Jong Un in Pyongyang.");
    assert_eq!(passages[1], "Putin praised North Korea.");
    assert_eq!(
        passages[2],
        "Russian media wrote Путин; Korean media wrote 김정은."
    );
    assert_eq!(page.texts(".mentioning:nth-of-type(2) mark")[2], "Путин");
    // Each anchor exists in the article, on the mention it quotes.
    let article = site.page("articles/treaty/index.html");
    for n in 1..=4 {
        assert_eq!(article.count(&format!("#m-vladimir-putin-{n}")), 1);
    }
    // The draft is not built, so not listed.
    assert!(!page.text_of("#mentioned-in").contains("draft"));
}

#[test]
fn entity_page_shows_names_links_relations_and_co_mentions() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let putin = site.page("entities/vladimir-putin/index.html");
    assert_eq!(putin.texts(".alias"), ["Putin", "Путин", "Владимир Путин"]);
    assert!(
        putin
            .attrs("#links + ul a", "href")
            .contains(&"https://www.wikidata.org/wiki/Q7747".to_string())
    );
    let relations = putin.texts(".relations li");
    assert_eq!(relations.len(), 2);
    assert!(
        relations[1].starts_with("ally-of Kim Jong Un since 19 June 2024"),
        "{relations:?}"
    );
    assert_eq!(
        putin.attrs(".relations li:nth-child(2) a", "href"),
        [
            "../../entities/kim-jong-un/index.html",
            "../../articles/treaty/index.html"
        ]
    );
    // The other end shows the relation too.
    let kim = site.page("entities/kim-jong-un/index.html");
    assert!(
        kim.text_of(".relations")
            .contains("Vladimir Putin ally-of Kim Jong Un")
    );
    // Co-mentioned: Kim and North Korea share both articles with Putin.
    let co = putin.texts(".co-mentioned a");
    assert_eq!(&co[..2], ["Kim Jong Un", "North Korea"]);
    // An entity named only in front matter `entities:` is listed without passages.
    let un = site.page("entities/united-nations/index.html");
    assert_eq!(un.count(".passages"), 0);
    assert_eq!(un.texts(".mentioning h3 a").len(), 1);
}

#[test]
fn article_page_shows_source_tags_and_entities_by_type() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let page = site.page("articles/treaty/index.html");
    // The article's own words are in its language, the interface around
    // them (dates, "Source", notes' headings) in the site's.
    assert_eq!(page.attrs("article.article", "lang"), Vec::<String>::new());
    assert_eq!(
        page.attrs("article h1, .summary, .body", "lang"),
        ["en", "en", "en"]
    );
    assert_eq!(
        page.attrs(".source a", "href"),
        [
            "https://news.example.org/treaty",
            "https://web.archive.org/web/2024/https://news.example.org/treaty"
        ]
    );
    assert_eq!(
        page.attrs(".tags a", "href"),
        [
            "../../tags/diplomacy/index.html",
            "../../tags/securite-regionale/index.html"
        ]
    );
    assert_eq!(
        page.texts(".in-article h3"),
        ["People", "Organizations", "Countries", "Places"]
    );
    // Most mentioned first.
    assert_eq!(
        page.texts(".in-article h3 + ul")[0],
        "Kim Jong Un 5 Vladimir Putin 4"
    );
}

#[test]
fn front_matter_cannot_inject_markup() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let raw = site.text("articles/treaty/index.html");
    assert!(raw.contains(">Treaty &amp; &quot;alliance&quot; &lt;signed&gt; in Pyongyang</h1>"));
    assert!(!raw.contains("<signed>"));
    let page = site.page("articles/treaty/index.html");
    assert_eq!(
        page.text_of("h1"),
        "Treaty & \"alliance\" <signed> in Pyongyang"
    );
    // A hostile URL is refused at load time.
    fixture.write(
        "content/entities/bad.md",
        "---\nname: Bad\ntype: person\nlinks: [\"javascript:alert(1)\"]\n---\n",
    );
    let stderr = fixture.fail(&["build"]);
    assert!(stderr.contains("content/entities/bad.md:4:"), "{stderr}");
}

#[test]
fn every_internal_link_resolves_to_a_file_and_anchor() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let mut checked = 0;
    for file in site.files().iter().filter(|f| f.ends_with(".html")) {
        let page = site.page(file);
        for href in page.attrs("a[href], link[href]", "href") {
            if href.starts_with("https://") || href.starts_with("http://") {
                continue;
            }
            let (target, fragment) = href.split_once('#').unwrap_or((&href, ""));
            let resolved = if target.is_empty() {
                PathBuf::from(file)
            } else if let Some(from_root) = target.strip_prefix('/') {
                // Only the 404 page, served at any depth, links from the root.
                assert_eq!(file, "404.html", "{file}: root-absolute link {href}");
                PathBuf::from(from_root)
            } else {
                assert!(!target.ends_with('/'), "{file}: folder link {href}");
                normalize(&Path::new(file).parent().expect("in a folder").join(target))
            };
            let resolved = resolved.to_string_lossy().replace('\\', "/");
            assert!(
                site.exists(&resolved),
                "{file}: {href} -> {resolved} missing"
            );
            if !fragment.is_empty() {
                let target_page = site.page(&resolved);
                assert_eq!(
                    target_page.count(&format!("[id='{fragment}']")),
                    1,
                    "{file}: {href}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => assert!(out.pop(), "{} leaves the site", path.display()),
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn same_input_same_bytes() {
    let fixture = Fixture::copy("english");
    let read_all = |site: &Site| -> BTreeMap<String, Vec<u8>> {
        site.files()
            .into_iter()
            .map(|f| (f.clone(), std::fs::read(site.root.join(&f)).expect("read")))
            .collect()
    };
    let first = read_all(&fixture.build());
    let second = read_all(&fixture.build());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    assert!(first == second, "output differs between two builds");
    // And whatever the number of threads.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .env("RAYON_NUM_THREADS", "1")
        .args(["build", "--root"])
        .arg(fixture.root())
        .output()
        .expect("runs");
    assert!(output.status.success());
    let single = read_all(&Site {
        root: fixture.root().join("public"),
        stderr: String::new(),
    });
    assert!(first == single, "output differs with one thread");
}

#[test]
fn drafts_only_with_the_flag() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    assert!(!site.exists("articles/draft/index.html"));
    let site = fixture.build_with(&["--drafts"]);
    assert!(site.exists("articles/draft/index.html"));
    let list = site.page("articles/index.html");
    assert_eq!(
        list.texts(".article-list li:first-child > a"),
        ["Unfinished draft"]
    );
    assert_eq!(list.texts(".article-list li:first-child .badge"), ["Draft"]);
}

#[test]
fn pages_tags_static_home_and_404() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    for path in [
        "index.html",
        "404.html",
        "style.css",
        "extra.css",
        "about/index.html",
        "tags/index.html",
        "tags/securite-regionale/index.html",
        "entities/index.html",
        "articles/index.html",
    ] {
        assert!(site.exists(path), "{path} missing");
    }
    // Tags that fold to the same slug are one tag.
    let diplomacy = site.page("tags/diplomacy/index.html");
    assert_eq!(
        diplomacy.texts(".article-list a"),
        [
            "Seoul reacts",
            "Treaty & \"alliance\" <signed> in Pyongyang"
        ]
    );
    let home = site.page("index.html");
    assert_eq!(home.text_of("h1"), "Welcome");
    assert_eq!(home.texts("#latest + ul > li > a").len(), 2);
    assert!(home.texts("section h3").contains(&"People".to_string()));
    let entities = site.page("entities/index.html");
    assert_eq!(entities.texts("h2")[0], "People");
}

#[test]
fn pages_are_in_the_menu_by_weight_then_slug() {
    let page = |title: &str, weight: &str| format!("---\ntitle: {title}\n{weight}---\n");
    let fixture = Fixture::new(&[
        ("content/pages/zeta.md", &page("Zeta", "weight: 1\n")),
        ("content/pages/alpha.md", &page("Alpha", "")),
        ("content/pages/beta.md", &page("Beta", "weight: -2\n")),
        ("content/pages/gamma.md", &page("Gamma", "weight: 1\n")),
        ("content/pages/delta.md", &page("Delta", "")),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n",
        ),
    ]);
    let site = fixture.build();
    // The menu on a page at the root and on one two folders down: its
    // links after the site's own five (articles … graph), each to the page it
    // names.
    for path in ["index.html", "articles/a/index.html"] {
        let menu = site.page(path);
        let titles = menu.texts("header nav li a");
        assert_eq!(
            titles[5..],
            ["Beta", "Gamma", "Zeta", "Alpha", "Delta"],
            "{path}"
        );
        for (href, title) in menu.attrs("header nav li a", "href")[5..]
            .iter()
            .zip(&titles[5..])
        {
            let target = site.page(&common::resolve(path, href));
            assert_eq!(&target.text_of("h1"), title, "{path}: {href}");
        }
    }
    // Anything but a whole number is an error at the value.
    for (weight, column) in [
        ("1.5", 9),
        ("first", 9),
        ("", 8),
        ("99999999999999999999", 9),
    ] {
        fixture.write(
            "content/pages/zeta.md",
            &page("Zeta", &format!("weight: {weight}\n")),
        );
        let stderr = fixture.fail(&["build"]);
        assert!(
            stderr.contains(&format!("content/pages/zeta.md:3:{column}: error: ")),
            "{stderr}"
        );
        assert!(
            stderr.contains("help: write a whole number, such as `weight: 1`"),
            "{stderr}"
        );
    }
}

#[test]
fn site_templates_override_the_theme_by_name() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "templates/page.html",
        "<p id=\"custom\">{{ page_title }} by {{ site.title }}</p>",
    );
    let site = fixture.build();
    assert_eq!(
        site.text("about/index.html"),
        "<p id=\"custom\">About by The Pyongyang File</p>"
    );
    // A broken template is an error naming it, and nothing is written.
    fixture.write("templates/entity.html", "{% if %}");
    let stderr = fixture.fail(&["build"]);
    assert!(stderr.contains("template error"), "{stderr}");
    assert!(stderr.contains("entity.html:1:7"), "{stderr}");
    assert_eq!(
        site.text("about/index.html"),
        "<p id=\"custom\">About by The Pyongyang File</p>"
    );
}

#[test]
fn output_dir_and_base_url_flags() {
    let fixture = Fixture::copy("english");
    let out = fixture.root().join("elsewhere/site");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args([
            "build",
            "--base-url",
            "https://example.org/dossier/",
            "--output-dir",
        ])
        .arg(&out)
        .arg("--root")
        .arg(fixture.root())
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let site = Site {
        root: out,
        stderr: String::new(),
    };
    let not_found = site.page("404.html");
    assert_eq!(
        not_found.attrs("link[rel=stylesheet]", "href"),
        ["https://example.org/dossier/style.css"]
    );
    assert!(!fixture.root().join("public").exists());
}

#[test]
fn not_found_page_links_from_the_server_root_without_base_url() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let page = site.page("404.html");
    assert_eq!(page.attrs("link[rel=stylesheet]", "href"), ["/style.css"]);
    assert!(
        page.attrs("main a", "href")
            .contains(&"/index.html".to_string())
    );
}

#[test]
fn bodies_notes_and_summaries_cannot_inject_scripts() {
    let fixture = Fixture::copy("english");
    fixture.write(
        "content/articles/hostile.md",
        "---\ntitle: Hostile\ndate: 2024-01-01\nsummary: \"[s](javascript:alert(1)) 2024. Next\"\nannotations:\n  - quote: \"click\"\n    note: \"[n](javascript:alert(2))\"\n---\n## Hi {onclick=alert(3) .warm #hi}\n\n[click](javascript:alert(4)) ![i](data:text/html,x) <a href=\"javascript:x\">raw</a>\n",
    );
    let site = fixture.build();
    let page = site.page("articles/hostile/index.html");
    // Raw HTML shows as text (harmless); no link or image keeps the target.
    let targets = [page.attrs("[href]", "href"), page.attrs("[src]", "src")].concat();
    assert!(
        !targets
            .iter()
            .any(|t| t.contains("javascript:") || t.contains("data:")),
        "{targets:?}"
    );
    assert_eq!(page.count("[onclick]"), 0);
    // The body's and the note's links keep their text, and are no links.
    assert_eq!(page.count(".body a[href='']"), 0);
    assert!(page.texts(".body p")[0].starts_with("click1 i <a href"));
    assert_eq!(page.text_of(".note p:not(.note-head)"), "n");
    // The heading keeps its id and class, not the handler.
    assert_eq!(page.attrs(".body h2", "id"), ["hi"]);
    assert_eq!(page.attrs(".body h2", "class"), ["warm"]);
    // Summaries stay one line of text.
    assert_eq!(page.text_of(".summary"), "s 2024. Next");
    assert_eq!(page.count(".summary ol"), 0);
    let list = site.page("articles/index.html");
    assert!(!list.text_of(".article-list").contains("javascript"));
}
