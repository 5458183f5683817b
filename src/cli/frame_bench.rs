//! The network view's frame cost without a window or GPU: egui builds the frame (our
//! painter) and tessellates it into triangles, which is all the CPU does for a real frame.

use std::time::Instant;

use eframe::egui::{self, Pos2, RawInput, Rect, vec2};

use crate::graph::{AtlasGraph, LoadedGraph};
use crate::layout::ForceLayout;
use crate::model::Atlas;
use crate::ui::state::{AppState, Prefs};
use crate::ui::theme::Palette;
use crate::ui::views::network::{NetworkView, layout_params};

pub struct FrameReport {
    pub nodes: usize,
    pub edges: usize,
    pub build_ms: Vec<f64>,
    pub tessellate_ms: Vec<f64>,
    pub triangles: usize,
    pub layout_iterations: u32,
}

impl FrameReport {
    pub fn median_total_ms(&self) -> f64 {
        let totals: Vec<f64> = self
            .build_ms
            .iter()
            .zip(&self.tessellate_ms)
            .map(|(b, t)| b + t)
            .collect();
        super::bench::median(totals)
    }
}

/// Lays the atlas out as the app would (to convergence, capped), then times `frames` frames
/// after a warm-up frame that builds the font atlas.
pub fn measure(atlas: Atlas, frames: usize) -> FrameReport {
    let state = AppState::new(
        LoadedGraph {
            graph: AtlasGraph::new(atlas),
            origin: "bench".into(),
            warnings: Vec::new(),
        },
        Prefs::default(),
    );
    let graph: &AtlasGraph = &state.dataset.graph;
    let ends: Vec<(u32, u32)> = graph.edge_ends();
    let mut layout = ForceLayout::new(graph.node_count(), &ends, layout_params());
    while !layout.is_finished() && layout.iteration() < 600 {
        layout.step();
    }
    let mut view = NetworkView::with_positions(&state, layout.positions().to_vec());
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
        nodes: graph.node_count(),
        edges: graph.edge_count(),
        build_ms: Vec::new(),
        tessellate_ms: Vec::new(),
        triangles: 0,
        layout_iterations: layout.iteration(),
    };
    for frame in 0..=frames {
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
        // Unapplied texture deltas would panic on drop in debug builds.
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
