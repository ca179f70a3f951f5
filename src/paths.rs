//! Where each page of the site lives. The layout is part of the contract
//! with users (FORMAT.md, "What a build produces"), and every stage that
//! writes a link takes it from here. Paths are relative to the site root
//! and name the file (`…/index.html`), so the site also works from disk.

/// Top-level folders of the site's own: no free page may take their name.
pub(crate) const RESERVED_SLUGS: &[&str] = &[
    "articles", "entities", "tags", "timeline", "graph", "search", "static", "data",
];

/// Every file the site makes at a fixed path (the items' pages aside, and
/// the search index under `search/`): what an alias may not be, and what a
/// file of `static/` is replaced by. Kept by hand beside the registry of
/// `render::pages`, which `resolve` cannot read; `tests/publish.rs` checks
/// that a build makes these and nothing else.
pub const SITE_FILES: &[&str] = &[
    "index.html",
    "404.html",
    "articles/index.html",
    "entities/index.html",
    "tags/index.html",
    "timeline/index.html",
    "graph/index.html",
    "search/index.html",
    "data/index.html",
    "data/articles.csv",
    "data/entities.csv",
    "data/mentions.csv",
    "data/relations.csv",
    "data/notes.csv",
    "data/graph.gexf",
    "data/graph.graphml",
    "data/entities.ftm.json",
    "data/sources.csl.json",
    "data/timeline.json",
    "dossier.json",
    "annotations.jsonld",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
    "style.css",
    "search.js",
    "search-index.js",
    "favicon.svg",
];

/// The most addresses one sitemap file may hold, by the sitemap protocol;
/// past it, `sitemap.xml` is an index of numbered parts.
pub(crate) const SITEMAP_URLS: usize = 50_000;

/// `sitemap-<n>.xml`, the `n`th part of a sitemap too long for one file. At
/// the root: a sitemap may only list addresses under its own folder.
pub(crate) fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// Whether `file` (lower case) is the name of a sitemap part.
pub(crate) fn is_sitemap_part(file: &str) -> bool {
    file.strip_prefix("sitemap-")
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The folder of the search index.
pub const SEARCH_FOLDER: &str = "search/";

/// A file's name without `.md`: an entity's id, and what an article's or
/// a page's slug is made from when it gives none.
pub(crate) fn file_stem(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The slug of an article or a page that gives none: its file name,
/// slugified (`Traité Russie–Corée.md` → `traite-russie-coree`).
pub(crate) fn slug_from_file_name(path: &std::path::Path) -> String {
    slug::slugify(file_stem(path))
}

/// From an article, entity or tag page (`articles/<slug>/`) to the root.
pub(crate) const ITEM_ROOT: &str = "../../";
/// From a list or free page (`articles/`, `<slug>/`) to the root.
pub(crate) const PAGE_ROOT: &str = "../";

/// `articles/<slug>/index.html`.
pub(crate) fn article(slug: &str) -> String {
    format!("articles/{slug}/index.html")
}

/// `entities/<id>/index.html`.
pub(crate) fn entity(id: &str) -> String {
    format!("entities/{id}/index.html")
}

/// `tags/<slug>/index.html`.
pub(crate) fn tag(slug: &str) -> String {
    format!("tags/{slug}/index.html")
}

/// The folder of the later pages of a paginated page, beside its first:
/// `articles/page/2/index.html`, where Hugo and Zola put them.
const PAGE_FOLDER: &str = "page";

/// Page `number` (from 1) of the paginated page whose first page is
/// `first` (`…/index.html`): `first` itself, then `…/page/<n>/index.html`.
fn numbered(first: &str, number: usize) -> String {
    match number {
        0 | 1 => first.to_string(),
        n => {
            let folder = first.trim_end_matches("index.html");
            format!("{folder}{PAGE_FOLDER}/{n}/index.html")
        }
    }
}

/// Page `number` of the list of articles: `articles/index.html`, then
/// `articles/page/<n>/index.html`.
pub(crate) fn articles_page(number: usize) -> String {
    numbered("articles/index.html", number)
}

/// Page `number` of the list of entities: `entities/index.html`, then
/// `entities/page/<n>/index.html`.
pub(crate) fn entities_page(number: usize) -> String {
    numbered("entities/index.html", number)
}

/// Page `number` of an entity: `entities/<id>/index.html`, then
/// `entities/<id>/page/<n>/index.html`.
pub(crate) fn entity_page(id: &str, number: usize) -> String {
    numbered(&entity(id), number)
}

/// Page `number` of a tag: `tags/<slug>/index.html`, then
/// `tags/<slug>/page/<n>/index.html`.
pub(crate) fn tag_page(slug: &str, number: usize) -> String {
    numbered(&tag(slug), number)
}

/// Page `number` of a year of the timeline: `timeline/<year>/index.html`,
/// then `timeline/<year>/page/<n>/index.html`; the year has four digits.
pub(crate) fn timeline_year(year: i16, number: usize) -> String {
    numbered(&format!("timeline/{year:04}/index.html"), number)
}

/// Whether `file` (lower case) is, or is inside, a folder where pages of
/// a paginated page go, whether or not the dossier has that page today:
/// `articles/page/<n>/…`, `entities/page/<n>/…`, `entities/<id>/page/<n>/…`,
/// `tags/<slug>/page/<n>/…`, anything under `timeline/` but its index. An
/// alias there would be taken by the next page a growing list needs.
pub(crate) fn is_in_pages(file: &str) -> bool {
    let segments: Vec<&str> = file.split('/').collect();
    match segments.as_slice() {
        ["timeline", rest @ ..] => rest != ["index.html"],
        ["articles" | "entities", PAGE_FOLDER, _, _, ..] => true,
        ["entities" | "tags", _, PAGE_FOLDER, _, _, ..] => true,
        _ => false,
    }
}

/// `<slug>/index.html`, a free page.
pub(crate) fn page(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// The public address of an article, `<base>articles/<slug>/`, for data
/// that other tools read (`base` is `base_url` with a final `/`, or empty).
pub(crate) fn article_url(base: &str, slug: &str) -> String {
    format!("{base}articles/{slug}/")
}

/// The public address of an entity, `<base>entities/<id>/`.
pub(crate) fn entity_url(base: &str, id: &str) -> String {
    format!("{base}entities/{id}/")
}

/// The file that redirects from `alias`, an old address of an article as
/// written under `aliases:` (`/2019/old-title/`, `old.html`): the path
/// itself when it names an `.html` file, else its `index.html`.
pub(crate) fn redirect(alias: &str) -> Result<String, String> {
    let path = alias.trim().trim_start_matches('/');
    let bad = |why: &str| Err(format!("alias `{alias}` {why}"));
    if path.is_empty() {
        return bad("is the site's root");
    }
    if path.contains("://") || alias.trim().starts_with("//") {
        return bad("is a full URL: give the path on this site, as `/2019/old-title/`");
    }
    if let Some(c) = path
        .chars()
        .find(|c| c.is_control() || c.is_whitespace() || "\\?#%\"<>|*:".contains(*c))
    {
        return bad(&format!(
            "contains `{}`, which a file path cannot keep",
            c.escape_default()
        ));
    }
    let folder = path.trim_end_matches('/');
    if folder
        .split('/')
        .any(|segment| segment.is_empty() || segment == "." || segment == "..")
    {
        return bad("has an empty, `.` or `..` part");
    }
    if !path.ends_with('/') && (folder.ends_with(".html") || folder.ends_with(".htm")) {
        Ok(folder.to_string())
    } else {
        Ok(format!("{folder}/index.html"))
    }
}

/// From the file at `path` (output path) to the site root: `../` per folder.
pub(crate) fn to_root(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_parts_are_numbered_at_the_root() {
        assert_eq!(sitemap_part(2), "sitemap-2.xml");
        assert!(is_sitemap_part("sitemap-12.xml"));
        for other in [
            "sitemap.xml",
            "sitemap-.xml",
            "sitemap-a.xml",
            "x/sitemap-1.xml",
        ] {
            assert!(!is_sitemap_part(other), "{other}");
        }
    }

    #[test]
    fn later_pages_go_in_a_page_folder_beside_the_first() {
        assert_eq!(articles_page(1), "articles/index.html");
        assert_eq!(articles_page(2), "articles/page/2/index.html");
        assert_eq!(entities_page(3), "entities/page/3/index.html");
        assert_eq!(entity_page("kim", 1), "entities/kim/index.html");
        assert_eq!(entity_page("kim", 2), "entities/kim/page/2/index.html");
        assert_eq!(tag_page("page", 2), "tags/page/page/2/index.html");
        assert_eq!(timeline_year(812, 1), "timeline/0812/index.html");
        assert_eq!(timeline_year(2024, 4), "timeline/2024/page/4/index.html");
    }

    #[test]
    fn the_folders_of_later_pages_are_known_before_the_pages() {
        for taken in [
            "articles/page/2/index.html",
            "articles/page/99/old.html",
            "entities/page/7/index.html",
            "entities/kim/page/2/index.html",
            "tags/sanctions/page/3/index.html",
            "timeline/2024/index.html",
            "timeline/1999/page/2/index.html",
            "timeline/old.html",
        ] {
            assert!(is_in_pages(taken), "{taken}");
        }
        for free in [
            "timeline/index.html",
            "articles/page/index.html",
            "articles/old-title/index.html",
            "entities/page/index.html",
            "tags/page/index.html",
            "page/2/index.html",
            "2019/page/2/index.html",
        ] {
            assert!(!is_in_pages(free), "{free}");
        }
    }

    #[test]
    fn aliases_become_files_in_the_output() {
        assert_eq!(
            redirect("/2019/old-title/").as_deref(),
            Ok("2019/old-title/index.html")
        );
        assert_eq!(
            redirect("2019/old-title").as_deref(),
            Ok("2019/old-title/index.html")
        );
        assert_eq!(redirect("/news/old.html").as_deref(), Ok("news/old.html"));
        assert_eq!(
            redirect("/accord-russie-corée/").as_deref(),
            Ok("accord-russie-corée/index.html")
        );
        for bad in [
            "/",
            "",
            "https://example.org/x/",
            "//host/x",
            "/a/../b/",
            "/a//b/",
            "/a b/",
            "/a?x=1",
            "/a\\b",
        ] {
            assert!(redirect(bad).is_err(), "{bad} is refused");
        }
    }

    #[test]
    fn the_way_back_to_the_root_counts_folders() {
        assert_eq!(to_root("2019/old-title/index.html"), "../../");
        assert_eq!(to_root("old.html"), "");
    }
}
