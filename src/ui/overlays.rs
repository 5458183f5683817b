//! Things drawn over the network: the legend, the view controls, the story caption, and
//! the window that explains why a dataset could not be opened.

use eframe::egui::{self, Align2, RichText, Ui, vec2};

use crate::graph::family_counts;

use super::command::Command;
use super::command::LoadFailure;
use super::state::AppState;
use super::theme::Palette;
use super::verbs::{self, Verb};
use super::views::kind_swatch;

const LEGEND: &str = "legend";
const NETWORK_CONTROLS: &str = "network-controls";

/// Where the legend and the view controls were drawn in the last frame: the network places
/// no label under them.
pub fn floating_rects(ctx: &egui::Context) -> Vec<egui::Rect> {
    [LEGEND, NETWORK_CONTROLS]
        .iter()
        .filter_map(|name| ctx.memory(|m| m.area_rect(egui::Id::unique(*name))))
        .collect()
}

/// Actor kinds with their colours and counts; clicking one hides or shows that kind. It folds
/// away to a single line when it is in the way.
pub fn legend(
    ui: &mut Ui,
    rect: egui::Rect,
    state: &AppState,
    palette: Palette,
    out: &mut Vec<Command>,
) {
    // A small canvas needs its room for the network: the legend folds when the canvas
    // becomes small (and the user can open it again).
    let small = rect.width() < 640.0 || rect.height() < 420.0;
    let small_id = egui::Id::unique("legend-small-canvas");
    let was_small = ui.data(|d| d.get_temp::<bool>(small_id));
    ui.data_mut(|d| d.insert_temp(small_id, small));
    let fold = (small && was_small != Some(true)).then_some(false);
    egui::Area::new(egui::Id::unique(LEGEND))
        .order(egui::Order::Middle)
        .pivot(Align2::LEFT_TOP)
        .fixed_pos(rect.left_top() + vec2(10.0, 10.0))
        .constrain_to(rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .fill(palette.background().gamma_multiply(0.85))
                .show(ui, |ui| {
                    egui::CollapsingHeader::new(RichText::new("Legend").small().strong())
                        .id_salt("legend-open")
                        .default_open(!small)
                        .open(fold)
                        .show(ui, |ui| {
                            // Never taller than the canvas: it must not float over a panel.
                            egui::ScrollArea::vertical()
                                .max_height((rect.height() - 70.0).max(40.0))
                                .min_scrolled_height((rect.height() - 70.0).max(40.0))
                                .show(ui, |ui| legend_rows(ui, state, palette, out));
                        });
                });
        });
}

fn legend_rows(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    let day = state.filter().as_of_day();
    for (kind, count) in family_counts(&state.dataset.graph, day) {
        // As of a date, how many of the kind exist then, of how many in all.
        let count = if count.existing == count.total {
            count.total.to_string()
        } else {
            format!("{} of {}", count.existing, count.total)
        };
        let hidden = state.filter().hidden_kinds.contains(&kind);
        ui.horizontal(|ui| {
            let colour = palette.kind(kind);
            kind_swatch(
                ui,
                if hidden {
                    palette.faded(colour)
                } else {
                    colour
                },
            );
            let text = RichText::new(format!("{} ({count})", kind.label())).small();
            let text = if hidden {
                text.strikethrough().weak()
            } else {
                text
            };
            let response = ui
                .add(egui::Label::new(text).sense(egui::Sense::click()))
                .on_hover_text("Click to hide or show this kind");
            if response.clicked() {
                let mut filter = state.filter().clone();
                if hidden {
                    filter.hidden_kinds.remove(&kind);
                } else {
                    filter.hidden_kinds.insert(kind);
                }
                out.push(Command::SetFilter(filter));
            }
        });
    }
}

/// Fit, ego network and depth, and releasing pinned nodes, in the network's top-right
/// corner. Returns true when the user asked to release the `pinned` nodes.
pub fn network_controls(
    ui: &mut Ui,
    rect: egui::Rect,
    state: &AppState,
    palette: Palette,
    pinned: usize,
    out: &mut Vec<Command>,
) -> bool {
    let mut release = false;
    egui::Area::new(egui::Id::unique(NETWORK_CONTROLS))
        .order(egui::Order::Middle)
        .pivot(Align2::RIGHT_TOP)
        .fixed_pos(rect.right_top() + vec2(-10.0, 10.0))
        .constrain_to(rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .fill(palette.background().gamma_multiply(0.85))
                .show(ui, |ui| {
                    // On a narrow canvas the controls wrap rather than run over the legend
                    // (folded, it takes the top-left corner) or out of the canvas.
                    ui.set_max_width((rect.width() - 140.0).max(120.0));
                    ui.horizontal_wrapped(|ui| {
                        verbs::button(ui, state, Verb::FitNetwork, "Fit", out);
                        if pinned > 0 {
                            release = ui
                                .button(format!("Release {pinned} pinned"))
                                .on_hover_text("Let the nodes you dragged into place move again")
                                .clicked();
                        }
                        let mut ego = state.prefs.ego_only;
                        let has_selection = state.selected_actor().is_some();
                        let toggle = ui
                            .add_enabled(
                                has_selection,
                                egui::Checkbox::new(&mut ego, "Ego network"),
                            )
                            .on_hover_text(
                                "Show only the selection and its neighbours (double-click a node)",
                            );
                        if toggle.changed() {
                            out.push(Command::SetEgoOnly(ego));
                        }
                        let mut depth = state.prefs.ego_depth;
                        let slider = ui.add_enabled(
                            has_selection && ego,
                            egui::Slider::new(&mut depth, 1..=3).text("depth"),
                        );
                        if slider.changed() {
                            out.push(Command::SetEgoDepth(depth));
                        }
                        ghost_toggle(ui, state, out);
                    });
                });
        });
    release
}

/// As of a date, whether what does not exist then is hidden or drawn as ghosts. With the
/// view controls, not in the legend: a long legend scrolls, and this must stay in reach.
fn ghost_toggle(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let Some(day) = state.filter().as_of_day() else {
        return;
    };
    let absent = state.view.structural.node_count() - state.view.visible.node_count();
    let mut ghosts = state.prefs.show_ghosts;
    let toggle = ui.checkbox(&mut ghosts, "Ghosts").on_hover_text(format!(
        "Show the {absent} not there on {day} (not yet founded or begun, or ended) as ghosts"
    ));
    if toggle.changed() {
        out.push(Command::SetShowGhosts(ghosts));
    }
}

/// Why the dataset could not be opened; the atlas on screen is the one from before.
pub fn load_failure(
    ctx: &egui::Context,
    failure: &LoadFailure,
    palette: Palette,
    out: &mut Vec<Command>,
) {
    egui::Window::new("The dataset could not be opened")
        .collapsible(false)
        .default_width(640.0)
        .anchor(Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .show(ctx, |ui| {
            ui.label(RichText::new(&failure.origin).strong());
            ui.label(failure_summary(failure));
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for m in &failure.messages {
                        ui.label(RichText::new(m).monospace().color(palette.error()));
                    }
                    for w in &failure.warnings {
                        let text = RichText::new(format!("⚠ {w}")).monospace();
                        ui.label(text.color(palette.warning()));
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Dismiss").clicked() {
                    out.push(Command::DismissFailure);
                }
                if ui.button("Copy messages").clicked() {
                    let all: Vec<&String> =
                        failure.messages.iter().chain(&failure.warnings).collect();
                    ui.ctx().copy_text(
                        all.iter()
                            .map(|m| m.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
                }
            });
        });
}

/// "2 errors and 1 warning found. …": errors stop a load, warnings are counted apart.
pub fn failure_summary(failure: &LoadFailure) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let errors = count(failure.messages.len(), "error");
    let found = if failure.warnings.is_empty() {
        errors
    } else {
        format!("{errors} and {}", count(failure.warnings.len(), "warning"))
    };
    format!("{found} found. The atlas you had open is still shown.")
}
