//! Text that YAML quietly cuts: in a plain (unquoted) value, ` #` starts a
//! comment, so `title: Issue #3` reads `Issue` and `summary: #MeToo in
//! France` reads nothing. Valid YAML, so no parser error says so: a warning
//! at the `#` on the keys that hold prose, where a deliberate comment is
//! unlikely and a `#` in the text is not.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::Diagnostic;

use super::SourceFile;

/// Keys whose values are prose: titles, names, summaries, notes, quotes.
const PROSE: [&str; 10] = [
    "title",
    "name",
    "summary",
    "description",
    "note",
    "quote",
    "prefix",
    "suffix",
    "author",
    "annotations_author",
];

/// A warning for each prose value in `file`'s front matter that a `#`
/// cuts short.
pub(super) fn cut_values(file: &SourceFile) -> Vec<Diagnostic> {
    cut_in(&file.path, &file.text, file.split.yaml.clone())
}

/// The same for `dossier.yaml` (`title`, `description`, `author`), all of
/// whose text is YAML.
pub(super) fn cut_settings(path: &Path, text: &str) -> Vec<Diagnostic> {
    cut_in(path, text, 0..text.len())
}

/// A warning for each prose value that a `#` cuts in the YAML at `yaml`
/// in `text`.
fn cut_in(path: &Path, text: &str, yaml: Range<usize>) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut line_start = yaml.start;
    for line in text[yaml].split_inclusive('\n') {
        if let Some(cut) = cut_value(line.trim_end_matches(['\n', '\r'])) {
            let Cut {
                key,
                value,
                hash,
                at,
            } = cut;
            let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
            let kept = value[..hash].trim();
            let message = if kept.is_empty() {
                format!("`{key}` is empty: in YAML, `#` after a space starts a comment")
            } else {
                format!("`{key}` reads `{kept}`: in YAML, `#` after a space starts a comment")
            };
            warnings.push(
                Diagnostic::warning(path, message)
                    .at_offset(text, line_start + at)
                    .with_help(format!("quote the value: `{key}: {quoted}`")),
            );
        }
        line_start += line.len();
    }
    warnings
}

/// A prose value that a comment cuts.
#[derive(Debug, PartialEq, Eq)]
struct Cut<'a> {
    key: &'a str,
    /// The whole value as typed.
    value: &'a str,
    /// Where the `#` is in `value`…
    hash: usize,
    /// …and in the line.
    at: usize,
}

/// The cut in `line`, when it is `key: value` (or `- key: value`) with a
/// prose key and a plain value that a comment cuts.
fn cut_value(line: &str) -> Option<Cut<'_>> {
    let item = line.trim_start();
    let item = item.strip_prefix("- ").map_or(item, str::trim_start);
    let (key, value) = item.split_once(':')?;
    if !PROSE.contains(&key) {
        return None;
    }
    let value_start = value.len() - value.trim_start().len();
    if value_start == 0 && !value.is_empty() {
        // `key:value` is one plain word, not a key.
        return None;
    }
    let value = value.trim();
    // Quoted, flow and block values and tags are YAML's own syntax.
    if value.is_empty() || value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']) {
        return None;
    }
    let hash = if value.starts_with('#') {
        0
    } else {
        value.find(" #").or_else(|| value.find("\t#"))? + 1
    };
    let value_at = line.len() - item.len() + key.len() + 1 + value_start;
    Some(Cut {
        key,
        value,
        hash,
        at: value_at + hash,
    })
}

#[cfg(test)]
mod tests {
    use super::{Cut, cut_value};

    #[test]
    fn comments_that_cut_prose_are_found() {
        let line = "title: Issue #3 of the report";
        assert_eq!(
            cut_value(line),
            Some(Cut {
                key: "title",
                value: "Issue #3 of the report",
                hash: 6,
                at: line.find('#').unwrap()
            })
        );
        let line = "  - quote: #MeToo in France";
        assert_eq!(
            cut_value(line),
            Some(Cut {
                key: "quote",
                value: "#MeToo in France",
                hash: 0,
                at: line.find('#').unwrap()
            })
        );
        for fine in [
            "title: \"Issue #3\"",
            "title: 'Issue #3'",
            "title: C#",
            "date: 2024-06-19 # the day it was signed",
            "# summary: One paragraph",
            "title:",
            "title: |",
            "url: https://x.org/#part",
        ] {
            assert_eq!(cut_value(fine), None, "{fine}");
        }
    }
}
