//! The search box: type-ahead over names, aliases and ids; arrows and Enter; results
//! grouped by kind.

use eframe::egui::{self, Id, Key, Modifiers, RichText, Ui};

use crate::graph::search::{Hit, search};
use crate::model::ActorKind;
use crate::ui::command::{Command, Request, select_and_frame};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::verbs::{Verb, format_shortcut};

use super::kind_swatch;

const MAX_HITS: usize = 40;

pub fn search_id() -> Id {
    Id::unique("atlas-search")
}

#[derive(Default)]
pub struct SearchView {
    pub query: String,
    hits: Vec<Hit>,
    /// Index into `hits` in display (grouped) order.
    cursor: usize,
    searched: Option<(String, u64)>,
}

impl SearchView {
    /// Hits in display order: grouped by kind family, best first within a group.
    fn ordered(&self, state: &AppState) -> Vec<(ActorKind, Vec<usize>)> {
        let mut groups: Vec<(ActorKind, Vec<usize>)> = Vec::new();
        for (i, h) in self.hits.iter().enumerate() {
            let family = state.dataset.graph.actor(h.node).kind.family();
            match groups.iter_mut().find(|(k, _)| *k == family) {
                Some((_, list)) => list.push(i),
                None => groups.push((family, vec![i])),
            }
        }
        groups
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
        let id = search_id();
        if state.requests.contains(&Request::FocusSearch) {
            ui.memory_mut(|m| m.request_focus(id));
        }
        let focused = ui.memory(|m| m.has_focus(id));
        let mut chosen = None;
        if focused && !self.hits.is_empty() {
            ui.input_mut(|i| {
                if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                    self.cursor = (self.cursor + 1).min(self.hits.len() - 1);
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    self.cursor = self.cursor.saturating_sub(1);
                }
            });
        }
        let label = ui.label("Search");
        let edit = egui::TextEdit::singleline(&mut self.query)
            .id(id)
            .hint_text(search_hint(ui.ctx()))
            .desired_width(260.0);
        let response = ui.add(edit).labelled_by(label.id);
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            chosen = self.display_order(state).get(self.cursor).copied();
        }
        if ui.input(|i| i.key_pressed(Key::Escape)) && focused {
            self.query.clear();
        }
        let key = (self.query.clone(), state.dataset.generation);
        if self.searched.as_ref() != Some(&key) {
            self.hits = search(&state.dataset.graph, &self.query, MAX_HITS);
            self.cursor = 0;
            self.searched = Some(key);
        }
        let open = (focused || response.has_focus()) && !self.query.trim().is_empty();
        if open {
            let order = self.display_order(state);
            egui::Area::new(Id::unique("search-results"))
                .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
                .order(egui::Order::Foreground)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_min_width(360.0);
                        if self.hits.is_empty() {
                            ui.label(RichText::new("No actor matches").weak());
                        }
                        egui::ScrollArea::vertical()
                            .max_height(420.0)
                            .show(ui, |ui| {
                                for (kind, list) in self.ordered(state) {
                                    ui.horizontal(|ui| {
                                        kind_swatch(ui, palette.kind(kind));
                                        ui.label(RichText::new(kind.label()).small().strong());
                                    });
                                    for i in list {
                                        let hit = &self.hits[i];
                                        let actor = state.dataset.graph.actor(hit.node);
                                        let current = order.get(self.cursor) == Some(&i);
                                        let text = if hit.matched == actor.name {
                                            actor.name.clone()
                                        } else {
                                            format!("{}  ({})", actor.name, hit.matched)
                                        };
                                        let row = ui.selectable_label(current, text);
                                        if current {
                                            row.scroll_to_me(None);
                                        }
                                        if row.clicked() {
                                            chosen = Some(i);
                                        }
                                    }
                                }
                            });
                    });
                });
        }
        if let Some(i) = chosen
            && let Some(hit) = self.hits.get(i)
        {
            out.extend(select_and_frame(&state.dataset.graph.actor(hit.node).id));
            self.query.clear();
            ui.memory_mut(|m| m.surrender_focus(search_id()));
        }
    }

    fn display_order(&self, state: &AppState) -> Vec<usize> {
        self.ordered(state)
            .into_iter()
            .flat_map(|(_, l)| l)
            .collect()
    }
}

/// The field's placeholder, naming the search shortcuts as this platform writes them.
fn search_hint(ctx: &egui::Context) -> String {
    let keys: Vec<String> = Verb::Search
        .shortcuts()
        .iter()
        .map(|k| format_shortcut(ctx, k))
        .collect();
    format!("actor, alias or id  ({})", keys.join(" or "))
}
