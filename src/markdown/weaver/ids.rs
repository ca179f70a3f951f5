//! The ids of one page's body: headings and footnotes. Every id on a page
//! must be given once, or a link to it lands on the wrong element. Ids
//! written with `{#…}` are the user's own links and win: they must not
//! clash with each other, with the page around the body, or with the ids
//! dossier makes. Ids made from heading text avoid all of them, so they are
//! given out once the whole body has been read.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{CowStr, Event, Tag};

/// Ids the built-in templates give to elements around a body (`base.html`,
/// `article.html`, `entity.html`, `index.html`).
const RESERVED: &[&str] = &[
    "content",
    "site-search",
    "in-article",
    "notes",
    "links",
    "relations",
    "mentioned-in",
    "co-mentioned",
    "latest",
    "entities",
    "tags",
];

/// How the ids dossier makes start: notes, highlights, footnotes and their
/// references, mentions.
const MADE: &[&str] = &["note-", "quote-", "fn-", "fnref-", "m-"];

/// Why an explicit id cannot be given: a message and a help line.
pub(super) type Clash = (String, String);

/// The ids given out in one body.
#[derive(Debug)]
pub(super) struct PageIds {
    used: BTreeSet<String>,
    /// Explicit heading ids, with the body offset of their heading.
    explicit: BTreeMap<String, usize>,
    /// Headings without an id: their index in the event stream and the id
    /// their text gives.
    unnamed: Vec<(usize, String)>,
    /// Footnote label -> its number and id.
    footnotes: BTreeMap<String, (usize, String)>,
}

impl Default for PageIds {
    fn default() -> Self {
        Self {
            used: RESERVED.iter().map(|id| (*id).to_string()).collect(),
            explicit: BTreeMap::new(),
            unnamed: Vec::new(),
            footnotes: BTreeMap::new(),
        }
    }
}

impl PageIds {
    /// Takes `id`, written `{#id}` on the heading at body `offset`; or why
    /// it cannot be. `line_of` gives the line of a body offset.
    pub(super) fn explicit(
        &mut self,
        id: &str,
        offset: usize,
        line_of: impl Fn(usize) -> usize,
    ) -> Result<(), Clash> {
        let other = format!("write another id, such as `{{#h-{id}}}`");
        if let Some(&earlier) = self.explicit.get(id) {
            return Err((
                format!(
                    "heading id `{id}` is already given to the heading at line {}",
                    line_of(earlier)
                ),
                format!("give each heading its own id, such as `{{#{id}-2}}`"),
            ));
        }
        if RESERVED.contains(&id) {
            return Err((
                format!("heading id `{id}` is used by the page around the text"),
                other,
            ));
        }
        if let Some(prefix) = MADE.iter().find(|p| id.starts_with(**p)) {
            return Err((
                format!(
                    "heading id `{id}` starts with `{prefix}`, like the ids dossier gives notes, \
                     highlights, footnotes and mentions"
                ),
                other,
            ));
        }
        self.explicit.insert(id.to_string(), offset);
        self.used.insert(id.to_string());
        Ok(())
    }

    /// Notes that the heading at `index` in the event stream has no id,
    /// and that its text reads `text`.
    pub(super) fn unnamed_heading(&mut self, index: usize, text: &str) {
        let mut base = slug::slugify(text);
        if base.is_empty() {
            base = "section".to_string();
        }
        // Never the shape of an id dossier makes itself (a heading "Note 1").
        if MADE.iter().any(|p| base.starts_with(p)) {
            base = format!("h-{base}");
        }
        self.unnamed.push((index, base));
    }

    /// Gives each heading without an id one from its text, in text order,
    /// with `-2`, `-3`… added while it is taken.
    pub(super) fn name_headings(&mut self, out: &mut [Event<'_>]) {
        for (index, base) in std::mem::take(&mut self.unnamed) {
            let unique = self.free(&base);
            if let Some(Event::Start(Tag::Heading { id, .. })) = out.get_mut(index) {
                *id = Some(CowStr::from(unique));
            }
        }
    }

    /// The footnote's id-safe label and number, given on first sight.
    pub(super) fn footnote(&mut self, label: &str) -> (String, usize) {
        if let Some((number, id)) = self.footnotes.get(label) {
            return (id.clone(), *number);
        }
        let number = self.footnotes.len() + 1;
        let mut id = slug::slugify(label);
        // Labels that slugify alike (`a b`, `a-b`) or to nothing get the
        // footnote's number too.
        if id.is_empty() {
            id = number.to_string();
        }
        let taken = |id: &str| self.footnotes.values().any(|(_, taken)| taken == id);
        if taken(&id) {
            let base = format!("{id}-{number}");
            id.clone_from(&base);
            let mut n = 1;
            while taken(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
        }
        self.footnotes
            .insert(label.to_string(), (number, id.clone()));
        (id, number)
    }

    /// `base`, or `base-2`, `base-3`… whichever is free first; now taken.
    fn free(&mut self, base: &str) -> String {
        let mut unique = base.to_string();
        let mut n = 1;
        while self.used.contains(&unique) {
            n += 1;
            unique = format!("{base}-{n}");
        }
        self.used.insert(unique.clone());
        unique
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_ids_win_and_clashes_are_refused() {
        let mut ids = PageIds::default();
        ids.unnamed_heading(0, "Foo");
        let line_of = |offset: usize| offset / 10;
        assert!(ids.explicit("foo", 10, line_of).is_ok());
        let (message, _) = ids.explicit("foo", 20, line_of).expect_err("repeated");
        assert!(message.ends_with("at line 1"), "{message}");
        assert!(ids.explicit("notes", 30, line_of).is_err());
        assert!(ids.explicit("fn-a", 40, line_of).is_err());
        ids.unnamed_heading(1, "Note 1");
        ids.unnamed_heading(2, "Notes");
        let mut out = vec![
            Event::Start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H1,
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            });
            3
        ];
        ids.name_headings(&mut out);
        let given: Vec<String> = out
            .iter()
            .map(|e| match e {
                Event::Start(Tag::Heading { id: Some(id), .. }) => id.to_string(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(given, ["foo-2", "h-note-1", "notes-2"]);
    }

    #[test]
    fn footnote_ids_never_repeat() {
        let mut ids = PageIds::default();
        assert_eq!(ids.footnote("x-3"), ("x-3".to_string(), 1));
        assert_eq!(ids.footnote("x"), ("x".to_string(), 2));
        assert_eq!(ids.footnote("x."), ("x-3-2".to_string(), 3));
        assert_eq!(ids.footnote("x"), ("x".to_string(), 2));
        assert_eq!(ids.footnote("!!"), ("4".to_string(), 4));
    }
}
