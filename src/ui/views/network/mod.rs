//! The network view: the force layout from `layout` (on its own thread, as a state machine in
//! `layout_state`), our own camera, scene preparation (`scene`), picking (`pick`), input
//! (`input`) and the painter (`paint`). This file ties them together once per frame.

mod camera;
mod ego;
mod input;
mod layout_state;
mod paint;
mod pick;
mod picture;
mod scene;

pub use camera::Camera;
pub use picture::rgba;

use eframe::egui::{self, Rect, Sense, Ui};
use petgraph::graph::NodeIndex;

use crate::graph::ego_network;
use crate::layout::{ForceLayout, LayoutParams};
use crate::ui::command::{Command, Request};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;

use camera::CameraMove;
use input::Gesture;
use layout_state::Layout;
use paint::NodeLook;

/// Story and region moves take this long.
const MOVE_SECS: f64 = 0.8;

/// The network's own state: positions, camera, gestures and per-dataset caches.
#[derive(Default)]
pub struct NetworkView {
    generation: Option<u64>,
    layout: Layout,
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
    pub hovered: Option<usize>,
    /// The nodes the camera was last asked to frame.
    framed: Vec<usize>,
    /// Keep those framed when the canvas changes size (a panel opens, the story card grows),
    /// until the user moves the camera.
    keep_framed: bool,
    /// Screen rectangle of the last frame, for fits requested from outside the view.
    last_rect: Option<Rect>,
    /// What floats over the canvas (legend, view controls), as of the last frame: no label
    /// is placed there.
    obstacles: Vec<Rect>,
    /// The labels drawn in the last frame, by node, with their boxes.
    labels: Vec<(u32, Rect)>,
    /// The ego network's own layout while ego mode is on.
    ego: Option<ego::EgoLayout>,
    /// Nodes easing into or out of the ego layout.
    tween: Option<ego::Tween>,
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
            positions: self.positions.clone(),
            ends: self.ends.clone(),
            degree: self.degree.clone(),
            label_order: self.label_order.clone(),
            camera: self.camera,
            ..Self::default()
        }
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    /// The nodes the camera was last asked to frame (a story step, a path, a region).
    /// The nodes the network draws this frame (ghosts included when they are shown), by index.
    pub fn shown_nodes(&self, state: &AppState) -> Vec<usize> {
        self.looks(state)
            .iter()
            .enumerate()
            .filter(|(_, look)| **look != paint::NodeLook::Hidden)
            .map(|(i, _)| i)
            .collect()
    }

    pub fn framed(&self) -> &[usize] {
        &self.framed
    }

    /// Where the actor `node` is drawn on screen, and the canvas it is drawn in (as of the
    /// last frame drawn).
    pub fn screen_position(&self, node: usize) -> Option<(egui::Pos2, Rect)> {
        let rect = self.last_rect?;
        let world = *self.positions.get(node)?;
        Some((self.camera.screen_from_world(rect, world), rect))
    }

    /// Where the network was drawn in the last frame.
    pub fn canvas_rect(&self) -> Option<Rect> {
        self.last_rect
    }

    /// The labels drawn in the last frame: which node, and the box on screen.
    pub fn drawn_labels(&self) -> &[(u32, Rect)] {
        &self.labels
    }

    /// Tells the view what floats over its canvas, so that no label is drawn under it.
    pub fn set_obstacles(&mut self, obstacles: Vec<Rect>) {
        self.obstacles = obstacles;
    }

    /// Whether the layout has come to rest (pictures and snapshots wait for it).
    pub fn layout_settled(&self) -> bool {
        self.layout.is_settled()
    }

    /// How many nodes the user has pinned by dragging.
    pub fn pinned_count(&self) -> usize {
        self.layout.pinned.len()
    }

    /// Drops caches and restarts the layout when the dataset changed.
    fn rebuild(&mut self, state: &AppState, spawn: bool) {
        let graph = &state.dataset.graph;
        self.generation = Some(state.dataset.generation);
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
        let seeded = ForceLayout::new(graph.node_count(), &self.ends, params.clone());
        self.positions = seeded.positions().to_vec();
        self.dragging = None;
        self.hovered = None;
        self.drop_ego();
        self.auto_fit = true;
        self.layout = if spawn {
            Layout::start(graph.node_count(), self.ends.clone(), params)
        } else {
            Layout::default()
        };
    }

    /// Starts an eased move that frames the given nodes.
    fn move_to(&mut self, rect: Rect, nodes: &[usize], now: f64) {
        let settled = self.settled_positions();
        let target = self.camera.fitting(
            rect,
            clear_of_legend(rect),
            nodes.iter().filter_map(|&n| settled.get(n).copied()),
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

    fn user_moved_camera(&mut self) {
        self.auto_fit = false;
        self.keep_framed = false;
        self.camera_move = None;
    }

    /// The canvas changed size: frame again what was asked for, in the new shape.
    fn reframe_on_resize(&mut self, rect: Rect, now: f64) {
        let resized = self.last_rect.is_some_and(|old| old.size() != rect.size());
        if resized && self.keep_framed && !self.framed.is_empty() {
            let nodes = self.framed.clone();
            self.move_to(rect, &nodes, now);
        }
    }

    /// Starts, changes or ends the ego layout; a new ego set is framed as it arrives.
    fn follow_ego_camera(&mut self, state: &AppState, rect: Rect, now: f64) {
        self.follow_ego(state);
        if self.poll_ego()
            && let Some(nodes) = self.ego_set_nodes().map(<[usize]>::to_vec)
        {
            self.move_to(rect, &nodes, now);
            self.framed = nodes;
            self.keep_framed = true;
        }
    }

    /// Acts on this frame's requests to frame actors or fit the view.
    fn follow_requests(&mut self, state: &AppState, rect: Rect, looks: &[NodeLook], now: f64) {
        for request in &state.requests {
            let nodes = match request {
                Request::Frame(ids) => framing_of(state, ids),
                Request::FitNetwork => (0..looks.len())
                    .filter(|&i| looks[i] != NodeLook::Hidden)
                    .collect(),
                _ => continue,
            };
            if !nodes.is_empty() {
                self.move_to(rect, &nodes, now);
                self.framed = nodes;
                self.keep_framed = true;
            }
        }
    }

    /// Eases the camera towards a requested frame, or keeps fitting while the layout settles.
    fn animate_camera(&mut self, ui: &Ui, rect: Rect, looks: &[NodeLook], now: f64) {
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
    }

    /// Draws the view and returns what the user asked for.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette) -> Vec<Command> {
        if self.generation != Some(state.dataset.generation)
            || self.positions.len() != state.dataset.graph.node_count()
        {
            self.rebuild(state, true);
        }
        if let Some(positions) = self.layout.poll(self.positions.len()) {
            self.absorb_layout(positions);
        }
        let mut commands = Vec::new();
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let now = ui.input(|i| i.time);
        self.reframe_on_resize(rect, now);
        self.last_rect = Some(rect);
        self.follow_ego_camera(state, rect, now);
        if self.step_tween(now) || self.ego_pending() {
            ui.ctx().request_repaint();
        }
        let looks = self.looks(state);
        self.follow_requests(state, rect, &looks, now);
        self.animate_camera(ui, rect, &looks, now);
        let gesture = Gesture {
            rect,
            response: &response,
            looks: &looks,
            now,
        };
        self.handle_input(ui, &gesture, state, &mut commands);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, palette.background());
        let font_size = ui.style().text_styles[&egui::TextStyle::Small].size;
        self.labels = self.paint(&painter, rect, state, &looks, palette, font_size);
        if self.layout.is_running() {
            ui.ctx().request_repaint();
        }
        commands
    }

    /// Lets every node the user pinned move again.
    pub fn release_pins(&mut self) {
        self.layout.release_pins();
    }
}

/// The nodes that frame `ids`: one actor alone says little, so it comes with its neighbours.
fn framing_of(state: &AppState, ids: &[String]) -> Vec<usize> {
    let graph = &state.dataset.graph;
    let nodes: Vec<usize> = ids
        .iter()
        .filter_map(|id| graph.node(id).map(|n| n.index()))
        .collect();
    match nodes[..] {
        [single] => ego_network(graph, NodeIndex::new(single), 1, &state.view.visible)
            .into_iter()
            .map(|(n, _)| n.index())
            .collect(),
        _ => nodes,
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
