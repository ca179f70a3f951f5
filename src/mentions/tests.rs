//! The alias table on short texts, one rule at a time.
use super::*;

fn names(id: &str, names: &[&str], adjectives: &[&str], not_mentions: &[&str]) -> EntityNames {
    let written = |key: &'static str, list: &[&str]| -> Vec<Written> {
        list.iter()
            .flat_map(|n| {
                expand(n)
                    .expect("valid")
                    .into_iter()
                    .map(move |form| Written {
                        form,
                        key,
                        source: (*n).to_string(),
                    })
            })
            .collect()
    };
    let mut all = written("aliases", names);
    all.extend(written("adjectives", adjectives));
    EntityNames {
        id: id.to_string(),
        names: all,
        not_mentions: not_mentions.iter().map(|p| (*p).to_string()).collect(),
    }
}

fn table() -> AliasTable {
    AliasTable::new(
        [
            names("coree", &["Corée"], &[], &[]),
            names(
                "coree-du-nord",
                &["Corée du Nord", "RPDC"],
                &["nord-coréen"],
                &[],
            ),
            names("putin", &["Putin", "Путин(|а|у|ым)"], &[], &[]),
            names("washington-city", &["Washington"], &[], &[]),
            names(
                "washington-person",
                &["George Washington", "Washington"],
                &[],
                &[],
            ),
            names(
                "united-states",
                &["United States", "US"],
                &["American"],
                &[],
            ),
            names("russia", &["Russia"], &["Russian"], &[]),
            names(
                "baltic-sea",
                &["Baltic Sea", "Baltic"],
                &[],
                &["Baltic Pipe"],
            ),
            names("prosecutor", &["Germany's attorney general"], &[], &[]),
            names("germany", &["Germany"], &[], &[]),
            names("sz", &["Süddeutsche Zeitung"], &[], &[]),
            names("kuznietsov", &["Kuznietsov"], &[], &[]),
        ],
        Accents::Optional,
    )
}

fn found_in(table: &AliasTable, text: &str, phrases: &[&str]) -> Vec<(String, Finding)> {
    let phrases: Vec<String> = phrases.iter().map(|p| (*p).to_string()).collect();
    let keys = table.phrase_keys(&phrases);
    table
        .find(text, &keys)
        .into_iter()
        .map(|f| (text[f.range].to_string(), f.finding))
        .collect()
}

fn found(text: &str) -> Vec<(String, Finding)> {
    found_in(&table(), text, &[])
}

fn texts(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn longest_match_wins_and_white_space_runs_match_a_space() {
    assert_eq!(
        found("la Corée du Nord et la Corée"),
        [
            ("Corée du Nord".into(), Finding::Name(EntityId(1))),
            ("Corée".into(), Finding::Name(EntityId(0)))
        ]
    );
    assert_eq!(texts("la Corée du\n  Nord"), ["Corée du\n  Nord"]);
    assert_eq!(texts("la Corée du\u{a0}Nord"), ["Corée du\u{a0}Nord"]);
}

#[test]
fn word_boundaries() {
    assert!(found("Putinism Putin_2 xPutin").is_empty());
    assert_eq!(
        texts("anti-Putin, l’Putin (Путин)"),
        ["Putin", "Putin", "Путин"]
    );
    // When the longest match is cut off, a shorter one that stands alone counts.
    assert_eq!(
        found("Corée du Nordiste"),
        [("Corée".into(), Finding::Name(EntityId(0)))]
    );
}

#[test]
fn shared_names_claim_their_span_but_link_nowhere() {
    assert_eq!(
        found("George Washington in Washington"),
        [
            ("George Washington".into(), Finding::Name(EntityId(4))),
            ("Washington".into(), Finding::Ambiguous)
        ]
    );
    let ambiguities = table().ambiguities();
    assert_eq!(ambiguities.len(), 1);
    assert_eq!(ambiguities[0].name, "Washington");
    assert_eq!(ambiguities[0].entities, [EntityId(3), EntityId(4)]);
}

#[test]
fn typographic_variants_are_one_character() {
    // The longer name wins, whatever the apostrophe.
    for text in ["Germany’s attorney general", "Germanyʼs attorney general"] {
        assert_eq!(
            found(text),
            [(text.to_string(), Finding::Name(EntityId(8)))]
        );
    }
    assert_eq!(
        texts("the Corée\u{ad} du\u{200b} Nord"),
        ["Corée\u{ad} du\u{200b} Nord"]
    );
}

#[test]
fn accents_are_optional_unless_asked() {
    assert_eq!(
        found("the Suddeutsche Zeitung said"),
        [("Suddeutsche Zeitung".into(), Finding::Name(EntityId(10)))]
    );
    assert_eq!(texts("la Coree du Nord"), ["Coree du Nord"]);
    let exact = AliasTable::new(
        [names("sz", &["Süddeutsche Zeitung"], &[], &[])],
        Accents::Exact,
    );
    assert!(found_in(&exact, "Suddeutsche Zeitung", &[]).is_empty());
    assert_eq!(found_in(&exact, "Süddeutsche Zeitung", &[]).len(), 1);
}

#[test]
fn capitals_in_headlines_and_acronyms_outside_them() {
    assert_eq!(
        found("RUSSIA AND GERMANY: LET US KNOW"),
        [
            ("RUSSIA".into(), Finding::Name(EntityId(6))),
            ("GERMANY".into(), Finding::Name(EntityId(9)))
        ]
    );
    assert_eq!(
        found("the US said"),
        [("US".into(), Finding::Name(EntityId(5)))]
    );
    assert!(found("the RUSSIA file").is_empty());
    // A headline quoted in a sentence: the whole name, not the shorter
    // one inside it that a lone word in capitals beside it would let in.
    assert_eq!(
        found("un titre lisait CORÉE DU NORD ET RUSSIE hier"),
        [("CORÉE DU NORD".into(), Finding::Name(EntityId(1)))]
    );
    assert_eq!(
        found("a sign read GEORGE WASHINGTON SLEPT HERE"),
        [("GEORGE WASHINGTON".into(), Finding::Name(EntityId(4)))]
    );
    assert_eq!(
        found("the US ARMY said"),
        [("US".into(), Finding::Name(EntityId(5)))]
    );
}

#[test]
fn hyphenated_line_ends_are_joined() {
    assert_eq!(texts("Kuz-\nnietsov left"), ["Kuz-\nnietsov"]);
}

#[test]
fn inflected_forms_and_adjectives() {
    assert_eq!(texts("Путина и Путиным, не Путинов"), ["Путина", "Путиным"]);
    assert_eq!(
        found("le régime nord-coréen et la Russian press"),
        [
            ("nord-coréen".into(), Finding::Adjective(EntityId(1))),
            ("Russian".into(), Finding::Adjective(EntityId(6)))
        ]
    );
}

#[test]
fn not_mentions_phrases_hide_the_names_inside() {
    let table = table();
    assert_eq!(
        found_in(&table, "the Baltic Pipe under the Baltic", &[]),
        [
            (
                "Baltic Pipe".into(),
                Finding::Unlinked(Unlinked::Entity(
                    found_in(&table, "Baltic Pipe", &[])
                        .iter()
                        .find_map(|(_, f)| match f {
                            Finding::Unlinked(Unlinked::Entity(p)) => Some(*p),
                            _ => None,
                        })
                        .expect("a pattern")
                ))
            ),
            ("Baltic".into(), Finding::Name(EntityId(7)))
        ]
    );
    assert_eq!(
        found_in(&table, "Russia Today, and Russia", &["Russia Today"]),
        [
            (
                "Russia Today".into(),
                Finding::Unlinked(Unlinked::Article(0))
            ),
            ("Russia".into(), Finding::Name(EntityId(6)))
        ]
    );
}

#[test]
fn wikilinks_resolve_by_id_then_name() {
    let table = table();
    assert_eq!(table.resolve("putin"), Some(Target::Entity(EntityId(2))));
    assert_eq!(table.resolve("Путину"), Some(Target::Entity(EntityId(2))));
    assert_eq!(
        table.resolve("Germany’s attorney general"),
        Some(Target::Entity(EntityId(8)))
    );
    assert_eq!(
        table.resolve("Washington"),
        Some(Target::Ambiguous(vec![EntityId(3), EntityId(4)]))
    );
    assert_eq!(table.resolve("nobody"), None);
    assert_eq!(table.suggest("putn"), ["putin"]);
}
