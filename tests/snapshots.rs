//! Image snapshots of the screens people see, rendered off screen by the real app (wgpu on
//! Mesa's software renderer in CI). Each waits for the layout to settle, so the picture is
//! the same on every run. Refresh with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` and
//! look at the PNGs under tests/snapshots/ before committing them.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::ui::app::AtlasApp;
use atlas::ui::command::Command;
use atlas::ui::theme::ThemeChoice;
use atlas::ui::view_state::Selection;
use common::{FixedDialogs, build};
use eframe::egui::vec2;
use egui_kittest::{Harness, SnapshotOptions};

/// Per-pixel colour tolerance (egui's default, which absorbs the small differences between
/// GPU backends) and the number of pixels that may exceed it: a few anti-aliased edges, far
/// fewer than a panel, a label or a button would change.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(0.6).max_failed_pixels(40)
}

fn settled_harness() -> Harness<'static, AtlasApp> {
    let builder = Harness::builder().with_size(vec2(1280.0, 800.0)).wgpu();
    let mut harness = build(builder, FixedDialogs::default());
    settle(&mut harness);
    harness
}

/// Steps until the layout has come to rest and the camera has finished moving.
fn settle(harness: &mut Harness<'static, AtlasApp>) {
    for _ in 0..3000 {
        harness.step();
        if harness.state().network.layout_settled() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        harness.state().network.layout_settled(),
        "the layout settles"
    );
    // Camera moves take under a second of frame time.
    harness.run_steps(90);
}

fn send(harness: &mut Harness<'static, AtlasApp>, command: Command) {
    harness.state_mut().send(command);
    settle(harness);
}

#[test]
fn snapshot_of_the_overview() {
    let mut harness = settled_harness();
    harness.snapshot_options("overview", &options());
}

#[test]
fn snapshot_of_a_selection_with_its_neighbours_lit() {
    let mut harness = settled_harness();
    send(
        &mut harness,
        Command::Select(Selection::Actor("japan".into())),
    );
    harness.snapshot_options("selection_japan", &options());
}

#[test]
fn snapshot_of_a_story_step() {
    let mut harness = settled_harness();
    send(&mut harness, Command::StartStory(0));
    send(&mut harness, Command::StoryStep(1));
    harness.snapshot_options("story_step", &options());
}

#[test]
fn snapshot_of_presentation_mode_on_a_story_step() {
    let mut harness = settled_harness();
    send(&mut harness, Command::SetPresentation(true));
    send(&mut harness, Command::StartStory(0));
    harness.snapshot_options("presentation_story", &options());
}

#[test]
fn snapshot_of_the_light_theme() {
    let mut harness = settled_harness();
    send(&mut harness, Command::SetTheme(ThemeChoice::Light));
    harness.snapshot_options("light_theme", &options());
}

#[test]
fn the_overview_snapshot_fails_when_a_panel_disappears() {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        // Updating rewrites references; comparing against one is meaningless then.
        return;
    }
    let mut harness = settled_harness();
    send(
        &mut harness,
        Command::TogglePanel(atlas::ui::command::Panel::Details),
    );
    let result = harness.try_snapshot_options("overview", &options());
    assert!(
        result.is_err(),
        "the overview without its details panel must not match the reference"
    );
}
