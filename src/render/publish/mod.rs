//! What a published site offers beyond its pages: the Atom feed, the
//! sitemap, `robots.txt` (`feeds.rs`), and in each page's head its
//! canonical address, Open Graph tags and schema.org JSON-LD (`head.rs`).
//!
//! Feed readers, search engines and link previews need absolute URLs,
//! made from `base_url`. Without it the feed, the sitemap, canonical links
//! and `og:url` are left out (the build says so once), and the rest stays.

mod feeds;
mod head;

pub(crate) use feeds::escape as xml_escape;
pub(super) use feeds::{
    FEED_ENTRIES, FeedEntry, SitemapEntry, atom, last_changed, robots, sitemap, sitemap_index,
};
pub(super) use head::{HeadMeta, article_json_ld, entity_json_ld, head_meta, website_json_ld};

use crate::config::Config;
use crate::date::{DateValue, Precision};

/// `base_url` with one final `/`, when set.
pub(crate) fn base(config: &Config) -> Option<String> {
    let url = config.base_url.trim_end_matches('/');
    (!url.is_empty()).then(|| format!("{url}/"))
}

/// Whether the site is at the root of its host, the only place crawlers
/// read `robots.txt` from: `base_url` has no path (`https://example.org/`),
/// or is not set. Unset, the site's place is unknown, and the root is
/// assumed, as `404.html`'s links do.
pub(crate) fn at_host_root(config: &Config) -> bool {
    let url = config.base_url.trim_end_matches('/');
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    !after_scheme.contains('/')
}

/// A page's public address: its folder, without `index.html`.
fn url(base: &str, path: &str) -> String {
    format!("{base}{}", path.strip_suffix("index.html").unwrap_or(path))
}

/// A date as RFC 3339, as Atom and schema.org want it: a day alone is
/// taken at midnight UTC, a month or a year at midnight UTC on its first
/// day (Atom needs a full date-time).
pub(crate) fn rfc3339(date: &DateValue) -> String {
    match date.instant {
        Some(_) => date.written.clone(),
        None => format!("{}T00:00:00Z", date.day),
    }
}

/// A date for schema.org and Open Graph: a date-time or a day as
/// [`rfc3339`] gives it, a month or a year as written (`2023-03`), which
/// ISO 8601 and schema.org's `Date` allow, rather than an invented day.
pub(crate) fn schema_date(date: &DateValue) -> String {
    match date.precision {
        Precision::Day => rfc3339(date),
        Precision::Month | Precision::Year => date.iso(),
    }
}

/// The instant a date stands for, to compare dates written differently.
fn instant(date: &DateValue) -> jiff::Timestamp {
    date.instant
        .unwrap_or_else(|| rfc3339(date).parse().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_midnight_utc_and_date_times_stay_as_written() {
        let day: DateValue = "2024-06-19".parse().expect("a day");
        assert_eq!(rfc3339(&day), "2024-06-19T00:00:00Z");
        let time: DateValue = "2024-06-19T10:30:00+09:00".parse().expect("a time");
        assert_eq!(rfc3339(&time), "2024-06-19T10:30:00+09:00");
        // 10:30 in Seoul is 01:30 UTC, after the day's midnight UTC.
        assert!(instant(&time) > instant(&day));
    }

    #[test]
    fn base_has_one_final_slash() {
        let mut config = Config::default();
        assert_eq!(base(&config), None);
        config.base_url = "https://example.org/dossier//".into();
        assert_eq!(
            base(&config).as_deref(),
            Some("https://example.org/dossier/")
        );
    }

    #[test]
    fn only_a_base_url_without_a_path_is_at_the_host_root() {
        let mut config = Config::default();
        assert!(at_host_root(&config), "unset: the root is assumed");
        for (url, root) in [
            ("https://example.org", true),
            ("https://example.org/", true),
            ("http://example.org//", true),
            ("https://jdoe.github.io/nordstream", false),
            ("https://jdoe.github.io/nordstream/", false),
            ("https://example.org/a/b/", false),
        ] {
            config.base_url = url.into();
            assert_eq!(at_host_root(&config), root, "{url}");
        }
    }
}
