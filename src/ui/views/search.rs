//! The search box: type-ahead over names, aliases and ids; arrows and Enter; results
//! grouped by kind.

use eframe::egui::{self, Id, Key, Modifiers, Response, RichText, Ui};

use crate::graph::search::{Hit, search};
use crate::model::ActorKind;
use crate::ui::command::{Command, Request, select_and_frame};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::verbs::{Verb, format_shortcut};

use super::kind_swatch;

const MAX_HITS: usize = 40;
/// The result list never shows fewer rows than this before it scrolls.
const MIN_ROWS: f32 = 10.0;

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
    /// The highlight moved (by keyboard or a new query): bring it into view once.
    scroll_to_cursor: bool,
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
        let keys = suggestion_keys(ui, focused, self.hits.len(), &mut self.cursor);
        self.scroll_to_cursor |= keys.moved;
        let label = ui.label("Search");
        let edit = egui::TextEdit::singleline(&mut self.query)
            .id(id)
            .hint_text(search_hint(ui.ctx()))
            .desired_width(260.0)
            // While results show, Tab picks one instead of moving on.
            .lock_focus(!self.hits.is_empty());
        let response = ui.add(edit).labelled_by(label.id);
        let mut chosen = None;
        if keys.tab || enter_pressed(ui, &response) {
            chosen = self.display_order(state).get(self.cursor).copied();
        }
        if ui.input(|i| i.key_pressed(Key::Escape)) && focused {
            self.query.clear();
        }
        let key = (self.query.clone(), state.dataset.generation);
        if self.searched.as_ref() != Some(&key) {
            self.hits = search(&state.dataset.graph, &self.query, MAX_HITS);
            self.cursor = 0;
            self.scroll_to_cursor = true;
            self.searched = Some(key);
        }
        let open = (focused || response.has_focus()) && !self.query.trim().is_empty();
        if open {
            let pos = response.rect.left_bottom() + egui::vec2(0.0, 4.0);
            chosen = chosen.or(self.results(ui.ctx(), pos, state, palette));
        }
        if let Some(i) = chosen
            && let Some(hit) = self.hits.get(i)
        {
            out.extend(select_and_frame(&state.dataset.graph.actor(hit.node).id));
            self.query.clear();
            ui.memory_mut(|m| m.surrender_focus(search_id()));
        }
    }

    /// The result list under the field, grouped by kind; returns a clicked hit. At least ten
    /// rows show; the highlighted row is scrolled into view only after it moved by keyboard,
    /// so scrolling with the wheel is never pulled back.
    fn results(
        &mut self,
        ctx: &egui::Context,
        pos: egui::Pos2,
        state: &AppState,
        palette: Palette,
    ) -> Option<usize> {
        let order = self.display_order(state);
        let scroll = std::mem::take(&mut self.scroll_to_cursor);
        let mut chosen = None;
        egui::Area::new(Id::unique("search-results"))
            .fixed_pos(pos)
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(360.0);
                    if self.hits.is_empty() {
                        ui.label(RichText::new("No actor matches").weak());
                    }
                    let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
                    egui::ScrollArea::vertical()
                        .min_scrolled_height(MIN_ROWS * row)
                        .max_height((MIN_ROWS * row).max(420.0))
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
                                    let row = ui.selectable_label(current, hit.label(&actor.name));
                                    if current && scroll {
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
        chosen
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

/// What the keys did to a suggestion list under a text field.
#[derive(Default)]
pub struct SuggestionKeys {
    /// ↓ or ↑ moved the highlight.
    pub moved: bool,
    /// Tab asked for the highlighted suggestion.
    pub tab: bool,
}

/// Reads ↓, ↑ and Tab for a list of `count` suggestions under a focused field, before the
/// field itself sees them; Enter is read after it with [`enter_pressed`]. The field should
/// `lock_focus(true)` while suggestions show, so Tab stays with it.
pub fn suggestion_keys(ui: &Ui, focused: bool, count: usize, cursor: &mut usize) -> SuggestionKeys {
    let mut keys = SuggestionKeys::default();
    if !focused || count == 0 {
        return keys;
    }
    ui.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            *cursor = (*cursor + 1).min(count - 1);
            keys.moved = true;
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            *cursor = cursor.saturating_sub(1);
            keys.moved = true;
        }
        keys.tab = i.consume_key(Modifiers::NONE, Key::Tab);
    });
    keys
}

/// Whether Enter was pressed in this single-line field (which gives up focus on Enter).
pub fn enter_pressed(ui: &Ui, response: &Response) -> bool {
    response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
}
