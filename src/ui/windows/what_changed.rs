//! "What changed between two dates": dates A and B, the changes grouped and clickable, marked
//! in the network while the window is open, and saved as CSV or Markdown.

use eframe::egui::{self, RichText, Ui};

use crate::graph::{Changes, Day, diff_in};
use crate::io::{ChangeRow, Group, change_rows};
use crate::model::PartialDate;
use crate::ui::command::{Command, Request, select_and_frame};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::view_state::Selection;

use super::{AtlasWindow, WHAT_CHANGED};

/// The two date fields, and the changes for them, recomputed when a date, the dataset or the
/// filters change.
#[derive(Default)]
pub struct WhatChangedWindow {
    from: String,
    to: String,
    cache: Option<(CacheKey, Result<Changes, String>)>,
}

type CacheKey = (u64, String, String, crate::graph::ViewFilter);

/// A date field as a cursor day, or why not.
fn parse(text: &str, which: &str) -> Result<Day, String> {
    text.trim()
        .parse::<PartialDate>()
        .map(Day::cursor)
        .map_err(|e| format!("{which}: {e}"))
}

impl WhatChangedWindow {
    /// Sets both dates (tests, and the first time the window opens).
    pub fn set_dates(&mut self, from: &str, to: &str) {
        self.from = from.to_string();
        self.to = to.to_string();
    }

    /// Dates A and B as typed (or set by a range dragged on the timeline).
    pub fn dates(&self) -> (&str, &str) {
        (&self.from, &self.to)
    }

    /// The changes for the current dates and filters.
    pub fn changes(&mut self, state: &AppState) -> Result<Changes, String> {
        let key: CacheKey = (
            state.dataset.generation,
            self.from.clone(),
            self.to.clone(),
            state.prefs.filter.timeless(),
        );
        if self.cache.as_ref().map(|(k, _)| k) != Some(&key) {
            let result = parse(&self.from, "A").and_then(|a| {
                let b = parse(&self.to, "B")?;
                if a > b {
                    return Err(format!("A ({a}) is after B ({b})"));
                }
                let within = &state.view.structural;
                Ok(diff_in(&state.dataset.graph, a, b, Some(within)))
            });
            self.cache = Some((key, result));
        }
        match &self.cache {
            Some((_, result)) => result.clone(),
            None => Ok(Changes::default()),
        }
    }

    fn default_dates(&mut self, state: &AppState) {
        if !self.from.is_empty() || !self.to.is_empty() {
            return;
        }
        let (_, hi) = state.time_range();
        let to = state.as_of().unwrap_or(hi - 1.0);
        let day = |t: f64| PartialDate::from_year_fraction(t).year_value().to_string();
        self.set_dates(&day(to - 5.0), &day(to));
    }
}

impl AtlasWindow for WhatChangedWindow {
    fn name(&self) -> &'static str {
        WHAT_CHANGED
    }

    fn title(&self) -> &'static str {
        "What changed"
    }

    fn ui(&mut self, ui: &mut Ui, state: &AppState, _palette: Palette, out: &mut Vec<Command>) {
        for request in &state.requests {
            if let Request::CompareDates(from, to) = request {
                self.set_dates(&from.to_string(), &to.to_string());
            }
        }
        self.default_dates(state);
        ui.horizontal(|ui| {
            ui.label("After");
            ui.add(egui::TextEdit::singleline(&mut self.from).desired_width(90.0))
                .on_hover_text("Date A: a year, month or day; a year means its last day");
            ui.label("up to");
            ui.add(egui::TextEdit::singleline(&mut self.to).desired_width(90.0))
                .on_hover_text("Date B, included");
        });
        let changes = match self.changes(state) {
            Ok(changes) => changes,
            Err(message) => {
                ui.colored_label(ui.visuals().warn_fg_color, message);
                return;
            }
        };
        if state.view.changes.as_deref() != Some(&changes) {
            out.push(Command::ShowChanges(Some(Box::new(changes.clone()))));
        }
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{} changes", changes.len())).strong());
            if ui.button("Save as CSV…").clicked() {
                out.push(Command::ExportChanges {
                    changes: Box::new(changes.clone()),
                    markdown: false,
                });
            }
            if ui.button("Save as Markdown…").clicked() {
                out.push(Command::ExportChanges {
                    changes: Box::new(changes.clone()),
                    markdown: true,
                });
            }
        });
        ui.label(
            RichText::new(
                "In the network: added in the highlight colour, ended as ghosts. \
                 Shift+drag across the timeline to pick both dates.",
            )
            .small()
            .weak(),
        );
        let rows = change_rows(&state.dataset.graph, &changes);
        egui::ScrollArea::vertical().show(ui, |ui| {
            for group in Group::ALL {
                group_ui(ui, group, &rows, &changes, out);
            }
        });
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// One group: a heading with its count, then a clickable line per change.
fn group_ui(
    ui: &mut Ui,
    group: Group,
    rows: &[ChangeRow],
    changes: &Changes,
    out: &mut Vec<Command>,
) {
    let in_group: Vec<(usize, &ChangeRow)> = rows
        .iter()
        .filter(|r| r.group == group)
        .enumerate()
        .collect();
    let title = format!("{} ({})", group.title(), in_group.len());
    egui::CollapsingHeader::new(title)
        .id_salt(("what-changed", group.key()))
        .default_open(!in_group.is_empty() && in_group.len() <= 20)
        .show(ui, |ui| {
            for (k, row) in in_group {
                let undated = if row.undated { " (undated)" } else { "" };
                let text = format!("{}{undated}  {}", row.date, row.what);
                if ui.link(text).on_hover_text(&row.detail).clicked() {
                    out.extend(select(group, k, row, changes));
                }
            }
        });
}

/// What clicking a change selects: the actor, relation, post or event.
fn select(group: Group, k: usize, row: &ChangeRow, changes: &Changes) -> Vec<Command> {
    let relation = |list: &[usize]| {
        list.get(k)
            .map(|&i| Command::Select(Selection::Relation(i)))
    };
    match group {
        Group::RelationsBegun => relation(&changes.relations_begun).into_iter().collect(),
        Group::RelationsEnded => relation(&changes.relations_ended).into_iter().collect(),
        Group::Events => vec![Command::Select(Selection::Event(row.id.clone()))],
        _ => select_and_frame(&row.id).to_vec(),
    }
}
