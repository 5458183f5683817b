//! Guided stories: a chooser, and the card of the step being played, docked under the canvas.

use eframe::egui::{self, RichText, Ui};

use crate::model::{Story, StoryStep};
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::verbs::{self, Verb};

/// The list of stories, for the Stories menu: each with its length and what it is about.
pub fn chooser(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let stories = &state.dataset.graph.atlas().stories;
    if stories.is_empty() {
        ui.label("This dataset has no stories.");
    }
    ui.set_max_width(420.0);
    for (i, s) in stories.iter().enumerate() {
        if ui.button(&s.title).on_hover_text(&s.summary).clicked() {
            out.push(Command::StartStory(i));
            ui.close();
        }
        let steps = s.steps.len();
        let about = format!(
            "{steps} step{} · {}",
            if steps == 1 { "" } else { "s" },
            s.summary
        );
        ui.label(RichText::new(about).small().weak());
        ui.add_space(4.0);
    }
}

/// The card of the current step (or the closing questions): the story's title on its own
/// line, the controls, then the step's text, which can be folded away to free the screen.
/// Returns the height the card needs to show everything, for the panel to size itself.
pub fn caption(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) -> f32 {
    let (Some(progress), Some((story, step))) = (&state.view.story, state.story()) else {
        return 0.0;
    };
    let top = ui.cursor().top();
    let total = story.steps.len();
    let folded_id = ui.scope_id().with("story-text-folded");
    let mut folded = ui.data(|d| d.get_temp::<bool>(folded_id).unwrap_or(false));
    ui.label(RichText::new(&story.title).weak());
    ui.horizontal_wrapped(|ui| {
        let back = progress.step > 0;
        verbs::button_if(ui, state, Verb::PreviousStep, "◀ Previous", back, out);
        ui.label(if progress.step < total {
            format!("Step {} of {total}", progress.step + 1)
        } else {
            "Discussion".to_string()
        });
        let more = progress.step < total;
        verbs::button_if(ui, state, Verb::NextStep, "Next ▶", more, out);
        let fold_text = if folded { "Show text" } else { "Hide text" };
        if ui
            .button(fold_text)
            .on_hover_text("Fold the card to see more of the network")
            .clicked()
        {
            folded = !folded;
        }
        let presenter = egui::Button::new("Presenter").selected(state.view.presenter);
        if ui
            .add(presenter)
            .on_hover_text(Verb::PresenterView.hint_with_keys(ui.ctx()))
            .clicked()
        {
            out.push(Command::Run(Verb::PresenterView));
        }
        let close = ui.button("✕ Close story").on_hover_text(format!(
            "Close the story ({})",
            Verb::Escape.keys_text(ui.ctx()).unwrap_or_default()
        ));
        if close.clicked() {
            out.push(Command::StopStory);
        }
    });
    ui.data_mut(|d| d.insert_temp(folded_id, folded));
    let controls = ui.cursor().top() - top;
    let text = egui::ScrollArea::vertical()
        .id_salt("story-text")
        .auto_shrink([false, true])
        .show(ui, |ui| match step {
            Some(step) => step_text(ui, step, folded, palette),
            None => questions(ui, story),
        });
    controls + text.content_size.y
}

fn body_size(ui: &Ui) -> f32 {
    ui.style().text_styles[&egui::TextStyle::Body].size * 1.15
}

fn step_text(ui: &mut Ui, step: &StoryStep, folded: bool, palette: Palette) {
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
    if !folded {
        ui.label(RichText::new(&step.text).size(body_size(ui)));
    }
}

fn questions(ui: &mut Ui, story: &Story) {
    ui.heading("Questions for discussion");
    for (i, q) in story.questions.iter().enumerate() {
        ui.label(RichText::new(format!("{}. {q}", i + 1)).size(body_size(ui)));
    }
    if story.questions.is_empty() {
        ui.label("The end of the story.");
    }
}
