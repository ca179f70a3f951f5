//! What `dossier suggest` reads of a body: each block's reader-visible
//! text, with the parts the mention finder searched, and which of those it
//! found a name in. Recorded by the weaver only when asked, so that a build
//! keeps no second copy of every text.

use std::ops::Range;

use super::Weaver;

/// One block's visible text and what the mention finder made of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProseBlock {
    /// The text a reader sees, white space folded.
    pub text: String,
    /// The ranges of `text` that were prose searched for names, in order:
    /// outside them are link texts, code, raw HTML and wikilinks.
    pub searched: Vec<Searched>,
}

/// A searched range of a block's visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Searched {
    /// Byte range in the block's visible text.
    pub range: Range<usize>,
    /// A name, alias, adjective, shared name or `not_mentions` phrase was
    /// found there: the text is covered.
    pub covered: bool,
}

/// The blocks recorded so far, and the searched ranges of the open one.
#[derive(Debug, Default)]
pub(in crate::markdown) struct Prose {
    pub(in crate::markdown) blocks: Vec<ProseBlock>,
    open: Vec<Searched>,
}

impl Weaver<'_, '_> {
    /// Records that the visible text from `start` to its end was searched,
    /// and whether a name was found there.
    pub(super) fn searched(&mut self, start: usize, covered: bool) {
        let end = self.visible.text.len();
        if let Some(prose) = &mut self.prose
            && end > start
        {
            prose.open.push(Searched {
                range: start..end,
                covered,
            });
        }
    }

    /// Keeps the ending block's text with its searched ranges.
    pub(super) fn end_prose_block(&mut self) {
        let Some(prose) = &mut self.prose else {
            return;
        };
        let searched = std::mem::take(&mut prose.open);
        if !searched.is_empty() {
            prose.blocks.push(ProseBlock {
                text: self.visible.text.clone(),
                searched,
            });
        }
    }
}
