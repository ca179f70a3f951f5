//! Typographic equivalence: the characters that collected text writes in
//! several ways (apostrophes, quotes, dashes, spaces) compared as one, and
//! the invisible ones (soft hyphens, zero-width characters) set aside. Names
//! and note quotes are both compared through it; the text itself is always
//! shown as written.
//!
//! [`Folded`] is a text folded this way (optionally without accents and
//! with line-end hyphenation joined) that remembers where each of its bytes
//! came from, so that what is found in it maps back to the original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The character `c` is compared as: `'` for every apostrophe, `"` for
/// every double quote, `-` for every hyphen and dash, `' '` for every
/// kind of space; `None` for what is ignored (soft hyphen, zero-width
/// characters, the byte-order mark).
pub(crate) fn typographic(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(if c.is_ascii_whitespace() { ' ' } else { c });
    }
    match c {
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        '’' | '‘' | '‛' | 'ʼ' | '′' | '＇' => Some('\''),
        '“' | '”' | '„' | '‟' | '″' | '＂' => Some('"'),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' | '－' => Some('-'),
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

/// Letters that carry their mark in themselves, not as a combining mark,
/// and so do not lose it by decomposition: the ones collected text most
/// often writes without it (`Lodz` for `Łódź`, `Orsted` for `Ørsted`).
fn base_letter(c: char) -> Option<char> {
    Some(match c {
        'ł' => 'l',
        'Ł' => 'L',
        'ø' => 'o',
        'Ø' => 'O',
        'đ' => 'd',
        'Đ' => 'D',
        'ı' => 'i',
        'ħ' => 'h',
        'Ħ' => 'H',
        _ => return None,
    })
}

/// How a text is folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Folding {
    /// Accents set aside: `é` compares as `e`.
    pub accents: bool,
    /// A word cut by a hyphen at a line end joined again.
    pub hyphenation: bool,
}

/// A text folded for comparison: typographic variants made one, runs of
/// white space made one space, and (as asked) accents set aside and
/// hyphenated line ends joined.
#[derive(Debug)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// Per byte of `text`: the original byte offset of the character it
    /// comes from (32 bits: a body is never 4 GiB, and half the memory
    /// traffic shows in a build's profile).
    starts: Vec<u32>,
    /// The original text's length.
    original_len: usize,
}

impl Folded {
    /// Folds `text` as `folding` says.
    pub(crate) fn new(text: &str, folding: Folding) -> Self {
        let mut folded = Self {
            text: String::with_capacity(text.len()),
            starts: Vec::with_capacity(text.len()),
            original_len: text.len(),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
            // Most of any text is printable ASCII that folds to itself:
            // copied in one go (the per-character path was most of the
            // cost of folding).
            if is_plain(bytes[i]) {
                let run = bytes[i..].iter().take_while(|b| is_plain(**b)).count();
                folded.text.push_str(&text[i..i + run]);
                let start = u32::try_from(i).unwrap_or(u32::MAX);
                folded
                    .starts
                    .extend((0..run).map(|k| start.saturating_add(k as u32)));
                i += run;
                continue;
            }
            let end = i + c.len_utf8();
            if folding.hyphenation
                && is_hyphen(c)
                && let Some(resume) = line_end_after(text, end)
            {
                // `Kuz-⏎nietsov` is one word; `anti-⏎Putin` keeps its hyphen.
                if !text[resume..].starts_with(char::is_lowercase) {
                    folded.push('-', i);
                }
                i = resume;
                continue;
            }
            let start = i;
            i = end;
            let Some(c) = typographic(c) else {
                continue;
            };
            if c == ' ' {
                if !folded.text.ends_with(' ') {
                    folded.push(' ', start);
                }
                continue;
            }
            if folding.accents && !c.is_ascii() {
                folded.push_without_accents(c, start);
            } else {
                folded.push(c, start);
            }
        }
        folded
    }

    fn push(&mut self, c: char, start: usize) {
        self.text.push(c);
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        for _ in 0..c.len_utf8() {
            self.starts.push(start);
        }
    }

    /// Pushes `c` decomposed, its combining marks left out; a mark on its
    /// own (text already decomposed) goes with the character before it.
    fn push_without_accents(&mut self, c: char, start: usize) {
        if is_combining_mark(c) {
            return;
        }
        if let Some(base) = base_letter(c) {
            self.push(base, start);
            return;
        }
        let mut bases = ['\0'; 4];
        let mut count = 0;
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) && count < bases.len() {
                bases[count] = d;
                count += 1;
            }
        });
        for base in &bases[..count] {
            self.push(*base, start);
        }
    }

    /// The original byte offset where the folded byte `at` starts (the
    /// original length at the end).
    pub(crate) fn original_start(&self, at: usize, original_len: usize) -> usize {
        self.starts
            .get(at)
            .map_or(original_len, |start| *start as usize)
    }

    /// The original byte offset just after a match that ends, exclusive,
    /// at folded byte `at`: where the next folded character comes from, so
    /// that what was set aside after the match (a combining mark) goes with
    /// it.
    pub(crate) fn original_end(&self, at: usize) -> usize {
        self.original_start(at, self.original_len)
    }
}

/// A byte that folds to itself whatever the folding: printable ASCII but
/// the hyphen (which may end a line).
fn is_plain(byte: u8) -> bool {
    (0x21..=0x7E).contains(&byte) && byte != b'-'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '\u{00AD}')
}

/// Where the text resumes when a line end (spaces, one line break, spaces)
/// follows at `from`; `None` when no line break follows.
fn line_end_after(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let after_spaces = rest.trim_start_matches([' ', '\t']);
    let after_break = after_spaces
        .strip_prefix("\r\n")
        .or_else(|| after_spaces.strip_prefix('\n'))?;
    let resume = after_break.trim_start_matches([' ', '\t']);
    Some(text.len() - resume.len())
}

/// `text` folded as a name or phrase is compared (its own white space
/// trimmed): see [`Folded`].
pub(crate) fn key(text: &str, accents: bool) -> String {
    let folding = Folding {
        accents,
        hyphenation: false,
    };
    Folded::new(text.trim(), folding).text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Folding = Folding {
        accents: true,
        hyphenation: true,
    };

    fn mapped(text: &str, folding: Folding) -> (String, Vec<(usize, usize)>) {
        let folded = Folded::new(text, folding);
        let spans = (0..folded.text.len())
            .filter(|i| folded.text.is_char_boundary(*i))
            .map(|i| {
                (
                    folded.original_start(i, text.len()),
                    folded.original_end(i + 1),
                )
            })
            .collect();
        (folded.text, spans)
    }

    #[test]
    fn typographic_variants_compare_as_one() {
        let folded = Folded::new("Germany’s “war” – \u{a0}a\u{200b}b\u{ad}c", ALL);
        assert_eq!(folded.text, "Germany's \"war\" - abc");
        assert_eq!(key("  U.S.  ", false), "U.S.");
    }

    #[test]
    fn accents_are_set_aside_and_map_back() {
        let text = "Süddeutsche Łódź";
        let (folded, spans) = mapped(text, ALL);
        assert_eq!(folded, "Suddeutsche Lodz");
        // "ü" is two bytes: the folded "u" maps to both.
        assert_eq!(spans[1], (1, 3));
        // Already decomposed: the mark goes with its letter.
        let decomposed = "Su\u{308}d";
        let folded = Folded::new(decomposed, ALL);
        assert_eq!(folded.text, "Sud");
        assert_eq!(folded.original_end(2), 4);
        let kept = Folding {
            accents: false,
            hyphenation: false,
        };
        assert_eq!(Folded::new(text, kept).text, text);
    }

    #[test]
    fn hyphenated_line_ends_are_joined() {
        let text = "Kuz-\n  nietsov and anti-\nPutin";
        let folded = Folded::new(text, ALL);
        assert_eq!(folded.text, "Kuznietsov and anti-Putin");
        let n = folded.text.find("nietsov").expect("joined");
        assert_eq!(
            &text[folded.original_start(n, text.len())..],
            "nietsov and anti-\nPutin"
        );
        assert_eq!(folded.original_end(folded.text.len()), text.len());
        // Not at a line end: the hyphen stays.
        assert_eq!(Folded::new("Kuz- nietsov", ALL).text, "Kuz- nietsov");
    }
}
