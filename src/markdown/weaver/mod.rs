//! The event-stream rewriter behind [`super::annotate`]: one pass over
//! pulldown-cmark's events, finding mentions in prose runs, resolving
//! wikilinks, naming headings and footnotes, drawing highlights, and
//! recording each block's visible text. Names and wikilinks are in
//! [`names`].

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

mod ids;
mod names;
mod prose;

use names::WikiLink;
pub(super) use prose::Prose;
pub(crate) use prose::ProseBlock;
#[cfg(test)]
pub(crate) use prose::Searched;

use super::links::UnsafeTargets;
use super::visible::{Highlight, VisibleText};
use super::{Context, Mention};
use crate::ids::EntityId;
use crate::mentions::Unlinked;
use crate::notes::Block;
use crate::passage::Sentences;
use ids::PageIds;

/// A wikilink that could not be resolved: offset, message, help.
pub(super) type Unresolved = (usize, String, String);

/// Rewrites the event stream; see the module documentation.
pub(super) struct Weaver<'a, 'c> {
    context: &'c Context<'c>,
    pub(super) out: Vec<Event<'a>>,
    /// Prose text not yet searched for names.
    run: String,
    visible: VisibleText,
    /// Mentions of the current block: index in `mentions`, visible range.
    block_mentions: Vec<(usize, Range<usize>)>,
    pub(super) mentions: Vec<Mention>,
    per_entity: BTreeMap<EntityId, usize>,
    /// Entities already linked by a name (`autolink: first`).
    named: BTreeSet<EntityId>,
    /// Per entity, its first mention by an adjective: linked at the end
    /// when the body never names the entity.
    first_adjective: BTreeMap<EntityId, String>,
    /// The `not_mentions` phrases met.
    pub(super) unlinked: BTreeSet<Unlinked>,
    in_code_block: bool,
    link_depth: usize,
    image_depth: usize,
    /// Links and images whose target is not published.
    unsafe_targets: UnsafeTargets,
    /// Open tables, lists, block quotes and footnotes: a note's aside waits
    /// until they close, where it is valid HTML and reads as a note.
    container_depth: usize,
    /// Open inline HTML elements: their text is raw HTML, not prose.
    inline_html_depth: usize,
    wikilink: Option<WikiLink>,
    heading_start: Option<usize>,
    /// Heading and footnote ids given out in this body.
    ids: PageIds,
    /// The body, and the line of the file where it starts: for errors that
    /// name another line.
    body: &'a str,
    body_line: usize,
    /// Labels whose first reference (the back-link's target) is written.
    referenced: BTreeSet<String>,
    pub(super) unresolved: Vec<Unresolved>,
    /// Highlights to draw, by block index; the notes of the current block.
    highlights: BTreeMap<usize, Vec<Highlight>>,
    block_notes: Vec<usize>,
    block_index: usize,
    block_source: usize,
    /// Notes whose block has ended, waiting for a place for their aside.
    asides: Vec<usize>,
    /// Visible text of every block, kept when notes are to be placed.
    pub(super) blocks: Option<Vec<Block>>,
    /// Every block's searched prose, kept for `dossier suggest`.
    pub(super) prose: Option<prose::Prose>,
}

impl<'a, 'c> Weaver<'a, 'c> {
    /// A weaver for `body`, which starts at line `body_line` of its file,
    /// drawing `highlights` (by block index); with `record_blocks` it keeps
    /// every block's visible text.
    pub(super) fn new(
        context: &'c Context<'c>,
        (body, body_line): (&'a str, usize),
        mut highlights: BTreeMap<usize, Vec<Highlight>>,
        record_blocks: bool,
    ) -> Self {
        let mut visible = VisibleText::default();
        let first = highlights.remove(&0).unwrap_or_default();
        let block_notes = first.iter().map(|h| h.note).collect();
        visible.start_block(first);
        Self {
            context,
            out: Vec::new(),
            run: String::new(),
            visible,
            block_mentions: Vec::new(),
            mentions: Vec::new(),
            per_entity: BTreeMap::new(),
            named: BTreeSet::new(),
            first_adjective: BTreeMap::new(),
            unlinked: BTreeSet::new(),
            in_code_block: false,
            link_depth: 0,
            image_depth: 0,
            unsafe_targets: UnsafeTargets::default(),
            container_depth: 0,
            inline_html_depth: 0,
            wikilink: None,
            heading_start: None,
            ids: PageIds::default(),
            body,
            body_line,
            referenced: BTreeSet::new(),
            unresolved: Vec::new(),
            highlights,
            block_notes,
            block_index: 0,
            block_source: 0,
            asides: Vec::new(),
            blocks: record_blocks.then(Vec::new),
            prose: None,
        }
    }

    pub(super) fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        if self.visible.text.is_empty() && self.run.is_empty() {
            self.block_source = range.start;
        }
        if let Some(link) = &mut self.wikilink {
            match event {
                Event::End(TagEnd::Link) => self.end_wikilink(),
                other => link.read(other),
            }
            return;
        }
        match event {
            Event::Text(text) | Event::Code(text) if self.in_code_block || self.image_depth > 0 => {
                self.out.push(Event::Text(text));
            }
            Event::SoftBreak | Event::HardBreak if self.image_depth > 0 => {
                self.out.push(Event::Text(" ".into()));
            }
            Event::Text(text) if self.link_depth == 0 && self.inline_html_depth == 0 => {
                self.run.push_str(&text);
            }
            Event::SoftBreak if self.link_depth == 0 => self.run.push('\n'),
            Event::Text(text) => {
                self.flush_run();
                let mut html = String::new();
                self.visible.write(&mut html, &text, self.link_depth > 0);
                self.out.push(Event::InlineHtml(html.into()));
            }
            Event::Code(text) => {
                self.flush_run();
                let mut html = String::from("<code>");
                self.visible.write(&mut html, &text, true);
                html.push_str("</code>");
                self.out.push(Event::InlineHtml(html.into()));
            }
            Event::Html(html) => {
                self.flush_run();
                self.out.push(Event::Text(html));
            }
            Event::InlineHtml(html) => {
                self.flush_run();
                self.inline_html_depth = nest_inline_html(self.inline_html_depth, &html);
                self.out.push(Event::Text(html));
            }
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => {
                self.flush_run();
                self.wikilink = Some(WikiLink::new(&dest_url, range.start, has_pothole));
            }
            // `![[file]]`, an embed in Obsidian: not an image dossier has.
            Event::Start(Tag::Image {
                link_type: LinkType::WikiLink { .. },
                dest_url,
                ..
            }) => {
                self.flush_run();
                // As written, label and all (`![[map.jpg|300]]`).
                let written = self.body.get(range.clone()).unwrap_or_default();
                let written = written.trim_start_matches('!');
                self.unresolved
                    .push(names::embed(&dest_url, written, range.start));
                self.image_depth += 1;
                self.unsafe_targets.drop_next();
            }
            Event::FootnoteReference(label) => {
                self.flush_run();
                let (id, number) = self.ids.footnote(&label);
                // The first reference is where the footnote links back to.
                let back = if self.referenced.insert(label.to_string()) {
                    format!(" id=\"fnref-{id}\"")
                } else {
                    String::new()
                };
                self.out.push(Event::InlineHtml(
                    format!(
                        "<sup class=\"footnote-ref\"><a href=\"#fn-{id}\"{back}>{number}</a></sup>"
                    )
                    .into(),
                ));
            }
            Event::TaskListMarker(done) => {
                self.flush_run();
                // A box drawn as text, not a disabled form control: a
                // control needs a label in the reader's language, and a
                // screen reader says "ballot box with check" by itself.
                let mark = if done { "☑" } else { "☐" };
                self.out.push(Event::InlineHtml(
                    format!("<span class=\"task\">{mark}</span> ").into(),
                ));
            }
            Event::Start(tag) => self.start(tag, range.start),
            Event::End(end) => self.end(end),
            other => {
                self.flush_run();
                if matches!(other, Event::HardBreak | Event::SoftBreak) {
                    self.visible.fold(" ");
                }
                self.out.push(other);
            }
        }
    }

    fn start(&mut self, tag: Tag<'a>, offset: usize) {
        match tag {
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {
                self.flush_run();
                self.out.push(Event::Start(tag));
            }
            Tag::Link { .. } => {
                self.flush_run();
                self.link_depth += 1;
                self.out
                    .extend(self.unsafe_targets.filter(Event::Start(tag)));
            }
            Tag::Image { .. } => {
                self.flush_run();
                self.image_depth += 1;
                self.out
                    .extend(self.unsafe_targets.filter(Event::Start(tag)));
            }
            // A row is one passage: a lone cell says too little.
            Tag::TableCell => {
                self.flush_run();
                if !self.visible.text.is_empty() {
                    self.visible.fold(" | ");
                }
                self.out.push(Event::Start(tag));
            }
            Tag::Table(_) | Tag::List(_) | Tag::BlockQuote(_) => {
                self.flush_block();
                self.container_depth += 1;
                self.out.push(Event::Start(tag));
            }
            Tag::CodeBlock(_) => {
                self.flush_block();
                self.in_code_block = true;
                self.out.push(Event::Start(tag));
            }
            Tag::HtmlBlock => {
                self.flush_block();
                self.out
                    .push(Event::Html("<pre class=\"raw-html\"><code>".into()));
            }
            // Attributes in `{…}` could carry event handlers: only the id
            // and classes are kept.
            Tag::Heading {
                level, id, classes, ..
            } => {
                self.flush_block();
                if let Some(id) = &id {
                    let (body, first) = (self.body, self.body_line);
                    let line_of = |at: usize| first + body[..at].matches('\n').count();
                    if let Err((message, help)) = self.ids.explicit(id, offset, line_of) {
                        self.unresolved.push((offset, message, help));
                    }
                }
                self.heading_start = Some(self.out.len());
                self.out.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_block();
                self.container_depth += 1;
                let (id, number) = self.ids.footnote(&label);
                // A footnote with no reference before it has nowhere to go back to.
                let back = if self.referenced.contains(label.as_ref()) {
                    format!(
                        "<a class=\"footnote-back\" href=\"#fnref-{id}\" aria-label=\"↩ {number}\">{number}.</a>"
                    )
                } else {
                    format!("<span class=\"footnote-back\">{number}.</span>")
                };
                self.out.push(Event::Html(
                    format!("<div class=\"footnote\" id=\"fn-{id}\">{back}").into(),
                ));
            }
            other => {
                self.flush_block();
                self.out.push(Event::Start(other));
            }
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {
                self.flush_run();
                self.out.push(Event::End(end));
            }
            TagEnd::TableCell => {
                self.flush_run();
                let mut refs = String::new();
                self.visible.end_cell(&mut refs);
                if !refs.is_empty() {
                    self.out.push(Event::InlineHtml(refs.into()));
                }
                self.out.push(Event::End(end));
            }
            TagEnd::Link => {
                self.flush_run();
                self.link_depth = self.link_depth.saturating_sub(1);
                self.out.extend(self.unsafe_targets.filter(Event::End(end)));
            }
            TagEnd::Image => {
                self.image_depth = self.image_depth.saturating_sub(1);
                self.out.extend(self.unsafe_targets.filter(Event::End(end)));
            }
            TagEnd::CodeBlock => {
                self.in_code_block = false;
                self.out.push(Event::End(end));
            }
            TagEnd::HtmlBlock => self.out.push(Event::Html("</code></pre>\n".into())),
            TagEnd::Heading(_) => {
                self.flush_run();
                self.name_heading();
                self.flush_block();
                self.out.push(Event::End(end));
                self.place_asides();
            }
            TagEnd::FootnoteDefinition => {
                self.flush_block();
                self.container_depth = self.container_depth.saturating_sub(1);
                self.out.push(Event::Html("</div>\n".into()));
                self.place_asides();
            }
            TagEnd::Table | TagEnd::List(_) | TagEnd::BlockQuote(_) => {
                self.flush_block();
                self.container_depth = self.container_depth.saturating_sub(1);
                self.out.push(Event::End(end));
                self.place_asides();
            }
            other => {
                self.flush_block();
                self.out.push(Event::End(other));
                self.place_asides();
            }
        }
    }

    /// Puts the notes of ended blocks here, unless inside a table, where an
    /// aside cannot go: they then follow the table. The render stage fills
    /// each placeholder with the note template.
    pub(super) fn place_asides(&mut self) {
        if self.container_depth > 0 || self.asides.is_empty() {
            return;
        }
        // One box for the notes of a block, so that on wide screens they
        // stack together beside it.
        self.out.push(Event::Html("<div class=\"notes\">\n".into()));
        for note in self.asides.drain(..) {
            self.out
                .push(Event::Html(super::note_placeholder(note).into()));
        }
        self.out.push(Event::Html("</div>\n".into()));
    }

    /// Notes the open heading's text, for an id if it has none: ids from
    /// text are given once every explicit one is known.
    fn name_heading(&mut self) {
        let Some(index) = self.heading_start.take() else {
            return;
        };
        if let Some(Event::Start(Tag::Heading { id: None, .. })) = self.out.get(index) {
            self.ids.unnamed_heading(index, &self.visible.text);
        }
    }

    /// Gives every heading without an id one from its text.
    pub(super) fn name_headings(&mut self) {
        self.ids.name_headings(&mut self.out);
    }

    /// Ends the current block: its mentions get their passages, its
    /// waiting note references are written, and the next block begins.
    pub(super) fn flush_block(&mut self) {
        self.flush_run();
        let refs = self.visible.finish_block();
        if !refs.is_empty() {
            self.out.push(Event::InlineHtml(refs.into()));
        }
        if !self.block_mentions.is_empty() {
            let sentences = Sentences::new(&self.visible.text);
            for (index, range) in self.block_mentions.drain(..) {
                self.mentions[index].passage = sentences.passage(range);
            }
        }
        self.end_prose_block();
        if let Some(blocks) = &mut self.blocks {
            blocks.push(Block {
                text: self.visible.text.clone(),
                source: self.block_source,
            });
        }
        self.asides.append(&mut self.block_notes);
        // An unclosed inline tag does not reach past its block.
        self.inline_html_depth = 0;
        self.block_index += 1;
        let next = self
            .highlights
            .remove(&self.block_index)
            .unwrap_or_default();
        self.block_notes = next.iter().map(|h| h.note).collect();
        self.block_notes.dedup();
        self.visible.start_block(next);
    }
}

/// The nesting depth after an inline HTML tag: `<b>` opens, `</b>` closes,
/// comments, declarations and self-closing or void tags change nothing.
fn nest_inline_html(depth: usize, tag: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "hr", "img", "input", "wbr", "area", "col", "embed", "source", "track",
    ];
    let Some(inner) = tag.strip_prefix('<') else {
        return depth;
    };
    if inner.starts_with('/') {
        return depth.saturating_sub(1);
    }
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    if name.is_empty() || tag.ends_with("/>") || VOID.contains(&name.to_ascii_lowercase().as_str())
    {
        depth
    } else {
        depth + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_of_inline_html() {
        assert_eq!(nest_inline_html(0, "<span class=\"x\">"), 1);
        assert_eq!(nest_inline_html(1, "</span>"), 0);
        assert_eq!(nest_inline_html(0, "<br>"), 0);
        assert_eq!(nest_inline_html(0, "<x/>"), 0);
        assert_eq!(nest_inline_html(0, "<!-- c -->"), 0);
    }
}
