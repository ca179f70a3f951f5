//! Where each node's name is written: beside, under or above its circle,
//! at the first place that stays inside the picture and clear of every
//! name already written, the most mentioned first. A name that finds no
//! place is left to the node's tooltip and page; the caller spreads the
//! picture and tries again first.
//!
//! Widths are estimated from the letters, generously: the names are drawn
//! in the reader's own sans-serif font, which the build cannot measure.
//! `tests/browser/graph.js` measures them in Chromium.

use super::Node;

/// The size of the names, in SVG units; style.css draws them at it.
pub(super) const FONT_SIZE: f64 = 12.0;
/// Above the baseline, and below it, for the box a name takes.
const ASCENT: f64 = 11.0;
const DESCENT: f64 = 4.0;
/// Between a circle and its name, and between two names.
const GAP: f64 = 3.0;

/// How a name is anchored at its point (SVG's `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub(super) fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A name, placed: its anchor point (on the baseline) and how it hangs.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Label {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
}

/// A rectangle: left, top, right, bottom.
#[derive(Debug, Clone, Copy)]
struct Area(f64, f64, f64, f64);

impl Area {
    fn overlaps(self, other: Area) -> bool {
        self.0 < other.2 + GAP
            && other.0 < self.2 + GAP
            && self.1 < other.3 + GAP
            && other.1 < self.3 + GAP
    }

    fn inside(self, width: f64, height: f64) -> bool {
        self.0 >= 1.0 && self.1 >= 1.0 && self.2 <= width - 1.0 && self.3 <= height - 1.0
    }

    /// Whether it covers part of a circle.
    fn covers(self, x: f64, y: f64, r: f64) -> bool {
        let nearest_x = x.clamp(self.0, self.2);
        let nearest_y = y.clamp(self.1, self.3);
        (x - nearest_x).powi(2) + (y - nearest_y).powi(2) < r * r
    }
}

/// The estimated width of `text` at [`FONT_SIZE`], a little over what
/// common sans-serif fonts give.
pub(super) fn width(text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | '\'' | '’' | ':' | ';' | '!' | '|' => 0.32,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' | '—' | '…' => 0.98,
            c if c.is_uppercase() => 0.76,
            c if c.is_ascii() => 0.6,
            // Other scripts: Cyrillic and Greek about Latin's width,
            // CJK a full em.
            c if (c as u32) < 0x2E80 => 0.7,
            _ => 1.05,
        })
        .sum();
    ems * FONT_SIZE + 2.0
}

/// The area `name` takes when anchored at (`x`, `y`).
fn area(x: f64, y: f64, anchor: Anchor, text_width: f64) -> Area {
    let left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - text_width / 2.0,
        Anchor::End => x - text_width,
    };
    Area(left, y - ASCENT, left + text_width, y + DESCENT)
}

/// Places the names of `nodes` (each its `name` and `width`) in a picture
/// of `width` × `height`, the nodes in `order` first to last; gives how
/// many found no place.
pub(super) fn place(nodes: &mut [Node], order: &[usize], width: f64, height: f64) -> usize {
    let mut taken: Vec<Area> = Vec::new();
    let mut missing = 0;
    for &i in order {
        let node = &nodes[i];
        let (x, y, r, w) = (node.x, node.y, node.radius, node.name_width);
        let side = r + GAP;
        let candidates = [
            (x + side, y + 4.0, Anchor::Start),
            (x - side, y + 4.0, Anchor::End),
            (x, y + r + GAP + ASCENT, Anchor::Middle),
            (x, y - r - GAP - DESCENT, Anchor::Middle),
            (x + side, y - r + 2.0, Anchor::Start),
            (x + side, y + r + 6.0, Anchor::Start),
            (x - side, y - r + 2.0, Anchor::End),
            (x - side, y + r + 6.0, Anchor::End),
        ];
        let fits = |(cx, cy, anchor): &(f64, f64, Anchor), clear_of_circles: bool| {
            let box_ = area(*cx, *cy, *anchor, w);
            box_.inside(width, height)
                && taken.iter().all(|t| !t.overlaps(box_))
                && (!clear_of_circles
                    || nodes
                        .iter()
                        .enumerate()
                        .all(|(j, n)| j == i || !box_.covers(n.x, n.y, n.radius)))
        };
        // Clear of other circles if it can be; over them, where the
        // name's halo keeps it legible, if not.
        let chosen = candidates
            .iter()
            .find(|c| fits(c, true))
            .or_else(|| candidates.iter().find(|c| fits(c, false)))
            .copied();
        match chosen {
            Some((lx, ly, anchor)) => {
                taken.push(area(lx, ly, anchor, w));
                nodes[i].label = Some(Label {
                    x: lx,
                    y: ly,
                    anchor,
                });
            }
            None => {
                nodes[i].label = None;
                missing += 1;
            }
        }
    }
    missing
}
