//! `data/graph.gexf` and `data/graph.graphml`: the entity graph for
//! Gephi and networkx (made by `render::exports::graph_xml`).

use super::{DataFile, exported};
use crate::config::Export;
use crate::render::exports::graph_xml::{gexf, graphml};

pub(super) const GEXF: DataFile = DataFile {
    path: "data/graph.gexf",
    made: |site| exported(site, Export::Gexf),
    write: |file, out| gexf(file.views, out),
};

pub(super) const GRAPHML: DataFile = DataFile {
    path: "data/graph.graphml",
    made: |site| exported(site, Export::Graphml),
    write: |file, out| graphml(file.views, out),
};
