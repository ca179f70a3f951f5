//! Pagination: which items of a list each page holds, and the `pager`
//! templates show to go from page to page. Every paginated kind of page
//! cuts its list with [`Pages`], so that they all count and link alike.

use std::ops::Range;

use serde::Serialize;

use crate::config::Language;
use crate::render::labels::labels;

/// A list of `items` cut into pages of `per_page`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pages {
    pub items: usize,
    pub per_page: usize,
}

impl Pages {
    pub(crate) fn new(items: usize, per_page: usize) -> Self {
        Self {
            items,
            per_page: per_page.max(1),
        }
    }

    /// How many pages: one at least, which an empty list shows empty.
    pub(crate) fn count(self) -> usize {
        self.items.div_ceil(self.per_page).max(1)
    }

    /// The items of page `index` (from 0).
    pub(crate) fn range(self, index: usize) -> Range<usize> {
        let start = (index * self.per_page).min(self.items);
        start..(start + self.per_page).min(self.items)
    }

    /// What page `index` (from 0) shows to go to the others, page `n`
    /// (from 1) being at `path_of(n)`.
    pub(crate) fn pager(self, index: usize, path_of: impl Fn(usize) -> String) -> Pager {
        let count = self.count();
        let number = index + 1;
        let mut links = Vec::new();
        let mut last_shown = 0;
        for shown in numbers_shown(number, count) {
            links.push(PagerLink {
                number: shown,
                path: path_of(shown),
                current: shown == number,
                gap_before: shown > last_shown + 1,
            });
            last_shown = shown;
        }
        let range = self.range(index);
        Pager {
            number,
            page_count: count,
            item_count: self.items,
            per_page: self.per_page,
            first_item: if range.is_empty() { 0 } else { range.start + 1 },
            last_item: range.end,
            previous: (number > 1).then(|| path_of(number - 1)),
            next: (number < count).then(|| path_of(number + 1)),
            first: path_of(1),
            last: path_of(count),
            links,
        }
    }
}

/// The numbers of the pages a pager links to from page `number` of
/// `count`: the first and last, and the two around `number`; a gap of
/// one page is shown as that page, never as `…`. So a pager holds at
/// most seven numbers: `1 … 7 8 9 … 40`, `1 2 3 4 5 … 40`.
fn numbers_shown(number: usize, count: usize) -> Vec<usize> {
    let near = number.saturating_sub(1).max(1)..=(number + 1).min(count);
    let mut shown: Vec<usize> = [1, count].into_iter().chain(near).collect();
    shown.sort_unstable();
    shown.dedup();
    let mut filled = Vec::with_capacity(shown.len() + 2);
    for n in shown {
        if let Some(&before) = filled.last()
            && n == before + 2
        {
            filled.push(before + 1);
        }
        filled.push(n);
    }
    filled
}

/// What a page of a paginated list shows to go to the others: the
/// template variable `pager`. Paths are relative to the site root.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pager {
    /// This page's number, from 1.
    pub number: usize,
    pub page_count: usize,
    /// How many items the whole list has, on every page.
    pub item_count: usize,
    pub per_page: usize,
    /// The numbers, from 1, of this page's first and last items (0 and 0
    /// for an empty list).
    pub first_item: usize,
    pub last_item: usize,
    /// The page before and after this one, if any.
    pub previous: Option<String>,
    pub next: Option<String>,
    pub first: String,
    pub last: String,
    /// The pages to link to by number, this one among them.
    pub links: Vec<PagerLink>,
}

/// A page a pager links to by its number.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PagerLink {
    pub number: usize,
    pub path: String,
    /// This is the page showing the pager.
    pub current: bool,
    /// Pages are left out between the one before and this one (`…`).
    pub gap_before: bool,
}

/// `title` of page `number`: as is for the first page, `Articles, page 2`
/// for the others.
pub(crate) fn numbered_title(title: &str, number: usize, language: Language) -> String {
    match number {
        0 | 1 => title.to_string(),
        n => format!("{title}, {} {n}", labels(language)["page"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_cut_into_full_pages_and_a_last_one() {
        let pages = Pages::new(401, 200);
        assert_eq!(pages.count(), 3);
        assert_eq!(pages.range(0), 0..200);
        assert_eq!(pages.range(2), 400..401);
        assert_eq!(Pages::new(400, 200).count(), 2);
        // An empty list still has its page, which says it is empty.
        assert_eq!(Pages::new(0, 200).count(), 1);
        assert_eq!(Pages::new(0, 200).range(0), 0..0);
    }

    #[test]
    fn the_pager_shows_the_ends_and_the_pages_around_this_one() {
        assert_eq!(numbers_shown(1, 1), [1]);
        assert_eq!(numbers_shown(1, 5), [1, 2, 5]);
        assert_eq!(numbers_shown(3, 5), [1, 2, 3, 4, 5]);
        assert_eq!(numbers_shown(8, 40), [1, 7, 8, 9, 40]);
        assert_eq!(numbers_shown(4, 40), [1, 2, 3, 4, 5, 40]);
        assert_eq!(numbers_shown(40, 40), [1, 39, 40]);
    }

    #[test]
    fn the_pager_links_each_number_to_its_page_and_marks_gaps() {
        let path = |n: usize| format!("p{n}");
        let pager = Pages::new(81, 2).pager(7, path);
        assert_eq!((pager.number, pager.page_count), (8, 41));
        assert_eq!((pager.first_item, pager.last_item), (15, 16));
        assert_eq!(pager.previous.as_deref(), Some("p7"));
        assert_eq!(pager.next.as_deref(), Some("p9"));
        let shown: Vec<(usize, bool, bool)> = pager
            .links
            .iter()
            .map(|l| (l.number, l.current, l.gap_before))
            .collect();
        assert_eq!(
            shown,
            [
                (1, false, false),
                (7, false, true),
                (8, true, false),
                (9, false, false),
                (41, false, true)
            ]
        );
        let first = Pages::new(3, 2).pager(0, path);
        assert_eq!(first.previous, None);
        assert_eq!(Pages::new(3, 2).pager(1, path).next, None);
    }
}
