//! The path finder: "How is X connected to Y?"

use eframe::egui::{self, RichText, Ui};

use crate::graph::search::search;
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;

use super::AtlasWindow;

#[derive(Default)]
pub struct PathFinder {
    pub from_query: String,
    pub to_query: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A search box that resolves to one actor id.
fn pick(
    ui: &mut Ui,
    state: &AppState,
    label: &str,
    query: &mut String,
    chosen: &mut Option<String>,
) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let response = ui
            .add(
                egui::TextEdit::singleline(query)
                    .desired_width(220.0)
                    .hint_text("type a name"),
            )
            .labelled_by(l.id);
        if response.changed() {
            *chosen = None;
        }
        if let Some(id) = chosen.as_ref().and_then(|id| state.dataset.graph.node(id)) {
            ui.label(RichText::new(format!("✔ {}", state.dataset.graph.actor(id).name)).strong());
        }
    });
    if chosen.is_none() && !query.trim().is_empty() {
        let hits = search(&state.dataset.graph, query, 6);
        ui.indent(label, |ui| {
            for hit in hits {
                let actor = state.dataset.graph.actor(hit.node);
                if ui.selectable_label(false, &actor.name).clicked() {
                    *chosen = Some(actor.id.clone());
                    *query = actor.name.clone();
                }
            }
        });
    }
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
        }
    }
}

impl AtlasWindow for PathFinder {
    fn name(&self) -> &'static str {
        super::PATH_FINDER
    }

    fn title(&self) -> &'static str {
        "How is X connected to Y?"
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, _palette: Palette, out: &mut Vec<Command>) {
        self.form(ui, state, out);
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
