//! Floating windows. Each is one struct in its own file that implements [`AtlasWindow`];
//! [`all`] lists them. Which are open is a set of names in the preferences, so it survives
//! a restart and any command can open one by name. Adding a window: a new file here and one
//! line in [`all`].

mod centrality;
mod export_picture;
pub mod glossary;
mod help;
mod path_finder;
mod placement;
mod what_changed;

use eframe::egui::{self, Ui};

use super::command::Command;
use super::state::AppState;
use super::theme::Palette;

pub use centrality::CentralityWindow;
pub use export_picture::ExportPictureWindow;
pub use glossary::GlossaryWindow;
pub use help::HelpWindow;
pub use path_finder::PathFinder;
pub use placement::Clearance;
pub use what_changed::WhatChangedWindow;

pub const GLOSSARY: &str = "glossary";
pub const PATH_FINDER: &str = "path-finder";
pub const CENTRALITY: &str = "centrality";
pub const HELP: &str = "help";
pub const WHAT_CHANGED: &str = "what-changed";
pub const EXPORT_PICTURE: &str = "export-picture";

/// A window that floats over the atlas.
pub trait AtlasWindow {
    /// Its stable name: remembered in the preferences and used by commands.
    fn name(&self) -> &'static str;
    /// Its title bar.
    fn title(&self) -> &'static str;
    fn default_size(&self) -> [f32; 2] {
        [420.0, 480.0]
    }
    /// Whether it opens in the canvas corner clear of the selection and the path.
    fn opens_clear_of_selection(&self) -> bool {
        false
    }
    /// Draws its contents; anything shared changes through `out`.
    fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>);
    /// Lets tests reach a window's own state.
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
}

/// Every floating window of the atlas.
pub fn all() -> Vec<Box<dyn AtlasWindow>> {
    vec![
        Box::new(HelpWindow),
        Box::new(GlossaryWindow::default()),
        Box::new(PathFinder::default()),
        Box::new(CentralityWindow::default()),
        Box::new(WhatChangedWindow::default()),
        Box::new(ExportPictureWindow::default()),
    ]
}

/// Shows the open windows; closing one with its ✕ sends a command. A window that keeps
/// clear of the selection is placed by `clearance` in the frame it opens.
pub fn show(
    ctx: &egui::Context,
    windows: &mut [Box<dyn AtlasWindow>],
    state: &AppState,
    palette: Palette,
    clearance: &Clearance,
    out: &mut Vec<Command>,
) {
    for window in windows.iter_mut() {
        let name = window.name();
        let id = egui::Id::unique(("window", name));
        let was_open_id = id.with("was-open");
        let mut open = state.is_open(name);
        let was_open = ctx
            .data(|d| d.get_temp::<bool>(was_open_id))
            .unwrap_or(false);
        ctx.data_mut(|d| d.insert_temp(was_open_id, open));
        if !open {
            continue;
        }
        let mut shown = egui::Window::new(window.title())
            .id(id)
            .open(&mut open)
            .default_size(window.default_size());
        if !was_open && window.opens_clear_of_selection() {
            let size = ctx
                .memory(|m| m.area_rect(id))
                .map_or(window.default_size().into(), |r| r.size());
            if let Some(at) = placement::corner_clear_of(clearance, size, ctx.content_rect()) {
                shown = shown.current_pos(at);
            }
        }
        shown.show(ctx, |ui| window.ui(ui, state, palette, out));
        if !open {
            out.push(Command::SetWindowOpen(name, false));
        }
    }
}

/// The window called `name`, as its concrete type (tests).
pub fn find<'a, T: 'static>(
    windows: &'a mut [Box<dyn AtlasWindow>],
    name: &str,
) -> Option<&'a mut T> {
    windows
        .iter_mut()
        .find(|w| w.name() == name)
        .and_then(|w| w.as_any_mut().downcast_mut::<T>())
}
