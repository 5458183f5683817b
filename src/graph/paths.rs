//! "How is X connected to Y?": shortest chains of relations, edges taken as undirected.

use std::collections::VecDeque;

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::queries::undirected;
use super::{AtlasGraph, Visible};

/// One link of a path: the relation, and which way it is walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathStep {
    pub edge: EdgeIndex,
    pub from: NodeIndex,
    pub to: NodeIndex,
    /// True when the relation points from `from` to `to`.
    pub forward: bool,
}

/// Breadth-first distances from `from`, with every predecessor on a shortest path.
fn predecessors(
    graph: &AtlasGraph,
    from: NodeIndex,
    to: NodeIndex,
    visible: &Visible,
) -> Option<Vec<Vec<(NodeIndex, EdgeIndex)>>> {
    let n = graph.node_count();
    let mut distance = vec![usize::MAX; n];
    let mut preds: Vec<Vec<(NodeIndex, EdgeIndex)>> = vec![Vec::new(); n];
    distance[from.index()] = 0;
    let mut queue = VecDeque::from([from]);
    while let Some(node) = queue.pop_front() {
        let d = distance[node.index()];
        if distance[to.index()] <= d {
            break;
        }
        for (next, edge) in undirected(graph, node, visible) {
            let slot = &mut distance[next.index()];
            if *slot == usize::MAX {
                *slot = d + 1;
                queue.push_back(next);
            }
            if *slot == d + 1 {
                preds[next.index()].push((node, edge));
            }
        }
    }
    (distance[to.index()] != usize::MAX).then_some(preds)
}

fn step(graph: &AtlasGraph, edge: EdgeIndex, from: NodeIndex, to: NodeIndex) -> PathStep {
    let forward = graph.endpoints(edge).is_some_and(|(a, _)| a == from);
    PathStep {
        edge,
        from,
        to,
        forward,
    }
}

/// Up to `limit` distinct shortest paths from `from` to `to`, each as its chain of relations;
/// empty when they are not connected. A path from a node to itself has no steps.
pub fn all_shortest_paths(
    graph: &AtlasGraph,
    from: NodeIndex,
    to: NodeIndex,
    visible: &Visible,
    limit: usize,
) -> Vec<Vec<PathStep>> {
    if from == to {
        return vec![Vec::new()];
    }
    let Some(preds) = predecessors(graph, from, to, visible) else {
        return Vec::new();
    };
    // Walk back from `to` over the predecessor lists, depth first, stopping at `limit`.
    let mut out = Vec::new();
    let mut stack: Vec<(NodeIndex, Vec<PathStep>)> = vec![(to, Vec::new())];
    while let Some((node, tail)) = stack.pop() {
        if node == from {
            let mut path = tail;
            path.reverse();
            out.push(path);
            if out.len() >= limit {
                break;
            }
            continue;
        }
        for &(prev, edge) in preds[node.index()].iter().rev() {
            let mut next = tail.clone();
            next.push(step(graph, edge, prev, node));
            stack.push((prev, next));
        }
    }
    out
}

/// One shortest path, if any.
pub fn shortest_path(
    graph: &AtlasGraph,
    from: NodeIndex,
    to: NodeIndex,
    visible: &Visible,
) -> Option<Vec<PathStep>> {
    all_shortest_paths(graph, from, to, visible, 1)
        .into_iter()
        .next()
}

/// The path as text: `Alpha —member of→ Beta ←enacts— Gamma`.
pub fn describe_path(graph: &AtlasGraph, path: &[PathStep]) -> String {
    let Some(first) = path.first() else {
        return String::new();
    };
    let mut text = graph.actor(first.from).name.clone();
    for s in path {
        let label = graph.relation(s.edge).kind.label();
        if s.forward {
            text.push_str(&format!(" —{label}→ "));
        } else {
            text.push_str(&format!(" ←{label}— "));
        }
        text.push_str(&graph.actor(s.to).name);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn finds_the_chain_and_reads_it() {
        let g = fixture::graph();
        let all = Visible::all(&g);
        let (a, c) = (g.node("a").expect("a"), g.node("c").expect("c"));
        let path = shortest_path(&g, a, c, &all).expect("connected");
        assert_eq!(path.len(), 2);
        assert_eq!(
            describe_path(&g, &path),
            "Alpha —member of→ Beta —enacts→ Gamma Act"
        );
        let back = shortest_path(&g, c, a, &all).expect("connected");
        assert_eq!(
            describe_path(&g, &back),
            "Gamma Act ←enacts— Beta ←member of— Alpha"
        );
    }

    #[test]
    fn lists_every_shortest_path_and_none_when_apart() {
        let g = fixture::graph();
        let all = Visible::all(&g);
        let (b, e, d) = (
            g.node("b").expect("b"),
            g.node("e").expect("e"),
            g.node("d").expect("d"),
        );
        // b–e directly (member of); the two-step route via c is longer, so one path.
        assert_eq!(all_shortest_paths(&g, b, e, &all, 5).len(), 1);
        assert!(shortest_path(&g, b, d, &all).is_none());
        // Hiding the direct edge leaves the route through c.
        let mut masked = all.clone();
        masked.edges[3] = false;
        let path = shortest_path(&g, b, e, &masked).expect("via c");
        assert_eq!(path.len(), 2);
    }
}
