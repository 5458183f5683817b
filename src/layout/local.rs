//! A local re-layout: a few nodes of a laid-out graph (an ego network) laid out again on their
//! own, from where they stand, so that neighbours bunched up in the whole graph's layout spread
//! out around their centre.

use super::{ForceLayout, LayoutParams};

/// New positions for `nodes` (indices into `positions`), in the order given: a short force
/// run on the subgraph of `edges` (global endpoints; edges leaving the set are ignored),
/// seeded from the current positions, with `anchor` held where it is. Nodes out of range are
/// left where they are (their seed, or the origin when they have none).
pub fn relayout_subset(
    positions: &[[f32; 2]],
    nodes: &[usize],
    edges: &[(u32, u32)],
    anchor: usize,
    params: LayoutParams,
    iterations: u32,
) -> Vec<[f32; 2]> {
    let mut local = vec![u32::MAX; positions.len()];
    for (i, &n) in nodes.iter().enumerate() {
        if let Some(slot) = local.get_mut(n) {
            *slot = i as u32;
        }
    }
    let inside = |n: u32| local.get(n as usize).copied().filter(|&l| l != u32::MAX);
    let sub_edges: Vec<(u32, u32)> = edges
        .iter()
        .filter_map(|&(a, b)| Some((inside(a)?, inside(b)?)))
        .collect();
    // The layout pulls towards the origin: work relative to the anchor so it pulls there.
    let origin = positions.get(anchor).copied().unwrap_or([0.0, 0.0]);
    let seed: Vec<[f32; 2]> = nodes
        .iter()
        .map(|&n| {
            let p = positions.get(n).copied().unwrap_or(origin);
            [p[0] - origin[0], p[1] - origin[1]]
        })
        .collect();
    let mut layout = ForceLayout::with_positions(nodes.len(), &sub_edges, params, &seed);
    if let Some(a) = inside(anchor as u32) {
        layout.pin(a as usize, [0.0, 0.0]);
    }
    while layout.iteration() < iterations && !layout.is_finished() {
        layout.step();
    }
    layout
        .positions()
        .iter()
        .map(|p| [p[0] + origin[0], p[1] + origin[1]])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min_distance(points: &[[f32; 2]]) -> f32 {
        let mut best = f32::MAX;
        for (i, a) in points.iter().enumerate() {
            for b in &points[i + 1..] {
                best = best.min(((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt());
            }
        }
        best
    }

    #[test]
    fn a_bunched_star_spreads_around_its_fixed_centre_and_others_stay_out() {
        // Node 0 is the centre at (5, 5); 1..=12 bunched within 0.01 of one point; 13 is
        // outside the set and linked to the centre.
        let mut positions = vec![[5.0, 5.0]];
        positions.extend((0..12).map(|i| [6.0 + i as f32 * 0.001, 6.0]));
        positions.push([40.0, 40.0]);
        let mut edges: Vec<(u32, u32)> = (1..=12).map(|i| (0, i)).collect();
        edges.push((0, 13));
        let nodes: Vec<usize> = (0..=12).collect();
        let before = min_distance(&positions[1..=12]);
        let after = relayout_subset(&positions, &nodes, &edges, 0, LayoutParams::default(), 200);
        assert_eq!(after.len(), nodes.len());
        assert_eq!(after[0], [5.0, 5.0]);
        let spread = min_distance(&after[1..]);
        assert!(spread > 100.0 * before, "from {before} to {spread}");
        assert!(spread > 0.2, "neighbours still bunched: {spread}");
        assert!(after.iter().flatten().all(|v| v.is_finite()));
    }

    #[test]
    fn out_of_range_nodes_do_not_panic() {
        let positions = vec![[0.0, 0.0], [1.0, 0.0]];
        let after = relayout_subset(
            &positions,
            &[0, 1, 7],
            &[(0, 1), (1, 9)],
            0,
            LayoutParams::default(),
            20,
        );
        assert_eq!(after.len(), 3);
        assert!(after.iter().flatten().all(|v| v.is_finite()));
    }
}
