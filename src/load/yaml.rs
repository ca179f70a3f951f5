//! The one place that talks to the YAML parser, so that it can be swapped
//! in one place, and that turns its errors into diagnostics at the right
//! line of the file (front matter starts below the opening `---`).

use std::path::Path;

use serde::de::DeserializeOwned;

use super::locate::{self, guess};
use super::syntax;
use crate::diagnostic::{Diagnostic, HELP, nearest};

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
        Some((message, help)) => (message, Some(help.to_string())),
        None => (message, None),
    };
    let (key_path, message) = split_key_path(message);
    let mark = error.location().map(|l| (l.line(), l.column()));
    let location = mark.filter(|&place| place != (1, 1));
    if let Some(hint) =
        location.and_then(|(line, column)| syntax::explain(yaml, message, line, column))
    {
        return Diagnostic::error(path, format!("{} (YAML: {message})", hint.message))
            .at_line(file_text, first_line + hint.line - 1, hint.column)
            .with_help(hint.help);
    }
    let problem = Problem {
        yaml,
        key_path,
        message,
        help,
        // What serde_yaml finds once a map or a list is read (a key written
        // twice, an empty value) it places at the start of that map or list.
        container: mark.map_or(0, |(line, column)| locate::offset(yaml, line, column)),
        at: location.map(|(line, column)| locate::offset(yaml, line, column)),
    };
    let (shown, help, at) = problem.explain();
    let diagnostic = Diagnostic::error(path, shown);
    let diagnostic = match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    };
    match at {
        Some(offset) => {
            let (line, column) = locate::position(yaml, offset);
            diagnostic.at_line(file_text, first_line + line - 1, column)
        }
        // No better place: point at the opening `---` so the user looks at
        // the whole block (serde_yaml puts a missing key at 1:1).
        None => diagnostic.at_line(file_text, first_line.saturating_sub(1).max(1), 1),
    }
}

/// One error of serde_yaml, taken apart.
struct Problem<'a> {
    yaml: &'a str,
    /// Where in the front matter (`source.url`, `relations[0]`).
    key_path: Option<&'a str>,
    message: &'a str,
    help: Option<String>,
    /// The byte offset serde_yaml gives, or the start of the document.
    container: usize,
    /// The byte offset serde_yaml gives, unless it is the very start.
    at: Option<usize>,
}

impl Problem<'_> {
    /// What to show, its help, and where.
    fn explain(self) -> (String, Option<String>, Option<usize>) {
        let Problem {
            yaml,
            key_path,
            message,
            help,
            container,
            at,
        } = self;
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let names = backticked(rest);
            let unknown = names.first().copied().unwrap_or_default();
            let known = &names[1..];
            // Only where there is an `extra` map can custom data go.
            let extra = if known.contains(&"extra") {
                "; custom data goes under `extra`"
            } else {
                ""
            };
            let help = match nearest(unknown, known.iter().copied()) {
                // `extar`: the key meant is `extra` itself.
                Some("extra") => "did you mean `extra`?".to_string(),
                Some(near) => format!("did you mean `{near}`?{extra}"),
                None => format!("known keys here: {}{extra}", known.join(", ")),
            };
            let shown = format!("unknown key `{unknown}`{}", in_key(key_path));
            return (
                shown,
                Some(help),
                at.or_else(|| guess(yaml, key_path, message)),
            );
        }
        if let Some(rest) = message.strip_prefix("duplicate field ") {
            let key = backticked(rest).first().copied().unwrap_or_default();
            let second = locate::keys_in_map(yaml, container, key).get(1).copied();
            let shown = format!("key `{key}` is written twice{}", in_key(key_path));
            let help = "keep one of the two: YAML allows each key once".to_string();
            return (shown, Some(help), second.or(at));
        }
        if let Some(rest) = message.strip_prefix("missing field ") {
            // A missing key has no place of its own: never "find" its name
            // elsewhere.
            let key = backticked(rest).first().copied().unwrap_or_default();
            let shown = format!("missing required key `{key}`{}", in_key(key_path));
            return (shown, None, at);
        }
        if let Some(key) = message
            .strip_suffix("` is empty")
            .and_then(|m| m.strip_prefix('`'))
        {
            let place = locate::keys_in_map(yaml, container, key)
                .first()
                .map(|&k| locate::value_of_key(yaml, k));
            let shown = format!("{} is empty", words(&join(key_path, key)));
            return (shown, help, place.or(at));
        }
        if let Some(number) = message
            .strip_prefix("item ")
            .and_then(|m| m.strip_suffix(" is empty"))
            .and_then(|n| n.parse::<usize>().ok())
        {
            let place = locate::item_in_list(yaml, container, number - 1);
            let list = key_path.unwrap_or_default();
            let shown = format!("{} is empty", words(&format!("{list}[{}]", number - 1)));
            let help = match place.filter(|&p| yaml[p..].starts_with('#')) {
                Some(p) => {
                    let comment = yaml[p..].lines().next().unwrap_or_default().trim_end();
                    Some(format!(
                        "in YAML, `#` after a space starts a comment: quote the item: `- {}`",
                        syntax::quoted(comment)
                    ))
                }
                None => help,
            };
            return (shown, help, place.or(at));
        }
        if message == "is empty" {
            let shown = format!("{} is empty", words(key_path.unwrap_or_default()));
            return (shown, help, at.or_else(|| guess(yaml, key_path, message)));
        }
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let (shown, help) = wrong_type(yaml, key_path, rest, at);
            return (shown, help, at.or_else(|| guess(yaml, key_path, message)));
        }
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            let names = backticked(rest);
            let key = key_path.map_or("", |k| k.rsplit('.').next().unwrap_or(k));
            let accepted: Vec<String> =
                names[1..].iter().map(|v| format!("`{key}: {v}`")).collect();
            let help = match accepted.split_last() {
                // An item of a list (`exports[1]`) has no key of its own.
                _ if key.ends_with(']') => format!("write {} in its place", or_list(&names[1..])),
                Some((last, [])) => format!("write {last}"),
                Some((last, others)) => format!("write {} or {last}", others.join(", ")),
                None => String::new(),
            };
            let shown = format!(
                "{}: unknown value `{}`",
                words(key_path.unwrap_or(key)),
                names.first().copied().unwrap_or_default()
            );
            let shown = format!("{shown}, expected {}", or_list(&names[1..]));
            return (
                shown,
                Some(help),
                at.or_else(|| guess(yaml, key_path, message)),
            );
        }
        if message == "recursion limit exceeded" {
            let shown =
                "an alias refers to the value it stands in, or values are nested too deeply"
                    .to_string();
            let help = "an alias (`*a`) cannot stand inside the value it names (`&a`): \
                        write the value out"
                .to_string();
            return (shown, Some(help), at);
        }
        let shown = match key_path {
            Some(key) => format!("{}: {message}", words(key)),
            None => message.to_string(),
        };
        let help = help.or_else(|| {
            message
                .starts_with("invalid date")
                .then(|| crate::date::HELP.to_string())
        });
        (shown, help, at.or_else(|| guess(yaml, key_path, message)))
    }
}

/// `a`, `a` or `b`, `a`, `b` or `c`.
fn or_list(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, others)) => format!("{} or {last}", others.join(", ")),
        None => String::new(),
    }
}

/// A value of the wrong type, in the user's words (serde's say `sequence`,
/// `unit value` and the names of Rust structs), with what to write.
fn wrong_type(
    yaml: &str,
    key_path: Option<&str>,
    rest: &str,
    at: Option<usize>,
) -> (String, Option<String>) {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let key = key_path
        .and_then(|p| p.rsplit('.').next())
        .map_or("", |k| k.split('[').next().unwrap_or(k));
    let found_words = match found {
        "sequence" => "a list".to_string(),
        "map" => "a map".to_string(),
        "unit value" => "nothing (null)".to_string(),
        other => other.replacen("string ", "text ", 1),
    };
    let (expected_words, help) = match expected {
        "a sequence" | "a list" => {
            let help = match found.strip_prefix("string ") {
                Some(text) => {
                    let text = serde_yaml::from_str::<String>(text).unwrap_or_default();
                    format!("write a list: `{key}: [{}]`", scalar(&text))
                }
                None => format!("write a list: `{key}: [a, b]`"),
            };
            ("a list", Some(help))
        }
        "struct SourceMeta" => (
            "a map",
            Some("`source` is a map: `source: {name: …, url: …}`".to_string()),
        ),
        "struct NoteMeta" => (
            "a map",
            Some(
                "each annotation is a map with `quote:` and `note:`: `- {quote: …, note: …}`"
                    .to_string(),
            ),
        ),
        "struct RelationMeta" => (
            "a map",
            Some("each relation is a map with `to:` and `type:`: `- {to: …, type: …}`".to_string()),
        ),
        "a string" if found == "map" => {
            // `- Siège: Vlachos` is a map of one key: the `: ` made it one.
            let help = at.map(|at| {
                let line = yaml[at..].lines().next().unwrap_or_default();
                let in_flow = yaml[..at].trim_end().ends_with(['[', ',']);
                let item = if in_flow {
                    line.split([',', ']', '}']).next().unwrap_or(line)
                } else {
                    line
                };
                format!(
                    "quote the text: `{}` (unquoted, its `: ` makes a key and a value)",
                    syntax::quoted(item.trim())
                )
            });
            ("text", help)
        }
        "a boolean" => (
            "`true` or `false`",
            Some(format!("write `{key}: true` or `{key}: false`")),
        ),
        "a map" => (
            "a map",
            Some(format!(
                "write `{key}:` alone on its line, then `name: value` lines indented under it"
            )),
        ),
        other if other.starts_with("struct ") => {
            ("a map", Some("write `key: value` lines".to_string()))
        }
        "a string" => ("text", None),
        other => (other, None),
    };
    let shown = format!(
        "wrong type{}: found {found_words}, expected {expected_words}",
        in_key(key_path)
    );
    (shown, help)
}

/// `key` under `path`, as serde_yaml writes paths.
fn join(path: Option<&str>, key: &str) -> String {
    match path {
        Some(path) => format!("{path}.{key}"),
        None => key.to_string(),
    }
}

/// A key path in the user's words, numbered from 1 as the notes and
/// relations are everywhere: `annotations[1].note` is "annotation 2,
/// `note`", `tags[0]` is "`tags` item 1".
pub(crate) fn words(path: &str) -> String {
    let mut parts = Vec::new();
    let mut plain = Vec::new();
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (name, index) = match segment.split_once('[') {
            Some((name, index)) => (name, index.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        match (name, index) {
            ("annotations" | "relations", Some(i)) if plain.is_empty() => {
                parts.push(format!("{} {}", name.trim_end_matches('s'), i + 1));
            }
            (_, Some(i)) => {
                plain.push(name);
                parts.push(format!("`{}` item {}", plain.join("."), i + 1));
                plain.clear();
            }
            (_, None) => plain.push(name),
        }
    }
    if !plain.is_empty() {
        parts.push(format!("`{}`", plain.join(".")));
    }
    parts.join(", ")
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
    key_path.map_or_else(String::new, |k| format!(" in {}", words(k)))
}

/// The words between backticks, in order.
pub(crate) fn backticked(text: &str) -> Vec<&str> {
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
