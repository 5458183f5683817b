//! Neighbourhoods and components.

use std::collections::VecDeque;

use petgraph::Direction as PgDirection;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::RelationKind;

use super::{AtlasGraph, Visible};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Outgoing,
    Incoming,
    Both,
}

/// The actors linked to `node`, with the linking edge, optionally of one relation kind.
pub fn neighbours(
    graph: &AtlasGraph,
    node: NodeIndex,
    kind: Option<RelationKind>,
    direction: Direction,
) -> Vec<(NodeIndex, EdgeIndex)> {
    let g = graph.graph();
    let wanted = |e: EdgeIndex| kind.is_none_or(|k| graph.relation(e).kind == k);
    let mut out = Vec::new();
    if matches!(direction, Direction::Outgoing | Direction::Both) {
        out.extend(
            g.edges_directed(node, PgDirection::Outgoing)
                .filter(|e| wanted(e.id()))
                .map(|e| (e.target(), e.id())),
        );
    }
    if matches!(direction, Direction::Incoming | Direction::Both) {
        out.extend(
            g.edges_directed(node, PgDirection::Incoming)
                .filter(|e| wanted(e.id()))
                .map(|e| (e.source(), e.id())),
        );
    }
    out.sort();
    out
}

/// Visible undirected neighbours, for breadth-first walks.
pub(crate) fn undirected<'a>(
    graph: &'a AtlasGraph,
    node: NodeIndex,
    visible: &'a Visible,
) -> impl Iterator<Item = (NodeIndex, EdgeIndex)> + 'a {
    let g = graph.graph();
    g.edges_directed(node, PgDirection::Outgoing)
        .map(|e| (e.target(), e.id()))
        .chain(
            g.edges_directed(node, PgDirection::Incoming)
                .map(|e| (e.source(), e.id())),
        )
        .filter(move |&(other, edge)| visible.edges[edge.index()] && visible.nodes[other.index()])
}

/// Every visible actor within `depth` links of `centre` (edges taken as undirected), with its
/// distance; the centre itself at distance 0.
pub fn ego_network(
    graph: &AtlasGraph,
    centre: NodeIndex,
    depth: usize,
    visible: &Visible,
) -> Vec<(NodeIndex, usize)> {
    let mut distance = vec![usize::MAX; graph.node_count()];
    let mut queue = VecDeque::from([centre]);
    distance[centre.index()] = 0;
    let mut out = vec![(centre, 0)];
    while let Some(node) = queue.pop_front() {
        let d = distance[node.index()];
        if d == depth {
            continue;
        }
        for (next, _) in undirected(graph, node, visible) {
            if distance[next.index()] == usize::MAX {
                distance[next.index()] = d + 1;
                out.push((next, d + 1));
                queue.push_back(next);
            }
        }
    }
    out
}

/// Connected components of the visible graph (edges undirected), largest first; each lists
/// its nodes in index order.
pub fn components(graph: &AtlasGraph, visible: &Visible) -> Vec<Vec<NodeIndex>> {
    let mut seen = vec![false; graph.node_count()];
    let mut out = Vec::new();
    for start in graph.nodes() {
        if seen[start.index()] || !visible.nodes[start.index()] {
            continue;
        }
        seen[start.index()] = true;
        let mut members = vec![start];
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            for (next, _) in undirected(graph, node, visible) {
                if !seen[next.index()] {
                    seen[next.index()] = true;
                    members.push(next);
                    stack.push(next);
                }
            }
        }
        members.sort();
        out.push(members);
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn neighbours_by_kind_and_direction() {
        let g = fixture::graph();
        let b = g.node("b").expect("b");
        let name = |n: NodeIndex| g.actor(n).id.clone();
        let incoming: Vec<String> = neighbours(&g, b, None, Direction::Incoming)
            .into_iter()
            .map(|(n, _)| name(n))
            .collect();
        assert_eq!(incoming, ["a", "e"]);
        let enacts = neighbours(&g, b, Some(RelationKind::Enacts), Direction::Both);
        assert_eq!(enacts.len(), 1);
        assert_eq!(name(enacts[0].0), "c");
        assert!(neighbours(&g, b, Some(RelationKind::Enacts), Direction::Incoming).is_empty());
    }

    #[test]
    fn ego_network_by_depth() {
        let g = fixture::graph();
        let all = Visible::all(&g);
        let a = g.node("a").expect("a");
        assert_eq!(ego_network(&g, a, 1, &all).len(), 2);
        assert_eq!(ego_network(&g, a, 2, &all).len(), 4);
        let far = ego_network(&g, a, 3, &all);
        assert_eq!(far.len(), 4, "d is not connected");
    }

    #[test]
    fn components_largest_first() {
        let g = fixture::graph();
        let comps = components(&g, &Visible::all(&g));
        assert_eq!(comps.iter().map(Vec::len).collect::<Vec<_>>(), [4, 1]);
    }
}
