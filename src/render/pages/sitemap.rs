//! `sitemap.xml`: the address of every page whose kind is listed in it
//! (made by `publish`), only with `base_url`. Past the protocol's 50,000
//! addresses a file, `sitemap.xml` is an index of parts, `sitemap-1.xml`,
//! `sitemap-2.xml`…, each of at most 50,000, in the order of [`KINDS`].

use super::{Content, File, FileKind, Item, jobs, listed_count, with_base_url};
use crate::diagnostic::Diagnostic;
use crate::paths::{SITEMAP_URLS, sitemap_part};
use crate::render::Site;
use crate::render::publish::{SitemapEntry, base, sitemap, sitemap_index};
use crate::render::views::Views;

pub(super) struct Sitemap;

/// How many parts the sitemap of `site` has: 1 when one file holds it.
fn parts(site: &Site) -> usize {
    let addresses = listed_count(site, |listed| listed.sitemap);
    addresses.div_ceil(SITEMAP_URLS).max(1)
}

impl FileKind for Sitemap {
    /// One file; or the index (0) and each part (1, 2…).
    fn items(&self, site: &Site) -> Vec<Item> {
        if !with_base_url(site) {
            return Vec::new();
        }
        match parts(site) {
            1 => vec![Item::ONE],
            parts => Item::each(parts + 1),
        }
    }

    fn path(&self, _: &Views<'_>, item: Item) -> String {
        match item.id {
            0 => "sitemap.xml".to_string(),
            part => sitemap_part(part),
        }
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let views = file.views;
        let base = base(&views.dossier.config).unwrap_or_default();
        let parts = parts(file.site);
        if file.item.id == 0 && parts > 1 {
            let names: Vec<String> = (1..=parts).map(sitemap_part).collect();
            return Ok(Content::Bytes(sitemap_index(&base, &names)));
        }
        let skip = file.item.id.saturating_sub(1) * SITEMAP_URLS;
        let pages: Vec<SitemapEntry> = jobs(file.site)
            .into_iter()
            .filter(|job| job.kind.listed().sitemap)
            .skip(skip)
            .take(SITEMAP_URLS)
            .map(|job| SitemapEntry {
                path: job.path(views),
                last_changed: job.kind.last_changed(views, job.item),
            })
            .collect();
        Ok(Content::Bytes(sitemap(&base, &pages)))
    }
}
