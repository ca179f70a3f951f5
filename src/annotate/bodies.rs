//! Where the articles' annotated bodies are kept: in memory for `serve`,
//! or, for `build` and `check`, with their HTML and mentions (passages
//! included) set aside in a [`Spill`] file, read back one article at a
//! time by the files that show them. Only the notes' places stay: they
//! are few, and read from many pages.

use std::borrow::Cow;
use std::sync::Arc;

use crate::ids::{ArticleId, EntityId};
use crate::markdown::{AnnotatedBody, Mention, PlacedNote};
use crate::passage::Passage;
use crate::spill::{Spill, Spilled};

/// Every article's annotated body.
#[derive(Debug, Default)]
pub(crate) struct Bodies {
    /// Per article: its body, without its HTML and passages when they
    /// are set aside.
    bodies: Vec<Arc<AnnotatedBody>>,
    /// The file they are set aside in, and where each article's went.
    set_aside: Option<(Spill, Vec<Spilled>)>,
    /// Per article, its number of mentions, when they are set aside.
    mention_counts: Vec<usize>,
}

impl Bodies {
    /// Bodies kept whole in memory.
    pub(super) fn in_memory(bodies: Vec<Arc<AnnotatedBody>>) -> Self {
        Self {
            bodies,
            set_aside: None,
            mention_counts: Vec::new(),
        }
    }

    /// Bodies whose HTML and passages are in `spill`, at `pieces`.
    pub(super) fn set_aside(
        bodies: Vec<Arc<AnnotatedBody>>,
        spill: Spill,
        pieces: Vec<(Spilled, usize)>,
    ) -> Self {
        let (pieces, mention_counts) = pieces.into_iter().unzip();
        Self {
            bodies,
            set_aside: Some((spill, pieces)),
            mention_counts,
        }
    }

    /// The article's body as HTML.
    pub(crate) fn html(&self, id: ArticleId) -> Cow<'_, str> {
        match &self.set_aside {
            None => Cow::Borrowed(&self.bodies[id].html),
            Some((spill, pieces)) => {
                let mut texts = texts(&spill.get(pieces[id.0]));
                Cow::Owned(if texts.is_empty() {
                    String::new()
                } else {
                    texts.swap_remove(0)
                })
            }
        }
    }

    /// The article's mentions, in text order, with their passages.
    pub(crate) fn mentions(&self, id: ArticleId) -> Cow<'_, [Mention]> {
        let body = &self.bodies[id];
        let Some((spill, pieces)) = &self.set_aside else {
            return Cow::Borrowed(&body.mentions);
        };
        let texts = texts(&spill.get(pieces[id.0]));
        // The HTML first, then each mention's six parts.
        let mut parts = texts.into_iter().skip(1);
        let mut mentions = Vec::with_capacity(self.mention_counts[id.0]);
        while let Some(entity) = parts.next() {
            let mut part = || parts.next().unwrap_or_default();
            mentions.push(Mention {
                entity: EntityId(entity.parse().unwrap_or_default()),
                anchor: part(),
                explicit: part() == "1",
                passage: Passage {
                    before: part(),
                    text: part(),
                    after: part(),
                },
            });
        }
        Cow::Owned(mentions)
    }

    /// How many mentions the article has.
    pub(crate) fn mention_count(&self, id: ArticleId) -> usize {
        match &self.set_aside {
            None => self.bodies[id].mentions.len(),
            Some(_) => self.mention_counts[id.0],
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

/// Moves `body`'s HTML and mentions into `spill`, leaving them empty;
/// gives where they went and how many mentions there were.
pub(super) fn set_aside(
    spill: &Spill,
    body: &mut AnnotatedBody,
) -> std::io::Result<(Spilled, usize)> {
    let mut bytes = Vec::with_capacity(body.html.len() * 2);
    push(&mut bytes, &std::mem::take(&mut body.html));
    let mentions = std::mem::take(&mut body.mentions);
    for mention in &mentions {
        let explicit = if mention.explicit { "1" } else { "0" };
        let passage = &mention.passage;
        for part in [
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
    Ok((spill.put(&bytes)?, mentions.len()))
}

/// Appends `text` with its length in front.
fn push(bytes: &mut Vec<u8>, text: &str) {
    bytes.extend_from_slice(&(text.len() as u64).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
}

/// The texts [`push`] wrote, in order.
fn texts(mut bytes: &[u8]) -> Vec<String> {
    let mut texts = Vec::new();
    while let Some((len, rest)) = bytes.split_first_chunk::<8>() {
        let len = usize::try_from(u64::from_le_bytes(*len)).unwrap_or(usize::MAX);
        let Some((text, rest)) = rest.split_at_checked(len) else {
            break;
        };
        texts.push(String::from_utf8_lossy(text).into_owned());
        bytes = rest;
    }
    texts
}
