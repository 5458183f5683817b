//! The Edit menu (undo and redo by the edit's name, New…, edit and delete the selection) and
//! the network's context menu on a node.

use eframe::egui::{self, Ui};

use crate::edit::List;
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::verbs::{Verb, menu_item};
use crate::ui::view_state::Selection;

use super::targets::{EditTarget, NewKind, relation_from};

/// The Edit menu of the menu bar.
pub fn edit_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let history = &state.dataset.history;
    named_item(ui, state, Verb::Undo, history.undo_label(), out);
    named_item(ui, state, Verb::Redo, history.redo_label(), out);
    ui.separator();
    ui.menu_button("New", |ui| {
        for kind in NewKind::ALL {
            menu_item(ui, state, Verb::New(kind), out);
        }
    });
    menu_item(ui, state, Verb::EditSelection, out);
    menu_item(ui, state, Verb::DeleteSelection, out);
    menu_item(ui, state, Verb::FindRecord, out);
    ui.separator();
    menu_item(ui, state, Verb::StoryEditor, out);
    menu_item(ui, state, Verb::EditMeta, out);
}

/// "Undo: add relation Japan → Quad": a verb's menu entry that names what it acts on.
pub fn undo_text(verb: Verb, label: Option<&str>) -> String {
    match label {
        Some(label) => format!("{}: {label}", verb.label()),
        None => verb.label().to_string(),
    }
}

fn named_item(
    ui: &mut Ui,
    state: &AppState,
    verb: Verb,
    label: Option<&str>,
    out: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(undo_text(verb, label));
    if let Some(keys) = verb.keys_text(ui.ctx()) {
        button = button.shortcut_text(keys);
    }
    let response = ui
        .add_enabled(verb.enabled(state), button)
        .on_hover_text(verb.hint());
    if response.clicked() {
        out.push(Command::Run(verb));
        ui.close();
    }
}

/// The network's context menu: on an actor, edit it, start a relation from it or delete it;
/// on the background, add an actor.
pub fn node_menu(ui: &mut Ui, state: &AppState, actor: Option<&str>, out: &mut Vec<Command>) {
    let atlas = state.dataset.graph.atlas();
    let index = actor.and_then(|id| atlas.actors.iter().position(|a| a.id == id));
    let (Some(id), Some(index)) = (actor, index) else {
        menu_item(ui, state, Verb::New(NewKind::Actor), out);
        return;
    };
    ui.label(egui::RichText::new(&atlas.actors[index].name).strong());
    let mut item = |ui: &mut Ui, text: &str, commands: Vec<Command>| {
        if ui.button(text).clicked() {
            out.extend(commands);
            ui.close();
        }
    };
    let select = Command::Select(Selection::Actor(id.to_string()));
    item(
        ui,
        "Edit…",
        vec![
            select.clone(),
            Command::EditRecord(EditTarget::Existing(List::Actors, index)),
        ],
    );
    let relation = crate::edit::Record::Relation(relation_from(id));
    item(
        ui,
        "New relation from here…",
        vec![Command::EditRecord(EditTarget::New(Box::new(relation)))],
    );
    item(
        ui,
        "Delete…",
        vec![
            select,
            Command::EditRecord(EditTarget::Delete(List::Actors, index)),
        ],
    );
}

/// The timeline's context menu: a new event on the day under the pointer.
pub fn timeline_menu(
    response: &egui_plot::PlotResponse<()>,
    clicked_year: &mut Option<f64>,
    out: &mut Vec<Command>,
) {
    let r = &response.response;
    if r.secondary_clicked() {
        *clicked_year = r
            .interact_pointer_pos()
            .map(|p| response.transform.value_from_position(p).x);
    }
    let Some(year) = *clicked_year else {
        return;
    };
    r.context_menu(|ui| {
        let date = crate::model::PartialDate::from_year_fraction(year);
        if ui.button(format!("New event on {date}…")).clicked() {
            let event = crate::edit::Record::Event(super::targets::event_on(date));
            out.push(Command::EditRecord(EditTarget::New(Box::new(event))));
            ui.close();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_entries_name_the_edit() {
        assert_eq!(
            undo_text(Verb::Undo, Some("add relation Japan → Quad")),
            "Undo: add relation Japan → Quad"
        );
        assert_eq!(undo_text(Verb::Redo, None), "Redo");
    }
}
