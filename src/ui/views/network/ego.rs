//! The ego network's own layout: when the view shows only the selection's ego network, its
//! nodes are laid out again on their own (a short force run from where they stand) and eased
//! there, and eased back home when the mode ends. While the ego layout holds them, the
//! background layout's updates for those nodes are kept aside as their home positions.

use petgraph::graph::NodeIndex;

use crate::graph::ego_network;
use crate::layout::relayout_subset;
use crate::ui::state::AppState;

use super::NetworkView;

/// How long nodes take to move to and from the ego layout.
const TWEEN_SECS: f64 = 0.45;
/// Force iterations for the local layout: enough to untangle a neighbourhood.
const ITERATIONS: u32 = 150;
/// Larger ego sets (deep ones in huge graphs) keep their places: a run would stall a frame.
const MAX_RELAYOUT_NODES: usize = 3_000;

/// The ego network in force: its centre, its nodes and where each was in the whole graph.
pub(super) struct EgoLayout {
    centre: usize,
    nodes: Vec<usize>,
    home: Vec<[f32; 2]>,
}

/// Nodes easing from one place to another.
pub(super) struct Tween {
    nodes: Vec<usize>,
    from: Vec<[f32; 2]>,
    to: Vec<[f32; 2]>,
    start_secs: f64,
}

/// The selection's ego network as sorted node indices, when ego mode is on.
fn ego_nodes(state: &AppState) -> Option<(usize, Vec<usize>)> {
    if !state.prefs.ego_only {
        return None;
    }
    let centre = state.selected_actor()?;
    let ego = ego_network(
        &state.dataset.graph,
        centre,
        state.prefs.ego_depth,
        &state.view.visible,
    );
    let mut nodes: Vec<usize> = ego.into_iter().map(|(n, _)| n.index()).collect();
    nodes.sort_unstable();
    Some((centre.index(), nodes))
}

impl NetworkView {
    /// Starts, changes or ends the ego layout to match the state; true when it started or
    /// changed (the camera should then frame the new ego set).
    pub(super) fn follow_ego(&mut self, state: &AppState, now: f64) -> bool {
        let wanted = ego_nodes(state);
        let same = match (&self.ego, &wanted) {
            (Some(ego), Some((centre, nodes))) => ego.centre == *centre && &ego.nodes == nodes,
            (None, None) => true,
            _ => false,
        };
        if same {
            return false;
        }
        let old = self.ego.take();
        let home_of = |n: usize, here: [f32; 2]| {
            old.as_ref()
                .and_then(|o| o.nodes.binary_search(&n).ok().map(|i| o.home[i]))
                .unwrap_or(here)
        };
        let Some((centre, nodes)) = wanted else {
            // Back home, eased.
            if let Some(old) = old {
                self.tween_to(old.nodes, old.home, now);
            }
            return false;
        };
        let home: Vec<[f32; 2]> = nodes
            .iter()
            .map(|&n| home_of(n, self.positions[n]))
            .collect();
        // Nodes of the old ego set that leave it go home at once: they are hidden now.
        if let Some(old) = &old {
            for (i, &n) in old.nodes.iter().enumerate() {
                if nodes.binary_search(&n).is_err() {
                    self.positions[n] = old.home[i];
                }
            }
        }
        let targets = if nodes.len() <= MAX_RELAYOUT_NODES {
            let edges: Vec<(u32, u32)> = self
                .ends
                .iter()
                .enumerate()
                .filter(|(e, _)| state.view.visible.edges[*e])
                .map(|(_, &ends)| ends)
                .collect();
            relayout_subset(
                &self.positions,
                &nodes,
                &edges,
                centre,
                super::layout_params(),
                ITERATIONS,
            )
        } else {
            nodes.iter().map(|&n| self.positions[n]).collect()
        };
        self.tween_to(nodes.clone(), targets, now);
        self.ego = Some(EgoLayout {
            centre,
            nodes,
            home,
        });
        true
    }

    fn tween_to(&mut self, nodes: Vec<usize>, to: Vec<[f32; 2]>, now: f64) {
        let from = nodes.iter().map(|&n| self.positions[n]).collect();
        self.tween = Some(Tween {
            nodes,
            from,
            to,
            start_secs: now,
        });
    }

    /// Moves the easing nodes one frame on; true while they are still moving.
    pub(super) fn step_tween(&mut self, now: f64) -> bool {
        let Some(tween) = &self.tween else {
            return false;
        };
        let t = ((now - tween.start_secs) / TWEEN_SECS).clamp(0.0, 1.0) as f32;
        // Ease in and out (smoothstep): no jump at either end.
        let s = t * t * (3.0 - 2.0 * t);
        for (i, &n) in tween.nodes.iter().enumerate() {
            let (a, b) = (tween.from[i], tween.to[i]);
            self.positions[n] = [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s];
        }
        if t >= 1.0 {
            self.tween = None;
        }
        true
    }

    /// Takes new positions from the background layout, except for the nodes the ego layout
    /// or a tween holds: for those they become the home to return to.
    pub(super) fn absorb_layout(&mut self, positions: Vec<[f32; 2]>) {
        if self.ego.is_none() && self.tween.is_none() {
            self.positions = positions;
            return;
        }
        let mut held = vec![false; positions.len()];
        if let Some(ego) = &mut self.ego {
            for (i, &n) in ego.nodes.iter().enumerate() {
                if let Some(p) = positions.get(n) {
                    ego.home[i] = *p;
                    held[n] = true;
                }
            }
        }
        if let Some(tween) = &mut self.tween {
            let returning = self.ego.is_none();
            for (i, &n) in tween.nodes.iter().enumerate() {
                if let Some(p) = positions.get(n) {
                    if returning {
                        tween.to[i] = *p;
                    }
                    held[n] = true;
                }
            }
        }
        for (n, p) in positions.into_iter().enumerate() {
            if !held[n] && n < self.positions.len() {
                self.positions[n] = p;
            }
        }
    }

    /// Where every node is going: a moving node's end point, else where it is. Fits frame
    /// these, so the camera and the nodes arrive together.
    pub(super) fn settled_positions(&self) -> Vec<[f32; 2]> {
        let mut out = self.positions.clone();
        if let Some(tween) = &self.tween {
            for (&n, &p) in tween.nodes.iter().zip(&tween.to) {
                if let Some(slot) = out.get_mut(n) {
                    *slot = p;
                }
            }
        }
        out
    }

    /// The ego set's nodes while the ego layout is in force.
    pub(super) fn ego_set_nodes(&self) -> Option<&[usize]> {
        self.ego.as_ref().map(|e| e.nodes.as_slice())
    }

    /// Forgets the ego layout (a new dataset: old indices mean nothing).
    pub(super) fn drop_ego(&mut self) {
        self.ego = None;
        self.tween = None;
    }

    /// The centre of the ego layout, for tests and the toolbar.
    pub fn ego_centre(&self) -> Option<NodeIndex> {
        self.ego.as_ref().map(|e| NodeIndex::new(e.centre))
    }
}
