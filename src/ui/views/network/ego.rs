//! The ego network's own layout: when the view shows only the selection's ego network, its
//! nodes are laid out again on their own (a short force run from where they stand, on its own
//! thread) and eased there, and eased back home when the mode ends. While the ego layout holds them, the
//! background layout's updates for those nodes are kept aside as their home positions.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use petgraph::graph::NodeIndex;

use crate::graph::ego_network;
use crate::layout::{LayoutParams, relayout_subset};
use crate::ui::state::AppState;

use super::NetworkView;

/// How long nodes take to move to and from the ego layout.
const TWEEN_SECS: f64 = 0.45;
/// Force iterations for the local layout: enough to untangle a neighbourhood.
const ITERATIONS: u32 = 300;
/// Larger ego sets (deep ones in huge graphs) keep their places: a run would stall a frame.
const MAX_RELAYOUT_NODES: usize = 3_000;

/// The ego network in force: its centre, its nodes and where each was in the whole graph.
pub(super) struct EgoLayout {
    centre: usize,
    nodes: Vec<usize>,
    home: Vec<[f32; 2]>,
    /// Its local layout while it is being computed.
    pending: Option<LocalRun>,
}

/// Nodes easing from one place to another.
pub(super) struct Tween {
    nodes: Vec<usize>,
    from: Vec<[f32; 2]>,
    to: Vec<[f32; 2]>,
    /// When the move began: the first frame that drew it.
    start_secs: Option<f64>,
}

/// The local layout of one ego set, computed on its own thread (a few hundred force steps
/// take tens of milliseconds: too long for one frame), or at once where no thread starts.
pub(super) enum LocalRun {
    Running(Receiver<Vec<[f32; 2]>>),
    Done(Vec<[f32; 2]>),
}

impl LocalRun {
    fn start(
        positions: Vec<[f32; 2]>,
        nodes: Vec<usize>,
        edges: Vec<(u32, u32)>,
        centre: usize,
    ) -> Self {
        let run =
            move || relayout_subset(&positions, &nodes, &edges, centre, ego_params(), ITERATIONS);
        let (send, receive) = channel();
        let job = run.clone();
        let spawned = std::thread::Builder::new()
            .name("ego-layout".into())
            .spawn(move || {
                // The view may have moved on; then nobody listens, and that is fine.
                let _ = send.send(job());
            });
        match spawned {
            Ok(_) => LocalRun::Running(receive),
            Err(_) => LocalRun::Done(run()),
        }
    }

    /// The positions, once computed (taken: a second call gives none).
    fn result(&mut self) -> Option<Vec<[f32; 2]>> {
        match self {
            LocalRun::Running(receive) => match receive.try_recv() {
                Ok(positions) => Some(positions),
                // A thread that died leaves the nodes where they are.
                Err(TryRecvError::Disconnected) => Some(Vec::new()),
                Err(TryRecvError::Empty) => None,
            },
            LocalRun::Done(positions) => Some(std::mem::take(positions)),
        }
    }
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

/// The local layout's forces: within one neighbourhood every node links to the centre, so
/// plain repulsion spreads them evenly around it (degree-weighted repulsion, good for the
/// whole graph, would push the best-linked neighbours far out).
fn ego_params() -> LayoutParams {
    LayoutParams {
        degree_weighted: false,
        // Wider spacing than the whole graph's: the set is framed large, with room for names.
        ideal_length: 3.0,
        // One thread: the layout thread of the whole graph may be busy too.
        threads: 1,
        ..super::layout_params()
    }
}

impl NetworkView {
    /// Starts, changes or ends the ego layout to match the state. A new ego set's layout is
    /// computed on a short-lived thread; [`Self::poll_ego`] eases the nodes there.
    pub(super) fn follow_ego(&mut self, state: &AppState) {
        let wanted = ego_nodes(state);
        let same = match (&self.ego, &wanted) {
            (Some(ego), Some((centre, nodes))) => ego.centre == *centre && &ego.nodes == nodes,
            (None, None) => true,
            _ => false,
        };
        if same {
            return;
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
                self.tween_to(old.nodes, old.home);
            }
            return;
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
        let pending = (nodes.len() <= MAX_RELAYOUT_NODES).then(|| {
            let edges: Vec<(u32, u32)> = self
                .ends
                .iter()
                .enumerate()
                .filter(|(e, _)| state.view.visible.edges[*e])
                .map(|(_, &ends)| ends)
                .collect();
            LocalRun::start(self.positions.clone(), nodes.clone(), edges, centre)
        });
        self.ego = Some(EgoLayout {
            centre,
            nodes,
            home,
            pending,
        });
    }

    /// When the ego layout has been computed, eases the nodes there; true then (the camera
    /// should frame the new ego set).
    pub(super) fn poll_ego(&mut self) -> bool {
        let Some(ego) = &mut self.ego else {
            return false;
        };
        let Some(targets) = ego.pending.as_mut().and_then(LocalRun::result) else {
            return false;
        };
        ego.pending = None;
        let nodes = ego.nodes.clone();
        if targets.len() == nodes.len() {
            self.tween_to(nodes, targets);
        }
        true
    }

    /// Whether an ego layout is still being computed (the view keeps repainting).
    pub(super) fn ego_pending(&self) -> bool {
        self.ego.as_ref().is_some_and(|e| e.pending.is_some())
    }

    /// Whether the ego layout is in place: computed and eased there (tests wait for it).
    pub fn ego_settled(&self) -> bool {
        self.ego.is_some() && !self.ego_pending() && self.tween.is_none()
    }

    fn tween_to(&mut self, nodes: Vec<usize>, to: Vec<[f32; 2]>) {
        let from = nodes.iter().map(|&n| self.positions[n]).collect();
        self.tween = Some(Tween {
            nodes,
            from,
            to,
            start_secs: None,
        });
    }

    /// Moves the easing nodes one frame on; true while they are still moving.
    pub(super) fn step_tween(&mut self, now: f64) -> bool {
        let Some(tween) = &mut self.tween else {
            return false;
        };
        // The clock starts at the first frame drawn, so a slow frame does not skip the move.
        let start = *tween.start_secs.get_or_insert(now);
        let t = ((now - start) / TWEEN_SECS).clamp(0.0, 1.0) as f32;
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
