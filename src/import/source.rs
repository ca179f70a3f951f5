//! A source of `import` read into bytes: a page fetched from an address
//! (`fetch.rs`), standard input, or a file; whether it is a page or text,
//! by the server's `Content-Type` or the file's name and first bytes.

use std::io::Read as _;
use std::path::Path;

use super::{Refused, fetch, originals};

/// A source read into bytes.
pub(super) struct Collected {
    pub bytes: Vec<u8>,
    pub html: bool,
    /// The address it was fetched from, after redirects, or a saved page
    /// says it was saved from.
    pub url: Option<String>,
    /// The address asked for.
    pub asked: Option<String>,
    /// The HTTP `Content-Type`.
    pub content_type: Option<String>,
    /// A name for the file when the title gives none.
    pub name: String,
}

/// Reads `source`: an address, `-` or a file.
pub(super) fn collect(source: &str) -> Result<Collected, Refused> {
    if source.starts_with("http://") || source.starts_with("https://") {
        let fetched = fetch::fetch(source).map_err(|u| Refused::new(u.problem, u.help))?;
        let kind = fetched.content_type.as_deref().map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        // A page, or text; a PDF or an image is not an article to read here.
        let html = match kind.as_deref() {
            None | Some("") => true,
            Some(kind) if kind.contains("html") || kind.contains("xml") => true,
            Some(kind) if kind.starts_with("text/") => false,
            Some(kind) => {
                return Err(Refused::new(
                    format!("the address gives `{kind}`, not a page or text"),
                    "import a page (HTML) or text; save what you want to keep of this file as \
                     text and import that",
                ));
            }
        };
        return Ok(Collected {
            bytes: fetched.bytes,
            html,
            url: Some(fetched.url),
            asked: Some(source.to_string()),
            content_type: fetched.content_type,
            name: source
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string(),
        });
    }
    let (bytes, name) = if source == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
            Refused::new(
                format!("cannot read standard input: {e}"),
                "paste the text, then end it with Ctrl-D",
            )
        })?;
        (bytes, String::new())
    } else {
        let path = Path::new(source);
        let bytes = std::fs::read(path).map_err(|e| {
            Refused::new(
                format!("cannot read it: {e}"),
                "give a saved page (.html), a text file, `-` for standard input, or an address \
                 starting with https://",
            )
        })?;
        let stem = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        (bytes, stem)
    };
    let html = if source == "-" {
        false
    } else {
        originals::is_html_path(Path::new(source)) || looks_like_html(&bytes)
    };
    Ok(Collected {
        url: html.then(|| saved_from(&bytes)).flatten(),
        bytes,
        html,
        asked: None,
        content_type: None,
        name,
    })
}

/// The address a saved page says it was saved from, in the comment
/// browsers write at its top (`<!-- saved from url=(0042)https://… -->`)
/// or the one the SingleFile extension writes (`url: https://…`).
fn saved_from(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]);
    let comment = &head[head.find("<!--")? + 4..];
    let comment = &comment[..comment.find("-->")?];
    let url = if let Some(at) = comment.find("saved from url=(") {
        let rest = &comment[at + "saved from url=(".len()..];
        &rest[rest.find(')')? + 1..]
    } else {
        let line = comment
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("url: "))?;
        &line["url: ".len()..]
    };
    let url = url.split_whitespace().next()?;
    super::page::is_web_address(url).then(|| url.to_string())
}

/// A file that starts like a page, whatever its name.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<head")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_a_saved_page_was_saved_from() {
        let chrome = b"<!DOCTYPE html>\n<!-- saved from url=(0038)https://news.example.org/a/treaty -->\n<html>";
        assert_eq!(
            saved_from(chrome).as_deref(),
            Some("https://news.example.org/a/treaty")
        );
        let single = b"<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://x.example.fr/2024/06/19/a \n saved date: Wed Jun 19 2024\n--><head>";
        assert_eq!(
            saved_from(single).as_deref(),
            Some("https://x.example.fr/2024/06/19/a")
        );
        assert_eq!(
            saved_from(b"<!-- saved from url=(0014)about:internet -->"),
            None
        );
        assert_eq!(saved_from(b"<html><head>"), None);
    }
}
