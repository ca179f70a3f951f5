//! The graph pictures: entities as nodes (coloured by type, sized by
//! mentions), relations and co-mentions as edges, drawn as static SVG that
//! reads without JavaScript, each node a link to its entity page. The
//! graph page has the whole dossier's, its most mentioned entities; each
//! entity page has its neighbourhood. `layout` says where the nodes go,
//! `labels` where their names are written.

mod labels;
mod layout;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::labels::type_singular;
use super::views::{Views, counted};
use crate::html::escape;
use crate::ids::EntityId;
use labels::{FONT_SIZE, Label};

/// At most this many entities are drawn on the graph page: the most
/// mentioned. More would not read at a page's width.
pub(crate) const MAX_NODES: usize = 60;
/// At most this many neighbours around an entity.
const MAX_NEIGHBOURS: usize = 10;
/// Names longer than this are cut (the full name is in the tooltip).
const LABEL_CHARS: usize = 26;
/// Wider than this, a picture scrolls sideways on a phone.
const WIDE: f64 = 640.0;
/// How many times the picture is spread before a name is given up.
const SPREADS: usize = 5;

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
    radius: f64,
    /// The name as written beside the node, and its estimated width.
    name: String,
    name_width: f64,
    x: f64,
    y: f64,
    /// Where the name is written; `None` when it found no place.
    label: Option<Label>,
}

impl Node {
    /// `entity`, with `mentions` of the `most` of any node drawn.
    fn new(views: &Views<'_>, entity: EntityId, mentions: usize, most: usize) -> Node {
        let name = shorten(&views.dossier.entities[entity].name, LABEL_CHARS);
        Node {
            entity,
            mentions,
            radius: radius(mentions, most),
            name_width: labels::width(&name),
            name,
            x: 0.0,
            y: 0.0,
            label: None,
        }
    }
}

/// The room a group of nodes takes, their names written to the right.
#[derive(Debug, Clone, Copy)]
struct Shape {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Shape {
    fn around(nodes: &[Node]) -> Shape {
        let half_line = FONT_SIZE * 0.75;
        nodes.iter().fold(
            Shape {
                left: f64::MAX,
                top: f64::MAX,
                right: f64::MIN,
                bottom: f64::MIN,
            },
            |s, n| Shape {
                left: s.left.min(n.x - n.radius),
                top: s.top.min(n.y - n.radius.max(half_line)),
                right: s.right.max(n.x + n.radius + 4.0 + n.name_width),
                bottom: s.bottom.max(n.y + n.radius.max(half_line)),
            },
        )
    }

    fn width(self) -> f64 {
        self.right - self.left
    }

    fn height(self) -> f64 {
        self.bottom - self.top
    }
}

/// What joins two nodes (indices into the node list).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Link {
    /// Named in this many articles together.
    Together(usize),
    /// A relation of this type, from the first node to the second.
    Relation(String),
}

impl Link {
    /// How strongly the layout pulls its ends together.
    fn strength(&self) -> f64 {
        match self {
            Link::Relation(_) => 1.5,
            #[allow(clippy::cast_precision_loss)]
            Link::Together(shared) => 1.0 + (*shared as f64).ln(),
        }
    }
}

/// A graph, laid out.
pub(crate) struct Picture {
    nodes: Vec<Node>,
    edges: Vec<(usize, usize, Link)>,
    width: f64,
    height: f64,
    /// How many entities could have been drawn: those mentioned or related.
    drawable: usize,
}

/// Each entity's mentions in all articles.
pub(crate) fn mention_counts(views: &Views<'_>) -> Vec<usize> {
    let mut mentions = vec![0usize; views.dossier.entities.len()];
    for article in &views.annotated.entities_of {
        for (entity, count) in article {
            mentions[*entity] += count;
        }
    }
    mentions
}

/// A number written as `{:.1}` writes it, with less work: every entity
/// page draws its neighbourhood, and formatting floats at a precision was
/// a fiftieth of a build.
struct Tenths(f64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scaled = self.0 * 10.0;
        let rounded = scaled.round();
        // Rounding a product differs from rounding the exact decimal only
        // near a half; negative numbers may print `-0.0`: both left to
        // the standard formatting.
        let plain = self.0.is_sign_positive() && scaled < 1e12;
        if !plain || ((scaled - scaled.floor()) - 0.5).abs() < 1e-6 {
            return write!(f, "{:.1}", self.0);
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let tenths = rounded as u64;
        write!(f, "{}.{}", tenths / 10, tenths % 10)
    }
}

/// Every pair of entities named in (or listed by `entities:`) the same
/// article, the lower id first, with the number of articles naming both,
/// in pair order: the co-mentions of the graph page and of the exports
/// (made once, by [`Views::named_together`]).
pub(crate) fn named_together(views: &Views<'_>) -> Vec<((EntityId, EntityId), usize)> {
    let mut pairs = Vec::new();
    for article in &views.annotated.entities_of {
        for (i, (a, _)) in article.iter().enumerate() {
            for (b, _) in &article[i + 1..] {
                pairs.push(((*a).min(*b), (*a).max(*b)));
            }
        }
    }
    counted(pairs)
}

/// The graph page's picture: the most mentioned entities, with their
/// relations and strongest co-mentions.
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
    let drawable = chosen.len();
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
    for &((a, b), shared) in views.named_together() {
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
    let most = chosen.iter().map(|e| mentions[*e]).max().unwrap_or(0);
    let nodes = chosen
        .iter()
        .map(|e| Node::new(views, *e, mentions[*e], most))
        .collect();
    Picture::laid_out(nodes, edges, drawable, layout::lay_out)
}

/// The picture of `entity` among its neighbours: the entities of its
/// relations, then those most often named with it; `None` when it has
/// none.
pub(crate) fn neighbourhood(views: &Views<'_>, entity: EntityId) -> Option<Picture> {
    let dossier = views.dossier;
    let annotated = views.annotated;
    let mentions_of = |e: EntityId| -> usize {
        annotated.mentioned_in[e]
            .iter()
            .map(|m| m.mentions.len())
            .sum()
    };
    let mut chosen = vec![entity];
    let mut edges = Vec::new();
    let of = &dossier.relations_of[entity];
    for r in of.outgoing.iter().chain(&of.incoming) {
        let relation = &dossier.relations[*r];
        let other = if relation.from == entity {
            relation.to
        } else {
            relation.from
        };
        if other != entity && !chosen.contains(&other) && chosen.len() <= MAX_NEIGHBOURS {
            chosen.push(other);
        }
    }
    let mut together: BTreeMap<EntityId, usize> = BTreeMap::new();
    for mentioned in &annotated.mentioned_in[entity] {
        for (other, _) in &annotated.entities_of[mentioned.article] {
            if *other != entity {
                *together.entry(*other).or_insert(0) += 1;
            }
        }
    }
    let mut by_count: Vec<(EntityId, usize)> = together.iter().map(|(e, n)| (*e, *n)).collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (other, _) in &by_count {
        if chosen.len() > MAX_NEIGHBOURS {
            break;
        }
        if !chosen.contains(other) {
            chosen.push(*other);
        }
    }
    if chosen.len() < 2 {
        return None;
    }
    let index: BTreeMap<EntityId, usize> =
        chosen.iter().enumerate().map(|(i, e)| (*e, i)).collect();
    for relation in &dossier.relations {
        // The entity's own relations only: the others would cross the
        // ring.
        if let (Some(a), Some(b)) = (index.get(&relation.from), index.get(&relation.to))
            && (*a == 0 || *b == 0)
        {
            edges.push((*a, *b, Link::Relation(relation.kind.clone())));
        }
    }
    for (other, count) in &together {
        if let Some(i) = index.get(other) {
            edges.push((0, *i, Link::Together(*count)));
        }
    }
    edges.sort();
    let counts: Vec<usize> = chosen.iter().map(|e| mentions_of(*e)).collect();
    let most = counts.iter().copied().max().unwrap_or(0);
    let nodes = chosen
        .iter()
        .zip(counts)
        .map(|(e, count)| Node::new(views, *e, count, most))
        .collect();
    let drawable = chosen.len();
    Some(Picture::laid_out(nodes, edges, drawable, |nodes, _| {
        layout::ring(nodes, 0)
    }))
}

/// The radius of a node with `mentions` mentions, where the most any
/// node of the picture has is `most`: by area, from 4 to 18.
fn radius(mentions: usize, most: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let share = mentions as f64 / most.max(1) as f64;
    4.0 + 14.0 * share.sqrt()
}

impl Picture {
    /// Lays out `nodes` with `lay_out`, then writes their names, spreading
    /// the picture while some find no place.
    fn laid_out(
        mut nodes: Vec<Node>,
        edges: Vec<(usize, usize, Link)>,
        drawable: usize,
        lay_out: impl Fn(&mut [Node], &[(usize, usize, f64)]) -> (f64, f64),
    ) -> Picture {
        let pulls: Vec<(usize, usize, f64)> = edges
            .iter()
            .map(|(a, b, l)| (*a, *b, l.strength()))
            .collect();
        let (mut width, mut height) = lay_out(&mut nodes, &pulls);
        // The most mentioned name first: it is the one a reader looks for.
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|a, b| nodes[*b].mentions.cmp(&nodes[*a].mentions).then(a.cmp(b)));
        for spread in 0..=SPREADS {
            if labels::place(&mut nodes, &order, width, height) == 0 || spread == SPREADS {
                break;
            }
            for node in &mut nodes {
                node.x *= 1.2;
                node.y *= 1.2;
            }
            width *= 1.2;
            height *= 1.2;
        }
        Picture {
            nodes,
            edges,
            width,
            height,
            drawable,
        }
    }

    /// Entities drawn.
    pub(crate) fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Entities that could have been drawn: mentioned or related.
    pub(crate) fn drawable(&self) -> usize {
        self.drawable
    }

    /// The SVG, with links relative to a page `root` away from the site
    /// root. `title` names the picture; `mentions` is the word for
    /// mentions.
    pub(crate) fn svg(&self, views: &Views<'_>, root: &str, title: &str, mentions: &str) -> String {
        let mentions = escape(mentions);
        let entities = &views.dossier.entities;
        let (width, height) = (self.width.ceil(), self.height.ceil());
        // Wide pictures keep a width their names can be read at (style.css).
        let class = if width > WIDE { "graph wide" } else { "graph" };
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg class=\"{class}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"group\" aria-label=\"{}\">\n<title>{}</title>\n<g class=\"edges\">\n",
            escape(title),
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
                "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"><title>{label}</title></line>",
                Tenths(na.x),
                Tenths(na.y),
                Tenths(nb.x),
                Tenths(nb.y),
                Tenths(width)
            );
        }
        svg.push_str("</g>\n<g class=\"nodes\">\n");
        for node in &self.nodes {
            let entity = &entities[node.entity];
            let name = escape(&entity.name);
            let kind = escape(&entity.kind);
            let _ = writeln!(
                svg,
                "<a href=\"{root}{}\"><title>{name} ({}), {} {mentions}</title><circle class=\"t-{kind}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/></a>",
                crate::paths::entity(&entity.id),
                escape(&type_singular(&entity.kind, views.language)),
                node.mentions,
                Tenths(node.x),
                Tenths(node.y),
                Tenths(node.radius),
            );
        }
        // Names over every circle. Each is a link too, for the mouse; the
        // circle's link, named in its title, is the one for keyboards and
        // screen readers.
        svg.push_str("</g>\n<g class=\"names\" aria-hidden=\"true\">\n");
        for node in &self.nodes {
            if let Some(label) = &node.label {
                let _ = writeln!(
                    svg,
                    "<a href=\"{root}{}\" tabindex=\"-1\"><text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text></a>",
                    crate::paths::entity(&entities[node.entity].id),
                    Tenths(label.x),
                    Tenths(label.y),
                    label.anchor.svg(),
                    escape(&node.name)
                );
            }
        }
        svg.push_str("</g>\n</svg>");
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::Tenths;

    #[test]
    fn tenths_are_written_as_the_standard_formatting_writes_them() {
        let mut values = vec![
            0.0, -0.0, -0.04, -3.25, 0.05, 0.25, 0.35, 1.45, 2.5, 999.95, 1e13,
        ];
        // Every hundredth up to 2,000, and a spread of fractions.
        values.extend((0..200_000).map(|n| f64::from(n) / 100.0));
        values.extend((0..100_000).map(|n| f64::from(n) * 0.731_234_5));
        for value in values {
            assert_eq!(
                Tenths(value).to_string(),
                format!("{value:.1}"),
                "{value:?}"
            );
        }
    }
}
