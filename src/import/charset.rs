//! The text of a collected page from its bytes: the character set as the
//! page declares it (a byte-order mark, the HTTP header, or `<meta charset>`
//! and `http-equiv` in its first bytes, in the order browsers take them),
//! decoded by encoding_rs, which knows the labels browsers accept
//! (`ISO-8859-1` is read as windows-1252, as they do).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page its `<meta>` declaration is looked for: browsers
/// look at the first 1,024 bytes; some pages put a long comment first.
const PRESCAN: usize = 4096;

/// A page's text and the character set it was read in.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// encoding_rs's name (`windows-1252`, `UTF-8`).
    pub charset: &'static str,
    /// Where the character set came from, for the report.
    pub declared_by: &'static str,
    /// Whether the bytes say it themselves (a byte-order mark, `<meta>`),
    /// so that reading them again finds it.
    pub declared_inside: bool,
}

/// Decodes `bytes`, a page or a text file, with the character set from
/// `header` (the HTTP `Content-Type`), `named` (the front matter's
/// `source.charset`) or the page itself.
pub(crate) fn decode(bytes: &[u8], header: Option<&str>, named: Option<&str>) -> Decoded {
    let prescan = &bytes[..bytes.len().min(PRESCAN)];
    let (encoding, declared_by, declared_inside) = if let Some((encoding, _)) =
        Encoding::for_bom(bytes)
    {
        (encoding, "a byte-order mark", true)
    } else if let Some(encoding) = named.and_then(|n| Encoding::for_label(n.trim().as_bytes())) {
        (encoding, "the front matter", false)
    } else if let Some(encoding) = header.and_then(charset_of_content_type) {
        (encoding, "the HTTP header", false)
    } else if let Some(encoding) = meta_charset(prescan) {
        (encoding, "the page", true)
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, "nothing (valid UTF-8)", false)
    } else {
        // What browsers assume for an undeclared page in these languages.
        (
            WINDOWS_1252,
            "nothing (not UTF-8, read as windows-1252)",
            false,
        )
    };
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    Decoded {
        text: text.into_owned(),
        charset: encoding.name(),
        declared_by,
        declared_inside,
    }
}

/// The `charset=` parameter of a `Content-Type` value.
fn charset_of_content_type(value: &str) -> Option<&'static Encoding> {
    let lower = value.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let label: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| !matches!(c, ';' | '"' | '\'' | ' '))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// The character set a `<meta charset>` or `<meta http-equiv="Content-Type">`
/// in `head` declares. A page that says UTF-16 in a `<meta>` cannot be
/// read that way (it would not have been ASCII to find it), so browsers
/// take UTF-8, and so does this.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        from = end;
        let found = if let Some(at) = tag.find("charset") {
            let rest = tag[at + "charset".len()..].trim_start();
            rest.strip_prefix('=').and_then(|value| {
                let label: String = value
                    .trim_start()
                    .trim_start_matches(['"', '\''])
                    .chars()
                    .take_while(|c| !matches!(c, ';' | '"' | '\'' | ' ' | '/'))
                    .collect();
                Encoding::for_label(label.as_bytes())
            })
        } else {
            None
        };
        if let Some(encoding) = found {
            return Some(if encoding.name().starts_with("UTF-16") {
                UTF_8
            } else {
                encoding
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_in_browser_order() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>caf\xE9</p>";
        let decoded = decode(page, None, None);
        assert!(decoded.text.contains("café"), "{}", decoded.text);
        assert_eq!(decoded.charset, "windows-1252");
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\xE9t\xE9";
        assert!(decode(equiv, None, None).text.contains("été"));
        // The header wins over the page, a byte-order mark over both.
        let header = decode(
            "<meta charset=utf-8>é".as_bytes(),
            Some("text/html; charset=utf-8"),
            None,
        );
        assert!(header.text.ends_with('é'));
        assert_eq!(
            decode(b"caf\xE9", Some("text/html; charset=\"latin1\""), None).text,
            "café"
        );
        let bom = decode(
            "\u{FEFF}été".as_bytes(),
            Some("text/html; charset=windows-1252"),
            None,
        );
        assert_eq!(bom.text, "été");
        // Undeclared and not UTF-8.
        assert_eq!(decode(b"caf\xE9", None, None).text, "café");
        assert_eq!(decode("café".as_bytes(), None, None).charset, "UTF-8");
    }
}
