//! The map view's frame cost without a window or GPU, as `frame_bench` does for the network:
//! egui builds the frame (the map painter, its legend and chooser) and tessellates it.

use eframe::egui;

use crate::graph::LoadedGraph;
use crate::ui::state::{AppState, Prefs};
use crate::ui::theme::Palette;
use crate::ui::views::map::MapView;

use super::frame_bench::{FrameReport, time_frame};

/// Times `frames` frames of the map at 1920×1080 after a warm-up frame, with the Indo-Pacific
/// colouring and Japan selected (so arcs and the outline are drawn too). With `moving`, the
/// camera pans and zooms a little every frame, as while the user drags or scrolls, so no
/// frame can reuse the last one's meshes.
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
    let mut report = FrameReport::new(
        state.dataset.graph.node_count(),
        state.dataset.graph.edge_count(),
    );
    for frame in 0..=frames {
        if moving && frame > 0 {
            // Pans a few points every frame and zooms a hair every other, back and forth.
            let mut camera = view.camera;
            let back = if frame % 2 == 0 { 1.0 } else { -1.0 };
            camera.pan(egui::vec2(3.0 * back, 2.0));
            camera.zoom *= if frame % 2 == 0 { 1.001 } else { 1.0 / 1.001 };
            view.look_at(camera);
        }
        let timing = time_frame(&ctx, |ui| {
            let _ = view.ui(ui, &state, palette);
        });
        if frame > 0 {
            report.record(timing);
        }
    }
    report
}
