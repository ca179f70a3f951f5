//! Redirects from an article's old addresses (its `aliases`): a page that
//! sends the reader on, and an error at its place for an alias that cannot
//! be one (a file the site makes, a full URL, `..`, another article's
//! alias).

mod common;

use common::Fixture;
use common::publish::BASE;

/// The output path a relative link in the file at `from` leads to.
fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in link.split('/') {
        match part {
            ".." => {
                parts.pop().expect("inside the site");
            }
            _ => parts.push(part),
        }
    }
    parts.join("/")
}

#[test]
fn old_addresses_redirect_to_the_article() {
    let fixture = Fixture::copy("english");
    let treaty = fixture.text("content/articles/2024/treaty.md");
    let treaty = treaty.replacen(
        "lang: en\n",
        "lang: en\naliases: [/2024/06/treaty/, news/treaty.html]\n",
        1,
    );
    fixture.write("content/articles/2024/treaty.md", &treaty);
    let site = fixture.build_with(&["--base-url", BASE]);
    for (file, target) in [
        (
            "2024/06/treaty/index.html",
            "../../../articles/treaty/index.html",
        ),
        ("news/treaty.html", "../articles/treaty/index.html"),
    ] {
        let page = site.page(file);
        assert_eq!(
            page.attrs("meta[http-equiv=refresh]", "content"),
            [format!("0; url={target}")]
        );
        assert_eq!(page.attrs("a", "href"), [target]);
        assert_eq!(
            page.attrs("link[rel=canonical]", "href"),
            [format!("{BASE}articles/treaty/")]
        );
        assert!(site.exists(&resolve(file, target)), "{target} from {file}");
        assert_eq!(page.attrs("meta[name=robots]", "content"), ["noindex"]);
    }
    assert!(!site.text("sitemap.xml").contains("2024/06/treaty"));
}

#[test]
fn an_alias_that_cannot_be_a_redirect_is_an_error_at_its_place() {
    let fixture = Fixture::copy("english");
    let treaty = fixture.text("content/articles/2024/treaty.md");
    fixture.write(
        "content/articles/2024/treaty.md",
        &treaty.replacen(
            "lang: en\n",
            "lang: en\naliases:\n  - /entities/\n  - https://example.org/old/\n  - /a/../b/\n",
            1,
        ),
    );
    let reaction = fixture.text("content/articles/2024/reaction.md");
    fixture.write(
        "content/articles/2024/reaction.md",
        &reaction.replacen("---\n", "---\naliases: [/old/]\n", 1),
    );
    let treaty = fixture.text("content/articles/2024/treaty.md");
    fixture.write(
        "content/articles/2024/treaty.md",
        &treaty.replacen(
            "  - /a/../b/\n",
            "  - /a/../b/\n  - OLD\n  - /atom.xml/\n  - /Search.JS\n  - /search/x.html\n  - /sitemap-2.xml\n",
            1,
        ),
    );
    // check finds what build would trip over.
    let stderr = fixture.fail(&["check"]);
    for expected in [
        "content/articles/2024/treaty.md:14:5: error: alias `/entities/` is the address of a file the site makes",
        "content/articles/2024/treaty.md:15:5: error: alias `https://example.org/old/` is a full URL",
        "content/articles/2024/treaty.md:16:5: error: alias `/a/../b/` has an empty, `.` or `..` part",
        // Without case: macOS and Windows would make them one folder.
        "treaty.md:17:5: error: alias `OLD` is also an alias of article `reaction`",
        // A file the site makes cannot be a folder too.
        "treaty.md:18:5: error: alias `/atom.xml/` is the address of a file the site makes",
        "treaty.md:19:5: error: alias `/Search.JS` is the address of a file the site makes",
        "treaty.md:20:5: error: alias `/search/x.html` is the address of a file the site makes",
        // A part of a sitemap too long for one file.
        "treaty.md:21:5: error: alias `/sitemap-2.xml` is the address of a file the site makes",
    ] {
        assert!(stderr.contains(expected), "{expected}\nin:\n{stderr}");
    }
    assert!(!fixture.exists("public/index.html"), "nothing was written");
}
