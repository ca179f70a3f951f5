//! The cleanup layer over the blocks of an article, HTML or pasted text
//! alike: each block that `rules` says is boilerplate is dropped, and so
//! are the runs that such a block announces (the teasers under "Related",
//! the ad under "Annonces" up to its last button). A button glued to the
//! text after it ("Commandez MaintenantKim Jong Un a…") is split off first,
//! so that the article's text is kept.

use super::blocks::{Block, Kind};
use super::patterns::{BUTTON_VERB, TEASER, TEASER_LINE};
use super::rules::{self, Boilerplate};

/// How many blocks a teaser header or an ad label may announce.
const RUN: usize = 15;
/// The longest block an ad can hold, in words.
const AD_WORDS: usize = 30;
/// How far back a repeated paragraph is looked for, in blocks.
const REPEAT_WINDOW: usize = 3;
/// How many words of a removed block the report quotes.
const QUOTED_WORDS: usize = 8;

/// The blocks of an article once cleaned.
pub(super) struct Cleaned {
    pub(super) blocks: Vec<Block>,
    /// The first words of each removed block, in order.
    pub(super) removed: Vec<String>,
    /// Whether a block said the rest of the article is for subscribers.
    pub(super) paywall: bool,
}

/// The blocks that are the article, and what was removed.
pub(super) fn clean(blocks: Vec<Block>) -> Cleaned {
    let (blocks, mut marks) = split_glued_buttons(blocks);
    for (block, mark) in blocks.iter().zip(marks.iter_mut()) {
        if block.kind == Kind::Removed {
            *mark = Some(Boilerplate::Markup);
        } else if mark.is_none()
            && !block.is_quoted()
            && matches!(block.kind, Kind::Paragraph | Kind::Item | Kind::Heading)
        {
            *mark = rules::classify(&block.text, block.words());
        }
    }
    mark_runs(&blocks, &mut marks);
    mark_repeated(&blocks, &mut marks);
    let paywall = marks.contains(&Some(Boilerplate::Paywall));
    let mut kept = Vec::with_capacity(blocks.len());
    let mut removed = Vec::new();
    for (block, mark) in blocks.into_iter().zip(marks) {
        if mark.is_some() {
            removed.push(first_words(&block.text));
        } else {
            kept.push(block);
        }
    }
    Cleaned {
        blocks: kept,
        removed,
        paywall,
    }
}

fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(QUOTED_WORDS + 1).collect();
    if words.len() > QUOTED_WORDS {
        format!("{} …", words[..QUOTED_WORDS].join(" "))
    } else {
        words.join(" ")
    }
}

fn link_share(block: &Block) -> f64 {
    block.link_chars as f64 / block.text.len().max(1) as f64
}

/// Marks what the blocks already marked announce.
fn mark_runs(blocks: &[Block], marks: &mut [Option<Boilerplate>]) {
    for i in 0..blocks.len() {
        let block = &blocks[i];
        if block.is_quoted() {
            continue;
        }
        let words = block.words();
        if rules::is_teaser_header(&block.text, words) {
            marks[i] = Some(Boilerplate::Teaser);
            let run = blocks[i + 1..]
                .iter()
                .take(RUN)
                .take_while(|b| is_teaser(b))
                .count();
            marks[i + 1..=i + run].fill(Some(Boilerplate::Teaser));
        } else if words <= 30
            && (TEASER_LINE.is_match(&block.text)
                || TEASER.is_match(&block.text) && link_share(block) >= 0.5)
        {
            marks[i] = Some(Boilerplate::Teaser);
        } else if is_shouted_link(block) {
            marks[i] = Some(Boilerplate::Teaser);
            // Its kicker, a short line in capitals above it.
            if i > 0 && blocks[i - 1].words() <= 5 && is_capitals(&blocks[i - 1].text) {
                marks[i - 1] = Some(Boilerplate::Teaser);
            }
        }
        match marks[i] {
            Some(Boilerplate::Ad) => mark_ad(blocks, marks, i),
            Some(Boilerplate::Tags) if words <= 2 => {
                if let Some(next) = blocks.get(i + 1)
                    && next.words() <= 40
                {
                    marks[i + 1] = Some(Boilerplate::Tags);
                }
            }
            _ => {}
        }
    }
}

/// A paragraph of eight words or more said again within the three blocks
/// before it: a caption shown twice, an image's text and its caption. The
/// first one stays; a question an interview asks again further on stays.
fn mark_repeated(blocks: &[Block], marks: &mut [Option<Boilerplate>]) {
    for i in 1..blocks.len() {
        let block = &blocks[i];
        let repeated = blocks[i.saturating_sub(REPEAT_WINDOW)..i]
            .iter()
            .any(|before| before.text == block.text);
        if repeated
            && marks[i].is_none()
            && block.words() >= 8
            && block.kind == Kind::Paragraph
            && !block.is_quoted()
        {
            marks[i] = Some(Boilerplate::Repeated);
        }
    }
}

/// An item of the list a teaser header announces: a link, or a short
/// list item.
fn is_teaser(block: &Block) -> bool {
    matches!(block.kind, Kind::Paragraph | Kind::Item | Kind::Heading)
        && (link_share(block) >= 0.5 || block.kind == Kind::Item && block.words() <= 25)
}

/// A link whose text is in capitals: another story's headline.
fn is_shouted_link(block: &Block) -> bool {
    block.words() >= 3 && link_share(block) >= 0.9 && is_capitals(&block.text)
}

fn is_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    letters >= 4 && capitals * 10 >= letters * 9
}

/// An ad label, then short blocks up to its last button: the ad.
fn mark_ad(blocks: &[Block], marks: &mut [Option<Boilerplate>], label: usize) {
    let after = &blocks[label + 1..];
    let short = after
        .iter()
        .take(RUN.min(8))
        .take_while(|b| b.words() <= AD_WORDS && b.kind != Kind::Heading)
        .count();
    let last_button = (label + 1..=label + short)
        .rev()
        .find(|&i| marks[i] == Some(Boilerplate::Button));
    if let Some(last) = last_button {
        marks[label + 1..=last].fill(Some(Boilerplate::Ad));
    }
}

/// Blocks with each button glued to text split off ("Découvrez
/// l'OffreCommandez une application…"), and the buttons marked.
fn split_glued_buttons(blocks: Vec<Block>) -> (Vec<Block>, Vec<Option<Boilerplate>>) {
    let mut split = Vec::with_capacity(blocks.len());
    let mut marks = Vec::with_capacity(blocks.len());
    for block in blocks {
        let pieces = if block.kind == Kind::Paragraph {
            glued_pieces(&block.text)
        } else {
            Vec::new()
        };
        if !pieces.iter().any(|(_, button)| *button) {
            split.push(block);
            marks.push(None);
            continue;
        }
        for (text, button) in pieces {
            let mut piece = Block::paragraph(&text);
            piece.containers = block.containers.clone();
            split.push(piece);
            marks.push(button.then_some(Boilerplate::Button));
        }
    }
    (split, marks)
}

/// `text` cut where a letter or a sentence's end is directly followed by
/// a capital, keeping as pieces only the buttons found so, each with
/// whether it is one. Nothing is cut when no button is found.
fn glued_pieces(text: &str) -> Vec<(String, bool)> {
    let mut cuts = vec![0];
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        if c.is_uppercase()
            && previous.is_some_and(|p| p.is_lowercase() || matches!(p, '!' | '?' | '.' | '…'))
        {
            cuts.push(at);
        }
        previous = Some(c);
    }
    cuts.push(text.len());
    let pieces: Vec<&str> = cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect();
    let mut merged: Vec<(String, bool)> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        let before = index.checked_sub(1).map(|i| pieces[i]);
        let after = pieces.get(index + 1).copied();
        if is_glued_button(piece, before, after) {
            merged.push((piece.trim().to_string(), true));
        } else if let Some((last, false)) = merged.last_mut() {
            last.push_str(piece);
        } else {
            merged.push(((*piece).to_string(), false));
        }
    }
    merged.retain(|(piece, _)| !piece.trim().is_empty());
    merged
}

/// A button: a verb and at most three more words, glued to real text on
/// one side ("Commandez Maintenant" + "Kim Jong Un a…"), not the inside
/// of a name ("iPhone", "McDonald's": too few letters before the capital).
fn is_glued_button(piece: &str, before: Option<&str>, after: Option<&str>) -> bool {
    let words = piece.split_whitespace().count();
    let last_word_letters = piece
        .split_whitespace()
        .last()
        .map_or(0, |w| w.chars().filter(|c| c.is_alphabetic()).count());
    let text_beside = |side: Option<&str>| side.is_some_and(|s| s.split_whitespace().count() >= 3);
    (1..=4).contains(&words)
        && last_word_letters >= 3
        && !piece.trim_end().ends_with('.')
        && BUTTON_VERB.is_match(piece.trim_start())
        && (before.is_none()
            || before.is_some_and(|b| b.trim_end().ends_with(['!', '?', '.', '…']))
            || text_beside(before))
        && (text_beside(after) || after.is_none() && before.is_some())
}
