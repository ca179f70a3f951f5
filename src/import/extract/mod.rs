//! The article in a collected page or in pasted text: its main text as
//! Markdown, with what sites glue around an article (ads, teasers, bylines,
//! captions, share buttons) taken out, and a list of what was taken out.
//!
//! This is the interface `import` relies on; the body is a placeholder
//! until the extractor lands.

/// The article found in a page or in pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Extracted {
    /// The article's text as Markdown, without its title: blocks separated
    /// by a blank line, ending with one newline.
    pub(crate) markdown: String,
    /// Each block removed as boilerplate, by its first words, in the
    /// order of the page.
    pub(crate) removed: Vec<String>,
}

/// Why a page gives no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoArticle {
    /// In the user's words: "the page has no text but its menus".
    pub(crate) reason: String,
}

/// The article in the HTML page `html` (already decoded), fetched from or
/// saved at `url` when known (relative links and images are made absolute
/// against it).
pub(crate) fn from_html(html: &str, url: Option<&str>) -> Result<Extracted, NoArticle> {
    let _ = (html, url);
    Err(NoArticle {
        reason: "extraction is not written yet".to_string(),
    })
}

/// The article in pasted text: one paragraph per line or per blank-line
/// separated block, cleaned of the same boilerplate as a page.
pub(crate) fn from_text(text: &str) -> Result<Extracted, NoArticle> {
    let markdown: String = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    if markdown.is_empty() {
        return Err(NoArticle {
            reason: "the text is empty".to_string(),
        });
    }
    Ok(Extracted {
        markdown: markdown + "\n",
        removed: Vec::new(),
    })
}
