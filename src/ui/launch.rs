//! Opening the window on any machine.
//!
//! wgpu comes first (it picks Vulkan, Metal, DirectX 12 or OpenGL, and honours
//! `WGPU_BACKEND`); when it cannot start — no adapter, `WGPU_BACKEND=vulkan` on a machine
//! without Vulkan — the window opens with eframe's own OpenGL renderer (glow) instead. When
//! that fails too, the program says what it tried and why, and exits with 1. A renderer that
//! started and later ended with an error is not retried: the window was open, and opening it
//! again after the person closed it would be wrong.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use eframe::egui;

use super::app::{AppOptions, AtlasApp};

/// The window icon (also installed with the `.desktop` entry in `assets/`).
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// The renderers tried, in order, with their names for messages.
const RENDERERS: [(eframe::Renderer, &str); 2] = [
    (eframe::Renderer::Wgpu, "wgpu"),
    (eframe::Renderer::Glow, "OpenGL (glow)"),
];

/// Opens the window on the embedded atlas, or on `dataset` when given.
pub fn run_gui(dataset: Option<PathBuf>) -> ExitCode {
    let mut tried = Vec::new();
    for (renderer, name) in RENDERERS {
        let started = Arc::new(AtomicBool::new(false));
        match run_with(renderer, dataset.clone(), Arc::clone(&started)) {
            Ok(()) => return ExitCode::SUCCESS,
            Err(e) if started.load(Ordering::SeqCst) => {
                note(format_args!(
                    "The atlas window closed with an error ({name}): {e}"
                ));
                return ExitCode::FAILURE;
            }
            Err(e) => {
                let why = e.to_string().trim_end_matches('.').to_string();
                note(format_args!("The {name} renderer could not start: {why}"));
                tried.push(format!("{name}: {why}"));
                // No window system at all (no display): another renderer cannot help.
                if matches!(e, eframe::Error::WinitEventLoop(_)) {
                    break;
                }
            }
        }
    }
    note(format_args!(
        "The atlas window could not open. Tried {}. The command-line tools (atlas --help) \
         work without a window.",
        tried.join("; ")
    ));
    ExitCode::FAILURE
}

/// Standard error, never panicking (the terminal may be gone).
fn note(args: std::fmt::Arguments) {
    crate::cli::output::write_err(format_args!("{args}\n"));
}

fn icon() -> Option<Arc<egui::IconData>> {
    eframe::icon_data::from_png_bytes(ICON_PNG)
        .ok()
        .map(Arc::new)
}

/// Runs the window with one renderer; `started` is set once the renderer is up.
fn run_with(
    renderer: eframe::Renderer,
    dataset: Option<PathBuf>,
    started: Arc<AtomicBool>,
) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Tech Diplomacy Atlas")
        .with_app_id("tech-diplomacy-atlas")
        .with_inner_size([1360.0, 860.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer,
        ..Default::default()
    };
    eframe::run_native(
        "Tech Diplomacy Atlas",
        options,
        Box::new(move |cc| {
            started.store(true, Ordering::SeqCst);
            log_renderer(cc);
            Ok(Box::new(AtlasApp::new(
                cc,
                AppOptions {
                    dataset,
                    ..AppOptions::default()
                },
            )))
        }),
    )
}

/// Says which renderer and adapter the window uses, for bug reports.
fn log_renderer(cc: &eframe::CreationContext<'_>) {
    if let Some(rs) = cc.wgpu_render_state.as_ref() {
        let info = rs.adapter.get_info();
        note(format_args!(
            "renderer: wgpu {:?} on {} ({})",
            info.backend, info.name, info.driver
        ));
    } else if cc.gl.is_some() {
        note(format_args!("renderer: OpenGL (glow)"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes() {
        let icon = super::icon().expect("the bundled icon is a PNG eframe reads");
        assert_eq!((icon.width, icon.height), (256, 256));
    }
}
