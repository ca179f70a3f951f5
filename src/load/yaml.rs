//! The one place that talks to the YAML parser, so that it can be swapped
//! in one place, and that turns its errors into diagnostics at the right
//! line of the file (front matter starts below the opening `---`).

use std::path::Path;

use serde::de::DeserializeOwned;

use super::syntax;
use crate::diagnostic::{Diagnostic, nearest};

/// Ends the message of an error raised while a value is read, before its
/// help: the diagnostic shows the two apart.
pub(crate) const HELP: &str = "\n= help: ";

/// Parses `yaml`, which starts on 1-based line `first_line` of `file_text`.
/// Empty YAML is read as an empty map, so that all-optional front matter
/// may be left blank.
pub(crate) fn parse<T: DeserializeOwned>(
    path: &Path,
    file_text: &str,
    yaml: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(yaml)
        .map_err(|error| to_diagnostic(path, file_text, yaml, first_line, &error))
}

/// `text` as a YAML scalar on one line that reads back as exactly `text`
/// (quoted and escaped where YAML needs it: `:`, `"`, `#`, a leading `-`,
/// words such as `yes` or `null`). Line breaks in `text` are the caller's
/// to fold first: the scalar is meant for a `key: value` line.
pub(crate) fn scalar(text: &str) -> String {
    serde_yaml::to_string(text)
        .expect("a string always serializes")
        .trim_end_matches('\n')
        .to_string()
}

fn to_diagnostic(
    path: &Path,
    file_text: &str,
    yaml: &str,
    first_line: usize,
    error: &serde_yaml::Error,
) -> Diagnostic {
    let full = error.to_string();
    // serde_yaml appends " at line L column C" (and more context): the
    // position is shown by the diagnostic itself.
    let message = full.find(" at line ").map_or(full.as_str(), |i| &full[..i]);
    let (message, help) = match message.split_once(HELP) {
        Some((message, help)) => (message, Some(help)),
        None => (message, None),
    };
    let (key_path, message) = split_key_path(message);
    let mut diagnostic = if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = backticked(rest);
        let unknown = names.first().copied().unwrap_or_default();
        let mut d = Diagnostic::error(path, format!("unknown key `{unknown}`{}", in_key(key_path)));
        let known = &names[1..];
        // Only where there is an `extra` map can custom data go.
        let extra = if known.contains(&"extra") {
            "; custom data goes under `extra`"
        } else {
            ""
        };
        let help = match nearest(unknown, known.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?{extra}"),
            None => format!("known keys here: {}{extra}", known.join(", ")),
        };
        d = d.with_help(help);
        d
    } else if let Some(rest) = message.strip_prefix("duplicate field ") {
        let key = backticked(rest).first().copied().unwrap_or_default();
        Diagnostic::error(
            path,
            format!("key `{key}` is written twice{}", in_key(key_path)),
        )
        .with_help("keep one of the two: YAML allows each key once")
    } else if let Some(rest) = message.strip_prefix("missing field ") {
        let key = backticked(rest).first().copied().unwrap_or_default();
        Diagnostic::error(
            path,
            format!("missing required key `{key}`{}", in_key(key_path)),
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        Diagnostic::error(
            path,
            format!("wrong type{}: found {rest}", in_key(key_path)),
        )
    } else {
        let shown = match key_path {
            Some(key) => format!("`{key}`: {message}"),
            None => message.to_string(),
        };
        let help = help.or(message
            .starts_with("invalid date")
            .then_some(crate::date::HELP));
        let diagnostic = Diagnostic::error(path, shown);
        match help {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        }
    };
    let location = error
        .location()
        .map(|l| (l.line(), l.column()))
        .filter(|&place| place != (1, 1));
    if let Some(hint) =
        location.and_then(|(line, column)| syntax::explain(yaml, message, line, column))
    {
        return Diagnostic::error(path, format!("{} (YAML: {message})", hint.message))
            .at_line(file_text, first_line + hint.line - 1, hint.column)
            .with_help(hint.help);
    }
    // A missing key has no place of its own: never "find" its name elsewhere.
    let guess = || {
        if message.starts_with("missing field") {
            None
        } else if let Some(rest) = message.strip_prefix("duplicate field ") {
            repeated_key(yaml, backticked(rest).first()?)
        } else {
            locate(yaml, key_path, message)
        }
    };
    diagnostic = match location.or_else(guess) {
        Some((line, column)) => diagnostic.at_line(file_text, first_line + line - 1, column),
        // No better place: point at the opening `---` so the user looks at
        // the whole block (serde_yaml puts a missing key at 1:1).
        None => diagnostic.at_line(file_text, first_line.saturating_sub(1).max(1), 1),
    };
    diagnostic
}

/// serde_yaml places errors raised by a value's own checks (an invalid
/// date, slug or URL) at the start of the document. Find the value quoted in
/// the message, or else the key, so the user is sent to the right line.
fn locate(yaml: &str, key_path: Option<&str>, message: &str) -> Option<(usize, usize)> {
    let value = backticked(message)
        .into_iter()
        .next()
        .filter(|v| !v.is_empty());
    let key = key_path
        .and_then(|path| path.rsplit('.').next())
        .map(|k| k.split('[').next().unwrap_or(k))
        .filter(|k| !k.is_empty());
    let position = |offset: usize| {
        let before = &yaml[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    };
    if let Some(offset) = value.and_then(|v| yaml.find(v)) {
        return Some(position(offset));
    }
    let key = key?;
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            return Some(position(offset + (line.len() - trimmed.len())));
        }
        offset += line.len();
    }
    None
}

/// Where `key` is written the second time, at the indentation of its first
/// time: serde reports a repeated key at the start of its map.
fn repeated_key(yaml: &str, key: &str) -> Option<(usize, usize)> {
    let mut first_indent = None;
    for (index, line) in yaml.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let is_key = trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'));
        if !is_key {
            continue;
        }
        match first_indent {
            None => first_indent = Some(indent),
            Some(first) if first == indent => return Some((index + 1, indent + 1)),
            Some(_) => {}
        }
    }
    None
}

/// serde_yaml prefixes errors inside nested values with their path
/// (`source.url: …`, `relations[0]: …`).
fn split_key_path(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((path, rest))
            if !path.contains(' ')
                && path
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._[]-".contains(c)) =>
        {
            (Some(path), rest)
        }
        _ => (None, message),
    }
}

fn in_key(key_path: Option<&str>) -> String {
    key_path.map_or_else(String::new, |k| format!(" in `{k}`"))
}

/// The words between backticks, in order.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    use crate::load::meta::ArticleMeta;

    fn error_for(yaml: &str) -> String {
        let file = format!("---\n{yaml}---\n");
        parse::<ArticleMeta>(Path::new("a.md"), &file, yaml, 2)
            .expect_err("invalid front matter")
            .to_string()
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let shown = error_for("title: t\ndate: 2024-01-01\nentites: []\n");
        assert!(
            shown.starts_with("a.md:4:1: error: unknown key `entites`"),
            "{shown}"
        );
        assert!(shown.contains("did you mean `entities`?"), "{shown}");
    }

    #[test]
    fn wrong_type_and_bad_date_have_their_line() {
        let shown = error_for("title: t\ndate: 2024-01-01\ntags: {a: b}\n");
        assert!(shown.starts_with("a.md:4:"), "{shown}");
        assert!(shown.contains("tags"), "{shown}");
        let shown = error_for("title: t\ndate: 2024-13-01\n");
        assert!(shown.starts_with("a.md:3:"), "{shown}");
        assert!(shown.contains("invalid date `2024-13-01`"), "{shown}");
    }

    #[test]
    fn scalars_read_back_as_written_on_one_line() {
        let long = "word ".repeat(60);
        for text in [
            "Kim Jong Un",
            "L'accord : \"historique\"",
            "L’accord : « historique »",
            "# not a comment",
            "- not a list",
            "yes",
            "null",
            "2024-06-19",
            "12",
            "a: b",
            "[a, b]",
            "{a}",
            "tab\there",
            "bell\u{7}del\u{7f}c1\u{85}ls\u{2028}",
            "@at `back` %percent &amp *star !bang |pipe >gt",
            long.trim(),
        ] {
            let yaml = scalar(text);
            assert!(!yaml.contains('\n'), "{text:?} gives {yaml:?}");
            let read: BTreeMap<String, String> =
                serde_yaml::from_str(&format!("title: {yaml}\n")).expect("reads back");
            assert_eq!(read["title"], text, "{yaml}");
        }
    }

    #[test]
    fn a_repeated_key_is_placed_at_its_second_line() {
        let shown = error_for("title: t\ndate: 2024-01-01\nsummary: s\ntitle: u\n");
        assert!(
            shown.starts_with("a.md:5:1: error: key `title` is written twice"),
            "{shown}"
        );
    }

    #[test]
    fn missing_key_points_at_the_front_matter() {
        let shown = error_for("title: t\n");
        assert!(
            shown.starts_with("a.md:1:1: error: missing required key `date`"),
            "{shown}"
        );
    }
}
