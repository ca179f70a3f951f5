//! Helpers for the tests of what a published site offers beyond its
//! pages: the address the `english` fixture is published at, and a page's
//! schema.org JSON-LD.

use serde_json::Value;

use super::Site;

/// The address the `english` fixture is published at (`--base-url`).
pub const BASE: &str = "https://example.org/pyongyang-file/";

/// The one schema.org JSON-LD block of `page`, parsed.
pub fn json_ld(site: &Site, page: &str) -> Value {
    let scripts = site
        .page(page)
        .texts("script[type=\"application/ld+json\"]");
    assert_eq!(scripts.len(), 1, "one JSON-LD block in {page}");
    assert!(!scripts[0].contains("</"), "cannot close its element");
    serde_json::from_str(&scripts[0]).expect("JSON-LD is JSON")
}
