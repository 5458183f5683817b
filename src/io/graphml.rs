//! GraphML of the visible graph: <http://graphml.graphdrawing.org/>.
//!
//! Every edge is written directed (`edgedefault="directed"`, no per-edge `directed="false"`)
//! and carries a boolean `directed` data value saying whether its relation kind really has a
//! direction. networkx's reader rejects a file that mixes directed and undirected edges
//! ("directed=false edge found in directed graph"), and igraph ignores the per-edge flag, so
//! a mixed file would open in Gephi only.

use std::fmt::Write as _;
use std::path::Path;

use crate::graph::{AtlasGraph, Visible};

use super::xml::{self, EDGE_ATTRS, NODE_ATTRS, push_escaped};
use super::{ExportError, write_atomically};

/// Key ids `d0, d1, …` as networkx writes them: node keys first, then edge keys. (Not
/// `e…`, which would look like the edge ids.)
const FIRST_EDGE_KEY: usize = 1 + NODE_ATTRS.len();

/// The visible part of `graph` as a GraphML document.
pub fn graphml(graph: &AtlasGraph, visible: &Visible) -> String {
    let mut out = String::with_capacity(256 + 300 * visible.node_count());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    // "label" is the key Gephi and yEd show as the node's name.
    let node_keys = std::iter::once(("label", xml::AttrType::String)).chain(NODE_ATTRS);
    for (i, (name, kind)) in node_keys.enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"d{i}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{}\"/>",
            kind.name()
        );
    }
    for (i, (name, kind)) in EDGE_ATTRS.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"d{}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{}\"/>",
            FIRST_EDGE_KEY + i,
            kind.name()
        );
    }
    out.push_str("  <graph id=\"atlas\" edgedefault=\"directed\">\n");
    for node in xml::nodes(graph, visible) {
        let actor = graph.actor(node);
        out.push_str("    <node id=\"");
        push_escaped(&mut out, &actor.id);
        out.push_str("\">\n");
        let values = std::iter::once(Some(actor.name.clone())).chain(xml::node_values(actor));
        push_data(&mut out, 0, values);
        out.push_str("    </node>\n");
    }
    for row in xml::edges(graph, visible) {
        let relation = graph.relation(row.edge);
        let _ = write!(out, "    <edge id=\"e{}\" source=\"", row.relation);
        push_escaped(&mut out, &graph.actor(row.from).id);
        out.push_str("\" target=\"");
        push_escaped(&mut out, &graph.actor(row.to).id);
        out.push_str("\">\n");
        push_data(&mut out, FIRST_EDGE_KEY, xml::edge_values(relation));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// One `<data>` per known value; unknown values are left out rather than written empty.
fn push_data(out: &mut String, first_key: usize, values: impl IntoIterator<Item = Option<String>>) {
    for (i, value) in values.into_iter().enumerate() {
        if let Some(value) = value {
            let _ = write!(out, "      <data key=\"d{}\">", first_key + i);
            push_escaped(out, &value);
            out.push_str("</data>\n");
        }
    }
}

/// Writes [`graphml`] to `path` atomically, never over `dataset`.
pub fn write_graphml(
    graph: &AtlasGraph,
    visible: &Visible,
    path: &Path,
    dataset: Option<&Path>,
) -> Result<(), ExportError> {
    write_atomically(path, graphml(graph, visible).as_bytes(), dataset)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn declares_every_key_and_writes_all_visible_nodes_and_edges() {
        let g = fixture::graph();
        let text = graphml(&g, &Visible::all(&g));
        for name in ["label", "kind", "country", "regions", "themes", "founded"] {
            assert!(
                text.contains(&format!("for=\"node\" attr.name=\"{name}\"")),
                "node key {name}"
            );
        }
        for name in ["kind", "directed", "since", "until", "sources"] {
            assert!(
                text.contains(&format!("for=\"edge\" attr.name=\"{name}\"")),
                "edge key {name}"
            );
        }
        assert_eq!(text.matches("<node ").count(), 4);
        assert_eq!(text.matches("<edge ").count(), 4);
        assert!(text.contains("edgedefault=\"directed\""));
        assert!(
            !text.contains("directed=\"false\""),
            "networkx rejects mixed graphs"
        );
        assert!(
            text.contains("<data key=\"d7\">false</data>"),
            "PartnersWith is undirected"
        );
        assert!(text.contains("<data key=\"d1\">Instrument/Regulation</data>"));
        assert!(text.contains("<data key=\"d3\">eu;asia</data>"));
    }

    #[test]
    fn escapes_names_and_drops_control_characters() {
        let g = fixture::graph();
        let text = graphml(&g, &Visible::all(&g));
        assert!(text.contains("AT&amp;T &lt;&quot;Ma Bell&quot;&gt; &apos;US&apos;"));
        assert!(text.contains("Règlement sur l&apos;IA"));
        assert!(text.contains("<node id=\"at-t\">"));
        assert!(
            text.contains(">日本</data>"),
            "control characters after the name are gone"
        );
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn follows_the_mask() {
        let g = fixture::graph();
        let mut v = Visible::all(&g);
        v.nodes[3] = false; // jp: three of the four relations touch it
        let text = graphml(&g, &v);
        assert_eq!(text.matches("<node ").count(), 3);
        assert_eq!(text.matches("<edge ").count(), 1);
        assert!(text.contains("<edge id=\"e0\" source=\"fr\" target=\"ai-act\">"));
    }
}
