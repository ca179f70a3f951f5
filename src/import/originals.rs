//! The originals under `sources/` that imported articles name: `check`
//! verifies that each is there, unchanged since import (its SHA-256), and
//! that every note's quote is in its visible text, so that what is
//! published is faithful to what was collected; `import` looks through
//! the articles' addresses and digests to refuse a duplicate.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, relative_to};
use crate::model::{Article, Dossier, Original};
use crate::notes::{self, Block, Mismatch, Quote};

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub(crate) fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            use std::fmt::Write as _;
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Whether an original is a page (by its extension), whose visible text
/// is its text without tags.
pub(crate) fn is_html_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

/// What a reader sees of an original: for a page, its text without tags;
/// white space folded.
pub(crate) fn visible_text(path: &Path, bytes: &[u8], charset: Option<&str>) -> String {
    let decoded = super::charset::decode(bytes, None, charset);
    if is_html_path(path) {
        super::page::visible_text(&decoded.text)
    } else {
        crate::spaces::collapse(&decoded.text)
    }
}

/// Errors for originals missing or changed, warnings for quotes not in
/// them, for every article of `dossier` that names one.
pub(crate) fn verify(dossier: &Dossier, root: &Path) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for article in &dossier.articles {
        if let Some(original) = article.source.as_ref().and_then(|s| s.original.as_ref()) {
            verify_one(article, original, root, &mut found);
        }
    }
    found
}

fn verify_one(article: &Article, original: &Original, root: &Path, found: &mut Vec<Diagnostic>) {
    let path = Path::new(&original.path);
    let bytes = match std::fs::read(root.join(path)) {
        Ok(bytes) => bytes,
        Err(error) => {
            let message = if error.kind() == std::io::ErrorKind::NotFound {
                format!("the original `{}` is missing", original.path)
            } else {
                format!("cannot read the original `{}`: {error}", original.path)
            };
            found.push(
                article
                    .file
                    .error_at_value("original", &original.path, message)
                    .with_help(format!(
                        "put the collected file back (in git: `git checkout -- {}`), or correct \
                         the path",
                        original.path
                    )),
            );
            return;
        }
    };
    if let Some(expected) = &original.sha256 {
        let actual = sha256(&bytes);
        if &actual != expected {
            found.push(
                article
                    .file
                    .error_at_value(
                        "sha256",
                        expected,
                        format!(
                            "the original `{}` has changed since it was imported: its SHA-256 is \
                             now {actual}",
                            original.path
                        ),
                    )
                    .with_help(format!(
                        "put the collected file back (in git: `git checkout -- {}`); if you \
                         replaced it on purpose, write `sha256: {actual}`",
                        original.path
                    )),
            );
        }
    }
    if article.notes.is_empty() {
        return;
    }
    let blocks = [Block {
        text: visible_text(path, &bytes, original.charset.as_deref()),
        source: 0,
    }];
    for (index, note) in article.notes.iter().enumerate() {
        let quote = Quote {
            exact: &note.quote,
            prefix: None,
            suffix: None,
        };
        if let Err(Mismatch::Nowhere) = notes::locate(quote, &blocks) {
            found.push(
                article
                    .file
                    .error_in_item(
                        "annotations",
                        index,
                        "quote",
                        &note.quote,
                        format!(
                            "annotation {}: the quote is not in the original `{}`",
                            index + 1,
                            original.path
                        ),
                    )
                    .with_help(
                        "the article's text says something the collected page does not: compare \
                         the passage with the original, and correct the text or the quote",
                    )
                    .into_warning(),
            );
        }
    }
}

/// An article's address and digest as its front matter records them,
/// for finding a duplicate.
#[derive(Debug)]
pub(crate) struct Recorded {
    /// Relative to the root.
    pub path: PathBuf,
    pub url: Option<String>,
    pub sha256: Option<String>,
}

/// The front matter keys read for that: anything else is let through, since
/// a broken article is `check`'s to report.
#[derive(Deserialize)]
struct Keys {
    source: Option<SourceKeys>,
}

#[derive(Deserialize)]
struct SourceKeys {
    url: Option<String>,
    sha256: Option<String>,
}

/// The address and digest of every article under `content/articles/`.
pub(crate) fn recorded(root: &Path) -> Vec<Recorded> {
    walkdir::WalkDir::new(root.join("content/articles"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|entry| {
            let text = std::fs::read_to_string(entry.path()).ok()?;
            let split = crate::load::front_matter::split(&text).ok()?;
            let keys: Keys = serde_yaml::from_str(&text[split.yaml]).ok()?;
            let source = keys.source?;
            Some(Recorded {
                path: relative_to(entry.path(), root),
                url: source.url,
                sha256: source.sha256,
            })
        })
        .collect()
}

/// The article that has `url` (a trailing `/` aside) or `sha256`.
pub(crate) fn duplicate<'a>(
    recorded: &'a [Recorded],
    urls: &[&str],
    sha256: Option<&str>,
) -> Option<&'a Recorded> {
    let same = |a: &str, b: &str| a.trim_end_matches('/') == b.trim_end_matches('/');
    recorded.iter().find(|c| {
        c.url
            .as_deref()
            .is_some_and(|u| urls.iter().any(|url| same(u, url)))
            || (sha256.is_some() && c.sha256.as_deref() == sha256)
    })
}
