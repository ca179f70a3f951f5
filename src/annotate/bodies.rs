//! Where the articles' annotated bodies are kept: in memory for `serve`,
//! or, for `build` and `check`, with their HTML and mentions (passages
//! included) set aside in a [`Spill`] file, read back by the files that
//! show them: an article's page its HTML, an entity's page the mentions
//! of that entity alone, each article's written together. Only the notes'
//! places stay in memory: they are few, and read from many pages.

use std::borrow::Cow;
use std::sync::Arc;

use crate::ids::{ArticleId, EntityId};
use crate::markdown::{AnnotatedBody, Mention, PlacedNote};
use crate::passage::Passage;
use crate::plain::html_text;
use crate::spill::{Spill, Spilled};

/// Every article's annotated body.
#[derive(Debug, Default)]
pub(crate) struct Bodies {
    /// Per article: its body, without its HTML and mentions when they
    /// are set aside.
    bodies: Vec<Arc<AnnotatedBody>>,
    /// The file they are set aside in, and where each article's went.
    set_aside: Option<(Spill, Vec<SetAside>)>,
}

/// Where one article's HTML and mentions are in the spill file.
#[derive(Debug, Clone)]
pub(super) struct SetAside {
    html: Spilled,
    /// The HTML's text, made once here: search, exports and structured
    /// data each read it.
    text: Spilled,
    /// All its mentions, in groups by entity.
    mentions: Spilled,
    /// Each entity's group, by entity id.
    groups: Vec<(EntityId, Spilled)>,
    count: usize,
}

impl Bodies {
    /// Bodies kept whole in memory.
    pub(super) fn in_memory(bodies: Vec<Arc<AnnotatedBody>>) -> Self {
        Self {
            bodies,
            set_aside: None,
        }
    }

    /// Bodies whose HTML and mentions are in `spill`, at `places`.
    pub(super) fn set_aside(
        bodies: Vec<Arc<AnnotatedBody>>,
        spill: Spill,
        places: Vec<SetAside>,
    ) -> Self {
        Self {
            bodies,
            set_aside: Some((spill, places)),
        }
    }

    /// The article's body as HTML.
    pub(crate) fn html(&self, id: ArticleId) -> Cow<'_, str> {
        match &self.set_aside {
            None => Cow::Borrowed(&self.bodies[id].html),
            Some((spill, places)) => Cow::Owned(one_text(spill.get(places[id.0].html))),
        }
    }

    /// The article's body as plain text ([`html_text`] of its HTML).
    pub(crate) fn text(&self, id: ArticleId) -> String {
        match &self.set_aside {
            None => html_text(&self.bodies[id].html),
            Some((spill, places)) => one_text(spill.get(places[id.0].text)),
        }
    }

    /// The article's mentions, in text order, with their passages.
    pub(crate) fn mentions(&self, id: ArticleId) -> Cow<'_, [Mention]> {
        let Some((spill, places)) = &self.set_aside else {
            return Cow::Borrowed(&self.bodies[id].mentions);
        };
        let mut numbered = mentions(&spill.get(places[id.0].mentions));
        numbered.sort_by_key(|(index, _)| *index);
        Cow::Owned(numbered.into_iter().map(|(_, m)| m).collect())
    }

    /// The article's mentions of `entity`, in text order.
    pub(crate) fn mentions_of(&self, id: ArticleId, entity: EntityId) -> Vec<Mention> {
        let Some((spill, places)) = &self.set_aside else {
            let body = &self.bodies[id];
            return (body.mentions.iter())
                .filter(|m| m.entity == entity)
                .cloned()
                .collect();
        };
        let groups = &places[id.0].groups;
        match groups.binary_search_by_key(&entity, |(e, _)| *e) {
            Ok(found) => mentions(&spill.get(groups[found].1))
                .into_iter()
                .map(|(_, m)| m)
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// How many mentions the article has.
    pub(crate) fn mention_count(&self, id: ArticleId) -> usize {
        match &self.set_aside {
            None => self.bodies[id].mentions.len(),
            Some((_, places)) => places[id.0].count,
        }
    }

    /// Where the article's notes are found.
    pub(crate) fn notes(&self, id: ArticleId) -> &[PlacedNote] {
        &self.bodies[id].notes
    }

    /// Whether every body set aside could be read back.
    pub(crate) fn check(&self) -> std::io::Result<()> {
        self.set_aside
            .as_ref()
            .map_or(Ok(()), |(spill, _)| spill.check())
    }
}

/// Moves `body`'s HTML and mentions into `spill`, leaving them empty: the
/// HTML, then the mentions of each entity of `by_entity` (its mentions'
/// indices, in text order), each group read alone by its entity's page.
pub(super) fn set_aside(
    spill: &Spill,
    body: &mut AnnotatedBody,
    by_entity: &[(EntityId, Vec<usize>)],
) -> std::io::Result<SetAside> {
    let mut bytes = Vec::with_capacity(body.html.len() * 3);
    let html = std::mem::take(&mut body.html);
    push(&mut bytes, &html);
    let html_end = bytes.len();
    push(&mut bytes, &html_text(&html));
    let text_end = bytes.len();
    let mentions = std::mem::take(&mut body.mentions);
    let mut groups = Vec::with_capacity(by_entity.len());
    for (entity, indices) in by_entity {
        let start = bytes.len();
        for index in indices {
            let mention = &mentions[*index];
            let explicit = if mention.explicit { "1" } else { "0" };
            let passage = &mention.passage;
            for part in [
                &index.to_string(),
                &mention.entity.0.to_string(),
                &mention.anchor,
                explicit,
                &passage.before,
                &passage.text,
                &passage.after,
            ] {
                push(&mut bytes, part);
            }
        }
        groups.push((*entity, (start, bytes.len() - start)));
    }
    let whole = spill.put(&bytes)?;
    Ok(SetAside {
        html: whole.part(0, html_end),
        text: whole.part(html_end, text_end - html_end),
        mentions: whole.part(text_end, bytes.len() - text_end),
        groups: groups
            .into_iter()
            .map(|(entity, (start, len))| (entity, whole.part(start, len)))
            .collect(),
        count: mentions.len(),
    })
}

/// Appends `text` with its length in front.
fn push(bytes: &mut Vec<u8>, text: &str) {
    bytes.extend_from_slice(&(text.len() as u64).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
}

/// The one text [`push`] wrote in `bytes`, taken without a copy.
fn one_text(mut bytes: Vec<u8>) -> String {
    let len = bytes
        .first_chunk::<8>()
        .map_or(0, |len| u64::from_le_bytes(*len));
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    bytes.drain(..bytes.len().min(8));
    bytes.truncate(len);
    // Written from a `str`: valid, unless the disk changed it.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The texts [`push`] wrote, in order, borrowed from `bytes`.
fn texts(mut bytes: &[u8]) -> impl Iterator<Item = Cow<'_, str>> {
    std::iter::from_fn(move || {
        let (len, rest) = bytes.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).unwrap_or(usize::MAX);
        let (text, rest) = rest.split_at_checked(len)?;
        bytes = rest;
        // Written from `str`s: valid, unless the disk changed them.
        Some(String::from_utf8_lossy(text))
    })
}

/// The mentions [`set_aside`] wrote, each with its index in the article.
fn mentions(bytes: &[u8]) -> Vec<(usize, Mention)> {
    let mut parts = texts(bytes);
    let mut mentions = Vec::new();
    while let Some(index) = parts.next() {
        let mut part = || parts.next().unwrap_or_default();
        let entity = EntityId(part().parse().unwrap_or_default());
        mentions.push((
            index.parse().unwrap_or_default(),
            Mention {
                entity,
                anchor: part().into_owned(),
                explicit: part() == "1",
                passage: Passage {
                    before: part().into_owned(),
                    text: part().into_owned(),
                    after: part().into_owned(),
                },
            },
        ));
    }
    mentions
}
