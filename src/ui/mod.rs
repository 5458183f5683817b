//! The window (egui). Panels read the shared [`state::AppState`] and send
//! [`command::Command`]s; the app applies them once per frame.

pub mod actions;
pub mod app;
mod chrome;
pub mod command;
pub mod export;
pub mod file_chooser;
pub mod jobs;
mod launch;
mod offscreen;
mod overlays;
pub mod state;
pub mod theme;
pub mod views;

pub use launch::run_gui;
