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
pub mod record_editor;
pub mod story_editor;
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
pub use record_editor::RecordEditor;
pub use story_editor::StoryEditor;
pub use what_changed::WhatChangedWindow;

pub const GLOSSARY: &str = "glossary";
pub const PATH_FINDER: &str = "path-finder";
pub const CENTRALITY: &str = "centrality";
pub const HELP: &str = "help";
pub const WHAT_CHANGED: &str = "what-changed";
pub const EXPORT_PICTURE: &str = "export-picture";
pub const RECORD_EDITOR: &str = "record-editor";
pub const STORY_EDITOR: &str = "story-editor";

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
    /// About how big it is when it opens, before it has been drawn (for placing it).
    fn opening_size(&self) -> [f32; 2] {
        self.default_size()
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
        Box::new(RecordEditor::default()),
        Box::new(StoryEditor::default()),
    ]
}

/// Where the open windows that keep clear of the selection were drawn (as of last frame).
pub fn rects_clear_of_selection(
    ctx: &egui::Context,
    windows: &[Box<dyn AtlasWindow>],
    state: &AppState,
) -> Vec<egui::Rect> {
    windows
        .iter()
        .filter(|w| w.opens_clear_of_selection() && state.is_open(w.name()))
        .filter_map(|w| ctx.memory(|m| m.area_rect(egui::Id::unique(("window", w.name())))))
        .collect()
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
        let frames_id = id.with("frames-open");
        let mut open = state.is_open(name);
        let frames_open = ctx.data(|d| d.get_temp::<u32>(frames_id)).unwrap_or(0);
        let frames_now = if open {
            frames_open.saturating_add(1)
        } else {
            0
        };
        ctx.data_mut(|d| d.insert_temp(frames_id, frames_now));
        if !open {
            continue;
        }
        let mut shown = egui::Window::new(window.title())
            .id(id)
            .open(&mut open)
            .default_size(window.default_size());
        // Placed as it opens: egui keeps the position of later frames only while the user has
        // not moved it, and its size is known from an earlier opening or estimated.
        if frames_open == 0 && window.opens_clear_of_selection() {
            let size = ctx
                .memory(|m| m.area_rect(id))
                .map_or(window.opening_size().into(), |r| r.size());
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

/// How tall an editor's scrolling fields may be: what is left below them in the window's
/// screen, less a row of buttons, so Apply stays in sight wherever the window was placed
/// (800×600 included); never less than a few fields.
pub fn room_for_fields(ui: &Ui) -> f32 {
    const BUTTONS: f32 = 64.0;
    let screen = ui.ctx().content_rect();
    let left = screen.bottom() - ui.cursor().top() - BUTTONS;
    left.clamp(120.0, screen.height() * 0.7)
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
