//! The story card serves the story: in presentation mode, at a projector's 1024×768 and at
//! 1920×1080, no actor a step focuses on is drawn under the card, for every step of every
//! story in the default atlas.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::ui::app::AtlasApp;
use atlas::ui::command::Command;
use common::{FixedDialogs, build_sized};
use eframe::egui::vec2;
use egui_kittest::Harness;

/// Simulated seconds per frame: the camera's 0.8 s move completes in a few frames.
const STEP_SECS: f32 = 0.1;
const FRAMES_PER_STEP: usize = 12;

fn presenting_at(width: f32, height: f32) -> Harness<'static, AtlasApp> {
    let builder = Harness::builder()
        .with_size(vec2(width, height))
        .with_step_dt(STEP_SECS);
    let mut harness = build_sized(builder, FixedDialogs::default());
    // Positions must be final, or the layout would move actors after the camera framed them.
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
    harness.state_mut().send(Command::SetPresentation(true));
    harness.run_steps(3);
    harness
}

/// Problems with the current step: focus actors outside the canvas or under the card.
fn misplaced_focus(app: &AtlasApp) -> Vec<String> {
    let state = &app.state;
    let Some((story, Some(step))) = state.story() else {
        return Vec::new();
    };
    let card = app.story_card_rect().expect("a story shows its card");
    let mut problems = Vec::new();
    for id in &step.focus {
        let node = state.dataset.graph.node(id).expect("focus actors exist");
        let (pos, canvas) = app
            .network
            .screen_position(node.index())
            .expect("the network was drawn");
        if card.contains(pos) {
            problems.push(format!("{}: {id} is under the card", story.title));
        }
        if !canvas.contains(pos) {
            problems.push(format!("{}: {id} is outside the canvas", story.title));
        }
    }
    problems
}

fn check_every_step(width: f32, height: f32) {
    let mut harness = presenting_at(width, height);
    let stories = harness.state().state.dataset.graph.atlas().stories.clone();
    assert!(!stories.is_empty());
    let mut problems = Vec::new();
    for (index, story) in stories.iter().enumerate() {
        harness.state_mut().send(Command::StartStory(index));
        harness.run_steps(FRAMES_PER_STEP);
        for _ in 0..story.steps.len() {
            problems.extend(misplaced_focus(harness.state()));
            harness.state_mut().send(Command::StoryStep(1));
            harness.run_steps(FRAMES_PER_STEP);
        }
        harness.state_mut().send(Command::StopStory);
        harness.run_steps(2);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_focus_actor_lies_under_the_story_card_at_1024_by_768() {
    check_every_step(1024.0, 768.0);
}

#[test]
fn no_focus_actor_lies_under_the_story_card_at_1920_by_1080() {
    check_every_step(1920.0, 1080.0);
}
