//! "Export picture…": the size (a slide's, or the window's at 1× or 2×), a caption or none,
//! PNG for slides or SVG for print. Saving asks where, then runs in the background.

use eframe::egui::{RichText, Ui};

use crate::ui::command::Command;
use crate::ui::picture::{PictureFormat, PictureRequest, SizeChoice};
use crate::ui::state::{AppState, Canvas};
use crate::ui::theme::Palette;

use super::AtlasWindow;

/// The dialog's choices, kept while the window is closed so the next export starts from them.
pub struct ExportPictureWindow {
    pub size: SizeChoice,
    /// 2 doubles the pixels.
    pub double: bool,
    pub caption: bool,
    pub format: PictureFormat,
}

impl Default for ExportPictureWindow {
    fn default() -> Self {
        Self {
            size: SizeChoice::FullHd,
            double: false,
            caption: true,
            format: PictureFormat::Png,
        }
    }
}

impl ExportPictureWindow {
    /// The picture the dialog's choices ask for.
    pub fn request(&self) -> PictureRequest {
        PictureRequest {
            size: self.size,
            scale: if self.double { 2.0 } else { 1.0 },
            caption: self.caption,
            format: self.format,
        }
    }

    fn choices_ui(&mut self, ui: &mut Ui, on_map: bool) {
        ui.label(RichText::new("Size").strong());
        for choice in SizeChoice::ALL {
            ui.radio_value(&mut self.size, choice, choice.label());
        }
        ui.checkbox(
            &mut self.double,
            "Twice the pixels (sharper on large screens)",
        );
        ui.add_space(6.0);
        ui.checkbox(
            &mut self.caption,
            "Caption: title, date, filter, edition, licence",
        )
        .on_hover_text("Drawn in a band at the bottom, and written into the file");
        ui.add_space(6.0);
        ui.label(RichText::new("Format").strong());
        ui.radio_value(&mut self.format, PictureFormat::Png, "PNG (slides)");
        ui.add_enabled_ui(!on_map, |ui| {
            ui.radio_value(&mut self.format, PictureFormat::Svg, "SVG (print)")
                .on_disabled_hover_text("SVG is for the network; the map is saved as PNG");
        });
        if on_map {
            self.format = PictureFormat::Png;
        }
    }
}

impl AtlasWindow for ExportPictureWindow {
    fn name(&self) -> &'static str {
        super::EXPORT_PICTURE
    }

    fn title(&self) -> &'static str {
        "Export picture"
    }

    fn default_size(&self) -> [f32; 2] {
        [340.0, 320.0]
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, _palette: Palette, out: &mut Vec<Command>) {
        let on_map = state.prefs.canvas == Canvas::Map;
        let what = if on_map { "the map" } else { "the network" };
        ui.label(RichText::new(format!("Saves {what}, framed on what it shows.")).weak());
        ui.add_space(4.0);
        self.choices_ui(ui, on_map);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save picture…").clicked() {
                out.push(Command::ExportPicture(self.request()));
                out.push(Command::SetWindowOpen(super::EXPORT_PICTURE, false));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::SetWindowOpen(super::EXPORT_PICTURE, false));
            }
        });
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
