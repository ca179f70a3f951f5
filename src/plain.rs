//! Plain text out of the HTML the annotate stage makes, for what is not
//! HTML: the search index, meta descriptions, structured data.

/// Tags after which text reads as a new block.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "td",
    "th",
    "tr",
    "blockquote",
    "pre",
    "div",
    "dt",
    "dd",
    "hr",
    "aside",
    "section",
    "figcaption",
];

/// The text of HTML the annotate stage made (well-formed, escaped by
/// pulldown-cmark): tags and comments out, entities decoded, white space
/// folded.
pub(crate) fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(['<', '&']) {
        crate::spaces::push_collapsed(&mut text, &rest[..start]);
        rest = &rest[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let name = rest[1..end]
                .trim_start_matches('/')
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or_default();
            if BLOCK_TAGS.contains(&name) {
                crate::spaces::push_collapsed(&mut text, " ");
            }
            rest = &rest[end..];
        } else {
            let end = rest.find(';').filter(|e| *e < 10);
            let decoded = end.and_then(|e| entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    text.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    text.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    crate::spaces::push_collapsed(&mut text, rest);
    text.trim_end().to_string()
}

/// The character an HTML entity (without `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_keeps_the_words_and_separates_blocks() {
        let html = "<h2 id=\"a\">Le traité</h2>\n<p>Kim &amp; <a href=\"x\">Poutine</a>&#39;s<!--dossier-note:1--></p><ul><li>un</li><li>deux &lt;3</li></ul>";
        assert_eq!(html_text(html), "Le traité Kim & Poutine's un deux <3");
    }
}
