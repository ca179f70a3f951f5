//! The alias table: every name and alias of every entity, found in prose in
//! one pass (Aho-Corasick), then filtered on Unicode word boundaries and
//! resolved longest-first. Also resolves explicit `[[wikilinks]]`.
//!
//! An alias shared by several entities is ambiguous: it still claims its
//! span of text (so a shorter alias inside it is not linked instead) but
//! links nowhere; `check` reports it.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::EntityId;

/// What a name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Exactly one entity.
    Entity(EntityId),
    /// Several entities share this name (sorted).
    Ambiguous(Vec<EntityId>),
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    /// The entity, or `None` for an ambiguous name.
    pub entity: Option<EntityId>,
}

/// A name that several entities share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    /// The shared name, as normalized.
    pub name: String,
    /// The entities that share it.
    pub entities: Vec<EntityId>,
}

/// Names and aliases of all entities.
#[derive(Debug, Clone)]
pub struct AliasTable {
    automaton: Option<AhoCorasick>,
    /// Per pattern of the automaton, what it stands for.
    targets: Vec<Target>,
    by_name: BTreeMap<String, Target>,
    by_id: BTreeMap<String, EntityId>,
    /// Ids of entity files that failed to load: wikilinks to them are not
    /// reported again as unknown.
    unreadable: BTreeSet<String>,
}

impl AliasTable {
    /// Builds the table from `(id, names)` per entity, names being the
    /// display name followed by the aliases.
    pub fn new<'a>(entities: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>) -> Self {
        let mut owners: BTreeMap<String, Vec<EntityId>> = BTreeMap::new();
        let mut by_id = BTreeMap::new();
        for (index, (id, names)) in entities.into_iter().enumerate() {
            by_id.insert(id.to_string(), index);
            for name in names {
                let name = collapse_whitespace(name);
                if name.is_empty() {
                    continue;
                }
                let list = owners.entry(name).or_default();
                if !list.contains(&index) {
                    list.push(index);
                }
            }
        }
        let by_name: BTreeMap<String, Target> = owners
            .into_iter()
            .map(|(name, mut ids)| {
                ids.sort_unstable();
                let target = if ids.len() == 1 {
                    Target::Entity(ids[0])
                } else {
                    Target::Ambiguous(ids)
                };
                (name, target)
            })
            .collect();
        let patterns: Vec<&str> = by_name.keys().map(String::as_str).collect();
        let targets = by_name.values().cloned().collect();
        // Overlapping search needs the standard match kind; the longest
        // valid match is chosen afterwards, once boundaries are checked.
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .expect("the automaton accepts any set of non-empty string patterns"),
            )
        };
        Self {
            automaton,
            targets,
            by_name,
            by_id,
            unreadable: BTreeSet::new(),
        }
    }

    /// Names shared by several entities, sorted by name.
    pub fn ambiguities(&self) -> Vec<Ambiguity> {
        self.by_name
            .iter()
            .filter_map(|(name, target)| match target {
                Target::Ambiguous(ids) => Some(Ambiguity {
                    name: name.clone(),
                    entities: ids.clone(),
                }),
                Target::Entity(_) => None,
            })
            .collect()
    }

    /// Every name in `text`, leftmost-longest among the matches that sit on
    /// word boundaries, in text order, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folded = FoldedText::new(text);
        let haystack = folded.text.as_ref();
        let mut candidates: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(haystack)
            .filter(|m| on_word_boundaries(haystack, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut found = Vec::new();
        let mut taken_until = 0;
        for (start, end, pattern) in candidates {
            if start < taken_until {
                continue;
            }
            taken_until = end;
            let entity = match &self.targets[pattern] {
                Target::Entity(id) => Some(*id),
                Target::Ambiguous(_) => None,
            };
            found.push(Found {
                range: folded.original(start)..folded.original_end(end),
                entity,
            });
        }
        found
    }

    /// Resolves a wikilink target: by id first, then by exact name or alias.
    pub fn resolve(&self, target: &str) -> Option<Target> {
        let target = target.trim();
        if let Some(index) = self.by_id.get(target) {
            return Some(Target::Entity(*index));
        }
        self.by_name.get(&collapse_whitespace(target)).cloned()
    }

    /// Records the ids of entity files that failed to load.
    pub fn set_unreadable(&mut self, ids: BTreeSet<String>) {
        self.unreadable = ids;
    }

    /// True when `target` is the id of an entity file that failed to load.
    pub fn is_unreadable(&self, target: &str) -> bool {
        self.unreadable.contains(target.trim())
    }

    /// True when `target` is an entity id (rather than a name).
    pub fn is_id(&self, target: &str) -> bool {
        self.by_id.contains_key(target.trim())
    }

    /// Up to three ids near `target`, for "did you mean".
    pub fn suggest(&self, target: &str) -> Vec<&str> {
        crate::diagnostic::nearest_ids(target, self.by_id.keys().map(String::as_str))
    }
}

/// A text with each run of white space folded to one space, remembering
/// where each byte came from so that matches map back to the original.
struct FoldedText<'a> {
    text: std::borrow::Cow<'a, str>,
    /// Original offset of each folded byte (empty when nothing was folded).
    origin: Vec<usize>,
    original_len: usize,
}

impl<'a> FoldedText<'a> {
    fn new(text: &'a str) -> Self {
        let needs_folding = text.char_indices().any(|(i, c)| {
            c.is_whitespace() && (c != ' ' || text[i + 1..].starts_with(char::is_whitespace))
        });
        if !needs_folding {
            return Self {
                text: text.into(),
                origin: Vec::new(),
                original_len: text.len(),
            };
        }
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    folded.push(' ');
                    origin.push(i);
                }
                in_space = true;
            } else {
                in_space = false;
                folded.push(c);
                origin.extend((0..c.len_utf8()).map(|k| i + k));
            }
        }
        Self {
            text: folded.into(),
            origin,
            original_len: text.len(),
        }
    }

    fn original(&self, folded: usize) -> usize {
        if self.origin.is_empty() {
            folded
        } else {
            self.origin
                .get(folded)
                .copied()
                .unwrap_or(self.original_len)
        }
    }

    /// The original end of a match ending at `folded` (exclusive): one past
    /// the original byte of the match's last folded byte.
    fn original_end(&self, folded: usize) -> usize {
        if self.origin.is_empty() || folded == 0 {
            folded
        } else {
            self.origin[folded - 1] + 1
        }
    }
}

/// A match stands on word boundaries when the characters beside it are not
/// letters or digits (where the match itself starts or ends with one).
/// Apostrophes and hyphens are not letters, so `l’Ukraine`, `d'Ukraine` and
/// `anti-Putin` match; `Putin_2` does not.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    // `_` joins words (Unicode word boundaries); `-` and apostrophes do not.
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let left = !(first.is_some_and(word) && before.is_some_and(word));
    let right = !(last.is_some_and(word) && after.is_some_and(word));
    left && right
}

/// Folds every run of white space to one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> AliasTable {
        AliasTable::new([
            ("coree", vec!["Corée"]),
            ("coree-du-nord", vec!["Corée du Nord", "RPDC"]),
            ("putin", vec!["Putin", "Путин"]),
            ("washington-city", vec!["Washington"]),
            ("washington-person", vec!["George Washington", "Washington"]),
        ])
    }

    fn found(text: &str) -> Vec<(&str, Option<EntityId>)> {
        table()
            .find(text)
            .into_iter()
            .map(|f| (&text[f.range], f.entity))
            .collect()
    }

    #[test]
    fn longest_match_wins_and_white_space_runs_match_a_space() {
        assert_eq!(
            found("la Corée du Nord et la Corée"),
            [("Corée du Nord", Some(1)), ("Corée", Some(0))]
        );
        assert_eq!(
            found("la Corée du\n  Nord"),
            [("Corée du\n  Nord", Some(1))]
        );
        assert_eq!(
            found("la Corée du\u{a0}Nord"),
            [("Corée du\u{a0}Nord", Some(1))]
        );
    }

    #[test]
    fn word_boundaries() {
        assert_eq!(found("Putinism Putin_2 xPutin"), []);
        assert_eq!(
            found("anti-Putin, l’Putin (Путин)"),
            [("Putin", Some(2)), ("Putin", Some(2)), ("Путин", Some(2))]
        );
        // When the longest match is cut off, a shorter one that stands alone counts.
        assert_eq!(found("Corée du Nordiste"), [("Corée", Some(0))]);
    }

    #[test]
    fn shared_names_claim_their_span_but_link_nowhere() {
        assert_eq!(
            found("George Washington in Washington"),
            [("George Washington", Some(4)), ("Washington", None)]
        );
        let ambiguities = table().ambiguities();
        assert_eq!(
            ambiguities,
            [Ambiguity {
                name: "Washington".into(),
                entities: vec![3, 4]
            }]
        );
    }

    #[test]
    fn wikilinks_resolve_by_id_then_name() {
        let table = table();
        assert_eq!(table.resolve("putin"), Some(Target::Entity(2)));
        assert_eq!(table.resolve("Путин"), Some(Target::Entity(2)));
        assert_eq!(
            table.resolve("Washington"),
            Some(Target::Ambiguous(vec![3, 4]))
        );
        assert_eq!(table.resolve("nobody"), None);
        assert_eq!(table.suggest("putn"), ["putin"]);
    }
}
