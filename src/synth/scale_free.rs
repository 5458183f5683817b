//! Scale-free graphs by preferential attachment (Barabási–Albert style).

use crate::synth::rng::Rng;

/// Generates an undirected scale-free graph with `nodes` nodes and exactly
/// `edges` edges (capped at `nodes * (nodes - 1) / 2`, the most a simple graph
/// can hold). Each new node attaches to earlier nodes chosen with probability
/// proportional to their degree, so early nodes become hubs and the degree
/// distribution is heavy-tailed.
///
/// Edges are `(a, b)` with `a < b`: no self loops and no duplicates. The
/// result depends only on the arguments. Cost is O(nodes + edges).
pub fn preferential_attachment(nodes: usize, edges: usize, seed: u64) -> Vec<(u32, u32)> {
    if nodes < 2 {
        return Vec::new();
    }
    let max_edges = nodes * (nodes - 1) / 2;
    let edges = edges.min(max_edges);
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(edges);
    // Every edge appends both endpoints, so a uniform pick from this list is a
    // pick proportional to degree without maintaining any weights.
    let mut endpoints: Vec<u32> = Vec::with_capacity(edges * 2);
    // `stamp[u] == v` marks u as already linked to the current node v; new
    // edges always involve the new node, so this rules out all duplicates.
    let mut stamp = vec![u32::MAX; nodes];
    let slots = (nodes - 1) as u128;
    let mut carry = 0usize;
    for v in 1..nodes {
        // Bresenham-style share: the per-node counts sum to exactly `edges`
        // and differ by at most one, so the remainder is spread evenly.
        let quota = |k: usize| ((k as u128 * edges as u128) / slots) as usize;
        let wanted = quota(v) - quota(v - 1) + carry;
        // Early nodes have fewer predecessors than they want; the deficit is
        // carried to later nodes so the total stays exact.
        let m = wanted.min(v);
        carry = wanted - m;
        attach(v, m, &mut rng, &mut endpoints, &mut stamp, &mut out);
    }
    out
}

/// Links node `v` to `m` distinct nodes among `0..v`.
fn attach(
    v: usize,
    m: usize,
    rng: &mut Rng,
    endpoints: &mut Vec<u32>,
    stamp: &mut [u32],
    out: &mut Vec<(u32, u32)>,
) {
    let vv = v as u32;
    let mut chosen = 0;
    // Degree-proportional picks collide more as m approaches v; after a
    // bounded number of tries fall back to a scan so the cost stays O(m).
    let mut tries = 0;
    while chosen < m && tries < 8 * m {
        tries += 1;
        let u = if endpoints.is_empty() {
            rng.below(v) as u32
        } else {
            endpoints[rng.below(endpoints.len())]
        };
        if stamp[u as usize] != vv {
            stamp[u as usize] = vv;
            out.push((u, vv));
            chosen += 1;
        }
    }
    if chosen < m {
        let start = rng.below(v);
        for k in 0..v {
            if chosen == m {
                break;
            }
            let u = ((start + k) % v) as u32;
            if stamp[u as usize] != vv {
                stamp[u as usize] = vv;
                out.push((u, vv));
                chosen += 1;
            }
        }
    }
    // Endpoints are appended only after choosing, so this node's own new
    // edges do not bias its remaining picks.
    for &(u, w) in &out[out.len() - chosen..] {
        endpoints.push(u);
        endpoints.push(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn degrees(n: usize, edges: &[(u32, u32)]) -> Vec<usize> {
        let mut d = vec![0; n];
        for &(a, b) in edges {
            d[a as usize] += 1;
            d[b as usize] += 1;
        }
        d
    }

    #[test]
    fn exact_count_simple_graph() {
        for &(n, m) in &[
            (2, 1),
            (10, 9),
            (100, 250),
            (500, 1000),
            (50, 1225),
            (30, 7),
        ] {
            let e = preferential_attachment(n, m, 3);
            assert_eq!(e.len(), m, "n={n} m={m}");
            let set: HashSet<_> = e.iter().copied().collect();
            assert_eq!(set.len(), e.len(), "duplicate edge n={n} m={m}");
            assert!(e.iter().all(|&(a, b)| a < b && (b as usize) < n));
        }
        // More edges than a simple graph allows is capped, not an endless loop.
        assert_eq!(preferential_attachment(5, 100, 1).len(), 10);
        assert!(preferential_attachment(1, 10, 1).is_empty());
    }

    #[test]
    fn connected_when_edges_at_least_n_minus_1() {
        let n = 300;
        let e = preferential_attachment(n, n - 1, 9);
        assert!(degrees(n, &e).iter().all(|&d| d > 0));
    }

    #[test]
    fn deterministic_per_seed() {
        let a = preferential_attachment(400, 800, 11);
        let b = preferential_attachment(400, 800, 11);
        let c = preferential_attachment(400, 800, 12);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn heavy_tailed_degrees() {
        let n = 2000;
        let e = preferential_attachment(n, 4000, 5);
        let mut d = degrees(n, &e);
        d.sort_unstable();
        let median = d[n / 2];
        let max = d[n - 1];
        assert!(max >= 10 * median, "max {max} median {median}");
    }
}
