//! Guided stories: a chooser, and the caption shown over the network while one plays.

use eframe::egui::{self, RichText, Ui};

use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::verbs::{self, Verb};

/// The list of stories, for the Stories menu.
pub fn chooser(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let stories = &state.dataset.graph.atlas().stories;
    if stories.is_empty() {
        ui.label("This dataset has no stories.");
    }
    for (i, s) in stories.iter().enumerate() {
        let button = ui.button(&s.title).on_hover_text(&s.summary);
        if button.clicked() {
            out.push(Command::StartStory(i));
            ui.close();
        }
    }
}

/// The caption of the current step (or the closing questions), with Previous/Next.
pub fn caption(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    let (Some(progress), Some((story, _))) = (&state.view.story, state.story()) else {
        return;
    };
    let total = story.steps.len();
    egui::Frame::popup(ui.style())
        .fill(palette.background().gamma_multiply(0.94))
        .inner_margin(egui::Margin::same(14))
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(&story.title).weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let close = ui
                        .button("✕ Close story")
                        .on_hover_text(format!("Close the story ({})", keys(ui, Verb::Escape)));
                    if close.clicked() {
                        out.push(Command::StopStory);
                    }
                    let more = progress.step < total;
                    verbs::button_if(ui, state, Verb::NextStep, "Next ▶", more, out);
                    let shown = (progress.step + 1).min(total);
                    ui.label(if progress.step < total {
                        format!("Step {shown} of {total}")
                    } else {
                        "Discussion".to_string()
                    });
                    let back = progress.step > 0;
                    verbs::button_if(ui, state, Verb::PreviousStep, "◀ Previous", back, out);
                });
            });
            match story.steps.get(progress.step) {
                Some(step) => {
                    ui.heading(&step.title);
                    if let Some(date) = step.date {
                        ui.label(
                            RichText::new(date.to_string())
                                .color(palette.highlight())
                                .strong(),
                        );
                    }
                    ui.label(
                        RichText::new(&step.text)
                            .size(ui.style().text_styles[&egui::TextStyle::Body].size * 1.15),
                    );
                }
                None => {
                    ui.heading("Questions for discussion");
                    for (i, q) in story.questions.iter().enumerate() {
                        ui.label(
                            RichText::new(format!("{}. {q}", i + 1))
                                .size(ui.style().text_styles[&egui::TextStyle::Body].size * 1.15),
                        );
                    }
                    if story.questions.is_empty() {
                        ui.label("The end of the story.");
                    }
                }
            }
        });
}

fn keys(ui: &Ui, verb: Verb) -> String {
    verb.shortcuts()
        .first()
        .map(|k| verbs::format_shortcut(ui.ctx(), k))
        .unwrap_or_default()
}
