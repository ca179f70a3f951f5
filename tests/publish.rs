//! What a published site offers beyond its pages: the Atom feed and the
//! sitemap (parsed, every required element checked), robots.txt, canonical
//! links, Open Graph tags and schema.org JSON-LD, what is left out without
//! a `base_url`, and the files the site makes at fixed paths (which an
//! alias must avoid). Redirects from old addresses are in `redirects.rs`,
//! dates and history links from git in `git_history.rs`.

mod common;

use std::collections::BTreeSet;

use common::publish::{BASE, json_ld};
use common::{Fixture, Site};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

fn published() -> (Fixture, Site) {
    let fixture = Fixture::copy("english");
    let site = fixture.build_with(&["--base-url", "https://example.org/pyongyang-file"]);
    (fixture, site)
}

/// The output file a public address stands for.
fn file_of(url: &str) -> String {
    let path = url.strip_prefix(BASE).expect("an address on the site");
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, ns: &str, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|c| c.has_tag_name((ns, name)))
        .collect()
}

fn one_text<'a>(node: roxmltree::Node<'a, 'a>, ns: &str, name: &str) -> &'a str {
    let found = child(node, ns, name);
    assert_eq!(
        found.len(),
        1,
        "one <{name}> in <{}>",
        node.tag_name().name()
    );
    found[0].text().unwrap_or_default()
}

fn is_rfc3339(text: &str) -> bool {
    text.parse::<jiff::Timestamp>().is_ok()
}

#[test]
fn the_feed_has_every_element_atom_requires() {
    let (_fixture, site) = published();
    let xml = site.text("atom.xml");
    let document = roxmltree::Document::parse(&xml).expect("atom.xml is well-formed XML");
    let feed = document.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    assert_eq!(one_text(feed, ATOM, "title"), "The Pyongyang File");
    assert_eq!(one_text(feed, ATOM, "id"), BASE);
    assert!(is_rfc3339(one_text(feed, ATOM, "updated")));
    let author = child(feed, ATOM, "author");
    assert_eq!(one_text(author[0], ATOM, "name"), "The Pyongyang File");
    let links = child(feed, ATOM, "link");
    let link = |rel: &str| {
        links
            .iter()
            .find(|l| l.attribute("rel") == Some(rel))
            .and_then(|l| l.attribute("href"))
            .unwrap_or_else(|| panic!("a {rel} link"))
    };
    assert_eq!(link("self"), format!("{BASE}atom.xml"));
    assert_eq!(link("alternate"), BASE);

    let entries = child(feed, ATOM, "entry");
    // Two articles; the draft is left out.
    assert_eq!(entries.len(), 2);
    let mut published = Vec::new();
    for entry in &entries {
        let id = one_text(*entry, ATOM, "id");
        assert!(site.exists(&file_of(id)), "{id} is a page of the site");
        assert!(!one_text(*entry, ATOM, "title").is_empty());
        assert!(is_rfc3339(one_text(*entry, ATOM, "updated")));
        let date = one_text(*entry, ATOM, "published");
        assert!(is_rfc3339(date));
        published.push(date.to_string());
        let alternate = child(*entry, ATOM, "link")
            .into_iter()
            .find(|l| l.attribute("rel") == Some("alternate"))
            .expect("a link to the page");
        assert_eq!(alternate.attribute("href"), Some(id));
        let content = child(*entry, ATOM, "content");
        assert_eq!(content[0].attribute("type"), Some("html"));
        // Relative links in the text resolve from the article's page.
        assert_eq!(
            content[0].attribute(("http://www.w3.org/XML/1998/namespace", "base")),
            Some(id)
        );
    }
    let mut newest_first = published.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(published, newest_first);

    let treaty = entries
        .iter()
        .find(|e| one_text(**e, ATOM, "title") == "Treaty & \"alliance\" <signed> in Pyongyang")
        .expect("the treaty, its title unescaped once parsed");
    let html = one_text(*treaty, ATOM, "content");
    assert!(html.contains("Vladimir Putin"), "{html}");
    // Links to the site are absolute: not every reader applies xml:base.
    assert!(
        html.contains(&format!(
            "href=\"{BASE}entities/vladimir-putin/index.html\""
        )),
        "{html}"
    );
    assert!(!html.contains("href=\"../"), "{html}");
    let via = child(*treaty, ATOM, "link")
        .into_iter()
        .find(|l| l.attribute("rel") == Some("via"))
        .expect("the source");
    assert_eq!(
        via.attribute("href"),
        Some("https://news.example.org/treaty")
    );
    let categories: Vec<_> = child(*treaty, ATOM, "category")
        .iter()
        .filter_map(|c| c.attribute("term"))
        .collect();
    // A tag is named as the newest article that carries it writes it.
    assert_eq!(categories, ["diplomacy", "Sécurité régionale"]);
}

#[test]
fn the_sitemap_lists_every_page_once_with_absolute_addresses() {
    let (_fixture, site) = published();
    let xml = site.text("sitemap.xml");
    let document = roxmltree::Document::parse(&xml).expect("sitemap.xml is well-formed XML");
    let urlset = document.root_element();
    assert!(urlset.has_tag_name((SITEMAP, "urlset")));
    let mut listed = BTreeSet::new();
    for url in child(urlset, SITEMAP, "url") {
        let loc = one_text(url, SITEMAP, "loc");
        assert!(loc.starts_with(BASE), "{loc}");
        assert!(site.exists(&file_of(loc)), "{loc} exists");
        assert!(listed.insert(file_of(loc)), "{loc} listed once");
        for lastmod in child(url, SITEMAP, "lastmod") {
            let day = lastmod.text().unwrap_or_default();
            assert!(day.parse::<jiff::civil::Date>().is_ok(), "{day}");
        }
    }
    let pages: BTreeSet<String> = site
        .files()
        .into_iter()
        .filter(|f| f.ends_with("index.html") && f != "search/index.html")
        .collect();
    assert_eq!(listed, pages, "every page but search and 404");
    // Under a path, no crawler would read a robots.txt.
    assert!(!site.exists("robots.txt"));
}

#[test]
fn pages_say_where_they_live_and_what_they_are() {
    let (_fixture, site) = published();
    let article = "articles/treaty/index.html";
    let page = site.page(article);
    let canonical = format!("{BASE}articles/treaty/");
    assert_eq!(
        page.attrs("link[rel=canonical]", "href"),
        std::slice::from_ref(&canonical)
    );
    assert_eq!(
        page.attrs("meta[property=\"og:url\"]", "content"),
        std::slice::from_ref(&canonical)
    );
    assert_eq!(
        page.attrs("meta[property=\"og:type\"]", "content"),
        ["article"]
    );
    assert_eq!(
        page.attrs("meta[property=\"og:title\"]", "content"),
        ["Treaty & \"alliance\" <signed> in Pyongyang"]
    );
    assert_eq!(
        page.attrs("meta[name=description]", "content"),
        ["Putin and Kim sign a mutual defence pact."]
    );
    assert_eq!(
        page.attrs("link[rel=alternate][type=\"application/atom+xml\"]", "href"),
        [format!("{BASE}atom.xml")]
    );

    let data = json_ld(&site, article);
    assert_eq!(data["@context"], "https://schema.org");
    assert_eq!(data["@type"], "NewsArticle");
    assert_eq!(data["headline"], page.text_of("h1"));
    assert_eq!(data["url"], canonical);
    assert_eq!(data["datePublished"], "2024-06-19T00:00:00Z");
    assert_eq!(data["inLanguage"], "en");
    for key in ["isBasedOn", "citation"] {
        assert_eq!(data[key]["url"], "https://news.example.org/treaty", "{key}");
        assert_eq!(data[key]["author"]["name"], "A. Writer");
        assert_eq!(
            data[key]["archivedAt"],
            "https://web.archive.org/web/2024/https://news.example.org/treaty"
        );
    }
    let mentions = data["mentions"].as_array().expect("the entities it names");
    let putin = mentions
        .iter()
        .find(|m| m["name"] == "Vladimir Putin")
        .expect("Putin");
    assert_eq!(putin["@type"], "Person");
    assert_eq!(putin["url"], format!("{BASE}entities/vladimir-putin/"));

    let putin = json_ld(&site, "entities/vladimir-putin/index.html");
    assert_eq!(putin["@type"], "Person");
    assert_eq!(putin["name"], "Vladimir Putin");
    assert_eq!(putin["url"], format!("{BASE}entities/vladimir-putin/"));
    let same_as = putin["sameAs"].as_array().expect("sameAs");
    assert!(
        same_as.iter().any(|s| s
            .as_str()
            .is_some_and(|s| s.starts_with("https://www.wikidata.org/wiki/Q"))),
        "{same_as:?}"
    );
    let place = json_ld(&site, "entities/pyongyang/index.html");
    assert_eq!(place["@type"], "Place");

    let home = json_ld(&site, "index.html");
    assert_eq!(home["@type"], "WebSite");
    assert_eq!(
        home["potentialAction"]["target"],
        format!("{BASE}search/?q={{search_term_string}}")
    );
}

#[test]
fn without_base_url_what_needs_an_absolute_address_is_left_out_and_said_once() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    assert!(!site.exists("atom.xml"));
    assert!(!site.exists("sitemap.xml"));
    assert_eq!(site.text("robots.txt"), "User-agent: *\nAllow: /\n");
    let page = site.page("articles/treaty/index.html");
    assert_eq!(page.count("link[rel=canonical]"), 0);
    assert_eq!(page.count("meta[property=\"og:url\"]"), 0);
    assert_eq!(page.count("link[type=\"application/atom+xml\"]"), 0);
    assert_eq!(page.count("meta[property=\"og:title\"]"), 1);
    let data = json_ld(&site, "articles/treaty/index.html");
    assert!(data.get("url").is_none());
    assert_eq!(
        site.stderr.matches("no `base_url`").count(),
        1,
        "{}",
        site.stderr
    );

    // base_url from dossier.yaml works as --base-url does, and the flag wins.
    let settings = fixture.text("dossier.yaml");
    fixture.write(
        "dossier.yaml",
        &format!("{settings}base_url: https://old.example.net/\n"),
    );
    let site = fixture.build();
    assert!(
        site.text("atom.xml")
            .contains("<id>https://old.example.net/</id>")
    );
    assert!(!site.stderr.contains("no `base_url`"));
    let site = fixture.build_with(&["--base-url", BASE]);
    assert!(site.text("atom.xml").contains(&format!("<id>{BASE}</id>")));
}

#[test]
fn a_build_makes_only_items_the_search_index_and_the_site_files_aliases_must_avoid() {
    // At the root of its host, where robots.txt is made too, naming the
    // sitemap.
    let fixture = Fixture::copy("english");
    let site = fixture.build_with(&["--base-url", "https://pyongyang.example.org"]);
    assert_eq!(
        site.text("robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://pyongyang.example.org/sitemap.xml\n"
    );
    for file in site.files() {
        let item = ["articles/", "entities/", "tags/", "timeline/", "about/"]
            .iter()
            .any(|folder| file.starts_with(folder) && file.ends_with("/index.html"));
        assert!(
            item || file.starts_with(dossier::SEARCH_FOLDER)
                || dossier::SITE_FILES.contains(&file.as_str())
                || file == "extra.css",
            "{file} is made but not in paths::SITE_FILES"
        );
    }
    // And the list names nothing the site has stopped making, which
    // would refuse an alias for no reason.
    let files: Vec<String> = site.files().into_iter().collect();
    for fixed in dossier::SITE_FILES {
        assert!(
            files.iter().any(|file| file == fixed),
            "{fixed} is in paths::SITE_FILES but not made"
        );
    }
}

#[test]
fn a_site_s_own_robots_txt_is_kept_and_a_replaced_static_file_is_said() {
    let fixture = Fixture::copy("english");
    fixture.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    fixture.write(
        "static/favicon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let site = fixture.build_with(&["--base-url", BASE]);
    assert_eq!(
        site.text("robots.txt"),
        "User-agent: *\nDisallow: /drafts/\n"
    );
    assert!(
        site.text("favicon.svg").contains("<rect"),
        "the theme's icon"
    );
    assert!(
        site.stderr.contains(
            "static/favicon.svg: warning: replaced by the file the site makes at the same path"
        ),
        "{}",
        site.stderr
    );
    assert!(
        !site.stderr.contains("static/robots.txt"),
        "{}",
        site.stderr
    );
}
