//! The network layout's lifecycle as one state machine, advanced once per frame: no layout
//! thread (pictures, benchmarks), running, or settled; plus the nodes the user pinned.

use std::collections::BTreeSet;

use crate::layout::{LayoutParams, LayoutWorker};

/// Where the layout thread stands.
#[derive(Default)]
pub enum LayoutState {
    /// No layout thread: positions are fixed (a still copy for pictures, or a thread the OS
    /// refused, which leaves the seeded positions: still a usable picture).
    #[default]
    Idle,
    /// Iterating; the view repaints until it settles.
    Running(LayoutWorker),
    /// Settled; the thread sleeps until a drag reheats it.
    Settled(LayoutWorker),
}

/// The layout of one dataset: its state and the pinned nodes.
#[derive(Default)]
pub struct Layout {
    pub state: LayoutState,
    /// Nodes the user dragged into place; the layout leaves them there.
    pub pinned: BTreeSet<usize>,
}

impl Layout {
    /// Starts a layout thread for a new graph.
    pub fn start(node_count: usize, edges: Vec<(u32, u32)>, params: LayoutParams) -> Self {
        let state = match LayoutWorker::spawn(node_count, edges, params, None) {
            Ok(worker) => LayoutState::Running(worker),
            Err(_) => LayoutState::Idle,
        };
        Self {
            state,
            pinned: BTreeSet::new(),
        }
    }

    /// Resumes the layout of an edited graph from carried positions, keeping the nodes the
    /// user pinned (by their new indices) where they are.
    pub fn resume(
        edges: Vec<(u32, u32)>,
        params: LayoutParams,
        positions: Vec<[f32; 2]>,
        pinned: BTreeSet<usize>,
    ) -> Self {
        let node_count = positions.len();
        let Ok(worker) = LayoutWorker::spawn(node_count, edges, params, Some(positions.clone()))
        else {
            return Self::default();
        };
        for &node in &pinned {
            if let Some(&at) = positions.get(node) {
                worker.pin(node, at);
            }
        }
        Self {
            state: LayoutState::Running(worker),
            pinned,
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.state, LayoutState::Running(_))
    }

    pub fn is_settled(&self) -> bool {
        matches!(self.state, LayoutState::Settled(_))
    }

    fn worker(&self) -> Option<&LayoutWorker> {
        match &self.state {
            LayoutState::Idle => None,
            LayoutState::Running(w) | LayoutState::Settled(w) => Some(w),
        }
    }

    /// The newest positions, when the thread published some of the right size; moves to
    /// `Settled` when the thread says it finished.
    pub fn poll(&mut self, node_count: usize) -> Option<Vec<[f32; 2]>> {
        let snapshot = self.worker()?.latest()?;
        if snapshot.positions.len() != node_count {
            return None;
        }
        if snapshot.finished {
            self.state = match std::mem::take(&mut self.state) {
                LayoutState::Running(w) => LayoutState::Settled(w),
                other => other,
            };
        }
        Some(snapshot.positions)
    }

    /// Holds `node` at `pos` while the user drags it.
    pub fn pin(&mut self, node: usize, pos: [f32; 2]) {
        self.pinned.insert(node);
        if let Some(w) = self.worker() {
            w.pin(node, pos);
        }
    }

    /// The drag ended: let the rest of the graph settle around the pinned node.
    pub fn reheat(&mut self) {
        self.state = match std::mem::take(&mut self.state) {
            LayoutState::Settled(w) | LayoutState::Running(w) => {
                w.reheat();
                LayoutState::Running(w)
            }
            LayoutState::Idle => LayoutState::Idle,
        };
    }

    /// Lets every pinned node move again.
    pub fn release_pins(&mut self) {
        if let Some(w) = self.worker() {
            for &node in &self.pinned {
                w.unpin(node);
            }
        }
        self.pinned.clear();
        self.reheat();
    }
}
