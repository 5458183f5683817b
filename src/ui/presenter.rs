//! The presenter view: a second native window for the trainer's screen while a story plays,
//! with the current step, its speaker notes, the next step's title and the time elapsed. The
//! main window stays the audience's view and never shows the notes. Keys pressed in either
//! window run the same verbs, so a clicker works whichever window has the focus.

use eframe::egui::{self, RichText, Ui};

use super::app::AtlasApp;
use super::command::Command;
use super::state::AppState;
use super::theme::{PRESENTATION_SCALE, Palette};
use super::verbs::{self, Verb};
use super::view_state::StoryProgress;

/// The presenter's type, as a multiple of the normal type.
const PRESENTER_SCALE: f32 = 1.3;

/// When the story and the current step began, in egui's clock (seconds).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PresenterClock {
    story: Option<usize>,
    step: usize,
    story_start: f64,
    step_start: f64,
}

impl PresenterClock {
    /// Notes the story and step shown at `now`: a new story restarts both clocks, a new step
    /// restarts the step's.
    pub fn observe(&mut self, progress: Option<&StoryProgress>, now: f64) {
        let Some(progress) = progress else {
            self.story = None;
            return;
        };
        if self.story != Some(progress.story) {
            self.story = Some(progress.story);
            self.story_start = now;
            self.step = progress.step;
            self.step_start = now;
        } else if self.step != progress.step {
            self.step = progress.step;
            self.step_start = now;
        }
    }

    /// Seconds since the story began and since the step began.
    pub fn elapsed(&self, now: f64) -> (f64, f64) {
        (
            (now - self.story_start).max(0.0),
            (now - self.step_start).max(0.0),
        )
    }
}

/// "4:05", or "1:02:03" past an hour.
pub fn clock_text(seconds: f64) -> String {
    // Whole seconds; a negative or NaN time (a clock that went back) reads as zero.
    let total = if seconds.is_finite() && seconds > 0.0 {
        seconds as u64
    } else {
        0
    };
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The presenter's panel. `elapsed` is (story, step) in seconds. Keys pressed while this
/// window has the focus run the same verbs as in the main window.
pub fn panel(
    ui: &mut Ui,
    state: &AppState,
    elapsed: (f64, f64),
    palette: Palette,
    out: &mut Vec<Command>,
) {
    out.extend(
        verbs::pressed(ui.ctx(), state)
            .into_iter()
            .map(Command::Run),
    );
    // The trainer reads this at arm's length, not from the back of the room: a little over
    // the normal type, whatever the audience's window uses.
    let shown = if state.view.presentation {
        PRESENTATION_SCALE
    } else {
        1.0
    };
    for font in ui.style_mut().text_styles.values_mut() {
        font.size *= PRESENTER_SCALE / shown;
    }
    let (Some(progress), Some((story, step))) = (&state.view.story, state.story()) else {
        ui.label("No story is playing.");
        return;
    };
    let total = story.steps.len();
    ui.label(RichText::new(&story.title).weak());
    ui.horizontal_wrapped(|ui| {
        let position = if progress.step < total {
            format!("Step {} of {total}", progress.step + 1)
        } else {
            "Discussion".to_string()
        };
        ui.label(RichText::new(position).strong());
        ui.separator();
        ui.label(format!(
            "Story {} · step {}",
            clock_text(elapsed.0),
            clock_text(elapsed.1)
        ))
        .on_hover_text("Time since the story started, and since this step started");
    });
    ui.horizontal_wrapped(|ui| {
        let back = progress.step > 0;
        verbs::button_if(ui, state, Verb::PreviousStep, "◀ Previous", back, out);
        let more = progress.step < total;
        verbs::button_if(ui, state, Verb::NextStep, "Next ▶", more, out);
    });
    // What comes next, in sight without scrolling: the trainer's bridge to the next step.
    ui.label(RichText::new(next_title(story, progress.step)).strong());
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("presenter-text")
        .auto_shrink([false, false])
        .show(ui, |ui| match step {
            Some(step) => current(ui, step, palette),
            None => questions(ui, story),
        });
}

/// The step as the audience sees it, then the notes only the trainer sees.
fn current(ui: &mut Ui, step: &crate::model::StoryStep, palette: Palette) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(&step.title);
        if let Some(date) = step.date {
            ui.label(
                RichText::new(date.to_string())
                    .color(palette.highlight())
                    .strong(),
            );
        }
    });
    ui.label(RichText::new("Speaker notes").small().strong());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        match step.notes.as_deref() {
            Some(notes) => ui.label(notes),
            None => ui.label(RichText::new("No notes for this step.").weak()),
        };
    });
    ui.add_space(6.0);
    ui.label(RichText::new("On the audience's screen").small().strong());
    ui.label(RichText::new(&step.text).weak());
}

/// The closing page: the questions the audience sees, to lead the discussion from.
fn questions(ui: &mut Ui, story: &crate::model::Story) {
    ui.heading("Questions for discussion");
    for (i, q) in story.questions.iter().enumerate() {
        ui.label(format!("{}. {q}", i + 1));
    }
    if story.questions.is_empty() {
        ui.label("The story has no questions: the end of the story.");
    }
}

/// What comes after the step at `index`.
fn next_title(story: &crate::model::Story, index: usize) -> String {
    match story.steps.get(index + 1) {
        Some(next) => format!("Next: {}", next.title),
        None if index < story.steps.len() => "Next: Questions for discussion".to_string(),
        None => "The end of the story.".to_string(),
    }
}

/// The second window's id: one presenter view at a time.
fn viewport_id() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("atlas-presenter-view")
}

impl AtlasApp {
    /// Keeps the presenter's clock and, while the presenter view is open, shows it in its
    /// own native window (or inside the main one where the platform has a single window).
    pub(super) fn presenter_view(
        &mut self,
        ctx: &egui::Context,
        palette: Palette,
        out: &mut Vec<Command>,
    ) {
        let now = ctx.input(|i| i.time);
        self.presenter_clock
            .observe(self.state.view.story.as_ref(), now);
        if !self.state.view.presenter || self.state.view.story.is_none() {
            return;
        }
        let elapsed = self.presenter_clock.elapsed(now);
        let state = &self.state;
        // The clock shows seconds.
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
        if ctx.embed_viewports() {
            let mut open = true;
            egui::Window::new("Presenter view")
                .id(egui::Id::unique("presenter-embedded"))
                .open(&mut open)
                .default_size([520.0, 420.0])
                .show(ctx, |ui| panel(ui, state, elapsed, palette, out));
            if !open {
                out.push(Command::SetPresenter(false));
            }
            return;
        }
        let builder = egui::ViewportBuilder::default()
            .with_title("Presenter view — Tech Diplomacy Atlas")
            .with_inner_size([720.0, 560.0]);
        ctx.show_viewport_immediate(viewport_id(), builder, |ui, _class| {
            egui::CentralPanel::default().show(ui, |ui| panel(ui, state, elapsed, palette, out));
            if ui.input(|i| i.viewport().close_requested()) {
                out.push(Command::SetPresenter(false));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_text_reads_minutes_and_seconds_then_hours() {
        assert_eq!(clock_text(0.0), "0:00");
        assert_eq!(clock_text(65.4), "1:05");
        assert_eq!(clock_text(3723.0), "1:02:03");
        assert_eq!(clock_text(-3.0), "0:00");
        assert_eq!(clock_text(f64::NAN), "0:00");
    }

    #[test]
    fn a_new_step_restarts_only_the_step_clock() {
        let mut clock = PresenterClock::default();
        let at = |step| StoryProgress { story: 1, step };
        clock.observe(Some(&at(0)), 10.0);
        clock.observe(Some(&at(0)), 40.0);
        clock.observe(Some(&at(1)), 70.0);
        assert_eq!(clock.elapsed(100.0), (90.0, 30.0));
    }

    #[test]
    fn a_new_story_restarts_both_clocks() {
        let mut clock = PresenterClock::default();
        clock.observe(Some(&StoryProgress { story: 0, step: 3 }), 10.0);
        clock.observe(Some(&StoryProgress { story: 2, step: 0 }), 50.0);
        assert_eq!(clock.elapsed(60.0), (10.0, 10.0));
        clock.observe(None, 70.0);
        clock.observe(Some(&StoryProgress { story: 2, step: 0 }), 80.0);
        assert_eq!(clock.elapsed(85.0), (5.0, 5.0));
    }
}
