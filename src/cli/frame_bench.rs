//! The network view's frame cost without a window or GPU: egui builds the frame (our
//! painter) and tessellates it into triangles, which is all the CPU does for a real frame.

use std::sync::Arc;
use std::time::Instant;

use eframe::egui::{self, Pos2, RawInput, Rect, vec2};

use crate::graph::{AtlasGraph, LoadedGraph};
use crate::layout::ForceLayout;
use crate::model::Atlas;
use crate::ui::command::Command;
use crate::ui::state::{AppState, Prefs};
use crate::ui::theme::Palette;
use crate::ui::views::network::{NetworkView, layout_params};

pub struct FrameReport {
    pub nodes: usize,
    pub edges: usize,
    /// Per frame, when the date moves: applying the new "as of" date (the masks).
    pub move_date_ms: Vec<f64>,
    pub build_ms: Vec<f64>,
    pub tessellate_ms: Vec<f64>,
    pub triangles: usize,
    pub layout_iterations: u32,
}

/// One frame's cost: egui building it (our painter) and tessellating it.
pub struct FrameTiming {
    pub build_ms: f64,
    pub tessellate_ms: f64,
    pub triangles: usize,
}

/// Builds one 1920×1080 frame with `paint` filling a frameless central panel, tessellates it,
/// and says how long each took. Shared by the network and map benches so they measure alike.
pub fn time_frame(ctx: &egui::Context, paint: impl FnMut(&mut egui::Ui)) -> FrameTiming {
    let mut paint = paint;
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        ..RawInput::default()
    };
    let t0 = Instant::now();
    let mut out = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| paint(ui));
    });
    let t1 = Instant::now();
    let primitives = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    let t2 = Instant::now();
    // Unapplied texture deltas would panic on drop in debug builds.
    out.textures_delta.clear();
    FrameTiming {
        build_ms: (t1 - t0).as_secs_f64() * 1000.0,
        tessellate_ms: (t2 - t1).as_secs_f64() * 1000.0,
        triangles: primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.indices.len() / 3,
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum(),
    }
}

impl FrameReport {
    /// An empty report for a graph of this size.
    pub fn new(nodes: usize, edges: usize) -> Self {
        Self {
            nodes,
            edges,
            move_date_ms: Vec::new(),
            build_ms: Vec::new(),
            tessellate_ms: Vec::new(),
            triangles: 0,
            layout_iterations: 0,
        }
    }

    /// Adds one measured frame.
    pub fn record(&mut self, timing: FrameTiming) {
        self.build_ms.push(timing.build_ms);
        self.tessellate_ms.push(timing.tessellate_ms);
        self.triangles = timing.triangles;
    }

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
/// after a warm-up frame that builds the font atlas. With `moving_date`, each frame first moves
/// the "as of" cursor one step across the atlas's years, as dragging or playing the timeline
/// does.
pub fn measure(atlas: Atlas, frames: usize, moving_date: bool) -> FrameReport {
    let mut state = AppState::new(
        LoadedGraph {
            graph: AtlasGraph::new(atlas),
            origin: "bench".into(),
            warnings: Vec::new(),
        },
        Prefs::default(),
    );
    let graph: Arc<AtlasGraph> = state.dataset.graph.clone();
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
    let (first_year, last_year) = state.time_range();
    let mut report = FrameReport {
        layout_iterations: layout.iteration(),
        ..FrameReport::new(graph.node_count(), graph.edge_count())
    };
    for frame in 0..=frames {
        if moving_date {
            let step = (last_year - first_year) / frames.max(1) as f64;
            let t = Instant::now();
            state.apply(Command::SetAsOf(Some(first_year + step * frame as f64)));
            report.move_date_ms.push(t.elapsed().as_secs_f64() * 1000.0);
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
