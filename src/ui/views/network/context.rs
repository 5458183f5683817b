//! The network's context menu (right click): on an actor, edit it, start a relation from
//! it, delete it; on the background, add an actor. The entries are in `ui/edit/menu.rs`.

use eframe::egui;
use petgraph::graph::NodeIndex;

use crate::ui::command::Command;
use crate::ui::edit::menu::node_menu;
use crate::ui::state::AppState;

use super::NetworkView;

impl NetworkView {
    pub(super) fn context_menu(
        &mut self,
        response: &egui::Response,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) {
        if response.secondary_clicked() {
            let graph = &state.dataset.graph;
            self.context_node = self
                .hovered
                .filter(|&n| n < graph.node_count())
                .map(|n| graph.actor(NodeIndex::new(n)).id.clone());
        }
        let node = self.context_node.clone();
        response.context_menu(|ui| node_menu(ui, state, node.as_deref(), commands));
    }
}
