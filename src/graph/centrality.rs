//! Degree, betweenness and closeness centrality over the visible graph (edges undirected, unweighted).

use std::collections::VecDeque;

use petgraph::graph::NodeIndex;

use super::queries::undirected;
use super::{AtlasGraph, Visible};

/// Scores of one actor; hidden actors score zero.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Centrality {
    pub node: NodeIndex,
    /// Number of visible links.
    pub degree: usize,
    /// Degree over (visible nodes − 1).
    pub degree_norm: f64,
    /// Brandes betweenness, normalised to 0–1 by the number of node pairs.
    pub betweenness: f64,
    /// How near it is to everyone it can reach: reached others over the sum of their
    /// distances, scaled by the share of the view it reaches (Wasserman and Faust), 0–1.
    pub closeness: f64,
}

/// Visible links per node (a self-loop counts twice, as usual).
pub fn degree(graph: &AtlasGraph, visible: &Visible) -> Vec<usize> {
    let mut deg = vec![0; graph.node_count()];
    for e in graph.edges() {
        if visible.edges[e.index()]
            && let Some((a, b)) = graph.endpoints(e)
        {
            deg[a.index()] += 1;
            deg[b.index()] += 1;
        }
    }
    deg
}

/// Brandes' algorithm, O(V·E); normalised by (n−1)(n−2)/2 for the undirected graph.
pub fn betweenness(graph: &AtlasGraph, visible: &Visible) -> Vec<f64> {
    let n = graph.node_count();
    let mut score = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![usize::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut preds: Vec<Vec<NodeIndex>> = vec![Vec::new(); n];
    let mut order = Vec::with_capacity(n);
    for s in graph.nodes().filter(|s| visible.nodes[s.index()]) {
        for i in 0..n {
            sigma[i] = 0.0;
            dist[i] = usize::MAX;
            delta[i] = 0.0;
            preds[i].clear();
        }
        order.clear();
        sigma[s.index()] = 1.0;
        dist[s.index()] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for (w, _) in undirected(graph, v, visible) {
                if w == v {
                    continue;
                }
                if dist[w.index()] == usize::MAX {
                    dist[w.index()] = dist[v.index()] + 1;
                    queue.push_back(w);
                }
                if dist[w.index()] == dist[v.index()] + 1 {
                    sigma[w.index()] += sigma[v.index()];
                    preds[w.index()].push(v);
                }
            }
        }
        for &w in order.iter().rev() {
            for &v in &preds[w.index()] {
                delta[v.index()] += sigma[v.index()] / sigma[w.index()] * (1.0 + delta[w.index()]);
            }
            if w != s {
                score[w.index()] += delta[w.index()];
            }
        }
    }
    let count = visible.node_count() as f64;
    // Each pair was counted from both ends.
    let pairs = (count - 1.0) * (count - 2.0);
    if pairs > 0.0 {
        for v in &mut score {
            *v /= pairs;
        }
    }
    score
}

/// Closeness of every visible node, as networkx's `closeness_centrality` with `wf_improved`:
/// `(r−1)/Σd · (r−1)/(n−1)`, where `r` counts the nodes it reaches (itself included), `Σd`
/// their distances and `n` the visible nodes. One breadth-first walk per node, O(V·E).
pub fn closeness(graph: &AtlasGraph, visible: &Visible) -> Vec<f64> {
    let n = graph.node_count();
    let others = visible.node_count().saturating_sub(1) as f64;
    let mut score = vec![0.0; n];
    let mut dist = vec![usize::MAX; n];
    for s in graph.nodes().filter(|s| visible.nodes[s.index()]) {
        dist.iter_mut().for_each(|d| *d = usize::MAX);
        dist[s.index()] = 0;
        let (mut reached, mut total) = (0usize, 0usize);
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            for (w, _) in undirected(graph, v, visible) {
                if dist[w.index()] == usize::MAX {
                    dist[w.index()] = dist[v.index()] + 1;
                    reached += 1;
                    total += dist[w.index()];
                    queue.push_back(w);
                }
            }
        }
        if total > 0 && others > 0.0 {
            let r = reached as f64;
            score[s.index()] = r / total as f64 * (r / others);
        }
    }
    score
}

/// Degree, betweenness and closeness of every visible actor, most central (by betweenness, then degree)
/// first.
pub fn centrality(graph: &AtlasGraph, visible: &Visible) -> Vec<Centrality> {
    let deg = degree(graph, visible);
    let btw = betweenness(graph, visible);
    let close = closeness(graph, visible);
    let denom = (visible.node_count().max(2) - 1) as f64;
    let mut rows: Vec<Centrality> = graph
        .nodes()
        .filter(|n| visible.nodes[n.index()])
        .map(|node| Centrality {
            node,
            degree: deg[node.index()],
            degree_norm: deg[node.index()] as f64 / denom,
            betweenness: btw[node.index()],
            closeness: close[node.index()],
        })
        .collect();
    rows.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then(b.degree.cmp(&a.degree))
            .then(a.node.cmp(&b.node))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn star_centre_carries_all_betweenness() {
        let g = fixture::graph();
        let all = Visible::all(&g);
        let rows = centrality(&g, &all);
        let top = g.actor(rows[0].node);
        // b sits between a and {c, e}: a–c and a–e pass through b; c–e is direct.
        assert_eq!(top.id, "b");
        let b = rows[0];
        assert_eq!(b.degree, 3);
        // 2 of the 12 ordered pairs among the other 4 nodes… normalised over (5-1)(5-2)=12
        // ordered pairs: pairs (a,c),(a,e) both ways = 4 → 4/12.
        assert!(
            (b.betweenness - 4.0 / 12.0).abs() < 1e-9,
            "{}",
            b.betweenness
        );
        let d = rows.iter().find(|r| g.actor(r.node).id == "d").expect("d");
        assert_eq!(d.degree, 2, "a self-loop counts twice");
        assert_eq!(d.betweenness, 0.0);
    }

    #[test]
    fn betweenness_of_a_path_graph_peaks_in_the_middle() {
        let g = fixture::graph();
        let mut v = Visible::all(&g);
        // Hide e's links so a–b–c is a path: b lies on the a–c pair only.
        v.edges[2] = false;
        v.edges[3] = false;
        v.nodes[4] = false;
        v.nodes[3] = false;
        let btw = betweenness(&g, &v);
        let b = g.node("b").expect("b").index();
        // 3 visible nodes: pairs (n-1)(n-2) = 2; b is on a–c both ways: 2/2 = 1.
        assert!((btw[b] - 1.0).abs() < 1e-9);
    }

    #[test]
    fn closeness_matches_hand_computed_values() {
        // Undirected view of the fixture: a–b, b–c, c–e, e–b, and d alone with a self-loop.
        // From b: a, c, e at distance 1 → r−1 = 3, Σd = 3, scaled by 3/4 → 0.75.
        // From a: b at 1, c and e at 2 → 3/5 · 3/4 = 0.45. d reaches no one → 0.
        let g = fixture::graph();
        let close = closeness(&g, &Visible::all(&g));
        let of = |id: &str| close[g.node(id).expect("exists").index()];
        assert!((of("b") - 0.75).abs() < 1e-9, "{}", of("b"));
        assert!((of("a") - 0.45).abs() < 1e-9, "{}", of("a"));
        assert!(
            (of("c") - 3.0 / 4.0 * 3.0 / 4.0).abs() < 1e-9,
            "{}",
            of("c")
        );
        assert_eq!(of("d"), 0.0);
    }
}
