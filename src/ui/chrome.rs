//! The toolbar (menus, search, mode buttons) and the status bar.

use eframe::egui::{self, RichText, Ui};

use crate::io::ExportFormat;

use super::brief::BriefOf;
use super::command::Command;
use super::state::AppState;
use super::theme::{Palette, ThemeChoice};
use super::verbs::{self, Verb, menu_item};
use super::views::search::SearchView;
use super::views::{self, stories};

pub fn toolbar(
    ui: &mut Ui,
    state: &AppState,
    search: &mut SearchView,
    palette: Palette,
    out: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, state, out));
        ui.menu_button("View", |ui| view_menu(ui, state, out));
        ui.menu_button("Stories", |ui| stories::chooser(ui, state, out));
        ui.menu_button("Tools", |ui| {
            for verb in [
                Verb::PathFinder,
                Verb::Centrality,
                Verb::WhatChanged,
                Verb::Glossary,
            ] {
                menu_item(ui, state, verb, out);
            }
        });
        ui.menu_button("Help", |ui| menu_item(ui, state, Verb::Help, out));
        ui.separator();
        // The right-hand controls go into one "⋯" menu when the window is too narrow for
        // them beside the menus and a usable search field (800×600, presentation's large
        // type): nothing is cut off. Their width is measured as drawn in the last frame.
        let fit_id = egui::Id::unique("toolbar-fit");
        let (full_width, last) = ui
            .data(|d| d.get_temp::<(f32, f32)>(fit_id))
            .unwrap_or((0.0, 0.0));
        let overflow = ui.available_width() < MIN_SEARCH + full_width;
        let reserve = if overflow { last } else { full_width };
        let search_room = (ui.available_width() - reserve - 16.0).max(MIN_SEARCH);
        ui.scope(|ui| {
            ui.set_max_width(search_room);
            search.ui(ui, state, palette, out);
        });
        let right = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let start = ui.cursor().right();
            if overflow {
                overflow_menu(ui, state, out);
            } else {
                right_controls(ui, state, out);
            }
            as_of_chip(ui, state, palette, out);
            start - ui.min_rect().left()
        });
        let drawn = right.inner;
        let full_width = if overflow { full_width } else { drawn };
        ui.data_mut(|d| d.insert_temp(fit_id, (full_width, drawn)));
    });
}

/// The narrowest the search field gets before the toolbar's right-hand controls fold.
const MIN_SEARCH: f32 = 220.0;

/// Presentation, the map/network switch and the stories, right to left.
fn right_controls(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let present = if state.view.presentation {
        "Leave presentation"
    } else {
        "Present"
    };
    verbs::button(ui, state, Verb::Presentation, present, out);
    ui.separator();
    views::map::controls::canvas_switch(ui, state, out);
    ui.separator();
    ui.menu_button("▶ Stories", |ui| stories::chooser(ui, state, out))
        .response
        .on_hover_text("Guided stories for workshops");
}

/// [`right_controls`] folded into one menu for a narrow window.
fn overflow_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    ui.menu_button("⋯", |ui| {
        menu_item(ui, state, Verb::Presentation, out);
        menu_item(ui, state, Verb::ToggleMap, out);
        ui.menu_button("▶ Stories", |ui| stories::chooser(ui, state, out));
    })
    .response
    .on_hover_text("Presentation, map or network, and the stories");
}

/// The date in force, always in sight, so that a date restored at launch is never a silent
/// trap; clicking goes back to today.
fn as_of_chip(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    if let Some(day) = state.filter().as_of_day() {
        let text = RichText::new(format!("As of {day} ✕")).color(palette.highlight());
        let chip = ui
            .button(text)
            .on_hover_text("The view is limited to this date. Click for today.");
        if chip.clicked() {
            out.push(Command::Run(Verb::Today));
        }
    }
    ego_chip(ui, state, palette, out);
}

/// "Ego: Japan, depth 1 ✕" while the view shows only the selection's ego network; clicking
/// shows the whole network again.
fn ego_chip(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    let Some(centre) = state.selected_actor().filter(|_| state.prefs.ego_only) else {
        return;
    };
    let name = &state.dataset.graph.actor(centre).name;
    let depth = state.prefs.ego_depth;
    let text = RichText::new(format!("Ego: {name}, depth {depth} ✕")).color(palette.highlight());
    let chip = ui.button(text).on_hover_text(
        "The network shows only this actor and its neighbours. Click for the whole network.",
    );
    if chip.clicked() {
        out.push(Command::SetEgoOnly(false));
    }
}

fn file_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    for verb in [Verb::Open, Verb::Reload, Verb::OpenEmbedded] {
        menu_item(ui, state, verb, out);
    }
    ui.separator();
    for verb in [Verb::Save, Verb::SaveAs] {
        menu_item(ui, state, verb, out);
    }
    ui.separator();
    ui.menu_button("Export", |ui| {
        for verb in [Verb::ExportPicture, Verb::ExportPng, Verb::ExportPng2x] {
            menu_item(ui, state, verb, out);
        }
        ui.separator();
        ui.label(
            RichText::new("As shown (the date and the filters)")
                .small()
                .weak(),
        );
        for format in verbs::EXPORT_WHOLE {
            menu_item(ui, state, Verb::Export(format), out);
        }
        ui.separator();
        ui.label(
            RichText::new("The whole atlas (every date, no filter)")
                .small()
                .weak(),
        );
        for format in verbs::EXPORT_WHOLE {
            menu_item(ui, state, Verb::ExportWhole(format), out);
        }
        // JSON always holds the whole atlas, so that it loads back.
        menu_item(ui, state, Verb::Export(ExportFormat::Json), out);
    });
    for of in BriefOf::ALL {
        menu_item(ui, state, Verb::Brief(of), out);
    }
    ui.separator();
    menu_item(ui, state, Verb::Quit, out);
}

fn view_menu(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    for (verb, on) in [
        (Verb::ToggleRegions, state.prefs.show_regions),
        (Verb::ToggleDetails, state.prefs.show_details),
        (Verb::ToggleTimeline, state.prefs.show_timeline),
    ] {
        let keys = verb.keys_text(ui.ctx()).unwrap_or_default();
        let button = egui::Button::selectable(on, verb.label()).shortcut_text(keys);
        if ui.add(button).on_hover_text(verb.hint()).clicked() {
            out.push(Command::Run(verb));
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
    menu_item(ui, state, Verb::Presentation, out);
    menu_item(ui, state, Verb::PresenterView, out);
    menu_item(ui, state, Verb::ToggleMap, out);
    menu_item(ui, state, Verb::FitNetwork, out);
}

pub fn status_bar(ui: &mut Ui, state: &AppState, loading: bool, palette: Palette) {
    ui.horizontal(|ui| {
        if loading {
            ui.spinner();
            ui.label("Loading…");
            ui.separator();
        }
        ui.label(RichText::new(&state.dataset.origin).small());
        ui.separator();
        let atlas = state.dataset.graph.atlas();
        ui.label(
            RichText::new(format!(
                "{} actors · {} relations · {} events",
                atlas.actors.len(),
                atlas.relations.len(),
                atlas.events.len()
            ))
            .small(),
        );
        if !state.dataset.warnings.is_empty() {
            ui.separator();
            let warn = ui.label(
                RichText::new(warning_count(state.dataset.warnings.len()))
                    .small()
                    .color(palette.warning()),
            );
            warn.on_hover_ui(|ui| {
                for w in state.dataset.warnings.iter().take(30) {
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

/// "⚠ 1 warning", "⚠ 3 warnings": warnings are counted as warnings, never as problems.
fn warning_count(n: usize) -> String {
    format!("⚠ {n} warning{}", if n == 1 { "" } else { "s" })
}
