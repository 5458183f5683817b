//! The centrality table: who sits at the heart of the current view.

use eframe::egui::{self, RichText, Ui};

use crate::graph::search::fold;
use crate::graph::{Centrality, ViewFilter, centrality, degree};
use crate::ui::command::{Command, select_and_frame};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::view_state::Selection;

use super::AtlasWindow;

/// Above this many visible actors betweenness (O(V·E)) would stall the window; the table then
/// shows degree only and says so.
const BETWEENNESS_LIMIT: usize = 3000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Degree,
    Betweenness,
}

pub struct CentralityWindow {
    sort: SortBy,
    descending: bool,
    cache: Option<((u64, ViewFilter), Vec<Centrality>)>,
}

impl Default for CentralityWindow {
    fn default() -> Self {
        Self {
            sort: SortBy::Betweenness,
            descending: true,
            cache: None,
        }
    }
}

impl CentralityWindow {
    /// Rows for the current view, recomputed only when the dataset or filter changes.
    pub fn rows(&mut self, state: &AppState) -> &[Centrality] {
        let key = (state.dataset.generation, state.prefs.filter.clone());
        if self.cache.as_ref().map(|(k, _)| k) != Some(&key) {
            let rows = if state.view.visible.node_count() <= BETWEENNESS_LIMIT {
                centrality(&state.dataset.graph, &state.view.visible)
            } else {
                let deg = degree(&state.dataset.graph, &state.view.visible);
                let n = (state.view.visible.node_count().max(2) - 1) as f64;
                state
                    .dataset
                    .graph
                    .nodes()
                    .filter(|v| state.view.visible.nodes[v.index()])
                    .map(|node| Centrality {
                        node,
                        degree: deg[node.index()],
                        degree_norm: deg[node.index()] as f64 / n,
                        betweenness: 0.0,
                    })
                    .collect()
            };
            self.cache = Some((key, rows));
        }
        self.cache
            .as_ref()
            .map(|(_, r)| r.as_slice())
            .unwrap_or(&[])
    }

    /// The rows in the order the table shows them.
    pub fn sorted_rows(&mut self, state: &AppState) -> Vec<Centrality> {
        let (sort, descending) = (self.sort, self.descending);
        let mut rows: Vec<Centrality> = self.rows(state).to_vec();
        let graph = &state.dataset.graph;
        rows.sort_by(|a, b| {
            let o = match sort {
                SortBy::Name => {
                    fold(&graph.actor(a.node).name).cmp(&fold(&graph.actor(b.node).name))
                }
                SortBy::Degree => a.degree.cmp(&b.degree),
                SortBy::Betweenness => a.betweenness.total_cmp(&b.betweenness),
            };
            if descending { o.reverse() } else { o }
        });
        rows
    }

    fn table(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let skipped = state.view.visible.node_count() > BETWEENNESS_LIMIT;
        let rows = self.sorted_rows(state);
        let graph = &state.dataset.graph;
        ui.label(
            RichText::new(format!(
                "{} actors in the current filter, region and as-of date. Click a column to sort, a row to select.",
                rows.len()
            ))
            .weak(),
        );
        if skipped {
            ui.label(RichText::new(format!("Betweenness is skipped above {BETWEENNESS_LIMIT} actors; narrow the filter to see it.")).weak());
        }
        let mut header = |ui: &mut Ui, label: &str, which: SortBy| {
            let arrow = if self.sort == which {
                if self.descending { " ↓" } else { " ↑" }
            } else {
                ""
            };
            if ui
                .button(RichText::new(format!("{label}{arrow}")).strong())
                .clicked()
            {
                if self.sort == which {
                    self.descending = !self.descending;
                } else {
                    self.sort = which;
                    self.descending = which != SortBy::Name;
                }
            }
        };
        egui::ScrollArea::vertical()
            .id_salt("centrality-scroll")
            .show(ui, |ui| {
                egui::Grid::new("centrality")
                    .striped(true)
                    .num_columns(4)
                    .spacing([16.0, 4.0])
                    .show(ui, |ui| {
                        ui.label(RichText::new("#").strong());
                        header(ui, "Actor", SortBy::Name);
                        header(ui, "Degree", SortBy::Degree);
                        header(ui, "Betweenness", SortBy::Betweenness);
                        ui.end_row();
                        for (rank, row) in rows.iter().enumerate() {
                            let actor = graph.actor(row.node);
                            ui.label(format!("{}", rank + 1));
                            let selected = state.view.selection.as_ref()
                                == Some(&Selection::Actor(actor.id.clone()));
                            if ui.selectable_label(selected, &actor.name).clicked() {
                                out.extend(select_and_frame(&actor.id));
                            }
                            ui.label(format!("{}", row.degree));
                            ui.label(format!("{:.4}", row.betweenness));
                            ui.end_row();
                        }
                    });
            });
    }
}

impl AtlasWindow for CentralityWindow {
    fn name(&self) -> &'static str {
        super::CENTRALITY
    }

    fn title(&self) -> &'static str {
        "Centrality"
    }

    fn default_size(&self) -> [f32; 2] {
        [460.0, 520.0]
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, _palette: Palette, out: &mut Vec<Command>) {
        self.table(ui, state, out);
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
