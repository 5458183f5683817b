//! Barnes–Hut quadtree on flat arrays.
//!
//! Bodies are sorted by Morton (Z-order) key, so every cell covers a
//! contiguous range of the sorted arrays and nearby bodies sit next to each
//! other in memory. Cells are stored in depth-first pre-order with a `next`
//! index (the cell after its subtree), which makes traversal a loop over one
//! index with no stack: "open" means `i + 1`, "skip" means `next`.
//! All buffers are kept between rebuilds, so a steady-state rebuild allocates
//! nothing. Force evaluation lives in `repulsion.rs`.

/// Bodies per leaf: direct summation over a handful of contiguous bodies is
/// cheaper than descending further.
const LEAF_SIZE: usize = 8;
/// Bodies per interaction group: the topmost cells with at most this many
/// bodies share one interaction list (see `repulsion.rs`). Larger groups walk
/// the tree less often but accept fewer cells as far.
const GROUP_SIZE: usize = 64;

/// One quadtree cell; 32 bytes so two share a cache line.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub(super) struct Cell {
    /// Centre of mass.
    pub(super) cx: f32,
    pub(super) cy: f32,
    pub(super) mass: f32,
    /// Squared distance beyond which the cell acts as one body:
    /// `(extent / theta)²`, never below the minimum distance squared.
    pub(super) crit2: f32,
    /// Index of the first cell after this subtree.
    pub(super) next: u32,
    /// Sorted slots `start..end` are the bodies inside this cell.
    pub(super) start: u32,
    pub(super) end: u32,
    /// Non-zero for leaves; a u32 rather than bool keeps the layout padding-free.
    pub(super) leaf: u32,
}

/// Quadtree over a point set, rebuilt every iteration.
#[derive(Debug, Default)]
pub(crate) struct QuadTree {
    keys: Vec<u32>,
    keys_tmp: Vec<u32>,
    order: Vec<u32>,
    order_tmp: Vec<u32>,
    /// Positions and masses in Morton order.
    pub(super) sorted: Vec<[f32; 2]>,
    pub(super) sorted_mass: Vec<f32>,
    /// Slot shares its Morton key with a neighbour slot: possibly coincident
    /// with another body, so it takes the exact path that can separate them.
    pub(super) crowded: Vec<bool>,
    pub(super) cells: Vec<Cell>,
    /// Group cell indices in slot order, and each group's bounding box
    /// `[min_x, min_y, max_x, max_y]`.
    pub(super) groups: Vec<u32>,
    pub(super) group_bbox: Vec<[f32; 4]>,
    inv_theta2: f32,
    pub(super) min_d2: f32,
}

impl QuadTree {
    /// Rebuilds the tree over `pos` with body masses `mass` (missing entries
    /// weigh 1). `min_dist` bounds every interaction distance from below so
    /// forces stay finite for (near-)coincident bodies.
    pub(crate) fn build(&mut self, pos: &[[f32; 2]], mass: &[f32], theta: f32, min_dist: f32) {
        self.inv_theta2 = 1.0 / (theta * theta);
        self.min_d2 = min_dist * min_dist;
        self.cells.clear();
        self.groups.clear();
        self.group_bbox.clear();
        self.crowded.clear();
        self.keys.clear();
        self.order.clear();
        self.sorted.clear();
        self.sorted_mass.clear();
        if pos.is_empty() {
            return;
        }
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in pos {
            for a in 0..2 {
                lo[a] = lo[a].min(p[a]);
                hi[a] = hi[a].max(p[a]);
            }
        }
        let extent = (hi[0] - lo[0]).max(hi[1] - lo[1]);
        // 16 bits per axis; the clamp below keeps the far edge in range.
        let scale = if extent > 0.0 { 65535.0 / extent } else { 0.0 };
        for (i, p) in pos.iter().enumerate() {
            let qx = ((p[0] - lo[0]) * scale).min(65535.0) as u32;
            let qy = ((p[1] - lo[1]) * scale).min(65535.0) as u32;
            self.keys.push(spread(qx) | (spread(qy) << 1));
            self.order.push(i as u32);
        }
        radix_sort(
            &mut self.keys,
            &mut self.order,
            &mut self.keys_tmp,
            &mut self.order_tmp,
        );
        self.sorted
            .extend(self.order.iter().map(|&i| pos[i as usize]));
        let weight = |i: u32| mass.get(i as usize).copied().unwrap_or(1.0);
        self.sorted_mass
            .extend(self.order.iter().map(|&i| weight(i)));
        let keys = &self.keys;
        self.crowded.extend(
            (0..keys.len())
                .map(|s| (s > 0 && keys[s - 1] == keys[s]) || keys.get(s + 1) == Some(&keys[s])),
        );
        self.build_range(0, pos.len(), false);
    }

    /// Node index of each sorted slot: `order()[s]` is the body at slot `s`.
    pub(crate) fn order(&self) -> &[u32] {
        &self.order
    }

    /// Builds the subtree over sorted bodies `lo..hi`; returns its bounding
    /// box so the parent can size its opening criterion. `in_group`: an
    /// ancestor is already an interaction group.
    fn build_range(&mut self, lo: usize, hi: usize, in_group: bool) -> [f32; 4] {
        let idx = self.cells.len();
        self.cells.push(Cell::default());
        let (k_lo, k_hi) = (self.keys[lo], self.keys[hi - 1]);
        let (mut mass, mut mx, mut my) = (0.0f32, 0.0f32, 0.0f32);
        let mut bb = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
        let leaf = hi - lo <= LEAF_SIZE || k_lo == k_hi;
        let group = !in_group && (leaf || hi - lo <= GROUP_SIZE);
        if leaf {
            for (p, &m) in self.sorted[lo..hi].iter().zip(&self.sorted_mass[lo..hi]) {
                mass += m;
                mx += p[0] * m;
                my += p[1] * m;
                bb = [
                    bb[0].min(p[0]),
                    bb[1].min(p[1]),
                    bb[2].max(p[0]),
                    bb[3].max(p[1]),
                ];
            }
        } else {
            // Keys in a sorted range share every bit above the highest
            // differing one, so splitting there skips empty single-child
            // levels (the tree depth follows the data, not the 16-bit grid).
            let shift = (31 - (k_lo ^ k_hi).leading_zeros()) & !1;
            let mut start = lo;
            for quadrant in 0..4u32 {
                let end =
                    start + self.keys[start..hi].partition_point(|&k| (k >> shift) & 3 <= quadrant);
                if end > start {
                    let child = self.cells.len();
                    let cb = self.build_range(start, end, in_group || group);
                    let c = self.cells[child];
                    mass += c.mass;
                    mx += c.cx * c.mass;
                    my += c.cy * c.mass;
                    bb = [
                        bb[0].min(cb[0]),
                        bb[1].min(cb[1]),
                        bb[2].max(cb[2]),
                        bb[3].max(cb[3]),
                    ];
                }
                start = end;
            }
        }
        if group {
            // Pushed after the children, which are never groups themselves,
            // so the list stays in slot order.
            self.groups.push(idx as u32);
            self.group_bbox.push(bb);
        }
        let ext = (bb[2] - bb[0]).max(bb[3] - bb[1]);
        self.cells[idx] = Cell {
            cx: mx / mass,
            cy: my / mass,
            mass,
            crit2: (ext * ext * self.inv_theta2).max(self.min_d2),
            next: self.cells.len() as u32,
            start: lo as u32,
            end: hi as u32,
            leaf: u32::from(leaf),
        };
        bb
    }
}

/// Spreads the low 16 bits of `x` to the even bit positions.
fn spread(x: u32) -> u32 {
    let mut x = x & 0xFFFF;
    x = (x | (x << 8)) & 0x00FF_00FF;
    x = (x | (x << 4)) & 0x0F0F_0F0F;
    x = (x | (x << 2)) & 0x3333_3333;
    (x | (x << 1)) & 0x5555_5555
}

/// LSD radix sort of `keys` carrying `vals`, 11 bits per pass (three
/// passes for 32-bit keys; the 8 KiB count table stays in L1). Passes where
/// every key has the same digit are skipped.
fn radix_sort(keys: &mut Vec<u32>, vals: &mut Vec<u32>, kt: &mut Vec<u32>, vt: &mut Vec<u32>) {
    const BITS: u32 = 11;
    const MASK: u32 = (1 << BITS) - 1;
    let n = keys.len();
    kt.resize(n, 0);
    vt.resize(n, 0);
    let mut counts = [0usize; 1 << BITS];
    for shift in [0, BITS, 2 * BITS] {
        counts.fill(0);
        for &k in keys.iter() {
            counts[((k >> shift) & MASK) as usize] += 1;
        }
        if counts.contains(&n) {
            continue;
        }
        let mut sum = 0;
        for c in counts.iter_mut() {
            let here = *c;
            *c = sum;
            sum += here;
        }
        for (&k, &v) in keys.iter().zip(vals.iter()) {
            let slot = &mut counts[((k >> shift) & MASK) as usize];
            kt[*slot] = k;
            vt[*slot] = v;
            *slot += 1;
        }
        std::mem::swap(keys, kt);
        std::mem::swap(vals, vt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::mix::{mix64, unit_pair};

    fn points(n: usize, seed: u64) -> Vec<[f32; 2]> {
        (0..n as u64)
            .map(|i| {
                let (u, v) = unit_pair(mix64(seed ^ (i << 20)));
                [u * 40.0 - 20.0, v * 40.0 - 20.0]
            })
            .collect()
    }

    fn brute(pos: &[[f32; 2]], i: usize) -> [f32; 2] {
        let mut f = [0.0f64; 2];
        for (j, q) in pos.iter().enumerate() {
            if j != i {
                let (dx, dy) = (f64::from(pos[i][0] - q[0]), f64::from(pos[i][1] - q[1]));
                let d2 = dx * dx + dy * dy;
                f = [f[0] + dx / d2, f[1] + dy / d2];
            }
        }
        [f[0] as f32, f[1] as f32]
    }

    fn tree_forces(pos: &[[f32; 2]], theta: f32) -> Vec<[f32; 2]> {
        let mut t = QuadTree::default();
        t.build(pos, &[], theta, 1e-3);
        let mut sorted = vec![[0.0; 2]; pos.len()];
        t.repulsion(0..pos.len(), &mut sorted, &mut Default::default());
        let mut out = vec![[0.0; 2]; pos.len()];
        for (s, &i) in t.order().iter().enumerate() {
            out[i as usize] = sorted[s];
        }
        out
    }

    #[test]
    fn tiny_theta_matches_brute_force() {
        let pos = points(300, 1);
        let f = tree_forces(&pos, 0.01);
        for i in (0..300).step_by(7) {
            let b = brute(&pos, i);
            let err = ((f[i][0] - b[0]).powi(2) + (f[i][1] - b[1]).powi(2)).sqrt();
            let mag = (b[0] * b[0] + b[1] * b[1]).sqrt();
            assert!(err <= 1e-3 * mag.max(1.0), "node {i}: {:?} vs {b:?}", f[i]);
        }
    }

    #[test]
    fn theta_one_is_close_on_average() {
        let pos = points(2000, 2);
        let f = tree_forces(&pos, 1.0);
        let (mut err, mut mag) = (0.0f32, 0.0f32);
        for i in (0..2000).step_by(37) {
            let b = brute(&pos, i);
            err += ((f[i][0] - b[0]).powi(2) + (f[i][1] - b[1]).powi(2)).sqrt();
            mag += (b[0] * b[0] + b[1] * b[1]).sqrt();
        }
        assert!(err < 0.05 * mag, "relative error {}", err / mag);
    }

    #[test]
    fn order_is_a_permutation_sorted_by_key() {
        let pos = points(1000, 3);
        let mut t = QuadTree::default();
        t.build(&pos, &[], 1.0, 1e-3);
        assert!(t.keys.windows(2).all(|w| w[0] <= w[1]));
        let mut seen = vec![false; 1000];
        for &i in t.order() {
            assert!(!seen[i as usize]);
            seen[i as usize] = true;
        }
        // The root covers everything and its `next` ends the traversal.
        assert_eq!(t.cells[0].mass, 1000.0);
        assert_eq!(t.cells[0].next as usize, t.cells.len());
    }

    #[test]
    fn coincident_points_get_finite_opposite_pushes() {
        let pos = vec![[1.0, 1.0]; 20];
        let f = tree_forces(&pos, 1.0);
        assert!(f.iter().all(|v| v[0].is_finite() && v[1].is_finite()));
        assert!(f.iter().any(|v| v[0] != 0.0 || v[1] != 0.0));
        let two = tree_forces(&[[0.0, 0.0], [0.0, 0.0]], 1.0);
        assert_eq!(two[0], [-two[1][0], -two[1][1]]);
        assert!(two[0][0] != 0.0 || two[0][1] != 0.0);
    }
}
