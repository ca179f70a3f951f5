//! Which link and image targets are published. A collected article must
//! not be able to run a script through a link, and a link that goes
//! nowhere must not look like one: a target whose scheme is not `http`,
//! `https` or `mailto` is dropped with its element, and only the text (or
//! an image's description) stays.

use pulldown_cmark::{Event, Tag, TagEnd};

/// Drops links and images with unsafe targets from an event stream,
/// together with their ends; their text goes on as plain text.
#[derive(Debug, Default)]
pub(super) struct UnsafeTargets {
    /// Per open link or image, whether it was kept.
    open: Vec<bool>,
}

impl UnsafeTargets {
    /// Drops the next link or image, whose start the caller has taken.
    pub(super) fn drop_next(&mut self) {
        self.open.push(false);
    }

    /// The event to write in place of `event`: `None` for the start and end
    /// of a dropped link or image.
    pub(super) fn filter<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let kept = is_safe_url(dest_url);
                self.open.push(kept);
                kept.then_some(event)
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                self.open.pop().unwrap_or(true).then_some(event)
            }
            _ => Some(event),
        }
    }
}

/// True for URLs without a scheme (relative, `#anchor`) and for `http`,
/// `https` and `mailto` ones. The scheme is read the way a browser reads
/// it: leading controls and spaces skipped, tabs and line breaks
/// anywhere removed, case ignored (`JaVa\tScRiPt:` is `javascript:`).
pub(super) fn is_safe_url(url: &str) -> bool {
    let url = url.trim_start_matches(|c: char| c <= ' ' || c.is_whitespace());
    let mut scheme = String::new();
    for c in url.chars() {
        match c {
            '\t' | '\n' | '\r' => {}
            // A scheme starts with a letter; `1a:b` is a relative path.
            ':' if scheme.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                return matches!(scheme.as_str(), "http" | "https" | "mailto");
            }
            c if c.is_ascii_alphanumeric() || "+-.".contains(c) => {
                scheme.push(c.to_ascii_lowercase());
            }
            _ => return true,
        }
    }
    true
}

/// True for `http`, `https` and `mailto` URLs: a summary is shown on pages
/// at several depths, where a relative link would point elsewhere.
pub(super) fn is_absolute_url(url: &str) -> bool {
    let url = url.trim_start().to_ascii_lowercase();
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_url_schemes_are_kept() {
        for safe in [
            "https://a.org",
            "HTTP://a",
            "mailto:x@y.z",
            "../x.html",
            "#top",
            "page.html?a=b:c",
            "",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        for unsafe_url in [
            "javascript:alert(1)",
            " JavaScript:x",
            "\u{1}javascript:x",
            "java\tscript:x",
            "java\nscript:x",
            "data:text/html,x",
            "vbscript:x",
            "tel:+1234",
            "ftp://x.org/f",
            "irc://foo.bar:2233/baz",
            "made-up-scheme://foo,bar",
        ] {
            assert!(!is_safe_url(unsafe_url), "{unsafe_url:?}");
        }
    }
}
