//! The presenter view: the trainer's screen shows the current step, its speaker notes, the
//! next step and the clocks; clicker keys pressed in it move the story; the audience's window
//! never shows the notes; the view closes with the story.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::graph::load_graph_str;
use atlas::model::load::{DEFAULT_ATLAS_NAME, DEFAULT_ATLAS_RON};
use atlas::ui::command::Command;
use atlas::ui::presenter::{self, clock_text};
use atlas::ui::state::{AppState, Prefs};
use atlas::ui::theme::Palette;
use atlas::ui::verbs::Verb;
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct Presenter {
    state: AppState,
    out: Vec<Command>,
    /// The app's fonts are installed (its arrows are not in egui's own).
    fonts: bool,
}

/// The first story of the default atlas with a step that has notes, and that step.
fn story_with_notes(state: &AppState) -> (usize, usize) {
    let stories = &state.dataset.graph.atlas().stories;
    stories
        .iter()
        .enumerate()
        .find_map(|(s, story)| {
            let step = story.steps.iter().position(|st| st.notes.is_some())?;
            // A step with a next step, so "Next:" names a title.
            (step + 1 < story.steps.len()).then_some((s, step))
        })
        .expect("the default atlas has a story step with speaker notes")
}

/// The presenter's panel alone, on the default atlas, at the first step with notes.
fn presenter_at_a_step_with_notes() -> (Harness<'static, Presenter>, usize, usize) {
    let loaded = load_graph_str(DEFAULT_ATLAS_RON, DEFAULT_ATLAS_NAME).unwrap();
    let mut state = AppState::new(loaded, Prefs::default());
    let (story, step) = story_with_notes(&state);
    state.apply(Command::StartStory(story));
    for _ in 0..step {
        state.apply(Command::StoryStep(1));
    }
    let palette = Palette {
        dark: true,
        high_contrast: false,
    };
    let harness = Harness::builder()
        .with_size(egui::vec2(720.0, 560.0))
        .build_ui_state(
            move |ui, p: &mut Presenter| {
                if !p.fonts {
                    atlas::ui::theme::install_fonts(ui.ctx());
                    p.fonts = true;
                }
                presenter::panel(ui, &p.state, (125.0, 65.0), palette, &mut p.out);
            },
            Presenter {
                state,
                out: Vec::new(),
                fonts: false,
            },
        );
    (harness, story, step)
}

#[test]
fn presenter_shows_the_step_its_notes_the_next_title_and_the_clocks() {
    let (mut harness, story, step) = presenter_at_a_step_with_notes();
    harness.run();
    let atlas = harness.state().state.dataset.graph.atlas().clone();
    let s = &atlas.stories[story];
    let notes = s.steps[step].notes.clone().unwrap();
    harness.get_by_label(&s.steps[step].title);
    harness.get_by_label(&notes);
    harness.get_by_label(&format!("Next: {}", s.steps[step + 1].title));
    harness.get_by_label(&format!("Step {} of {}", step + 1, s.steps.len()));
    let clocks = format!("Story {} · step {}", clock_text(125.0), clock_text(65.0));
    assert_eq!(clocks, "Story 2:05 · step 1:05");
    harness.get_by_label(&clocks);
}

/// Presses `key` in the presenter's panel and applies what it asked for.
fn press(harness: &mut Harness<'static, Presenter>, key: Key) -> Vec<Command> {
    harness.key_press(key);
    harness.run();
    let asked = std::mem::take(&mut harness.state_mut().out);
    for command in asked.clone() {
        // A verb becomes its commands in the app; the story verbs map one to one.
        let command = match command {
            Command::Run(Verb::NextStep) => Command::StoryStep(1),
            Command::Run(Verb::PreviousStep) => Command::StoryStep(-1),
            other => other,
        };
        harness.state_mut().state.apply(command);
    }
    harness.run();
    asked
}

fn step_of(harness: &Harness<'static, Presenter>) -> usize {
    harness.state().state.view.story.as_ref().unwrap().step
}

#[test]
fn clicker_keys_pressed_in_the_presenter_move_the_story() {
    let (mut harness, _, step) = presenter_at_a_step_with_notes();
    harness.run();
    let asked = press(&mut harness, Key::ArrowRight);
    assert!(matches!(asked.as_slice(), [Command::Run(Verb::NextStep)]));
    assert_eq!(step_of(&harness), step + 1);
    press(&mut harness, Key::PageDown);
    assert_eq!(step_of(&harness), step + 2);
    press(&mut harness, Key::PageUp);
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(step_of(&harness), step);
}

#[test]
fn the_audience_never_sees_the_notes_and_the_presenter_closes_with_the_story() {
    let mut harness = common::harness();
    let (story, step) = story_with_notes(&harness.state().state);
    harness.state_mut().send(Command::StartStory(story));
    for _ in 0..step {
        harness.state_mut().send(Command::StoryStep(1));
    }
    harness.run_steps(3);
    let notes = harness
        .state()
        .state
        .story()
        .unwrap()
        .1
        .unwrap()
        .notes
        .clone();
    let notes = notes.unwrap();
    assert!(
        harness.query_by_label(&notes).is_none(),
        "the audience's window shows no notes"
    );
    harness.state_mut().send(Command::Run(Verb::PresenterView));
    harness.run_steps(3);
    assert!(harness.state().state.view.presenter);
    // Under test there is one native window: the presenter view is drawn inside it.
    harness.get_by_label(&notes);
    harness.state_mut().send(Command::StopStory);
    harness.run_steps(3);
    assert!(!harness.state().state.view.presenter);
    assert!(harness.query_by_label(&notes).is_none());
    // Without a story there is nothing to present.
    harness.state_mut().send(Command::Run(Verb::PresenterView));
    harness.run_steps(2);
    assert!(!harness.state().state.view.presenter);
}

#[test]
fn closing_the_presenter_view_keeps_the_story_playing() {
    let mut harness = common::harness();
    harness.state_mut().send(Command::StartStory(0));
    harness.state_mut().send(Command::Run(Verb::PresenterView));
    harness.run_steps(3);
    assert!(harness.state().state.view.presenter);
    harness.state_mut().send(Command::Run(Verb::PresenterView));
    harness.run_steps(2);
    assert!(!harness.state().state.view.presenter);
    assert!(harness.state().state.view.story.is_some());
}
