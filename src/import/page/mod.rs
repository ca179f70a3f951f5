//! What a collected page says about itself: title, publication date, site,
//! canonical address, author, language and description, from its JSON-LD,
//! its `<meta>` tags, its `<time>` elements and its address, each with
//! where it was found, for the report. The article's text is the
//! extractor's; this reads only the page's own statements about it.

use std::collections::BTreeMap;

use dom_query::Document;

mod dates;
mod json_ld;

pub(crate) use dates::{date_in_text, date_in_url};

/// A value found in the page, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub value: String,
    /// In the report: `JSON-LD datePublished`, `meta article:published_time`.
    pub from: String,
}

impl Found {
    pub(crate) fn new(value: impl Into<String>, from: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            from: from.into(),
        }
    }
}

/// What a page says about itself.
#[derive(Debug, Default, Clone)]
pub(crate) struct Metadata {
    pub title: Option<Found>,
    /// A date as dossier writes them: `2024-06-19`, or `2024-06` from an
    /// address that gives only the month.
    pub published: Option<Found>,
    pub site: Option<Found>,
    /// An absolute http(s) address.
    pub canonical: Option<Found>,
    pub author: Option<Found>,
    pub lang: Option<Found>,
    pub description: Option<Found>,
}

/// Reads what the page `html`, fetched from or saved at `url`, says.
pub(crate) fn metadata(html: &str, url: Option<&str>) -> Metadata {
    let document = Document::from(html);
    let metas = meta_tags(&document);
    let meta = |names: &[&str]| {
        names.iter().find_map(|name| {
            metas
                .get(*name)
                .map(|value| Found::new(value.clone(), format!("meta {name}")))
        })
    };
    let ld = json_ld::article(&document);
    let mut found = Metadata {
        title: ld
            .headline
            .clone()
            .or_else(|| meta(&["og:title", "twitter:title"]))
            .or_else(|| element_text(&document, "h1"))
            .or_else(|| element_text(&document, "title")),
        site: meta(&["og:site_name", "application-name"]).or(ld.publisher.clone()),
        author: ld
            .author
            .clone()
            .or_else(|| {
                meta(&[
                    "author",
                    "parsely-author",
                    "sailthru.author",
                    "dc.creator",
                    "dcterms.creator",
                    "byl",
                ])
            })
            .or_else(|| element_text(&document, "[rel=author], [itemprop=author]")),
        description: meta(&["description", "og:description", "twitter:description"])
            .or(ld.description.clone()),
        ..Metadata::default()
    };
    found.canonical = canonical(&document, &metas).or(ld.url.clone());
    found.published = ld
        .published
        .clone()
        .and_then(|f| dated(&f))
        .or_else(|| {
            PUBLISHED_META.iter().find_map(|name| {
                let value = metas.get(*name)?;
                date_in_text(value).map(|day| Found::new(day, format!("meta {name}")))
            })
        })
        .or_else(|| time_element(&document))
        .or_else(|| {
            let address = found.canonical.as_ref().map(|c| c.value.as_str()).or(url)?;
            date_in_url(address).map(|day| Found::new(day, "the address"))
        });
    found.lang = html_lang(&document).or_else(|| {
        meta(&["content-language", "og:locale", "dc.language"]).and_then(|f| {
            let tag = f.value.replace('_', "-");
            is_language_tag(&tag).then(|| Found::new(tag, f.from))
        })
    });
    found.author = found.author.and_then(|a| {
        let name = without_by(&a.value);
        // `article:author` and some `author` tags hold a profile's address.
        (!name.is_empty() && !name.starts_with("http")).then(|| Found::new(name, a.from))
    });
    for field in [&mut found.title, &mut found.site, &mut found.description] {
        *field = field.take().and_then(|f| {
            let value = crate::spaces::collapse(f.value.trim());
            (!value.is_empty()).then(|| Found::new(value, f.from))
        });
    }
    found
}

/// `<meta>` names read for the publication date, most specific first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "publish-date",
    "pubdate",
    "date",
];

/// Every `<meta>` with a `name`, `property` or `itemprop`, by that name in
/// lowercase (`DC.date` and `dc.date` alike); the first of a name wins.
fn meta_tags(document: &Document) -> BTreeMap<String, String> {
    let mut metas = BTreeMap::new();
    for node in document.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        for key in ["name", "property", "itemprop", "http-equiv"] {
            if let Some(name) = node.attr(key) {
                metas
                    .entry(name.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.trim().to_string());
            }
        }
    }
    metas
}

/// The text of the first element `selector` matches, if any.
fn element_text(document: &Document, selector: &str) -> Option<Found> {
    let selection = document.select(selector);
    let node = selection.nodes().first()?;
    let text = crate::spaces::collapse(node.text().trim());
    let name = node.node_name().map_or_else(String::new, |n| n.to_string());
    (!text.is_empty()).then(|| Found::new(text, format!("<{name}>")))
}

/// `<link rel="canonical">`, else `og:url`: absolute http(s) addresses only.
fn canonical(document: &Document, metas: &BTreeMap<String, String>) -> Option<Found> {
    let link = document
        .select("link[rel=canonical]")
        .attr("href")
        .map(|href| Found::new(href.trim(), "<link rel=canonical>"));
    let og = metas
        .get("og:url")
        .map(|u| Found::new(u.clone(), "meta og:url"));
    [link, og]
        .into_iter()
        .flatten()
        .find(|f| is_web_address(&f.value))
}

/// An absolute http(s) address, as `source.url` accepts.
pub(crate) fn is_web_address(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or("");
    !rest.is_empty() && !text.chars().any(char::is_whitespace)
}

/// The first `<time datetime>` that gives a date; one marked as the
/// publication date (`itemprop=datePublished`, `pubdate`) first.
fn time_element(document: &Document) -> Option<Found> {
    let marked = document.select("time[itemprop=datePublished], time[pubdate]");
    let all = document.select("time[datetime]");
    marked.nodes().iter().chain(all.nodes()).find_map(|node| {
        let value = node.attr("datetime")?;
        date_in_text(&value).map(|day| Found::new(day, "<time datetime>"))
    })
}

/// A JSON-LD date made a day.
fn dated(found: &Found) -> Option<Found> {
    date_in_text(&found.value).map(|day| Found::new(day, found.from.clone()))
}

/// `<html lang>`, when it is a language tag.
fn html_lang(document: &Document) -> Option<Found> {
    let lang = document.select("html").attr("lang")?;
    let tag = lang.trim().replace('_', "-");
    is_language_tag(&tag).then(|| Found::new(tag, "<html lang>"))
}

/// A BCP 47 tag as `lang:` accepts it.
fn is_language_tag(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// An author's name without the "By " or "Par " a byline starts with.
fn without_by(name: &str) -> String {
    let name = crate::spaces::collapse(name.trim());
    for by in ["by ", "par "] {
        // `get`, not indexing: the name may start with a letter of more
        // than one byte (`Гость`), where `by.len()` falls inside it.
        if name.len() > by.len()
            && name
                .get(..by.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(by))
        {
            return name[by.len()..].trim().to_string();
        }
    }
    name
}

/// The text a reader sees in `html`: scripts, styles and the head left
/// out, a space at each element that is not inline (so `a<br>b` is two
/// words), white space folded. What `check` looks for notes' quotes in.
pub(crate) fn visible_text(html: &str) -> String {
    let document = Document::from(html);
    document
        .select("head, script, style, noscript, template, svg")
        .remove();
    let mut text = String::with_capacity(html.len() / 2);
    // A stack rather than recursion: a page may nest elements deeply.
    let mut stack = vec![Some(document.root())];
    while let Some(next) = stack.pop() {
        let Some(node) = next else {
            crate::spaces::push_collapsed(&mut text, " ");
            continue;
        };
        if node.is_text() {
            crate::spaces::push_collapsed(&mut text, &node.text());
            continue;
        }
        let block = node.is_element() && !node.node_name().is_some_and(|n| INLINE.contains(&&*n));
        if block {
            crate::spaces::push_collapsed(&mut text, " ");
            stack.push(None);
        }
        stack.extend(node.children_it(true).map(Some));
    }
    text.trim().to_string()
}

/// Elements inside a line of text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

#[cfg(test)]
mod tests;
