//! The network view: the force layout from `layout` (on its own thread), our own camera,
//! one interaction area with nearest-node picking, and the painter in `paint`.

mod camera;
mod paint;

pub use camera::Camera;

use std::collections::HashSet;

use eframe::egui::{self, Color32, FontId, Pos2, Rect, Sense, Ui};
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::graph::ego_network;
use crate::layout::{LayoutParams, LayoutWorker};
use crate::ui::command::Command;
use crate::ui::state::{AppState, Selection};
use crate::ui::theme::Palette;

use camera::CameraMove;
use paint::{NodeLook, Scene};

/// Story and region moves take this long.
const MOVE_SECS: f64 = 0.8;

/// The network's own state: positions, camera, gestures and per-dataset caches.
pub struct NetworkView {
    generation: Option<u64>,
    worker: Option<LayoutWorker>,
    positions: Vec<[f32; 2]>,
    /// Edge endpoints in edge-index order.
    ends: Vec<(u32, u32)>,
    degree: Vec<u32>,
    /// Nodes by label priority (most linked first).
    label_order: Vec<u32>,
    pub camera: Camera,
    camera_move: Option<CameraMove>,
    /// Keep fitting the whole graph while the layout settles, until the user moves the camera.
    auto_fit: bool,
    dragging: Option<usize>,
    pinned: HashSet<usize>,
    pub hovered: Option<usize>,
    seen_focus_request: u64,
    layout_running: bool,
    /// Screen rectangle of the last frame, for fits requested from outside the view.
    last_rect: Option<Rect>,
}

impl Default for NetworkView {
    fn default() -> Self {
        Self {
            generation: None,
            worker: None,
            positions: Vec::new(),
            ends: Vec::new(),
            degree: Vec::new(),
            label_order: Vec::new(),
            camera: Camera::default(),
            camera_move: None,
            auto_fit: true,
            dragging: None,
            pinned: HashSet::new(),
            hovered: None,
            seen_focus_request: 0,
            layout_running: false,
            last_rect: None,
        }
    }
}

impl NetworkView {
    /// A view with fixed positions and no layout thread (benchmarks, snapshots).
    pub fn with_positions(state: &AppState, positions: Vec<[f32; 2]>) -> Self {
        let mut view = Self::default();
        view.rebuild(state, false);
        if positions.len() == view.positions.len() {
            view.positions = positions;
        }
        view
    }

    /// A copy that keeps positions and camera but runs no layout: for pictures.
    pub fn still(&self) -> Self {
        Self {
            generation: self.generation,
            worker: None,
            positions: self.positions.clone(),
            ends: self.ends.clone(),
            degree: self.degree.clone(),
            label_order: self.label_order.clone(),
            camera: self.camera,
            camera_move: None,
            auto_fit: false,
            dragging: None,
            pinned: HashSet::new(),
            hovered: None,
            seen_focus_request: self.seen_focus_request,
            layout_running: false,
            last_rect: None,
        }
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    /// Drops caches and restarts the layout when the dataset changed.
    fn rebuild(&mut self, state: &AppState, spawn: bool) {
        let graph = &state.graph;
        self.generation = Some(state.generation);
        self.ends = graph.edge_ends();
        self.degree = vec![0; graph.node_count()];
        for &(a, b) in &self.ends {
            self.degree[a as usize] += 1;
            self.degree[b as usize] += 1;
        }
        self.label_order = (0..graph.node_count() as u32).collect();
        let degree = &self.degree;
        self.label_order
            .sort_by_key(|&n| (std::cmp::Reverse(degree[n as usize]), n));
        let params = layout_params();
        let layout =
            crate::layout::ForceLayout::new(graph.node_count(), &self.ends, params.clone());
        self.positions = layout.positions().to_vec();
        self.pinned.clear();
        self.dragging = None;
        self.hovered = None;
        self.auto_fit = true;
        self.worker = None;
        self.layout_running = false;
        if spawn {
            // A thread the OS refuses leaves the seeded positions: still a usable picture.
            self.worker =
                LayoutWorker::spawn(graph.node_count(), self.ends.clone(), params, None).ok();
            self.layout_running = self.worker.is_some();
        }
    }

    /// Restarts the layout from scratch (menu: "Re-run layout").
    pub fn relayout(&mut self, state: &AppState) {
        self.rebuild(state, true);
    }

    /// Pulls the newest positions from the layout thread.
    fn poll_layout(&mut self) {
        if let Some(worker) = &self.worker
            && let Some(snapshot) = worker.latest()
            && snapshot.positions.len() == self.positions.len()
        {
            self.positions = snapshot.positions;
            self.layout_running = !snapshot.finished;
        }
    }

    fn node_at(&self, rect: Rect, pointer: Pos2, shown: &[NodeLook]) -> Option<usize> {
        let mut best = None;
        let mut best_d = f32::MAX;
        for (i, p) in self.positions.iter().enumerate() {
            if shown[i] == NodeLook::Hidden {
                continue;
            }
            let s = self.camera.screen_from_world(rect, *p);
            let d = s.distance_sq(pointer);
            let reach = node_radius(self.degree[i]) + 4.0;
            if d < reach * reach && d < best_d {
                best_d = d;
                best = Some(i);
            }
        }
        best
    }

    /// Starts an eased move that frames the given nodes.
    fn move_to(&mut self, rect: Rect, nodes: &[usize], now: f64) {
        let target = self.camera.fitting(
            rect,
            clear_of_legend(rect),
            nodes.iter().filter_map(|&n| self.positions.get(n).copied()),
        );
        // A single node: do not zoom in absurdly far.
        let target = if nodes.len() <= 1 {
            Camera {
                zoom: target.zoom.min(40.0),
                ..target
            }
        } else {
            target
        };
        self.camera_move = Some(CameraMove {
            from: self.camera,
            to: target,
            start_secs: now,
            duration_secs: MOVE_SECS,
        });
        self.auto_fit = false;
    }

    pub fn fit(&mut self, state: &AppState, now: f64) {
        if let Some(rect) = self.last_rect {
            let nodes: Vec<usize> = (0..self.positions.len())
                .filter(|&i| state.visible.nodes.get(i).copied().unwrap_or(false))
                .collect();
            self.move_to(rect, &nodes, now);
        }
    }

    /// Draws the view and returns what the user asked for.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette) -> Vec<Command> {
        if self.generation != Some(state.generation)
            || self.positions.len() != state.graph.node_count()
        {
            self.rebuild(state, true);
        }
        self.poll_layout();
        let mut commands = Vec::new();
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.last_rect = Some(rect);
        let now = ui.input(|i| i.time);
        let looks = self.looks(state);

        if state.focus_request != self.seen_focus_request {
            self.seen_focus_request = state.focus_request;
            let mut nodes: Vec<usize> = state
                .focus
                .iter()
                .filter_map(|id| state.graph.node(id).map(|n| n.index()))
                .collect();
            // One actor alone says little: frame it with the actors it links to.
            if let [single] = nodes[..] {
                nodes = ego_network(&state.graph, NodeIndex::new(single), 1, &state.structural)
                    .into_iter()
                    .map(|(n, _)| n.index())
                    .collect();
            }
            if !nodes.is_empty() {
                self.move_to(rect, &nodes, now);
            }
        }
        if let Some(m) = self.camera_move {
            let (cam, done) = m.at(now);
            self.camera = cam;
            if done {
                self.camera_move = None;
            }
            ui.ctx().request_repaint();
        } else if self.auto_fit {
            let shown = (0..self.positions.len()).filter(|&i| looks[i] != NodeLook::Hidden);
            self.camera = self.camera.fitting(
                rect,
                clear_of_legend(rect),
                shown.map(|i| self.positions[i]),
            );
        }

        self.handle_input(ui, rect, &response, &looks, state, &mut commands, now);

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, palette.background());
        self.paint(
            &painter,
            rect,
            state,
            &looks,
            palette,
            ui.style().text_styles[&egui::TextStyle::Small].size,
        );
        if self.layout_running {
            ui.ctx().request_repaint();
        }
        commands
    }

    /// Pan, zoom, drag, hover, click and double-click.
    #[allow(clippy::too_many_arguments)]
    fn handle_input(
        &mut self,
        ui: &Ui,
        rect: Rect,
        response: &egui::Response,
        looks: &[NodeLook],
        state: &AppState,
        commands: &mut Vec<Command>,
        now: f64,
    ) {
        let pointer = response.hover_pos();
        self.hovered = pointer.and_then(|p| self.node_at(rect, p, looks));
        if response.hovered() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = zoom * (scroll / 300.0).exp();
            if (factor - 1.0).abs() > 1e-4
                && let Some(p) = pointer
            {
                self.camera.zoom_at(rect, p, factor);
                self.auto_fit = false;
                self.camera_move = None;
            }
        }
        if response.drag_started() {
            self.dragging = self.hovered;
            self.auto_fit = false;
            self.camera_move = None;
        }
        if response.dragged() {
            match (self.dragging, response.interact_pointer_pos()) {
                (Some(node), Some(p)) => {
                    let world = self.camera.world_from_screen(rect, p);
                    self.positions[node] = world;
                    self.pinned.insert(node);
                    if let Some(w) = &self.worker {
                        w.pin(node, world);
                    }
                }
                _ => self.camera.pan(response.drag_delta()),
            }
        }
        if response.drag_stopped()
            && self.dragging.take().is_some()
            && let Some(w) = &self.worker
        {
            w.reheat();
            self.layout_running = true;
        }
        if response.double_clicked() {
            if let Some(node) = self.hovered {
                let id = state.graph.actor(NodeIndex::new(node)).id.clone();
                commands.push(Command::Select(Selection::Actor(id.clone())));
                commands.push(Command::SetEgoOnly(true));
                let ego = ego_network(
                    &state.graph,
                    NodeIndex::new(node),
                    state.prefs.ego_depth,
                    &state.visible,
                );
                let nodes: Vec<usize> = ego.iter().map(|(n, _)| n.index()).collect();
                self.move_to(rect, &nodes, now);
            }
        } else if response.clicked() {
            match self.hovered {
                Some(node) => {
                    let id = state.graph.actor(NodeIndex::new(node)).id.clone();
                    commands.push(Command::Select(Selection::Actor(id)));
                }
                None => commands.push(Command::ClearSelection),
            }
        }
        if let Some(node) = self.hovered {
            let actor = state.graph.actor(NodeIndex::new(node));
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

    /// Which nodes show, fade (not yet there at the "as of" date) or stand out.
    fn looks(&self, state: &AppState) -> Vec<NodeLook> {
        let n = self.positions.len();
        let structural = &state.structural;
        let mut looks: Vec<NodeLook> = (0..n)
            .map(|i| match (structural.nodes[i], state.visible.nodes[i]) {
                (false, _) => NodeLook::Hidden,
                (true, false) => NodeLook::Faded,
                (true, true) => NodeLook::Normal,
            })
            .collect();
        let selected = state.selected_actor();
        if state.prefs.ego_only
            && let Some(centre) = selected
        {
            let keep: HashSet<usize> =
                ego_network(&state.graph, centre, state.prefs.ego_depth, structural)
                    .into_iter()
                    .map(|(n, _)| n.index())
                    .collect();
            for (i, look) in looks.iter_mut().enumerate() {
                if !keep.contains(&i) {
                    *look = NodeLook::Hidden;
                }
            }
        }
        let mut lit: Vec<usize> = Vec::new();
        for node in [selected, self.hovered.map(NodeIndex::new)]
            .into_iter()
            .flatten()
        {
            lit.push(node.index());
            lit.extend(
                crate::graph::neighbours(&state.graph, node, None, crate::graph::Direction::Both)
                    .into_iter()
                    .filter(|(_, e)| structural.edges[e.index()])
                    .map(|(n, _)| n.index()),
            );
        }
        for step in &state.path {
            lit.extend([step.from.index(), step.to.index()]);
        }
        if let Some(Selection::Event(id)) = &state.selection
            && let Some(event) = state.graph.atlas().events.iter().find(|e| &e.id == id)
        {
            lit.extend(
                event
                    .actors
                    .iter()
                    .filter_map(|a| state.graph.node(a))
                    .map(|n| n.index()),
            );
        }
        if state.story.is_some() {
            lit.extend(
                state
                    .focus
                    .iter()
                    .filter_map(|a| state.graph.node(a))
                    .map(|n| n.index()),
            );
        }
        for i in lit {
            if looks[i] != NodeLook::Hidden {
                looks[i] = NodeLook::Highlighted;
            }
        }
        looks
    }

    fn paint(
        &self,
        painter: &egui::Painter,
        rect: Rect,
        state: &AppState,
        looks: &[NodeLook],
        palette: Palette,
        font_size: f32,
    ) {
        let graph = &state.graph;
        let screen: Vec<Pos2> = self
            .positions
            .iter()
            .map(|p| self.camera.screen_from_world(rect, *p))
            .collect();
        let zoom_scale = (self.camera.zoom / 20.0).clamp(0.35, 2.5);
        let radii: Vec<f32> = self
            .degree
            .iter()
            .map(|&d| node_radius(d) * zoom_scale.sqrt())
            .collect();
        let colours: Vec<Color32> = graph
            .nodes()
            .map(|n| palette.kind(graph.actor(n).kind))
            .collect();
        let path_edges: HashSet<usize> = state.path.iter().map(|s| s.edge.index()).collect();
        let selected = state.selected_actor().map(|n| n.index() as u32);
        let hovered = self.hovered.map(|n| n as u32);
        // Many edges seen from afar: hairlines (see `paint::edge_mesh`).
        let far_out = self.ends.len() > 10_000 && self.camera.zoom < 30.0;
        let edges: Vec<(u32, u32, Color32, f32, bool)> = self
            .ends
            .iter()
            .enumerate()
            .filter_map(|(e, &(a, b))| {
                let (la, lb) = (looks[a as usize], looks[b as usize]);
                if !state.structural.edges[e] || la == NodeLook::Hidden || lb == NodeLook::Hidden {
                    return None;
                }
                let relation = graph.relation(EdgeIndex::new(e));
                let touches = |n: Option<u32>| n.is_some_and(|n| n == a || n == b);
                let mut colour = palette.edge(relation.kind);
                let mut width = if far_out { 0.5 } else { 1.0 };
                if path_edges.contains(&e) {
                    colour = palette.highlight();
                    width = 3.5;
                } else if touches(selected) || touches(hovered) {
                    colour = palette.highlight().gamma_multiply(0.8);
                    width = 2.0;
                } else if !state.visible.edges[e] {
                    colour = palette.faded(colour);
                }
                Some((a, b, colour, width, relation.kind.is_directed()))
            })
            .collect();
        let label_budget = ((self.camera.zoom / 8.0).powi(2) * 30.0).clamp(12.0, 600.0) as usize;
        let names = |i: usize| {
            graph.atlas().actors[graph.graph()[NodeIndex::new(i)]]
                .name
                .as_str()
        };
        let scene = Scene {
            rect,
            positions: &screen,
            radii: &radii,
            colours: &colours,
            looks,
            edges: &edges,
            label_order: &self.label_order,
            names: &names,
            label_budget,
            palette,
            font: FontId::proportional(font_size),
            arrows: edges.len() < 5_000 && self.camera.zoom > 6.0,
        };
        paint::paint(painter, &scene);
        if looks.iter().all(|l| *l == NodeLook::Hidden) {
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Nothing matches the current filters",
                FontId::proportional(font_size * 1.4),
                palette.muted(),
            );
        }
    }
}

/// The part of the view the legend (top left) does not cover, where fits put the graph.
fn clear_of_legend(rect: Rect) -> Rect {
    const LEGEND_WIDTH: f32 = 200.0;
    if rect.width() > 3.0 * LEGEND_WIDTH {
        Rect::from_min_max(egui::pos2(rect.left() + LEGEND_WIDTH, rect.top()), rect.max)
    } else {
        rect
    }
}

/// The atlas's layout: hubs (the US, the EU, China) link to a large share of all actors, so
/// degree-weighted repulsion keeps them from swallowing their neighbourhoods, and a stronger
/// pull to the centre keeps small separate components near the rest instead of far away.
pub fn layout_params() -> LayoutParams {
    LayoutParams {
        degree_weighted: true,
        gravity: 0.3,
        ..LayoutParams::default()
    }
}

/// Node size grows with the square root of its links, so hubs stand out without swamping.
fn node_radius(degree: u32) -> f32 {
    3.5 + (degree as f32).sqrt() * 1.2
}
