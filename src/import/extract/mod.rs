//! The article in a collected page or in pasted text: its main text as
//! Markdown, with what sites glue around an article (ads, teasers, bylines,
//! captions, share buttons) taken out, and a list of what was taken out.
//!
//! A page goes through four steps: dom_smoothie (a port of Firefox's
//! Readability) finds the article element (`page.rs`), whose markup marks
//! what it tells apart as boilerplate (captions, share bars, related
//! links…); the element becomes a flat list of blocks (`blocks.rs`, with
//! the inline Markdown of each in `inline.rs`); the text rules drop the
//! blocks that read as boilerplate (`boilerplate.rs`, `rules.rs`); the
//! rest is written as Markdown (`markdown.rs`). Pasted text skips the
//! first two: each line is a block, or each paragraph when blank lines
//! separate them and lines were wrapped by hand.

mod blocks;
mod boilerplate;
mod inline;
mod markdown;
mod page;
mod patterns;
mod rules;

use blocks::{Block, Kind};

/// Fewer words of prose than this, and there is no article.
const MIN_PROSE_WORDS: usize = 50;
/// A block counts as prose from this many words, with most of its text
/// outside links.
const PROSE_BLOCK_WORDS: usize = 8;

/// The article found in a page or in pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Extracted {
    /// The article's text as Markdown, without its title: blocks separated
    /// by a blank line, ending with one newline.
    pub(crate) markdown: String,
    /// Each block removed as boilerplate, by its first words, in the
    /// order of the page.
    pub(crate) removed: Vec<String>,
}

/// Why a page gives no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoArticle {
    /// In the user's words: "the page has no text but its menus".
    pub(crate) reason: String,
}

/// The article in the HTML page `html` (already decoded), fetched from or
/// saved at `url` when known (relative links and images are made absolute
/// Starts compiling the text rules on a thread of their own: a caller
/// that will extract calls it first, so that the compiling goes on while
/// it reads and parses.
pub(crate) fn compile_rules_beside() {
    patterns::compile_beside();
}

/// against it).
pub(crate) fn from_html(html: &str, url: Option<&str>) -> Result<Extracted, NoArticle> {
    let url = url.filter(|u| {
        let lower = u.to_ascii_lowercase();
        (lower.starts_with("http://") || lower.starts_with("https://"))
            && !u.contains(char::is_whitespace)
    });
    let config = dom_smoothie::Config {
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let no_article = || NoArticle {
        reason: "the page has no article: no part of it reads as running text".to_string(),
    };
    let mut readability =
        dom_smoothie::Readability::new(html, url, Some(config)).map_err(|_| no_article())?;
    let article = readability.parse().map_err(|_| no_article())?;
    let root = readability.doc.select_single("#readability-page-1");
    let Some(root) = root.nodes().first() else {
        return Err(no_article());
    };
    page::mark(root);
    let mut blocks = blocks::blocks(root);
    drop_title(&mut blocks, &article.title);
    finish(blocks, "page")
}

/// The article in pasted text: one paragraph per line, or per paragraph
/// wrapped by hand between blank lines, cleaned of the same boilerplate as
/// a page.
pub(crate) fn from_text(text: &str) -> Result<Extracted, NoArticle> {
    let blocks: Vec<Block> = paragraphs(text)
        .iter()
        .map(|p| Block::paragraph(p))
        .collect();
    if blocks.is_empty() {
        return Err(NoArticle {
            reason: "the text is empty".to_string(),
        });
    }
    finish(blocks, "text")
}

/// The paragraphs of pasted text: each line, except that in a text whose
/// paragraphs are separated by blank lines, a long line that ends
/// mid-sentence goes on in the next (a paragraph wrapped by hand).
fn paragraphs(text: &str) -> Vec<String> {
    let wrapped = text.contains("\n\n") || text.contains("\r\n\r\n");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            open = false;
            continue;
        }
        match paragraphs.last_mut() {
            Some(last) if open => {
                last.push(' ');
                last.push_str(line);
            }
            _ => paragraphs.push(line.to_string()),
        }
        let ends_sentence = line.ends_with(['.', '!', '?', '…', ':', ';', '»', '"', '”', ')']);
        open = wrapped && !ends_sentence && line.chars().count() >= 40;
    }
    paragraphs
}

/// The title is the article's front matter, not a heading of its text.
fn drop_title(blocks: &mut Vec<Block>, title: &str) {
    let title = comparable(title);
    if title.is_empty() {
        return;
    }
    blocks.retain(|block| {
        block.kind != Kind::Heading || {
            let heading = comparable(&block.text);
            heading != title && !(heading.len() > 20 && title.starts_with(&heading))
        }
    });
}

fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The cleaned article of `blocks`, from a `source` ("page" or "text").
fn finish(blocks: Vec<Block>, source: &str) -> Result<Extracted, NoArticle> {
    let boilerplate::Cleaned {
        mut blocks,
        removed,
        paywall,
    } = boilerplate::clean(blocks);
    trim_rules(&mut blocks);
    let prose: usize = blocks
        .iter()
        .filter(|b| matches!(b.kind, Kind::Paragraph | Kind::Item))
        .filter(|b| b.words() >= PROSE_BLOCK_WORDS && b.link_chars * 2 < b.text.len())
        .map(Block::words)
        .sum();
    if prose < MIN_PROSE_WORDS {
        let reason = if paywall {
            format!(
                "the {source} shows only the start of the article ({prose} words): the rest is for subscribers"
            )
        } else if removed.is_empty() {
            format!(
                "the {source} has no article: {prose} words of running text, fewer than {MIN_PROSE_WORDS}"
            )
        } else {
            format!(
                "the {source} has no article: {prose} words of running text once its menus, ads, teasers and links are left out, fewer than {MIN_PROSE_WORDS}"
            )
        };
        return Err(NoArticle { reason });
    }
    Ok(Extracted {
        markdown: markdown::write(&blocks),
        removed,
    })
}

/// No rule at the start or the end, and none after another.
fn trim_rules(blocks: &mut Vec<Block>) {
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks.drain(..) {
        let after_rule = kept.last().is_none_or(|b| b.kind == Kind::Rule);
        if !(block.kind == Kind::Rule && after_rule) {
            kept.push(block);
        }
    }
    while kept.last().is_some_and(|b| b.kind == Kind::Rule) {
        kept.pop();
    }
    *blocks = kept;
}

#[cfg(test)]
mod tests;
