//! Where each panel sits in the window, and in which order they are drawn.

use eframe::egui::{self, Ui};

use super::app::AtlasApp;
use super::command::Command;
use super::state::Canvas;
use super::theme::Palette;
use super::views::{details, map, regions, stories};
use super::{chrome, overlays, windows};

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
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.canvas(ui, palette, &mut out));
        let ctx = ui.ctx().clone();
        windows::show(&ctx, &mut self.windows, &self.state, palette, &mut out);
        if let Some(failure) = &self.state.dataset.failure {
            overlays::load_failure(&ctx, failure, palette, &mut out);
        }
        out
    }

    fn side_panels(&mut self, ui: &mut Ui, palette: Palette, out: &mut Vec<Command>) {
        let state = &self.state;
        let presenting = state.view.presentation;
        if state.prefs.show_timeline {
            // Presentation has its own panel (and remembered height): large type needs room.
            let (id, height) = if presenting {
                ("timeline-presenting", 340.0)
            } else {
                ("timeline", 240.0)
            };
            egui::Panel::bottom(id)
                .resizable(true)
                .default_size(height)
                .min_size(110.0)
                .show(ui, |ui| self.timeline.ui(ui, state, palette, out));
        }
        if state.prefs.show_regions && !presenting {
            egui::Panel::left("regions")
                .resizable(true)
                .default_size(250.0)
                .min_size(180.0)
                .show(ui, |ui| regions::ui(ui, state, palette, out));
        }
        if state.prefs.show_details && (!presenting || state.view.story.is_none()) {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(if presenting { 480.0 } else { 320.0 })
                .min_size(220.0)
                .show(ui, |ui| details::ui(ui, state, palette, out));
        }
    }

    /// The network or the map with what floats over it: legend, view controls, the story
    /// caption, and the switch between the two.
    fn canvas(&mut self, ui: &mut Ui, palette: Palette, out: &mut Vec<Command>) {
        let rect = ui.max_rect();
        let state = &self.state;
        map::controls::canvas_switch(ui, rect, state, palette, out);
        if state.prefs.canvas == Canvas::Map {
            out.extend(self.map.ui(ui, state, palette));
            self.png.capture_rect(rect);
            if state.view.story.is_some() {
                overlays::story_caption(ui, rect, |ui| stories::caption(ui, state, palette, out));
            }
            return;
        }
        out.extend(self.network.ui(ui, state, palette));
        self.png.capture_rect(rect);
        overlays::legend(ui, rect, state, palette, out);
        let pinned = self.network.pinned_count();
        if overlays::network_controls(ui, rect, state, palette, pinned, out) {
            self.network.release_pins();
        }
        if state.view.story.is_some() {
            overlays::story_caption(ui, rect, |ui| stories::caption(ui, state, palette, out));
        }
    }
}
