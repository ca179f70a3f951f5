//! Markdown to HTML with mentions and notes woven in. Takes one body and
//! gives its HTML, the mentions found in it (each with an anchor and its
//! passage) and, for articles, where each note's quote is.
//!
//! pulldown-cmark parses; [`weaver`] rewrites the event stream before its
//! HTML writer sees it: prose text runs go through the alias table, `[[…]]`
//! wikilinks are resolved, headings get ids, footnotes get prefixed ids
//! (bare numbers would collide), quotes are highlighted, and raw HTML is
//! shown as text, never passed through, so a collected article cannot
//! inject markup.

mod links;
mod visible;
mod weaver;

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::config::Autolink;
use crate::diagnostic::{Diagnostic, line_col};
use crate::ids::EntityId;
use crate::load::SourceFile;
use crate::mentions::{AliasTable, PhraseKey, Unlinked};
use crate::model::Entity;
use crate::notes::{self, Mismatch, Quote};
use crate::passage::Passage;
use links::UnsafeTargets;
use visible::Highlight;
pub(crate) use weaver::ProseBlock;
#[cfg(test)]
pub(crate) use weaver::Searched;
use weaver::Weaver;

/// What the annotator needs to know besides the text.
pub(crate) struct Context<'a> {
    /// Names and aliases.
    pub names: &'a AliasTable,
    /// The entities, for ids, names and types.
    pub entities: &'a [Entity],
    /// Which found mentions become links.
    pub autolink: Autolink,
    /// Relative path from the page to the site root (`../../`).
    pub root: &'a str,
    /// The entity whose own description this is: not linked to itself.
    pub itself: Option<EntityId>,
    /// The article's own `not_mentions`, folded ([`AliasTable::phrase_keys`]).
    pub phrases: &'a [PhraseKey],
}

/// One mention of an entity in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The entity.
    pub entity: EntityId,
    /// Its anchor in the page: `m-<id>-<n>`.
    pub anchor: String,
    /// The text around it.
    pub passage: Passage,
    /// Written as a `[[wikilink]]`.
    pub explicit: bool,
}

/// Where a note's quote was found, as a W3C TextQuoteSelector says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlacedNote {
    /// The quote as it reads in the text.
    pub exact: String,
    /// Text just before it (up to 32 characters).
    pub before: String,
    /// Text just after it.
    pub after: String,
    /// The note itself as HTML (filled in by the annotate stage).
    pub html: String,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub(crate) struct AnnotatedBody {
    /// The body as HTML, with a placeholder where each note's aside goes.
    pub html: String,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Per note, in front matter order: where its quote is.
    pub notes: Vec<PlacedNote>,
    /// The `not_mentions` phrases met in the text.
    pub unlinked: BTreeSet<Unlinked>,
}

/// Markdown extensions dossier turns on.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_WIKILINKS
}

/// The comment the render stage replaces with note `number`'s aside. Raw
/// HTML from the text is always escaped, so it cannot forge one.
pub(crate) fn note_placeholder(number: usize) -> String {
    format!("<!--dossier-note:{number}-->")
}

/// Renders the body of `file`, finding its mentions. Unresolvable
/// wikilinks are errors at their `file:line:col`.
pub(crate) fn annotate(
    file: &SourceFile,
    context: &Context<'_>,
) -> Result<AnnotatedBody, Vec<Diagnostic>> {
    annotate_with_notes(file, context, &[])
}

/// Like [`annotate`], and places each of `quotes` (a note's quote, in
/// front matter order) in the text: highlighted, with its aside after the
/// block. A quote found nowhere or several times is an error.
pub(crate) fn annotate_with_notes(
    file: &SourceFile,
    context: &Context<'_>,
    quotes: &[Quote<'_>],
) -> Result<AnnotatedBody, Vec<Diagnostic>> {
    if quotes.is_empty() {
        let (annotated, _) = weave(file, context, BTreeMap::new(), false)?;
        return Ok(annotated);
    }
    // First pass: the visible text of every block, to find the quotes in.
    let (_, blocks) = weave(file, context, BTreeMap::new(), true)?;
    let (highlights, placed) = place_quotes(file, quotes, &blocks)?;
    // Second pass: the same text, with the quotes highlighted.
    let (mut annotated, _) = weave(file, context, highlights, false)?;
    annotated.notes = placed;
    Ok(annotated)
}

/// The help for a quote with no passage close to it.
const NOWHERE: &str = "quote the text as a reader sees it: without Markdown marks (`*`, backticks, \
                       link targets), within one paragraph";

/// Highlights by block index, and each note as placed.
type Placement = (BTreeMap<usize, Vec<Highlight>>, Vec<PlacedNote>);

/// Where each quote is, as highlights by block and as placed notes; or an
/// error for each quote that is not found exactly once, or that repeats
/// another note's passage.
fn place_quotes(
    file: &SourceFile,
    quotes: &[Quote<'_>],
    blocks: &[notes::Block],
) -> Result<Placement, Vec<Diagnostic>> {
    let mut highlights: BTreeMap<usize, Vec<Highlight>> = BTreeMap::new();
    let mut placed = Vec::with_capacity(quotes.len());
    let mut errors = Vec::new();
    let line_of = |block: usize| {
        line_col(&file.text, file.split.body.start + blocks[block].source)
            .0
            .to_string()
    };
    for (index, quote) in quotes.iter().enumerate() {
        let number = index + 1;
        let problem = match notes::locate(*quote, blocks) {
            Ok(found) => {
                let same = highlights
                    .get(&found.block)
                    .and_then(|h| h.iter().find(|h| h.range == found.range));
                if let Some(first) = same {
                    Some((
                        format!(
                            "annotation {number}: quotes the same passage as annotation {}",
                            first.note
                        ),
                        "write both notes in one annotation, or quote more or less of the text"
                            .to_string(),
                    ))
                } else {
                    placed.push(PlacedNote {
                        exact: blocks[found.block].text[found.range.clone()].to_string(),
                        before: found.before,
                        after: found.after,
                        html: String::new(),
                    });
                    highlights.entry(found.block).or_default().push(Highlight {
                        range: found.range,
                        note: number,
                    });
                    None
                }
            }
            Err(Mismatch::Nowhere) => {
                let (clue, help) = notes::closest(*quote, blocks).map_or_else(
                    || (String::new(), NOWHERE.to_string()),
                    |clue| clue.explain(line_of),
                );
                Some((
                    format!(
                        "annotation {number}: quote “{}” is found nowhere in the text{clue}",
                        quote.exact
                    ),
                    help,
                ))
            }
            Err(Mismatch::Several(found)) => {
                let lines: Vec<String> = found.iter().map(|b| line_of(*b)).collect();
                Some((
                    format!(
                        "annotation {number}: quote “{}” is found {} times (lines {})",
                        quote.exact,
                        found.len(),
                        lines.join(", ")
                    ),
                    "add `prefix:` or `suffix:` (the text just before or after it) to tell them apart".to_string(),
                ))
            }
        };
        if let Some((message, help)) = problem {
            errors.push(
                file.error_in_item("annotations", index, "quote", quote.exact, message)
                    .with_help(help),
            );
        }
    }
    if errors.is_empty() {
        Ok((highlights, placed))
    } else {
        Err(errors)
    }
}

/// Every block of `file`'s body as a reader sees it, with the parts the
/// mention finder searched and what it found there (for `dossier
/// suggest`). Unresolvable wikilinks are errors, as in [`annotate`].
pub(crate) fn prose(
    file: &SourceFile,
    context: &Context<'_>,
) -> Result<Vec<ProseBlock>, Vec<Diagnostic>> {
    let mut weaver = weaver_for(file, context, BTreeMap::new(), false);
    weaver.prose = Some(weaver::Prose::default());
    let weaver = run(file, weaver)?;
    Ok(weaver.prose.map(|p| p.blocks).unwrap_or_default())
}

/// A weaver over `file`'s body.
fn weaver_for<'a, 'c>(
    file: &'a SourceFile,
    context: &'c Context<'c>,
    highlights: BTreeMap<usize, Vec<Highlight>>,
    record_blocks: bool,
) -> Weaver<'a, 'c> {
    let body = file.body();
    let body_line = line_col(&file.text, file.split.body.start).0;
    Weaver::new(context, (body, body_line), highlights, record_blocks)
}

/// Feeds `file`'s body through `weaver` and finishes it; the errors of
/// its unresolvable wikilinks.
fn run<'a, 'c>(
    file: &'a SourceFile,
    mut weaver: Weaver<'a, 'c>,
) -> Result<Weaver<'a, 'c>, Vec<Diagnostic>> {
    for (event, range) in Parser::new_ext(file.body(), options()).into_offset_iter() {
        weaver.event(event, range);
    }
    weaver.flush_block();
    weaver.place_asides();
    weaver.link_lone_adjectives();
    weaver.name_headings();
    if !weaver.unresolved.is_empty() {
        return Err(weaver
            .unresolved
            .into_iter()
            .map(|(offset, message, help)| file.error_in_body(offset, message).with_help(help))
            .collect());
    }
    Ok(weaver)
}

fn weave(
    file: &SourceFile,
    context: &Context<'_>,
    highlights: BTreeMap<usize, Vec<Highlight>>,
    record_blocks: bool,
) -> Result<(AnnotatedBody, Vec<notes::Block>), Vec<Diagnostic>> {
    let body = file.body();
    let mut weaver = run(file, weaver_for(file, context, highlights, record_blocks))?;
    let blocks = weaver.blocks.take().unwrap_or_default();
    let mut html = String::with_capacity(body.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, weaver.out.into_iter());
    Ok((
        AnnotatedBody {
            html,
            mentions: weaver.mentions,
            notes: Vec::new(),
            unlinked: weaver.unlinked,
        },
        blocks,
    ))
}

/// Renders one paragraph of inline Markdown (a summary) without `<p>`.
/// Lines that Markdown would read as a list, heading or quote are kept as
/// text (`2024. Le traité…` is not a list starting at 2024): a summary is
/// shown inside other elements. Links must be absolute, since the same
/// summary appears on pages at several depths.
pub(crate) fn inline(text: &str) -> String {
    let escaped = escape_block_markers(text);
    let mut first_paragraph = true;
    // Whether each open link was kept, so its end is dropped with it.
    let mut links: Vec<bool> = Vec::new();
    let events =
        Parser::new_ext(&escaped, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
            Event::Start(Tag::Paragraph) => {
                let gap = (!first_paragraph).then(|| Event::Text(" ".into()));
                first_paragraph = false;
                gap
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let kept = links::is_absolute_url(dest_url);
                links.push(kept);
                kept.then_some(event)
            }
            Event::End(TagEnd::Link) => links.pop().unwrap_or(false).then_some(event),
            Event::End(TagEnd::Paragraph) => None,
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            Event::Start(tag) if !is_inline(&tag) => None,
            Event::End(end) if !is_inline_end(end) => None,
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
            other => Some(other),
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end().to_string()
}

/// Renders a note's Markdown (several paragraphs allowed), raw HTML
/// escaped, links and images with unsafe targets reduced to their text.
pub(crate) fn note(text: &str) -> String {
    let mut unsafe_targets = UnsafeTargets::default();
    let events =
        Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).filter_map(|event| match event {
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
            other => unsafe_targets.filter(other),
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// The first `[[wikilink]]` of a note's Markdown, as written, and its
/// target: a note's HTML shows it as written (see [`note`]).
pub(crate) fn first_wikilink(text: &str) -> Option<(&str, String)> {
    Parser::new_ext(text, Options::ENABLE_WIKILINKS)
        .into_offset_iter()
        .find_map(|(event, range)| match event {
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::WikiLink { .. },
                dest_url,
                ..
            }) => Some((&text[range], dest_url.to_string())),
            _ => None,
        })
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Paragraph
    )
}

fn is_inline_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Paragraph
    )
}

/// Escapes what would start a block at the start of a line (`2024.`,
/// `- `, `# `, `> `), so that the line stays text.
fn escape_block_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split_inclusive('\n') {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        out.push_str(indent);
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let after_digits = &body[digits..];
        if digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") ")) {
            out.push_str(&body[..digits]);
            out.push('\\');
            out.push_str(after_digits);
            continue;
        }
        if ["#", ">", "- ", "+ ", "* ", "=", "`"]
            .iter()
            .any(|m| body.starts_with(m))
        {
            out.push('\\');
        }
        out.push_str(body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_stay_inline() {
        assert_eq!(inline("2024. Le traité"), "2024. Le traité");
        assert_eq!(inline("- a\n# b"), "- a\n# b");
        assert_eq!(inline("one\n\ntwo"), "one two");
        assert_eq!(
            inline("[x](javascript:alert(1)) [y](../z) [w](https://w.org)"),
            "x y <a href=\"https://w.org\">w</a>"
        );
    }

    #[test]
    fn summary_is_inline_and_escapes_html() {
        assert_eq!(inline("*a* <b>x</b>"), "<em>a</em> &lt;b&gt;x&lt;/b&gt;");
        assert_eq!(
            note("a <script>\n\nb"),
            "<p>a &lt;script&gt;</p>\n<p>b</p>\n"
        );
    }
}
