//! Splits a Markdown file into its YAML front matter and its body, keeping
//! where each starts so that later errors can name the right line.

use std::ops::Range;

/// Where the front matter and the body lie in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// Byte range of the YAML between the two `---` lines.
    pub yaml: Range<usize>,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    /// Byte range of the Markdown body after the closing `---` line.
    pub body: Range<usize>,
    /// 1-based line of the first body line.
    pub body_line: usize,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SplitError {
    /// Nothing but white space in the file.
    Empty,
    /// The first line is not `---`.
    Missing,
    /// No closing `---` line after the opening one.
    Unclosed,
}

impl SplitError {
    /// The message shown to the user.
    pub(crate) fn message(&self) -> &'static str {
        match self {
            Self::Empty => "empty file: expected front matter between two `---` lines",
            Self::Missing => "missing front matter: the file must start with a `---` line",
            Self::Unclosed => "unclosed front matter: no closing `---` line",
        }
    }
}

/// Splits `text` (BOM already removed; LF or CRLF line ends).
pub(crate) fn split(text: &str) -> Result<Split, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let mut lines = line_spans(text);
    let first = lines.next().ok_or(SplitError::Missing)?;
    if !is_fence(&text[first.clone()]) {
        return Err(SplitError::Missing);
    }
    let yaml_start = first.end;
    for (index, line) in lines.enumerate() {
        if is_fence(&text[line.clone()]) {
            return Ok(Split {
                yaml: yaml_start..line.start,
                yaml_line: 2,
                body: line.end..text.len(),
                // The opening fence is line 1, the YAML lines follow, then
                // this closing fence: the body starts on the line after it.
                body_line: index + 3,
            });
        }
    }
    Err(SplitError::Unclosed)
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r']).trim_end() == "---"
}

/// Byte ranges of each line, line end included.
fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let span = start..end;
        start = end;
        Some(span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_and_crlf() {
        for text in [
            "---\ntitle: a\n---\nbody\n",
            "---\r\ntitle: a\r\n---\r\nbody\r\n",
        ] {
            let s = split(text).expect("valid front matter");
            assert!(text[s.yaml.clone()].starts_with("title: a"));
            assert!(text[s.body.clone()].starts_with("body"));
            assert_eq!(s.body_line, 4);
        }
    }

    #[test]
    fn reports_empty_missing_unclosed() {
        assert_eq!(split("  \n"), Err(SplitError::Empty));
        assert_eq!(split("title: a\n"), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: a\n"), Err(SplitError::Unclosed));
    }

    #[test]
    fn empty_front_matter_is_allowed() {
        let s = split("---\n---\n").expect("valid");
        assert!(s.yaml.is_empty());
        assert_eq!(s.body_line, 3);
    }
}
