//! The Markdown of one block's inline content, written as the page's text,
//! links, emphasis and code come, beside the text a reader sees in it.
//! Every character that Markdown would read as markup is escaped, `[[`
//! included (a wikilink in dossier), so that the Markdown renders back to
//! the text; when emphasis cannot be written so (`*foo.*bar` is no
//! emphasis in CommonMark), the block is written without it.

use pulldown_cmark::{Event, Parser, TagEnd};

/// Characters escaped wherever they appear in text.
const ESCAPED: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '{', '}',
];

/// The inline content of the block being written.
#[derive(Default)]
pub(super) struct Inline {
    /// With links and emphasis.
    markdown: String,
    /// With links only: what is written when emphasis would not render.
    plain: String,
    text: String,
    link_chars: usize,
    /// White space seen since the last character: one space, written
    /// before the next character.
    pending_space: bool,
    /// A line break seen since the last character, written before the
    /// next one: after a closing marker, never at the end of a block.
    pending_break: bool,
    /// Depth of links (written or not) around the current text.
    link_depth: usize,
    /// Where the emphasis markers just opened start in `markdown`, while
    /// nothing followed them: a space read then goes before them.
    opened_at: Option<usize>,
}

/// Where a link or emphasis started, to take it back when it holds nothing.
pub(super) struct Mark {
    markdown: usize,
    plain: usize,
    text: usize,
}

impl Inline {
    pub(super) fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space();
            } else {
                self.write_pending();
                if ESCAPED.contains(&c) {
                    self.markdown.push('\\');
                    self.plain.push('\\');
                }
                self.markdown.push(c);
                self.plain.push(c);
                self.push_visible(c);
            }
        }
    }

    /// Whether no text was written yet.
    pub(super) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn space(&mut self) {
        if self.text.is_empty() || self.text.ends_with([' ', '\n']) || self.pending_break {
            return;
        }
        if let Some(at) = self.opened_at {
            // `* foo*` is no emphasis: the space goes before the marker.
            self.markdown.insert(at, ' ');
            self.opened_at = Some(at + 1);
            self.plain.push(' ');
            self.push_visible(' ');
        } else {
            self.pending_space = true;
        }
    }

    fn push_visible(&mut self, c: char) {
        self.text.push(c);
        if self.link_depth > 0 {
            self.link_chars += c.len_utf8();
        }
        if c != ' ' {
            self.opened_at = None;
        }
    }

    fn write_pending(&mut self) {
        if std::mem::take(&mut self.pending_break) {
            self.pending_space = false;
            self.markdown.push_str("\\\n");
            self.plain.push_str("\\\n");
            self.text.push('\n');
        } else if std::mem::take(&mut self.pending_space) {
            self.markdown.push(' ');
            self.plain.push(' ');
            self.push_visible(' ');
        }
    }

    pub(super) fn hard_break(&mut self) {
        if self.text.is_empty() || self.text.ends_with('\n') {
            return;
        }
        self.pending_space = false;
        self.pending_break = true;
    }

    fn mark(&self) -> Mark {
        Mark {
            markdown: self.markdown.len(),
            plain: self.plain.len(),
            text: self.text.len(),
        }
    }

    pub(super) fn open_emphasis(&mut self, marker: &str) -> Mark {
        self.write_pending();
        let mark = self.mark();
        self.opened_at.get_or_insert(self.markdown.len());
        self.markdown.push_str(marker);
        mark
    }

    pub(super) fn close_emphasis(&mut self, mark: Mark, marker: &str) {
        if self.text.len() == mark.text {
            self.markdown.truncate(mark.markdown);
            self.opened_at = None;
            return;
        }
        self.markdown.push_str(marker);
    }

    pub(super) fn open_link(&mut self) -> Mark {
        self.write_pending();
        for buffer in [&mut self.markdown, &mut self.plain] {
            // `![` would start an image.
            if buffer.ends_with('!') && !buffer.ends_with("\\!") {
                buffer.insert(buffer.len() - 1, '\\');
            }
        }
        let mark = self.mark();
        self.markdown.push('[');
        self.plain.push('[');
        self.opened_at = None;
        self.link_depth += 1;
        mark
    }

    pub(super) fn close_link(&mut self, mark: Mark, url: &str) {
        self.link_depth -= 1;
        if self.text.len() == mark.text {
            self.markdown.truncate(mark.markdown);
            self.plain.truncate(mark.plain);
            return;
        }
        let destination = format!("]({})", destination(url));
        self.markdown.push_str(&destination);
        self.plain.push_str(&destination);
    }

    /// Text inside a link that is not written as one (no address, or a
    /// link inside a link): counted as link text all the same.
    pub(super) fn enter_link_text(&mut self) {
        self.link_depth += 1;
    }

    pub(super) fn leave_link_text(&mut self) {
        self.link_depth -= 1;
    }

    /// An image, as a link to its address labelled with its text.
    pub(super) fn push_link(&mut self, label: &str, url: &str) {
        let mark = self.open_link();
        self.push_text(label);
        self.close_link(mark, url);
    }

    pub(super) fn push_code(&mut self, code: &str) {
        let code = crate::spaces::collapse(code);
        if code.is_empty() {
            return;
        }
        self.write_pending();
        let fence = "`".repeat(super::blocks::longest_run(&code, '`') + 1);
        let pad = if code.starts_with('`') || code.ends_with('`') {
            " "
        } else {
            ""
        };
        let span = format!("{fence}{pad}{code}{pad}{fence}");
        self.markdown.push_str(&span);
        self.plain.push_str(&span);
        for c in code.chars() {
            self.push_visible(c);
        }
    }

    /// The block's Markdown, its text, and how much of the text is links'.
    pub(super) fn finish(mut self) -> (String, String, usize) {
        for buffer in [&mut self.markdown, &mut self.plain] {
            while buffer.ends_with("\\\n") {
                buffer.truncate(buffer.len() - 2);
            }
        }
        let text = self.text.trim_end().to_string();
        if text.is_empty() {
            return (String::new(), text, 0);
        }
        let markdown = escape_line_starts(&self.markdown);
        let markdown = if renders_to(&markdown, &text) {
            markdown
        } else {
            escape_line_starts(&self.plain)
        };
        (markdown, text, self.link_chars)
    }
}

/// A link's address as a Markdown destination: the characters that would
/// end or break it percent-encoded.
fn destination(url: &str) -> String {
    let mut written = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => written.push_str("%20"),
            '(' => written.push_str("%28"),
            ')' => written.push_str("%29"),
            '<' => written.push_str("%3C"),
            '>' => written.push_str("%3E"),
            '\\' => written.push_str("%5C"),
            c if c.is_control() => {}
            c => written.push(c),
        }
    }
    written
}

/// Escapes what would start a heading, quote, list, rule or setext
/// underline at the start of a line.
fn escape_line_starts(markdown: &str) -> String {
    let mut escaped = String::with_capacity(markdown.len() + 4);
    for (index, line) in markdown.split('\n').enumerate() {
        if index > 0 {
            escaped.push('\n');
        }
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if line.starts_with(['#', '>', '-', '+', '=']) {
            escaped.push('\\');
            escaped.push_str(line);
        } else if digits > 0 && line[digits..].starts_with(['.', ')']) {
            escaped.push_str(&line[..digits]);
            escaped.push('\\');
            escaped.push_str(&line[digits..]);
        } else {
            escaped.push_str(line);
        }
    }
    escaped
}

/// Whether `markdown` renders to `text`, white space aside.
pub(super) fn renders_to(markdown: &str, text: &str) -> bool {
    let mut rendered = String::with_capacity(text.len());
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => rendered.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::TableCell) => {
                rendered.push(' ')
            }
            _ => {}
        }
    }
    crate::spaces::collapse(&rendered) == crate::spaces::collapse(text)
}
