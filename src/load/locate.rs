//! Where things are written in front matter, so that an error points at
//! them: serde_yaml gives a position to a scalar it was reading, and only
//! the start of the enclosing map or list to a problem found once a map or
//! list is read (a key written twice, an empty required value). These
//! helpers find the key or the item from there, or, for checks made after
//! parsing, a value by its text. The one place for YAML positions, with
//! the parser's own marks in `yaml.rs`.

/// The byte offset of 1-based `line` and `column` (in characters).
pub(crate) fn offset(yaml: &str, line: usize, column: usize) -> usize {
    let start: usize = yaml
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let text = yaml[start..].split('\n').next().unwrap_or_default();
    start
        + text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i)
}

/// The 1-based line and column (in characters) of byte `offset`.
pub(crate) fn position(yaml: &str, offset: usize) -> (usize, usize) {
    crate::diagnostic::line_col(yaml, offset)
}

/// Where each `key` of the map that starts at `start` is written (a
/// repeated key is there twice), in block style (`key: value` lines at the
/// indentation of the first key) or flow style (`{key: value}`).
pub(crate) fn keys_in_map(yaml: &str, start: usize, key: &str) -> Vec<usize> {
    let is_key = |at: usize| {
        let text = &yaml[at..];
        let text = text
            .strip_prefix(['"', '\''])
            .map_or(text, |t| t.trim_start_matches(['"', '\'']));
        text.strip_prefix(key)
            .map(|rest| rest.trim_start_matches(['"', '\'']))
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with(':'))
    };
    if yaml[start..].starts_with('{') {
        return flow_entries(yaml, start)
            .into_iter()
            .filter(|&at| is_key(at))
            .collect();
    }
    block_entries(yaml, start, false)
        .into_iter()
        .filter(|&at| is_key(at))
        .collect()
}

/// Where item `index` (0-based) of the list that starts at `start` (its
/// first `-`, or its `[`) is written: its text, or its `-` when it has
/// none. A comment after the `-` counts as the item's place: it is what
/// the writer took for the item.
pub(crate) fn item_in_list(yaml: &str, start: usize, index: usize) -> Option<usize> {
    if yaml[start..].starts_with('[') {
        return flow_entries(yaml, start).get(index).copied();
    }
    let dash = *block_entries(yaml, start, true).get(index)?;
    let after = yaml.get(dash + 1..)?;
    let text = after.trim_start_matches([' ', '\t']);
    if text.starts_with(['\n', '\r']) || text.is_empty() {
        Some(dash)
    } else {
        Some(dash + 1 + after.len() - text.len())
    }
}

/// Where the value of the key written at `key` stands: its first
/// character after `key:`, or the key itself when nothing follows it on
/// its line (or only a comment).
pub(crate) fn value_of_key(yaml: &str, key: usize) -> usize {
    let Some(colon) = yaml[key..].find(':').map(|c| key + c + 1) else {
        return key;
    };
    let after = &yaml[colon..];
    let text = after.trim_start_matches([' ', '\t']);
    if text.is_empty() || text.starts_with(['\n', '\r', '#']) {
        key
    } else {
        colon + after.len() - text.len()
    }
}

/// Where the entries of a block map (`key:` lines) or a block list (`-`
/// lines) that starts at `start` begin: at the column of `start`, up to
/// the first line less indented.
fn block_entries(yaml: &str, start: usize, list: bool) -> Vec<usize> {
    let line_start = yaml[..start].rfind('\n').map_or(0, |i| i + 1);
    let column = start - line_start;
    let mut entries = vec![start];
    let mut offset = line_start
        + yaml[line_start..]
            .find('\n')
            .map_or(yaml.len() - line_start, |i| i + 1);
    for line in yaml[offset.min(yaml.len())..].split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let text = line.trim_start_matches(' ');
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let indent = line.len() - text.len();
        let is_item = text.starts_with('-') && text[1..].starts_with([' ', '\t', '\n', '\r'])
            || text.trim_end() == "-";
        if indent < column || (indent == column && list && !is_item) {
            break;
        }
        if indent == column && list == is_item {
            entries.push(here + indent);
        }
    }
    entries
}

/// Where the entries of the flow list or map opened at `start` (`[`, `{`)
/// begin, each at its first character; quoted text and comments skipped.
fn flow_entries(yaml: &str, start: usize) -> Vec<usize> {
    let bytes = yaml.as_bytes();
    let mut entries = Vec::new();
    let mut depth = 0usize;
    let mut expect = false;
    let mut i = start;
    while i < bytes.len() {
        let c = bytes[i];
        if expect && !c.is_ascii_whitespace() {
            expect = false;
            if !matches!(c, b']' | b'}' | b',') {
                entries.push(i);
            }
        }
        let opens_scalar = || {
            yaml[..i]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|p| "[{,:".contains(p))
        };
        match c {
            b'[' | b'{' => {
                depth += 1;
                expect = depth == 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => expect = true,
            b'"' if opens_scalar() => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if opens_scalar() => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    entries
}

/// Byte offsets of the items (`- ` lines) of the block list under the
/// top-level `list_key`; the end of the front matter closes the last one.
pub(crate) fn list_items(yaml: &str, list_key: &str) -> Vec<usize> {
    let mut items = Vec::new();
    let mut offset = 0;
    let mut inside = false;
    let mut indent = None;
    for line in yaml.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let depth = line.len() - trimmed.len();
        if !inside {
            inside = depth == 0
                && trimmed
                    .strip_prefix(list_key)
                    .is_some_and(|r| r.trim_start().starts_with(':'));
        } else if !trimmed.trim().is_empty() {
            if depth == 0 && !trimmed.starts_with("- ") {
                break;
            }
            if trimmed.starts_with("- ") && indent.is_none_or(|i| i == depth) {
                indent = Some(depth);
                items.push(offset + depth);
            }
        }
        offset += line.len();
    }
    items
}

/// Where `value` stands as a whole YAML scalar after the first `key:`:
/// in block style (`key: value`, `- value`) or flow style (`[a, value]`,
/// `{to: value}`), quoted or not, and not as part of a longer scalar
/// (`kim` is not found in `kim-jong-un`, nor `Korea` in `North Korea`).
pub(crate) fn locate_value(yaml: &str, key: &str, value: &str) -> Option<usize> {
    if value.is_empty() {
        // An empty value is written `""` or `''`.
        return locate_value(yaml, key, "\"\"").or_else(|| locate_value(yaml, key, "''"));
    }
    let from = if key.is_empty() {
        0
    } else {
        let pattern = format!("{key}:");
        yaml.match_indices(&pattern)
            .find(|(i, _)| {
                yaml[..*i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c.is_whitespace() || "{,-".contains(c))
            })
            .map(|(i, _)| i + pattern.len())?
    };
    let opens = |c: char| "[{,:-\"'".contains(c);
    let closes = |c: char| "]},\"'#".contains(c);
    yaml[from..]
        .match_indices(value)
        .map(|(i, _)| from + i)
        .find(|&start| {
            let before = yaml[..start]
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back();
            let after = yaml[start + value.len()..]
                .trim_start_matches([' ', '\t'])
                .chars()
                .next();
            before.is_none_or(|c| c == '\n' || opens(c))
                && after.is_none_or(|c| c == '\n' || c == '\r' || closes(c))
        })
}

/// When serde_yaml gives no place (an error raised outside the parser's
/// reading of a value). Find the value quoted in
/// the message, or else the key, so the user is sent to the right line.
pub(crate) fn guess(yaml: &str, key_path: Option<&str>, message: &str) -> Option<usize> {
    let value = super::yaml::backticked(message)
        .into_iter()
        .next()
        .filter(|v| !v.is_empty());
    let key = key_path
        .and_then(|path| path.rsplit('.').next())
        .map(|k| k.split('[').next().unwrap_or(k))
        .filter(|k| !k.is_empty());
    if let Some(offset) = value.and_then(|v| yaml.find(v)) {
        return Some(offset);
    }
    let key = key?;
    let mut offset = 0;
    for line in yaml.split_inclusive('\n') {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            return Some(offset + (line.len() - trimmed.len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_items_are_found_from_the_start_of_their_map_or_list() {
        let yaml =
            "relations:\n  - {to: a, type: owns, to: b}\n  - to: c\n    type: x\n    to: d\n";
        let flow = yaml.find('{').expect("flow map");
        assert_eq!(keys_in_map(yaml, flow, "to").len(), 2);
        assert_eq!(
            keys_in_map(yaml, flow, "to")[1],
            yaml.find("to: b").expect("b")
        );
        let block = yaml.find("to: c").expect("block map");
        assert_eq!(
            keys_in_map(yaml, block, "to")[1],
            yaml.find("to: d").expect("d")
        );
        let list = yaml.find('-').expect("list");
        assert_eq!(item_in_list(yaml, list, 1), Some(block));
        assert_eq!(item_in_list(yaml, list, 2), None);
        let tags = "tags: [\"a, b\", '', x]\n";
        assert_eq!(item_in_list(tags, 6, 1), tags.find("''"));
        assert_eq!(item_in_list(tags, 6, 2), tags.find('x'));
        let comment = "aliases:\n  - a\n  - #b\n";
        assert_eq!(item_in_list(comment, 11, 1), comment.find('#'));
        assert_eq!(item_in_list("-", 0, 0), Some(0));
        assert_eq!(value_of_key("title:\n", 0), 0);
        assert_eq!(value_of_key("title: \"\"\n", 0), 7);
    }
}
