//! The report `import` prints on standard error for each source written:
//! the file, the title and date with where each was found, the words kept,
//! each block removed as boilerplate, and each field not found, so that
//! what to check by hand is in front of the user.

use std::fmt::Write as _;

use super::article::{Fields, Place};
use super::charset::Decoded;
use super::extract::Extracted;
use super::page::{Found, Metadata};

/// A report begun before the file is written.
pub(super) struct Report {
    text: String,
    not_found: Vec<&'static str>,
    title_from: Option<String>,
    date_from: Option<String>,
}

/// Characters of a removed block shown.
const FIRST_WORDS: usize = 60;

impl Report {
    pub(super) fn new(
        source: &str,
        found: &Metadata,
        decoded: &Decoded,
        extracted: &Extracted,
    ) -> Self {
        let mut text = String::new();
        let _ = writeln!(text, "{source}:");
        let words = extracted
            .markdown
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let _ = writeln!(text, "  words kept: {words}");
        if !extracted.removed.is_empty() {
            let _ = writeln!(
                text,
                "  removed as boilerplate ({}):",
                extracted.removed.len()
            );
            for block in &extracted.removed {
                let _ = writeln!(text, "    - {}", first_words(block));
            }
        }
        if decoded.charset != "UTF-8" {
            let _ = writeln!(
                text,
                "  character set: {} (declared by {})",
                decoded.charset, decoded.declared_by
            );
        }
        let mut not_found = Vec::new();
        for (name, field) in [
            ("title", &found.title),
            ("date", &found.published),
            ("author", &found.author),
            ("summary", &found.description),
        ] {
            if field.is_none() {
                not_found.push(name);
            }
        }
        Self {
            text,
            not_found,
            title_from: found.title.as_ref().map(|f| f.from.clone()),
            date_from: found.published.as_ref().map(|f| f.from.clone()),
        }
    }

    /// The whole report, once the article is written.
    pub(super) fn finish(
        mut self,
        place: &Place,
        fields: &Fields,
        site: Option<&Found>,
        lang: Option<&Found>,
    ) -> String {
        let mut head = String::new();
        let _ = writeln!(head, "  wrote {}", place.article.display());
        let _ = writeln!(head, "  original: {}", place.original);
        match &self.title_from {
            Some(from) => {
                let _ = writeln!(head, "  title: {} (from {from})", fields.title);
            }
            None => {
                let _ = writeln!(
                    head,
                    "  title: {} (not found: made from the file name)",
                    fields.title
                );
            }
        }
        match (&fields.date, &self.date_from) {
            (Some(date), Some(from)) => {
                let _ = writeln!(head, "  date: {date} (from {from})");
            }
            (Some(date), None) => {
                let _ = writeln!(head, "  date: {date}");
            }
            (None, _) => {
                let _ = writeln!(
                    head,
                    "  date: {} (not found in the page: the day it was imported; correct it)",
                    fields.accessed
                );
            }
        }
        for (name, value) in [("site", site), ("language", lang)] {
            match value {
                Some(found) => {
                    let _ = writeln!(head, "  {name}: {} (from {})", found.value, found.from);
                }
                None => self.not_found.push(if name == "site" {
                    "source name"
                } else {
                    "lang"
                }),
            }
        }
        if fields.url.is_none() {
            self.not_found.push("address (source url)");
        }
        let mut out = String::new();
        // The source's line first, then what was written, then the rest.
        let (first, rest) = self.text.split_once('\n').unwrap_or((&self.text, ""));
        let _ = writeln!(out, "{first}");
        out.push_str(&head);
        out.push_str(rest);
        if !self.not_found.is_empty() {
            let _ = writeln!(out, "  not found: {}", self.not_found.join(", "));
        }
        out
    }
}

/// The first words of a removed block, cut at a word.
fn first_words(block: &str) -> String {
    let block = crate::spaces::collapse(block);
    if block.chars().count() <= FIRST_WORDS {
        return block;
    }
    let cut: String = block.chars().take(FIRST_WORDS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_removed_blocks_by_their_first_words_and_fields_not_found() {
        let found = Metadata {
            title: Some(Found {
                value: "T".to_string(),
                from: "<title>".to_string(),
            }),
            ..Metadata::default()
        };
        let decoded = Decoded {
            text: String::new(),
            charset: "UTF-8",
            declared_by: "the page",
            declared_inside: true,
        };
        let extracted = Extracted {
            markdown: "One two, three.\n\n*four* -- 5\n".to_string(),
            removed: vec![
                "Subscribe to our newsletter".to_string(),
                "Read more: ".repeat(20),
            ],
        };
        let report = Report::new("page.html", &found, &decoded, &extracted);
        let fields = Fields {
            title: "T".to_string(),
            date: None,
            summary: None,
            lang: None,
            tags: Vec::new(),
            draft: false,
            site: None,
            url: None,
            author: None,
            accessed: jiff::civil::date(2026, 3, 9),
            original: "sources/2026/t.html".to_string(),
            sha256: "0".repeat(64),
            charset: None,
        };
        let place = Place {
            article: "content/articles/2026/t.md".into(),
            original: fields.original.clone(),
        };
        let text = report.finish(&place, &fields, None, None);
        assert!(
            text.starts_with("page.html:\n  wrote content/articles/2026/t.md\n"),
            "{text}"
        );
        assert!(text.contains("  words kept: 5\n"), "{text}");
        assert!(
            text.contains("  removed as boilerplate (2):\n    - Subscribe to our newsletter\n"),
            "{text}"
        );
        assert!(
            text.contains("    - Read more: Read more: Read more: Read more: Read more: Read…\n"),
            "{text}"
        );
        assert!(
            text.ends_with(
                "  not found: date, author, summary, source name, lang, address (source url)\n"
            ),
            "{text}"
        );
    }
}
