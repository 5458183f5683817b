//! Tuning knobs of the force-directed layout.

/// Parameters of [`ForceLayout`](crate::layout::ForceLayout).
///
/// Lengths are in world units; only `ideal_length` sets the scale, every
/// other length-like parameter is relative to it, so a view can pick any
/// `ideal_length` without retuning the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutParams {
    /// Seed for the initial positions and tie-breaking jitter. Same seed, same
    /// graph and same parameters give bitwise-identical layouts.
    pub seed: u64,
    /// Preferred edge length. Default 1.0: the view scales to fit anyway, and
    /// unit length keeps f32 coordinates well inside their precise range.
    pub ideal_length: f32,
    /// Multiplier of the Fruchterman–Reingold repulsion `L²/d`. Default 1.0:
    /// attraction `d²/L` then balances a single pair exactly at `d = L`.
    pub repulsion: f32,
    /// Weight repulsion by `1 + degree` on both ends (as ForceAtlas2 does),
    /// so hubs push each other apart and dense graphs spread out.
    pub degree_weighted: bool,
    /// Pull nodes of small components harder toward the centre (by how
    /// much smaller their component is than the largest, to the power 0.75), so isolated actors sit at the rim
    /// of the main cluster instead of far away. Default on; it changes nothing in a
    /// connected graph.
    pub balance_components: bool,
    /// Linear pull toward the origin (`-gravity * position`). It keeps
    /// disconnected parts from drifting off, and against the `1/d` repulsion
    /// it yields a radius growing like `sqrt(n)`, i.e. constant node density.
    /// Default 0.05 is weak enough that clusters still separate visibly.
    pub gravity: f32,
    /// Barnes–Hut opening criterion (cell size / distance). Default 1.0:
    /// about 2x faster than 0.5 and the error is invisible in a drawing.
    pub theta: f32,
    /// Hard stop for [`ForceLayout::is_finished`](crate::layout::ForceLayout::is_finished),
    /// counted from construction or the last reheat. Default 1000: the
    /// cooling schedule normally converges well before this.
    pub max_iterations: u32,
    /// Converged when the largest step of any node falls below this fraction
    /// of `ideal_length`. Default 0.005: below half a pixel at typical zooms.
    pub convergence: f32,
    /// Starting step cap as a fraction of `sqrt(n) * ideal_length`, the
    /// expected layout radius. Default 0.3: hot enough early on for folded
    /// regions (e.g. of a grid) to swing open; 0.1 left more folds.
    pub initial_temperature: f32,
    /// Per-iteration multiplier of the step cap. Default 0.98: about 350
    /// iterations from hot to converged; 0.97 converged ~40% sooner but
    /// folded grids and trees more often, 0.99 doubled the time for little.
    pub cooling: f32,
    /// Step cap after [`reheat`](crate::layout::ForceLayout::reheat) or a warm
    /// start, as a multiple of `ideal_length`. Default 2.0: a drag is a local
    /// change, so a small temperature repairs it without scrambling the rest.
    pub reheat_temperature: f32,
    /// Threads for the force pass. 0 (default) = automatic: it times the
    /// single-threaded pass against one on all cores and keeps the faster,
    /// because on a busy machine waiting for a second thread can cost more
    /// than it saves. Any other value is used as given.
    pub threads: usize,
    /// Below this node count the force pass stays single-threaded, because
    /// spawning threads costs more than it saves. Default 2000.
    pub parallel_min_nodes: usize,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self {
            seed: 1,
            ideal_length: 1.0,
            repulsion: 1.0,
            degree_weighted: false,
            balance_components: true,
            gravity: 0.05,
            theta: 1.0,
            max_iterations: 1000,
            convergence: 0.005,
            initial_temperature: 0.3,
            cooling: 0.98,
            reheat_temperature: 2.0,
            threads: 0,
            parallel_min_nodes: 2000,
        }
    }
}

impl LayoutParams {
    /// Copy with every field forced into a range where the simulation is
    /// stable, so bad user input degrades the layout instead of producing NaN.
    pub fn sanitized(&self) -> Self {
        let pos = |v: f32, fallback: f32| {
            if v.is_finite() && v > 0.0 {
                v
            } else {
                fallback
            }
        };
        let d = Self::default();
        Self {
            seed: self.seed,
            ideal_length: pos(self.ideal_length, d.ideal_length),
            repulsion: pos(self.repulsion, d.repulsion),
            degree_weighted: self.degree_weighted,
            balance_components: self.balance_components,
            gravity: if self.gravity.is_finite() {
                self.gravity.max(0.0)
            } else {
                d.gravity
            },
            theta: pos(self.theta, d.theta).min(4.0),
            max_iterations: self.max_iterations,
            convergence: pos(self.convergence, d.convergence),
            initial_temperature: pos(self.initial_temperature, d.initial_temperature),
            cooling: if self.cooling.is_finite() {
                self.cooling.clamp(0.0, 1.0)
            } else {
                d.cooling
            },
            reheat_temperature: pos(self.reheat_temperature, d.reheat_temperature),
            threads: self.threads,
            parallel_min_nodes: self.parallel_min_nodes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_replaces_bad_values() {
        let p = LayoutParams {
            ideal_length: f32::NAN,
            theta: -1.0,
            cooling: 3.0,
            gravity: f32::INFINITY,
            ..LayoutParams::default()
        };
        let s = p.sanitized();
        assert_eq!(s.ideal_length, 1.0);
        assert_eq!(s.theta, 1.0);
        assert_eq!(s.cooling, 1.0);
        assert_eq!(s.gravity, 0.05);
        assert_eq!(LayoutParams::default().sanitized(), LayoutParams::default());
    }
}
