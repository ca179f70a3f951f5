//! Markdown to HTML with mentions woven in. Takes one body and gives its
//! HTML and the mentions found in it, each with an anchor and its passage.
//!
//! pulldown-cmark parses; this module rewrites the event stream before its
//! HTML writer sees it: prose text runs go through the alias table, `[[…]]`
//! wikilinks are resolved, headings get ids, footnotes get prefixed ids
//! (bare numbers would collide), and raw HTML is shown as text, never
//! passed through, so a collected article cannot inject markup.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::config::Autolink;
use crate::diagnostic::Diagnostic;
use crate::load::SourceFile;
use crate::mentions::{AliasTable, Target};
use crate::model::{Entity, EntityId};
use crate::passage::{Passage, passage, push_folded};

/// What the annotator needs to know besides the text.
pub struct Context<'a> {
    /// Names and aliases.
    pub aliases: &'a AliasTable,
    /// The entities, for ids, names and types.
    pub entities: &'a [Entity],
    /// Which found mentions become links.
    pub autolink: Autolink,
    /// Relative path from the page to the site root (`../../`).
    pub root: &'a str,
    /// The entity whose own description this is: not linked to itself.
    pub itself: Option<EntityId>,
}

/// One mention of an entity in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The entity.
    pub entity: EntityId,
    /// Its anchor in the page: `m-<id>-<n>`.
    pub anchor: String,
    /// The text around it.
    pub passage: Passage,
    /// Written as a `[[wikilink]]`.
    pub explicit: bool,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Annotated {
    /// The body as HTML.
    pub html: String,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// Ids the built-in templates give to elements around a body: a heading
/// with the same text gets `-2` appended instead of a duplicate id.
const RESERVED_IDS: &[&str] = &["content", "in-article"];

/// Markdown extensions dossier turns on.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// Renders the body of `file`, finding its mentions. Unresolvable
/// wikilinks are errors at their `file:line:col`.
pub fn annotate(file: &SourceFile, context: &Context<'_>) -> Result<Annotated, Vec<Diagnostic>> {
    let body = file.body();
    let mut weaver = Weaver::new(context);
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        weaver.event(event, range);
    }
    weaver.flush_block();
    if !weaver.unresolved.is_empty() {
        return Err(weaver
            .unresolved
            .into_iter()
            .map(|(offset, message, help)| file.error_in_body(offset, message).with_help(help))
            .collect());
    }
    let mut html = String::with_capacity(body.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, weaver.out.into_iter());
    Ok(Annotated {
        html,
        mentions: weaver.mentions,
    })
}

/// Renders one paragraph of inline Markdown (a summary) without `<p>`.
pub fn inline(text: &str) -> String {
    let events =
        Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
            other => Some(other),
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end().to_string()
}

struct WikiLink {
    target: String,
    shown: String,
    offset: usize,
    piped: bool,
}

/// Rewrites the event stream; see the module documentation.
struct Weaver<'a, 'c> {
    context: &'c Context<'c>,
    out: Vec<Event<'a>>,
    /// Prose text not yet searched for names.
    run: String,
    /// Reader-visible text of the current block, white space folded.
    block: String,
    /// Mentions of the current block: index in `mentions`, range in `block`.
    block_mentions: Vec<(usize, Range<usize>)>,
    mentions: Vec<Mention>,
    per_entity: BTreeMap<EntityId, usize>,
    in_code_block: bool,
    link_depth: usize,
    /// Open inline HTML elements: their text is raw HTML, not prose.
    inline_html_depth: usize,
    wikilink: Option<WikiLink>,
    heading_start: Option<usize>,
    heading_ids: BTreeMap<String, usize>,
    footnotes: BTreeMap<String, usize>,
    unresolved: Vec<(usize, String, String)>,
}

impl<'a, 'c> Weaver<'a, 'c> {
    fn new(context: &'c Context<'c>) -> Self {
        Self {
            context,
            out: Vec::new(),
            run: String::new(),
            block: String::new(),
            block_mentions: Vec::new(),
            mentions: Vec::new(),
            per_entity: BTreeMap::new(),
            in_code_block: false,
            link_depth: 0,
            inline_html_depth: 0,
            wikilink: None,
            heading_start: None,
            heading_ids: RESERVED_IDS
                .iter()
                .map(|id| ((*id).to_string(), 1))
                .collect(),
            footnotes: BTreeMap::new(),
            unresolved: Vec::new(),
        }
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        if let Some(link) = &mut self.wikilink {
            match event {
                Event::Text(text) | Event::Code(text) => link.shown.push_str(&text),
                Event::SoftBreak | Event::HardBreak => link.shown.push(' '),
                Event::End(TagEnd::Link) => self.end_wikilink(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Text(text)
                if !self.in_code_block && self.link_depth == 0 && self.inline_html_depth == 0 =>
            {
                self.run.push_str(&text)
            }
            Event::SoftBreak if self.link_depth == 0 => self.run.push('\n'),
            Event::Text(text) => {
                self.flush_run();
                if !self.in_code_block {
                    push_folded(&mut self.block, &text);
                }
                self.out.push(Event::Text(text));
            }
            Event::Code(text) => {
                self.flush_run();
                push_folded(&mut self.block, &text);
                self.out.push(Event::Code(text));
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
                self.wikilink = Some(WikiLink {
                    target: dest_url.to_string(),
                    shown: String::new(),
                    offset: range.start,
                    piped: has_pothole,
                });
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                self.flush_run();
                self.link_depth += 1;
                self.out.push(Event::Start(tag));
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                self.flush_run();
                self.link_depth = self.link_depth.saturating_sub(1);
                self.out.push(Event::End(end));
            }
            Event::FootnoteReference(label) => {
                self.flush_run();
                let (id, number, first) = self.footnote(&label);
                let back = if first {
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
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            other => {
                self.flush_run();
                if matches!(other, Event::HardBreak | Event::SoftBreak) {
                    push_folded(&mut self.block, " ");
                }
                self.out.push(other);
            }
        }
    }

    fn start(&mut self, tag: Tag<'a>) {
        match tag {
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {
                self.flush_run();
                self.out.push(Event::Start(tag));
            }
            // A row is one passage: a lone cell says too little.
            Tag::TableCell => {
                self.flush_run();
                if !self.block.is_empty() {
                    self.block.push_str(" | ");
                }
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
            Tag::Heading { .. } => {
                self.flush_block();
                self.heading_start = Some(self.out.len());
                self.out.push(Event::Start(tag));
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_block();
                let (id, number, _) = self.footnote(&label);
                self.out.push(Event::Html(
                    format!(
                        "<div class=\"footnote\" id=\"fn-{id}\"><a class=\"footnote-back\" href=\"#fnref-{id}\" \
                         aria-label=\"↩ {number}\">{number}.</a>"
                    )
                    .into(),
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
                self.out.push(Event::End(end));
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
            }
            TagEnd::FootnoteDefinition => {
                self.flush_block();
                self.out.push(Event::Html("</div>\n".into()));
            }
            other => {
                self.flush_block();
                self.out.push(Event::End(other));
            }
        }
    }

    /// Gives the open heading an id from its text, unless it has one.
    fn name_heading(&mut self) {
        let Some(index) = self.heading_start.take() else {
            return;
        };
        let Some(Event::Start(Tag::Heading { id, .. })) = self.out.get_mut(index) else {
            return;
        };
        if id.is_some() {
            return;
        }
        let mut base = slug::slugify(&self.block);
        if base.is_empty() {
            base = "section".to_string();
        }
        let count = self.heading_ids.entry(base.clone()).or_insert(0);
        *count += 1;
        let unique = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        *id = Some(CowStr::from(unique));
    }

    /// The id-safe label, number and whether this is its first reference.
    fn footnote(&mut self, label: &str) -> (String, usize, bool) {
        let next = self.footnotes.len() + 1;
        let mut first = false;
        let number = *self.footnotes.entry(label.to_string()).or_insert_with(|| {
            first = true;
            next
        });
        let id = slug::slugify(label);
        let id = if id.is_empty() {
            number.to_string()
        } else {
            id
        };
        (id, number, first)
    }

    fn end_wikilink(&mut self) {
        let Some(link) = self.wikilink.take() else {
            return;
        };
        let aliases = self.context.aliases;
        match aliases.resolve(&link.target) {
            Some(Target::Entity(entity)) => {
                let entity_name = &self.context.entities[entity].name;
                let shown = if !link.piped && aliases.is_id(&link.target) {
                    entity_name.clone()
                } else {
                    link.shown
                };
                let html = self.mention(entity, &shown, true);
                self.out.push(Event::InlineHtml(html.into()));
            }
            Some(Target::Ambiguous(ids)) => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|i| format!("`{}`", self.context.entities[*i].id))
                    .collect();
                self.unresolved.push((
                    link.offset,
                    format!(
                        "wikilink `[[{}]]` is ambiguous: it names {}",
                        link.target,
                        names.join(" and ")
                    ),
                    "write the entity id instead: `[[id|shown text]]`".to_string(),
                ));
            }
            // Its file has an error of its own, already reported.
            None if aliases.is_unreadable(&link.target) => {
                let mut shown = String::new();
                escape_into(&mut shown, &link.shown);
                self.out.push(Event::InlineHtml(shown.into()));
            }
            None => {
                let near = aliases.suggest(&link.target);
                let help = if near.is_empty() {
                    "entity ids are the file names under content/entities/".to_string()
                } else {
                    format!(
                        "did you mean {}?",
                        near.iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                self.unresolved.push((
                    link.offset,
                    format!("wikilink `[[{}]]` names no entity", link.target),
                    help,
                ));
            }
        }
    }

    /// Searches the pending prose run for names and emits it as HTML.
    fn flush_run(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let mut html = String::with_capacity(run.len() + 64);
        let mut last = 0;
        for found in self.context.aliases.find(&run) {
            let before = &run[last..found.range.start];
            escape_into(&mut html, before);
            push_folded(&mut self.block, before);
            let text = &run[found.range.clone()];
            match found.entity {
                Some(entity) if Some(entity) != self.context.itself => {
                    let markup = self.mention(entity, text, false);
                    html.push_str(&markup);
                }
                _ => {
                    escape_into(&mut html, text);
                    push_folded(&mut self.block, text);
                }
            }
            last = found.range.end;
        }
        escape_into(&mut html, &run[last..]);
        push_folded(&mut self.block, &run[last..]);
        self.out.push(Event::InlineHtml(html.into()));
    }

    /// Records a mention and returns its markup.
    fn mention(&mut self, entity: EntityId, text: &str, explicit: bool) -> String {
        let record = &self.context.entities[entity];
        let count = self.per_entity.entry(entity).or_insert(0);
        *count += 1;
        let anchor = format!("m-{}-{count}", record.id);
        let linked = explicit
            || match self.context.autolink {
                Autolink::All => true,
                Autolink::First => *count == 1,
                Autolink::None => false,
            };
        let start = self.block.len();
        push_folded(&mut self.block, text);
        self.block_mentions
            .push((self.mentions.len(), start..self.block.len()));
        self.mentions.push(Mention {
            entity,
            anchor: anchor.clone(),
            passage: Passage::default(),
            explicit,
        });
        let mut shown = String::new();
        escape_into(&mut shown, text);
        let kind = escape(&record.kind);
        if linked {
            format!(
                "<a class=\"mention t-{kind}\" id=\"{anchor}\" href=\"{}entities/{}/index.html\">{shown}</a>",
                self.context.root, record.id
            )
        } else {
            format!("<span class=\"mention t-{kind}\" id=\"{anchor}\">{shown}</span>")
        }
    }

    /// Ends the current block: its mentions get their passages.
    fn flush_block(&mut self) {
        self.flush_run();
        for (index, range) in self.block_mentions.drain(..) {
            self.mentions[index].passage = passage(&self.block, range);
        }
        self.block.clear();
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

/// HTML-escapes `text` into `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// HTML-escapes `text`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
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

    #[test]
    fn summary_is_inline_and_escapes_html() {
        assert_eq!(inline("*a* <b>x</b>"), "<em>a</em> &lt;b&gt;x&lt;/b&gt;");
    }
}
