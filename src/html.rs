//! Text made safe inside HTML, for every stage that writes markup by hand
//! (Markdown's wikilinks, the graph's SVG, `serve`'s error page).

/// HTML-escapes `text` into `out`, copying the runs between the characters
/// it escapes whole (char by char, this was a thirtieth of a build).
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let mut run = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // An ASCII byte: a character boundary on both sides.
        out.push_str(&text[run..at]);
        out.push_str(escaped);
        run = at + 1;
    }
    out.push_str(&text[run..]);
}

/// HTML-escapes `text`.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_the_five_characters_and_keeps_the_rest() {
        assert_eq!(
            escape("«\u{a0}Kim & <Putin>\u{a0}» \"l'accord\""),
            "«\u{a0}Kim &amp; &lt;Putin&gt;\u{a0}» &quot;l&#39;accord&quot;"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("&"), "&amp;");
    }
}
