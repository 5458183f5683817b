//! End-to-end checks of layout quality and behaviour.

use crate::layout::*;
use crate::synth::preferential_attachment;

fn run(layout: &mut ForceLayout, max: u32) {
    while !layout.is_finished() && layout.iteration() < max {
        layout.step();
    }
}

fn two_cliques(k: u32) -> Vec<(u32, u32)> {
    let mut e = Vec::new();
    for base in [0, k] {
        for a in 0..k {
            for b in a + 1..k {
                e.push((base + a, base + b));
            }
        }
    }
    e.push((0, k));
    e
}

#[test]
fn scale_free_layout_is_sane_and_edges_short() {
    let n = 500;
    let edges = preferential_attachment(n, 1000, 21);
    // A quicker schedule keeps this debug-build test fast; the default
    // schedule gives a ratio of about 0.43 here (see the bench notes).
    let params = LayoutParams {
        cooling: 0.95,
        ..LayoutParams::default()
    };
    let mut layout = ForceLayout::new(n, &edges, params);
    // The seeded start is random, so the ratio check below is not free.
    assert!(edge_length_ratio(layout.positions(), &edges, 2000, 1) > 0.8);
    run(&mut layout, 1000);
    let pos = layout.positions();
    let q = QualityReport::measure(pos, &edges, 1);
    assert!(!q.non_finite);
    let scale = (n as f32).sqrt() * layout.params().ideal_length;
    assert!(
        q.bbox_size[0] > 0.5 * scale && q.bbox_size[1] > 0.5 * scale,
        "{q:?}"
    );
    assert!(
        q.bbox_size[0] < 10.0 * scale && q.bbox_size[1] < 10.0 * scale,
        "{q:?}"
    );
    assert!(q.min_distance > 1e-3, "{q:?}");
    assert!(q.edge_length_ratio < 0.5, "{q:?}");
}

#[test]
fn cliques_end_apart() {
    let k = 30;
    let edges = two_cliques(k as u32);
    let mut layout = ForceLayout::new(2 * k, &edges, LayoutParams::default());
    run(&mut layout, 1000);
    let pos = layout.positions();
    let (a, b): (Vec<usize>, Vec<usize>) = ((0..k).collect(), (k..2 * k).collect());
    let (ca, cb) = (centroid(pos, &a), centroid(pos, &b));
    let apart = ((ca[0] - cb[0]).powi(2) + (ca[1] - cb[1]).powi(2)).sqrt();
    let intra = (mean_pairwise_distance(pos, &a) + mean_pairwise_distance(pos, &b)) / 2.0;
    assert!(apart > 2.0 * intra, "apart {apart} intra {intra}");
}

fn positions_after(
    n: usize,
    edges: &[(u32, u32)],
    params: LayoutParams,
    steps: u32,
) -> Vec<[f32; 2]> {
    let mut layout = ForceLayout::new(n, edges, params);
    for _ in 0..steps {
        layout.step();
    }
    layout.positions().to_vec()
}

#[test]
fn deterministic_for_seed_any_thread_count() {
    // Over CHUNK (512) nodes, so threads really split the work, and groups
    // straddle chunk boundaries.
    let n = 600;
    let edges = preferential_attachment(n, 1200, 8);
    let single = LayoutParams {
        seed: 5,
        threads: 1,
        ..LayoutParams::default()
    };
    let multi = LayoutParams {
        threads: 2,
        parallel_min_nodes: 0,
        ..single.clone()
    };
    let a = positions_after(n, &edges, single.clone(), 50);
    let b = positions_after(n, &edges, single.clone(), 50);
    let c = positions_after(n, &edges, multi, 50);
    let bits = |v: &[[f32; 2]]| v.iter().flatten().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b));
    assert_eq!(bits(&a), bits(&c));
    let other = positions_after(n, &edges, LayoutParams { seed: 6, ..single }, 5);
    let a5 = positions_after(
        n,
        &edges,
        LayoutParams {
            seed: 5,
            threads: 1,
            ..LayoutParams::default()
        },
        5,
    );
    assert_ne!(bits(&a5), bits(&other));
}

#[test]
fn pinned_node_stays_and_others_feel_it() {
    let edges = preferential_attachment(100, 200, 3);
    let mut layout = ForceLayout::new(100, &edges, LayoutParams::default());
    let hub = 0;
    layout.pin(hub, [40.0, 40.0]);
    run(&mut layout, 1000);
    assert_eq!(layout.positions()[hub], [40.0, 40.0]);
    // The hub's neighbours followed it out of the centre.
    let near: Vec<usize> = edges
        .iter()
        .filter(|e| e.0 == 0)
        .map(|e| e.1 as usize)
        .collect();
    let c = centroid(layout.positions(), &near);
    assert!(c[0] > 10.0 && c[1] > 10.0, "{c:?}");
    layout.unpin(hub);
    layout.reheat();
    layout.step();
    assert_ne!(layout.positions()[hub], [40.0, 40.0]);
}

#[test]
fn converges_before_iteration_cap() {
    let edges = preferential_attachment(200, 400, 13);
    let params = LayoutParams::default();
    let cap = params.max_iterations;
    let mut layout = ForceLayout::new(200, &edges, params);
    run(&mut layout, cap);
    assert!(
        layout.is_converged(),
        "not converged after {}",
        layout.iteration()
    );
    assert!(layout.iteration() < cap);
}

#[test]
fn degenerate_inputs_stay_finite() {
    // Empty graph, single node, coincident warm start, bad edges.
    let mut empty = ForceLayout::new(0, &[], LayoutParams::default());
    assert!(empty.step().finished);
    let mut one = ForceLayout::new(1, &[(0, 0), (0, 5)], LayoutParams::default());
    one.step();
    assert!(!has_non_finite(one.positions()));
    let edges = preferential_attachment(50, 100, 2);
    let mut stacked =
        ForceLayout::with_positions(50, &edges, LayoutParams::default(), &[[3.0, 3.0]; 50]);
    for _ in 0..100 {
        stacked.step();
    }
    assert!(!has_non_finite(stacked.positions()));
    assert!(min_distance_sampled(stacked.positions(), 50, 1) > 1e-3);
}

#[test]
fn warm_start_pile_is_spread_and_positions_kept() {
    let edges = preferential_attachment(300, 600, 2);
    let mut pile = vec![[0.0f32, 0.0]; 300];
    pile[7] = [5.0, 5.0];
    let layout = ForceLayout::with_positions(300, &edges, LayoutParams::default(), &pile);
    let pos = layout.positions();
    assert_eq!(pos[7], [5.0, 5.0]);
    assert!(min_distance_sampled(pos, 300, 1) > 0.05, "duplicates left");
    // Small, local nudges only: a warm start must keep the given layout.
    let (lo, hi) = bounding_box(pos);
    assert!(hi[0] - lo[0] < 7.0 && hi[1] - lo[1] < 7.0);
}

#[test]
fn degree_weighting_pushes_leaves_away_from_hubs() {
    let star: Vec<(u32, u32)> = (1..21).map(|i| (0, i)).collect();
    let spoke = |degree_weighted: bool| {
        let params = LayoutParams {
            degree_weighted,
            ..LayoutParams::default()
        };
        let mut layout = ForceLayout::new(21, &star, params);
        run(&mut layout, 1000);
        let p = layout.positions();
        let d = |i: usize| ((p[i][0] - p[0][0]).powi(2) + (p[i][1] - p[0][1]).powi(2)).sqrt();
        (1..21).map(d).sum::<f32>() / 20.0
    };
    let (plain, weighted) = (spoke(false), spoke(true));
    assert!(weighted > 1.5 * plain, "plain {plain} weighted {weighted}");
}

#[test]
fn isolated_nodes_stay_near_the_main_cluster() {
    // A 200-node connected graph plus three isolated nodes.
    let mut edges = preferential_attachment(200, 600, 5);
    edges.retain(|&(a, b)| a < 200 && b < 200);
    let run = |balance: bool| {
        let params = LayoutParams {
            balance_components: balance,
            ..LayoutParams::default()
        };
        let mut layout = ForceLayout::new(203, &edges, params);
        while !layout.is_finished() {
            layout.step();
        }
        let p = layout.positions().to_vec();
        let radius = |i: usize| (p[i][0] * p[i][0] + p[i][1] * p[i][1]).sqrt();
        let main = (0..200).map(radius).fold(0.0f32, f32::max);
        let lone = (200..203).map(radius).fold(0.0f32, f32::max);
        lone / main
    };
    let (balanced, plain) = (run(true), run(false));
    assert!(
        balanced < 1.6,
        "isolates at {balanced}× the cluster radius (plain {plain})"
    );
    assert!(
        plain > balanced,
        "balancing should pull isolates in: {plain} vs {balanced}"
    );
}
