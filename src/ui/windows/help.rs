//! The shortcuts overlay (F1 or ?), drawn from the verb list.

use eframe::egui::{self, RichText, Ui};

use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::verbs::{self, format_shortcut};

use super::AtlasWindow;

pub struct HelpWindow;

impl AtlasWindow for HelpWindow {
    fn name(&self) -> &'static str {
        super::HELP
    }

    fn title(&self) -> &'static str {
        "Keyboard shortcuts"
    }

    fn default_size(&self) -> [f32; 2] {
        [520.0, 560.0]
    }

    fn ui(&mut self, ui: &mut Ui, _state: &AppState, _palette: Palette, _out: &mut Vec<Command>) {
        ui.label(RichText::new("Everything in the atlas can be reached from the keyboard.").weak());
        ui.add_space(6.0);
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .spacing([24.0, 6.0])
                .show(ui, rows);
        });
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

fn rows(ui: &mut Ui) {
    for verb in verbs::ALL.iter().filter(|v| !v.shortcuts().is_empty()) {
        let keys: Vec<String> = verb
            .shortcuts()
            .iter()
            .map(|k| format_shortcut(ui.ctx(), k))
            .collect();
        ui.label(RichText::new(keys.join("  or  ")).monospace().strong());
        ui.label(verb.label());
        ui.end_row();
    }
    ui.label(RichText::new("Mouse").monospace().strong());
    ui.label(
        "Drag the background to pan, wheel or pinch to zoom, drag a node to pin it, \
         double-click for its ego network",
    );
    ui.end_row();
    ui.label(RichText::new("Tab / Enter").monospace().strong());
    ui.label("Move between controls and press them");
    ui.end_row();
}
