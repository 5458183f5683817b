//! The map's overlays: the colour chooser with its legend and the note on borders (top
//! left), and the switch between the network and the map (top centre, on both views).

use eframe::egui::{self, Align2, RichText, Ui, vec2};

use crate::map::{Activity, BORDERS_NOTE, ColourMode};
use crate::model::{ActorKind, RelationKind};
use crate::ui::command::Command;
use crate::ui::state::{AppState, Canvas};
use crate::ui::theme::Palette;
use crate::ui::verbs::Verb;
use crate::ui::views::kind_swatch;

use super::scene::{Scene, is_grouping};

/// The chooser, the legend and the note. Returns true when the user asked to fit the world.
pub fn show(
    ui: &mut Ui,
    rect: egui::Rect,
    state: &AppState,
    scene: &Scene,
    palette: Palette,
    out: &mut Vec<Command>,
) -> bool {
    let mut fit = false;
    panel(ui, rect, "map-controls", palette, |ui| {
        ui.horizontal(|ui| {
            chooser(ui, state, out);
            fit = ui
                .button("Fit")
                .on_hover_text("Show the whole world")
                .clicked();
        });
        // The selection or the region panel can colour the map while the chooser says
        // "Countries in the atlas": say what the colours show.
        if scene.mode != state.prefs.map_colour {
            let text = format!("Showing {}", mode_label(&scene.mode, Some(state)));
            ui.label(RichText::new(text).small().strong());
        }
        legend_rows(ui, scene, palette);
    });
    fit
}

/// The legend and the note alone, for pictures.
pub fn legend_only(ui: &mut Ui, rect: egui::Rect, scene: &Scene, palette: Palette) {
    panel(ui, rect, "map-legend-still", palette, |ui| {
        ui.label(
            RichText::new(mode_label(&scene.mode, None))
                .small()
                .strong(),
        );
        legend_rows(ui, scene, palette);
    });
}

fn panel(ui: &mut Ui, rect: egui::Rect, id: &str, palette: Palette, add: impl FnOnce(&mut Ui)) {
    egui::Area::new(egui::Id::unique(id))
        .order(egui::Order::Middle)
        .pivot(Align2::LEFT_TOP)
        .fixed_pos(rect.left_top() + vec2(10.0, 10.0))
        .constrain_to(rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .fill(palette.background().gamma_multiply(0.85))
                .show(ui, |ui| {
                    ui.set_max_width(300.0_f32.min(rect.width() - 40.0).max(120.0));
                    // Never taller than the canvas: it must not float over a panel.
                    egui::ScrollArea::vertical()
                        .max_height((rect.height() - 40.0).max(60.0))
                        .min_scrolled_height((rect.height() - 40.0).max(60.0))
                        .show(ui, add);
                });
        });
}

fn legend_rows(ui: &mut Ui, scene: &Scene, palette: Palette) {
    for line in &scene.colouring.legend {
        ui.horizontal(|ui| {
            kind_swatch(ui, palette.map_fill(line.swatch));
            ui.label(RichText::new(format!("{} ({})", line.label, line.count)).small());
        });
    }
    if !scene.markers.is_empty() {
        ui.horizontal(|ui| {
            kind_swatch(ui, palette.kind(ActorKind::Envoy));
            ui.label(RichText::new("Envoy posts and offices, where based").small());
        });
    }
    if scene.markers.iter().any(|m| !m.city) {
        ui.horizontal(|ui| {
            hollow_swatch(ui, palette.kind(ActorKind::Envoy));
            ui.label(RichText::new("Post, city not recorded (at its country)").small());
        });
    }
    ui.label(RichText::new(BORDERS_NOTE).small().weak());
}

/// A ring the size of a legend swatch, like the map's marker for a post with no city.
fn hollow_swatch(ui: &mut Ui, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter()
        .circle_stroke(rect.center(), 4.5, egui::Stroke::new(1.8, colour));
}

/// The name of a colour mode, as the chooser shows it.
fn mode_label(mode: &ColourMode, state: Option<&AppState>) -> String {
    let name_of_actor = |id: &str| {
        state
            .and_then(|s| {
                s.dataset
                    .graph
                    .node(id)
                    .map(|n| s.dataset.graph.actor(n).name.clone())
            })
            .unwrap_or_else(|| id.to_string())
    };
    let name_of_region = |id: &str| {
        state
            .and_then(|s| {
                s.dataset
                    .graph
                    .atlas()
                    .regions
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.name.clone())
            })
            .unwrap_or_else(|| id.to_string())
    };
    match mode {
        ColourMode::Atlas => "Countries in the atlas".into(),
        ColourMode::Region(id) => format!("Region: {}", name_of_region(id)),
        ColourMode::Grouping(id) => format!("Members of: {}", name_of_actor(id)),
        ColourMode::Activity(Activity::EnvoyPosts) => "Envoy posts per country".into(),
        ColourMode::Activity(Activity::InstrumentsEnacted) => {
            "Instruments enacted per country".into()
        }
    }
}

/// Groupings worth offering: those that at least one state, body or post belongs to, signs
/// or takes part in, by name.
fn groupings(state: &AppState) -> Vec<(String, String)> {
    let graph = &state.dataset.graph;
    let mut out: Vec<(String, String)> = graph
        .nodes()
        .filter(|&n| is_grouping(graph.actor(n).kind))
        .filter(|&n| {
            graph
                .graph()
                .edges_directed(n, petgraph::Direction::Incoming)
                .any(|e| {
                    use petgraph::visit::EdgeRef;
                    let from = graph.actor(e.source());
                    from.country.is_some()
                        && matches!(
                            graph.relation(e.id()).kind,
                            RelationKind::MemberOf
                                | RelationKind::PartyTo
                                | RelationKind::Signs
                                | RelationKind::Adopts
                                | RelationKind::ParticipatesIn
                                | RelationKind::ObserverOf
                        )
                })
        })
        .map(|n| (graph.actor(n).id.clone(), graph.actor(n).name.clone()))
        .collect();
    out.sort_by_key(|(_, name)| name.to_lowercase());
    out
}

fn chooser(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let current = &state.prefs.map_colour;
    let text = mode_label(current, Some(state));
    egui::ComboBox::from_id_salt("map-colour")
        .selected_text(RichText::new(text).small())
        .width(220.0)
        .height(420.0)
        .show_ui(ui, |ui| {
            let mut choose = |ui: &mut Ui, mode: ColourMode, label: String| {
                if ui.selectable_label(*current == mode, label).clicked() {
                    out.push(Command::SetMapColour(mode));
                }
            };
            choose(ui, ColourMode::Atlas, "Countries in the atlas".into());
            ui.separator();
            for region in &state.dataset.graph.atlas().regions {
                choose(
                    ui,
                    ColourMode::Region(region.id.clone()),
                    format!("Region: {}", region.name),
                );
            }
            ui.separator();
            choose(
                ui,
                ColourMode::Activity(Activity::EnvoyPosts),
                "Envoy posts per country".into(),
            );
            choose(
                ui,
                ColourMode::Activity(Activity::InstrumentsEnacted),
                "Instruments enacted per country".into(),
            );
            ui.separator();
            for (id, name) in groupings(state) {
                choose(ui, ColourMode::Grouping(id), format!("Members of: {name}"));
            }
        })
        .response
        .on_hover_text("What the colours show; selecting a grouping or a region also colours it");
}

/// "Network | Map" as two toggle buttons, for the toolbar (which lays out right to left, so
/// they are added in reverse).
pub fn canvas_switch(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let hint = Verb::ToggleMap.hint_with_keys(ui.ctx());
    for (canvas, label) in [(Canvas::Map, "Map"), (Canvas::Network, "Network")] {
        let on = state.prefs.canvas == canvas;
        if ui
            .selectable_label(on, label)
            .on_hover_text(&hint)
            .clicked()
            && !on
        {
            out.push(Command::SetCanvas(canvas));
        }
    }
}
