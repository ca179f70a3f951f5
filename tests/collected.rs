//! Mentions in collected text, judged against a list marked by hand.
//!
//! `tests/fixtures/collected/` is a dossier of realistic collected text
//! about one affair (news wires, an encyclopedia copy, a blog, an
//! aggregator; English, French, German and Polish, with Russian and
//! Ukrainian passages), written for this test with the mess of collected
//! text: curly and straight apostrophes, dashes, non-breaking spaces,
//! all-caps headlines, line-end hyphenation, missing accents, inflected
//! Slavic names, adjectives, and traps that must not be found.
//!
//! `mentions.tsv` beside it lists, marked by hand from the text and not
//! from any program's output, every mention the rules say must be found,
//! in text order per article:
//! `article<TAB>entity<TAB>text as written<TAB>link (yes/no)`. The text has
//! its white space folded to single spaces; the invisible characters that
//! collected text carries (soft hyphen, zero-width space) are written as
//! `\u{ad}`, `\u{200b}`.
//!
//! The test builds the dossier with the real binary, reads every
//! `.body .mention` of every article, aligns what was found with what was
//! marked, prints precision and recall (for mentions and for links) with
//! every miss, extra and wrong link (`cargo test --test collected --
//! --nocapture`), and asserts that both are 100 %.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use common::{Fixture, Site};
use scraper::{Html, Selector};

/// One mention: of which entity, its text (white space folded), and
/// whether it is a link.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mention {
    entity: String,
    text: String,
    link: bool,
}

impl std::fmt::Display for Mention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} “{}”{}",
            self.entity,
            self.text.escape_debug(),
            if self.link { " (link)" } else { "" }
        )
    }
}

/// Folds every run of white space to one space, as the list is written.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Replaces `\u{…}` escapes by the characters they stand for.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\\u{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        let end = after
            .find('}')
            .unwrap_or_else(|| panic!("unclosed \\u{{ in {text:?}"));
        let code = u32::from_str_radix(&after[..end], 16)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or_else(|| panic!("bad \\u{{…}} escape in {text:?}"));
        out.push(code);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The hand-marked list, per article slug, in file order.
fn marked() -> BTreeMap<String, Vec<Mention>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/collected/mentions.tsv"
    );
    let text = std::fs::read_to_string(path).expect("mentions.tsv");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("article\tentity\ttext\tlink"), "header");
    let mut marked: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for (number, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [article, entity, text, link] = fields[..] else {
            panic!("mentions.tsv line {}: four fields expected", number + 2);
        };
        let link = match link {
            "yes" => true,
            "no" => false,
            other => panic!("mentions.tsv line {}: link `{other}`", number + 2),
        };
        marked
            .entry(article.to_string())
            .or_default()
            .push(Mention {
                entity: entity.to_string(),
                text: fold(&unescape(text)),
                link,
            });
    }
    marked
}

/// What the build found: per article slug, `(anchor id, mention)` of every
/// `.body .mention` in document order.
fn found(site: &Site) -> BTreeMap<String, Vec<(String, Mention)>> {
    let selector = Selector::parse(".body .mention").expect("selector");
    let mut found = BTreeMap::new();
    for file in site.files() {
        let Some(slug) = file
            .strip_prefix("articles/")
            .and_then(|rest| rest.strip_suffix("/index.html"))
        else {
            continue;
        };
        let html = Html::parse_document(&site.text(&file));
        let mentions = html
            .select(&selector)
            .map(|element| {
                let id = element.value().attr("id").unwrap_or_default().to_string();
                let entity = id
                    .strip_prefix("m-")
                    .and_then(|rest| rest.rsplit_once('-'))
                    .map_or_else(|| format!("?{id}"), |(entity, _)| entity.to_string());
                let mention = Mention {
                    entity,
                    text: fold(&element.text().collect::<String>()),
                    link: element.value().name() == "a",
                };
                (id, mention)
            })
            .collect();
        found.insert(slug.to_string(), mentions);
    }
    found
}

/// Pairs of indices `(found, marked)` of a longest common subsequence of
/// the two lists, compared on entity and text (not on the link).
fn align(found: &[Mention], marked: &[Mention]) -> Vec<(usize, usize)> {
    let same = |a: &Mention, b: &Mention| a.entity == b.entity && a.text == b.text;
    let (n, m) = (found.len(), marked.len());
    // longest[i][j]: length of the longest common subsequence of found[i..]
    // and marked[j..].
    let mut longest = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            longest[i][j] = if same(&found[i], &marked[j]) {
                longest[i + 1][j + 1] + 1
            } else {
                longest[i + 1][j].max(longest[i][j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if same(&found[i], &marked[j]) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if longest[i + 1][j] >= longest[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// `part / whole` as a percentage; 100 when there is nothing to count.
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[test]
fn collected_text_mentions_match_the_hand_marked_list() {
    let fixture = Fixture::copy("collected");
    let site = fixture.build();
    let marked = marked();
    let found = found(&site);

    let mut report = String::new();
    let mut anchors = Vec::new();
    let (mut found_count, mut marked_count, mut correct) = (0, 0, 0);
    let (mut found_links, mut marked_links, mut correct_links) = (0, 0, 0);

    for slug in marked.keys() {
        assert!(
            found.contains_key(slug),
            "mentions.tsv names article `{slug}`, which the build did not write"
        );
    }
    for (slug, with_ids) in &found {
        let mentions: Vec<Mention> = with_ids.iter().map(|(_, m)| m.clone()).collect();
        let expected = marked.get(slug).cloned().unwrap_or_default();

        // Anchors count from 1 per entity, in text order.
        let mut next: HashMap<&str, usize> = HashMap::new();
        for (id, mention) in with_ids {
            let n = next.entry(mention.entity.as_str()).or_insert(1);
            let want = format!("m-{}-{}", mention.entity, n);
            if *id != want {
                anchors.push(format!("  {slug}: anchor `{id}` where `{want}` was due"));
            }
            *n += 1;
        }

        let pairs = align(&mentions, &expected);
        found_count += mentions.len();
        marked_count += expected.len();
        correct += pairs.len();
        found_links += mentions.iter().filter(|m| m.link).count();
        marked_links += expected.iter().filter(|m| m.link).count();
        correct_links += pairs
            .iter()
            .filter(|&&(f, m)| mentions[f].link && expected[m].link)
            .count();

        let mut lines = Vec::new();
        let (mut f, mut m) = (0, 0);
        for &(pf, pm) in pairs
            .iter()
            .chain(std::iter::once(&(mentions.len(), expected.len())))
        {
            for missed in &expected[m..pm] {
                lines.push(format!("  missed:  {missed}"));
            }
            for extra in &mentions[f..pf] {
                lines.push(format!("  extra:   {extra}"));
            }
            if pf < mentions.len() && mentions[pf].link != expected[pm].link {
                lines.push(format!(
                    "  {}: {}",
                    if mentions[pf].link {
                        "linked, should not be"
                    } else {
                        "not linked, should be"
                    },
                    expected[pm]
                ));
            }
            (f, m) = (pf + 1, pm + 1);
        }
        if !lines.is_empty() {
            let _ = writeln!(report, "{slug}:");
            for line in &lines {
                let _ = writeln!(report, "{line}");
            }
        }
    }

    let (precision, recall) = (
        percent(correct, found_count),
        percent(correct, marked_count),
    );
    let (link_precision, link_recall) = (
        percent(correct_links, found_links),
        percent(correct_links, marked_links),
    );
    if !anchors.is_empty() {
        let _ = writeln!(report, "anchors out of order:\n{}", anchors.join("\n"));
    }
    println!("{report}");
    println!(
        "mentions: {correct} correct of {found_count} found and {marked_count} marked: \
         precision {precision:.1} %, recall {recall:.1} %"
    );
    println!(
        "links:    {correct_links} correct of {found_links} found and {marked_links} marked: \
         precision {link_precision:.1} %, recall {link_recall:.1} %"
    );

    // The build warns about the one ambiguous name, and about nothing else
    // (`base_url` is set).
    let warnings: Vec<&str> = site
        .stderr
        .lines()
        .filter(|line| line.contains(": warning: "))
        .collect();
    assert!(
        !warnings.is_empty()
            && warnings.iter().all(|w| w.contains(
                "alias `Holm` is shared by `anders-holm` and `sofie-holm`: it is not linked automatically"
            )),
        "expected only the warning about `Holm`:\n{}",
        site.stderr
    );

    assert!(
        anchors.is_empty(),
        "anchors do not count from 1 per entity in text order: see the list above"
    );
    assert!(
        precision == 100.0 && recall == 100.0,
        "mentions differ from mentions.tsv (precision {precision:.1} %, recall {recall:.1} %): \
         see the list above"
    );
    assert!(
        link_precision == 100.0 && link_recall == 100.0,
        "links differ from mentions.tsv (precision {link_precision:.1} %, \
         recall {link_recall:.1} %): see the list above"
    );
}
