//! The registry of what the site makes: every kind of page (home, an
//! article, the timeline…) and of data file (`dossier.json`, the feed…)
//! says here, in one file each, which of it there are, where each goes,
//! what it holds and where else it is listed. The rest of `render` reads
//! [`KINDS`] and never names a kind.
//!
//! Most kinds fill one of three shapes rather than implement [`FileKind`]
//! themselves: a [`SitePage`] (a page of the site's own, `tags.html` →
//! `tags/index.html`), a [`ListPage`] (one of the site's lists, cut into
//! pages: `articles/index.html`, `articles/page/2/index.html`…) or a
//! [`DataFile`] (a file at a fixed path made without a template).
//!
//! A kind whose pages are a list cut in pages (`paginate_by` in
//! `dossier.yaml`) gives one item per page, its `part` the page from 0,
//! and puts a `pager` (`views::Pager`) in each page's variables.
//!
//! To add a kind: write its file in this folder (a `const` of one of those
//! shapes, or a type implementing [`FileKind`]), then name it once below
//! with `mod` and once in [`KINDS`]. A fixed path goes in
//! `paths::SITE_FILES` too: `resolve` checks aliases against it, and an
//! earlier stage cannot read this registry (`tests/publish.rs` checks that
//! the two agree, both ways).

mod annotations_jsonld;
mod article;
mod articles;
mod assets;
mod atom;
mod csl_sources;
mod csv_tables;
mod data;
mod data_file;
mod dossier_json;
mod entities;
mod entity;
mod entity_pages;
mod free_page;
mod ftm_entities;
mod graph;
mod graph_files;
mod home;
mod list_page;
mod not_found;
mod redirect;
mod robots;
mod search;
mod site_page;
mod sitemap;
mod tag;
mod tags;
mod timeline;
mod timeline_json;
mod timeline_year;

use rayon::prelude::*;
use tera::Context;

use super::Site;
use super::publish::{FeedEntry, HeadMeta};
use super::search::{DOCUMENTS_PER_CHUNK, Searched};
use super::views::Views;
use crate::diagnostic::Diagnostic;

use data_file::{DataFile, exported, with_base_url};
use list_page::ListPage;
pub(super) use not_found::NotFound;
use site_page::SitePage;

/// Every kind of file the site makes, in the order they are made. The
/// data files come first: `dossier.json` is the longest single job, so it
/// starts at once and the pages share the other cores meanwhile. The
/// sitemap lists pages in this order.
pub(super) const KINDS: &[&dyn FileKind] = &[
    &dossier_json::DOSSIER_JSON,
    &annotations_jsonld::ANNOTATIONS_JSONLD,
    &csv_tables::CsvTables,
    &graph_files::GEXF,
    &graph_files::GRAPHML,
    &ftm_entities::FTM_ENTITIES,
    &csl_sources::CSL_SOURCES,
    &timeline_json::TIMELINE_JSON,
    &home::Home,
    &articles::ARTICLES,
    &entities::ENTITIES,
    &tags::TAGS,
    &timeline::TimelineYears,
    &graph::GRAPH,
    &search::SEARCH,
    &data::DATA,
    &NotFound,
    &assets::Assets,
    &robots::ROBOTS,
    &atom::ATOM,
    &sitemap::Sitemap,
    &article::Article,
    &entity::Entity,
    &entity_pages::EntityPages,
    &tag::Tag,
    &timeline_year::TimelineYear,
    &free_page::FreePage,
    &redirect::Redirect,
];

/// A kind of page or data file: everything the site needs to know to make
/// the files of that kind and to list them.
pub(super) trait FileKind: Sync {
    /// Which files of this kind the site has: one, unless said otherwise.
    fn items(&self, _site: &Site) -> Vec<Item> {
        vec![Item::ONE]
    }

    /// Where `item`'s file goes in the output, from `paths`.
    fn path(&self, views: &Views<'_>, item: Item) -> String;

    /// The template that makes the page; empty for a data file.
    fn template(&self) -> &'static str {
        ""
    }

    /// What the file holds: a page's own variables, or a data file's bytes.
    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic>;

    /// The page's head metadata beyond the site's own title and
    /// description (its title, Open Graph type, JSON-LD…).
    fn head(&self, _views: &Views<'_>, _item: Item, _meta: &mut HeadMeta) {}

    /// Whether the page has a public address of its own: `rel=canonical`
    /// and `og:url`.
    fn canonical(&self) -> bool {
        true
    }

    /// Where else its files are listed: the sitemap, the search index,
    /// the feed.
    fn listed(&self) -> Listed {
        Listed::NOWHERE
    }

    /// The day the page last changed, for the sitemap's `lastmod`.
    fn last_changed(&self, _views: &Views<'_>, _item: Item) -> Option<String> {
        None
    }

    /// What the search index holds of `item`'s page: given for every item
    /// of a kind listed in the search index.
    fn searched(&self, _views: &Views<'_>, _item: Item) -> Option<Searched> {
        None
    }

    /// `item`'s entry in the feed: given for every item of a kind listed
    /// in the feed, newest first.
    fn feed_entry(&self, _views: &Views<'_>, _item: Item, _base: &str) -> Option<FeedEntry> {
        None
    }
}

/// Where else a kind's files are listed, beside the site's own links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Listed {
    /// In `sitemap.xml`.
    pub sitemap: bool,
    /// In the search index, `search/`.
    pub search: bool,
    /// In `atom.xml`, the newest.
    pub feed: bool,
}

impl Listed {
    pub(super) const NOWHERE: Listed = Listed {
        sitemap: false,
        search: false,
        feed: false,
    };
    pub(super) const SITEMAP: Listed = Listed {
        sitemap: true,
        ..Listed::NOWHERE
    };
}

/// Which file of its kind: the number of the article, entity, tag, free
/// page or asset (a year, for the timeline), and within it the part (an
/// article's alias, for a redirect; a page, for a paginated kind); both 0
/// for a kind with one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Item {
    pub id: usize,
    pub part: usize,
}

impl Item {
    /// The one file of a kind that has one.
    pub(super) const ONE: Item = Item { id: 0, part: 0 };

    /// One item per number below `count`.
    pub(super) fn each(count: usize) -> Vec<Item> {
        (0..count).map(|id| Item { id, part: 0 }).collect()
    }
}

/// One file to make: its kind and which one.
#[derive(Clone, Copy)]
pub(super) struct Job {
    pub kind: &'static dyn FileKind,
    pub item: Item,
}

impl Job {
    /// Where the file goes in the output.
    pub(super) fn path(self, views: &Views<'_>) -> String {
        self.kind.path(views, self.item)
    }
}

/// Every file of the site, as [`KINDS`] lists them.
pub(super) fn jobs(site: &Site) -> Vec<Job> {
    KINDS
        .iter()
        .flat_map(|kind| {
            kind.items(site)
                .into_iter()
                .map(move |item| Job { kind: *kind, item })
        })
        .collect()
}

/// The pages the search index holds, in the order of [`KINDS`], in
/// chunks of `search::DOCUMENTS_PER_CHUNK`: each is made (in parallel)
/// when the index asks for it, so that the text of every page is never
/// in memory at once.
pub(super) fn searched<'a>(
    site: &'a Site,
    views: &'a Views<'_>,
) -> impl Iterator<Item = Vec<Searched>> + 'a {
    let jobs: Vec<Job> = jobs(site)
        .into_iter()
        .filter(|job| job.kind.listed().search)
        .collect();
    let starts = (0..jobs.len()).step_by(DOCUMENTS_PER_CHUNK);
    starts.map(move |start| {
        let end = (start + DOCUMENTS_PER_CHUNK).min(jobs.len());
        jobs[start..end]
            .par_iter()
            .filter_map(|job| job.kind.searched(views, job.item))
            .collect()
    })
}

/// How many pages the search index holds, known without making it.
pub(super) fn searched_count(site: &Site) -> usize {
    listed_count(site, |listed| listed.search)
}

/// How many files of `site` are of a kind that `where_` lists, known
/// without making them.
pub(super) fn listed_count(site: &Site, where_: fn(Listed) -> bool) -> usize {
    KINDS
        .iter()
        .filter(|kind| where_(kind.listed()))
        .map(|kind| kind.items(site).len())
        .sum()
}

/// What a kind reads to make one file.
pub(super) struct File<'a> {
    pub site: &'a Site,
    pub views: &'a Views<'a>,
    pub item: Item,
    /// Its path in the output.
    pub path: &'a str,
}

/// What a file holds.
pub(super) enum Content {
    /// A page: the path from it to the site root (its template's `root`)
    /// and its own variables; `root`, `page_path` and `meta` are added to
    /// every page's.
    Page { root: String, context: Context },
    /// A file made without a template.
    Bytes(Vec<u8>),
    /// A file made without a template that grows with the dossier, written
    /// piece by piece rather than held whole (`dossier.json` is hundreds
    /// of megabytes at 100,000 articles).
    Written(WriteFile),
}

/// Writes a data file piece by piece.
pub(super) type WriteFile = fn(&File<'_>, &mut dyn std::io::Write) -> std::io::Result<()>;

impl Content {
    /// A page with its links `root` away from the site root.
    pub(super) fn page(root: &str, context: Context) -> Result<Content, Diagnostic> {
        Ok(Content::Page {
            root: root.to_string(),
            context,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kind listed in the search index or the feed gives what they hold
    /// of each of its items; a kind not listed gives nothing.
    #[test]
    fn kinds_give_what_they_are_listed_in() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/english");
        let options = crate::BuildOptions {
            root: root.clone(),
            output: root.join("public"),
            drafts: true,
            base_url: Some("https://example.org/".to_string()),
            verbose: false,
        };
        let Ok((_, dossier, annotated)) =
            crate::prepare(&options, &std::env::temp_dir(), |_| Vec::new())
        else {
            panic!("the fixture builds")
        };
        let site = Site::new(dossier, annotated, &root).expect("the theme reads");
        let views = site.views();
        for kind in KINDS {
            let listed = kind.listed();
            for item in kind.items(&site) {
                let what = kind.template();
                assert_eq!(
                    kind.searched(&views, item).is_some(),
                    listed.search,
                    "{what}"
                );
                let entry = kind.feed_entry(&views, item, "https://example.org/");
                assert_eq!(entry.is_some(), listed.feed, "{what}");
            }
        }
    }
}
