//! The toolbar (menus, search, mode buttons) and the status bar.

use eframe::egui::{self, RichText, Ui};

use crate::io::ExportFormat;

use super::actions::{Action, shortcut_text};
use super::command::{Command, Panel};
use super::export::format_label;
use super::state::AppState;
use super::theme::{Palette, ThemeChoice};
use super::views::search::SearchView;
use super::views::stories;

/// A menu entry for an action, showing its shortcut.
fn item(ui: &mut Ui, label: &str, action: Action, picked: &mut Option<Action>) {
    let button = egui::Button::new(label).shortcut_text(shortcut_text(ui.ctx(), action));
    if ui.add(button).clicked() {
        *picked = Some(action);
        ui.close();
    }
}

pub fn toolbar(
    ui: &mut Ui,
    state: &AppState,
    search: &mut SearchView,
    palette: Palette,
    out: &mut Vec<Command>,
    picked: &mut Option<Action>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, "Open dataset…", Action::Open, picked);
            item(ui, "Reload", Action::Reload, picked);
            if ui.button("Open the built-in atlas").clicked() {
                out.push(Command::Open(Default::default()));
                ui.close();
            }
            ui.separator();
            ui.menu_button("Export", |ui| {
                item(
                    ui,
                    "Network as PNG (as on screen)…",
                    Action::ExportPng,
                    picked,
                );
                for format in ExportFormat::ALL {
                    if ui.button(format_label(format)).clicked() {
                        out.push(Command::Export(format));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(ui, "Quit", Action::Quit, picked);
        });
        ui.menu_button("View", |ui| {
            for (label, panel, on, action) in [
                (
                    "Regions panel",
                    Panel::Regions,
                    state.prefs.show_regions,
                    Action::ToggleRegions,
                ),
                (
                    "Details panel",
                    Panel::Details,
                    state.prefs.show_details,
                    Action::ToggleDetails,
                ),
                (
                    "Timeline",
                    Panel::Timeline,
                    state.prefs.show_timeline,
                    Action::ToggleTimeline,
                ),
            ] {
                let button = egui::Button::selectable(on, label)
                    .shortcut_text(shortcut_text(ui.ctx(), action));
                if ui.add(button).clicked() {
                    out.push(Command::TogglePanel(panel));
                }
            }
            ui.separator();
            ui.label("Theme");
            for (label, choice) in [
                ("Follow the system", ThemeChoice::System),
                ("Light", ThemeChoice::Light),
                ("Dark", ThemeChoice::Dark),
            ] {
                if ui.radio(state.prefs.theme == choice, label).clicked() {
                    out.push(Command::SetTheme(choice));
                }
            }
            let mut contrast = state.prefs.high_contrast;
            if ui.checkbox(&mut contrast, "High contrast").changed() {
                out.push(Command::SetHighContrast(contrast));
            }
            ui.separator();
            item(ui, "Presentation mode", Action::Presentation, picked);
            item(ui, "Fit the network", Action::FitNetwork, picked);
        });
        ui.menu_button("Stories", |ui| stories::chooser(ui, state, out));
        ui.menu_button("Tools", |ui| {
            item(ui, "How is X connected to Y?", Action::PathFinder, picked);
            item(ui, "Centrality table", Action::Centrality, picked);
            item(ui, "Glossary", Action::Glossary, picked);
        });
        ui.menu_button("Help", |ui| {
            item(ui, "Keyboard shortcuts", Action::Help, picked);
        });
        ui.separator();
        search.ui(ui, state, palette, out);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let present = if state.presentation {
                "Leave presentation"
            } else {
                "Present"
            };
            if ui
                .button(present)
                .on_hover_text("Full screen, large type (F11)")
                .clicked()
            {
                *picked = Some(Action::Presentation);
            }
            ui.menu_button("▶ Stories", |ui| stories::chooser(ui, state, out))
                .response
                .on_hover_text("Guided stories for workshops");
        });
    });
}

pub fn status_bar(ui: &mut Ui, state: &AppState, loading: bool, palette: Palette) {
    ui.horizontal(|ui| {
        if loading {
            ui.spinner();
            ui.label("Loading…");
            ui.separator();
        }
        ui.label(RichText::new(&state.origin).small());
        ui.separator();
        let atlas = state.graph.atlas();
        ui.label(
            RichText::new(format!(
                "{} actors · {} relations · {} events",
                atlas.actors.len(),
                atlas.relations.len(),
                atlas.events.len()
            ))
            .small(),
        );
        if !state.warnings.is_empty() {
            ui.separator();
            let warn = ui.label(
                RichText::new(format!("⚠ {} warnings", state.warnings.len()))
                    .small()
                    .color(palette.warning()),
            );
            warn.on_hover_ui(|ui| {
                for w in state.warnings.iter().take(30) {
                    ui.label(RichText::new(w.to_string()).small().monospace());
                }
            });
        }
        if let Some(status) = &state.status {
            ui.separator();
            ui.label(RichText::new(status).small());
        }
    });
}
