//! The window against a dataset path that is not a file (issue 12, finding 6): a FIFO picked
//! to open is refused at once with a message, and the atlas stays.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

mod common;

use common::{FixedDialogs, harness_with, step_until};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn opening_a_fifo_reports_it_instead_of_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let mut harness = harness_with(FixedDialogs {
        open: Some(fifo.clone()),
        ..FixedDialogs::default()
    });
    let before = harness.state().state.dataset.graph.node_count();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    assert!(
        step_until(&mut harness, |app| app.state.dataset.failure.is_some()),
        "the load reports back instead of blocking on the FIFO"
    );
    harness.run_steps(2);
    harness.get_by_label(&format!(
        "{}: cannot read a named pipe (FIFO): a dataset must be a regular file",
        fifo.display()
    ));
    assert_eq!(harness.state().state.dataset.graph.node_count(), before);
}
