//! The window (egui). Panels read the shared [`state::AppState`] and send
//! [`command::Command`]s; the app applies them once per frame.

pub mod actions;
pub mod app;
mod chrome;
pub mod command;
pub mod export;
pub mod jobs;
mod offscreen;
mod overlays;
pub mod state;
pub mod theme;
pub mod views;

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
