//! The per-iteration force pass, optionally spread over threads, and the
//! choice of how many threads to use.

use crate::layout::barnes_hut::QuadTree;
use crate::layout::params::LayoutParams;
use crate::layout::repulsion::Scratch;
use std::sync::Mutex;
use std::time::Duration;

/// Bodies per unit of parallel work: small enough to balance two threads,
/// large enough that taking a chunk from the shared queue is negligible.
const CHUNK: usize = 512;
/// In automatic mode, one iteration in this many tries the slower-looking
/// thread count, so the choice follows changes in machine load.
const EXPLORE_EVERY: u32 = 16;

/// Picks the thread count per iteration. With `threads = 0` (automatic) it
/// times both the single-threaded and the all-cores pass and keeps using the
/// faster: on a machine busy with other work, waiting for a second thread to
/// be scheduled can cost more than the whole pass. Switching is safe because
/// results do not depend on the thread count.
#[derive(Debug)]
pub(crate) struct ThreadTuner {
    /// Explicit count from the parameters, or 0 for automatic.
    fixed: usize,
    cores: usize,
    min_nodes: usize,
    /// Smoothed pass time in seconds for [single, all cores]; 0 = untried.
    ema: [f64; 2],
    calls: u32,
}

impl ThreadTuner {
    pub(crate) fn new(params: &LayoutParams) -> Self {
        Self {
            fixed: params.threads,
            // Queried once: on Linux it reads cgroup files, too slow per step.
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            min_nodes: params.parallel_min_nodes,
            ema: [0.0; 2],
            calls: 0,
        }
    }

    /// Thread count for the next pass over `n` nodes.
    pub(crate) fn pick(&mut self, n: usize) -> usize {
        if n < self.min_nodes {
            return 1;
        }
        if self.fixed != 0 {
            return self.fixed;
        }
        if self.cores <= 1 {
            return 1;
        }
        self.calls = self.calls.wrapping_add(1);
        let slot = match self.ema {
            [0.0, _] => 0,
            [_, 0.0] => 1,
            [single, multi] => {
                let best = usize::from(multi < single);
                if self.calls.is_multiple_of(EXPLORE_EVERY) {
                    1 - best
                } else {
                    best
                }
            }
        };
        if slot == 0 { 1 } else { self.cores }
    }

    /// Records how long a pass with `threads` threads took.
    pub(crate) fn record(&mut self, threads: usize, took: Duration) {
        if self.fixed != 0 || self.cores <= 1 {
            return;
        }
        let slot = usize::from(threads > 1);
        let t = took.as_secs_f64().max(1e-9);
        let e = &mut self.ema[slot];
        *e = if *e == 0.0 { t } else { 0.7 * *e + 0.3 * t };
    }
}

/// Read-only inputs of the attraction pass.
pub(crate) struct Graph<'a> {
    pub(crate) pos: &'a [[f32; 2]],
    /// CSR adjacency: neighbours of `i` are `targets[offsets[i]..offsets[i + 1]]`.
    pub(crate) offsets: &'a [u32],
    pub(crate) targets: &'a [u32],
    /// `1 / ideal_length`.
    pub(crate) inv_l: f32,
}

impl Graph<'_> {
    /// Fruchterman–Reingold attraction `d²/L` toward each neighbour, for
    /// nodes `first..first + out.len()`.
    fn attraction(&self, first: usize, out: &mut [[f32; 2]]) {
        for (k, o) in out.iter_mut().enumerate() {
            let i = first + k;
            let p = self.pos[i];
            let (mut fx, mut fy) = (0.0f32, 0.0f32);
            let range = self.offsets[i] as usize..self.offsets[i + 1] as usize;
            for &j in &self.targets[range] {
                let q = self.pos[j as usize];
                let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
                let f = (dx * dx + dy * dy).sqrt() * self.inv_l;
                fx += dx * f;
                fy += dy * f;
            }
            *o = [fx, fy];
        }
    }
}

/// Fills `rep` (per sorted slot) and `attr` (per node), on `threads` threads.
/// Work is handed out in fixed chunks and every output element is computed
/// by the same code from the same inputs, so the result is bitwise identical
/// for any thread count.
pub(crate) fn compute_forces(
    tree: &QuadTree,
    graph: &Graph,
    rep: &mut [[f32; 2]],
    attr: &mut [[f32; 2]],
    threads: usize,
) {
    let run = |k: usize, r: &mut [[f32; 2]], a: &mut [[f32; 2]], list: &mut Scratch| {
        let first = k * CHUNK;
        tree.repulsion(first..first + r.len(), r, list);
        graph.attraction(first, a);
    };
    if threads <= 1 {
        let mut list = Scratch::default();
        rep.chunks_mut(CHUNK)
            .zip(attr.chunks_mut(CHUNK))
            .enumerate()
            .for_each(|(k, (r, a))| run(k, r, a, &mut list));
        return;
    }
    let queue = Mutex::new(
        rep.chunks_mut(CHUNK)
            .zip(attr.chunks_mut(CHUNK))
            .enumerate(),
    );
    let drain = || {
        let mut list = Scratch::default();
        loop {
            let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
            match next {
                Some((k, (r, a))) => run(k, r, a, &mut list),
                None => break,
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            // If the OS refuses a thread, the remaining ones (at least this
            // one) simply drain the queue themselves.
            let _ = std::thread::Builder::new().spawn_scoped(s, drain);
        }
        drain();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tuner(threads: usize) -> ThreadTuner {
        let params = LayoutParams {
            threads,
            ..LayoutParams::default()
        };
        ThreadTuner {
            cores: 2,
            ..ThreadTuner::new(&params)
        }
    }

    #[test]
    fn small_graphs_and_fixed_counts() {
        assert_eq!(tuner(0).pick(10), 1);
        assert_eq!(tuner(3).pick(100_000), 3);
    }

    #[test]
    fn automatic_mode_follows_the_faster_option() {
        let mut t = tuner(0);
        let ms = Duration::from_millis;
        let (a, b) = (t.pick(10_000), t.pick(10_000));
        assert_eq!((a, b), (1, 1), "single is tried first");
        t.record(1, ms(10));
        assert_eq!(t.pick(10_000), 2, "then all cores");
        t.record(2, ms(30));
        let picks: Vec<usize> = (0..32).map(|_| t.pick(10_000)).collect();
        assert!(picks.iter().filter(|&&p| p == 1).count() >= 30, "{picks:?}");
        assert!(picks.contains(&2), "still explores: {picks:?}");
        // Load goes away: the multi-threaded pass becomes faster.
        for _ in 0..5 {
            t.record(2, ms(3));
        }
        assert_eq!(t.pick(10_000), 2);
    }
}
