//! The record editor: the form of one record (new or existing) or the question before a
//! deletion. It opens on a [`Request::EditRecord`]; Apply sends the checked edit as a command.

use eframe::egui::{self, RichText, Ui};

use crate::edit::{Edit, List, Record};
use crate::model::Atlas;
use crate::ui::command::{Command, Request};
use crate::ui::edit::fields::{FieldCtx, FieldErrors};
use crate::ui::edit::finder::Finder;
use crate::ui::edit::small_forms::MetaDraft;
use crate::ui::edit::targets::EditTarget;
use crate::ui::edit::{Draft, Form, Place};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::view_state::Selection;

use super::{AtlasWindow, RECORD_EDITOR};

/// A deletion waiting for the user's yes.
pub struct Confirm {
    pub what: String,
    pub consequences: Vec<String>,
    pub edit: Edit,
}

/// The record editor's state: at most one form or one question at a time.
#[derive(Default)]
pub struct RecordEditor {
    pub form: Option<Form>,
    pub confirm: Option<Confirm>,
    /// Why the last request could not open (a record that no longer exists).
    pub problem: Option<String>,
    /// Shown when neither a form nor a question is.
    pub finder: Finder,
}

impl RecordEditor {
    /// Opens what the request asks for, replacing any form still open.
    pub fn open(&mut self, target: &EditTarget, atlas: &Atlas, out: &mut Vec<Command>) {
        self.form = None;
        self.confirm = None;
        self.problem = None;
        let new = |record: &Record| {
            Draft::of(record).map(|draft| Form {
                place: Place::New,
                draft,
                errors: FieldErrors::default(),
                opened: None,
            })
        };
        match target {
            EditTarget::Blank(kind) => {
                self.form = new(&kind.blank());
                // A date is a fact: a new event's is the user's to give, not a default.
                if let Some(Form {
                    draft: Draft::Event(event),
                    ..
                }) = &mut self.form
                {
                    event.date.clear();
                }
            }
            EditTarget::New(record) => self.form = new(record),
            EditTarget::Meta => {
                self.form = Some(Form {
                    place: Place::Meta,
                    draft: Draft::Meta(MetaDraft(atlas.meta.clone())),
                    errors: FieldErrors::default(),
                    opened: None,
                });
            }
            EditTarget::Existing(List::Stories, index) => {
                out.push(Command::EditStory(Some(*index)));
                out.push(Command::SetWindowOpen(RECORD_EDITOR, false));
            }
            EditTarget::Existing(list, index) => {
                self.form = list
                    .get(atlas, *index)
                    .and_then(|r| Draft::of(&r))
                    .map(|draft| Form {
                        place: Place::At(*list, *index),
                        opened: Some(draft.clone()),
                        draft,
                        errors: FieldErrors::default(),
                    });
                if self.form.is_none() {
                    self.problem = Some("That record no longer exists.".into());
                }
            }
            EditTarget::Delete(list, index) => self.ask_delete(atlas, *list, *index),
            EditTarget::Find => {}
        }
    }

    fn ask_delete(&mut self, atlas: &Atlas, list: List, index: usize) {
        let what = list.get(atlas, index).map(|r| r.describe(atlas));
        match (what, Edit::remove(atlas, list, index)) {
            (Some(what), Ok(edit)) => {
                self.confirm = Some(Confirm {
                    what,
                    consequences: edit.consequences(),
                    edit,
                })
            }
            (_, Err(e)) => self.problem = Some(e.to_string()),
            (None, _) => self.problem = Some("That record no longer exists.".into()),
        }
    }

    fn confirm_ui(&mut self, ui: &mut Ui, palette: Palette, out: &mut Vec<Command>) {
        let Some(confirm) = &self.confirm else {
            return;
        };
        ui.heading(format!("Delete {}?", confirm.what));
        for line in &confirm.consequences {
            ui.label(RichText::new(line).color(palette.warning()));
        }
        ui.label("Edit → Undo brings it all back.");
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button("Delete").clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
        let Some(delete) = answer else {
            return;
        };
        if let Some(confirm) = self.confirm.take()
            && delete
        {
            out.push(Command::ApplyEdit(Box::new(confirm.edit)));
        }
        out.push(Command::SetWindowOpen(RECORD_EDITOR, false));
    }

    fn form_ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
        let graph = &state.dataset.graph;
        let atlas = graph.atlas();
        let Some(form) = &mut self.form else {
            return;
        };
        ui.heading(form.heading(atlas));
        for message in form.errors.elsewhere(form.draft.fields()) {
            ui.label(RichText::new(format!("⚠ {message}")).color(palette.error()));
        }
        let max_height = super::room_for_fields(ui);
        let Form { draft, errors, .. } = form;
        egui::ScrollArea::vertical()
            .max_height(max_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let f = FieldCtx { errors, palette };
                draft.ui(ui, &f, graph);
            });
        ui.separator();
        let mut apply = false;
        let mut close = false;
        ui.horizontal(|ui| {
            apply = ui
                .button("Apply")
                .on_hover_text("Check and make this edit")
                .clicked();
            close = ui.button("Cancel").clicked();
            if let Place::At(list, index) = form.place
                && ui.button("Delete…").clicked()
            {
                out.push(Command::EditRecord(EditTarget::Delete(list, index)));
            }
        });
        if apply {
            match form.edit(atlas) {
                Ok(edit) => {
                    out.push(Command::ApplyEdit(Box::new(edit)));
                    out.extend(select_built(&form.draft));
                    close = true;
                }
                Err(errors) => form.errors = errors,
            }
        }
        if close {
            self.form = None;
            out.push(Command::SetWindowOpen(RECORD_EDITOR, false));
        }
    }
}

/// After an actor or an event is applied, it is selected (and an actor framed), so the user
/// sees it at once.
fn select_built(draft: &Draft) -> Vec<Command> {
    match (draft, draft.build()) {
        (Draft::Actor(_), Ok(crate::ui::edit::Built::Record(Record::Actor(a)))) => {
            crate::ui::command::select_and_frame(&a.id).to_vec()
        }
        (Draft::Event(_), Ok(crate::ui::edit::Built::Record(Record::Event(e)))) => {
            vec![Command::Select(Selection::Event(e.id))]
        }
        _ => Vec::new(),
    }
}

impl AtlasWindow for RecordEditor {
    fn name(&self) -> &'static str {
        RECORD_EDITOR
    }

    fn title(&self) -> &'static str {
        "Edit"
    }

    fn default_size(&self) -> [f32; 2] {
        [480.0, 520.0]
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
        for request in &state.requests {
            if let Request::EditRecord(target) = request {
                self.open(target, state.dataset.graph.atlas(), out);
            }
        }
        if let Some(problem) = &self.problem {
            ui.label(RichText::new(problem).color(palette.warning()));
        }
        if self.confirm.is_some() {
            self.confirm_ui(ui, palette, out);
        } else if self.form.is_some() {
            self.form_ui(ui, state, palette, out);
        } else if let Some(target) = self.finder.ui(ui, &state.dataset.graph) {
            self.open(&target, state.dataset.graph.atlas(), out);
        }
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
