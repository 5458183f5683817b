//! Nothing lost: the "save changes first?" guard before quit, open, reload and a dropped file,
//! and the offer to recover edits a crash left in the recovery file. This file holds their
//! state and draws their modals; what the answers do is in `save.rs`.

use std::path::PathBuf;
use std::time::SystemTime;

use eframe::egui::{self, Key, Modifiers, RichText};

use crate::graph::LoadedGraph;

use super::command::Command;
use super::dataset::DatasetSource;
use super::state::AppState;

/// What waits for the answer to "save changes first?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    Quit,
    Open(DatasetSource),
    Reload,
}

/// The answers to "save changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardAnswer {
    Save,
    DontSave,
    Cancel,
}

/// Edits found in the recovery file at launch, offered back (never loaded silently).
#[derive(Clone, Debug)]
pub struct RecoveryOffer {
    pub graph: LoadedGraph,
    /// The file the edits belong to; none for the built-in atlas.
    pub origin: Option<PathBuf>,
    pub written: Option<SystemTime>,
}

/// The guard's and the recovery offer's state, part of [`AppState`].
#[derive(Debug, Default)]
pub struct UnsavedState {
    /// The action waiting behind the "save changes first?" modal.
    pub guard: Option<Pending>,
    /// The action to carry out once the save the guard started has succeeded.
    pub after_save: Option<Pending>,
    /// The user chose "Don't save": the next guarded action goes ahead once.
    pub bypass: bool,
    /// Edits from the recovery file, waiting for Recover or Discard.
    pub offer: Option<Box<RecoveryOffer>>,
    /// The dataset to open once the offer is answered with Discard (the one the command line
    /// or the last session asked for; opening it first would race the offer).
    pub deferred: Option<DatasetSource>,
}

impl UnsavedState {
    /// Whether a modal of this file is showing (the rest of the window waits).
    pub fn modal_open(&self) -> bool {
        self.guard.is_some() || self.offer.is_some()
    }
}

fn doing(pending: &Pending) -> &'static str {
    match pending {
        Pending::Quit => "closing the atlas",
        Pending::Open(_) => "opening another dataset",
        Pending::Reload => "reloading the file",
    }
}

/// Enter and Esc answer the modal that is open, before any shortcut sees them.
pub fn modal_keys(ctx: &egui::Context, state: &AppState) -> Option<Command> {
    let unsaved = &state.unsaved;
    let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if unsaved.guard.is_some() {
        if pressed(Key::Enter) {
            return Some(Command::Unsaved(GuardAnswer::Save));
        }
        if pressed(Key::Escape) {
            return Some(Command::Unsaved(GuardAnswer::Cancel));
        }
    } else if unsaved.offer.is_some() && pressed(Key::Enter) {
        return Some(Command::Recover(true));
    }
    None
}

/// Draws the guard or the recovery offer, when one is due.
pub fn show(ctx: &egui::Context, state: &AppState, out: &mut Vec<Command>) {
    if let Some(pending) = &state.unsaved.guard {
        guard_modal(ctx, state, pending, out);
    } else if let Some(offer) = &state.unsaved.offer {
        offer_modal(ctx, offer, out);
    }
}

fn guard_modal(ctx: &egui::Context, state: &AppState, pending: &Pending, out: &mut Vec<Command>) {
    let name = state.dataset.file_name();
    let response = egui::Modal::new(egui::Id::unique("unsaved-guard")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(format!("Save the changes to {name}?"));
        ui.label(format!(
            "The atlas has edits that are not saved. They are lost if you go on {} without \
             saving.",
            doing(pending)
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let save = ui.button(RichText::new("Save").strong());
            if save.clicked() {
                out.push(Command::Unsaved(GuardAnswer::Save));
            }
            save.on_hover_text("Save, then go on (Enter)");
            if ui
                .button("Don't save")
                .on_hover_text("Drop the edits and go on")
                .clicked()
            {
                out.push(Command::Unsaved(GuardAnswer::DontSave));
            }
            if ui
                .button("Cancel")
                .on_hover_text("Keep editing (Esc)")
                .clicked()
            {
                out.push(Command::Unsaved(GuardAnswer::Cancel));
            }
        });
    });
    if response.backdrop_response.clicked() {
        out.push(Command::Unsaved(GuardAnswer::Cancel));
    }
}

fn offer_modal(ctx: &egui::Context, offer: &RecoveryOffer, out: &mut Vec<Command>) {
    let when = offer
        .written
        .map_or_else(|| "an earlier session".to_string(), crate::io::utc_minute);
    let of = match &offer.origin {
        Some(path) => format!("{}", path.display()),
        None => "the built-in atlas".to_string(),
    };
    egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading(format!("Recover unsaved edits from {when}?"));
        ui.label(format!(
            "The atlas closed without saving edits to {of}. A copy was kept. Recover opens \
             it, still unsaved; Discard deletes the copy."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Recover").strong())
                .on_hover_text("Open the edited atlas (Enter)")
                .clicked()
            {
                out.push(Command::Recover(true));
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the copy of the edits")
                .clicked()
            {
                out.push(Command::Recover(false));
            }
        });
    });
}
