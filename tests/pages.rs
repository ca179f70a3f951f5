//! Pagination: the lists that grow with the dossier (articles, a tag, the
//! timeline's years, the entities, an entity's passages) cut into pages of
//! `paginate_by` items, each item on exactly one page, in order, the pages
//! linked to each other from disk.

mod common;

use std::collections::BTreeMap;

use common::{Fixture, Page, Site, assert_says, resolve, texts_across};
use scraper::Selector;

/// Dates of the articles, oldest first: one in 2023, the rest in 2024.
const DATES: [&str; 7] = [
    "2023-11-02",
    "2024-01-05",
    "2024-01-20",
    "2024-02-11",
    "2024-02-12",
    "2024-03-30",
    "2024-05-01",
];

/// A dossier of 7 articles, each naming Kim twice (two passages) and
/// Putin once, tagged `Beta`, every other one `Alpha` too; a note naming
/// Kim in the newest; six entities of four types, one an event of 2024;
/// `settings` added to its `dossier.yaml`.
fn dossier(settings: &str) -> Fixture {
    let fixture = Fixture::new(&[
        (
            "dossier.yaml",
            &format!("title: Paged\nbase_url: https://example.org/\n{settings}"),
        ),
        (
            "content/entities/kim-jong-un.md",
            "---\nname: Kim Jong Un\ntype: person\naliases: [Kim]\n---\nLeader of North Korea.\n",
        ),
        (
            "content/entities/vladimir-putin.md",
            "---\nname: Vladimir Putin\ntype: person\naliases: [Putin]\nrelations:\n  - {to: russia, type: leads}\n---\nPresident of Russia.\n",
        ),
        (
            "content/entities/russia.md",
            "---\nname: Russia\ntype: country\n---\n",
        ),
        (
            "content/entities/north-korea.md",
            "---\nname: North Korea\ntype: country\n---\n",
        ),
        (
            "content/entities/pyongyang.md",
            "---\nname: Pyongyang\ntype: place\n---\n",
        ),
        (
            "content/entities/summit.md",
            "---\nname: Summit\ntype: event\ndate: 2024-02-11\n---\n",
        ),
    ]);
    for (n, date) in DATES.iter().enumerate() {
        let tags = if n % 2 == 0 {
            "[Alpha, Beta]"
        } else {
            "[Beta]"
        };
        let note = if n == DATES.len() - 1 {
            "annotations:\n  - quote: \"met again\"\n    note: The last meeting.\n    entities: [kim-jong-un]\n"
        } else {
            ""
        };
        fixture.write(
            &format!("content/articles/a{n}.md"),
            &format!(
                "---\ntitle: Meeting {n}\ndate: {date}\ntags: {tags}\n{note}---\n\
                 Kim met Putin in Pyongyang.\n\nKim Jong Un met again, said Russia.\n"
            ),
        );
    }
    fixture
}

/// The path of each page of `pages`.
fn paths(pages: &[Page]) -> Vec<&str> {
    pages.iter().map(|p| p.path.as_str()).collect()
}

/// The texts of `items` on `pages`, one after the other, each with the
/// texts of the `heads` above it (a heading of a level clears those of
/// the levels below): a heading said again at the top of the next page,
/// when what it heads goes on there, is then no extra item.
fn headed(pages: &[Page], heads_css: &str, items: &str) -> Vec<String> {
    let heads = Selector::parse(heads_css).expect("selector");
    let both = Selector::parse(&format!("{heads_css}, {items}")).expect("selector");
    let mut out = Vec::new();
    for page in pages {
        let mut above: BTreeMap<String, String> = BTreeMap::new();
        for element in page.html.select(&both) {
            let text = element.text().collect::<String>();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let tag = element.value().name().to_string();
            if heads.matches(&element) {
                above.retain(|level, _| *level < tag);
                above.insert(tag, text);
            } else {
                let path: Vec<&str> = above.values().map(String::as_str).collect();
                out.push(format!("{} | {text}", path.join(" / ")));
            }
        }
    }
    out
}

/// What each list shows, across all its pages: the articles, a tag's
/// articles, the entities by type, an entity's passages by article then
/// its note, the timeline's items by year and month.
fn lists(site: &Site) -> BTreeMap<&'static str, Vec<String>> {
    let list = |first: &str, css: &str| texts_across(&site.pages_from(first), css);
    BTreeMap::from([
        (
            "articles",
            list("articles/index.html", ".article-list > li > a"),
        ),
        (
            "tag",
            list("tags/alpha/index.html", ".article-list > li > a"),
        ),
        (
            "entities",
            headed(
                &site.pages_from("entities/index.html"),
                "h2",
                ".entity-list li",
            ),
        ),
        (
            "entity",
            headed(
                &site.pages_from("entities/kim-jong-un/index.html"),
                ".mentioning h3, #notes",
                ".passages li, .note-item blockquote",
            ),
        ),
        (
            "timeline",
            headed(&site.timeline(), ".year h2, .year h3", ".timeline li"),
        ),
    ])
}

#[test]
fn every_list_holds_each_item_once_and_in_order_across_its_pages() {
    let whole_fixture = dossier("");
    let whole = lists(&whole_fixture.build());
    let paged_site_fixture = dossier("paginate_by: 2\n");
    let paged_site = paged_site_fixture.build();
    let paged = lists(&paged_site);
    assert_eq!(whole["articles"].len(), 7);
    assert_eq!(whole["tag"].len(), 4);
    assert_eq!(whole["entities"].len(), 6);
    // 14 passages in 7 articles, then the note.
    assert_eq!(whole["entity"].len(), 14 + 1, "{:?}", whole["entity"]);
    assert_eq!(
        whole["entity"][0],
        "Meeting 6 1 May 2024 | Kim met Putin in Pyongyang."
    );
    assert_eq!(whole["timeline"].len(), 8);
    assert_eq!(
        whole["timeline"][0],
        "2023 / November 2023 | 2 November 2023 Meeting 0"
    );
    assert_eq!(paged, whole, "paged lists differ from whole ones");
    // Newest first, across the four pages of articles.
    let articles = paged_site.pages_from("articles/index.html");
    assert_eq!(
        paths(&articles),
        [
            "articles/index.html",
            "articles/page/2/index.html",
            "articles/page/3/index.html",
            "articles/page/4/index.html"
        ]
    );
    assert_eq!(
        texts_across(&articles, ".article-list > li > a"),
        (0..7)
            .rev()
            .map(|n| format!("Meeting {n}"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_page_size_is_read_from_dossier_yaml() {
    let site_fixture = dossier("paginate_by: 3\n");
    let site = site_fixture.build();
    let per_page = |first: &str, css: &str| -> Vec<usize> {
        site.pages_from(first)
            .iter()
            .map(|p| p.count(css))
            .collect()
    };
    assert_eq!(
        per_page("articles/index.html", ".article-list > li"),
        [3, 3, 1]
    );
    assert_eq!(
        per_page("tags/beta/index.html", ".article-list > li"),
        [3, 3, 1]
    );
    assert_eq!(per_page("entities/index.html", ".entity-list li"), [3, 3]);
    // 14 passages, then the note: 15 items.
    assert_eq!(
        per_page(
            "entities/kim-jong-un/index.html",
            ".passages li, .note-item"
        ),
        [3, 3, 3, 3, 3]
    );
    // 2024: 6 articles and the summit.
    assert_eq!(
        per_page("timeline/2024/index.html", ".timeline li"),
        [3, 3, 1]
    );
    assert_eq!(per_page("timeline/2023/index.html", ".timeline li"), [1]);
    // By default, each list is one page, at its old address.
    let whole_fixture = dossier("");
    let whole = whole_fixture.build();
    for first in [
        "articles/index.html",
        "tags/beta/index.html",
        "entities/index.html",
        "entities/kim-jong-un/index.html",
    ] {
        let pages = whole.pages_from(first);
        assert_eq!(paths(&pages), [first]);
        assert_eq!(pages[0].count("nav.pages"), 0, "{first}: no pager");
    }
}

#[test]
fn pagers_link_every_page_from_disk_and_mark_the_current_one() {
    let site_fixture = dossier("paginate_by: 1\n");
    let site = site_fixture.build();
    let mut pagers = 0;
    for file in site.files().iter().filter(|f| f.ends_with(".html")) {
        let page = site.page(file);
        if page.count("nav.pages") == 0 {
            continue;
        }
        pagers += 1;
        assert_eq!(page.count("nav.pages"), 1, "{file}");
        for href in page.attrs("nav.pages a", "href") {
            assert!(href.ends_with("/index.html"), "{file}: {href}");
            assert!(!href.starts_with('/'), "{file}: {href} is relative");
            let target = resolve(file, &href);
            assert!(site.exists(&target), "{file}: {href} -> {target} missing");
        }
        // The current page is marked, and is this page.
        let current = page.attrs("nav.pages a[aria-current=page]", "href");
        assert_eq!(current.len(), 1, "{file}");
        assert_eq!(resolve(file, &current[0]), *file);
        // Previous and next lead to the numbers around this one.
        let number: usize = page
            .text_of("nav.pages a[aria-current=page]")
            .parse()
            .expect("a number");
        for (rel, other) in [("prev", number.wrapping_sub(1)), ("next", number + 1)] {
            for href in page.attrs(&format!("nav.pages a[rel={rel}]"), "href") {
                let linked = site.page(&resolve(file, &href));
                let shown = linked.text_of("nav.pages a[aria-current=page]");
                assert_eq!(shown, other.to_string(), "{file}: {rel}");
            }
        }
    }
    // Articles (7), entities (6), Kim (15), Putin, Russia and Pyongyang
    // (7 each), the tags (4 and 7), 2024 (7).
    assert_eq!(pagers, 67);
    // Gaps: page 8 of Kim's 15 shows 1 … 7 8 9 … 15.
    let middle = site.page("entities/kim-jong-un/page/8/index.html");
    assert_eq!(
        middle.texts("nav.pages li"),
        ["← Previous", "1", "…", "7", "8", "9", "…", "15", "Next →"]
    );
    assert_eq!(
        middle.attrs("nav.pages .gap", "aria-hidden"),
        ["true", "true"]
    );
    assert_eq!(
        middle.attrs("nav.pages a[aria-current]", "aria-label"),
        ["Page 8"]
    );
}

#[test]
fn later_pages_have_their_own_title_address_and_place_in_the_sitemap() {
    let site_fixture = dossier("paginate_by: 2\n");
    let site = site_fixture.build();
    let second = site.page("articles/page/2/index.html");
    assert_eq!(second.text_of("title"), "Articles, page 2 · Paged");
    assert_eq!(
        second.attrs("link[rel=canonical]", "href"),
        ["https://example.org/articles/page/2/"]
    );
    assert_eq!(
        second.attrs("meta[property='og:url']", "content"),
        ["https://example.org/articles/page/2/"]
    );
    let first = site.page("articles/index.html");
    assert_eq!(first.text_of("title"), "Articles · Paged");
    assert_eq!(
        site.page("entities/kim-jong-un/page/3/index.html")
            .text_of("title"),
        "Kim Jong Un, page 3 · Paged"
    );
    assert_eq!(
        site.page("timeline/2024/page/2/index.html")
            .text_of("title"),
        "Timeline 2024, page 2 · Paged"
    );
    let sitemap = site.text("sitemap.xml");
    for later in [
        "articles/page/4/",
        "entities/page/3/",
        "entities/kim-jong-un/page/8/",
        "tags/beta/page/4/",
        "timeline/",
        "timeline/2023/",
        "timeline/2024/page/4/",
    ] {
        let address = format!("<loc>https://example.org/{later}</loc>");
        assert_eq!(sitemap.matches(&address).count(), 1, "{later}");
    }
    // The search index holds each entity once, at its first page.
    let texts = site
        .files()
        .into_iter()
        .filter(|f| f.starts_with("search/texts/"))
        .map(|f| site.text(&f))
        .collect::<String>();
    assert!(texts.contains("entities/kim-jong-un/index.html"));
    assert!(
        !texts.contains("kim-jong-un/page/"),
        "later pages are not searched"
    );
}

#[test]
fn an_entity_s_later_pages_keep_its_header_and_leave_the_rest_to_the_first() {
    let site_fixture = dossier("paginate_by: 4\n");
    let site = site_fixture.build();
    let first = site.page("entities/vladimir-putin/index.html");
    let later = site.page("entities/vladimir-putin/page/2/index.html");
    for page in [&first, &later] {
        assert_eq!(page.text_of("h1"), "Vladimir Putin");
        assert_eq!(page.text_of("#mentioned-in"), "Mentioned in (7)");
        assert_eq!(page.text_of(".entity > header .kind"), "Person");
    }
    for what in [".prose", "#relations", "#neighbourhood", "#co-mentioned"] {
        assert_eq!(first.count(what), 1, "{what} on the first page");
        assert_eq!(later.count(what), 0, "{what} on a later page");
    }
    assert_eq!(first.count("script[type='application/ld+json']"), 1);
    assert_eq!(later.count("script[type='application/ld+json']"), 0);
}

#[test]
fn the_timeline_starts_from_its_years_and_their_months() {
    let site_fixture = dossier("paginate_by: 2\n");
    let site = site_fixture.build();
    let index = site.page("timeline/index.html");
    assert_eq!(index.texts("section.year h2"), ["2023 1", "2024 7"]);
    // Each month links to the page of its year where it starts.
    assert_eq!(
        index.attrs("section.year:nth-of-type(2) .chip", "href"),
        [
            "../timeline/2024/index.html#m2024-01",
            "../timeline/2024/page/2/index.html#m2024-02",
            "../timeline/2024/page/3/index.html#m2024-03",
            "../timeline/2024/page/4/index.html#m2024-05",
        ]
    );
    for href in index.attrs(".chip", "href") {
        let (_, anchor) = href.split_once('#').expect("a month's anchor");
        let page = site.page(&resolve(&index.path, &href));
        assert_eq!(page.count(&format!("h3[id='{anchor}']")), 1, "{href}");
    }
    // A year's pages link to the other years, this one marked.
    let year = site.page("timeline/2024/page/3/index.html");
    assert_eq!(year.texts("nav.years a"), ["2023", "2024"]);
    assert_eq!(year.texts("nav.years a[aria-current]"), ["2024"]);
    // A month cut by a page's end is headed again on the next page.
    assert_eq!(year.texts("h3"), ["February 2024", "March 2024"]);
}

#[test]
fn a_bad_paginate_by_is_an_error_at_its_line_and_column() {
    for (value, column, message) in [
        ("0", 14, "`paginate_by`: 0 would put no item on a page"),
        (
            "-2",
            14,
            "`paginate_by`: invalid number `-2`: expected a whole number, 1 or more",
        ),
        ("2.5", 14, "invalid number `2.5`"),
        ("ten", 14, "invalid number `ten`"),
        ("\"20\"", 14, "invalid number `20`"),
        ("", 13, "`paginate_by` is empty"),
    ] {
        let fixture = Fixture::new(&[
            ("dossier.yaml", &format!("title: T\npaginate_by: {value}\n")),
            (
                "content/articles/a.md",
                "---\ntitle: A\ndate: 2024-01-01\n---\nB\n",
            ),
        ]);
        let stderr = fixture.fail(&["build"]);
        assert_says(
            &stderr,
            &[
                &format!("dossier.yaml:2:{column}: error: "),
                message,
                "help: write how many items a page of a list holds, such as `paginate_by: 200`",
            ],
        );
        assert!(!fixture.exists("public/index.html"), "nothing was written");
    }
}

#[test]
fn an_alias_cannot_take_the_address_of_a_page_a_list_will_need() {
    let fixture = dossier("");
    fixture.write(
        "content/articles/old.md",
        "---\ntitle: Old\ndate: 2020-01-01\naliases:\n  - /articles/page/9/\n  - /timeline/2019/\n  - /tags/beta/page/2/index.html\n  - /articles/page/\n---\nText.\n",
    );
    let stderr = fixture.fail(&["check"]);
    for line in [5, 6, 7] {
        assert_says(
            &stderr,
            &[&format!("content/articles/old.md:{line}:5: error: alias `")],
        );
    }
    assert_says(&stderr, &["3 errors"]);
    assert!(!stderr.contains("`/articles/page/`"), "{stderr}");
}

#[test]
fn paginated_pages_are_the_same_bytes_at_any_thread_count() {
    let fixture = dossier("paginate_by: 2\n");
    let read_all = |site: &Site| -> BTreeMap<String, Vec<u8>> {
        site.files()
            .into_iter()
            .map(|f| (f.clone(), std::fs::read(site.root.join(&f)).expect("read")))
            .collect()
    };
    let mut builds = Vec::new();
    for threads in ["1", "2"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "--root"])
            .arg(fixture.root())
            .output()
            .expect("runs");
        assert!(output.status.success());
        builds.push(read_all(&Site {
            root: fixture.root().join("public"),
            stderr: String::new(),
        }));
    }
    assert!(builds[0].len() > 60, "{} files", builds[0].len());
    assert!(
        builds[0] == builds[1],
        "output differs with one thread and two"
    );
}
