//! The graph page's picture: entities as nodes (coloured by type, sized by
//! mentions), relations and co-mentions as edges, laid out once by a
//! deterministic force-directed placement and drawn as a static SVG that
//! reads without JavaScript, each node a link to its entity page.
//!
//! The layout is Fruchterman–Reingold, written here rather than taken from
//! a crate: the graph crates bring a numeric stack (nalgebra, petgraph) for
//! some sixty lines of arithmetic, and this keeps the output byte-stable:
//! fixed start positions, fixed iteration count, no randomness.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::labels::type_singular;
use super::views::Views;
use crate::html::escape;
use crate::ids::EntityId;

/// At most this many entities are drawn: the most mentioned.
pub(crate) const MAX_NODES: usize = 200;
/// Only the names of this many nodes are written; the others show theirs
/// on hover and on their page, so that the picture stays legible.
const MAX_LABELS: usize = 60;

/// Width added to the right of the picture for labels, in SVG units.
const LABEL_ROOM: f64 = 170.0;
/// Labels longer than this are cut (the full name is in the tooltip).
const LABEL_CHARS: usize = 26;

/// `name`, cut to `max` characters with `…`.
fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// An entity in the picture.
#[derive(Debug, Clone)]
struct Node {
    entity: EntityId,
    mentions: usize,
    x: f64,
    y: f64,
}

/// What joins two nodes (indices into the node list).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Link {
    /// Named in this many articles together.
    Together(usize),
    /// A relation of this type, from the first node to the second.
    Relation(String),
}

/// The graph, laid out.
pub(crate) struct Picture {
    nodes: Vec<Node>,
    edges: Vec<(usize, usize, Link)>,
    size: f64,
}

/// How many times the articles name each entity, by entity.
pub(crate) fn mention_counts(views: &Views<'_>) -> Vec<usize> {
    let mut mentions = vec![0usize; views.dossier.entities.len()];
    for article in &views.annotated.entities_of {
        for (entity, count) in article {
            mentions[*entity] += count;
        }
    }
    mentions
}

/// Every pair of entities named in the same article (the lower id first),
/// with the number of articles naming both.
pub(crate) fn named_together(views: &Views<'_>) -> BTreeMap<(EntityId, EntityId), usize> {
    let mut together = BTreeMap::new();
    for article in &views.annotated.entities_of {
        for (i, (a, _)) in article.iter().enumerate() {
            for (b, _) in &article[i + 1..] {
                *together.entry(((*a).min(*b), (*a).max(*b))).or_insert(0) += 1;
            }
        }
    }
    together
}

/// Chooses the nodes and edges and lays them out.
pub(crate) fn picture(views: &Views<'_>) -> Picture {
    let dossier = views.dossier;
    let mentions = mention_counts(views);
    let related: Vec<bool> = dossier
        .relations_of
        .iter()
        .map(|of| !of.outgoing.is_empty() || !of.incoming.is_empty())
        .collect();
    let mut chosen: Vec<EntityId> = (0..dossier.entities.len())
        .filter(|e| mentions[*e] > 0 || related[*e])
        .map(EntityId)
        .collect();
    chosen.sort_by(|a, b| mentions[*b].cmp(&mentions[*a]).then(a.cmp(b)));
    chosen.truncate(MAX_NODES);
    chosen.sort_unstable();
    let index: BTreeMap<EntityId, usize> =
        chosen.iter().enumerate().map(|(i, e)| (*e, i)).collect();

    let mut edges = Vec::new();
    for relation in &dossier.relations {
        if let (Some(a), Some(b)) = (index.get(&relation.from), index.get(&relation.to)) {
            edges.push((*a, *b, Link::Relation(relation.kind.clone())));
        }
    }
    let mut together: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for ((a, b), shared) in named_together(views) {
        if let (Some(a), Some(b)) = (index.get(&a), index.get(&b)) {
            together.insert(((*a).min(*b), (*a).max(*b)), shared);
        }
    }
    // The strongest co-mentions only, three times as many as nodes in
    // all, keeps the picture readable.
    let mut strongest: Vec<((usize, usize), usize)> = together.into_iter().collect();
    strongest.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    strongest.truncate(chosen.len() * 3);
    edges.extend(
        strongest
            .into_iter()
            .map(|((a, b), n)| (a, b, Link::Together(n))),
    );
    edges.sort();

    let nodes: Vec<Node> = chosen
        .iter()
        .map(|e| Node {
            entity: *e,
            mentions: mentions[*e],
            x: 0.0,
            y: 0.0,
        })
        .collect();
    let mut picture = Picture {
        size: 0.0,
        nodes,
        edges,
    };
    lay_out(&mut picture);
    picture
}

/// Fruchterman–Reingold from a golden-angle spiral, 300 rounds.
fn lay_out(picture: &mut Picture) {
    let count = picture.nodes.len().max(1);
    #[allow(clippy::cast_precision_loss)] // counts of at most MAX_NODES
    let n = count as f64;
    let size = 240.0 + 90.0 * n.sqrt();
    let k = (size * size / n).sqrt() * 0.6;
    for (i, node) in picture.nodes.iter_mut().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let i = i as f64;
        let angle = i * 2.399_963_229_728_653;
        let radius = k * 0.5 * (i + 0.5).sqrt();
        node.x = radius * angle.cos();
        node.y = radius * angle.sin();
    }
    let rounds = 300;
    for round in 0..rounds {
        #[allow(clippy::cast_precision_loss)]
        let temperature = size / 10.0 * (1.0 - f64::from(round) / f64::from(rounds)) + 0.5;
        let mut shift = vec![(0.0f64, 0.0f64); count];
        for a in 0..picture.nodes.len() {
            for b in a + 1..picture.nodes.len() {
                let (dx, dy, d) = delta(&picture.nodes[a], &picture.nodes[b]);
                let push = k * k / d;
                shift[a].0 += dx / d * push;
                shift[a].1 += dy / d * push;
                shift[b].0 -= dx / d * push;
                shift[b].1 -= dy / d * push;
            }
        }
        for (a, b, link) in &picture.edges {
            let strength = match link {
                Link::Relation(_) => 1.5,
                #[allow(clippy::cast_precision_loss)]
                Link::Together(shared) => 1.0 + (*shared as f64).ln(),
            };
            let (dx, dy, d) = delta(&picture.nodes[*a], &picture.nodes[*b]);
            let pull = d * d / k * strength;
            shift[*a].0 -= dx / d * pull;
            shift[*a].1 -= dy / d * pull;
            shift[*b].0 += dx / d * pull;
            shift[*b].1 += dy / d * pull;
        }
        for (node, (sx, sy)) in picture.nodes.iter_mut().zip(shift) {
            // A little gravity keeps unconnected nodes in the frame.
            let (sx, sy) = (sx - node.x * 0.05, sy - node.y * 0.05);
            let length = (sx * sx + sy * sy).sqrt().max(1e-9);
            let step = length.min(temperature);
            node.x += sx / length * step;
            node.y += sy / length * step;
        }
    }
    fit(picture, size);
    separate(picture);
}

/// Scales and moves the layout into a `size` square with a margin.
fn fit(picture: &mut Picture, size: f64) {
    let (min_x, max_x, min_y, max_y) = bounds(&picture.nodes);
    let margin = 40.0;
    let span = (max_x - min_x).max(max_y - min_y).max(1.0);
    let scale = (size - 2.0 * margin) / span;
    for node in &mut picture.nodes {
        node.x = margin + (node.x - min_x) * scale;
        node.y = margin + (node.y - min_y) * scale;
    }
    picture.size = size;
}

/// Pushes apart nodes whose circles would touch, then grows the picture
/// to hold them: forces alone can leave two weakly tied nodes on top of
/// each other.
fn separate(picture: &mut Picture) {
    let gap = 4.0;
    for _ in 0..100 {
        let mut moved = false;
        for a in 0..picture.nodes.len() {
            for b in a + 1..picture.nodes.len() {
                let need =
                    radius(picture.nodes[a].mentions) + radius(picture.nodes[b].mentions) + gap;
                let (dx, dy, d) = delta(&picture.nodes[a], &picture.nodes[b]);
                if d < need {
                    // Coincident nodes part along a fixed, index-given angle.
                    #[allow(clippy::cast_precision_loss)]
                    let (ux, uy) = if d < 0.02 {
                        ((b as f64).cos(), (b as f64).sin())
                    } else {
                        (dx / d, dy / d)
                    };
                    let push = (need - d) / 2.0 + 0.01;
                    picture.nodes[a].x += ux * push;
                    picture.nodes[a].y += uy * push;
                    picture.nodes[b].x -= ux * push;
                    picture.nodes[b].y -= uy * push;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    let (min_x, max_x, min_y, max_y) = bounds(&picture.nodes);
    let margin = 40.0;
    for node in &mut picture.nodes {
        node.x += margin - min_x;
        node.y += margin - min_y;
    }
    picture.size = picture
        .size
        .max((max_x - min_x).max(max_y - min_y) + 2.0 * margin);
}

fn bounds(nodes: &[Node]) -> (f64, f64, f64, f64) {
    nodes.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a, b, c, d), n| (a.min(n.x), b.max(n.x), c.min(n.y), d.max(n.y)),
    )
}

fn delta(a: &Node, b: &Node) -> (f64, f64, f64) {
    let dx = a.x - b.x;
    let dy = a.y - b.y;
    let d = (dx * dx + dy * dy).sqrt().max(0.01);
    (dx, dy, d)
}

/// The radius of a node with `mentions` mentions.
fn radius(mentions: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let m = mentions as f64;
    (5.0 + 2.5 * m.sqrt()).min(28.0)
}

impl Picture {
    /// Entities drawn.
    pub(crate) fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// The SVG, with links relative to a page `root` away from the site root.
    /// `title` names the picture; `mentions` is the word for mentions.
    pub(crate) fn svg(&self, views: &Views<'_>, root: &str, title: &str, mentions: &str) -> String {
        let mentions = escape(mentions);
        let entities = &views.dossier.entities;
        let size = self.size.round();
        // Room on the right for the labels of the rightmost nodes.
        let width = size + LABEL_ROOM;
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {size}\" role=\"group\" aria-labelledby=\"graph-title\">\n<title id=\"graph-title\">{}</title>\n<g class=\"edges\">\n",
            escape(title)
        );
        for (a, b, link) in &self.edges {
            let (na, nb) = (&self.nodes[*a], &self.nodes[*b]);
            let (from, to) = (
                escape(&entities[na.entity].name),
                escape(&entities[nb.entity].name),
            );
            let (class, width, label) = match link {
                Link::Relation(kind) => {
                    ("relation", 1.6, format!("{from} — {} → {to}", escape(kind)))
                }
                #[allow(clippy::cast_precision_loss)]
                Link::Together(shared) => (
                    "together",
                    (0.6 + (*shared as f64).sqrt()).min(6.0),
                    format!("{from} · {to}: {shared}"),
                ),
            };
            let _ = writeln!(
                svg,
                "<line class=\"{class}\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke-width=\"{width:.1}\"><title>{label}</title></line>",
                na.x, na.y, nb.x, nb.y
            );
        }
        svg.push_str("</g>\n<g class=\"nodes\">\n");
        let mut by_weight: Vec<usize> = (0..self.nodes.len()).collect();
        by_weight.sort_by(|a, b| {
            self.nodes[*b]
                .mentions
                .cmp(&self.nodes[*a].mentions)
                .then(a.cmp(b))
        });
        let labelled: Vec<bool> = {
            let mut flags = vec![false; self.nodes.len()];
            for i in by_weight.iter().take(MAX_LABELS) {
                flags[*i] = true;
            }
            flags
        };
        for (i, node) in self.nodes.iter().enumerate() {
            let entity = &entities[node.entity];
            let name = escape(&entity.name);
            let kind = escape(&entity.kind);
            let r = radius(node.mentions);
            let _ = write!(
                svg,
                "<a href=\"{root}{}\"><title>{name} ({}), {} {mentions}</title><circle class=\"t-{kind}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\"/>",
                crate::paths::entity(&entity.id),
                escape(&type_singular(&entity.kind, views.language)),
                node.mentions,
                node.x,
                node.y
            );
            if labelled[i] {
                let short = escape(&shorten(&entity.name, LABEL_CHARS));
                let _ = write!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{:.1}\">{short}</text>",
                    node.x + r + 3.0,
                    node.y + 4.0
                );
            }
            svg.push_str("</a>\n");
        }
        svg.push_str("</g>\n</svg>");
        svg
    }
}
