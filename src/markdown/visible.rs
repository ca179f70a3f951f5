//! The text a reader sees in one block (paragraph, heading, list item,
//! table row…), built while the block is written out as HTML, with the
//! researcher's highlights drawn on it.
//!
//! Highlights are ranges of this visible text, so a quote may cross
//! emphasis, links, inline code and mentions. `<mark>` elements only ever
//! wrap plain text: a highlight that crosses an element boundary is split
//! into several marks, all tied to the same note, so the HTML always nests.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::html::escape_into;

/// A highlighted range of a block's visible text, for note `note` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Highlight {
    /// Byte range in the block's visible text.
    pub(super) range: Range<usize>,
    /// The note's number.
    pub(super) note: usize,
}

/// Visible text of the current block, and how to mark it.
#[derive(Debug, Default)]
pub(super) struct VisibleText {
    /// White space folded to single spaces, no leading space.
    pub(super) text: String,
    highlights: Vec<Highlight>,
    /// Notes whose first mark has been written (it carries the id).
    started: BTreeSet<usize>,
    /// Notes whose quote ended inside an element (a link, a mention, code):
    /// their reference waits for the next top-level text, or the end of
    /// the table cell or block.
    waiting_refs: Vec<usize>,
    /// Notes whose reference is written: each gets exactly one.
    referenced: BTreeSet<usize>,
}

impl VisibleText {
    /// Starts a new block with these highlights.
    pub(super) fn start_block(&mut self, highlights: Vec<Highlight>) {
        self.text.clear();
        self.highlights = highlights;
    }

    /// Adds `raw` to the visible text and writes it, escaped and marked, to
    /// `html`. `nested` says the text sits inside an element (a link,
    /// `<code>`), where a note reference cannot go.
    pub(super) fn write(&mut self, html: &mut String, raw: &str, nested: bool) {
        if !nested {
            self.write_waiting_refs(html);
        }
        if self.highlights.is_empty() {
            escape_into(html, raw);
            self.fold(raw);
            return;
        }
        let mut open: Option<usize> = None;
        for c in raw.chars() {
            let kept = crate::spaces::collapsed(&self.text, c);
            // A folded-away space belongs with the character before it.
            let offset = if kept.is_some() {
                self.text.len()
            } else {
                self.text.len().saturating_sub(1)
            };
            // Where quotes overlap, the innermost is drawn, so that each
            // note gets a highlight of its own to link back to.
            let note = self
                .highlights
                .iter()
                .filter(|h| h.range.contains(&offset))
                .min_by_key(|h| (h.range.len(), h.note))
                .map(|h| h.note);
            if note != open {
                if let Some(closing) = open {
                    self.close_mark(html, closing, nested);
                }
                if let Some(opening) = note {
                    self.open_mark(html, opening);
                }
                open = note;
            }
            let mut buffer = [0; 4];
            escape_into(html, c.encode_utf8(&mut buffer));
            if let Some(kept) = kept {
                self.text.push(kept);
            }
        }
        if let Some(closing) = open {
            self.close_mark(html, closing, nested);
        }
    }

    /// Adds text that is not written out (a cell separator, a line break).
    pub(super) fn fold(&mut self, raw: &str) {
        crate::spaces::push_collapsed(&mut self.text, raw);
    }

    /// The references still waiting at the end of the block, and those of
    /// quotes whose last characters were never written.
    pub(super) fn finish_block(&mut self) -> String {
        let mut html = String::new();
        self.wait_for_refs_ending_by(self.text.len());
        self.write_waiting_refs(&mut html);
        html
    }

    /// Ends a table cell, whose references go inside it, never between
    /// cells: those waiting after a link or code, and those of quotes that
    /// end on the cell boundary (`one |`), in the ` | ` that a row's
    /// visible text puts between cells but no cell shows.
    pub(super) fn end_cell(&mut self, html: &mut String) {
        let separator = match self.text.chars().last() {
            None => 0,
            Some(' ') => " |".len(),
            Some(_) => " | ".len(),
        };
        self.wait_for_refs_ending_by(self.text.len() + separator);
        self.write_waiting_refs(html);
    }

    /// Lets the references of started quotes that end by `end` wait.
    fn wait_for_refs_ending_by(&mut self, end: usize) {
        for h in &self.highlights {
            let pending = self.started.contains(&h.note)
                && !self.referenced.contains(&h.note)
                && !self.waiting_refs.contains(&h.note);
            if pending && h.range.end <= end {
                self.waiting_refs.push(h.note);
            }
        }
    }

    fn open_mark(&mut self, html: &mut String, note: usize) {
        let id = if self.started.insert(note) {
            format!(" id=\"quote-{note}\"")
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<mark class=\"quote\" data-note=\"note-{note}\"{id}>"
        ));
    }

    fn close_mark(&mut self, html: &mut String, note: usize, nested: bool) {
        html.push_str("</mark>");
        let ended = self
            .highlights
            .iter()
            .any(|h| h.note == note && h.range.end <= self.text.len());
        if ended && !self.referenced.contains(&note) && !self.waiting_refs.contains(&note) {
            self.waiting_refs.push(note);
            if !nested {
                self.write_waiting_refs(html);
            }
        }
    }

    fn write_waiting_refs(&mut self, html: &mut String) {
        for note in self.waiting_refs.drain(..) {
            if self.referenced.insert(note) {
                html.push_str(&note_ref(note));
            }
        }
    }
}

/// The link from a highlight to its note.
fn note_ref(note: usize) -> String {
    format!("<sup class=\"note-ref\"><a href=\"#note-{note}\">{note}</a></sup>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_text_only_and_split_across_elements() {
        let mut visible = VisibleText::default();
        let whole = "un document véritablement révolutionnaire";
        visible.start_block(vec![Highlight {
            range: 3..whole.len(),
            note: 1,
        }]);
        let mut html = String::new();
        visible.write(&mut html, "un ", false);
        html.push_str("<em>");
        visible.write(&mut html, "document", true);
        html.push_str("</em>");
        visible.write(&mut html, " véritablement révolutionnaire", false);
        assert_eq!(visible.text, whole);
        assert_eq!(
            html,
            "un <em><mark class=\"quote\" data-note=\"note-1\" id=\"quote-1\">document</mark></em>\
             <mark class=\"quote\" data-note=\"note-1\"> véritablement révolutionnaire</mark>\
             <sup class=\"note-ref\"><a href=\"#note-1\">1</a></sup>"
        );
    }

    #[test]
    fn a_reference_waits_outside_a_link() {
        let mut visible = VisibleText::default();
        visible.start_block(vec![Highlight {
            range: 0..8,
            note: 2,
        }]);
        let mut html = String::new();
        html.push_str("<a>");
        visible.write(&mut html, "Kim  Jong", true);
        html.push_str("</a>");
        visible.write(&mut html, " dit", false);
        assert_eq!(visible.text, "Kim Jong dit");
        assert_eq!(
            html,
            "<a><mark class=\"quote\" data-note=\"note-2\" id=\"quote-2\">Kim  Jong</mark></a>\
             <sup class=\"note-ref\"><a href=\"#note-2\">2</a></sup> dit"
        );
    }
}
