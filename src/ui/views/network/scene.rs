//! Scene preparation: which nodes and edges show, fade or stand out, and how they look on
//! screen this frame. Pure data from the state and the positions; `paint` draws it.

use std::collections::HashSet;

use eframe::egui::{Color32, FontId, Pos2, Rect};
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::graph::{Direction, ego_network, neighbours};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::view_state::Selection;

use super::NetworkView;
use super::paint::{self, NodeLook, Scene};

impl NetworkView {
    /// Which nodes show, stand out, or (not there on the "as of" date) are hidden or drawn
    /// as ghosts, as the user chose.
    pub(super) fn looks(&self, state: &AppState) -> Vec<NodeLook> {
        let structural = &state.view.structural;
        let ghosts = state.prefs.show_ghosts;
        let mut looks: Vec<NodeLook> = (0..self.positions.len())
            .map(
                |i| match (structural.nodes[i], state.view.visible.nodes[i]) {
                    (false, _) => NodeLook::Hidden,
                    (true, false) if ghosts => NodeLook::Faded,
                    (true, false) => NodeLook::Hidden,
                    (true, true) => NodeLook::Normal,
                },
            )
            .collect();
        if let Some(keep) = ego_set(state) {
            for (i, look) in looks.iter_mut().enumerate() {
                if !keep.contains(&i) {
                    *look = NodeLook::Hidden;
                }
            }
        }
        for i in self.lit(state) {
            if looks[i] != NodeLook::Hidden {
                looks[i] = NodeLook::Highlighted;
            }
        }
        looks
    }

    /// The nodes that stand out: the selection and the hovered node with their neighbours,
    /// the path found, the actors of a selected event, and the story step's focus.
    fn lit(&self, state: &AppState) -> Vec<usize> {
        let standouts = self.standouts(state);
        [standouts.centres, standouts.marked, standouts.neighbours].concat()
    }

    /// The nodes whose labels are placed before any other, most important first: the
    /// selection (then the hovered node), the focus, path and marked actors, then the
    /// neighbours of the selection, best linked first.
    pub(super) fn label_first(&self, state: &AppState) -> Vec<u32> {
        let Standouts {
            centres,
            marked,
            mut neighbours,
        } = self.standouts(state);
        neighbours.sort_by_key(|&n| std::cmp::Reverse(self.degree.get(n).copied()));
        [centres, marked, neighbours]
            .concat()
            .into_iter()
            .map(|n| n as u32)
            .collect()
    }

    fn standouts(&self, state: &AppState) -> Standouts {
        let graph = &state.dataset.graph;
        let mut out = Standouts::default();
        for node in [state.selected_actor(), self.hovered.map(NodeIndex::new)]
            .into_iter()
            .flatten()
        {
            out.centres.push(node.index());
            // Only links that exist on the date light up, ghosts or not.
            out.neighbours.extend(
                neighbours(graph, node, None, Direction::Both)
                    .into_iter()
                    .filter(|(_, e)| state.view.visible.edges[e.index()])
                    .map(|(n, _)| n.index()),
            );
        }
        let lit = &mut out.marked;
        if let Some((_, Some(step))) = state.story() {
            lit.extend(
                step.focus
                    .iter()
                    .filter_map(|a| graph.node(a))
                    .map(|n| n.index()),
            );
        }
        for step in &state.view.path.steps {
            lit.extend([step.from.index(), step.to.index()]);
        }
        if let Some(Selection::Event(id)) = &state.view.selection
            && let Some(event) = graph.atlas().events.iter().find(|e| &e.id == id)
        {
            lit.extend(
                event
                    .actors
                    .iter()
                    .filter_map(|a| graph.node(a))
                    .map(|n| n.index()),
            );
        }
        if let Some(changes) = &state.view.changes {
            // Node i is actor i.
            lit.extend(&changes.actors_founded);
            lit.extend(&changes.instruments_adopted);
        }
        out
    }

    /// Draws the network as the looks say; returns the labels drawn with their boxes.
    pub(super) fn paint(
        &self,
        painter: &eframe::egui::Painter,
        rect: Rect,
        state: &AppState,
        looks: &[NodeLook],
        palette: Palette,
        font_size: f32,
    ) -> Vec<(u32, Rect)> {
        let graph = &state.dataset.graph;
        let screen: Vec<Pos2> = self
            .positions
            .iter()
            .map(|p| self.camera.screen_from_world(rect, *p))
            .collect();
        let zoom_scale = (self.camera.zoom / 20.0).clamp(0.35, 2.5);
        let radii: Vec<f32> = self
            .degree
            .iter()
            .map(|&d| super::node_radius(d) * zoom_scale.sqrt())
            .collect();
        let colours: Vec<Color32> = graph
            .nodes()
            .map(|n| palette.kind(graph.actor(n).kind))
            .collect();
        let edges = self.edge_looks(state, looks, palette);
        let label_budget = ((self.camera.zoom / 8.0).powi(2) * 30.0).clamp(12.0, 600.0) as usize;
        let names = |i: usize| graph.actor(NodeIndex::new(i)).name.as_str();
        let scene = Scene {
            rect,
            positions: &screen,
            radii: &radii,
            colours: &colours,
            looks,
            edges: &edges,
            label_first: &self.label_first(state),
            label_order: &self.label_order,
            blocked: &self.obstacles,
            names: &names,
            label_budget,
            palette,
            font: FontId::proportional(font_size),
            arrows: edges.len() < 5_000 && self.camera.zoom > 6.0,
        };
        let labels = paint::paint(painter, &scene);
        if looks.iter().all(|l| *l == NodeLook::Hidden) {
            painter.text(
                rect.center(),
                eframe::egui::Align2::CENTER_CENTER,
                "Nothing matches the current filters",
                FontId::proportional(font_size * 1.4),
                palette.muted(),
            );
        }
        labels
    }

    /// Each shown edge with its colour, width and direction.
    pub(super) fn edge_looks(
        &self,
        state: &AppState,
        looks: &[NodeLook],
        palette: Palette,
    ) -> Vec<(u32, u32, Color32, f32, bool)> {
        let graph = &state.dataset.graph;
        let path_edges: HashSet<usize> = state
            .view
            .path
            .steps
            .iter()
            .map(|s| s.edge.index())
            .collect();
        let (begun, ended) = change_marks(state);
        let selected = state.selected_actor().map(|n| n.index() as u32);
        let hovered = self.hovered.map(|n| n as u32);
        // Many edges seen from afar: hairlines (see `paint::edge_mesh`).
        let far_out = self.ends.len() > 10_000 && self.camera.zoom < 30.0;
        self.ends
            .iter()
            .enumerate()
            .filter_map(|(e, &(a, b))| {
                let hidden = |n: u32| looks[n as usize] == NodeLook::Hidden;
                if !state.view.structural.edges[e] || hidden(a) || hidden(b) {
                    return None;
                }
                let exists = state.view.visible.edges[e];
                let index = graph.graph()[EdgeIndex::new(e)];
                // "What changed" shows what ended as ghosts even when ghosts are off.
                if !exists && !state.prefs.show_ghosts && !ended.contains(&index) {
                    return None;
                }
                let relation = graph.relation(EdgeIndex::new(e));
                let touches = |n: Option<u32>| n.is_some_and(|n| n == a || n == b);
                let (colour, width) = if path_edges.contains(&e) {
                    (palette.highlight(), 3.5)
                } else if begun.contains(&index) {
                    (palette.highlight(), 2.5)
                } else if !exists {
                    (palette.ghost(palette.edge(relation.kind)), 1.0)
                } else if touches(selected) || touches(hovered) {
                    (palette.highlight().gamma_multiply(0.8), 2.0)
                } else {
                    (palette.edge(relation.kind), 1.0)
                };
                let width = if far_out && width <= 1.0 { 0.5 } else { width };
                Some((a, b, colour, width, relation.kind.is_directed()))
            })
            .collect()
    }
}

/// The nodes that stand out, in three tiers (see [`NetworkView::label_first`]).
#[derive(Default)]
struct Standouts {
    centres: Vec<usize>,
    marked: Vec<usize>,
    neighbours: Vec<usize>,
}

/// The relations (by index) that "What changed" marks as begun and as ended.
fn change_marks(state: &AppState) -> (HashSet<usize>, HashSet<usize>) {
    match &state.view.changes {
        Some(c) => (
            c.relations_begun.iter().copied().collect(),
            c.relations_ended.iter().copied().collect(),
        ),
        None => (HashSet::new(), HashSet::new()),
    }
}

/// The nodes of the selection's ego network when the view shows only that.
pub(super) fn ego_set(state: &AppState) -> Option<HashSet<usize>> {
    if !state.prefs.ego_only {
        return None;
    }
    let centre = state.selected_actor()?;
    let graph = &state.dataset.graph;
    // The ego network as of the date: a link that did not exist yet does not connect.
    let ego = ego_network(graph, centre, state.prefs.ego_depth, &state.view.visible);
    Some(ego.into_iter().map(|(n, _)| n.index()).collect())
}
