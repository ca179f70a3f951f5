//! Where the articles' annotated bodies are kept: in memory for `serve`,
//! or, for `build` and `check`, with their HTML and mentions (passages
//! included) set aside in a [`Spill`] file, read back by the files that
//! show them: an article's page its HTML, an entity's page the mentions
//! of that entity alone, each article's written together. Only the notes'
//! places stay in memory: they are few, and read from many pages.

use std::borrow::Cow;
use std::sync::Arc;

use crate::ids::{ArticleId, EntityId};
use crate::markdown::{AnnotatedBody, Mention, PlacedNote};
use crate::passage::Passage;
use crate::plain::html_text;
use crate::spill::{Spill, Spilled};

/// Every article's annotated body.
#[derive(Debug, Default)]
pub(crate) struct Bodies {
    /// Per article: its body, without its HTML and mentions when they
    /// are set aside.
    bodies: Vec<Arc<AnnotatedBody>>,
    /// The file they are set aside in, and where each article's went.
    set_aside: Option<(Spill, Vec<SetAside>)>,
}

/// Where one article's HTML and mentions are in the spill file.
#[derive(Debug, Clone)]
pub(super) struct SetAside {
    html: Spilled,
    /// The HTML's text, made once here: search, exports and structured
    /// data each read it.
    text: Spilled,
    /// All its mentions, in groups by entity.
    mentions: Spilled,
    /// Each entity's group, by entity id.
    groups: Vec<(EntityId, Spilled)>,
    count: usize,
}

impl Bodies {
    /// Bodies kept whole in memory.
    pub(super) fn in_memory(bodies: Vec<Arc<AnnotatedBody>>) -> Self {
        Self {
            bodies,
            set_aside: None,
        }
    }

    /// Bodies whose HTML and mentions are in `spill`, at `places`.
    pub(super) fn set_aside(
        bodies: Vec<Arc<AnnotatedBody>>,
        spill: Spill,
        places: Vec<SetAside>,
    ) -> Self {
        Self {
            bodies,
            set_aside: Some((spill, places)),
        }
    }

    /// The article's body as HTML.
    pub(crate) fn html(&self, id: ArticleId) -> Cow<'_, str> {
        match &self.set_aside {
            None => Cow::Borrowed(&self.bodies[id].html),
            Some((spill, places)) => Cow::Owned(one_text(spill.get(places[id.0].html))),
        }
    }

    /// The article's body as plain text ([`html_text`] of its HTML).
    pub(crate) fn text(&self, id: ArticleId) -> String {
        match &self.set_aside {
            None => html_text(&self.bodies[id].html),
            Some((spill, places)) => one_text(spill.get(places[id.0].text)),
        }
    }

    /// The article's mentions, in text order, with their passages.
    pub(crate) fn mentions(&self, id: ArticleId) -> Cow<'_, [Mention]> {
        let Some((spill, places)) = &self.set_aside else {
            return Cow::Borrowed(&self.bodies[id].mentions);
        };
        let mut numbered = mentions(&spill.get(places[id.0].mentions));
        numbered.sort_by_key(|(index, _)| *index);
        Cow::Owned(numbered.into_iter().map(|(_, m)| m).collect())
    }

    /// The article's mentions of `entity`, in text order.
    pub(crate) fn mentions_of(&self, id: ArticleId, entity: EntityId) -> Vec<Mention> {
        let Some((spill, places)) = &self.set_aside else {
            let body = &self.bodies[id];
            return (body.mentions.iter())
                .filter(|m| m.entity == entity)
                .cloned()
                .collect();
        };
        let groups = &places[id.0].groups;
        match groups.binary_search_by_key(&entity, |(e, _)| *e) {
            Ok(found) => mentions(&spill.get(groups[found].1))
                .into_iter()
                .map(|(_, m)| m)
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// How many mentions the article has.
    pub(crate) fn mention_count(&self, id: ArticleId) -> usize {
        match &self.set_aside {
            None => self.bodies[id].mentions.len(),
            Some((_, places)) => places[id.0].count,
        }
    }

    /// Where the article's notes are found.
    pub(crate) fn notes(&self, id: ArticleId) -> &[PlacedNote] {
        &self.bodies[id].notes
    }

    /// Whether every body set aside could be read back.
    pub(crate) fn check(&self) -> std::io::Result<()> {
        self.set_aside
            .as_ref()
            .map_or(Ok(()), |(spill, _)| spill.check())
    }
}

/// Moves `body`'s HTML and mentions into `spill`, leaving them empty: the
/// HTML, then the mentions of each entity of `by_entity` (its mentions'
/// indices, in text order), each group read alone by its entity's page.
pub(super) fn set_aside(
    spill: &Spill,
    body: &mut AnnotatedBody,
    by_entity: &[(EntityId, Vec<usize>)],
) -> std::io::Result<SetAside> {
    let mut bytes = Vec::with_capacity(body.html.len() * 3);
    let html = std::mem::take(&mut body.html);
    push(&mut bytes, &html);
    let html_end = bytes.len();
    push(&mut bytes, &html_text(&html));
    let text_end = bytes.len();
    let mentions = std::mem::take(&mut body.mentions);
    let mut groups = Vec::with_capacity(by_entity.len());
    for (entity, indices) in by_entity {
        let start = bytes.len();
        for index in indices {
            let mention = &mentions[*index];
            let explicit = if mention.explicit { "1" } else { "0" };
            let passage = &mention.passage;
            for part in [
                &index.to_string(),
                &mention.entity.0.to_string(),
                &mention.anchor,
                explicit,
                &passage.before,
                &passage.text,
                &passage.after,
            ] {
                push(&mut bytes, part);
            }
        }
        groups.push((*entity, (start, bytes.len() - start)));
    }
    let whole = spill.put(&bytes)?;
    Ok(SetAside {
        html: whole.part(0, html_end),
        text: whole.part(html_end, text_end - html_end),
        mentions: whole.part(text_end, bytes.len() - text_end),
        groups: groups
            .into_iter()
            .map(|(entity, (start, len))| (entity, whole.part(start, len)))
            .collect(),
        count: mentions.len(),
    })
}

/// Appends `text` with its length in front, in digits of six bits, the
/// most significant first, each one ASCII byte: `0x40 | digit` for all
/// but the last, `digit` for the last. ASCII keeps a piece of several
/// texts valid UTF-8 as a whole, so that reading it back checks it once.
fn push(bytes: &mut Vec<u8>, text: &str) {
    push_len(bytes, text.len() as u64);
    bytes.extend_from_slice(text.as_bytes());
}

/// Appends `len` as [`push`] writes it.
fn push_len(bytes: &mut Vec<u8>, len: u64) {
    let digits = (u64::BITS - len.leading_zeros()).div_ceil(6).max(1);
    for shift in (1..digits).rev() {
        bytes.push(0x40 | ((len >> (6 * shift)) & 0x3f) as u8);
    }
    bytes.push((len & 0x3f) as u8);
}

/// Where the first text [`push`] wrote in `bytes` starts and ends; none
/// if its length is cut off, is not digits, or runs past the end.
fn frame(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut len = 0usize;
    for (at, &digit) in bytes.iter().enumerate() {
        if digit >= 0x80 {
            return None;
        }
        len = len
            .checked_mul(64)?
            .checked_add(usize::from(digit & 0x3f))?;
        if digit & 0x40 == 0 {
            let end = (at + 1).checked_add(len)?;
            return (end <= bytes.len()).then_some((at + 1, end));
        }
    }
    None
}

/// The one text [`push`] wrote in `bytes`, kept in the buffer it was
/// read into.
fn one_text(bytes: Vec<u8>) -> String {
    // Written from a `str`: valid, unless the disk changed it.
    let mut whole = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    match frame(whole.as_bytes()) {
        // `start` follows ASCII digits; `end` may split a replaced byte.
        Some((start, end)) if whole.is_char_boundary(end) => {
            whole.truncate(end);
            whole.drain(..start);
            whole
        }
        _ => String::new(),
    }
}

/// The texts [`push`] wrote in `piece`, in order.
fn texts(piece: &str) -> impl Iterator<Item = &str> {
    let mut rest = piece;
    std::iter::from_fn(move || {
        let (start, end) = frame(rest.as_bytes())?;
        let text = rest.get(start..end)?;
        rest = rest.get(end..)?;
        Some(text)
    })
}

/// The mentions [`set_aside`] wrote, each with its index in the article.
fn mentions(bytes: &[u8]) -> Vec<(usize, Mention)> {
    // Written from `str`s: valid, unless the disk changed them. (The
    // check of `from_utf8` is faster than that of `from_utf8_lossy`.)
    let piece =
        std::str::from_utf8(bytes).map_or_else(|_| String::from_utf8_lossy(bytes), Cow::Borrowed);
    let mut parts = texts(&piece);
    let mut mentions = Vec::new();
    while let Some(index) = parts.next() {
        let mut part = || parts.next().unwrap_or_default();
        let entity = EntityId(part().parse().unwrap_or_default());
        mentions.push((
            index.parse().unwrap_or_default(),
            Mention {
                entity,
                anchor: part().to_owned(),
                explicit: part() == "1",
                passage: Passage {
                    before: part().to_owned(),
                    text: part().to_owned(),
                    after: part().to_owned(),
                },
            },
        ));
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(texts: &[&str]) -> Vec<u8> {
        let mut bytes = Vec::new();
        for text in texts {
            push(&mut bytes, text);
        }
        bytes
    }

    #[test]
    fn texts_come_back_as_written_whatever_the_number_of_length_digits() {
        let long = |len: usize| "é".repeat(len / 2) + &"a".repeat(len % 2);
        let written: Vec<String> = [0, 1, 63, 64, 65, 4095, 4096, 4097, 262_144, 300_001]
            .into_iter()
            .map(long)
            .chain(["Kim Jong-un".to_string(), "« traité »\n".to_string()])
            .collect();
        let refs: Vec<&str> = written.iter().map(String::as_str).collect();
        let bytes = framed(&refs);
        // The lengths are ASCII: the whole piece is one valid text.
        let piece = std::str::from_utf8(&bytes).expect("valid UTF-8");
        assert_eq!(texts(piece).collect::<Vec<_>>(), refs);
        assert_eq!(one_text(framed(&[&written[8]])), written[8]);
    }

    #[test]
    fn lengths_take_one_ascii_byte_per_six_bits() {
        let len = |n: u64| {
            let mut bytes = Vec::new();
            push_len(&mut bytes, n);
            bytes
        };
        assert_eq!(len(0), [0]);
        assert_eq!(len(3), [3]);
        assert_eq!(len(64), [0x41, 0]);
        assert_eq!(len(4096), [0x41, 0x40, 0]);
        assert_eq!(len(1 << 24), [0x41, 0x40, 0x40, 0x40, 0]);
        let most = len(u64::MAX);
        assert_eq!(most.len(), 11);
        assert!(most.iter().all(u8::is_ascii));
        // A length past the end of the bytes is no text, not a panic.
        assert_eq!(frame(&most), None);
        let mut sixteen_mib = len(1 << 24);
        sixteen_mib.resize(5 + (1 << 24), b'x');
        assert_eq!(frame(&sixteen_mib), Some((5, 5 + (1 << 24))));
    }

    #[test]
    fn a_changed_file_gives_whole_texts_or_none_never_a_panic() {
        let written = ["Pyongyang", "Moscou", "« Poutine »"];
        let whole = framed(&written);
        // Where each text ends in `whole`.
        let ends: Vec<usize> = (1..=written.len())
            .map(|n| framed(&written[..n]).len())
            .collect();
        for cut in 0..whole.len() {
            let part = &whole[..cut];
            let complete = ends.iter().filter(|end| **end <= cut).count();
            let piece = String::from_utf8_lossy(part);
            let kept: Vec<&str> = texts(&piece).collect();
            assert_eq!(kept, written[..complete], "cut at {cut}");
            let first = one_text(part.to_vec());
            let expected = if complete > 0 { written[0] } else { "" };
            assert_eq!(first, expected, "cut at {cut}");
            // Not mentions: read as such, they are garbage, not a panic.
            let _ = mentions(part);
        }
        // A length running past the end, bytes that are not digits or
        // not UTF-8.
        assert_eq!(texts("\x7f\x7f\x05ab").count(), 0);
        assert_eq!(one_text(vec![0x7f, 0x7f, 0x7f]), "");
        assert_eq!(one_text(vec![0x81, b'a']), "");
        // The replacement character is longer than the byte it replaces.
        assert_eq!(one_text(vec![0x02, 0xff, b'a']), "");
        assert_eq!(one_text(vec![0x03, 0xff, b'a']), "\u{fffd}");
        assert!(mentions(&[0x40; 40]).is_empty());
    }

    #[test]
    fn bodies_set_aside_come_back_whole() {
        let passage = |before: &str, text: &str, after: &str| Passage {
            before: before.into(),
            text: text.into(),
            after: after.into(),
        };
        let mention = |entity, anchor: &str, explicit, passage| Mention {
            entity: EntityId(entity),
            anchor: anchor.into(),
            explicit,
            passage,
        };
        let written = vec![
            mention(2, "m-kim-1", false, passage("", "Kim Jong-un", " a reçu")),
            mention(
                5,
                "m-poutine-1",
                true,
                passage("reçu ", "Poutine", " à Pyongyang"),
            ),
            mention(2, "m-kim-2", false, passage("… le dirigeant ", "Kim", ".")),
        ];
        let html = "<p><a>Kim Jong-un</a> a reçu <a>Poutine</a> à Pyongyang.</p>".to_string();
        let mut body = AnnotatedBody {
            html: html.clone(),
            mentions: written.clone(),
            ..AnnotatedBody::default()
        };
        let folder = tempfile::tempdir().expect("a temporary folder");
        let spill = Spill::new_in(folder.path()).expect("a spill file");
        let by_entity = [(EntityId(2), vec![0, 2]), (EntityId(5), vec![1])];
        let place = set_aside(&spill, &mut body, &by_entity).expect("set aside");
        assert!(body.html.is_empty() && body.mentions.is_empty());
        let bodies = Bodies::set_aside(vec![Arc::new(body)], spill, vec![place]);
        let id = ArticleId(0);
        assert_eq!(bodies.html(id), html);
        assert_eq!(bodies.text(id), html_text(&html));
        assert_eq!(bodies.mentions(id).into_owned(), written);
        assert_eq!(bodies.mention_count(id), 3);
        assert_eq!(
            bodies.mentions_of(id, EntityId(2)),
            [written[0].clone(), written[2].clone()]
        );
        assert_eq!(bodies.mentions_of(id, EntityId(5)), [written[1].clone()]);
        assert!(bodies.mentions_of(id, EntityId(3)).is_empty());
        bodies.check().expect("every piece read back");
    }
}
