//! The names of blocks written for the test, each rule on its own.

use super::*;
use crate::markdown::Searched;

/// `text` as one block, all of it searched and nothing found.
fn open(text: &str) -> ProseBlock {
    ProseBlock {
        text: text.to_string(),
        searched: vec![Searched {
            range: 0..text.len(),
            covered: false,
        }],
    }
}

fn names(text: &str) -> Vec<String> {
    let block = open(text);
    let block = Block::read(&block);
    let mut evidence = Evidence::default();
    block.witness(&mut evidence);
    block
        .names(&evidence)
        .into_iter()
        .filter(|o| !o.doubtful || evidence.inside_a_sentence(&super::super::group_key(&o.text)))
        .map(|o| o.text)
        .collect()
}

#[test]
fn runs_of_capitals_with_particles() {
    assert_eq!(
        names("La Corée du Nord et la Banque de France ont reçu Jean-Yves Le Drian."),
        ["Corée du Nord", "Banque de France", "Jean-Yves Le Drian"]
    );
    assert_eq!(
        names("Officials at the Bank of England met Kim Jong Un's envoy in June."),
        ["Bank of England", "Kim Jong Un"]
    );
}

#[test]
fn elisions_titles_and_sentence_starts() {
    assert_eq!(
        names("Selon l'OTAN, la guerre d'Ukraine dure. Mercredi, M. Macron parle."),
        ["OTAN", "Ukraine", "Macron"]
    );
    assert_eq!(
        names("The talks began. President Vladimir Putin arrived in the U.S. capital."),
        ["Vladimir Putin", "U.S."]
    );
    assert_eq!(
        names("The firm hired Messrs. Garnier and Roux, and MM. Dupont et Durand."),
        ["Garnier", "Roux", "Dupont", "Durand"]
    );
    // A lone word at a sentence start, never seen inside one: no name.
    assert_eq!(
        names("Officials said so. Nobody came."),
        Vec::<String>::new()
    );
    assert_eq!(
        names("Moscow said so. They met in Moscow."),
        ["Moscow", "Moscow"]
    );
}

#[test]
fn a_common_word_starting_a_sentence_is_not_part_of_a_name() {
    assert_eq!(
        names(
            "Despite Western sanctions, trade grew despite all. North Korea said so. \
             They met North Korea's envoy in the north."
        ),
        ["Western", "North Korea", "North Korea"]
    );
}

#[test]
fn a_name_does_not_cross_two_runs_of_prose_but_a_mention_covers_its_run() {
    let searched = |spans: &[(Range<usize>, bool)]| {
        spans
            .iter()
            .map(|(range, covered)| Searched {
                range: range.clone(),
                covered: *covered,
            })
            .collect()
    };
    let read = |block: &ProseBlock| -> Vec<String> {
        let block = Block::read(block);
        let evidence = Evidence::default();
        block.names(&evidence).into_iter().map(|o| o.text).collect()
    };
    // `They met *Kim* Jong Un there`: emphasis ends a run of prose.
    let text = "They met Kim Jong Un there";
    let split = ProseBlock {
        text: text.to_string(),
        searched: searched(&[(0..12, false), (12..26, false)]),
    };
    assert_eq!(read(&split), ["Kim", "Jong Un"]);
    // `Vladimir Putin` is a mention: `Vladimir Putin Foundation` is covered.
    let text = "They met the Vladimir Putin Foundation there";
    let covered = ProseBlock {
        text: text.to_string(),
        searched: searched(&[(0..13, false), (13..27, true), (27..44, false)]),
    };
    assert_eq!(read(&covered), Vec::<String>::new());
}

#[test]
fn capitals_in_a_line_are_not_acronyms() {
    assert_eq!(names("LET US KNOW"), Vec::<String>::new());
    assert_eq!(
        names("We LET US KNOW about NATO and Louis XIV."),
        ["NATO", "Louis XIV"]
    );
}

#[test]
fn any_text_reads_without_panicking() {
    // Pieces that meet at awkward places: elisions, possessives, dotted
    // capitals, dashes, multi-byte letters, marks that end sentences.
    const PIECES: &[&str] = &[
        "d'", "L’", "'s", "’s", "U.", "S.", "-", "‑", " ", ". ", "« ", " »", ": ", "Ünal", "É",
        "ÉTAT", "du", "of", "Kim", "Jong", "XIV", "é", "ß", "İ", "ǅ", "ﬀ", "\u{301}", "2024",
        "the", "Le", "M.", "(", "|", "—", "'",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let length = (next() % 14) as usize;
        let text: String = (0..length)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let split = text.char_indices().nth(length / 2).map_or(0, |(i, _)| i);
        let block = ProseBlock {
            text: text.clone(),
            searched: vec![
                Searched {
                    range: 0..split,
                    covered: false,
                },
                Searched {
                    range: split..text.len(),
                    covered: next() % 3 == 0,
                },
            ],
        };
        let read = Block::read(&block);
        let mut evidence = Evidence::default();
        read.witness(&mut evidence);
        for name in read.names(&evidence) {
            assert!(!name.text.is_empty(), "{text:?}");
            assert!(text.contains(&name.text), "{text:?}");
        }
    }
}
