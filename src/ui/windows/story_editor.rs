//! The story editor: author a story in place. Steps are added from the current view (the
//! selection, the date, network or map), edited, reordered and deleted; questions and speaker
//! notes written; Apply makes it one undoable edit, and Preview plays it.

use eframe::egui::{self, RichText, Ui};

use crate::edit::{self, Edit, List, Record};
use crate::graph::AtlasGraph;
use crate::ui::command::{Command, Request};
use crate::ui::edit::fields::{FieldCtx, FieldErrors};
use crate::ui::edit::pickers::RefKind;
use crate::ui::edit::place_errors;
use crate::ui::edit::story_draft::{StepDraft, StoryDraft};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;

use super::{AtlasWindow, STORY_EDITOR};

/// The story being authored.
#[derive(Default)]
pub struct StoryEditor {
    /// The story's index in the atlas; none until a new story is first applied.
    pub story: Option<usize>,
    pub draft: StoryDraft,
    pub errors: FieldErrors,
    /// The story as the editor last read or wrote it, to notice when an undo or another
    /// dataset changed it (or put another story at its index) meanwhile.
    pub opened: Option<StoryDraft>,
}

/// What the user asked for at the bottom of the editor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Apply,
    Preview,
}

impl StoryEditor {
    /// Opens a story (by index) or a new one.
    pub fn open(&mut self, story: Option<usize>, state: &AppState) {
        let stored = story.and_then(|i| state.dataset.graph.atlas().stories.get(i));
        self.story = stored.and(story);
        self.draft = stored.map(StoryDraft::of).unwrap_or_default();
        self.opened = stored.map(StoryDraft::of);
        self.errors = FieldErrors::default();
    }

    fn chooser(&mut self, ui: &mut Ui, state: &AppState) {
        let stories = &state.dataset.graph.atlas().stories;
        let current = self
            .story
            .and_then(|i| stories.get(i))
            .map_or("A new story".to_string(), |s| s.title.clone());
        let mut pick = None;
        egui::ComboBox::from_label("Story")
            .selected_text(current)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(self.story.is_none(), "A new story")
                    .clicked()
                {
                    pick = Some(None);
                }
                for (i, s) in stories.iter().enumerate() {
                    if ui
                        .selectable_label(self.story == Some(i), &s.title)
                        .clicked()
                    {
                        pick = Some(Some(i));
                    }
                }
            });
        if let Some(story) = pick {
            self.open(story, state);
        }
    }

    fn steps_ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph) {
        let count = self.draft.steps.len();
        let mut moved = None;
        let mut removed = None;
        for (i, step) in self.draft.steps.iter_mut().enumerate() {
            ui.push_id(("step", i), |ui| {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.strong(format!("Step {}", i + 1));
                        if ui
                            .add_enabled(i > 0, egui::Button::new("↑"))
                            .on_hover_text("Move up")
                            .clicked()
                        {
                            moved = Some((i, -1));
                        }
                        let down = egui::Button::new("↓");
                        if ui
                            .add_enabled(i + 1 < count, down)
                            .on_hover_text("Move down")
                            .clicked()
                        {
                            moved = Some((i, 1));
                        }
                        if ui.button("Delete step").clicked() {
                            removed = Some(i);
                        }
                    });
                    step_ui(ui, f, graph, step);
                });
            });
        }
        if let Some((i, delta)) = moved {
            self.draft.move_step(i, delta);
        }
        if let Some(i) = removed {
            self.draft.steps.remove(i);
        }
    }

    /// Checks the story and sends it as an edit; then, for a preview, plays it.
    fn act(&mut self, action: Action, state: &AppState, out: &mut Vec<Command>) {
        let atlas = state.dataset.graph.atlas();
        let stored = self.story.and_then(|i| atlas.stories.get(i));
        if self.story.is_some() && stored.map(StoryDraft::of) != self.opened {
            self.errors = FieldErrors::default();
            self.errors.add(
                "",
                "This story changed since the editor opened it (an undo, or another dataset). \
                 Choose it again in the Story menu above.",
            );
            return;
        }
        let unchanged = stored.is_some_and(|s| StoryDraft::of(s) == self.draft);
        let index = self.story.unwrap_or(atlas.stories.len());
        if !unchanged {
            let story = match self.draft.build() {
                Ok(story) => story,
                Err(errors) => {
                    self.errors = errors;
                    return;
                }
            };
            let written = StoryDraft::of(&story);
            let record = Record::Story(story);
            let edit = match self.story {
                Some(i) => Edit::replace(atlas, List::Stories, i, record),
                None => Ok(Edit::add(atlas, record)),
            };
            let edit = match edit {
                Ok(edit) => edit,
                Err(e) => {
                    self.errors = FieldErrors::default();
                    self.errors.add("", e.to_string());
                    return;
                }
            };
            let problems = edit::check(atlas, &edit);
            if !problems.is_empty() {
                self.errors = place_errors(problems, Some((List::Stories, index)));
                return;
            }
            self.errors = FieldErrors::default();
            out.push(Command::ApplyEdit(Box::new(edit)));
            self.story = Some(index);
            self.opened = Some(written);
        }
        if action == Action::Preview {
            out.push(Command::StartStory(index));
        }
    }
}

fn step_ui(ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph, step: &mut StepDraft) {
    f.text(ui, "Step title", "", &mut step.title, "");
    f.multiline(ui, "Step text", "", &mut step.text);
    f.refs(ui, graph, ("Focus", ""), RefKind::Actor, &mut step.focus);
    f.date(ui, "Date", "", &mut step.date, true);
    ui.checkbox(&mut step.map, "Show the map at this step");
    f.multiline(ui, "Speaker notes", "", &mut step.notes);
}

impl AtlasWindow for StoryEditor {
    fn name(&self) -> &'static str {
        STORY_EDITOR
    }

    fn title(&self) -> &'static str {
        "Story editor"
    }

    fn default_size(&self) -> [f32; 2] {
        [480.0, 540.0]
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
        for request in &state.requests {
            if let Request::EditStory(story) = request {
                self.open(*story, state);
            }
        }
        self.chooser(ui, state);
        for message in self
            .errors
            .elsewhere(&["title", "id", "summary", "steps", "questions"])
        {
            ui.label(RichText::new(format!("⚠ {message}")).color(palette.error()));
        }
        let graph = std::sync::Arc::clone(&state.dataset.graph);
        let max_height = super::room_for_fields(ui);
        let errors = std::mem::take(&mut self.errors);
        egui::ScrollArea::vertical()
            .max_height(max_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let f = FieldCtx {
                    errors: &errors,
                    palette,
                };
                let d = &mut self.draft;
                f.text(ui, "Story title", "title", &mut d.title, "");
                f.text(ui, "Id", "id", &mut d.id, "made from the title when empty");
                f.multiline(ui, "Summary", "summary", &mut d.summary);
                ui.separator();
                f.problems(ui, "steps");
                self.steps_ui(ui, &f, &graph);
                let add = ui
                    .button("Add step from the current view")
                    .on_hover_text("The selection as focus, the as-of date, and network or map");
                if add.clicked() {
                    self.draft.steps.push(StepDraft::from_view(state));
                }
                ui.separator();
                f.strings(ui, "Questions", "questions", &mut self.draft.questions);
            });
        self.errors = errors;
        ui.separator();
        let mut action = None;
        ui.horizontal(|ui| {
            if ui
                .button("Apply story")
                .on_hover_text("Check and save it in the atlas (undoable)")
                .clicked()
            {
                action = Some(Action::Apply);
            }
            if ui
                .button("Preview")
                .on_hover_text("Apply, then play the story")
                .clicked()
            {
                action = Some(Action::Preview);
            }
            if let Some(i) = self.story
                && ui.button("Delete story…").clicked()
            {
                out.push(Command::EditRecord(crate::ui::edit::EditTarget::Delete(
                    List::Stories,
                    i,
                )));
            }
        });
        if let Some(action) = action {
            self.act(action, state, out);
        }
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
