//! What the GraphML and GEXF writers share: XML escaping, the attribute schema, and which
//! nodes and edges of the graph are written.

use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::graph::{AtlasGraph, Visible};
use crate::model::{Actor, PartialDate, Relation};

/// XML attribute value types, named as both GraphML (`attr.type`) and GEXF (`type`) spell them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AttrType {
    String,
    Boolean,
}

impl AttrType {
    pub(super) fn name(self) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Boolean => "boolean",
        }
    }
}

/// Node attributes besides the label, in column order.
pub(super) const NODE_ATTRS: [(&str, AttrType); 5] = [
    ("kind", AttrType::String),
    ("country", AttrType::String),
    ("regions", AttrType::String),
    ("themes", AttrType::String),
    ("founded", AttrType::String),
];

/// Edge attributes. `directed` carries the relation's own direction: the XML marks every
/// edge directed because networkx refuses files that mix directed and undirected edges.
pub(super) const EDGE_ATTRS: [(&str, AttrType); 5] = [
    ("kind", AttrType::String),
    ("directed", AttrType::Boolean),
    ("since", AttrType::String),
    ("until", AttrType::String),
    ("sources", AttrType::String),
];

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// `;` without a space, so that `value.split(';')` in a notebook gives the ids back.
fn list(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(";"))
}

/// Values in `NODE_ATTRS` order; `None` leaves the attribute out (unknown, not empty).
pub(super) fn node_values(actor: &Actor) -> [Option<String>; 5] {
    [
        Some(actor.kind.code()),
        actor.country.clone(),
        list(&actor.regions),
        list(&actor.themes),
        date(actor.founded),
    ]
}

/// Values in `EDGE_ATTRS` order.
pub(super) fn edge_values(relation: &Relation) -> [Option<String>; 5] {
    [
        Some(relation.kind.label().to_string()),
        Some(relation.kind.is_directed().to_string()),
        date(relation.since),
        date(relation.until),
        list(&relation.sources),
    ]
}

/// A mask entry; a mask from another graph (a stale view after a reload) shows nothing
/// rather than panicking.
fn shown(mask: &[bool], index: usize) -> bool {
    mask.get(index).copied().unwrap_or(false)
}

/// The visible nodes, in graph order.
pub(super) fn nodes<'a>(
    graph: &'a AtlasGraph,
    visible: &'a Visible,
) -> impl Iterator<Item = NodeIndex> + 'a {
    graph.nodes().filter(|n| shown(&visible.nodes, n.index()))
}

/// A visible edge: its index, its relation's index in the atlas (the stable edge id), its ends.
pub(super) struct EdgeRow {
    pub edge: EdgeIndex,
    pub relation: usize,
    pub from: NodeIndex,
    pub to: NodeIndex,
}

/// The visible edges whose ends are both visible: a hand-made mask could show an edge to a
/// hidden node, which would make the file refer to a node it never declares.
pub(super) fn edges<'a>(
    graph: &'a AtlasGraph,
    visible: &'a Visible,
) -> impl Iterator<Item = EdgeRow> + 'a {
    graph.edges().filter_map(|edge| {
        let (from, to) = graph.endpoints(edge)?;
        let all_shown = shown(&visible.edges, edge.index())
            && shown(&visible.nodes, from.index())
            && shown(&visible.nodes, to.index());
        all_shown.then(|| EdgeRow {
            edge,
            relation: graph.graph()[edge],
            from,
            to,
        })
    })
}

/// Appends `text` escaped for XML text or a double- or single-quoted attribute.
///
/// Tab, newline and carriage return become character references, because parsers turn them
/// into plain spaces inside attribute values. Other control characters and U+FFFE/U+FFFF
/// cannot appear in XML 1.0 at all (not even as references), so they are dropped.
pub(super) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(text: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, text);
        out
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"AT&T <"x"> 'y'"#),
            "AT&amp;T &lt;&quot;x&quot;&gt; &apos;y&apos;"
        );
    }

    #[test]
    fn keeps_whitespace_as_references_and_drops_other_controls() {
        assert_eq!(escape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape("a\u{0}b\u{1b}c\u{7f}d\u{85}e\u{FFFF}f"), "abcdef");
        assert_eq!(escape("Zürich 東京 👋"), "Zürich 東京 👋");
    }

    #[test]
    fn stale_mask_shows_nothing_and_edges_need_both_ends() {
        let g = super::super::fixture::graph();
        let empty = Visible {
            nodes: Vec::new(),
            edges: Vec::new(),
        };
        assert_eq!(nodes(&g, &empty).count(), 0);
        // Every edge shown but "fr" hidden: its three relations must not be written.
        let mut v = Visible::all(&g);
        v.nodes[0] = false;
        let written: Vec<usize> = edges(&g, &v).map(|row| row.relation).collect();
        assert_eq!(written, [3]);
    }
}
