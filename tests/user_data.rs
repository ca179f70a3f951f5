//! What users write reaches the templates safely: values Tera cannot hold
//! (`extra` with a null key, `.nan`, a YAML tag) are refused at their line,
//! never a panic; and a mistake in a user's template is reported once, at
//! the template's own file and line.

mod common;

use common::{Fixture, assert_says};

const ARTICLE: &str = "---\ntitle: A\ndate: 2024-01-01\n---\nBody\n";

/// Runs `build` and `check` on `files`, both failing with exit 1 and no
/// panic; returns the stderr of `build`.
fn fail_both(files: &[(&str, &str)]) -> String {
    let fixture = Fixture::new(files);
    fixture.fail(&["check"]);
    let stderr = fixture.fail(&["build"]);
    assert!(!fixture.exists("public"), "a failed build wrote public/");
    stderr
}

#[test]
fn extra_values_templates_cannot_hold_are_errors_at_their_line() {
    for (extra, place, says) in [
        (
            "{odd: {~: 1}}",
            ":4:15: error:",
            "a key under `extra` is null",
        ),
        (
            "{odd: {[1, 2]: x}}",
            ":4:15: error:",
            "a key under `extra` is a list",
        ),
        ("{n: .nan}", ":4:12: error:", "`.nan` is not a number"),
        ("{n: -.inf}", ":4:12: error:", "`-.inf` is not a number"),
        ("{n: 18446744073709551616}", ":4:12: error:", "too large"),
        ("{t: !foo x}", ":4:12: error:", "YAML tag `!foo`"),
    ] {
        for (file, front) in [
            ("content/articles/a.md", "title: A\ndate: 2024-01-01"),
            ("content/pages/p.md", "title: P\nslug: p\n"),
            ("content/entities/e.md", "name: E\ntype: person"),
        ] {
            let front = front.trim_end();
            // Every front matter above is two lines: `extra` is line 4.
            let text = format!("---\n{front}\nextra: {extra}\n---\nBody\n");
            let stderr = fail_both(&[(file, &text), ("content/articles/b.md", ARTICLE)]);
            assert_says(&stderr, &[&format!("{file}{place}"), says, "= help: "]);
        }
    }
}

#[test]
fn extra_with_plain_data_reaches_templates() {
    let fixture = Fixture::new(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nextra:\n  base: &b {x: 1}\n  copy: *b\n  \"<<\": 2\n  2024: yes\n  deep: [[[[1]]]]\n---\nBody\n",
        ),
        (
            "templates/article.html",
            "{{ article.extra.copy.x }}|{{ article.extra[\"2024\"] }}|{{ article.extra[\"<<\"] }}|{{ article.extra.deep[0][0][0][0] }}",
        ),
    ]);
    let site = fixture.build();
    assert_eq!(site.text("articles/a/index.html"), "1|yes|2|1");
}

#[test]
fn extra_of_dossier_yaml_reaches_every_template_as_site_extra() {
    let fixture = Fixture::new(&[
        (
            "dossier.yaml",
            "title: T\nextra:\n  contact: desk@example.org\n  funders: [Fund A, Fund B]\n",
        ),
        ("content/articles/a.md", ARTICLE),
        (
            "content/pages/p.md",
            "---\ntitle: P\nextra: {own: page}\n---\n",
        ),
        (
            "templates/base.html",
            "<p id=contact>{{ site.extra.contact }}</p><p id=funders>{{ site.extra.funders | join(sep=\"+\") }}</p>{% block content %}{% endblock content %}{% block title %}{% endblock title %}{% block header_search %}{% endblock header_search %}{% block scripts %}{% endblock scripts %}",
        ),
        (
            "templates/page.html",
            "{% extends \"base.html\" %}{% block content %}<p id=own>{{ extra.own }}</p>{% endblock content %}",
        ),
    ]);
    let site = fixture.build();
    // Pages of every depth extend base.html: each shows the site's data.
    for path in [
        "index.html",
        "articles/a/index.html",
        "p/index.html",
        "404.html",
    ] {
        let page = site.page(path);
        assert_eq!(page.text_of("#contact"), "desk@example.org", "{path}");
        assert_eq!(page.text_of("#funders"), "Fund A+Fund B", "{path}");
    }
    // A page's own `extra` stays the page's.
    assert_eq!(site.page("p/index.html").text_of("#own"), "page");
}

#[test]
fn extra_of_dossier_yaml_is_read_by_the_same_rules() {
    for (extra, place, says) in [
        (
            "{odd: {~: 1}}",
            "dossier.yaml:2:15: error:",
            "a key under `extra` is null",
        ),
        (
            "{t: !foo x}",
            "dossier.yaml:2:12: error:",
            "YAML tag `!foo`",
        ),
        (
            "[a, b]",
            "dossier.yaml:2:8: error:",
            "`extra`: found a list, expected a map",
        ),
    ] {
        let settings = format!("title: T\nextra: {extra}\n");
        let stderr = fail_both(&[
            ("dossier.yaml", &settings),
            ("content/articles/a.md", ARTICLE),
        ]);
        assert_says(&stderr, &[place, says, "= help: "]);
    }
    // A misspelt key says where custom data goes.
    let stderr = fail_both(&[
        ("dossier.yaml", "title: T\nextar: {a: 1}\n"),
        ("content/articles/a.md", ARTICLE),
    ]);
    assert_says(
        &stderr,
        &[
            "dossier.yaml:2:1: error: unknown key `extar`",
            "= help: did you mean `extra`?\n",
        ],
    );
}

#[test]
fn a_mistake_in_base_html_is_one_error_at_its_line() {
    let base = include_str!("../templates/base.html").replace("</footer>", "{{ nope }}</footer>");
    let line = base
        .lines()
        .position(|l| l.contains("{{ nope }}"))
        .expect("the line")
        + 1;
    let stderr = fail_both(&[
        ("content/articles/a.md", ARTICLE),
        ("templates/base.html", &base),
    ]);
    assert_eq!(stderr.matches(": error: ").count(), 1, "{stderr}");
    assert_says(
        &stderr,
        &[
            &format!("templates/base.html:{line}:"),
            "error: template error: Variable `nope` is not defined (rendering `",
            "and 10 other pages)",
            "{{ nope }}</footer>",
            "1 error; nothing was written",
        ],
    );
}

#[test]
fn a_base_html_without_a_block_the_theme_fills_says_which_to_add() {
    let base = include_str!("../templates/base.html")
        .replace("{% block header_search %}", "")
        .replace("{% endblock header_search %}", "");
    let stderr = fail_both(&[
        ("content/articles/a.md", ARTICLE),
        ("templates/base.html", &base),
    ]);
    assert_says(
        &stderr,
        &[
            "error: template error (in the built-in template): Block `header_search` is not defined",
            "help: the built-in pages fill the block `header_search` of base.html",
            "add `{% block header_search %}{% endblock header_search %}`",
        ],
    );
}

#[test]
fn a_syntax_error_in_a_template_is_placed_in_its_file() {
    let stderr = fail_both(&[
        ("content/articles/a.md", ARTICLE),
        (
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{% if %}\n{% endblock %}\n",
        ),
    ]);
    assert_eq!(stderr.matches(": error: ").count(), 1, "{stderr}");
    assert_says(
        &stderr,
        &[
            "templates/page.html:3:7: error: template error:",
            " 3 | {% if %}",
        ],
    );
}
