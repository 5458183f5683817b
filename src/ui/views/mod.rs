//! The panels of the atlas (floating windows are in `windows/`). Each draws from the shared
//! state and sends commands; none changes shared state directly.

pub mod details;
pub mod map;
pub mod network;
pub mod regions;
pub mod search;
pub mod sidebar;
pub mod stories;
pub mod timeline;

use eframe::egui::{self, Color32, Ui};

/// A small colour dot, as in the legend.
pub fn kind_swatch(ui: &mut Ui, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), 5.0, colour);
}
