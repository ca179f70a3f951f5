//! The part of the weaver that turns names into mentions: prose runs
//! searched with the alias table, `[[wikilinks]]` resolved (their label's
//! emphasis and code kept), and the markup of each mention (a link or an
//! anchor) with its record.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Weaver;
use crate::config::Autolink;
use crate::html::{escape, escape_into};
use crate::ids::EntityId;
use crate::markdown::Mention;
use crate::mentions::{Finding, Target};
use crate::passage::Passage;

/// A wikilink being read: its target and the label it shows.
pub(super) struct WikiLink {
    target: String,
    /// The label as a reader sees it.
    shown: String,
    /// The label as written: text, code and the tags of its emphasis.
    label: Vec<Piece>,
    offset: usize,
    piped: bool,
}

/// A part of a wikilink's label.
#[derive(Debug)]
pub(super) enum Piece {
    Text(String),
    Code(String),
    /// An opening or closing tag of emphasis, strong or strikethrough.
    Tag(&'static str),
    /// Raw HTML, shown as text like everywhere in a body.
    Html(String),
}

/// What a mention shows.
#[derive(Clone, Copy)]
pub(super) enum Label<'l> {
    Plain(&'l str),
    Marked(&'l [Piece]),
}

impl WikiLink {
    pub(super) fn new(target: &str, offset: usize, piped: bool) -> Self {
        Self {
            target: target.to_string(),
            shown: String::new(),
            label: Vec::new(),
            offset,
            piped,
        }
    }

    /// Reads one event of the label. Links and images inside a label keep
    /// their text only: a link cannot hold another.
    pub(super) fn read(&mut self, event: Event<'_>) {
        let piece = match event {
            Event::Text(text) => {
                self.shown.push_str(&text);
                Piece::Text(text.into_string())
            }
            Event::Code(text) => {
                self.shown.push_str(&text);
                Piece::Code(text.into_string())
            }
            Event::SoftBreak | Event::HardBreak => {
                self.shown.push(' ');
                Piece::Text(" ".to_string())
            }
            Event::InlineHtml(html) | Event::Html(html) => Piece::Html(html.into_string()),
            Event::Start(Tag::Emphasis) => Piece::Tag("<em>"),
            Event::End(TagEnd::Emphasis) => Piece::Tag("</em>"),
            Event::Start(Tag::Strong) => Piece::Tag("<strong>"),
            Event::End(TagEnd::Strong) => Piece::Tag("</strong>"),
            Event::Start(Tag::Strikethrough) => Piece::Tag("<del>"),
            Event::End(TagEnd::Strikethrough) => Piece::Tag("</del>"),
            _ => return,
        };
        self.label.push(piece);
    }
}

/// The error for `![[file]]` (`written` is what follows the `!`, such
/// as `[[map.jpg|300]]`), at body `offset`.
pub(super) fn embed(target: &str, written: &str, offset: usize) -> super::Unresolved {
    let written = if written.starts_with("[[") {
        written.to_string()
    } else {
        format!("[[{target}]]")
    };
    (
        offset,
        format!("`!{written}` embeds a file, which dossier does not do"),
        format!(
            "for an image, put it in static/ and write `![description](path/to/{target})`; \
             to keep the text, write `!\\{written}`"
        ),
    )
}

impl Weaver<'_, '_> {
    /// Resolves the wikilink just read: a mention, or an error for a
    /// target that names no entity or several.
    pub(super) fn end_wikilink(&mut self) {
        let Some(link) = self.wikilink.take() else {
            return;
        };
        let names = self.context.names;
        match names.resolve(&link.target) {
            Some(Target::Entity(_)) if link.piped && link.shown.trim().is_empty() => {
                self.unresolved.push((
                    link.offset,
                    format!("wikilink `[[{}|]]` shows no text", link.target),
                    format!(
                        "write `[[{0}]]` to show the entity's name, or the text after `|`: \
                         `[[{0}|the text]]`",
                        link.target
                    ),
                ));
            }
            Some(Target::Entity(entity)) => {
                let name = &self.context.entities[entity].name;
                let label = if link.piped {
                    Label::Marked(&link.label)
                } else if names.is_id(&link.target) {
                    Label::Plain(name)
                } else {
                    Label::Plain(&link.shown)
                };
                let html = self.mention(entity, label, Form::Explicit);
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
            None if names.is_unreadable(&link.target) => {
                let mut html = String::new();
                self.visible.write(&mut html, &link.shown, false);
                self.out.push(Event::InlineHtml(html.into()));
            }
            // A reference number pasted with its brackets (`[[1]]`).
            None if link.target.trim().chars().all(|c| c.is_ascii_digit()) => {
                self.unresolved.push((
                    link.offset,
                    format!("wikilink `[[{}]]` names no entity", link.target),
                    format!("write `\\[[{}]]` to keep the brackets as text", link.target),
                ));
            }
            None => {
                let help = crate::diagnostic::did_you_mean(
                    &names.suggest(&link.target),
                    "entity ids are the file names under content/entities/",
                );
                self.unresolved.push((
                    link.offset,
                    format!("wikilink `[[{}]]` names no entity", link.target),
                    help,
                ));
            }
        }
    }

    /// Searches the pending prose run for names and emits it as HTML.
    pub(super) fn flush_run(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let mut html = String::with_capacity(run.len() + 64);
        let mut last = 0;
        for found in self.context.names.find(&run, self.context.phrases) {
            let start = self.visible.text.len();
            self.visible
                .write(&mut html, &run[last..found.range.start], false);
            self.searched(start, false);
            let start = self.visible.text.len();
            let text = &run[found.range.clone()];
            let mention = match found.finding {
                Finding::Name(entity) => Some((entity, Form::Name)),
                Finding::Adjective(entity) => Some((entity, Form::Adjective)),
                Finding::Ambiguous => None,
                Finding::Unlinked(unlinked) => {
                    self.unlinked.insert(unlinked);
                    None
                }
            };
            match mention {
                Some((entity, form)) if Some(entity) != self.context.itself => {
                    let markup = self.mention(entity, Label::Plain(text), form);
                    html.push_str(&markup);
                }
                _ => self.visible.write(&mut html, text, false),
            }
            self.searched(start, true);
            last = found.range.end;
        }
        let start = self.visible.text.len();
        self.visible.write(&mut html, &run[last..], false);
        self.searched(start, false);
        self.out.push(Event::InlineHtml(html.into()));
    }

    /// Records a mention and returns its markup.
    pub(super) fn mention(&mut self, entity: EntityId, label: Label<'_>, form: Form) -> String {
        let record = &self.context.entities[entity];
        let count = self.per_entity.entry(entity).or_insert(0);
        *count += 1;
        let anchor = format!("m-{}-{count}", record.id);
        let linked = match (form, self.context.autolink) {
            (Form::Explicit, _) => {
                self.named.insert(entity);
                true
            }
            (_, Autolink::All) => true,
            (_, Autolink::None) => false,
            (Form::Name, Autolink::First) => self.named.insert(entity),
            // Linked at the end, if the body never names the entity.
            (Form::Adjective, Autolink::First) => {
                self.first_adjective
                    .entry(entity)
                    .or_insert_with(|| anchor.clone());
                false
            }
        };
        let kind = escape(&record.kind);
        let mut html = if linked {
            format!(
                "<a class=\"mention t-{kind}\" id=\"{anchor}\" href=\"{}{}\">",
                self.context.root,
                crate::paths::entity(&record.id)
            )
        } else {
            format!("<span class=\"mention t-{kind}\" id=\"{anchor}\">")
        };
        let start = self.visible.text.len();
        self.write_label(&mut html, label);
        html.push_str(if linked { "</a>" } else { "</span>" });
        self.block_mentions
            .push((self.mentions.len(), start..self.visible.text.len()));
        self.mentions.push(Mention {
            entity,
            anchor,
            passage: Passage::default(),
            explicit: form == Form::Explicit,
        });
        html
    }

    /// Writes a mention's label, its text in the visible text. Raw HTML is
    /// shown as text and, as in a paragraph, not part of what a quote reads.
    fn write_label(&mut self, html: &mut String, label: Label<'_>) {
        let pieces = match label {
            Label::Plain(text) => return self.visible.write(html, text, true),
            Label::Marked(pieces) => pieces,
        };
        for piece in pieces {
            match piece {
                Piece::Text(text) => self.visible.write(html, text, true),
                Piece::Code(text) => {
                    html.push_str("<code>");
                    self.visible.write(html, text, true);
                    html.push_str("</code>");
                }
                Piece::Tag(tag) => html.push_str(tag),
                Piece::Html(raw) => escape_into(html, raw),
            }
        }
    }

    /// Links the first adjective of each entity the body never names
    /// (`autolink: first`): the reader still gets one way to its page.
    pub(in crate::markdown) fn link_lone_adjectives(&mut self) {
        let lone: Vec<(EntityId, String)> = std::mem::take(&mut self.first_adjective)
            .into_iter()
            .filter(|(entity, _)| !self.named.contains(entity))
            .collect();
        for (entity, anchor) in lone {
            let record = &self.context.entities[entity];
            let opening = format!(
                "<span class=\"mention t-{}\" id=\"{anchor}\">",
                escape(&record.kind)
            );
            let link = format!(
                "<a class=\"mention t-{}\" id=\"{anchor}\" href=\"{}{}\">",
                escape(&record.kind),
                self.context.root,
                crate::paths::entity(&record.id)
            );
            for event in &mut self.out {
                let Event::InlineHtml(html) = event else {
                    continue;
                };
                let Some(start) = html.find(&opening) else {
                    continue;
                };
                // A mention holds text and marks only: its end is the
                // first `</span>` after it.
                let inner = start + opening.len();
                let Some(close) = html[inner..].find("</span>").map(|c| inner + c) else {
                    break;
                };
                *event = Event::InlineHtml(
                    format!(
                        "{}{link}{}</a>{}",
                        &html[..start],
                        &html[inner..close],
                        &html[close + "</span>".len()..]
                    )
                    .into(),
                );
                break;
            }
        }
    }
}

/// How a mention is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// A `[[wikilink]]`: always a link.
    Explicit,
    /// A name or alias found in the text.
    Name,
    /// An adjective found in the text.
    Adjective,
}
