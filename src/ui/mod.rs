//! The window (egui). How a frame runs, and where each kind of change goes:
//!
//! 1. **Poll** (`app.rs`): background jobs report, dropped files arrive, pressed shortcuts
//!    become [`verbs::Verb`]s and the play clock ticks — all as queued [`command::Command`]s.
//! 2. **Apply** (`app.rs`, `apply.rs`, `run_verb.rs`): every queued command is carried out
//!    before anything is drawn, so a frame shows the effects of what came before it. A verb
//!    turns into commands in `run_verb.rs`, the one place its effect is written. One-off asks
//!    (frame these actors, scroll to a term, focus search) become [`command::Request`]s.
//! 3. **Draw** (`panels.rs`): the toolbar and menus (`chrome.rs`), the side panels and the
//!    network (`views/`), what floats over it (`overlays.rs`), and the floating windows
//!    (`windows/`). Views read [`state::AppState`] and queue commands; a view changes only its
//!    own state (camera, scroll, text fields) directly.
//! 4. **End**: this frame's requests are dropped; anything queued asks for another frame.
//!
//! Where to put a change:
//! - a new user action with a label or shortcut: a variant in `verbs.rs` (label, hint, keys,
//!   enabled) and its effect in `run_verb.rs`; menus, hints and the F1 list follow;
//! - a change to shared state: a [`command::Command`] and its case in `apply.rs`;
//! - a floating window: a file in `windows/` and one line in `windows::all`;
//! - state: the dataset (`dataset.rs`), what the user looks at (`view_state.rs`), or what
//!   survives a restart ([`state::Prefs`]); values derived from them are computed, not stored.
//! - colours and sizes: `theme.rs` only.

pub mod app;
mod apply;
mod chrome;
pub mod command;
pub mod dataset;
pub mod export;
pub mod jobs;
mod offscreen;
mod overlays;
mod panels;
mod run_verb;
pub mod state;
pub mod theme;
pub mod verbs;
pub mod view_state;
pub mod views;
pub mod windows;

use std::path::PathBuf;
use std::process::ExitCode;

use app::{AppOptions, AtlasApp};

/// Opens the window on the embedded atlas, or on `dataset` when given.
pub fn run_gui(dataset: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Tech Diplomacy Atlas")
            .with_app_id("tech-diplomacy-atlas")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Tech Diplomacy Atlas",
        options,
        Box::new(move |cc| {
            if let Some(rs) = cc.wgpu_render_state.as_ref() {
                let info = rs.adapter.get_info();
                eprintln!(
                    "renderer: {:?} on {} ({})",
                    info.backend, info.name, info.driver
                );
            }
            Ok(Box::new(AtlasApp::new(
                cc,
                AppOptions {
                    dataset,
                    ..AppOptions::default()
                },
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("The atlas window could not open: {e}");
            ExitCode::FAILURE
        }
    }
}
