//! The path finder: "How is X connected to Y?"

use eframe::egui::{self, RichText, Ui};

use crate::graph::relaxed;
use crate::graph::search::search;
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::views::search::{enter_pressed, suggestion_keys};

use super::AtlasWindow;

#[derive(Default)]
pub struct PathFinder {
    pub from_query: String,
    pub to_query: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// How many suggestions a field offers.
const SUGGESTIONS: usize = 6;

/// A search box that resolves to one actor id. Its suggestions are picked with a click, or
/// with ↓/↑ and Enter or Tab.
fn pick(
    ui: &mut Ui,
    state: &AppState,
    label: &str,
    query: &mut String,
    chosen: &mut Option<String>,
) {
    let cursor_id = egui::Id::unique(("path-finder-cursor", label));
    let mut cursor: usize = ui.data(|d| d.get_temp(cursor_id)).unwrap_or_default();
    let hits = if chosen.is_none() && !query.trim().is_empty() {
        search(&state.dataset.graph, query, SUGGESTIONS)
    } else {
        Vec::new()
    };
    cursor = cursor.min(hits.len().saturating_sub(1));
    let mut picked = None;
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let field_id = egui::Id::unique(("path-finder-field", label));
        let focused = ui.memory(|m| m.has_focus(field_id));
        let keys = suggestion_keys(ui, focused, hits.len(), &mut cursor);
        let response = ui
            .add(
                egui::TextEdit::singleline(query)
                    .id(field_id)
                    .desired_width(220.0)
                    .hint_text("type a name")
                    .lock_focus(!hits.is_empty()),
            )
            .labelled_by(l.id);
        if response.changed() {
            *chosen = None;
            cursor = 0;
        } else if keys.tab || enter_pressed(ui, &response) {
            picked = hits.get(cursor);
        }
        if let Some(id) = chosen.as_ref().and_then(|id| state.dataset.graph.node(id)) {
            ui.label(RichText::new(format!("✔ {}", state.dataset.graph.actor(id).name)).strong());
        }
    });
    if picked.is_none() && !hits.is_empty() {
        ui.indent(label, |ui| {
            for (i, hit) in hits.iter().enumerate() {
                let actor = state.dataset.graph.actor(hit.node);
                if ui
                    .selectable_label(i == cursor, hit.label(&actor.name))
                    .clicked()
                {
                    picked = Some(hit);
                }
            }
        });
    }
    if let Some(hit) = picked {
        let actor = state.dataset.graph.actor(hit.node);
        *chosen = Some(actor.id.clone());
        *query = actor.name.clone();
        cursor = 0;
    }
    ui.data_mut(|d| d.insert_temp(cursor_id, cursor));
}

impl PathFinder {
    fn form(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        ui.label(
            RichText::new("Shortest chains of relations, in the current filter and as-of date.")
                .weak(),
        );
        pick(ui, state, "From", &mut self.from_query, &mut self.from);
        pick(ui, state, "To", &mut self.to_query, &mut self.to);
        ui.horizontal(|ui| {
            let ready = self.from.is_some() && self.to.is_some();
            if ui
                .add_enabled(ready, egui::Button::new("Find path"))
                .clicked()
                && let (Some(from), Some(to)) = (&self.from, &self.to)
            {
                out.push(Command::FindPath {
                    from: from.clone(),
                    to: to.clone(),
                });
            }
            if ui
                .add_enabled(!state.view.path.is_empty(), egui::Button::new("Clear"))
                .clicked()
            {
                out.push(Command::ClearPath);
            }
        });
        if !state.view.path.is_empty() {
            ui.separator();
            for line in &state.view.path.text {
                ui.label(RichText::new(line).strong());
            }
            hidden_connection(ui, state, out);
        }
    }
}

/// When filters hide the connection: search the whole atlas, or clear just those filters
/// and search again.
fn hidden_connection(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let path = &state.view.path;
    let Some((from, to)) = path.ends.clone() else {
        return;
    };
    if path.hidden_by.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Search the whole atlas")
            .on_hover_text("Find the path without filters or date; the view stays as it is")
            .clicked()
        {
            out.push(Command::FindPathInWholeAtlas {
                from: from.clone(),
                to: to.clone(),
            });
        }
        let clear = if path.hidden_by.len() == 1 {
            "Clear this filter"
        } else {
            "Clear these filters"
        };
        if ui
            .button(clear)
            .on_hover_text("Remove what hides the connection from the view, and search again")
            .clicked()
        {
            out.push(Command::SetFilter(relaxed(state.filter(), &path.hidden_by)));
            out.push(Command::FindPath { from, to });
        }
    });
}

impl AtlasWindow for PathFinder {
    fn name(&self) -> &'static str {
        super::PATH_FINDER
    }

    fn title(&self) -> &'static str {
        "How is X connected to Y?"
    }

    fn default_size(&self) -> [f32; 2] {
        [400.0, 260.0]
    }

    fn opens_clear_of_selection(&self) -> bool {
        true
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, _palette: Palette, out: &mut Vec<Command>) {
        self.form(ui, state, out);
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
