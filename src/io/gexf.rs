//! GEXF 1.3 of the visible graph, Gephi's native format: <https://gexf.net/>.
//!
//! Like the GraphML export, every edge is written directed and carries a boolean `directed`
//! attribute with its relation's own direction: networkx refuses `type="undirected"` edges in
//! a directed graph, and `type="mutual"` would make it count those edges twice.

use std::fmt::Write as _;
use std::path::Path;

use crate::graph::{AtlasGraph, Visible};

use super::xml::{self, AttrType, EDGE_ATTRS, NODE_ATTRS, push_escaped};
use super::{ExportError, write_atomically};

/// The visible part of `graph` as a GEXF 1.3 document.
pub fn gexf(graph: &AtlasGraph, visible: &Visible) -> String {
    let mut out = String::with_capacity(256 + 300 * visible.node_count());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" \
         version=\"1.3\">\n",
    );
    // No lastmodifieddate: the same atlas and view give byte-identical files.
    out.push_str("  <meta>\n    <creator>Tech Diplomacy Atlas ");
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str("</creator>\n    <description>");
    let meta = &graph.atlas().meta;
    push_escaped(
        &mut out,
        if meta.title.is_empty() {
            "Atlas"
        } else {
            &meta.title
        },
    );
    if !meta.edition.is_empty() {
        out.push_str(", ");
        push_escaped(&mut out, &meta.edition);
    }
    out.push_str("</description>\n  </meta>\n");
    out.push_str("  <graph mode=\"static\" defaultedgetype=\"directed\">\n");
    push_attributes(&mut out, "node", &NODE_ATTRS);
    push_attributes(&mut out, "edge", &EDGE_ATTRS);
    out.push_str("    <nodes>\n");
    for node in xml::nodes(graph, visible) {
        let actor = graph.actor(node);
        out.push_str("      <node id=\"");
        push_escaped(&mut out, &actor.id);
        out.push_str("\" label=\"");
        push_escaped(&mut out, &actor.name);
        out.push_str("\">\n");
        push_values(&mut out, xml::node_values(actor));
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for row in xml::edges(graph, visible) {
        let relation = graph.relation(row.edge);
        // The relation's index in the atlas: unique, and stable across views of one atlas.
        let _ = write!(out, "      <edge id=\"e{}\" source=\"", row.relation);
        push_escaped(&mut out, &graph.actor(row.from).id);
        out.push_str("\" target=\"");
        push_escaped(&mut out, &graph.actor(row.to).id);
        out.push_str("\" label=\"");
        push_escaped(&mut out, relation.kind.label());
        out.push_str("\">\n");
        push_values(&mut out, xml::edge_values(relation));
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// Declares one class's attributes; ids are their positions, as Gephi writes them.
fn push_attributes(out: &mut String, class: &str, attrs: &[(&str, AttrType)]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for (i, (title, kind)) in attrs.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{title}\" type=\"{}\"/>",
            kind.name()
        );
    }
    out.push_str("    </attributes>\n");
}

/// The known values as `<attvalues>`; GEXF wants the wrapper left out when it would be empty.
fn push_values<const N: usize>(out: &mut String, values: [Option<String>; N]) {
    if values.iter().all(Option::is_none) {
        return;
    }
    out.push_str("        <attvalues>\n");
    for (i, value) in values.iter().enumerate() {
        if let Some(value) = value {
            let _ = write!(out, "          <attvalue for=\"{i}\" value=\"");
            push_escaped(out, value);
            out.push_str("\"/>\n");
        }
    }
    out.push_str("        </attvalues>\n");
}

/// Writes [`gexf`] to `path` atomically, never over `dataset`.
pub fn write_gexf(
    graph: &AtlasGraph,
    visible: &Visible,
    path: &Path,
    dataset: Option<&Path>,
) -> Result<(), ExportError> {
    write_atomically(path, gexf(graph, visible).as_bytes(), dataset)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn has_the_root_gephi_expects_and_declares_attributes() {
        let g = fixture::graph();
        let text = gexf(&g, &Visible::all(&g));
        assert!(text.contains("<gexf xmlns=\"http://gexf.net/1.3\""));
        assert!(text.contains("version=\"1.3\">"));
        assert!(text.contains("<creator>Tech Diplomacy Atlas"));
        assert!(text.contains("defaultedgetype=\"directed\""));
        assert!(
            !text.contains("type=\"undirected\""),
            "networkx rejects mixed graphs"
        );
        assert!(text.contains("<attributes class=\"node\" mode=\"static\">"));
        assert!(text.contains("<attributes class=\"edge\" mode=\"static\">"));
        for title in [
            "kind", "country", "regions", "themes", "founded", "directed", "sources",
        ] {
            assert!(
                text.contains(&format!("title=\"{title}\"")),
                "attribute {title}"
            );
        }
    }

    #[test]
    fn writes_visible_nodes_and_edges_with_unique_ids() {
        let g = fixture::graph();
        let text = gexf(&g, &Visible::all(&g));
        assert_eq!(text.matches("<node ").count(), 4);
        let ids: Vec<&str> = text
            .match_indices("<edge id=\"")
            .map(|(at, m)| {
                let rest = &text[at + m.len()..];
                &rest[..rest.find('"').unwrap_or(0)]
            })
            .collect();
        assert_eq!(ids, ["e0", "e1", "e2", "e3"]);
        assert!(text.contains("label=\"AT&amp;T &lt;&quot;Ma Bell&quot;&gt; &apos;US&apos;\""));
        assert!(text.contains("<attvalue for=\"1\" value=\"false\"/>"));
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn follows_the_mask() {
        let g = fixture::graph();
        let mut v = Visible::all(&g);
        v.edges[0] = false;
        let text = gexf(&g, &v);
        assert_eq!(text.matches("<node ").count(), 4);
        assert_eq!(text.matches("<edge ").count(), 3);
        assert!(!text.contains("<edge id=\"e0\""));
    }
}
