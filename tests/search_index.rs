//! The search index at scale: postings written by the build and read by
//! the theme's `search-index.js` the same, and a word in every document
//! ranked from its first tier as from all of its postings.

mod common;

use common::Fixture;
use common::search::{node, run_queries_for};
use serde_json::json;

/// A small deterministic generator, for lists and texts that vary.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) % bound
    }
}

#[test]
fn postings_and_sets_written_by_the_build_read_back_the_same_in_the_script() {
    use dossier::search_encoding::{DIGITS, members, postings};
    let mut random = Random(0x5eed);
    let mut lists = Vec::new();
    let mut sets = Vec::new();
    // Sparse to dense, gaps past 32, 1,024 and 32,768 (more digits).
    for (count, spread) in [
        (0, 1),
        (1, 1),
        (50, 40),
        (300, 2000),
        (2000, 3),
        (40, 100_000),
    ] {
        let mut documents: Vec<u32> = (0..count)
            .map(|_| u32::try_from(random.below(spread * count.max(1))).expect("small"))
            .collect();
        documents.sort_unstable();
        documents.dedup();
        let mut best_first: Vec<(u8, u32)> = documents
            .iter()
            .map(|d| (u8::try_from(1 + random.below(22)).expect("small"), *d))
            .collect();
        best_first.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        lists.push(json!({
            "text": postings(&best_first),
            "postings": best_first.iter().map(|(s, d)| json!([d, s])).collect::<Vec<_>>(),
        }));
        sets.push(json!({ "text": members(&documents), "documents": documents }));
    }
    // Every other document and every third: bitmaps rather than runs.
    for step in [2, 3] {
        let documents: Vec<u32> = (0..3000).step_by(step).collect();
        let text = members(&documents);
        assert!(text.starts_with('b'), "{text:.20}");
        sets.push(json!({ "text": text, "documents": documents }));
    }
    let read = node(
        "const lists = input.lists.map(l => {
             const out = []; reader.decodePostings(l.text, (d, s) => out.push([d, s])); return out;
         });
         const sets = input.sets.map(s => {
             const out = []; reader.decodeMembers(s.text, d => out.push(d)); return out;
         });
         console.log(JSON.stringify({ digits: reader.digits, lists, sets }));",
        &json!({ "lists": lists, "sets": sets }),
    );
    assert_eq!(read["digits"], std::str::from_utf8(DIGITS).expect("ASCII"));
    for (i, list) in lists.iter().enumerate() {
        assert_eq!(read["lists"][i], list["postings"], "list {i}");
    }
    for (i, set) in sets.iter().enumerate() {
        assert_eq!(read["sets"][i], set["documents"], "set {i}");
    }
}

/// Every file of the index read at once, and each query ranked over all
/// the postings the simple way (per token the best of its terms, summed
/// over tokens): what the tiers loaded one by one must give.
const RANK_EVERYTHING: &str = r#"
const fs = require("fs");
const path = require("path");
const shards = {}, tiers = {};
let prefixWords = 0;
const receiver = {
  keys: data => { prefixWords = data.prefixWords; },
  terms: (key, own) => { shards[key] = own; },
  tier: (name, data) => { tiers[name] = data; },
};
for (const folder of ["terms", "tiers"]) {
  const dir = path.join(input.site, "search", folder);
  for (const file of fs.readdirSync(dir)) {
    new Function("dossierSearch", fs.readFileSync(path.join(dir, file), "utf8"))(receiver);
  }
}
new Function("dossierSearch", fs.readFileSync(path.join(input.site, "search/keys.js"), "utf8"))(receiver);
const terms = new Map();
for (const own of Object.values(shards)) {
  for (const [term, entry] of Object.entries(own)) {
    const scores = new Map();
    const texts = typeof entry[1] === "string" ? [entry[1]]
      : Array.from({ length: entry[1] }, (_, i) => tiers[entry[2] + "-" + i][0]);
    texts.forEach(text => reader.decodePostings(text, (d, s) => scores.set(d, s)));
    terms.set(term, { documents: entry[0], scores });
  }
}
const n = input.documents;
console.log(JSON.stringify(input.queries.map(query => {
  let total = null;
  for (const token of search.parse(query)) {
    const stems = token.stems.filter((s, i) => token.stems.indexOf(s) === i);
    const used = stems.filter(s => terms.has(s)).map(s => [s, 1]);
    if (token.prefix) {
      [...terms.keys()].filter(t => t.startsWith(token.word) && !stems.includes(t))
        .sort((a, b) => terms.get(b).documents - terms.get(a).documents || (a < b ? -1 : 1))
        .slice(0, prefixWords).forEach(t => used.push([t, 0.5]));
    }
    const best = new Map();
    for (const [term, factor] of used) {
      const { documents, scores } = terms.get(term);
      const idf = Math.log(1 + (n - documents + 0.5) / (documents + 0.5)) * factor;
      scores.forEach((s, d) => { const v = s * idf; if (!(best.get(d) >= v)) best.set(d, v); });
    }
    if (total === null) { total = best; continue; }
    const both = new Map();
    total.forEach((v, d) => { if (best.has(d)) both.set(d, v + best.get(d)); });
    total = both;
  }
  const ranked = [...(total || [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(p => p[0]);
  return { first: ranked.slice(0, input.wanted), total: ranked.length };
})));
"#;

/// A dossier of `count` articles where `accord`, `sommet` and `presse`
/// are in every one, as often as chance has it, and each has a word of
/// its own beginning with `zq`; article 7 is short and about `accord`.
fn common_words_dossier(count: u32) -> Fixture {
    const FILLER: &[&str] = &[
        "sommet",
        "presse",
        "ministre",
        "conseil",
        "frontière",
        "région",
        "armée",
        "énergie",
        "visite",
        "rapport",
        "analyse",
        "source",
        "semaine",
        "traité",
        "alliance",
        "défense",
    ];
    let fixture = Fixture::new(&[("dossier.yaml", "title: Sommets\nlanguage: fr\n")]);
    let mut random = Random(17);
    for i in 0..count {
        let own: String = [i / 676, i / 26 % 26, i % 26]
            .iter()
            .map(|l| char::from(b'a' + u8::try_from(*l % 26).expect("a letter")))
            .collect();
        let mut words = vec![format!("zq{own}"), "sommet".into(), "presse".into()];
        for _ in 0..(1 + random.below(4)) {
            words.push("accord".into());
        }
        for _ in 0..(5 + random.below(60)) {
            words.push(FILLER[usize::try_from(random.below(16)).expect("small")].into());
        }
        let (title, body) = if i == 7 {
            (
                "Accord".to_string(),
                "Accord accord accord sommet presse zqaah.".to_string(),
            )
        } else {
            (format!("Note {i}"), format!("{}.", words.join(" ")))
        };
        fixture.write(
            &format!("content/articles/n{i:04}.md"),
            &format!(
                "---\ntitle: {title}\ndate: 2024-01-{:02}\n---\n{body}\n",
                1 + i % 28
            ),
        );
    }
    fixture
}

#[test]
fn a_word_in_every_document_loads_its_first_tier_and_ranks_as_with_every_posting() {
    // Past 1,024 + 2,048 documents: `accord` has three tiers.
    let fixture = common_words_dossier(3200);
    let site = fixture.build();
    assert!(site.exists("search/tiers/0-2.js"), "three tiers");
    assert!(
        site.exists("search/terms/007a0071.js") && site.exists("search/terms/007a00710061.js"),
        "the `zq` shard is split by a third letter"
    );
    let queries = [
        "accord ",
        "accord",
        "accords sommet ",
        "sommet presse accord ",
        "ac",
        "zq",
        "zqa",
        "zqbcd ",
        "accord zqaah ",
        "note 7 ",
    ];
    let page = site.page("search/index.html");
    let documents = page.attrs("#search", "data-documents")[0].clone();
    for wanted in [20, 45] {
        let lazy = run_queries_for(&site, &queries, wanted, "");
        let everything = node(
            RANK_EVERYTHING,
            &json!({ "site": site.root, "queries": queries, "documents": documents.parse::<u32>().expect("a count"), "wanted": wanted }),
        );
        for (i, query) in queries.iter().enumerate() {
            let expected = &everything[i];
            assert_eq!(lazy[i]["total"], expected["total"], "{query}");
            assert_eq!(lazy[i]["found"], expected["first"], "{query}");
        }
    }
    let answers = run_queries_for(&site, &queries[..1], 20, "");
    let accord = &answers[0];
    assert_eq!(accord["total"], 3200);
    assert_eq!(
        accord["results"][0], "articles/n0007/index.html",
        "{accord}"
    );
    let loaded = accord["loaded"].as_array().expect("paths");
    assert!(
        loaded.iter().any(|p| p == "search/tiers/0-0.js"),
        "{loaded:?}"
    );
    assert!(
        !loaded.iter().any(|p| p
            .as_str()
            .is_some_and(|p| p.starts_with("search/tiers/0-1"))),
        "the best 20 are in the first tier: {loaded:?}"
    );
}
