//! `atom.xml`: the feed (made by `publish`) of the newest pages whose kind
//! is listed in it, only with `base_url`.

use super::{DataFile, File, jobs, with_base_url};
use crate::render::publish::{FEED_ENTRIES, FeedEntry, atom, base};

pub(super) const ATOM: DataFile = DataFile {
    path: "atom.xml",
    made: with_base_url,
    write: |file, out| out.write_all(&feed(file)),
};

fn feed(file: &File<'_>) -> Vec<u8> {
    let views = file.views;
    let base = base(&views.dossier.config).unwrap_or_default();
    // Kinds give their entries newest first; only the first few are made.
    let entries: Vec<FeedEntry> = jobs(file.site)
        .into_iter()
        .filter(|job| job.kind.listed().feed)
        .filter_map(|job| job.kind.feed_entry(views, job.item, &base))
        .take(FEED_ENTRIES)
        .collect();
    atom(&views.dossier.config, &entries, &base)
}
