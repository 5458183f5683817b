//! Timing of layout iterations, shared by the bench binary and the app CLI.

use crate::layout::force::ForceLayout;
use crate::layout::params::LayoutParams;
use std::time::Instant;

/// Builds a layout, runs `warmup` untimed iterations, then returns the wall
/// time in milliseconds of each of `measured` further iterations.
pub fn bench_iterations(
    node_count: usize,
    edges: &[(u32, u32)],
    params: LayoutParams,
    warmup: usize,
    measured: usize,
) -> Vec<f64> {
    let mut layout = ForceLayout::new(node_count, edges, params);
    for _ in 0..warmup {
        layout.step();
    }
    (0..measured)
        .map(|_| {
            let t = Instant::now();
            layout.step();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_one_sample_per_measured_iteration() {
        let edges: Vec<(u32, u32)> = (0..49).map(|i| (i, i + 1)).collect();
        let t = bench_iterations(50, &edges, LayoutParams::default(), 2, 5);
        assert_eq!(t.len(), 5);
        assert!(t.iter().all(|&ms| ms >= 0.0 && ms.is_finite()));
    }
}
