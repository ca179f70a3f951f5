//! User-facing problems: one type for every error or warning a dossier can
//! produce, carrying the file, line and column it is about.
//!
//! Every stage collects its diagnostics and returns them all at once, so a
//! user sees every mistake of a run, not only the first one.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot go on.
    Error,
    /// Worth telling, but the site is still built.
    Warning,
}

/// One problem in the user's files.
/// Ends the message of an error raised while a value is read (by serde,
/// which carries only a message), before its help: `load::yaml` shows the
/// two apart.
pub(crate) const HELP: &str = "\n= help: ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the dossier's root where possible.
    pub path: PathBuf,
    /// 1-based line and column (in characters), when the problem has a place.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// What to do about it, or what was probably meant.
    pub help: Option<String>,
    /// The source line the position points into, shown under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file.
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            position: None,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// A warning about a whole file.
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    /// Points the diagnostic at a 1-based line and column of `text`, the
    /// whole content of the file, and keeps that line to show it.
    #[must_use]
    pub fn at_line(mut self, text: &str, line: usize, column: usize) -> Self {
        self.position = Some((line.max(1), column.max(1)));
        self.source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// Points the diagnostic at a byte offset of `text`, the whole file.
    #[must_use]
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        self.at_line(text, line, column)
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same problem, as a warning.
    #[must_use]
    pub fn into_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = self.path.display();
        match self.position {
            Some((line, column)) => write!(f, "{path}:{line}:{column}: {kind}: {}", self.message)?,
            None => write!(f, "{path}: {kind}: {}", self.message)?,
        }
        if let (Some((line, column)), Some(source)) = (self.position, &self.source_line) {
            let gutter = line.to_string().len();
            write!(f, "\n {line} | {source}")?;
            let pad: String = source
                .chars()
                .take(column - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n {:gutter$} | {pad}^", "")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// 1-based line and column (counted in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Sorts diagnostics by file and position so that output is stable.
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.severity, &a.path, a.position, &a.message)
            .cmp(&(b.severity, &b.path, b.position, &b.message))
    });
}

/// Shows `path` relative to `root` when it lies inside it.
pub(crate) fn relative_to(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The known word nearest to `word`, if it is close enough to be a likely
/// typo (edit distance at most a third of the word, and at least 2).
pub(crate) fn nearest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    known
        .into_iter()
        .map(|k| (edit_distance(word, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// Up to three ids near `target` (a mistyped id, or a name): compared
/// slugified, so `Vladimir Putn` finds `vladimir-putin`. For "did you mean".
pub(crate) fn nearest_ids<'a>(
    target: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let wanted = slug::slugify(target);
    let mut scored: Vec<(usize, &str)> = ids
        .into_iter()
        .map(|id| (edit_distance(&wanted, id), id))
        .collect();
    scored.sort_unstable();
    // Half the target, and 2 edits for a short one: 3 edits on 5 letters
    // (`draft` for `crlf`) is another word, not a typo.
    let limit = (wanted.chars().count() / 2).max(2);
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(3)
        .map(|(_, id)| id)
        .collect()
}

/// "did you mean `a`, `b`?", or `otherwise` when nothing is near.
pub(crate) fn did_you_mean(near: &[&str], otherwise: &str) -> String {
    if near.is_empty() {
        otherwise.to_string()
    } else {
        let quoted: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
        format!("did you mean {}?", quoted.join(", "))
    }
}

/// Edit distance over characters, where swapping two neighbours counts as
/// one edit (optimal string alignment): `qoute` is one edit from `quote`,
/// two from `note`.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: the one before the previous is needed for a swap.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut row);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\ncé d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'd' is after a two-byte 'é' and a space: third character.
        assert_eq!(line_col(text, 7), (2, 4));
    }

    #[test]
    fn nearest_finds_typos_only() {
        let keys = ["title", "date", "entities", "tags"];
        assert_eq!(nearest("entites", keys), Some("entities"));
        assert_eq!(nearest("titel", keys), Some("title"));
        assert_eq!(nearest("tag", keys), Some("tags"));
        assert_eq!(nearest("colour", keys), None);
        let note = ["quote", "note", "prefix", "suffix", "entities", "tags"];
        assert_eq!(nearest("qoute", note), Some("quote"));
        let entity = ["name", "type", "aliases", "adjectives", "summary", "links"];
        assert_eq!(nearest("aliasses", entity), Some("aliases"));
        assert_eq!(nearest("sumary", entity), Some("summary"));
        assert_eq!(nearest("tpye", entity), Some("type"));
    }

    #[test]
    fn nearest_ids_finds_typos_and_names_not_other_words() {
        let ids = ["vladimir-putin", "crlf", "kim-jong-un", "nato"];
        assert_eq!(nearest_ids("Vladimir Putn", ids), ["vladimir-putin"]);
        assert_eq!(nearest_ids("kim-jong-um", ids), ["kim-jong-un"]);
        assert_eq!(nearest_ids("ntao", ids), ["nato"]);
        assert!(nearest_ids("draft", ids).is_empty());
    }

    #[test]
    fn a_swap_is_one_edit() {
        assert_eq!(edit_distance("qoute", "quote"), 1);
        assert_eq!(edit_distance("qoute", "note"), 2);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn display_shows_place_line_and_help() {
        let d = Diagnostic::error("a.md", "unknown key `entites`")
            .at_line("---\nentites: []\n", 2, 1)
            .with_help("did you mean `entities`?");
        let shown = d.to_string();
        assert!(shown.starts_with("a.md:2:1: error: unknown key `entites`"));
        assert!(shown.contains(" 2 | entites: []"));
        assert!(shown.contains("help: did you mean `entities`?"));
    }
}
