//! Where each node goes. Each connected part of the graph is laid out on
//! its own by a force-directed placement (Fruchterman–Reingold from a
//! golden-angle spiral: fixed start, fixed rounds, no randomness, so the
//! output is byte-stable), then the parts are packed in rows, tallest
//! first, about a page wide. Lone entities are parts of one node: they
//! end up side by side in the last rows instead of flung to the edges.
//!
//! Written here rather than taken from a crate: the graph crates bring a
//! numeric stack (nalgebra, petgraph) for some sixty lines of arithmetic.

use super::{Node, Shape};
use std::collections::BTreeMap;

/// How wide the rows of parts may grow, in SVG units (pixels at 1:1):
/// about the width of the page's content, so that labels read at their
/// size on a wide screen.
const ROW_WIDTH: f64 = 960.0;
/// Space around and between parts.
const PAD: f64 = 14.0;

/// Lays out `nodes` joined by `edges` (index pairs with a pull strength);
/// gives the picture's width and height.
pub(super) fn lay_out(nodes: &mut [Node], edges: &[(usize, usize, f64)]) -> (f64, f64) {
    let parts = parts(nodes.len(), edges);
    let mut boxes = Vec::new();
    for members in &parts {
        let local: BTreeMap<usize, usize> =
            members.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let part_edges: Vec<(usize, usize, f64)> = edges
            .iter()
            .filter_map(|(a, b, s)| Some((*local.get(a)?, *local.get(b)?, *s)))
            .collect();
        let mut part: Vec<Node> = members.iter().map(|n| nodes[*n].clone()).collect();
        force(&mut part, &part_edges);
        separate(&mut part);
        let shape = Shape::around(&part);
        for (node, placed) in members.iter().zip(part) {
            nodes[*node].x = placed.x - shape.left;
            nodes[*node].y = placed.y - shape.top;
        }
        boxes.push((members, shape));
    }
    // Shelves: tallest parts first, left to right, a new row when full.
    boxes.sort_by(|(a, x), (b, y)| {
        (y.height())
            .total_cmp(&x.height())
            .then(x.width().total_cmp(&y.width()).reverse())
            .then(a[0].cmp(&b[0]))
    });
    let widest = boxes.iter().map(|(_, s)| s.width()).fold(0.0, f64::max);
    let row_width = ROW_WIDTH.max(widest + 2.0 * PAD);
    let (mut x, mut y, mut row_height, mut width) = (PAD, PAD, 0.0f64, 0.0f64);
    for (members, shape) in &boxes {
        if x > PAD && x + shape.width() + PAD > row_width {
            x = PAD;
            y += row_height + PAD;
            row_height = 0.0;
        }
        for node in members.iter() {
            nodes[*node].x += x;
            nodes[*node].y += y;
        }
        x += shape.width() + PAD;
        width = width.max(x);
        row_height = row_height.max(shape.height());
    }
    (width.max(2.0 * PAD), y + row_height + PAD)
}

/// The connected parts: lists of node indices, each sorted, in the order
/// of their first node.
fn parts(count: usize, edges: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    let mut leader: Vec<usize> = (0..count).collect();
    fn find(leader: &mut [usize], mut n: usize) -> usize {
        while leader[n] != n {
            leader[n] = leader[leader[n]];
            n = leader[n];
        }
        n
    }
    for (a, b, _) in edges {
        let (a, b) = (find(&mut leader, *a), find(&mut leader, *b));
        leader[a.max(b)] = a.min(b);
    }
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for node in 0..count {
        let root = find(&mut leader, node);
        parts.entry(root).or_default().push(node);
    }
    parts.into_values().collect()
}

/// Fruchterman–Reingold from a golden-angle spiral, 300 rounds.
fn force(nodes: &mut [Node], edges: &[(usize, usize, f64)]) {
    if nodes.len() < 2 {
        return;
    }
    #[allow(clippy::cast_precision_loss)] // counts of at most a few hundred
    let n = nodes.len() as f64;
    let size = 80.0 + 140.0 * n.sqrt();
    let k = (size * size / n).sqrt() * 0.6;
    for (i, node) in nodes.iter_mut().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let i = i as f64;
        let angle = i * 2.399_963_229_728_653;
        let radius = k * 0.5 * (i + 0.5).sqrt();
        node.x = radius * angle.cos();
        node.y = radius * angle.sin();
    }
    let rounds = 300;
    for round in 0..rounds {
        let temperature = size / 10.0 * (1.0 - f64::from(round) / f64::from(rounds)) + 0.5;
        let mut shift = vec![(0.0f64, 0.0f64); nodes.len()];
        for a in 0..nodes.len() {
            for b in a + 1..nodes.len() {
                let (dx, dy, d) = delta(&nodes[a], &nodes[b]);
                let push = k * k / d;
                shift[a].0 += dx / d * push;
                shift[a].1 += dy / d * push;
                shift[b].0 -= dx / d * push;
                shift[b].1 -= dy / d * push;
            }
        }
        for (a, b, strength) in edges {
            let (dx, dy, d) = delta(&nodes[*a], &nodes[*b]);
            let pull = d * d / k * strength;
            shift[*a].0 -= dx / d * pull;
            shift[*a].1 -= dy / d * pull;
            shift[*b].0 += dx / d * pull;
            shift[*b].1 += dy / d * pull;
        }
        for (node, (sx, sy)) in nodes.iter_mut().zip(shift) {
            // A little gravity keeps the part round.
            let (sx, sy) = (sx - node.x * 0.05, sy - node.y * 0.05);
            let length = (sx * sx + sy * sy).sqrt().max(1e-9);
            let step = length.min(temperature);
            node.x += sx / length * step;
            node.y += sy / length * step;
        }
    }
    // Forces settle at a scale of their own: the part takes `size`.
    let (left, right, top, bottom) = nodes.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(l, r, t, b), n| (l.min(n.x), r.max(n.x), t.min(n.y), b.max(n.y)),
    );
    let scale = size / (right - left).max(bottom - top).max(1.0);
    for node in nodes.iter_mut() {
        node.x = (node.x - left) * scale;
        node.y = (node.y - top) * scale;
    }
}

/// Pushes apart nodes whose circles would touch: forces alone can leave
/// two weakly tied nodes on top of each other.
pub(super) fn separate(nodes: &mut [Node]) {
    let gap = 6.0;
    for _ in 0..100 {
        let mut moved = false;
        for a in 0..nodes.len() {
            for b in a + 1..nodes.len() {
                let need = nodes[a].radius + nodes[b].radius + gap;
                let (dx, dy, d) = delta(&nodes[a], &nodes[b]);
                if d < need {
                    // Coincident nodes part along a fixed, index-given angle.
                    #[allow(clippy::cast_precision_loss)]
                    let (ux, uy) = if d < 0.02 {
                        ((b as f64).cos(), (b as f64).sin())
                    } else {
                        (dx / d, dy / d)
                    };
                    let push = (need - d) / 2.0 + 0.01;
                    nodes[a].x += ux * push;
                    nodes[a].y += uy * push;
                    nodes[b].x -= ux * push;
                    nodes[b].y -= uy * push;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// `centre` in the middle, the others on a ring around it, in order:
/// the neighbourhood of one entity.
pub(super) fn ring(nodes: &mut [Node], centre: usize) -> (f64, f64) {
    let others = nodes.len().saturating_sub(1).max(1);
    #[allow(clippy::cast_precision_loss)]
    let radius = 70.0 + 14.0 * others as f64;
    let mut placed = 0;
    for (i, node) in nodes.iter_mut().enumerate() {
        if i == centre {
            node.x = 0.0;
            node.y = 0.0;
            continue;
        }
        // From the top, clockwise; the first neighbours are the closest.
        #[allow(clippy::cast_precision_loss)]
        let angle =
            -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * placed as f64 / others as f64;
        node.x = radius * angle.cos();
        node.y = radius * 0.62 * angle.sin();
        placed += 1;
    }
    let shape = Shape::around(nodes);
    for node in nodes.iter_mut() {
        node.x += PAD - shape.left;
        node.y += PAD - shape.top;
    }
    (shape.width() + 2.0 * PAD, shape.height() + 2.0 * PAD)
}

fn delta(a: &Node, b: &Node) -> (f64, f64, f64) {
    let dx = a.x - b.x;
    let dy = a.y - b.y;
    let d = (dx * dx + dy * dy).sqrt().max(0.01);
    (dx, dy, d)
}
