//! The entity graph as GEXF 1.3 (Gephi's own format) and as GraphML
//! (networkx, yEd, Cytoscape): every entity a node (its id, name, type,
//! number of mentions, Wikidata id, page), every relation a directed edge
//! (typed, dated by `since` and `until`), and every pair of entities named
//! in the same articles an edge weighted by the number of those articles.
//! The attribute `kind` tells the two kinds of edge apart.
//!
//! A co-mention has no direction, but GEXF readers (networkx among them)
//! refuse a graph that mixes directed and undirected edges: it goes from
//! the entity first in id order to the other, and says so in the docs.
//! The counts come from `render::graph`, as the graph page's do.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::date::DateValue;
use crate::paths;
use crate::render::graph::mention_counts;
use crate::render::publish::xml_escape as escape;
use crate::render::views::Views;

use super::site_base;

/// One edge, its attributes written out (kind, relation, since, until,
/// source) beside its weight.
struct Edge {
    id: String,
    from: String,
    to: String,
    label: String,
    weight: usize,
    values: [(&'static str, String); 5],
}

/// A node's attributes beside its id and label: type, mentions,
/// Wikidata id, page.
struct Node {
    id: String,
    label: String,
    values: [(&'static str, String); 4],
}

/// The node attributes and their types (GEXF's word, GraphML's word).
const NODE_ATTRIBUTES: [(&str, &str, &str); 4] = [
    ("type", "string", "string"),
    ("mentions", "integer", "int"),
    ("wikidata", "string", "string"),
    ("page", "string", "string"),
];
const EDGE_ATTRIBUTES: [&str; 5] = ["kind", "relation", "since", "until", "source"];

fn iso(date: Option<&DateValue>) -> String {
    date.map(DateValue::iso).unwrap_or_default()
}

/// The nodes and edges, in the model's order: entities by id, relations
/// as the dossier lists them, then co-mentions by pair.
/// The graph's nodes, and its edges, made one at a time as they are
/// written: at 100,000 articles there are hundreds of thousands.
fn graph<'a>(views: &'a Views<'_>) -> (Vec<Node>, impl Iterator<Item = Edge> + 'a) {
    let dossier = views.dossier;
    let base = site_base(views);
    let mentions = mention_counts(views);
    let nodes = (dossier.entities.iter().enumerate())
        .map(|(i, entity)| Node {
            id: entity.id.clone(),
            label: entity.name.clone(),
            values: [
                ("type", entity.kind.clone()),
                ("mentions", mentions[i].to_string()),
                ("wikidata", entity.wikidata.clone().unwrap_or_default()),
                ("page", paths::entity_url(&base, &entity.id)),
            ],
        })
        .collect();
    let id = move |e: crate::ids::EntityId| dossier.entities[e].id.clone();
    let relations = (dossier.relations.iter().enumerate()).map(move |(i, relation)| Edge {
        id: format!("r{}", i + 1),
        from: id(relation.from),
        to: id(relation.to),
        label: relation.kind.clone(),
        weight: 1,
        values: [
            ("kind", "relation".to_string()),
            ("relation", relation.kind.clone()),
            ("since", iso(relation.since.as_ref())),
            ("until", iso(relation.until.as_ref())),
            (
                "source",
                (relation.source)
                    .map(|a| dossier.articles[a].slug.clone())
                    .unwrap_or_default(),
            ),
        ],
    });
    let co_mentions =
        (views.named_together().iter())
            .enumerate()
            .map(move |(i, &((a, b), shared))| Edge {
                id: format!("c{}", i + 1),
                from: id(a),
                to: id(b),
                label: String::new(),
                weight: shared,
                values: [
                    ("kind", "co-mention".to_string()),
                    ("relation", String::new()),
                    ("since", String::new()),
                    ("until", String::new()),
                    ("source", String::new()),
                ],
            });
    (nodes, relations.chain(co_mentions))
}

/// Writes out what `xml` holds once it is long enough.
fn write_past(xml: &mut String, out: &mut dyn Write) -> io::Result<()> {
    if xml.len() > 1 << 16 {
        out.write_all(xml.as_bytes())?;
        xml.clear();
    }
    Ok(())
}

/// `data/graph.gexf`. An empty value is left out rather than written
/// empty, so that Gephi sees no value.
pub(crate) fn gexf(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let (nodes, edges) = graph(views);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        xml,
        "<meta><creator>dossier</creator><description>{}</description></meta>",
        escape(&views.dossier.config.title)
    );
    xml.push_str(
        "<graph defaultedgetype=\"directed\" mode=\"static\">\n<attributes class=\"node\">\n",
    );
    for (name, kind, _) in NODE_ATTRIBUTES {
        let _ = writeln!(
            xml,
            "<attribute id=\"{name}\" title=\"{name}\" type=\"{kind}\"/>"
        );
    }
    xml.push_str("</attributes>\n<attributes class=\"edge\">\n");
    for name in EDGE_ATTRIBUTES {
        let _ = writeln!(
            xml,
            "<attribute id=\"{name}\" title=\"{name}\" type=\"string\"/>"
        );
    }
    xml.push_str("</attributes>\n<nodes>\n");
    for node in &nodes {
        let _ = write!(
            xml,
            "<node id=\"{}\" label=\"{}\">",
            escape(&node.id),
            escape(&node.label)
        );
        gexf_values(&mut xml, &node.values);
        xml.push_str("</node>\n");
    }
    xml.push_str("</nodes>\n<edges>\n");
    for edge in edges {
        let _ = write!(
            xml,
            "<edge id=\"{}\" source=\"{}\" target=\"{}\"",
            edge.id,
            escape(&edge.from),
            escape(&edge.to),
        );
        if !edge.label.is_empty() {
            let _ = write!(xml, " label=\"{}\"", escape(&edge.label));
        }
        let _ = write!(xml, " weight=\"{}\">", edge.weight);
        gexf_values(&mut xml, &edge.values);
        xml.push_str("</edge>\n");
        write_past(&mut xml, out)?;
    }
    xml.push_str("</edges>\n</graph>\n</gexf>\n");
    out.write_all(xml.as_bytes())
}

fn gexf_values(xml: &mut String, values: &[(&str, String)]) {
    xml.push_str("<attvalues>");
    for (name, value) in values.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = write!(
            xml,
            "<attvalue for=\"{name}\" value=\"{}\"/>",
            escape(value)
        );
    }
    xml.push_str("</attvalues>");
}

/// `data/graph.graphml`.
pub(crate) fn graphml(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let (nodes, edges) = graph(views);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
    );
    for (name, _, kind) in NODE_ATTRIBUTES {
        let _ = writeln!(
            xml,
            "<key id=\"{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    for name in EDGE_ATTRIBUTES {
        let _ = writeln!(
            xml,
            "<key id=\"{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"string\"/>"
        );
    }
    xml.push_str("<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n<graph id=\"entities\" edgedefault=\"directed\">\n");
    for node in &nodes {
        let _ = write!(
            xml,
            "<node id=\"{}\"><data key=\"label\">{}</data>",
            escape(&node.id),
            escape(&node.label)
        );
        graphml_values(&mut xml, &node.values);
        xml.push_str("</node>\n");
    }
    for edge in edges {
        let _ = write!(
            xml,
            "<edge id=\"{}\" source=\"{}\" target=\"{}\">",
            edge.id,
            escape(&edge.from),
            escape(&edge.to)
        );
        graphml_values(&mut xml, &edge.values);
        let _ = write!(xml, "<data key=\"weight\">{}</data>", edge.weight);
        xml.push_str("</edge>\n");
        write_past(&mut xml, out)?;
    }
    xml.push_str("</graph>\n</graphml>\n");
    out.write_all(xml.as_bytes())
}

fn graphml_values(xml: &mut String, values: &[(&str, String)]) {
    for (name, value) in values.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = write!(xml, "<data key=\"{name}\">{}</data>", escape(value));
    }
}
