//! The article element of an HTML page, as dom_smoothie (a port of
//! Firefox's Readability) finds it, with what the extractor leaves in it
//! and the markup tells apart marked as boilerplate: captions, credits,
//! bylines, share bars, related links, ads, breadcrumbs, comments (by
//! element, ARIA role, or a word of the class or id), and lists whose
//! every item is only a link. Marked, not removed, so that `blocks.rs`
//! reports them in the order of the page.

use dom_query::NodeRef;

/// The attribute that marks an element as boilerplate.
pub(super) const MARK: &str = "data-dossier-boilerplate";

/// Elements that never hold the article's text.
const ELEMENTS: &[&str] = &["figcaption", "button", "nav", "aside", "footer", "form"];

/// ARIA roles that never hold the article's text.
const ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "button",
];

/// Words of a class or id that name boilerplate.
const CLASS_WORDS: &[&str] = &[
    "caption",
    "captions",
    "credit",
    "credits",
    "byline",
    "bylines",
    "author",
    "authors",
    "dateline",
    "timestamp",
    "share",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "related",
    "recommended",
    "recommendations",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "outbrain",
    "taboola",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "comments",
    "disqus",
    "paywall",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "cookiebot",
    "didomi",
    "onetrust",
    "tarteaucitron",
    "axeptio",
];

/// Whole classes that hide an element from sight or from print: words
/// such as `hidden` alone would also match `overflow-hidden`.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
    "screen-reader-only",
    "noprint",
    "no-print",
    "d-none",
];

/// Marks the boilerplate inside `root`.
pub(super) fn mark(root: &NodeRef) {
    let total = root.text().len().max(1);
    for element in root.descendants() {
        if !element.is_element() || is_marked_inside(&element, root) {
            continue;
        }
        if is_boilerplate(&element) && element.text().len() * 2 < total {
            mark_keeping_images(&element);
        } else if is_link_list(&element) {
            element.set_attr(MARK, "");
        }
    }
}

/// Whether `element` or one of its ancestors below `root` is marked.
fn is_marked_inside(element: &NodeRef, root: &NodeRef) -> bool {
    let root_id = root.id;
    std::iter::once(*element)
        .chain(element.ancestors_it(None))
        .take_while(|node| node.id != root_id)
        .any(|node| node.has_attr(MARK))
}

fn is_boilerplate(element: &NodeRef) -> bool {
    let name = element
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if ELEMENTS.contains(&name.as_str()) || element.has_attr("hidden") {
        return true;
    }
    if element
        .attr("role")
        .is_some_and(|role| ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if element.attr("class").is_some_and(|class| {
        class
            .split_whitespace()
            .any(|c| HIDDEN_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
    }) {
        return true;
    }
    ["class", "id"].iter().any(|attr| {
        element.attr(attr).is_some_and(|value| {
            class_words(&value).any(|word| CLASS_WORDS.contains(&word.as_str()))
        })
    })
}

/// The words of a class or id: `article-caption`, `articleCaption` and
/// `article_caption` all hold `caption`.
fn class_words(value: &str) -> impl Iterator<Item = String> + '_ {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in value.chars() {
        let boundary = !c.is_ascii_alphanumeric() || c.is_ascii_uppercase() && previous_lower;
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
        previous_lower = c.is_ascii_lowercase();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.into_iter()
}

/// Marks `element`, or, when it holds images (a figure with its caption),
/// only the parts of it that hold none, so that the images stay.
fn mark_keeping_images(element: &NodeRef) {
    if !holds_image(element) {
        element.set_attr(MARK, "");
        return;
    }
    for child in element.children() {
        if child.is_element() {
            mark_keeping_images(&child);
        } else if child.is_text() && !child.text().trim().is_empty() {
            // A text beside images: wrap it so it can be marked.
            child.wrap_html(format!("<span {MARK}=\"\"></span>"));
        }
    }
}

fn holds_image(element: &NodeRef) -> bool {
    element.has_name("img") || element.descendants_it().any(|d| d.has_name("img"))
}

/// A list of two or more items, each of them a link and nothing more:
/// related stories, tags, a menu.
fn is_link_list(element: &NodeRef) -> bool {
    if !(element.has_name("ul") || element.has_name("ol")) {
        return false;
    }
    let items: Vec<NodeRef> = element.element_children();
    items.len() >= 2
        && items.iter().all(|item| {
            let text = item.text();
            let text = text.trim();
            let linked: usize = item
                .descendants_it()
                .filter(|d| d.has_name("a"))
                .map(|a| a.text().trim().len())
                .sum();
            !text.is_empty() && linked * 10 >= text.len() * 9
        })
}
