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
//! - saving and "nothing lost": `save.rs` (Save, the guard's and the recovery offer's answers,
//!   handled by the app like exports because they need its jobs), `unsaved.rs` (their state
//!   and modals), `recovery.rs` (the recovery copy's thread); the dataset knows whether it is
//!   unsaved (`Dataset::mark_edited`, `mark_saved`, `is_unsaved`).

pub mod app;
mod apply;
mod apply_edit;
pub mod brief;
mod chrome;
pub mod command;
pub mod dataset;
mod dialog_fallback;
pub mod edit;
pub mod export;
pub mod file_chooser;
pub mod jobs;
mod launch;
pub mod links;
mod offscreen;
mod overlays;
pub mod panels;
mod path_search;
pub mod picture;
pub mod presenter;
pub mod recovery;
mod run_verb;
pub mod save;
pub mod side_layout;
pub mod state;
pub mod theme;
pub mod unsaved;
pub mod verbs;
pub mod view_state;
pub mod views;
pub mod windows;

pub use launch::run_gui;
