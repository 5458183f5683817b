//! The map view's frame cost without a window or GPU, as `frame_bench` does for the network:
//! egui builds the frame (the map painter, its legend and chooser) and tessellates it.

use std::time::Instant;

use eframe::egui::{self, Pos2, RawInput, Rect, vec2};

use crate::graph::LoadedGraph;
use crate::ui::state::{AppState, Prefs};
use crate::ui::theme::Palette;
use crate::ui::views::map::MapView;

use super::frame_bench::FrameReport;

/// Times `frames` frames of the map at 1920×1080 after a warm-up frame, with the Indo-Pacific
/// colouring and Japan selected (so arcs and the outline are drawn too). With `moving`, the
/// camera zooms a hair every frame, as while the user pans or zooms, so nothing is reused.
pub fn measure(loaded: LoadedGraph, frames: usize, moving: bool) -> FrameReport {
    let mut state = AppState::new(
        loaded,
        Prefs {
            map_colour: crate::map::ColourMode::Region("indo-pacific".into()),
            ..Prefs::default()
        },
    );
    state.view.selection = Some(crate::ui::view_state::Selection::Actor("japan".into()));
    let mut view = MapView::default();
    let ctx = egui::Context::default();
    crate::ui::theme::install_fonts(&ctx);
    let palette = Palette {
        dark: true,
        high_contrast: false,
    };
    let input = || RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        ..RawInput::default()
    };
    let mut report = FrameReport {
        nodes: state.dataset.graph.node_count(),
        edges: state.dataset.graph.edge_count(),
        build_ms: Vec::new(),
        tessellate_ms: Vec::new(),
        triangles: 0,
        layout_iterations: 0,
        move_date_ms: Vec::new(),
    };
    for frame in 0..=frames {
        if moving && frame > 0 {
            let mut camera = view.camera;
            camera.zoom *= if frame % 2 == 0 { 1.001 } else { 1.0 / 1.001 };
            view.look_at(camera);
        }
        let t0 = Instant::now();
        let mut out = ctx.run_ui(input(), |ui| {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    let _ = view.ui(ui, &state, palette);
                });
        });
        let t1 = Instant::now();
        let primitives = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        let t2 = Instant::now();
        out.textures_delta.clear();
        if frame == 0 {
            continue;
        }
        report.build_ms.push((t1 - t0).as_secs_f64() * 1000.0);
        report.tessellate_ms.push((t2 - t1).as_secs_f64() * 1000.0);
        report.triangles = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.indices.len() / 3,
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
    }
    report
}
