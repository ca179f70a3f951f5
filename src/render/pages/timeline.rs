//! `timeline/index.html`: where a reader starts the timeline: every year,
//! with how many dated items it has and its months, each linked to the
//! page of its year where it starts. The items themselves are on the
//! pages of each year (`timeline_year`).

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::paths::PAGE_ROOT;
use crate::render::labels::labels;
use crate::render::publish::HeadMeta;
use crate::render::timeline::year_links;
use crate::render::views::Views;

pub(super) struct TimelineYears;

impl FileKind for TimelineYears {
    fn path(&self, _: &Views<'_>, _: Item) -> String {
        "timeline/index.html".to_string()
    }

    fn template(&self) -> &'static str {
        "timeline_years.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let views = file.views;
        let mut context = Context::new();
        context.insert(
            "year_links",
            &year_links(views, views.timeline(), None, true),
        );
        context.insert("item_count", &views.timeline().len());
        Content::page(PAGE_ROOT, context)
    }

    fn head(&self, views: &Views<'_>, _: Item, meta: &mut HeadMeta) {
        meta.title = labels(views.language)["timeline"].to_string();
    }

    fn listed(&self) -> Listed {
        Listed::SITEMAP
    }
}
