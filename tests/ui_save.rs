//! Saving from the window and losing nothing: Save and reopen, the title's unsaved mark, the
//! guard before quitting and opening, and the recovery copy offered back after a crash.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use atlas::graph::AtlasGraph;
use atlas::io::{canonical_ron, read_recovery, write_recovery};
use atlas::model::{Atlas, load_default, load_file};
use atlas::ui::app::{AppOptions, AtlasApp};
use atlas::ui::command::Command;
use atlas::ui::dataset::DatasetSource;
use atlas::ui::verbs::Verb;
use common::{FixedDialogs, status, step_until};
use eframe::egui::{self, ViewportCommand, ViewportEvent, ViewportId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app on the embedded atlas, keeping its recovery copy at `recovery` (when given).
fn harness(dialogs: FixedDialogs, recovery: Option<PathBuf>) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1024.0, 768.0))
        .build_eframe(move |cc| {
            AtlasApp::new(
                cc,
                AppOptions {
                    dataset: None,
                    dialogs: Arc::new(dialogs),
                    restore: false,
                    recovery,
                },
            )
        });
    harness.run_steps(3);
    harness
}

fn saving_to(path: &Path) -> FixedDialogs {
    FixedDialogs {
        save: Some(path.to_path_buf()),
        ..FixedDialogs::default()
    }
}

/// Changes the atlas in memory as an edit would, and marks it edited.
fn edit(harness: &mut Harness<'static, AtlasApp>, summary: &str) -> Atlas {
    let dataset = &mut harness.state_mut().state.dataset;
    let mut atlas = dataset.graph.atlas().clone();
    atlas.actors[0].summary = summary.to_string();
    dataset.graph = Arc::new(AtlasGraph::new(atlas.clone()));
    dataset.mark_edited();
    harness.step();
    atlas
}

/// Asks the window to close, as its ✕ or the window manager would.
fn request_close(harness: &mut Harness<'static, AtlasApp>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
}

/// Steps `n` frames and returns the window commands the app sent in them.
fn commands_over(harness: &mut Harness<'static, AtlasApp>, n: usize) -> Vec<ViewportCommand> {
    let mut all = Vec::new();
    for _ in 0..n {
        harness.step();
        if let Some(output) = harness.output().viewport_output.get(&ViewportId::ROOT) {
            all.extend(output.commands.iter().cloned());
        }
    }
    all
}

/// A file dropped on the window, as the desktop hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Frames and time for the recovery thread to act on anything it was asked.
fn settle(harness: &mut Harness<'static, AtlasApp>) {
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

fn atlas_of(harness: &Harness<'static, AtlasApp>) -> Atlas {
    harness.state().state.dataset.graph.atlas().clone()
}

#[test]
fn the_title_shows_the_file_and_a_mark_while_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.ron");
    let mut harness = harness(saving_to(&file), None);
    assert_eq!(
        harness.state().title(),
        "atlas.ron (built-in) — Tech Diplomacy Atlas"
    );
    edit(&mut harness, "Edited.");
    assert_eq!(
        harness.state().title(),
        "• atlas.ron (built-in) — Tech Diplomacy Atlas"
    );
    harness.state_mut().send(Command::Run(Verb::Save));
    assert!(step_until(&mut harness, |app| !app
        .state
        .dataset
        .is_unsaved()));
    harness.step();
    assert_eq!(harness.state().title(), "mine.ron — Tech Diplomacy Atlas");
}

#[test]
fn save_then_reopen_gives_the_same_atlas_and_saving_again_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("saved.ron");
    let mut harness = harness(saving_to(&file), None);
    let edited = edit(&mut harness, "A summary written in the window.");
    // The built-in atlas is never overwritten: Save asks where (the dialog answers `file`).
    harness.state_mut().send(Command::Run(Verb::Save));
    assert!(step_until(&mut harness, |app| !app
        .state
        .dataset
        .is_unsaved()));
    assert_eq!(
        harness.state().state.dataset.source,
        DatasetSource::File(file.clone())
    );
    assert!(status(harness.state()).starts_with("Saved "));
    assert_eq!(load_file(&file).unwrap().atlas, edited);
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(bytes, canonical_ron(&edited).as_bytes());

    harness
        .state_mut()
        .send(Command::Open(DatasetSource::Embedded));
    assert!(step_until(&mut harness, |app| app
        .state
        .dataset
        .is_embedded()));
    assert_ne!(atlas_of(&harness), edited);
    harness
        .state_mut()
        .send(Command::Open(DatasetSource::File(file.clone())));
    assert!(step_until(&mut harness, |app| !app
        .state
        .dataset
        .is_embedded()));
    assert_eq!(atlas_of(&harness), edited);

    harness.state_mut().state.status = None;
    harness.state_mut().send(Command::Run(Verb::Save));
    assert!(step_until(&mut harness, |app| status(app).starts_with("Saved ")));
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}

#[test]
fn a_failed_save_says_why_and_keeps_the_edits_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    // A folder is not a file to write over.
    let mut harness = harness(saving_to(dir.path()), None);
    edit(&mut harness, "Edited.");
    harness.state_mut().send(Command::Run(Verb::SaveAs));
    assert!(step_until(&mut harness, |app| status(app).starts_with("Not saved")));
    let said = status(harness.state());
    assert!(said.contains(&dir.path().display().to_string()), "{said}");
    assert!(harness.state().state.dataset.is_unsaved());
}

#[test]
fn cancel_on_the_quit_guard_keeps_the_window_and_the_edits() {
    let mut harness = harness(FixedDialogs::default(), None);
    let edited = edit(&mut harness, "Not to be lost.");
    request_close(&mut harness);
    let commands = commands_over(&mut harness, 2);
    assert!(
        commands.contains(&ViewportCommand::CancelClose),
        "{commands:?}"
    );
    harness.get_by_label("Don't save");
    harness.get_by_label("Cancel").click();
    let commands = commands_over(&mut harness, 3);
    assert!(!commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(harness.query_by_label("Don't save").is_none());
    assert!(harness.state().state.dataset.is_unsaved());
    assert_eq!(atlas_of(&harness), edited);
}

#[test]
fn dont_save_on_the_quit_guard_closes_and_drops_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery.ron");
    let mut harness = harness(FixedDialogs::default(), Some(recovery.clone()));
    edit(&mut harness, "Dropped on purpose.");
    assert!(step_until(&mut harness, |_| recovery.exists()));
    request_close(&mut harness);
    commands_over(&mut harness, 2);
    harness.get_by_label("Don't save").click();
    let commands = commands_over(&mut harness, 3);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    settle(&mut harness);
    assert!(!recovery.exists(), "no copy written again after Don't save");
    // The close request that follows goes through.
    request_close(&mut harness);
    let commands = commands_over(&mut harness, 2);
    assert!(
        !commands.contains(&ViewportCommand::CancelClose),
        "{commands:?}"
    );
}

#[test]
fn enter_on_the_quit_guard_saves_then_closes_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kept.ron");
    let mut harness = harness(saving_to(&file), None);
    let edited = edit(&mut harness, "Kept by Enter.");
    request_close(&mut harness);
    commands_over(&mut harness, 2);
    harness.key_press(egui::Key::Escape);
    commands_over(&mut harness, 2);
    assert!(
        harness.query_by_label("Don't save").is_none(),
        "Esc cancels"
    );
    assert!(harness.state().state.dataset.is_unsaved());

    request_close(&mut harness);
    commands_over(&mut harness, 2);
    harness.key_press(egui::Key::Enter);
    let mut commands = Vec::new();
    for _ in 0..300 {
        commands.extend(commands_over(&mut harness, 1));
        if commands.contains(&ViewportCommand::Close) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert_eq!(load_file(&file).unwrap().atlas, edited);
}

#[test]
fn opening_another_dataset_with_unsaved_edits_asks_first() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("atlas-data/samples/valid/path.ron");
    let mut harness = harness(FixedDialogs::default(), None);
    let edited = edit(&mut harness, "Still here.");
    let open = Command::Open(DatasetSource::File(sample.clone()));
    harness.state_mut().send(open.clone());
    // A new modal is laid out unseen in its first frame.
    harness.run_steps(2);
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert_eq!(atlas_of(&harness), edited, "Cancel keeps the edits");

    harness.state_mut().send(open);
    harness.run_steps(2);
    harness.get_by_label("Don't save").click();
    assert!(step_until(&mut harness, |app| !app
        .state
        .dataset
        .is_embedded()));
    assert_eq!(atlas_of(&harness), load_file(&sample).unwrap().atlas);
    assert!(!harness.state().state.dataset.is_unsaved());
}

#[test]
fn unsaved_edits_are_copied_to_the_recovery_file_and_saving_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("data/recovery.ron");
    let file = dir.path().join("saved.ron");
    let mut harness = harness(saving_to(&file), Some(recovery.clone()));
    harness.run_steps(2);
    assert!(!recovery.exists(), "nothing to keep before an edit");
    let edited = edit(&mut harness, "Copied for safety.");
    assert!(step_until(&mut harness, |_| recovery.exists()));
    let copy = read_recovery(&recovery).unwrap().unwrap();
    assert_eq!(copy.loaded.atlas, edited);
    assert_eq!(copy.origin, None, "the built-in atlas");
    harness.state_mut().send(Command::Run(Verb::Save));
    assert!(step_until(&mut harness, |app| !app
        .state
        .dataset
        .is_unsaved()));
    settle(&mut harness);
    assert!(!recovery.exists(), "no copy written again after the save");
}

/// Edits left in a recovery file by a session that never closed.
fn crashed_session(dir: &Path) -> (PathBuf, Atlas) {
    let recovery = dir.join("recovery.ron");
    let mut atlas = load_default().unwrap().atlas;
    atlas.actors[0].summary = "Edited before the crash.".into();
    write_recovery(&recovery, &atlas, None).unwrap();
    (recovery, atlas)
}

#[test]
fn after_a_crash_the_edits_are_offered_and_recovered_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let (recovery, edited) = crashed_session(dir.path());
    let mut harness = harness(FixedDialogs::default(), Some(recovery.clone()));
    assert!(step_until(&mut harness, |app| app
        .state
        .unsaved
        .offer
        .is_some()));
    harness.step();
    harness.get_by_label_contains("Recover unsaved edits from ");
    assert_ne!(atlas_of(&harness), edited, "never loaded silently");
    harness.get_by_label("Recover").click();
    harness.run_steps(3);
    assert_eq!(atlas_of(&harness), edited);
    assert!(harness.state().state.dataset.is_unsaved());
    assert!(harness.state().title().starts_with("• "));
}

#[test]
fn discarding_the_offered_edits_deletes_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (recovery, edited) = crashed_session(dir.path());
    let mut harness = harness(FixedDialogs::default(), Some(recovery.clone()));
    assert!(step_until(&mut harness, |app| app
        .state
        .unsaved
        .offer
        .is_some()));
    harness.step();
    harness.get_by_label("Discard").click();
    harness.run_steps(3);
    assert!(!recovery.exists());
    assert_ne!(atlas_of(&harness), edited);
    assert!(!harness.state().state.dataset.is_unsaved());
}

#[test]
fn a_dropped_file_and_reload_wait_for_the_guard_too() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("atlas-data/samples/valid/path.ron");
    let mut harness = harness(FixedDialogs::default(), None);
    let edited = edit(&mut harness, "Not dropped.");
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(sample)));
    harness.run_steps(2);
    harness.get_by_label_contains("They are lost if you go on opening another dataset");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    harness.state_mut().send(Command::Run(Verb::Reload));
    harness.run_steps(2);
    harness.get_by_label_contains("They are lost if you go on reloading the file");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert!(harness.query_by_label("Don't save").is_none());
    assert_eq!(atlas_of(&harness), edited);
    assert!(harness.state().state.dataset.is_unsaved());
}

#[test]
fn the_copy_goes_when_the_atlas_is_back_to_its_saved_state() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery.ron");
    let mut harness = harness(FixedDialogs::default(), Some(recovery.clone()));
    edit(&mut harness, "Undone later.");
    assert!(step_until(&mut harness, |_| recovery.exists()));
    // An undo back to the state the file holds: the edit UI marks the dataset saved.
    harness.state_mut().state.dataset.mark_saved();
    settle(&mut harness);
    assert!(!recovery.exists());
}
