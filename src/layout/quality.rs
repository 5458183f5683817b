//! Layout quality measurements, for tests, benchmarks and diagnostics.

use crate::layout::mix::mix64;

/// Summary of how readable a layout is likely to be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QualityReport {
    /// See [`edge_length_ratio`]; well below 1 means linked nodes sit close.
    pub edge_length_ratio: f32,
    /// Width and height of the bounding box.
    pub bbox_size: [f32; 2],
    /// See [`min_distance_sampled`]; near 0 means nodes pile on each other.
    pub min_distance: f32,
    /// Any coordinate is NaN or infinite.
    pub non_finite: bool,
}

impl QualityReport {
    /// Measures `positions` of a graph with `edges`, sampling with `seed`.
    pub fn measure(positions: &[[f32; 2]], edges: &[(u32, u32)], seed: u64) -> Self {
        let (lo, hi) = bounding_box(positions);
        Self {
            edge_length_ratio: edge_length_ratio(positions, edges, 2000, seed),
            bbox_size: [hi[0] - lo[0], hi[1] - lo[1]],
            min_distance: min_distance_sampled(positions, 200, seed),
            non_finite: has_non_finite(positions),
        }
    }
}

fn dist(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// Deterministic node pick `k` of a sample; never called with `n == 0`.
fn pick(seed: u64, k: u64, n: usize) -> usize {
    ((u128::from(mix64(seed ^ mix64(k))) * n as u128) >> 64) as usize
}

/// Mean edge length divided by the mean distance between `samples` random
/// node pairs. Scale-free: 1 means edges are no shorter than chance. Edges
/// naming missing nodes are skipped; returns NaN if nothing can be measured.
pub fn edge_length_ratio(
    positions: &[[f32; 2]],
    edges: &[(u32, u32)],
    samples: usize,
    seed: u64,
) -> f32 {
    let n = positions.len();
    let (mut sum, mut count) = (0.0f64, 0usize);
    for &(a, b) in edges {
        if let (Some(&p), Some(&q)) = (positions.get(a as usize), positions.get(b as usize)) {
            sum += f64::from(dist(p, q));
            count += 1;
        }
    }
    if count == 0 || n < 2 {
        return f32::NAN;
    }
    let mut pair_sum = 0.0f64;
    for k in 0..samples as u64 {
        let (a, b) = (pick(seed, 2 * k, n), pick(seed, 2 * k + 1, n));
        pair_sum += f64::from(dist(positions[a], positions[b]));
    }
    ((sum / count as f64) / (pair_sum / samples.max(1) as f64)) as f32
}

/// Corners `(min, max)` of the axis-aligned bounding box; zeros if empty.
pub fn bounding_box(positions: &[[f32; 2]]) -> ([f32; 2], [f32; 2]) {
    if positions.is_empty() {
        return ([0.0; 2], [0.0; 2]);
    }
    let mut lo = [f32::INFINITY; 2];
    let mut hi = [f32::NEG_INFINITY; 2];
    for p in positions {
        for a in 0..2 {
            lo[a] = lo[a].min(p[a]);
            hi[a] = hi[a].max(p[a]);
        }
    }
    (lo, hi)
}

/// Whether any coordinate is NaN or infinite.
pub fn has_non_finite(positions: &[[f32; 2]]) -> bool {
    positions.iter().flatten().any(|v| !v.is_finite())
}

/// Smallest distance from any of `samples` random nodes to any other node
/// (exact for the sampled nodes, O(samples · n)). Infinity if `n < 2`.
pub fn min_distance_sampled(positions: &[[f32; 2]], samples: usize, seed: u64) -> f32 {
    let n = positions.len();
    let mut best = f32::INFINITY;
    if n < 2 {
        return best;
    }
    for k in 0..samples as u64 {
        let a = pick(seed, k, n);
        for (b, &q) in positions.iter().enumerate() {
            if b != a {
                best = best.min(dist(positions[a], q));
            }
        }
    }
    best
}

/// Centroid of the given nodes (origin if empty).
pub fn centroid(positions: &[[f32; 2]], nodes: &[usize]) -> [f32; 2] {
    let mut c = [0.0f32; 2];
    for &i in nodes {
        c = [c[0] + positions[i][0], c[1] + positions[i][1]];
    }
    let k = nodes.len().max(1) as f32;
    [c[0] / k, c[1] / k]
}

/// Mean distance over all pairs of the given nodes (0 if fewer than two).
pub fn mean_pairwise_distance(positions: &[[f32; 2]], nodes: &[usize]) -> f32 {
    let (mut sum, mut count) = (0.0f64, 0usize);
    for (k, &a) in nodes.iter().enumerate() {
        for &b in &nodes[k + 1..] {
            sum += f64::from(dist(positions[a], positions[b]));
            count += 1;
        }
    }
    if count == 0 {
        0.0
    } else {
        (sum / count as f64) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_simple_configurations() {
        let pos = [[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 0.0]];
        let edges = [(0, 1), (2, 3)];
        let r = edge_length_ratio(&pos, &edges, 500, 1);
        assert!(r > 0.05 && r < 0.3, "{r}");
        assert_eq!(bounding_box(&pos), ([0.0, 0.0], [11.0, 0.0]));
        assert_eq!(min_distance_sampled(&pos, 50, 1), 1.0);
        assert_eq!(centroid(&pos, &[0, 1]), [0.5, 0.0]);
        assert_eq!(mean_pairwise_distance(&pos, &[0, 1, 2]), 20.0 / 3.0);
        assert!(!has_non_finite(&pos));
        assert!(has_non_finite(&[[0.0, f32::NAN]]));
        assert!(edge_length_ratio(&pos, &[], 10, 1).is_nan());
        let q = QualityReport::measure(&pos, &edges, 3);
        assert_eq!(q.bbox_size, [11.0, 0.0]);
    }
}
