//! The map view: the world's countries coloured by region, grouping or activity, the
//! selection's links as arcs, and envoy posts where they sit. The map itself (shapes,
//! triangulation, hit tests, colouring rules) is `crate::map`; this module draws it, moves
//! the camera (`camera`), works out the frame's content (`scene`), paints (`paint`), reads
//! the pointer (`input`) and shows its controls and legend (`controls`).

mod borders;
mod camera;
pub mod controls;
mod input;
mod paint;
pub mod scene;

pub use camera::MapCamera;

use std::sync::Arc;

use eframe::egui::{Pos2, Rect, RichText, Sense, Ui};

use crate::map::{CountryActors, WorldMap};
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;

use scene::Scene;

/// The map's own state: camera, hover, and the country ↔ actor index of the loaded atlas.
#[derive(Default)]
pub struct MapView {
    pub camera: MapCamera,
    /// Keep fitting the world to the view until the user pans or zooms.
    user_moved: bool,
    index: Option<(u64, Arc<CountryActors>)>,
    hovered: Option<input::Hover>,
    last_rect: Option<Rect>,
    base: paint::BaseCache,
}

impl MapView {
    /// The map, or why the built-in map could not be read (a damaged build).
    fn world() -> Result<&'static WorldMap, String> {
        WorldMap::embedded().map_err(|e| e.to_string())
    }

    /// The country ↔ actor index, rebuilt when another dataset is loaded.
    fn index(&mut self, state: &AppState, map: &WorldMap) -> Arc<CountryActors> {
        let generation = state.dataset.generation;
        match &self.index {
            Some((g, index)) if *g == generation => Arc::clone(index),
            _ => {
                let built = Arc::new(CountryActors::build(map, &state.dataset.graph));
                self.index = Some((generation, Arc::clone(&built)));
                built
            }
        }
    }

    /// Where a country's anchor is on screen in the last frame (tests click there).
    pub fn screen_of_country(&self, code: &str) -> Option<Pos2> {
        let map = Self::world().ok()?;
        let country = &map.countries[map.by_code(code)?];
        Some(self.camera.screen_from_map(self.last_rect?, country.anchor))
    }

    /// A copy with the same camera and nothing cached: for pictures.
    pub fn still(&self) -> Self {
        Self {
            camera: self.camera,
            user_moved: self.user_moved,
            index: self.index.clone(),
            ..Self::default()
        }
    }

    /// Moves the camera as a user's pan or zoom would (benchmarks, tests).
    pub fn look_at(&mut self, camera: MapCamera) {
        self.camera = camera;
        self.user_moved = true;
    }

    /// Fits the whole world on the next frame.
    pub fn fit(&mut self) {
        self.user_moved = false;
    }

    /// Draws the map and returns what the user asked for.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette) -> Vec<Command> {
        let mut commands = Vec::new();
        let map = match Self::world() {
            Ok(map) => map,
            Err(message) => {
                ui.label(RichText::new(message).color(palette.error()));
                return commands;
            }
        };
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.last_rect = Some(rect);
        if !self.user_moved {
            self.camera = MapCamera::world(rect);
        }
        let countries = self.index(state, map);
        let scene = Scene::build(state, map, &countries);
        let pointer = input::Pointer {
            rect,
            response: &response,
            map,
            countries: &countries,
            scene: &scene,
        };
        self.handle_input(ui, &pointer, state, &mut commands);
        let selected: Vec<_> = state.selected_actor().into_iter().collect();
        let (hovered_country, hovered_marker) = input::split(self.hovered);
        let frame = paint::Frame {
            map,
            camera: self.camera,
            rect,
            palette,
            pixels_per_point: ui.ctx().pixels_per_point(),
            hovered_country,
            hovered_marker,
            selected_nodes: &selected,
        };
        paint::paint(&ui.painter_at(rect), &frame, &scene, &mut self.base);
        if controls::show(ui, rect, state, &scene, palette, &mut commands) {
            self.fit();
        }
        commands
    }
}

/// Paints one map frame into `ui` without input (benchmarks, pictures).
pub fn paint_still(ui: &mut Ui, view: &mut MapView, state: &AppState, palette: Palette) {
    let Ok(map) = MapView::world() else {
        return;
    };
    let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    if !view.user_moved {
        view.camera = MapCamera::world(rect);
    }
    let countries = view.index(state, map);
    let scene = Scene::build(state, map, &countries);
    let selected: Vec<_> = state.selected_actor().into_iter().collect();
    let frame = paint::Frame {
        map,
        camera: view.camera,
        rect,
        palette,
        pixels_per_point: ui.ctx().pixels_per_point(),
        hovered_country: None,
        hovered_marker: None,
        selected_nodes: &selected,
    };
    paint::paint(&ui.painter_at(rect), &frame, &scene, &mut view.base);
    controls::legend_only(ui, rect, &scene, palette);
}
