//! Saving from the window, and what the unsaved-changes guard and the recovery offer do.
//!
//! Save writes the canonical form (`io::canonical`) through the one safe writer, off the UI
//! thread; the built-in atlas is never a file to write, so Save on it asks where. A failed
//! save leaves the file as it was and says why in the status line.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use crate::io::write_canonical;

use super::app::AtlasApp;
use super::command::Command;
use super::dataset::{DatasetSource, SavePoint};
use super::jobs::FileDialogs;
use super::unsaved::{GuardAnswer, Pending, RecoveryOffer};

/// How a background save ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveResult {
    Wrote(PathBuf),
    /// The save dialog was closed without a choice.
    Cancelled,
    Failed(String),
}

/// A background save's report: what it saved, and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveOutcome {
    pub point: SavePoint,
    pub result: SaveResult,
}

impl AtlasApp {
    /// Saves the atlas: to its file, or asking where (Save as…, or the built-in atlas).
    pub(super) fn save(&mut self, ctx: &egui::Context, ask_where: bool) {
        let dataset = &self.state.dataset;
        let target = match (&dataset.source, ask_where) {
            (DatasetSource::File(path), false) => Some(path.clone()),
            _ => None,
        };
        let name = match &dataset.source {
            DatasetSource::File(_) => dataset.file_name(),
            DatasetSource::Embedded => "atlas.ron".to_string(),
        };
        let graph = Arc::clone(&dataset.graph);
        let point = dataset.save_point();
        self.state.status = Some(format!("Saving {name}…"));
        self.jobs
            .run(ctx, "save", move |dialogs: &dyn FileDialogs| {
                let result = match target.or_else(|| dialogs.pick_save(&name, "ron")) {
                    None => SaveResult::Cancelled,
                    Some(path) => match write_canonical(graph.atlas(), &path) {
                        Ok(()) => SaveResult::Wrote(path),
                        Err(e) => SaveResult::Failed(e.to_string()),
                    },
                };
                Some(Command::Saved(SaveOutcome { point, result }))
            });
    }

    /// A save ended: the file is the dataset's from now on, or the status line says why not.
    pub(super) fn saved(&mut self, ctx: &egui::Context, outcome: SaveOutcome) -> Vec<Command> {
        let after = self.state.unsaved.after_save.take();
        let path = match outcome.result {
            SaveResult::Wrote(path) => path,
            SaveResult::Cancelled => {
                self.state.status = Some("Not saved: no file was chosen".into());
                return Vec::new();
            }
            SaveResult::Failed(why) => {
                self.state.status = Some(format!("Not saved, the file is unchanged: {why}"));
                return Vec::new();
            }
        };
        let shown = path.display().to_string();
        if !self.state.dataset.saved_as(path.clone(), outcome.point) {
            self.state.status = Some(format!("Saved {shown} (another dataset is open now)"));
            return Vec::new();
        }
        self.state.prefs.dataset = Some(path);
        self.state.status = Some(format!("Saved {shown}"));
        if !self.state.dataset.is_unsaved() {
            self.remove_recovery();
        }
        after
            .map(|pending| self.go_on(ctx, pending))
            .unwrap_or_default()
    }

    /// Holds back an action that would drop unsaved edits, and asks first. True when held.
    pub(super) fn guarded(&mut self, command: &Command) -> bool {
        let pending = match command {
            Command::Open(source) => Pending::Open(source.clone()),
            Command::Reload => Pending::Reload,
            _ => return false,
        };
        self.hold(pending)
    }

    /// A close request (the window's ✕, Quit) with unsaved edits is cancelled and asks first.
    pub(super) fn guard_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.hold(Pending::Quit) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }

    fn hold(&mut self, pending: Pending) -> bool {
        let unsaved = &mut self.state.unsaved;
        if !self.state.dataset.is_unsaved() || std::mem::take(&mut unsaved.bypass) {
            return false;
        }
        unsaved.guard = Some(pending);
        true
    }

    /// The answer to "save the changes first?".
    pub(super) fn answer_guard(
        &mut self,
        ctx: &egui::Context,
        answer: GuardAnswer,
    ) -> Vec<Command> {
        let Some(pending) = self.state.unsaved.guard.take() else {
            return Vec::new();
        };
        match answer {
            GuardAnswer::Save => {
                self.state.unsaved.after_save = Some(pending);
                self.save(ctx, false);
                Vec::new()
            }
            GuardAnswer::DontSave => {
                self.remove_recovery();
                self.state.unsaved.bypass = true;
                self.go_on(ctx, pending)
            }
            GuardAnswer::Cancel => Vec::new(),
        }
    }

    /// Carries out the action the guard held back.
    fn go_on(&mut self, ctx: &egui::Context, pending: Pending) -> Vec<Command> {
        match pending {
            Pending::Quit => {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                Vec::new()
            }
            Pending::Open(source) => vec![Command::Open(source)],
            Pending::Reload => vec![Command::Reload],
        }
    }

    /// The launch check of the recovery file is done: offer what it found, or open the
    /// dataset that waited for it.
    pub(super) fn recovery_checked(&mut self, offer: Option<Box<RecoveryOffer>>) -> Vec<Command> {
        match offer {
            Some(offer) => {
                self.state.unsaved.offer = Some(offer);
                Vec::new()
            }
            None => self.open_deferred(),
        }
    }

    /// Recover (true) or discard (false) the offered edits.
    pub(super) fn recover(&mut self, recover: bool) -> Vec<Command> {
        let Some(offer) = self.state.unsaved.offer.take() else {
            return Vec::new();
        };
        if !recover {
            self.remove_recovery();
            return self.open_deferred();
        }
        self.state.unsaved.deferred = None;
        let source = offer
            .origin
            .clone()
            .map_or(DatasetSource::Embedded, DatasetSource::File);
        self.state.apply(Command::Loaded {
            result: Ok(Box::new(offer.graph)),
            source,
        });
        self.state.dataset.mark_edited();
        self.state.status = Some("Recovered the unsaved edits: save them to keep them".into());
        Vec::new()
    }

    fn open_deferred(&mut self) -> Vec<Command> {
        self.state
            .unsaved
            .deferred
            .take()
            .map(Command::Open)
            .into_iter()
            .collect()
    }

    /// Drops the recovery copy: the edits so far are saved or discarded.
    fn remove_recovery(&mut self) {
        let point = self.state.dataset.save_point();
        if let Some(message) = self.recovery.as_mut().and_then(|r| r.remove(point)) {
            self.state.status = Some(message);
        }
    }
}
