//! White space as a reader sees it: every run of spaces, tabs and line
//! breaks read as one space, none at the start. The one rule, shared by
//! everything that must agree on the offsets of visible text (blocks whose
//! quotes notes find, passages, plain text for search and feeds) and by
//! what makes one line of a title.

/// `text` with its white space collapsed, and none at either end.
pub(crate) fn collapse(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    push_collapsed(&mut collapsed, text);
    collapsed.truncate(collapsed.trim_end().len());
    collapsed
}

/// The bytes a white-space character can start with: ASCII white space,
/// and the first bytes of U+0085 and U+00A0, U+1680, U+2000 to U+205F, and
/// U+3000, the rest of Unicode's. Only a character's first byte can equal
/// one of them, so a byte found is on a character boundary.
const MAY_START_WHITE_SPACE: [bool; 256] = {
    let mut may = [false; 256];
    let mut bytes: &[u8] = b" \t\n\x0b\x0c\r\xc2\xe1\xe2\xe3";
    while let [first, rest @ ..] = bytes {
        may[*first as usize] = true;
        bytes = rest;
    }
    may
};

/// Appends `text` to `buffer`, its white space collapsed.
pub(crate) fn push_collapsed(buffer: &mut String, text: &str) {
    // Runs without white space are copied whole, and the text is read a
    // byte at a time: a character is decoded only where white space can
    // start. Decoding every character, this was 5.5% of a build's time
    // (perf, 10,000 articles: every article's visible and plain text).
    let bytes = text.as_bytes();
    let (mut run, mut at) = (0, 0);
    loop {
        while at < bytes.len() && !MAY_START_WHITE_SPACE[usize::from(bytes[at])] {
            at += 1;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if !c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        buffer.push_str(&text[run..at]);
        if !buffer.is_empty() && !buffer.ends_with(' ') {
            buffer.push(' ');
        }
        at += c.len_utf8();
        run = at;
    }
    buffer.push_str(&text[run..]);
}

/// What `c` adds to collapsed text that so far reads `buffer`: itself, one
/// space for the first white space of a run (none at the start), or
/// nothing.
pub(crate) fn collapsed(buffer: &str, c: char) -> Option<char> {
    if !c.is_whitespace() {
        Some(c)
    } else if buffer.is_empty() || buffer.ends_with(' ') {
        None
    } else {
        Some(' ')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_white_space_are_one_space() {
        assert_eq!(collapse("  Kim\tJong \n\n Un  "), "Kim Jong Un");
        let mut buffer = String::from("Kim ");
        push_collapsed(&mut buffer, " \nJong");
        assert_eq!(buffer, "Kim Jong");
        let mut buffer = String::new();
        push_collapsed(
            &mut buffer,
            "\u{a0}Pyongyang\u{202f}: le\u{3000}\u{3000}traité ",
        );
        assert_eq!(buffer, "Pyongyang : le traité ");
    }

    /// What `push_collapsed` must do, a character at a time.
    fn collapsed_by_chars(buffer: &str, text: &str) -> String {
        let mut expected = buffer.to_string();
        for c in text.chars() {
            if let Some(c) = collapsed(&expected, c) {
                expected.push(c);
            }
        }
        expected
    }

    #[test]
    fn every_character_is_white_space_exactly_when_unicode_says() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b{c}{c}");
            for buffer in ["", "x", "x "] {
                let mut pushed = buffer.to_string();
                push_collapsed(&mut pushed, &text);
                assert_eq!(pushed, collapsed_by_chars(buffer, &text), "{:?}", c);
            }
        }
    }
}
