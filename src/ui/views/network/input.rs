//! Pan, zoom, drag, hover, click and double-click on the network.

use eframe::egui::{self, Rect, Ui};
use petgraph::graph::NodeIndex;

use crate::graph::ego_network;
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::view_state::Selection;

use super::NetworkView;
use super::paint::NodeLook;

/// What one frame of input sees.
pub(super) struct Gesture<'a> {
    pub rect: Rect,
    pub response: &'a egui::Response,
    pub looks: &'a [NodeLook],
    pub now: f64,
}

impl NetworkView {
    pub(super) fn handle_input(
        &mut self,
        ui: &Ui,
        g: &Gesture<'_>,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) {
        let pointer = g.response.hover_pos();
        self.hovered = pointer.and_then(|p| self.node_at(g.rect, p, g.looks));
        self.zoom(ui, g);
        self.drag(g);
        self.clicks(g, state, commands);
        self.hover_card(g.response, state);
    }

    fn zoom(&mut self, ui: &Ui, g: &Gesture<'_>) {
        if !g.response.hovered() {
            return;
        }
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4
            && let Some(p) = g.response.hover_pos()
        {
            self.camera.zoom_at(g.rect, p, factor);
            self.user_moved_camera();
        }
    }

    /// Dragging a node pins it where it is dropped; dragging the background pans.
    fn drag(&mut self, g: &Gesture<'_>) {
        let response = g.response;
        if response.drag_started() {
            self.dragging = self.hovered;
            self.user_moved_camera();
        }
        if response.dragged() {
            match (self.dragging, response.interact_pointer_pos()) {
                (Some(node), Some(p)) => {
                    let world = self.camera.world_from_screen(g.rect, p);
                    self.positions[node] = world;
                    self.layout.pin(node, world);
                }
                _ => self.camera.pan(response.drag_delta()),
            }
        }
        if response.drag_stopped() && self.dragging.take().is_some() {
            self.layout.reheat();
        }
    }

    /// A click selects (or clears); a double-click opens the ego network and frames it.
    fn clicks(&mut self, g: &Gesture<'_>, state: &AppState, commands: &mut Vec<Command>) {
        if g.response.double_clicked() {
            if let Some(node) = self.hovered {
                let id = state.dataset.graph.actor(NodeIndex::new(node)).id.clone();
                commands.push(Command::Select(Selection::Actor(id)));
                commands.push(Command::SetEgoOnly(true));
                let ego = ego_network(
                    &state.dataset.graph,
                    NodeIndex::new(node),
                    state.prefs.ego_depth,
                    &state.view.visible,
                );
                let nodes: Vec<usize> = ego.iter().map(|(n, _)| n.index()).collect();
                self.move_to(g.rect, &nodes, g.now);
            }
        } else if g.response.clicked() {
            commands.push(match self.hovered {
                Some(node) => {
                    let id = state.dataset.graph.actor(NodeIndex::new(node)).id.clone();
                    Command::Select(Selection::Actor(id))
                }
                None => Command::ClearSelection,
            });
        }
    }

    fn hover_card(&self, response: &egui::Response, state: &AppState) {
        let Some(node) = self.hovered else {
            return;
        };
        let actor = state.dataset.graph.actor(NodeIndex::new(node));
        let degree = self.degree[node];
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(&actor.name);
            ui.label(format!("{} · {} links", actor.kind.label(), degree));
            if !actor.summary.is_empty() {
                ui.set_max_width(320.0);
                ui.label(egui::RichText::new(&actor.summary).small());
            }
        });
    }
}
