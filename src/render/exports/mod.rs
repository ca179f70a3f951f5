//! The dossier in the formats of the investigator's other tools, written
//! by every build under `data/` and listed on the site's "Data" page:
//! CSV tables for a spreadsheet (`csv`), the entity graph as GEXF and
//! GraphML for Gephi and networkx (`graph_xml`), FollowTheMoney entities
//! for OpenAleph and Aleph (`ftm`), the sources as CSL-JSON for Zotero
//! (`csl`) and the timeline as TimelineJS JSON (`timeline_js`).
//!
//! Each takes the views of the resolved, annotated dossier and gives the
//! file's bytes, sorted as the model is, so that two builds of the same
//! dossier give the same files. The user's side of each format is in
//! docs/exports.md.

pub(crate) mod csl;
pub(crate) mod csv;
pub(crate) mod ftm;
pub(crate) mod graph_xml;
pub(crate) mod timeline_js;

use super::publish::base;
use super::views::Views;

/// Where the site's pages are, for data read away from the site: the
/// `base_url` with a final `/`, or nothing, which leaves addresses
/// relative to the site's root (`articles/<slug>/`).
fn site_base(views: &Views<'_>) -> String {
    base(&views.dossier.config).unwrap_or_default()
}

/// A list serialized as it is made, item by item, never held whole.
struct Streamed<F>(F);

impl<F, I> serde::Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}
