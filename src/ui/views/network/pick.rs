//! Which node is under the pointer.

use eframe::egui::{Pos2, Rect};

use super::NetworkView;
use super::paint::NodeLook;

/// Extra reach around a node's disc, so small nodes are easy to hit.
const PICK_SLACK: f32 = 4.0;

impl NetworkView {
    /// The nearest shown node whose disc (plus a little slack) holds `pointer`.
    pub(super) fn node_at(&self, rect: Rect, pointer: Pos2, looks: &[NodeLook]) -> Option<usize> {
        let mut best = None;
        let mut best_d = f32::MAX;
        for (i, p) in self.positions.iter().enumerate() {
            if looks[i] == NodeLook::Hidden {
                continue;
            }
            let d = self.camera.screen_from_world(rect, *p).distance_sq(pointer);
            let reach = super::node_radius(self.degree[i]) + PICK_SLACK;
            if d < reach * reach && d < best_d {
                best_d = d;
                best = Some(i);
            }
        }
        best
    }
}
