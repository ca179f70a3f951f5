//! Where each page of the site lives. The layout is part of the contract
//! with users (FORMAT.md, "What a build produces"), and every stage that
//! writes a link takes it from here. Paths are relative to the site root
//! and name the file (`…/index.html`), so the site also works from disk.

/// From an article, entity or tag page (`articles/<slug>/`) to the root.
pub const ITEM_ROOT: &str = "../../";
/// From a list or free page (`articles/`, `<slug>/`) to the root.
pub const PAGE_ROOT: &str = "../";

/// `articles/<slug>/index.html`.
pub fn article(slug: &str) -> String {
    format!("articles/{slug}/index.html")
}

/// `entities/<id>/index.html`.
pub fn entity(id: &str) -> String {
    format!("entities/{id}/index.html")
}

/// `tags/<slug>/index.html`.
pub fn tag(slug: &str) -> String {
    format!("tags/{slug}/index.html")
}

/// `<slug>/index.html`, a free page.
pub fn page(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// The public address of an article, `<base>articles/<slug>/`, for data
/// that other tools read (`base` is `base_url` with a final `/`, or empty).
pub fn article_url(base: &str, slug: &str) -> String {
    format!("{base}articles/{slug}/")
}

/// The public address of an entity, `<base>entities/<id>/`.
pub fn entity_url(base: &str, id: &str) -> String {
    format!("{base}entities/{id}/")
}
