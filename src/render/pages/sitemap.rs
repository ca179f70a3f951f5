//! `sitemap.xml`: the address of every page whose kind is listed in it
//! (made by `publish`), only with `base_url`.

use super::{DataFile, File, jobs, with_base_url};
use crate::render::publish::{SitemapEntry, base, sitemap};

pub(super) const SITEMAP: DataFile = DataFile {
    path: "sitemap.xml",
    made: with_base_url,
    bytes: pages,
};

fn pages(file: &File<'_>) -> Vec<u8> {
    let views = file.views;
    let base = base(&views.dossier.config).unwrap_or_default();
    let pages: Vec<SitemapEntry> = jobs(file.site)
        .into_iter()
        .filter(|job| job.kind.listed().sitemap)
        .map(|job| SitemapEntry {
            path: job.path(views),
            last_changed: job.kind.last_changed(views, job.item),
        })
        .collect();
    sitemap(&base, &pages)
}
