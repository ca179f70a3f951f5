//! `dossier import`: collected pages, web addresses and pasted text turned
//! into articles, with the original kept under `sources/`.

#[allow(dead_code)] // until the command lands
mod extract;

/// The Markdown `import` writes for a page, for the extraction benchmark.
pub(crate) fn extract_markdown(html: &str, url: Option<&str>) -> Option<String> {
    extract::from_html(html, url)
        .ok()
        .map(|found| found.markdown)
}
