//! The search page and its index: the index the build writes is read by
//! the theme's `search.js`, run here under Node.js over the real files, and
//! the script folds and stems words exactly as the build does.

mod common;

use common::search::{node, run_queries_for};
use common::{Fixture, Site};
use dossier::search_words::{Stemmer, fold, words};
use serde_json::{Value, json};

fn run_queries(site: &Site, queries: &[&str]) -> Vec<Value> {
    run_queries_for(site, queries, usize::MAX, ARTICLE)
}

#[test]
fn the_script_folds_splits_and_stems_as_the_build_does() {
    let texts = [
        "Sécurité, SÉCURITÉS et sécurités",
        "L'accord de Pyongyang : « historique » ?",
        "Œuvres complètes, Æsir, Straße, ẞ",
        "Путин и Ким Чен Ын; 김정은; 2024-06-19",
        "chevaux officielles anciennes négociations relations",
        "agencies boxes glass status gas bus taxes shoes",
        "İstanbul naïve coöperate façade crème brûlée",
        "x y z ab abc abcd abcde aux",
        "The U.S. and U.K. (e.g. a.m.) said 1.5 x.y z. J.-C. s.a.r.l Ph.D. É.-U. é.u.",
        "ﬁnance x² ＡＢＣ ΟΔΟΣ οδος ς Ǆ ǅ ﬀ ㎏ ①",
    ];
    let mut expected = Vec::new();
    for text in texts {
        let folded = fold(text);
        let found: Vec<String> = words(&folded).map(String::from).collect();
        let french: Vec<String> = found
            .iter()
            .map(|w| Stemmer::French.stem(w).into_owned())
            .collect();
        let english: Vec<String> = found
            .iter()
            .map(|w| Stemmer::English.stem(w).into_owned())
            .collect();
        expected.push(json!({
            "folded": folded, "words": found, "french": french, "english": english,
        }));
    }
    let from_node = node(
        "console.log(JSON.stringify(input.map(text => {
            const folded = search.fold(text);
            const words = search.words(folded);
            return { folded, words,
                     french: words.map(search.stemFrench),
                     english: words.map(search.stemEnglish) };
        })));",
        &json!(texts),
    );
    assert_eq!(from_node, Value::Array(expected));
    // The script drops from queries the words the build leaves out.
    let stop_words = node(
        "console.log(JSON.stringify([search.frenchStopWords, search.englishStopWords]));",
        &json!(null),
    );
    assert_eq!(
        stop_words,
        json!([
            dossier::search_words::FRENCH_STOP_WORDS,
            dossier::search_words::ENGLISH_STOP_WORDS
        ])
    );
}

const ARTICLE: &str = "articles/traite-russie-coree-du-nord/index.html";

#[test]
fn french_queries_find_the_article_whatever_the_accents_and_plurals() {
    let (_fixture, site) = Fixture::example();
    let answers = run_queries(
        &site,
        &[
            "traités",
            "COREE du nord",
            "partenariats strategiques",
            "pyong",
            "assistances mutuelles",
        ],
    );
    for answer in &answers {
        let results = answer["results"].as_array().expect("results");
        assert!(
            results.iter().any(|r| r == ARTICLE),
            "the article is found: {answer}"
        );
    }
    // The treaty itself (an entity of type document) is named "Traité".
    let first = &answers[0]["first"];
    assert_eq!(first["kind"], "Document", "{first}");
    assert_eq!(first["marked"][0], "Traité");
    let article = &answers[4]["article"];
    assert_eq!(article["kind"], "Article", "{article}");
    assert_eq!(article["date"], "2024-06-19");
    let marked = article["marked"].as_array().expect("marks");
    assert!(marked.iter().any(|m| m == "assistance"), "{marked:?}");
    assert!(marked.iter().any(|m| m == "mutuelle"), "{marked:?}");
    // The prefix while typing is marked too.
    assert!(
        answers[3]["first"]["marked"]
            .as_array()
            .expect("marks")
            .iter()
            .all(|m| m.as_str().is_some_and(|m| m.starts_with("Pyong"))),
        "{}",
        answers[3]
    );
}

#[test]
fn an_entity_named_in_the_query_comes_before_the_articles_that_name_it() {
    let (_fixture, site) = Fixture::example();
    let answers = run_queries(
        &site,
        &[
            "poutine",
            "Kim Jong Un",
            "xylophone",
            "le la ",
            "le traité ",
        ],
    );
    let results = |i: usize| answers[i]["results"].as_array().expect("results").clone();
    assert_eq!(results(0)[0], "entities/vladimir-poutine/index.html");
    assert!(results(0).iter().any(|r| r == ARTICLE));
    assert_eq!(answers[0]["first"]["kind"], "Personne");
    assert_eq!(results(1)[0], "entities/kim-jong-un/index.html");
    assert!(results(2).is_empty(), "no such word");
    assert!(results(3).is_empty(), "stop words alone find nothing");
    // With another word, a stop word is left out of the query.
    assert_eq!(results(4), answers_for(&site, "traité "));
}

fn answers_for(site: &Site, query: &str) -> Vec<Value> {
    run_queries(site, &[query])[0]["results"]
        .as_array()
        .expect("results")
        .clone()
}

#[test]
fn a_word_common_in_one_language_is_found_in_the_other() {
    // `un` is a French stop word, not an English one: the UN is found.
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let found = answers_for(&site, "UN");
    assert_eq!(found[0], "entities/united-nations/index.html");
    // A stop word being typed is searched as the start of a word.
    let fixture = Fixture::example();
    let typing = answers_for(&fixture.1, "pa");
    let stop = answers_for(&fixture.1, "par");
    assert!(!stop.is_empty(), "`par` on the way to Paris, partenariat…");
    assert!(stop.iter().all(|r| typing.contains(r)));
}

#[test]
fn english_articles_are_stemmed_as_english() {
    let fixture = Fixture::copy("english");
    let site = fixture.build();
    let answers = run_queries(&site, &["treaty", "treaties"]);
    assert_eq!(answers[0]["results"], answers[1]["results"]);
    assert!(
        !answers[0]["results"]
            .as_array()
            .expect("results")
            .is_empty()
    );
}

#[test]
fn every_page_links_to_the_search_page_and_it_works_without_a_server() {
    let (_fixture, site) = Fixture::example();
    let home = site.page("index.html");
    assert_eq!(
        home.attrs("form.site-search", "action"),
        ["search/index.html"]
    );
    let article = site.page(ARTICLE);
    assert_eq!(
        article.attrs("form.site-search", "action"),
        ["../../search/index.html"]
    );
    let search = site.page("search/index.html");
    assert_eq!(search.count("form.site-search"), 0, "one search box only");
    assert_eq!(search.attrs("#search", "data-root"), ["../"]);
    assert_eq!(
        search.attrs("script", "src"),
        ["../search-index.js", "../search.js"]
    );
    assert!(site.exists("search.js") && site.exists("search-index.js"));
    // 1 article and 17 entities.
    assert_eq!(search.attrs("#search", "data-documents"), ["18"]);
    assert_eq!(search.attrs("input#search-query", "name"), ["q"]);
    assert!(
        search.text_of("noscript").contains("JavaScript"),
        "without JavaScript the page says why nothing happens"
    );
}

#[test]
fn the_script_folds_every_character_as_the_build_does() {
    // Every character the script's Unicode tables know (Node's may be older
    // than Rust's: characters it does not know are left out), outside the
    // surrogates and private use, up to the end of the Basic Multilingual
    // Plane, folded alone and as a word after `a`.
    let from_node = node(
        "const out = [];
         for (let code = 0x20; code <= 0xFFFD; code++) {
             if (code >= 0xD800 && code <= 0xF8FF) continue;
             const c = String.fromCodePoint(code);
             if (/\\p{Cn}/u.test(c)) continue;
             out.push([code, search.fold(c), search.words(search.fold('a' + c)).join(' ')]);
         }
         console.log(JSON.stringify(out));",
        &json!(null),
    );
    let mut differences = Vec::new();
    let checked = from_node.as_array().expect("a list");
    for entry in checked {
        let code = entry[0].as_u64().and_then(|c| u32::try_from(c).ok());
        let Some(c) = code.and_then(char::from_u32) else {
            continue;
        };
        let folded = fold(&c.to_string());
        let as_word = fold(&format!("a{c}"));
        let as_word: Vec<String> = words(&as_word).map(String::from).collect();
        if entry[1] != folded.as_str() || entry[2] != as_word.join(" ").as_str() {
            differences.push(format!(
                "U+{:04X}: script {} {}, build {folded:?} {:?}",
                u32::from(c),
                entry[1],
                entry[2],
                as_word.join(" ")
            ));
        }
    }
    assert!(checked.len() > 50_000, "{} characters", checked.len());
    assert!(
        differences.is_empty(),
        "{} differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn dotted_abbreviations_are_found_and_marked() {
    let fixture = Fixture::new(&[
        (
            "content/articles/treasury.md",
            "---\ntitle: Treasury move\ndate: 2024-03-01\n---\nThe U.S. Treasury sanctioned the shipping firm on Friday, a week after the talks.\n",
        ),
        (
            "content/articles/port.md",
            "---\ntitle: Port visit\ndate: 2024-03-02\n---\nThe harbour master told us the ship had left before dawn on Monday.\n",
        ),
        (
            "content/articles/cranes.md",
            "---\ntitle: Cranes\ndate: 2024-03-04\n---\nThe port used older cranes until the new terminal opened in the spring.\n",
        ),
        (
            "content/articles/figures.md",
            "---\ntitle: Figures\ndate: 2024-03-03\n---\nExports grew by 1.5 per cent over the quarter, the statistics office said.\n",
        ),
    ]);
    let site = fixture.build();
    let treasury = "articles/treasury/index.html";
    let answers = run_queries_for(
        &site,
        &["U.S.", "US ", "u.s. treasury", "U", "15"],
        usize::MAX,
        treasury,
    );
    let results = |i: usize| answers[i]["results"].as_array().expect("results").clone();
    // `U.S.` is the word `us`: it finds the article that says `U.S.`, and,
    // as `US` would, the one that says `us`.
    assert!(results(0).iter().any(|r| r == treasury), "{}", answers[0]);
    assert_eq!(results(0), results(1));
    // Written out to its period, `U.S.` is no prefix of `used`.
    assert!(
        !results(0).iter().any(|r| r == "articles/cranes/index.html"),
        "{}",
        answers[0]
    );
    assert_eq!(results(2), [treasury]);
    assert_eq!(answers[2]["article"]["marked"][0], "U.S.");
    // One letter alone is nothing to search; digits are not joined.
    assert_eq!(answers[3]["total"], 0);
    assert!(results(4).is_empty(), "{}", answers[4]);
}
