//! Bad references between files: a wikilink, a relation, a relation's
//! source or an `entities:` list naming what does not exist, and slugs or
//! ids taken twice; each reported with exit status 1 at its own
//! `file:line:`, with the nearest id suggested, and nothing written. A
//! reference to a file that is itself broken is not reported again.

mod common;

use common::assert_says;
use common::bad_input::{ARTICLE, KIM, PUTIN, fail_build};

#[test]
fn duplicate_article_slug() {
    let stderr = fail_build(&[
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nslug: same\n---\nBody\n",
        ),
        (
            "content/articles/b.md",
            "---\ntitle: B\ndate: 2024-01-02\nslug: same\n---\nBody\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/b.md:4:",
            "duplicate article slug `same`",
            "content/articles/a.md",
        ],
    );
}

/// The id is the file name: the error is about the whole file, no line.
#[test]
fn duplicate_entity_id_across_folders() {
    let stderr = fail_build(&[
        (
            "content/entities/a/x.md",
            "---\nname: X\ntype: person\n---\n",
        ),
        (
            "content/entities/b/x.md",
            "---\nname: X2\ntype: person\n---\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/entities/b/x.md: error: duplicate entity id `x`",
            "content/entities/a/x.md",
        ],
    );
}

#[test]
fn wikilink_to_unknown_entity() {
    let stderr = fail_build(&[
        ("content/entities/vladimir-putin.md", PUTIN),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\n---\nFirst line.\n\nThen [[vladimir-putn]] spoke.\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:7:6: error:",
            "[[vladimir-putn]]",
            "`vladimir-putin`",
        ],
    );
}

#[test]
fn relation_to_unknown_entity() {
    let stderr = fail_build(&[
        ("content/entities/kim-jong-un.md", KIM),
        (
            "content/entities/vladimir-putin.md",
            "---\nname: Vladimir Putin\ntype: person\nrelations:\n  - to: kim-jong-um\n    type: ally\n---\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/entities/vladimir-putin.md:5:",
            "unknown entity `kim-jong-um`",
            "did you mean `kim-jong-un`?",
        ],
    );
}

#[test]
fn relation_source_not_an_article() {
    let stderr = fail_build(&[
        ("content/articles/treaty.md", ARTICLE),
        ("content/entities/kim-jong-un.md", KIM),
        (
            "content/entities/vladimir-putin.md",
            "---\nname: Vladimir Putin\ntype: person\nrelations:\n  - to: kim-jong-un\n    type: ally\n    source: no-such-article\n---\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/entities/vladimir-putin.md:7:",
            "`no-such-article` is not an article slug",
        ],
    );
}

#[test]
fn entities_list_names_unknown_entity() {
    let stderr = fail_build(&[
        ("content/entities/vladimir-putin.md", PUTIN),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nentities: [vladimir-putn]\n---\nBody\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:4:",
            "unknown entity `vladimir-putn`",
            "did you mean `vladimir-putin`?",
        ],
    );
}

#[test]
fn several_unknown_wikilinks_reported_together() {
    let stderr = fail_build(&[
        ("content/entities/vladimir-putin.md", PUTIN),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\n---\n[[nobody]] and\n[[vladimir-putn]].\n",
        ),
        (
            "content/articles/b.md",
            "---\ntitle: B\ndate: 2024-01-01\n---\nText.\n\n> Quote by [[vladimir-putn]].\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/articles/a.md:5:1:",
            "content/articles/a.md:6:1:",
            "content/articles/b.md:7:12:",
            "3 errors; nothing was written",
        ],
    );
}

/// An unknown id is reported on its own list line, not on an earlier line
/// that merely contains it (`kim` inside `kim-jong-un`).
#[test]
fn unknown_entity_in_a_list_is_placed_on_its_own_line() {
    let stderr = fail_build(&[
        ("content/entities/kim-jong-un.md", KIM),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nentities:\n  - kim-jong-un\n  - kim\n---\nBody\n",
        ),
    ]);
    assert_says(
        &stderr,
        &["content/articles/a.md:6:5:", "unknown entity `kim`"],
    );
}

/// A quoted relation source is still reported on its line.
#[test]
fn quoted_relation_source_is_placed_on_its_line() {
    let stderr = fail_build(&[
        ("content/entities/kim-jong-un.md", KIM),
        (
            "content/entities/vladimir-putin.md",
            "---\nname: Vladimir Putin\ntype: person\nrelations:\n  - to: kim-jong-un\n    type: ally\n    source: \"no-such-article\"\n---\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/entities/vladimir-putin.md:7:",
            "`no-such-article` is not an article slug",
        ],
    );
}

#[test]
fn references_to_a_broken_file_are_not_reported_twice() {
    // The entity file is broken: its own error is enough; the wikilink, the
    // `entities:` list and the relation that name it are not "unknown".
    let stderr = fail_build(&[
        (
            "content/entities/kim-jong-un.md",
            "---\nname: Kim Jong Un\n---\n",
        ),
        (
            "content/entities/vladimir-putin.md",
            "---\nname: Vladimir Putin\ntype: person\nrelations: [{to: kim-jong-un, type: ally}]\n---\n",
        ),
        (
            "content/articles/a.md",
            "---\ntitle: A\ndate: 2024-01-01\nentities: [kim-jong-un]\n---\nSee [[kim-jong-un]].\n",
        ),
    ]);
    assert_says(
        &stderr,
        &[
            "content/entities/kim-jong-un.md:1:1: error: missing required key `type`",
            "1 error;",
        ],
    );
}

#[test]
fn an_article_that_does_not_parse_is_one_error_not_one_per_reference() {
    let entity = "---\nname: Seoul\ntype: place\nrelations:\n  - {to: putin, type: visited, source: treaty-2024}\n---\n";
    let stderr = fail_build(&[
        (
            "content/articles/2024-06-19-signed.md",
            "---\ntitle: [unclosed\nslug: treaty-2024\ndate: 2024-06-19\n---\nBody\n",
        ),
        ("content/entities/seoul.md", entity),
        ("content/entities/putin.md", PUTIN),
        // Without a slug line, the file stem stands for it.
        (
            "content/articles/old-reaction.md",
            "---\ntitle: B\ndate: [\n---\nBody\n",
        ),
        (
            "content/entities/washington.md",
            "---\nname: Washington\ntype: place\nrelations:\n  - {to: putin, type: watched, source: old-reaction}\n---\n",
        ),
    ]);
    assert!(
        stderr.contains("content/articles/2024-06-19-signed.md:2:"),
        "{stderr}"
    );
    assert!(!stderr.contains("is not an article slug"), "{stderr}");
    assert!(stderr.contains("2 errors; nothing was written"), "{stderr}");
}
