//! Where the articles' annotated bodies are kept: in memory for `serve`,
//! or, for `build` and `check`, with their HTML and passages set aside in
//! a [`Spill`] file, read back one article at a time by the files that
//! show them.

use std::borrow::Cow;
use std::sync::Arc;

use crate::ids::ArticleId;
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
}

impl Bodies {
    /// Bodies kept whole in memory.
    pub(super) fn in_memory(bodies: Vec<Arc<AnnotatedBody>>) -> Self {
        Self {
            bodies,
            set_aside: None,
        }
    }

    /// Bodies whose HTML and passages are in `spill`, at `pieces`.
    pub(super) fn set_aside(
        bodies: Vec<Arc<AnnotatedBody>>,
        spill: Spill,
        pieces: Vec<Spilled>,
    ) -> Self {
        Self {
            bodies,
            set_aside: Some((spill, pieces)),
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
        // The HTML first, then each passage's three parts.
        let mut parts = texts.into_iter().skip(1);
        let mut mentions = body.mentions.clone();
        for mention in &mut mentions {
            mention.passage = Passage {
                before: parts.next().unwrap_or_default(),
                text: parts.next().unwrap_or_default(),
                after: parts.next().unwrap_or_default(),
            };
        }
        Cow::Owned(mentions)
    }

    /// How many mentions the article has.
    pub(crate) fn mention_count(&self, id: ArticleId) -> usize {
        self.bodies[id].mentions.len()
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

/// Moves `body`'s HTML and passages into `spill`, leaving them empty.
pub(super) fn set_aside(spill: &Spill, body: &mut AnnotatedBody) -> std::io::Result<Spilled> {
    let mut bytes = Vec::with_capacity(body.html.len() * 2);
    push(&mut bytes, &std::mem::take(&mut body.html));
    for mention in &mut body.mentions {
        let passage = std::mem::take(&mut mention.passage);
        for part in [passage.before, passage.text, passage.after] {
            push(&mut bytes, &part);
        }
    }
    spill.put(&bytes)
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
