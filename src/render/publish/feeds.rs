//! The files other programs read: the Atom feed, the sitemap and
//! `robots.txt`.

use super::{instant, rfc3339, url};
use crate::config::Config;
use crate::date::DateValue;
use crate::model::Article;

/// Entries in the feed: the newest, as most sites do.
pub(crate) const FEED_ENTRIES: usize = 20;

/// One entry of the feed, as its page's kind gives it (see
/// `pages::FileKind::feed_entry`).
pub(in crate::render) struct FeedEntry {
    pub title: String,
    /// The page's address.
    pub page: String,
    /// The original's address, when the page copies one.
    pub via: Option<String>,
    pub published: DateValue,
    pub updated: DateValue,
    /// Its tags' names.
    pub categories: Vec<String>,
    pub summary_html: Option<String>,
    /// The page's text, its links to the site made absolute, as some feed
    /// readers ignore xml:base (kept for the links within the page).
    pub html: String,
    /// The text's language code.
    pub lang: String,
}

/// `/atom.xml`: `entries`, newest first, with their text.
pub(in crate::render) fn atom(config: &Config, entries: &[FeedEntry], base: &str) -> Vec<u8> {
    let updated = entries
        .iter()
        .map(|entry| entry.updated.clone())
        .max_by_key(instant)
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| rfc3339(&d));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        config.language.code()
    ));
    xml.push_str(&format!("<title>{}</title>\n", escape(&config.title)));
    if !config.description.is_empty() {
        xml.push_str(&format!(
            "<subtitle>{}</subtitle>\n",
            escape(&config.description)
        ));
    }
    xml.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&format!("{base}atom.xml"))
    ));
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(base)
    ));
    xml.push_str(&format!("<id>{}</id>\n", escape(base)));
    xml.push_str(&format!("<updated>{updated}</updated>\n"));
    // Atom requires an author for the feed; the dossier's own, where
    // dossier.yaml names one, rather than the site's title.
    let author = if config.author.is_empty() {
        &config.title
    } else {
        &config.author
    };
    xml.push_str(&format!(
        "<author><name>{}</name></author>\n",
        escape(author)
    ));
    xml.push_str("<generator>dossier</generator>\n");
    for entry in entries {
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<title>{}</title>\n", escape(&entry.title)));
        xml.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&entry.page)
        ));
        if let Some(url) = &entry.via {
            xml.push_str(&format!("<link rel=\"via\" href=\"{}\"/>\n", escape(url)));
        }
        xml.push_str(&format!("<id>{}</id>\n", escape(&entry.page)));
        xml.push_str(&format!(
            "<published>{}</published>\n",
            rfc3339(&entry.published)
        ));
        xml.push_str(&format!("<updated>{}</updated>\n", rfc3339(&entry.updated)));
        for category in &entry.categories {
            xml.push_str(&format!("<category term=\"{}\"/>\n", escape(category)));
        }
        if let Some(summary) = &entry.summary_html {
            xml.push_str(&format!(
                "<summary type=\"html\">{}</summary>\n",
                escape(summary)
            ));
        }
        xml.push_str(&format!(
            "<content type=\"html\" xml:base=\"{}\" xml:lang=\"{}\">{}</content>\n",
            escape(&entry.page),
            escape(&entry.lang),
            escape(&entry.html)
        ));
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml.into_bytes()
}

/// A page listed in the sitemap.
pub(in crate::render) struct SitemapEntry {
    /// Its path in the output.
    pub path: String,
    /// The day it last changed, as `lastmod` wants it, when known.
    pub last_changed: Option<String>,
}

/// `/sitemap.xml`: every page of `pages`, those that say so with the day
/// they last changed.
pub(in crate::render) fn sitemap(base: &str, pages: &[SitemapEntry]) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        xml.push_str(&format!(
            "<url><loc>{}</loc>",
            escape(&url(base, &page.path))
        ));
        if let Some(day) = &page.last_changed {
            xml.push_str(&format!("<lastmod>{day}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml.into_bytes()
}

/// `/sitemap.xml` as an index of the sitemap files at `parts` (paths in
/// the output), for a site of more addresses than one file may hold.
pub(in crate::render) fn sitemap_index(base: &str, parts: &[String]) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in parts {
        xml.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&url(base, part))
        ));
    }
    xml.push_str("</sitemapindex>\n");
    xml.into_bytes()
}

/// When the article's page last changed, for feed readers and crawlers:
/// its last commit, or else the source's own revision, or its date.
pub(in crate::render) fn last_changed(article: &Article) -> &DateValue {
    article
        .committed
        .as_ref()
        .map(|dates| &dates.changed)
        .or(article.updated.as_ref())
        .unwrap_or(&article.date)
}

/// `/robots.txt`: everything may be crawled; the sitemap is named when
/// there is one.
pub(in crate::render) fn robots(base: Option<&str>) -> Vec<u8> {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = base {
        text.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    text.into_bytes()
}

/// Text for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Characters XML 1.0 forbids even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sitemap_index_names_each_part_by_its_address() {
        let parts = ["sitemap-1.xml".to_string(), "sitemap-2.xml".to_string()];
        let xml =
            String::from_utf8(sitemap_index("https://example.org/d/", &parts)).expect("UTF-8");
        let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "sitemapindex");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.sitemaps.org/schemas/sitemap/0.9")
        );
        let locs: Vec<&str> = (root.descendants())
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            locs,
            [
                "https://example.org/d/sitemap-1.xml",
                "https://example.org/d/sitemap-2.xml"
            ]
        );
    }

    #[test]
    fn xml_escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a<b>&\"'\u{1}\u{fffe}\u{ffff}"),
            "a&lt;b&gt;&amp;&quot;&apos;"
        );
    }
}
