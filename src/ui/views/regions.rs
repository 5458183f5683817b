//! Left panel: regions with their actors grouped by kind, and the filters.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText, Ui};

use crate::model::{ActorKind, RelationKind};
use crate::ui::command::{Command, select_and_frame};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::view_state::Selection;

use super::kind_swatch;

pub fn ui(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    egui::ScrollArea::vertical()
        .id_salt("regions-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Regions");
            regions(ui, state, palette, out);
            ui.add_space(8.0);
            ui.separator();
            ui.heading("Filters");
            filters(ui, state, palette, out);
        });
}

fn regions(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    let atlas = state.dataset.graph.atlas();
    let total = atlas.actors.len();
    if ui
        .selectable_label(state.region().is_none(), format!("All regions ({total})"))
        .clicked()
    {
        out.push(Command::FocusRegion(None));
    }
    for region in &atlas.regions {
        let members: Vec<usize> = (0..atlas.actors.len())
            .filter(|&i| atlas.actors[i].regions.contains(&region.id))
            .collect();
        let chosen = state.region() == Some(region.id.as_str());
        let label = format!("{} ({})", region.name, members.len());
        let response = ui
            .selectable_label(chosen, label)
            .on_hover_text(&region.summary);
        if response.clicked() {
            out.push(Command::FocusRegion((!chosen).then(|| region.id.clone())));
        }
        if chosen {
            region_members(ui, state, &members, palette, out);
        }
    }
}

/// The chosen region's actors, grouped by kind family, forums and instruments included.
fn region_members(
    ui: &mut Ui,
    state: &AppState,
    members: &[usize],
    palette: Palette,
    out: &mut Vec<Command>,
) {
    let atlas = state.dataset.graph.atlas();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let order: Vec<ActorKind> = ActorKind::families().collect();
    for &i in members {
        let family = atlas.actors[i].kind.family();
        let slot = order
            .iter()
            .position(|k| *k == family)
            .unwrap_or(order.len());
        groups.entry(slot).or_default().push(i);
    }
    ui.indent("region-members", |ui| {
        for (slot, mut list) in groups {
            let kind = order.get(slot).copied().unwrap_or(ActorKind::State);
            list.sort_by(|&a, &b| atlas.actors[a].name.cmp(&atlas.actors[b].name));
            let title = format!("{} ({})", plural(kind), list.len());
            egui::CollapsingHeader::new(RichText::new(title).color(palette.kind(kind)))
                .id_salt(("region-group", slot))
                .default_open(list.len() <= 12)
                .show(ui, |ui| {
                    for i in list {
                        let actor = &atlas.actors[i];
                        let selected = state.view.selection.as_ref()
                            == Some(&Selection::Actor(actor.id.clone()));
                        if ui.selectable_label(selected, &actor.name).clicked() {
                            out.extend(select_and_frame(&actor.id));
                        }
                    }
                });
        }
    });
}

fn plural(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::State => "States",
        ActorKind::Bloc => "Blocs",
        ActorKind::InternationalOrganisation => "International organisations",
        ActorKind::Forum => "Forums",
        ActorKind::StandardsBody => "Standards bodies",
        ActorKind::Company => "Companies",
        ActorKind::CivilSociety => "Civil society",
        ActorKind::Academia => "Academia",
        ActorKind::Envoy => "Envoy posts",
        ActorKind::GovernmentBody => "Government bodies",
        ActorKind::Instrument(_) => "Instruments",
    }
}

fn filters(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    let filter = state.filter();
    let mut next = filter.clone();
    let atlas = state.dataset.graph.atlas();
    egui::CollapsingHeader::new("Actor kinds")
        .default_open(true)
        .show(ui, |ui| {
            for kind in ActorKind::families() {
                let mut shown = !filter.hidden_kinds.contains(&kind);
                ui.horizontal(|ui| {
                    kind_swatch(ui, palette.kind(kind));
                    if ui.checkbox(&mut shown, kind.label()).changed() {
                        if shown {
                            next.hidden_kinds.remove(&kind);
                        } else {
                            next.hidden_kinds.insert(kind);
                        }
                    }
                });
            }
        });
    egui::CollapsingHeader::new("Themes").show(ui, |ui| {
        ui.label(
            RichText::new("None ticked shows every theme.")
                .small()
                .weak(),
        );
        for theme in &atlas.themes {
            let mut on = filter.themes.contains(&theme.id);
            if ui.checkbox(&mut on, &theme.name).changed() {
                if on {
                    next.themes.insert(theme.id.clone());
                } else {
                    next.themes.remove(&theme.id);
                }
            }
        }
    });
    egui::CollapsingHeader::new("Relation kinds").show(ui, |ui| {
        for kind in RelationKind::ALL {
            if !atlas.relations.iter().any(|r| r.kind == kind) {
                continue;
            }
            let mut shown = !filter.hidden_relations.contains(&kind);
            if ui.checkbox(&mut shown, kind.label()).changed() {
                if shown {
                    next.hidden_relations.remove(&kind);
                } else {
                    next.hidden_relations.insert(kind);
                }
            }
        }
    });
    ui.add_space(4.0);
    let shown = state.view.visible.node_count();
    ui.label(
        RichText::new(format!(
            "Showing {shown} of {} actors, {} of {} relations",
            state.dataset.graph.node_count(),
            state.view.visible.edge_count(),
            state.dataset.graph.edge_count()
        ))
        .small(),
    );
    if ui
        .add_enabled(!filter.is_empty(), egui::Button::new("Reset filters"))
        .clicked()
    {
        out.push(Command::FocusRegion(None));
        next = Default::default();
    }
    if next != *filter {
        out.push(Command::SetFilter(next));
    }
}
