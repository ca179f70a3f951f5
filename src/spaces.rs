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

/// Appends `text` to `buffer`, its white space collapsed.
pub(crate) fn push_collapsed(buffer: &mut String, text: &str) {
    // Runs without white space are copied whole: char by char, this was a
    // twentieth of a build's time (search, feeds and exports read every
    // article's text).
    let mut run = 0;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            buffer.push_str(&text[run..at]);
            if !buffer.is_empty() && !buffer.ends_with(' ') {
                buffer.push(' ');
            }
            run = at + c.len_utf8();
        }
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
}
