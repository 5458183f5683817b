//! Barnes–Hut force evaluation, one leaf group at a time.
//!
//! Walking the tree once per body spends most of its time on branchy
//! traversal. Instead the tree is walked once per leaf, accepting a cell only
//! if it is far from every point of the leaf's bounding box, and the accepted
//! cells plus the bodies of nearby leaves form an interaction list. All
//! bodies of the leaf then sum over that list in a branch-free loop written
//! in independent lanes, which the compiler turns into SIMD code. Lane sums
//! are combined in a fixed order, so results do not depend on the thread split.

use crate::layout::barnes_hut::QuadTree;
use crate::layout::mix::{mix64, unit_pair};
use std::ops::Range;

/// Independent accumulators per body: two SSE vectors, or one AVX vector.
const LANES: usize = 8;

/// Interaction list of one leaf, as structure-of-arrays padded to `LANES`.
/// Kept between leaves (and by each thread between chunks) so it allocates
/// only while growing.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    x: Vec<f32>,
    y: Vec<f32>,
    m: Vec<f32>,
}

fn positive(a: f32) -> f32 {
    if a > 0.0 { a } else { 0.0 }
}

impl Scratch {
    fn clear(&mut self) {
        self.x.clear();
        self.y.clear();
        self.m.clear();
    }

    fn push(&mut self, x: f32, y: f32, m: f32) {
        self.x.push(x);
        self.y.push(y);
        self.m.push(m);
    }

    /// Zero-mass padding contributes exactly nothing (d² is clamped above 0).
    fn pad(&mut self) {
        while !self.x.len().is_multiple_of(LANES) {
            self.push(0.0, 0.0, 0.0);
        }
    }

    /// `Σ m·(p−q)/max(|p−q|², min_d2)` over the list. The body itself is in
    /// the list but contributes zero because its offset is zero.
    fn sum(&self, p: [f32; 2], min_d2: f32) -> [f32; 2] {
        let (xs, _) = self.x.as_chunks::<LANES>();
        let (ys, _) = self.y.as_chunks::<LANES>();
        let (ms, _) = self.m.as_chunks::<LANES>();
        let mut ax = [0.0f32; LANES];
        let mut ay = [0.0f32; LANES];
        for ((x, y), m) in xs.iter().zip(ys).zip(ms) {
            for k in 0..LANES {
                let (dx, dy) = (p[0] - x[k], p[1] - y[k]);
                let d2 = dx * dx + dy * dy;
                let d2 = if d2 < min_d2 { min_d2 } else { d2 };
                let f = m[k] / d2;
                ax[k] += dx * f;
                ay[k] += dy * f;
            }
        }
        let total = |acc: &[f32; LANES]| acc.iter().fold(0.0f32, |t, v| t + v);
        [total(&ax), total(&ay)]
    }
}

impl Scratch {
    /// [`Scratch::sum`] for two bodies in one pass over the list: each list
    /// entry is loaded once for both, and the two bodies' arithmetic
    /// interleaves. Per body, the operations and their order are exactly
    /// those of `sum`, so results are bitwise identical to it.
    fn sum2(&self, p: [f32; 2], q: [f32; 2], min_d2: f32) -> [[f32; 2]; 2] {
        let (xs, _) = self.x.as_chunks::<LANES>();
        let (ys, _) = self.y.as_chunks::<LANES>();
        let (ms, _) = self.m.as_chunks::<LANES>();
        let mut a = [[0.0f32; LANES]; 4];
        for ((x, y), m) in xs.iter().zip(ys).zip(ms) {
            for k in 0..LANES {
                for (b, o) in [(p, 0), (q, 2)] {
                    let (dx, dy) = (b[0] - x[k], b[1] - y[k]);
                    let d2 = dx * dx + dy * dy;
                    let d2 = if d2 < min_d2 { min_d2 } else { d2 };
                    let f = m[k] / d2;
                    a[o][k] += dx * f;
                    a[o + 1][k] += dy * f;
                }
            }
        }
        // Same lane order as `sum`, so the two paths agree bit for bit.
        let total = |acc: &[f32; LANES]| acc.iter().fold(0.0f32, |t, v| t + v);
        [[total(&a[0]), total(&a[1])], [total(&a[2]), total(&a[3])]]
    }
}

impl QuadTree {
    /// Repulsion field `Σ m·(p−q)/|p−q|²` (not yet multiplied by the body's
    /// own mass) at the bodies in sorted slots `range`, one vector per slot into `out`. Each body's result
    /// depends only on the tree and its own slot, so any split of the slots
    /// across threads gives identical numbers.
    pub(crate) fn repulsion(&self, range: Range<usize>, out: &mut [[f32; 2]], list: &mut Scratch) {
        let cells = &self.cells;
        let first = self
            .groups
            .partition_point(|&c| cells[c as usize].end as usize <= range.start);
        for (&group, bb) in self.groups[first..].iter().zip(&self.group_bbox[first..]) {
            let c = cells[group as usize];
            if c.start as usize >= range.end {
                break;
            }
            self.interaction_list(bb, list);
            let slots = (c.start as usize).max(range.start)..(c.end as usize).min(range.end);
            let mut s = slots.start;
            while s < slots.end {
                let pair = s + 1 < slots.end && !self.crowded[s] && !self.crowded[s + 1];
                if pair {
                    let [a, b] = list.sum2(self.sorted[s], self.sorted[s + 1], self.min_d2);
                    out[s - range.start] = a;
                    out[s + 1 - range.start] = b;
                    s += 2;
                    continue;
                }
                out[s - range.start] = if self.crowded[s] {
                    self.exact(s)
                } else {
                    list.sum(self.sorted[s], self.min_d2)
                };
                s += 1;
            }
        }
    }

    /// Collects the cells that are far from the whole box `bb` and the
    /// bodies of leaves that are not.
    fn interaction_list(&self, bb: &[f32; 4], list: &mut Scratch) {
        list.clear();
        let mut i = 0;
        while let Some(c) = self.cells.get(i) {
            // At most one of each pair is positive (min <= max); plain
            // comparisons avoid the NaN handling `f32::max` compiles to.
            let dx = positive(bb[0] - c.cx) + positive(c.cx - bb[2]);
            let dy = positive(bb[1] - c.cy) + positive(c.cy - bb[3]);
            if dx * dx + dy * dy > c.crit2 {
                list.push(c.cx, c.cy, c.mass);
                i = c.next as usize;
            } else if c.leaf != 0 {
                let bodies = c.start as usize..c.end as usize;
                for (q, &m) in self.sorted[bodies.clone()]
                    .iter()
                    .zip(&self.sorted_mass[bodies])
                {
                    list.push(q[0], q[1], m);
                }
                i = c.next as usize;
            } else {
                i += 1;
            }
        }
        list.pad();
    }

    /// Per-body traversal for slots that may coincide with another body: the
    /// lane loop sees a zero offset there and cannot tell self from a twin,
    /// while this path pushes twins apart along a pair-specific direction.
    #[cold]
    fn exact(&self, s: usize) -> [f32; 2] {
        let [px, py] = self.sorted[s];
        let min_d2 = self.min_d2;
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        let mut i = 0;
        while let Some(c) = self.cells.get(i) {
            let (dx, dy) = (px - c.cx, py - c.cy);
            let d2 = dx * dx + dy * dy;
            if d2 > c.crit2 {
                let f = c.mass / d2;
                fx += dx * f;
                fy += dy * f;
                i = c.next as usize;
            } else if c.leaf != 0 {
                for j in c.start as usize..c.end as usize {
                    let q = self.sorted[j];
                    let (mut dx, mut dy) = (px - q[0], py - q[1]);
                    let mut d2 = dx * dx + dy * dy;
                    if d2 < min_d2 {
                        if j == s {
                            continue;
                        }
                        if d2 == 0.0 {
                            [dx, dy] = self.jitter(s, j);
                        }
                        d2 = min_d2;
                    }
                    let f = self.sorted_mass[j] / d2;
                    fx += dx * f;
                    fy += dy * f;
                }
                i = c.next as usize;
            } else {
                i += 1;
            }
        }
        [fx, fy]
    }

    /// Direction pushing coincident bodies apart: derived from the unordered
    /// pair of node ids and negated for one of the two, so the pair separates
    /// reproducibly.
    fn jitter(&self, s: usize, j: usize) -> [f32; 2] {
        let (a, b) = (self.order()[s], self.order()[j]);
        let key = (u64::from(a.min(b)) << 32) | u64::from(a.max(b));
        let (u, v) = unit_pair(mix64(key));
        let sign = if a < b { 1.0 } else { -1.0 };
        let r = self.min_d2.sqrt();
        [sign * r * (u - 0.5), sign * r * (v - 0.5)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_sum_is_bitwise_equal_to_single_sum() {
        let mut list = Scratch::default();
        for i in 0..53u64 {
            let (u, v) = unit_pair(mix64(i));
            list.push(u * 10.0, v * 10.0, 1.0 + (i % 3) as f32);
        }
        list.push(2.0, 3.0, 1.0); // coincident with `p`: clamped, finite
        list.pad();
        assert_eq!(list.x.len() % LANES, 0);
        let (p, q) = ([2.0, 3.0], [7.5, -1.25]);
        let [a, b] = list.sum2(p, q, 1e-4);
        assert_eq!(a.map(f32::to_bits), list.sum(p, 1e-4).map(f32::to_bits));
        assert_eq!(b.map(f32::to_bits), list.sum(q, 1e-4).map(f32::to_bits));
        assert!(a.iter().chain(&b).all(|v| v.is_finite()));
    }
}
