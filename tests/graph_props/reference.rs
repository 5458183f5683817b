//! Trusted answers: petgraph's own algorithms on an undirected copy of the visible subgraph,
//! and brute force where petgraph has no such algorithm.

use std::collections::{BTreeMap, BTreeSet};

use atlas::graph::{AtlasGraph, Visible};
use petgraph::algo::{dijkstra, kosaraju_scc};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

/// One step of a chain: the relation's edge, and the node it is walked from and to.
pub type Step = (EdgeIndex, NodeIndex, NodeIndex);

/// The visible subgraph with edges undirected. Every node is kept (hidden ones isolated) so
/// that node indices match the atlas graph's; each edge carries its atlas edge index.
pub struct Reference {
    graph: UnGraph<(), EdgeIndex>,
}

impl Reference {
    pub fn new(atlas: &AtlasGraph, visible: &Visible) -> Self {
        let mut graph = UnGraph::with_capacity(atlas.node_count(), atlas.edge_count());
        for _ in atlas.nodes() {
            graph.add_node(());
        }
        for e in atlas.edges() {
            if let Some((a, b)) = atlas.endpoints(e)
                && visible.edges[e.index()]
                && visible.nodes[a.index()]
                && visible.nodes[b.index()]
            {
                graph.add_edge(a, b, e);
            }
        }
        Self { graph }
    }

    /// Breadth-first distances from `from` to every node it reaches (unit weights).
    pub fn distances(&self, from: NodeIndex) -> BTreeMap<NodeIndex, usize> {
        dijkstra(&self.graph, from, None, |_| 1usize)
            .into_iter()
            .collect()
    }

    /// The components holding a visible node, as sets of node indices.
    pub fn components(&self, visible: &Visible) -> BTreeSet<BTreeSet<usize>> {
        kosaraju_scc(&self.graph)
            .into_iter()
            .map(|c| c.into_iter().map(NodeIndex::index).collect::<BTreeSet<_>>())
            .filter(|c| c.iter().any(|&n| visible.nodes[n]))
            .collect()
    }

    /// Every shortest chain of edges from `from` to `to`: walks that move one step further from
    /// `from` and one step closer to `to` each time. Parallel edges make distinct chains.
    pub fn shortest_chains(&self, from: NodeIndex, to: NodeIndex) -> Vec<Vec<Step>> {
        let from_start = self.distances(from);
        let to_end = self.distances(to);
        let Some(&length) = from_start.get(&to) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut stack: Vec<(NodeIndex, Vec<Step>)> = vec![(from, Vec::new())];
        while let Some((node, chain)) = stack.pop() {
            if chain.len() == length {
                out.push(chain);
                continue;
            }
            for edge in self.graph.edges(node) {
                let next = if edge.source() == node {
                    edge.target()
                } else {
                    edge.source()
                };
                let on_course = from_start.get(&next) == Some(&(chain.len() + 1))
                    && to_end.get(&next) == Some(&(length - chain.len() - 1));
                if on_course {
                    let mut longer = chain.clone();
                    longer.push((*edge.weight(), node, next));
                    stack.push((next, longer));
                }
            }
        }
        out
    }

    /// Betweenness by definition: for every unordered pair of visible nodes, the share of their
    /// shortest chains that pass through each node, summed, over the number of pairs the other
    /// nodes make, (n−1)(n−2)/2.
    pub fn betweenness(&self, visible: &Visible) -> BTreeMap<usize, f64> {
        let shown: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|n| visible.nodes[n.index()])
            .collect();
        let mut score: BTreeMap<usize, f64> = shown.iter().map(|n| (n.index(), 0.0)).collect();
        for (i, &s) in shown.iter().enumerate() {
            for &t in &shown[i + 1..] {
                let chains = self.shortest_chains(s, t);
                let share = 1.0 / chains.len() as f64;
                for chain in &chains {
                    // The inner nodes: where each step but the last arrives.
                    for &(_, _, inner) in &chain[..chain.len() - 1] {
                        *score.entry(inner.index()).or_default() += share;
                    }
                }
            }
        }
        let n = shown.len() as f64;
        let pairs = (n - 1.0) * (n - 2.0) / 2.0;
        if pairs > 0.0 {
            score.values_mut().for_each(|v| *v /= pairs);
        }
        score
    }
}
