//! Pan, zoom, hover and click on the map.

use eframe::egui::{self, Rect, RichText, Ui};
use petgraph::graph::NodeIndex;

use crate::map::{CountryActors, WorldMap};
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::view_state::Selection;

use super::MapView;
use super::paint::{DOT_BELOW, marker_radius};
use super::scene::Scene;

/// Minimum reach around small countries and markers, in screen points.
const MIN_HIT: f32 = 6.0;
/// At most this many actors are named in a country's hover card.
const CARD_ACTORS: usize = 10;

/// What the pointer is over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hover {
    Country(usize),
    /// A post marker, by index into the scene's markers.
    Marker(usize),
}

/// The hovered country and marker, for the painter.
pub fn split(hover: Option<Hover>) -> (Option<usize>, Option<usize>) {
    match hover {
        Some(Hover::Country(c)) => (Some(c), None),
        Some(Hover::Marker(m)) => (None, Some(m)),
        None => (None, None),
    }
}

/// What one frame of input sees.
pub struct Pointer<'a> {
    pub rect: Rect,
    pub response: &'a egui::Response,
    pub map: &'a WorldMap,
    pub countries: &'a CountryActors,
    pub scene: &'a Scene,
}

impl MapView {
    pub(super) fn handle_input(
        &mut self,
        ui: &Ui,
        p: &Pointer<'_>,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) {
        self.zoom_and_pan(ui, p);
        self.hovered = p.response.hover_pos().and_then(|pos| self.hit(p, pos));
        if p.response.clicked() {
            commands.push(self.click(p, state));
        }
        self.hover_card(p, state);
    }

    fn zoom_and_pan(&mut self, ui: &Ui, p: &Pointer<'_>) {
        if p.response.hovered() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = zoom * (scroll / 300.0).exp();
            if (factor - 1.0).abs() > 1e-4
                && let Some(at) = p.response.hover_pos()
            {
                self.camera.zoom_at(p.rect, at, factor);
                self.user_moved = true;
            }
        }
        if p.response.dragged() {
            self.camera.pan(p.response.drag_delta());
            self.user_moved = true;
        }
    }

    /// Markers first (they sit on top), then countries with a minimum reach.
    fn hit(&self, p: &Pointer<'_>, pos: egui::Pos2) -> Option<Hover> {
        let marker = p.scene.markers.iter().enumerate().find(|(_, m)| {
            let at = self.camera.screen_from_map(p.rect, m.at);
            at.distance(pos) <= marker_radius(m.nodes.len()).max(MIN_HIT)
        });
        if let Some((i, _)) = marker {
            return Some(Hover::Marker(i));
        }
        let at = self.camera.map_from_screen(p.rect, pos);
        let reach = (MIN_HIT.max(DOT_BELOW)) / self.camera.zoom;
        p.map.pick(at, reach).map(Hover::Country)
    }

    /// A country selects its State actor (or its first actor); a marker its first post; the
    /// sea clears the selection.
    fn click(&self, p: &Pointer<'_>, state: &AppState) -> Command {
        let graph = &state.dataset.graph;
        let shown = |n: &NodeIndex| {
            state
                .view
                .visible
                .nodes
                .get(n.index())
                .copied()
                .unwrap_or(false)
        };
        let node = match self.hovered {
            Some(Hover::Country(c)) => p
                .countries
                .state(c)
                .filter(shown)
                .or_else(|| p.countries.actors(c).iter().copied().find(shown)),
            Some(Hover::Marker(m)) => p
                .scene
                .markers
                .get(m)
                .and_then(|m| m.nodes.first().copied()),
            None => None,
        };
        match node {
            Some(n) => Command::Select(Selection::Actor(graph.actor(n).id.clone())),
            None => Command::ClearSelection,
        }
    }

    fn hover_card(&self, p: &Pointer<'_>, state: &AppState) {
        let graph = &state.dataset.graph;
        let shown = |n: &&NodeIndex| {
            state
                .view
                .visible
                .nodes
                .get(n.index())
                .copied()
                .unwrap_or(false)
        };
        match self.hovered {
            Some(Hover::Country(c)) => {
                let country = &p.map.countries[c];
                let name = p
                    .countries
                    .state(c)
                    .map_or(country.name.as_str(), |s| graph.actor(s).name.as_str());
                let actors: Vec<NodeIndex> = p
                    .countries
                    .actors(c)
                    .iter()
                    .filter(shown)
                    .copied()
                    .collect();
                let legend = p
                    .scene
                    .colouring
                    .legend
                    .iter()
                    .find(|l| Some(&l.swatch) == p.scene.colouring.fills.get(c));
                p.response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.strong(name);
                    if let Some(line) = legend {
                        ui.label(RichText::new(&line.label).small());
                    }
                    if actors.is_empty() {
                        ui.label(RichText::new("No actor in the atlas").small().weak());
                    }
                    for &n in actors.iter().take(CARD_ACTORS) {
                        let a = graph.actor(n);
                        ui.label(RichText::new(format!("{} · {}", a.name, a.kind.label())).small());
                    }
                    if actors.len() > CARD_ACTORS {
                        ui.label(
                            RichText::new(format!("… and {} more", actors.len() - CARD_ACTORS))
                                .small()
                                .weak(),
                        );
                    }
                });
            }
            Some(Hover::Marker(m)) => {
                let Some(marker) = p.scene.markers.get(m) else {
                    return;
                };
                p.response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.strong(&marker.label);
                    if !marker.city {
                        ui.label(RichText::new("city not recorded").small().italics());
                    }
                    for &n in &marker.nodes {
                        let a = graph.actor(n);
                        ui.label(RichText::new(format!("{} · {}", a.name, a.kind.label())).small());
                    }
                });
            }
            None => {}
        }
    }
}
