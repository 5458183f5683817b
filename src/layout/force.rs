//! The force simulation: Fruchterman–Reingold forces, Barnes–Hut repulsion,
//! linear gravity and a cooling step cap.

use crate::layout::barnes_hut::QuadTree;
use crate::layout::mix::{mix64, unit_pair};
use crate::layout::parallel::{Graph, ThreadTuner, compute_forces};
use crate::layout::params::LayoutParams;
use std::time::Instant;

/// Closest distance, relative to `ideal_length`, at which forces are
/// evaluated; closer pairs are treated as this far apart so forces stay finite.
const MIN_DIST: f32 = 0.01;

/// Outcome of one [`ForceLayout::step`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepStats {
    /// Iterations done so far, this one included.
    pub iteration: u32,
    /// Largest distance any unpinned node moved in this iteration.
    pub max_displacement: f32,
    /// Step cap used in this iteration.
    pub temperature: f32,
    /// `max_displacement` fell below `convergence * ideal_length`.
    pub converged: bool,
    /// Converged, or the iteration budget is spent: time to stop stepping.
    pub finished: bool,
}

/// Force-directed layout of an undirected graph; see the module docs.
#[derive(Debug)]
pub struct ForceLayout {
    params: LayoutParams,
    pos: Vec<[f32; 2]>,
    /// CSR adjacency, both directions: neighbours of `i` are
    /// `targets[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    targets: Vec<u32>,
    pinned: Vec<bool>,
    /// Repulsion weight per node (`1 + degree`), empty when all weigh 1.
    mass: Vec<f32>,
    /// Gravity multiplier per node (see [`LayoutParams::balance_components`]).
    pull: Vec<f32>,
    tree: QuadTree,
    /// Repulsion per sorted tree slot, attraction per node.
    rep: Vec<[f32; 2]>,
    attr: Vec<[f32; 2]>,
    tuner: ThreadTuner,
    temperature: f32,
    iteration: u32,
    budget_start: u32,
    converged: bool,
}

impl ForceLayout {
    /// Lays out `node_count` nodes joined by `edges` (undirected). Self loops
    /// and edges naming a node `>= node_count` are ignored. Initial positions
    /// are seeded-random in a disc of radius `sqrt(n) * ideal_length`.
    pub fn new(node_count: usize, edges: &[(u32, u32)], params: LayoutParams) -> Self {
        let params = params.sanitized();
        let (offsets, targets) = csr(node_count, edges);
        let mass = if params.degree_weighted {
            offsets
                .windows(2)
                .map(|w| (1 + w[1] - w[0]) as f32)
                .collect()
        } else {
            Vec::new()
        };
        let pull = if params.balance_components {
            component_pull(node_count, &offsets, &targets)
        } else {
            vec![1.0; node_count]
        };
        let radius = (node_count as f32).sqrt() * params.ideal_length;
        let temperature = params.initial_temperature * radius.max(params.ideal_length);
        let mut layout = Self {
            pos: Vec::new(),
            offsets,
            targets,
            pinned: vec![false; node_count],
            mass,
            pull,
            tree: QuadTree::default(),
            tuner: ThreadTuner::new(&params),
            rep: Vec::new(),
            attr: Vec::new(),
            temperature,
            iteration: 0,
            budget_start: 0,
            converged: node_count == 0,
            params,
        };
        let (seed, l) = (layout.params.seed, layout.params.ideal_length);
        layout.pos = (0..node_count)
            .map(|i| initial_position(seed, node_count, l, i))
            .collect();
        layout
    }

    /// Like [`new`](Self::new) but starting from `positions` (a previous
    /// layout), at the gentler reheat temperature.
    pub fn with_positions(
        node_count: usize,
        edges: &[(u32, u32)],
        params: LayoutParams,
        positions: &[[f32; 2]],
    ) -> Self {
        let mut layout = Self::new(node_count, edges, params);
        layout.set_positions(positions);
        layout
    }

    /// Replaces positions (warm start) and continues at the reheat
    /// temperature. Missing or non-finite entries keep their seeded position;
    /// exact duplicates are spread slightly apart.
    pub fn set_positions(&mut self, positions: &[[f32; 2]]) {
        for (p, q) in self.pos.iter_mut().zip(positions) {
            if q[0].is_finite() && q[1].is_finite() {
                *p = *q;
            }
        }
        spread_duplicates(&mut self.pos, 0.1 * self.params.ideal_length);
        self.reheat();
    }

    /// Current positions, indexed by node.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.pos
    }

    /// Iterations done since construction.
    pub fn iteration(&self) -> u32 {
        self.iteration
    }

    /// The last step moved no node further than `convergence * ideal_length`.
    pub fn is_converged(&self) -> bool {
        self.converged
    }

    /// Converged, or `max_iterations` spent since construction or reheat.
    pub fn is_finished(&self) -> bool {
        self.converged
            || self.iteration.wrapping_sub(self.budget_start) >= self.params.max_iterations
    }

    /// The (sanitized) parameters in use.
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// Fixes `node` at `at`; others still feel it. Out-of-range nodes and
    /// non-finite positions are ignored. Does not reheat by itself.
    pub fn pin(&mut self, node: usize, at: [f32; 2]) {
        if node < self.pos.len() && at[0].is_finite() && at[1].is_finite() {
            self.pos[node] = at;
            self.pinned[node] = true;
        }
    }

    /// Lets `node` move again.
    pub fn unpin(&mut self, node: usize) {
        if let Some(p) = self.pinned.get_mut(node) {
            *p = false;
        }
    }

    /// Raises the step cap to the reheat temperature (never lowers it) and
    /// restarts the iteration budget, e.g. after a user drags a node.
    pub fn reheat(&mut self) {
        let hot = self.params.reheat_temperature * self.params.ideal_length;
        self.temperature = self.temperature.max(hot);
        self.converged = self.pos.is_empty();
        self.budget_start = self.iteration;
    }

    /// One iteration; see the module docs for the forces.
    pub fn step(&mut self) -> StepStats {
        let n = self.pos.len();
        let l = self.params.ideal_length;
        self.tree
            .build(&self.pos, &self.mass, self.params.theta, MIN_DIST * l);
        self.rep.resize(n, [0.0; 2]);
        self.attr.resize(n, [0.0; 2]);
        let threads = self.tuner.pick(n);
        let started = Instant::now();
        let graph = Graph {
            pos: &self.pos,
            offsets: &self.offsets,
            targets: &self.targets,
            inv_l: 1.0 / l,
        };
        compute_forces(&self.tree, &graph, &mut self.rep, &mut self.attr, threads);
        self.tuner.record(threads, started.elapsed());

        let k_rep = self.params.repulsion * l * l;
        let g = self.params.gravity;
        let t = self.temperature;
        let mut max2 = 0.0f32;
        for (s, &i) in self.tree.order().iter().enumerate() {
            let i = i as usize;
            if self.pinned[i] {
                continue;
            }
            let p = &mut self.pos[i];
            let k = k_rep * self.tree.sorted_mass[s];
            let gi = g * self.pull[i];
            let mut dx = self.rep[s][0] * k + self.attr[i][0] - gi * p[0];
            let mut dy = self.rep[s][1] * k + self.attr[i][1] - gi * p[1];
            let mut len2 = dx * dx + dy * dy;
            if !len2.is_finite() {
                // Only reachable through extreme parameters; dropping one
                // node's step is better than poisoning the whole layout.
                (dx, dy, len2) = (0.0, 0.0, 0.0);
            }
            if len2 > t * t {
                let k = t / len2.sqrt();
                (dx, dy, len2) = (dx * k, dy * k, t * t);
            }
            p[0] += dx;
            p[1] += dy;
            max2 = max2.max(len2);
        }
        self.temperature *= self.params.cooling;
        self.iteration = self.iteration.wrapping_add(1);
        let max_displacement = max2.sqrt();
        self.converged = max_displacement < self.params.convergence * l;
        StepStats {
            iteration: self.iteration,
            max_displacement,
            temperature: t,
            converged: self.converged,
            finished: self.is_finished(),
        }
    }
}

/// Seeded-random point in a disc of radius `sqrt(n) * l`, the size the
/// layout will roughly settle at, so early iterations need not expand or
/// collapse it much.
fn initial_position(seed: u64, n: usize, l: f32, i: usize) -> [f32; 2] {
    let r = (n as f32).sqrt() * l;
    let (u, v) = unit_pair(mix64(seed ^ mix64(i as u64)));
    // sqrt makes the disc uniformly filled rather than dense at the centre.
    let (radius, angle) = (r * u.sqrt(), v * std::f32::consts::TAU);
    [radius * angle.cos(), radius * angle.sin()]
}

/// Moves every repeat of an identical position onto a small sunflower spiral
/// around it. The tree cannot split bodies that share a point, so a pile of
/// thousands (say, a warm start that put everything at the origin) would make
/// one iteration quadratic; this keeps it O(n log n).
fn spread_duplicates(pos: &mut [[f32; 2]], step: f32) {
    let mut idx: Vec<u32> = (0..pos.len() as u32).collect();
    let key = |i: u32, pos: &[[f32; 2]]| {
        let p = pos[i as usize];
        (p[0].to_bits(), p[1].to_bits(), i)
    };
    idx.sort_unstable_by_key(|&i| key(i, pos));
    let (mut prev, mut run) = (None, 0u32);
    for &i in &idx {
        let p = &mut pos[i as usize];
        let bits = (p[0].to_bits(), p[1].to_bits());
        if prev != Some(bits) {
            (prev, run) = (Some(bits), 0);
            continue;
        }
        run += 1;
        // Golden-angle spiral: evenly spaced, no two offsets coincide.
        let (r, angle) = (step * (run as f32).sqrt(), run as f32 * 2.399_963);
        p[0] += r * angle.cos();
        p[1] += r * angle.sin();
    }
}

/// Symmetric CSR adjacency, skipping self loops and out-of-range endpoints.
fn csr(n: usize, edges: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    let valid = |&&(a, b): &&(u32, u32)| a != b && (a as usize) < n && (b as usize) < n;
    let mut offsets = vec![0u32; n + 1];
    for &(a, b) in edges.iter().filter(valid) {
        offsets[a as usize + 1] += 1;
        offsets[b as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut targets = vec![0u32; offsets[n] as usize];
    for &(a, b) in edges.iter().filter(valid) {
        targets[fill[a as usize] as usize] = b;
        fill[a as usize] += 1;
        targets[fill[b as usize] as usize] = a;
        fill[b as usize] += 1;
    }
    (offsets, targets)
}

/// Gravity multiplier per node: `(largest component / own component)^0.75`. A lone node feels
/// the whole graph's repulsion but only its own gravity, so with equal gravity it settles far
/// outside the main cluster and a fit-to-screen shrinks everything else; this brings small
/// components to the cluster's rim while leaving the largest one untouched. (The settling
/// radius falls as the square root of the multiplier; 0.75 puts isolates near the rim, 0.5
/// left them at about twice the cluster's radius.)
fn component_pull(node_count: usize, offsets: &[u32], targets: &[u32]) -> Vec<f32> {
    let mut component = vec![u32::MAX; node_count];
    let mut sizes: Vec<u32> = Vec::new();
    let mut stack = Vec::new();
    for start in 0..node_count {
        if component[start] != u32::MAX {
            continue;
        }
        let id = sizes.len() as u32;
        let mut size = 0u32;
        component[start] = id;
        stack.push(start);
        while let Some(v) = stack.pop() {
            size += 1;
            for &w in &targets[offsets[v] as usize..offsets[v + 1] as usize] {
                let w = w as usize;
                if component[w] == u32::MAX {
                    component[w] = id;
                    stack.push(w);
                }
            }
        }
        sizes.push(size);
    }
    let largest = sizes.iter().copied().max().unwrap_or(1) as f32;
    component
        .iter()
        .map(|&c| (largest / sizes[c as usize] as f32).powf(0.75))
        .collect()
}
