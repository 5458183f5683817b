//! Where each panel sits in the window, and in which order they are drawn.

use eframe::egui::{self, Ui};

use super::app::AtlasApp;
use super::command::Command;
use super::side_layout::{SideLayout, SideSizes, side_layout};
use super::state::Canvas;
use super::theme::Palette;
use super::views::{details, regions, sidebar, stories};
use super::{chrome, overlays, windows};

/// Where the side panels and the canvas were drawn in the last frame (tests check that the
/// canvas keeps its share and that nothing floats over a panel).
#[derive(Clone, Debug, Default)]
pub struct ShownRects {
    /// The side panels, whether split or as tabs.
    pub side: Vec<egui::Rect>,
    pub canvas: Option<egui::Rect>,
}

impl AtlasApp {
    /// Draws the whole window for this frame; returns the commands the panels queued.
    pub(super) fn draw(&mut self, ui: &mut Ui, palette: Palette) -> Vec<Command> {
        let mut out = Vec::new();
        egui::Panel::top("toolbar").show(ui, |ui| {
            chrome::toolbar(ui, &self.state, &mut self.search, palette, &mut out);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            chrome::status_bar(ui, &self.state, self.jobs.loading > 0, palette)
        });
        self.side_panels(ui, palette, &mut out);
        self.story_card(ui, palette, &mut out);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.canvas(ui, palette, &mut out));
        let ctx = ui.ctx().clone();
        let clearance = self.clearance();
        windows::show(
            &ctx,
            &mut self.windows,
            &self.state,
            palette,
            &clearance,
            &mut out,
        );
        if let Some(failure) = &self.state.dataset.failure {
            overlays::load_failure(&ctx, failure, palette, &mut out);
        }
        out
    }

    fn side_panels(&mut self, ui: &mut Ui, palette: Palette, out: &mut Vec<Command>) {
        self.shown = ShownRects::default();
        let state = &self.state;
        let presenting = state.view.presentation;
        if state.prefs.show_timeline {
            // Presentation has its own panel (and remembered height): large type needs room.
            // Presentation keeps the timeline a strip, so the canvas has the room on a projector.
            let window_height = ui.ctx().content_rect().height();
            // A small window keeps most of its height for the canvas too.
            let (id, height) = if presenting {
                ("timeline-presenting", (window_height * 0.2).max(110.0))
            } else {
                ("timeline", (window_height * 0.3).clamp(110.0, 240.0))
            };
            egui::Panel::bottom(id)
                .resizable(true)
                .default_size(height)
                .min_size(110.0)
                .show(ui, |ui| self.timeline.ui(ui, state, palette, out));
        }
        let width = ui.ctx().content_rect().width();
        let regions_shown = state.prefs.show_regions && !presenting;
        let details_shown = state.prefs.show_details && (!presenting || state.view.story.is_none());
        let layout = side_layout(width, regions_shown, details_shown, presenting);
        let side = |id: &'static str, sizes: SideSizes| {
            egui::Panel::right(id)
                .resizable(true)
                .default_size(sizes.default)
                .min_size(sizes.min)
                .max_size(sizes.max)
        };
        match layout {
            SideLayout::Tabs(sizes) => {
                let shown =
                    side("sidebar", sizes).show(ui, |ui| sidebar::ui(ui, state, palette, out));
                self.shown.side.push(shown.response.rect);
            }
            SideLayout::Split { regions, details } => {
                if let Some(sizes) = regions {
                    let panel = egui::Panel::left("regions")
                        .resizable(true)
                        .default_size(sizes.default)
                        .min_size(sizes.min)
                        .max_size(sizes.max);
                    let shown = panel.show(ui, |ui| regions::ui(ui, state, palette, out));
                    self.shown.side.push(shown.response.rect);
                }
                if let Some(sizes) = details {
                    let shown =
                        side("details", sizes).show(ui, |ui| details::ui(ui, state, palette, out));
                    self.shown.side.push(shown.response.rect);
                }
            }
        }
    }

    /// The story being played, in a panel docked under the canvas: opaque, and never over an
    /// actor, since the camera frames the step's focus in the canvas above it.
    fn story_card(&mut self, ui: &mut Ui, palette: Palette, out: &mut Vec<Command>) {
        let state = &self.state;
        self.story_card = None;
        if state.view.story.is_none() {
            return;
        }
        // As tall as the text needs (measured last frame), up to 45% of what is left.
        let max = (ui.available_height() * 0.45).max(120.0);
        let margin = 12;
        let height = (self.story_card_needs + 2.0 * f32::from(margin) + 4.0).clamp(80.0, max);
        let card = egui::Panel::bottom("story-card")
            .resizable(false)
            .exact_size(height)
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::same(margin)))
            .show(ui, |ui| stories::caption(ui, state, palette, out));
        self.story_card_needs = card.inner;
        self.story_card = Some(card.response.rect);
    }

    /// What a window opening over the network keeps clear of: the selection and the path.
    fn clearance(&self) -> windows::Clearance {
        let state = &self.state;
        let path = state.view.path.steps.iter().flat_map(|s| [s.from, s.to]);
        let avoid = state
            .selected_actor()
            .into_iter()
            .chain(path)
            .filter_map(|n| self.network.screen_position(n.index()))
            .map(|(p, _)| p)
            .collect();
        windows::Clearance {
            canvas: self.network.canvas_rect(),
            avoid,
        }
    }

    /// The network or the map with what floats over it (legend, view controls).
    fn canvas(&mut self, ui: &mut Ui, palette: Palette, out: &mut Vec<Command>) {
        let rect = ui.max_rect();
        self.shown.canvas = Some(rect);
        let state = &self.state;
        if state.prefs.canvas == Canvas::Map {
            out.extend(self.map.ui(ui, state, palette));
            self.png.capture_rect(rect);
            return;
        }
        self.network
            .set_obstacles(overlays::floating_rects(ui.ctx()));
        out.extend(self.network.ui(ui, state, palette));
        self.png.capture_rect(rect);
        overlays::legend(ui, rect, state, palette, out);
        let pinned = self.network.pinned_count();
        if overlays::network_controls(ui, rect, state, palette, pinned, out) {
            self.network.release_pins();
        }
    }
}
