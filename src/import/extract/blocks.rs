//! The article's HTML, once extracted and cleaned, as a flat list of
//! blocks: each paragraph, heading, list item, table, code block or rule
//! with its Markdown, the text a reader sees in it, and the containers
//! (block quotes, list items) it sits in. Flat, so that the boilerplate
//! rules can look at one block and its neighbours, and drop a block
//! without breaking the list or quote around it: `markdown.rs` writes the
//! prefixes only for the blocks that are kept.

use dom_query::NodeRef;

use super::inline::Inline;

/// What a block is, for the rules that drop some and for the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Paragraph,
    Heading,
    /// The first block of a list item.
    Item,
    Table,
    Code,
    Rule,
    /// An element the markup marks as boilerplate (`page.rs`): reported
    /// as removed, never written.
    Removed,
}

/// A container a block sits in, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Container {
    /// A block quote, numbered so that two quotes side by side stay apart.
    Quote(usize),
    /// A list item, numbered, with its marker: `None` for a bullet, the
    /// item's number in an ordered list.
    Item(usize, Option<u32>),
}

/// One block of the article.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) kind: Kind,
    /// Its Markdown without the prefixes of its containers; lines
    /// separated by `\n` (hard breaks, table rows, code).
    pub(super) markdown: String,
    /// The text a reader sees, white space collapsed.
    pub(super) text: String,
    /// How many characters of `text` are the text of links.
    pub(super) link_chars: usize,
    pub(super) containers: Vec<Container>,
}

impl Block {
    /// A block of plain text (pasted text, or a piece of a split block).
    pub(super) fn paragraph(text: &str) -> Self {
        let mut inline = Inline::default();
        inline.push_text(text);
        let (markdown, text, link_chars) = inline.finish();
        Self {
            kind: Kind::Paragraph,
            markdown,
            text,
            link_chars,
            containers: Vec::new(),
        }
    }

    pub(super) fn words(&self) -> usize {
        words(&self.text)
    }

    /// Inside a block quote: the article quoting someone (a tweet, a
    /// letter), whose words the text rules leave alone.
    pub(super) fn is_quoted(&self) -> bool {
        self.containers
            .iter()
            .any(|c| matches!(c, Container::Quote(_)))
    }
}

/// How many words `text` has: Chinese and Japanese, written without
/// spaces, count one word for two characters.
pub(super) fn words(text: &str) -> usize {
    text.split_whitespace()
        .map(|word| {
            let ideographs = word.chars().filter(|&c| is_ideographic(c)).count();
            (ideographs / 2).max(1)
        })
        .sum()
}

fn is_ideographic(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Elements whose content is not text a reader reads in an article.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "button", "input", "select",
    "textarea", "iframe", "object", "embed", "video", "audio", "canvas", "head", "title", "meta",
    "link",
];

/// Elements that end the paragraph before them and start a new one.
const BLOCK_LEVEL: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "legend",
    "dl",
    "dt",
    "dd",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "hr",
    "caption",
    "body",
    "html",
    "menu",
    "hgroup",
];

/// Deeper than this, an element's text is read as plain text: a page of
/// millions of nested elements must not exhaust the stack.
const MAX_DEPTH: usize = 200;

pub(super) fn is_block_level(name: &str) -> bool {
    BLOCK_LEVEL.contains(&name)
}

/// The blocks of `root`'s content.
pub(super) fn blocks(root: &NodeRef) -> Vec<Block> {
    let mut writer = Writer::default();
    for child in root.children_it(false) {
        writer.node(&child, 0);
    }
    writer.flush(Kind::Paragraph);
    writer.blocks
}

#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
    containers: Vec<Container>,
    next_container: usize,
    inline: Inline,
    /// Inside a link: links and images within it are written as text.
    in_link: bool,
}

impl Writer {
    fn node(&mut self, node: &NodeRef, depth: usize) {
        if node.is_text() {
            self.inline.push_text(&node.text());
            return;
        }
        if !node.is_element() {
            return;
        }
        let Some(name) = node.node_name() else {
            return;
        };
        let name = name.to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) {
            return;
        }
        if node.has_attr(super::page::MARK) {
            if is_block_level(&name) {
                self.flush(Kind::Paragraph);
                let text = crate::spaces::collapse(&node.text());
                if !text.is_empty() {
                    self.push(Kind::Removed, String::new(), text, 0);
                }
            }
            return;
        }
        if depth > MAX_DEPTH {
            self.inline.push_text(&node.text());
            return;
        }
        match name.as_str() {
            "br" => self.inline.hard_break(),
            "hr" => {
                self.flush(Kind::Paragraph);
                self.push(Kind::Rule, "---".to_string(), String::new(), 0);
            }
            "img" => self.image(node),
            "a" => self.link(node, depth),
            "em" | "i" | "cite" | "dfn" | "var" => self.emphasis(node, depth, "*"),
            "strong" | "b" => self.emphasis(node, depth, "**"),
            "code" | "kbd" | "samp" | "tt" if !has_block(node) => {
                self.inline.push_code(&node.text());
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush(Kind::Paragraph);
                self.children(node, depth);
                let level = name[1..].parse::<usize>().unwrap_or(2).max(2);
                self.flush_heading(level);
            }
            "ul" | "ol" | "menu" => self.list(node, depth, name == "ol"),
            "blockquote" => {
                self.flush(Kind::Paragraph);
                self.next_container += 1;
                self.containers.push(Container::Quote(self.next_container));
                self.children(node, depth);
                self.flush(Kind::Paragraph);
                self.containers.pop();
            }
            "pre" => {
                self.flush(Kind::Paragraph);
                self.code_block(&node.text());
            }
            "table" => self.table(node, depth),
            _ if is_block_level(&name) => {
                self.flush(Kind::Paragraph);
                self.children(node, depth);
                self.flush(Kind::Paragraph);
            }
            _ => self.children(node, depth),
        }
    }

    fn children(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            self.node(&child, depth + 1);
        }
    }

    fn image(&mut self, node: &NodeRef) {
        let alt = node
            .attr("alt")
            .map(|a| a.trim().to_string())
            .filter(|a| !is_file_name(a))
            .unwrap_or_default();
        let source = ["src", "data-src", "data-original"]
            .iter()
            .filter_map(|attr| node.attr(attr))
            .map(|s| s.trim().to_string())
            .find(|s| !s.is_empty() && !s.starts_with("data:"));
        match source {
            // An image without text inside a sentence is an icon or a
            // spacer; one that starts a block is a picture of the article.
            Some(_) if alt.is_empty() && !self.inline.is_empty() => {}
            Some(source) if !self.in_link => {
                let label = if alt.is_empty() { "image" } else { &alt };
                self.inline.push_link(label, &source);
            }
            _ => self.inline.push_text(&alt),
        }
    }

    fn link(&mut self, node: &NodeRef, depth: usize) {
        let href = node.attr("href").map(|h| h.trim().to_string());
        let usable = href.as_deref().is_some_and(|h| {
            !h.is_empty()
                && !h.starts_with('#')
                && !h.to_ascii_lowercase().starts_with("javascript:")
        });
        if self.in_link || !usable || has_block(node) {
            self.inline.enter_link_text();
            self.children(node, depth);
            self.inline.leave_link_text();
            return;
        }
        let mark = self.inline.open_link();
        self.in_link = true;
        self.children(node, depth);
        self.in_link = false;
        self.inline
            .close_link(mark, href.as_deref().unwrap_or_default());
    }

    fn emphasis(&mut self, node: &NodeRef, depth: usize, marker: &'static str) {
        if has_block(node) {
            return self.children(node, depth);
        }
        let mark = self.inline.open_emphasis(marker);
        self.children(node, depth);
        self.inline.close_emphasis(mark, marker);
    }

    fn list(&mut self, node: &NodeRef, depth: usize, ordered: bool) {
        self.flush(Kind::Paragraph);
        let mut number: u32 = node
            .attr("start")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1);
        for child in node.children_it(false) {
            let is_item = child
                .node_name()
                .is_some_and(|n| n.eq_ignore_ascii_case("li"));
            if !is_item {
                self.node(&child, depth + 1);
                continue;
            }
            self.flush(Kind::Paragraph);
            self.next_container += 1;
            let marker = ordered.then_some(number);
            self.containers
                .push(Container::Item(self.next_container, marker));
            let first = self.blocks.len();
            self.children(&child, depth + 1);
            self.flush(Kind::Paragraph);
            if let Some(block) = self.blocks.get_mut(first)
                && block.kind == Kind::Paragraph
            {
                block.kind = Kind::Item;
            }
            self.containers.pop();
            number = number.saturating_add(1);
        }
    }

    fn code_block(&mut self, code: &str) {
        let code = code.trim_matches('\n');
        if code.trim().is_empty() {
            return;
        }
        let longest = longest_run(code, '`');
        let fence = "`".repeat(longest.max(2) + 1);
        let markdown = format!("{fence}\n{code}\n{fence}");
        let text = crate::spaces::collapse(code);
        self.push(Kind::Code, markdown, text, 0);
    }

    /// A table of text cells as a Markdown table; a table used for layout
    /// (cells holding paragraphs, lists or tables) as the blocks in it.
    fn table(&mut self, node: &NodeRef, depth: usize) {
        self.flush(Kind::Paragraph);
        let rows: Vec<NodeRef> = node
            .descendants_it()
            .filter(|n| {
                n.node_name()
                    .is_some_and(|name| name.eq_ignore_ascii_case("tr"))
            })
            .collect();
        let layout = rows.is_empty()
            || rows
                .iter()
                .flat_map(|row| cells_of(row))
                .any(|cell| has_block(&cell))
            || rows.iter().all(|row| cells_of(row).len() <= 1);
        if layout {
            self.children(node, depth);
            self.flush(Kind::Paragraph);
            return;
        }
        let mut lines: Vec<Vec<(String, String)>> = Vec::new();
        for row in &rows {
            let mut line = Vec::new();
            for cell in cells_of(row) {
                self.children(&cell, depth + 1);
                let (markdown, text, _) = std::mem::take(&mut self.inline).finish();
                line.push((markdown.replace("\\\n", " ").replace('\n', " "), text));
            }
            lines.push(line);
        }
        let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
        let mut markdown = String::new();
        let mut text = String::new();
        for (index, line) in lines.iter().enumerate() {
            let cells: Vec<&str> = (0..columns)
                .map(|i| line.get(i).map_or("", |(m, _)| m.as_str()))
                .collect();
            markdown.push_str(&format!("| {} |\n", cells.join(" | ")));
            if index == 0 {
                markdown.push_str(&format!("|{}\n", " --- |".repeat(columns)));
            }
            for (_, cell) in line {
                if !cell.is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(cell);
                }
            }
        }
        markdown.truncate(markdown.trim_end().len());
        self.push(Kind::Table, markdown, text, 0);
    }

    fn flush_heading(&mut self, level: usize) {
        let (markdown, text, links) = std::mem::take(&mut self.inline).finish();
        if !text.is_empty() {
            let markdown = format!("{} {}", "#".repeat(level), markdown.replace("\\\n", " "));
            self.push(Kind::Heading, markdown, text, links);
        }
    }

    /// Ends the paragraph being written, if it holds any text.
    fn flush(&mut self, kind: Kind) {
        let (markdown, text, links) = std::mem::take(&mut self.inline).finish();
        if !text.is_empty() {
            self.push(kind, markdown, text, links);
        }
    }

    fn push(&mut self, kind: Kind, markdown: String, text: String, link_chars: usize) {
        self.blocks.push(Block {
            kind,
            markdown,
            text,
            link_chars,
            containers: self.containers.clone(),
        });
    }
}

/// Whether `node` holds a block-level element: then it cannot be written
/// as one inline span (a link or emphasis around paragraphs).
fn has_block(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        d.is_element()
            && d.node_name()
                .is_some_and(|n| is_block_level(&n.to_ascii_lowercase()))
    })
}

/// An image's text that is only its file's name (`bridge-2019_01.jpg`):
/// no text for a reader.
fn is_file_name(alt: &str) -> bool {
    !alt.contains(char::is_whitespace) && alt.contains(['-', '_', '.']) && alt.len() > 8
}

fn cells_of<'a>(row: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    row.element_children()
        .into_iter()
        .filter(|c| {
            c.node_name()
                .is_some_and(|n| matches!(&*n.to_ascii_lowercase(), "td" | "th"))
        })
        .collect()
}

pub(super) fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}
