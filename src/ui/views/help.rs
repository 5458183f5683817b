//! The shortcuts overlay (F1 or ?).

use eframe::egui::{self, RichText, Ui};

use crate::ui::actions::ACTIONS;

pub fn ui(ui: &mut Ui) {
    ui.label(RichText::new("Everything in the atlas can be reached from the keyboard.").weak());
    ui.add_space(6.0);
    egui::Grid::new("shortcuts").num_columns(2).striped(true).spacing([24.0, 6.0]).show(ui, |ui| {
        for (_, label, keys) in ACTIONS {
            let keys: Vec<String> = keys.iter().map(|k| ui.ctx().format_shortcut(k)).collect();
            ui.label(RichText::new(keys.join("  or  ")).monospace().strong());
            ui.label(*label);
            ui.end_row();
        }
        ui.label(RichText::new("Mouse").monospace().strong());
        ui.label("Drag the background to pan, wheel or pinch to zoom, drag a node to pin it, double-click for its ego network");
        ui.end_row();
        ui.label(RichText::new("Tab / Enter").monospace().strong());
        ui.label("Move between controls and press them");
        ui.end_row();
    });
}
