//! YAML syntax errors in the user's words: the parser says "mapping values
//! are not allowed in this context"; the user needs to hear "quote the
//! value", with the line written out as it should be. Each common mistake
//! is recognised from the parser's message and the line it points at.

/// Where a syntax error really is, and what to write instead.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Hint {
    /// 1-based line and column within the YAML.
    pub line: usize,
    pub column: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// The fix, with the corrected line.
    pub help: String,
}

/// Explains the parser's `message` at `line`:`column` of `yaml`, when it is
/// one of the common mistakes.
pub(crate) fn explain(yaml: &str, message: &str, line: usize, column: usize) -> Option<Hint> {
    let lines: Vec<&str> = yaml.lines().collect();
    // The parser may point past the last line (an unclosed quote or list).
    let line = line.clamp(1, lines.len().max(1));
    let text = lines.get(line - 1).copied().unwrap_or_default();
    let hint = |line, column, message: &str, help: String| Hint {
        line,
        column,
        message: message.to_string(),
        help,
    };
    if let Some(tab) = text
        .find('\t')
        .filter(|_| message.contains("tab") || message.contains("cannot start any token"))
    {
        let fixed = text.replace('\t', "  ");
        return Some(hint(
            line,
            char_column(text, tab),
            "a tab in the indentation",
            format!("indent with spaces, not tabs: `{}`", fixed),
        ));
    }
    if let Some(hint) = comment_in_flow(&lines, line, message) {
        return Some(hint);
    }
    if message.starts_with("mapping values are not allowed") {
        let previous = lines[..line - 1]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty());
        let indent = |l: &str| l.len() - l.trim_start().len();
        if let Some(previous) = previous.filter(|p| {
            indent(text) > key_column(p)
                && p.trim_end()
                    .split_once(": ")
                    .is_some_and(|(_, v)| !v.trim().is_empty())
        }) {
            let key = previous[key_column(previous)..]
                .split(':')
                .next()
                .unwrap_or_default();
            return Some(hint(
                line,
                indent(text) + 1,
                "this line is indented under a key that already has its value",
                format!(
                    "line it up with `{key}`: `{}{}`",
                    " ".repeat(key_column(previous)),
                    text.trim_start()
                ),
            ));
        }
        let (key, value) = text.split_once(": ")?;
        return Some(hint(
            line,
            column,
            "a value with `: ` in it must be quoted",
            format!("quote the value: `{key}: {}`", quoted(value.trim())),
        ));
    }
    if message.starts_with("found character that cannot start any token") {
        let found = text.chars().nth(column.checked_sub(1)?)?;
        let (key, value) = text.split_once(": ")?;
        return Some(hint(
            line,
            column,
            &format!("a value cannot start with `{found}`"),
            format!("quote the value: `{key}: {}`", quoted(value.trim())),
        ));
    }
    if message.starts_with("did not find expected key") {
        if text.trim_start().starts_with("- ") {
            return Some(hint(line, text.len() - text.trim_start().len() + 1, "a list item where a key was expected", "a list goes under its key, indented: `key:` on one line, then `  - item` on the next; or write the key: `key: value`".to_string()));
        }
        let (key, value) = text.split_once(": ")?;
        let value = value.trim();
        let quote = value.chars().next().filter(|c| *c == '\'' || *c == '"')?;
        let inner = value[1..].find(quote)? + 1;
        // `summary: "ok"` is right: the quote it closes opened on a line
        // above (`title: "Unclosed title`), which is what to fix.
        if inner == value.len() - 1 {
            // Nothing above opens one: the parser's own message is better
            // than a help that writes this right line out again.
            return unclosed_quote(&lines[..line - 1]);
        }
        let offset = text.len() - text.trim_start().len() + key.trim_start().len() + 2 + inner;
        let inside = &value[1..value.len() - 1];
        let (doubled, other) = if quote == '\'' {
            (
                format!("'{}'", inside.replace('\'', "''")),
                format!("\"{inside}\""),
            )
        } else {
            (
                format!("\"{}\"", inside.replace('"', "\\\"")),
                format!("'{inside}'"),
            )
        };
        return Some(hint(
            line,
            char_column(text, offset),
            &format!("a `{quote}` inside a value quoted with `{quote}` ends it"),
            format!("write `{key}: {doubled}` or `{key}: {other}`"),
        ));
    }
    if message.starts_with("did not find expected ',' or '}'")
        && text[byte_offset(text, column)..].starts_with(':')
    {
        // `{quote: x, note: selon: Reuters}`: the second `: ` of an entry.
        let at = byte_offset(text, column);
        let start = text[..at].rfind(['{', ',']).map_or(0, |i| i + 1);
        let end = text[at..].find([',', '}']).map_or(text.len(), |i| at + i);
        let (key, value) = text[start..end].split_once(": ")?;
        let fixed = format!(
            "{}{key}: {}{}",
            &text[..start],
            quoted(value.trim()),
            &text[end..]
        );
        return Some(hint(
            line,
            column,
            "a value with `: ` in it must be quoted",
            format!("quote the value: `{}`", fixed.trim_end()),
        ));
    }
    if message.starts_with("did not find expected ',' or ']'")
        || message.starts_with("did not find expected ',' or '}'")
    {
        let (open, close) = if message.ends_with(']') || message.contains("']'") {
            ('[', ']')
        } else {
            ('{', '}')
        };
        let (at, opened) = lines[..line]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, l)| l.matches(open).count() > l.matches(close).count())?;
        let column = opened.rfind(open)?;
        return Some(hint(
            at + 1,
            char_column(opened, column),
            &format!("`{open}` is not closed"),
            format!("close it on the same line: `{}{close}`", opened.trim_end()),
        ));
    }
    if message.starts_with("found unexpected end of stream") {
        return unclosed_quote(&lines);
    }
    None
}

/// The last of `lines` whose value opens a quote and does not close it:
/// YAML reads on over the next lines, to the next quote of the same kind,
/// and the parser stumbles there, or at the end.
fn unclosed_quote(lines: &[&str]) -> Option<Hint> {
    // Unclosed: its quote is not written again on the line (`title:
    // "Reuters" # wire` is closed, whatever follows).
    let (at, opened) = lines.iter().enumerate().rev().find(|(_, l)| {
        l.split_once(": ").is_some_and(|(_, v)| {
            let v = v.trim();
            v.chars()
                .next()
                .filter(|q| matches!(q, '"' | '\''))
                .is_some_and(|q| !v[1..].contains(q))
        })
    })?;
    let (key, value) = opened.split_once(": ")?;
    let column = opened.len() - value.trim_start().len();
    let quote = &value.trim()[..1];
    Some(Hint {
        line: at + 1,
        column: char_column(opened, column),
        message: "a quote is not closed".to_string(),
        help: format!(
            "close it on the same line: `{key}: {}{quote}`",
            value.trim()
        ),
    })
}

/// The column where the key of `line` starts, after any `- ` of list
/// items: a line indented past it is indented under that key's value.
fn key_column(line: &str) -> usize {
    let mut column = line.len() - line.trim_start().len();
    let mut rest = line.trim_start();
    while let Some(after) = rest.strip_prefix("- ") {
        column += rest.len() - after.trim_start().len();
        rest = after.trim_start();
    }
    column
}

/// A `#` after a space inside `[…]` or `{…}` starts a comment, which hides
/// the closing bracket: the parser then stumbles further on. Found on the
/// line where the bracket opened, at or before the error's `line`.
fn comment_in_flow(lines: &[&str], line: usize, message: &str) -> Option<Hint> {
    let stumbled = [
        "did not find expected node content",
        "did not find expected ',' or",
        "found unexpected end of stream",
        "while parsing a flow",
    ];
    if !stumbled.iter().any(|m| message.starts_with(m)) {
        return None;
    }
    for (index, text) in lines[..line.min(lines.len())].iter().enumerate().rev() {
        let Some(hash) = text
            .char_indices()
            .find(|&(i, c)| c == '#' && text[..i].ends_with([' ', '\t']))
            .map(|(i, _)| i)
        else {
            continue;
        };
        let before = &text[..hash];
        let open = before.matches(['[', '{']).count() > before.matches([']', '}']).count();
        if !open {
            // A comment after a complete value: the writer's own.
            return None;
        }
        let end = text[hash..]
            .find([',', ']', '}'])
            .map_or(text.len(), |i| hash + i);
        let word = text[hash..end].trim_end();
        let mut fixed = format!("{before}{}{}", quoted(word), &text[end..]);
        let opened = before.matches('[').count() > before.matches(']').count();
        if !text[end..].contains([']', '}']) {
            fixed.push(if opened { ']' } else { '}' });
        }
        return Some(Hint {
            line: index + 1,
            column: char_column(text, hash),
            message: "`#` after a space starts a comment, which hides the rest of the line"
                .to_string(),
            help: format!("quote it: `{}`", fixed.trim_end()),
        });
    }
    None
}

/// The byte offset of 1-based character `column` of `line`.
fn byte_offset(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

/// `value` in double quotes, or in single ones when it holds a `"`.
pub(crate) fn quoted(value: &str) -> String {
    if value.contains('"') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    }
}

/// The 1-based column, in characters, of byte `offset` of `line`.
fn char_column(line: &str, offset: usize) -> usize {
    line[..offset.min(line.len())].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help(yaml: &str, message: &str, line: usize, column: usize) -> (usize, usize, String) {
        let hint = explain(yaml, message, line, column).expect("explained");
        (hint.line, hint.column, hint.help)
    }

    #[test]
    fn common_mistakes_get_the_line_to_write() {
        let (_, column, fix) = help(
            "title: Reuters: Two more lines damaged\n",
            "mapping values are not allowed in this context",
            1,
            15,
        );
        assert_eq!(column, 15);
        assert_eq!(
            fix,
            "quote the value: `title: \"Reuters: Two more lines damaged\"`"
        );
        let (_, column, fix) = help("summary: 'it's over'\n", "did not find expected key", 1, 14);
        assert_eq!(column, 13);
        assert_eq!(
            fix,
            "write `summary: 'it''s over'` or `summary: \"it's over\"`"
        );
        let (line, column, fix) = help("tags: [a, b\n", "did not find expected ',' or ']'", 1, 12);
        assert_eq!((line, column), (1, 7));
        assert_eq!(fix, "close it on the same line: `tags: [a, b]`");
        let (_, _, fix) = help(
            "title: A\n  date: 2024-01-01\n",
            "mapping values are not allowed in this context",
            2,
            7,
        );
        assert_eq!(fix, "line it up with `title`: `date: 2024-01-01`");
        let (_, column, fix) = help(
            "title: A\n\tsummary: x\n",
            "found a tab character that violates indentation",
            2,
            1,
        );
        assert_eq!(column, 1);
        assert!(fix.starts_with("indent with spaces, not tabs"), "{fix}");
        let (_, _, fix) = help(
            "summary: @home\n",
            "found character that cannot start any token",
            1,
            10,
        );
        assert_eq!(fix, "quote the value: `summary: \"@home\"`");
        let (line, column, fix) = help(
            "summary: \"open\ntitle: t\n",
            "found unexpected end of stream",
            3,
            1,
        );
        assert_eq!((line, column), (1, 10));
        assert_eq!(fix, "close it on the same line: `summary: \"open\"`");
        // The quote runs on to the next one, where the parser stumbles.
        let (line, column, fix) = help(
            "title: \"Unclosed title\ndate: 2024-01-01\nsummary: \"ok\"\n",
            "did not find expected key",
            3,
            13,
        );
        assert_eq!((line, column), (1, 8));
        assert_eq!(
            fix,
            "close it on the same line: `title: \"Unclosed title\"`"
        );
        // A closed value with a comment after it is not the one.
        let (line, _, fix) = help(
            "source: \"Reuters\" # wire\ntitle: \"Unclosed title\ndate: 2024-01-01\nsummary: \"ok\"\n",
            "did not find expected key",
            4,
            13,
        );
        assert_eq!(line, 2);
        assert_eq!(
            fix,
            "close it on the same line: `title: \"Unclosed title\"`"
        );
        // No quote left open above: no hint that repeats the right line.
        assert_eq!(
            explain("summary: \"ok\"\n", "did not find expected key", 1, 13),
            None
        );
        let (_, _, fix) = help(
            "annotations:\n  - quote: a\n    note: b: c\n",
            "mapping values are not allowed in this context",
            3,
            12,
        );
        assert_eq!(fix, "quote the value: `    note: \"b: c\"`");
    }
}
