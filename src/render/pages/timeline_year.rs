//! `timeline/<year>/index.html`, `timeline/<year>/page/<n>/index.html`:
//! the timeline of one year, `paginate_by` dated items a page, with links
//! to the other years. An item's `id` is its year, its `part` its page.

use tera::Context;

use super::{Content, File, FileKind, Item, Listed};
use crate::diagnostic::Diagnostic;
use crate::paths;
use crate::render::Site;
use crate::render::labels::labels;
use crate::render::publish::HeadMeta;
use crate::render::timeline::{written, year_counts, year_links, years};
use crate::render::views::{Pages, Views, numbered_title};

pub(super) struct TimelineYear;

/// The year of `item`: four digits, as dates have.
fn year(item: Item) -> i16 {
    i16::try_from(item.id).expect("a year of the timeline has four digits")
}

impl FileKind for TimelineYear {
    fn items(&self, site: &Site) -> Vec<Item> {
        let per_page = site.dossier.config.paginate_by;
        year_counts(&site.dossier)
            .into_iter()
            .flat_map(|(year, count)| {
                let id = usize::try_from(year).expect("a year of the timeline has four digits");
                (0..Pages::new(count, per_page).count()).map(move |part| Item { id, part })
            })
            .collect()
    }

    fn path(&self, _: &Views<'_>, item: Item) -> String {
        paths::timeline_year(year(item), item.part + 1)
    }

    fn template(&self) -> &'static str {
        "timeline.html"
    }

    fn content(&self, file: &File<'_>) -> Result<Content, Diagnostic> {
        let (views, year, page) = (file.views, year(file.item), file.item.part);
        let placed = views.timeline();
        let of_year = years(placed)
            .into_iter()
            .find_map(|(y, range)| (y == year).then_some(range))
            .unwrap_or_default();
        let pages = Pages::new(of_year.len(), views.dossier.config.paginate_by);
        let items = pages.range(page);
        let shown = &placed[of_year.start + items.start..of_year.start + items.end];
        let mut context = Context::new();
        context.insert("years", &written(views, shown));
        context.insert("year", &year);
        context.insert("year_links", &year_links(views, placed, Some(year), false));
        context.insert(
            "pager",
            &pages.pager(page, |n| paths::timeline_year(year, n)),
        );
        Content::page(&paths::to_root(file.path), context)
    }

    fn head(&self, views: &Views<'_>, item: Item, meta: &mut HeadMeta) {
        let title = format!("{} {}", labels(views.language)["timeline"], year(item));
        meta.title = numbered_title(&title, item.part + 1, views.language);
    }

    fn listed(&self) -> Listed {
        Listed::SITEMAP
    }
}
