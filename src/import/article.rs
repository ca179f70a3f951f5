//! The article file `import` writes: its front matter from what the page
//! says (each value quoted for YAML), and where it goes, by `new`'s rules
//! (`content/articles/<year>/<slug>.md`, the slug from the title), beside
//! its original under `sources/<year>/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::load::yaml::scalar;
use crate::scaffold;

/// Everything the front matter says.
#[derive(Debug)]
pub(crate) struct Fields {
    pub title: String,
    /// `2024-06-19`, or `2024-06`; `None`: not found, today's is written
    /// with a comment.
    pub date: Option<String>,
    pub summary: Option<String>,
    pub lang: Option<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    pub site: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub accessed: Date,
    /// `sources/…`.
    pub original: String,
    pub sha256: String,
    /// Written when the original is not UTF-8 and does not say so itself.
    pub charset: Option<String>,
}

/// The article's text: front matter, then the Markdown body.
pub(crate) fn text(fields: &Fields, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str("---\n");
    let line = |out: &mut String, key: &str, value: &str| {
        let _ = writeln!(out, "{key}: {}", scalar(value));
    };
    line(&mut out, "title", &fields.title);
    match &fields.date {
        Some(date) => {
            let _ = writeln!(out, "date: {date}");
        }
        None => {
            let _ = writeln!(
                out,
                "date: {}  # not found in the page: the day it was imported; write the date it was published",
                fields.accessed
            );
        }
    }
    if let Some(summary) = &fields.summary {
        line(&mut out, "summary", summary);
    }
    if let Some(lang) = &fields.lang {
        line(&mut out, "lang", lang);
    }
    if !fields.tags.is_empty() {
        out.push_str("tags:\n");
        for tag in &fields.tags {
            let _ = writeln!(out, "  - {}", scalar(tag));
        }
    }
    if fields.draft {
        out.push_str(
            "draft: true  # `dossier serve` and `build --drafts` show it; delete this line to publish it\n",
        );
    }
    out.push_str("source:\n");
    let mut source = |key: &str, value: &str| {
        let _ = writeln!(out, "  {key}: {}", scalar(value));
    };
    if let Some(site) = &fields.site {
        source("name", site);
    }
    if let Some(url) = &fields.url {
        source("url", url);
    }
    if let Some(author) = &fields.author {
        source("author", author);
    }
    if let Some(date) = &fields.date {
        source("published", date);
    }
    source("accessed", &fields.accessed.to_string());
    source("original", &fields.original);
    source("sha256", &fields.sha256);
    if let Some(charset) = &fields.charset {
        source("charset", charset);
    }
    out.push_str("---\n");
    out.push_str(body);
    out
}

/// Where an article and its original go.
#[derive(Debug)]
pub(crate) struct Place {
    /// `content/articles/<year>/<slug>.md` under the root.
    pub article: PathBuf,
    /// `sources/<year>/<slug>.<extension>`, relative to the root, with `/`.
    pub original: String,
}

/// The first free place for an article titled `title` (or, when the title
/// gives no slug, named `fallback`) in `year`: the slug `new` would give,
/// then `-2`, `-3`… when an article of that name exists anywhere (as `new`
/// refuses, since the two would share a URL) or its original's name is
/// taken.
pub(crate) fn place(root: &Path, title: &str, fallback: &str, year: i16, extension: &str) -> Place {
    let mut slug = scaffold::file_slug(title);
    if slug.is_empty() {
        slug = scaffold::file_slug(fallback);
    }
    if slug.is_empty() {
        slug = "imported".to_string();
    }
    let articles = root.join("content/articles");
    let year = format!("{year:04}");
    let mut number = 1;
    loop {
        let name = if number == 1 {
            slug.clone()
        } else {
            format!("{slug}-{number}")
        };
        let article = articles.join(&year).join(format!("{name}.md"));
        let original = format!("sources/{year}/{name}.{extension}");
        let taken = article.exists()
            || root.join(&original).exists()
            || scaffold::same_slug(&articles, &name).is_some();
        if !taken {
            return Place { article, original };
        }
        number += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields {
            title: "L'accord : \"historique\"".to_string(),
            date: None,
            summary: Some("# not a comment".to_string()),
            lang: Some("fr".to_string()),
            tags: vec!["yes".to_string(), "Corée du Nord".to_string()],
            draft: true,
            site: Some("Le Monde".to_string()),
            url: Some("https://example.org/a?b=c#d".to_string()),
            author: Some("- Jean".to_string()),
            accessed: jiff::civil::date(2026, 3, 9),
            original: "sources/2026/l-accord.html".to_string(),
            sha256: "a".repeat(64),
            charset: Some("windows-1252".to_string()),
        }
    }

    #[test]
    fn front_matter_reads_back() {
        let text = text(&fields(), "Body.\n");
        let split = crate::load::front_matter::split(&text).expect("front matter");
        let meta: crate::load::meta::ArticleMeta =
            serde_yaml::from_str(&text[split.yaml]).expect("an article's front matter");
        assert_eq!(meta.title, "L'accord : \"historique\"");
        assert_eq!(meta.date.iso(), "2026-03-09");
        assert_eq!(meta.summary.as_deref(), Some("# not a comment"));
        assert_eq!(meta.tags, ["yes", "Corée du Nord"]);
        assert!(meta.draft);
        let source = meta.source.expect("source");
        assert_eq!(source.author.as_deref(), Some("- Jean"));
        assert!(source.published.is_none());
        assert_eq!(
            source.original.expect("original").0,
            "sources/2026/l-accord.html"
        );
        assert_eq!(source.charset.expect("charset").0, "windows-1252");
        assert!(text.contains("# not found in the page"), "{text}");
        assert!(text.ends_with("---\nBody.\n"));
    }
}
