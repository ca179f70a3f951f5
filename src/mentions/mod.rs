//! The alias table: every name, alias and adjective of every entity,
//! found in prose in one pass (Aho-Corasick) over the text folded for
//! comparison ([`crate::fold`]: typographic variants, white space, accents,
//! line-end hyphenation), then filtered on Unicode word boundaries and on
//! capitals, and resolved longest-first. Also resolves `[[wikilinks]]`.
//!
//! An alias shared by several entities is ambiguous: it still claims its
//! span of text (so a shorter alias inside it is not linked instead) but
//! links nowhere; `check` reports it. A `not_mentions` phrase claims its
//! span the same way, for nothing.

mod capitals;
mod forms;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::config::Accents;
use crate::fold::{self, Folded, Folding};
use crate::ids::EntityId;
use capitals::Run;
pub(crate) use forms::expand;

/// What a name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// Exactly one entity.
    Entity(EntityId),
    /// Several entities share this name (sorted).
    Ambiguous(Vec<EntityId>),
}

/// What was found at a place of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Finding {
    /// A name or alias of one entity.
    Name(EntityId),
    /// An adjective of one entity (`German`): a mention, but not the one
    /// an article links first.
    Adjective(EntityId),
    /// A name several entities share: no mention.
    Ambiguous,
    /// A `not_mentions` phrase: no mention.
    Unlinked(Unlinked),
}

/// Which `not_mentions` phrase was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unlinked {
    /// An entity's phrase (its index in the table).
    Entity(usize),
    /// The article's own phrase (its index in the article's list).
    Article(usize),
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    /// What it is.
    pub finding: Finding,
}

/// A name that several entities share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ambiguity {
    /// The shared name, as written.
    pub name: String,
    /// The entities that share it.
    pub entities: Vec<EntityId>,
    /// Where to report it: an entity, the key and the value as written
    /// (an alias or adjective rather than a name, where there is one).
    pub place: (EntityId, &'static str, String),
}

/// An article's `not_mentions` phrase, folded as the text is: in
/// capitals, and as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhraseKey([String; 2]);

/// One name of an entity, as the table is given it.
#[derive(Debug, Clone)]
pub(crate) struct Written {
    /// The form to find (one form of an alias with endings).
    pub form: String,
    /// `name`, `aliases` or `adjectives`.
    pub key: &'static str,
    /// The value as written in the front matter.
    pub source: String,
}

/// The names of one entity, as the table is given them.
#[derive(Debug, Clone, Default)]
pub(crate) struct EntityNames {
    /// The entity's id.
    pub id: String,
    /// Its name, the forms of its aliases, and of its adjectives.
    pub names: Vec<Written>,
    /// Phrases in which none of the dossier's names is found.
    pub not_mentions: Vec<String>,
}

/// The entities a pattern stands for, by kind of name.
#[derive(Debug, Clone, Default)]
struct Owners {
    names: Vec<EntityId>,
    adjectives: Vec<EntityId>,
}

impl Owners {
    fn add(&mut self, entity: EntityId, adjective: bool) {
        let list = if adjective {
            &mut self.adjectives
        } else {
            &mut self.names
        };
        if !list.contains(&entity) {
            list.push(entity);
        }
    }

    /// Every entity named, sorted, once each.
    fn entities(&self) -> Vec<EntityId> {
        let mut all: Vec<EntityId> = self.names.iter().chain(&self.adjectives).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// One entity's name or adjective, or a name several share.
    fn finding(&self) -> Option<Finding> {
        match self.entities().as_slice() {
            [] => None,
            [one] if self.names.contains(one) => Some(Finding::Name(*one)),
            [one] => Some(Finding::Adjective(*one)),
            _ => Some(Finding::Ambiguous),
        }
    }
}

/// What one pattern of the automaton stands for.
#[derive(Debug, Clone, Default)]
struct Pattern {
    /// As written (for a pattern in capitals: outside a headline).
    written: Owners,
    /// A name written in capitals, beside another word in capitals.
    capitals: Owners,
    /// `not_mentions` phrases (indices in `phrases`), which apply anywhere.
    phrases: Vec<usize>,
    /// The pattern has capitals and no small letters.
    in_capitals: bool,
}

/// Names and aliases of all entities.
#[derive(Debug, Clone)]
pub(crate) struct AliasTable {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    /// Names as written (folded) for wikilinks: what each stands for, and
    /// where it is written.
    by_name: BTreeMap<String, (Owners, Written, EntityId)>,
    by_id: BTreeMap<String, EntityId>,
    /// Every entity's `not_mentions` phrase: its entity and text.
    phrases: Vec<(EntityId, String)>,
    /// Names are compared without their accents.
    without_accents: bool,
    /// Ids of entity files that failed to load: wikilinks to them are not
    /// reported again as unknown.
    unreadable: BTreeSet<String>,
}

impl AliasTable {
    /// Builds the table; `accents` says whether names are compared without
    /// their accents.
    pub(crate) fn new(entities: impl IntoIterator<Item = EntityNames>, accents: Accents) -> Self {
        let without_accents = accents == Accents::Optional;
        let mut patterns: BTreeMap<String, Pattern> = BTreeMap::new();
        let mut by_name: BTreeMap<String, (Owners, Written, EntityId)> = BTreeMap::new();
        let mut by_id = BTreeMap::new();
        let mut phrases = Vec::new();
        let fold_key = |text: &str| fold::key(text, without_accents);
        for (index, entity) in entities.into_iter().enumerate() {
            let index = EntityId(index);
            by_id.insert(entity.id.clone(), index);
            for written in entity.names {
                let key = fold_key(&written.form);
                if key.is_empty() {
                    continue;
                }
                let adjective = written.key == "adjectives";
                let upper = key.to_uppercase();
                if upper != key {
                    patterns
                        .entry(upper)
                        .or_default()
                        .capitals
                        .add(index, adjective);
                }
                patterns
                    .entry(key.clone())
                    .or_default()
                    .written
                    .add(index, adjective);
                let entry = by_name
                    .entry(key)
                    .or_insert_with(|| (Owners::default(), written.clone(), index));
                entry.0.add(index, adjective);
                // Report a shared name where it is an alias, if anywhere.
                if entry.1.key == "name" && written.key != "name" {
                    entry.1 = written;
                    entry.2 = index;
                }
            }
            for phrase in entity.not_mentions {
                let key = fold_key(&phrase);
                if key.is_empty() {
                    continue;
                }
                for form in [key.to_uppercase(), key] {
                    let pattern = patterns.entry(form).or_default();
                    if !pattern.phrases.contains(&phrases.len()) {
                        pattern.phrases.push(phrases.len());
                    }
                }
                phrases.push((index, phrase));
            }
        }
        for (key, pattern) in &mut patterns {
            pattern.in_capitals = capitals::in_capitals(key);
        }
        // Overlapping search needs the standard match kind; the longest
        // valid match is chosen afterwards, once boundaries are checked.
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(patterns.keys())
                .expect("the automaton accepts any set of non-empty string patterns")
        });
        Self {
            automaton,
            patterns: patterns.into_values().collect(),
            by_name,
            by_id,
            phrases,
            without_accents,
            unreadable: BTreeSet::new(),
        }
    }

    /// Names shared by several entities, sorted by name.
    pub(crate) fn ambiguities(&self) -> Vec<Ambiguity> {
        self.by_name
            .values()
            .filter_map(|(owners, written, owner)| {
                let Some(Finding::Ambiguous) = owners.finding() else {
                    return None;
                };
                Some(Ambiguity {
                    name: written.form.clone(),
                    entities: owners.entities(),
                    place: (*owner, written.key, written.source.clone()),
                })
            })
            .collect()
    }

    /// `phrases` (an article's `not_mentions`) folded as the text is.
    pub(crate) fn phrase_keys(&self, phrases: &[String]) -> Vec<PhraseKey> {
        phrases
            .iter()
            .map(|p| {
                let key = fold::key(p, self.without_accents);
                PhraseKey([key.to_uppercase(), key])
            })
            .collect()
    }

    /// Every name in `text`, leftmost-longest among the matches that sit on
    /// word boundaries, in text order, not overlapping. `phrases` are the
    /// article's own `not_mentions`, as [`Self::phrase_keys`] gives them.
    pub(crate) fn find(&self, text: &str, phrases: &[PhraseKey]) -> Vec<Found> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let folding = Folding {
            accents: self.without_accents,
            hyphenation: true,
        };
        let folded = Folded::new(text, folding);
        let haystack = folded.text.as_str();
        // (start, end, rank, finding): at the same span, a name (rank 0)
        // wins over a phrase of the article (rank 1).
        let mut candidates: Vec<(usize, usize, u8, Finding)> = automaton
            .find_overlapping_iter(haystack)
            .filter(|m| on_word_boundaries(haystack, m.start(), m.end()))
            .filter_map(|m| {
                let index = m.pattern().as_usize();
                let finding = self.finding(index, haystack, m.start(), m.end())?;
                Some((m.start(), m.end(), 0, finding))
            })
            .collect();
        for (index, PhraseKey(forms)) in phrases.iter().enumerate() {
            for form in forms.iter().filter(|f| !f.is_empty()) {
                for (start, _) in haystack.match_indices(form.as_str()) {
                    let end = start + form.len();
                    if on_word_boundaries(haystack, start, end) {
                        let unlinked = Finding::Unlinked(Unlinked::Article(index));
                        candidates.push((start, end, 1, unlinked));
                    }
                }
            }
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut found = Vec::new();
        let mut taken_until = 0;
        for (start, end, _, finding) in candidates {
            if start < taken_until {
                continue;
            }
            taken_until = end;
            found.push(Found {
                range: folded.original_start(start, text.len())..folded.original_end(end),
                finding,
            });
        }
        found
    }

    /// What pattern `index`, matched at `start..end`, stands for there.
    fn finding(&self, index: usize, text: &str, start: usize, end: usize) -> Option<Finding> {
        let pattern = &self.patterns[index];
        // In a headline, a word in capitals is a name in capitals, never an
        // acronym (`LET US KNOW`); beside small letters it may be either,
        // the name first (`read NORTH KOREA AND…`, `the EU AI Act`).
        let run = pattern.in_capitals.then(|| capitals::run(text, start, end));
        let found = match run {
            Some(Run::Headline) => pattern.capitals.finding(),
            Some(Run::Quoted) => pattern
                .capitals
                .finding()
                .or_else(|| pattern.written.finding()),
            Some(Run::Alone) | None => pattern.written.finding(),
        };
        found.or_else(|| {
            pattern
                .phrases
                .first()
                .map(|_| Finding::Unlinked(Unlinked::Entity(index)))
        })
    }

    /// The entity phrases (indices in [`Self::phrases`]) a pattern stands for.
    pub(crate) fn phrases_of(&self, pattern: usize) -> impl Iterator<Item = usize> + '_ {
        self.patterns[pattern].phrases.iter().copied()
    }

    /// Every entity's `not_mentions` phrase, by index: its entity and text.
    pub(crate) fn phrases(&self) -> &[(EntityId, String)] {
        &self.phrases
    }

    /// Resolves a wikilink target: by id first, then by exact name or alias.
    pub(crate) fn resolve(&self, target: &str) -> Option<Target> {
        let target = target.trim();
        if let Some(index) = self.by_id.get(target) {
            return Some(Target::Entity(*index));
        }
        let (owners, ..) = self.by_name.get(&fold::key(target, self.without_accents))?;
        match owners.finding()? {
            Finding::Name(entity) | Finding::Adjective(entity) => Some(Target::Entity(entity)),
            _ => Some(Target::Ambiguous(owners.entities())),
        }
    }

    /// Records the ids of entity files that failed to load.
    pub(crate) fn set_unreadable(&mut self, ids: BTreeSet<String>) {
        self.unreadable = ids;
    }

    /// True when `target` is the id of an entity file that failed to load.
    pub(crate) fn is_unreadable(&self, target: &str) -> bool {
        self.unreadable.contains(target.trim())
    }

    /// True when `target` is an entity id (rather than a name).
    pub(crate) fn is_id(&self, target: &str) -> bool {
        self.by_id.contains_key(target.trim())
    }

    /// Up to three ids near `target`, for "did you mean".
    pub(crate) fn suggest(&self, target: &str) -> Vec<&str> {
        crate::diagnostic::nearest_ids(target, self.by_id.keys().map(String::as_str))
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

#[cfg(test)]
mod tests;
