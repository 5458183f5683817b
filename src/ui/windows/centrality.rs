//! The centrality table: who sits at the heart of the current view.

use eframe::egui::{self, RichText, Ui};

use crate::graph::search::fold;
use crate::graph::{Centrality, ViewFilter, centrality, degree};
use crate::ui::command::{Command, SaveText, select_and_frame};
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
    Kind,
    Degree,
    Betweenness,
    Closeness,
}

/// What each measure means, for the column headers' tooltips.
const DEGREE_HINT: &str = "Degree: how many relations the actor has in the current view \
    (a link to itself counts twice). The simplest measure of how connected it is.";
const BETWEENNESS_HINT: &str = "Betweenness: how often the actor lies on the shortest chains \
    of relations between two others, as a share of all pairs (0–1). High for brokers and \
    bridges between groups.";
const CLOSENESS_HINT: &str = "Closeness: how near the actor is to everyone it can reach — one \
    over its average distance in links, scaled down when it reaches only part of the view \
    (0–1). High for actors a few steps from all the others.";
const KIND_HINT: &str = "What sort of actor it is: a state, a bloc, an envoy post, a company…";

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
                        closeness: 0.0,
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
        let name = |c: &Centrality| fold(&graph.actor(c.node).name);
        rows.sort_by(|a, b| {
            let o = match sort {
                // Case and accents ignored, so "eSafety" sorts among the E's.
                SortBy::Name => name(a).cmp(&name(b)),
                SortBy::Kind => {
                    let kind = |c: &Centrality| graph.actor(c.node).kind.label();
                    kind(a).cmp(kind(b)).then_with(|| name(a).cmp(&name(b)))
                }
                SortBy::Degree => a.degree.cmp(&b.degree),
                SortBy::Betweenness => a.betweenness.total_cmp(&b.betweenness),
                SortBy::Closeness => a.closeness.total_cmp(&b.closeness),
            };
            if descending { o.reverse() } else { o }
        });
        rows
    }

    /// A column header: a button that sorts by it (again: reverses), with its tooltip.
    fn header(&mut self, ui: &mut Ui, label: &str, which: SortBy, hint: &str) {
        let arrow = if self.sort == which {
            if self.descending { " ↓" } else { " ↑" }
        } else {
            ""
        };
        let button = ui.button(RichText::new(format!("{label}{arrow}")).strong());
        if button.on_hover_text(hint).clicked() {
            if self.sort == which {
                self.descending = !self.descending;
            } else {
                self.sort = which;
                self.descending = !matches!(which, SortBy::Name | SortBy::Kind);
            }
        }
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
        if ui
            .button("Export as CSV…")
            .on_hover_text("Save this table, in this order, as a spreadsheet file")
            .clicked()
        {
            out.push(csv_command(state, &rows));
        }
        if skipped {
            ui.label(RichText::new(format!("Betweenness and closeness are skipped above {BETWEENNESS_LIMIT} actors; narrow the filter to see them.")).weak());
        }
        egui::ScrollArea::vertical()
            .id_salt("centrality-scroll")
            .show(ui, |ui| {
                egui::Grid::new("centrality")
                    .striped(true)
                    .num_columns(6)
                    .spacing([16.0, 4.0])
                    .show(ui, |ui| {
                        ui.label(RichText::new("#").strong());
                        self.header(ui, "Actor", SortBy::Name, "The actor's name");
                        self.header(ui, "Kind", SortBy::Kind, KIND_HINT);
                        self.header(ui, "Degree", SortBy::Degree, DEGREE_HINT);
                        self.header(ui, "Betweenness", SortBy::Betweenness, BETWEENNESS_HINT);
                        self.header(ui, "Closeness", SortBy::Closeness, CLOSENESS_HINT);
                        ui.end_row();
                        for (rank, row) in rows.iter().enumerate() {
                            let actor = graph.actor(row.node);
                            ui.label(format!("{}", rank + 1));
                            let selected = state.view.selection.as_ref()
                                == Some(&Selection::Actor(actor.id.clone()));
                            if ui.selectable_label(selected, &actor.name).clicked() {
                                out.extend(select_and_frame(&actor.id));
                            }
                            ui.label(actor.kind.label());
                            ui.label(format!("{}", row.degree));
                            ui.label(format!("{:.4}", row.betweenness));
                            ui.label(format!("{:.4}", row.closeness));
                            ui.end_row();
                        }
                    });
            });
    }
}

/// The table as CSV, in the order shown: rank, id, name, kind and the three measures.
pub fn centrality_csv(state: &AppState, rows: &[Centrality]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "rank",
        "id",
        "name",
        "kind",
        "degree",
        "betweenness",
        "closeness",
    ])?;
    for (rank, row) in rows.iter().enumerate() {
        let actor = state.dataset.graph.actor(row.node);
        writer.write_record([
            (rank + 1).to_string(),
            actor.id.clone(),
            actor.name.clone(),
            actor.kind.label().to_string(),
            row.degree.to_string(),
            format!("{:.6}", row.betweenness),
            format!("{:.6}", row.closeness),
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The command that saves the table, or a status line saying why it cannot be made.
fn csv_command(state: &AppState, rows: &[Centrality]) -> Command {
    match centrality_csv(state, rows) {
        Ok(contents) => Command::SaveText(SaveText {
            what: "the centrality table".into(),
            name: "atlas-centrality.csv".into(),
            extension: "csv",
            contents,
        }),
        Err(e) => Command::Status(format!(
            "The centrality table could not be written as CSV: {e}"
        )),
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
        [620.0, 520.0]
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, _palette: Palette, out: &mut Vec<Command>) {
        self.table(ui, state, out);
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}
