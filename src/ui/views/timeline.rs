//! Bottom panel: events in lanes by kind on a time axis (egui_plot), and the "as of" cursor
//! with its slider and play button.

use eframe::egui::{self, RichText, Ui};
use egui_plot::{GridMark, MarkerShape, Plot, PlotPoint, Points, VLine};

use crate::model::{Event, EventKind, PartialDate};
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::verbs::{self, Verb};
use crate::ui::view_state::Selection;

/// How close (in points) the pointer must be to pick a marker or grab the cursor line.
const PICK_RADIUS: f32 = 9.0;
/// The plot opens on the most recent years; older events are a zoom or drag away.
const DEFAULT_SPAN_YEARS: f64 = 35.0;
/// Years the cursor advances per second while playing.
pub const PLAY_YEARS_PER_SEC: f64 = 1.5;

#[derive(Default)]
pub struct TimelineView {
    /// The user is dragging the cursor line rather than panning the plot.
    dragging_cursor: bool,
}

impl TimelineView {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
        let (lo, hi) = state.time_range();
        self.controls(ui, state, lo, hi, out);
        let atlas = state.dataset.graph.atlas();
        let lanes: Vec<EventKind> = EventKind::ALL
            .into_iter()
            .filter(|k| atlas.events.iter().any(|e| e.kind == *k))
            .collect();
        let row = |k: EventKind| lanes.iter().position(|l| *l == k).unwrap_or(0) as f64;
        // The filters (kind, region, theme) apply here too: an event shows when an actor it
        // concerns is shown. Lanes stay put so the picture does not jump.
        let events: Vec<&Event> = atlas
            .events
            .iter()
            .filter(|e| {
                e.actors.iter().any(|id| {
                    state
                        .dataset
                        .graph
                        .node(id)
                        .is_some_and(|n| state.view.structural.nodes[n.index()])
                })
            })
            .collect();
        let selected_event = match &state.view.selection {
            Some(Selection::Event(id)) => Some(id.as_str()),
            _ => None,
        };
        let selected_actor = match &state.view.selection {
            Some(Selection::Actor(id)) => Some(id.as_str()),
            _ => None,
        };
        let lane_count = lanes.len();
        let plot = Plot::new("timeline")
            .height(ui.available_height().max(80.0))
            .allow_drag([!self.dragging_cursor, false])
            .allow_zoom([true, false])
            .allow_scroll([true, false])
            .allow_boxed_zoom(false)
            .show_y(false)
            .include_y(-0.6)
            .include_y(lanes.len().max(1) as f64 - 0.4)
            .default_x_bounds((hi - DEFAULT_SPAN_YEARS).max(lo) - 0.5, hi + 0.5)
            .show_axes([true, false])
            .y_grid_spacer(move |_| {
                (0..lane_count)
                    .map(|i| GridMark {
                        value: i as f64,
                        step_size: 1.0,
                    })
                    .collect()
            })
            .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
            .label_formatter(|_| None)
            .show_crosshair(false);
        let response = plot.show(ui, |plot_ui| {
            for kind in &lanes {
                let mut by_colour: Vec<(egui::Color32, Vec<[f64; 2]>)> = Vec::new();
                for e in events.iter().filter(|e| e.kind == *kind) {
                    let colour = e
                        .actors
                        .first()
                        .and_then(|id| state.dataset.graph.node(id))
                        .map(|n| palette.kind(state.dataset.graph.actor(n).kind))
                        .unwrap_or(palette.muted());
                    let point = [e.date.as_year_fraction(), row(*kind)];
                    match by_colour.iter_mut().find(|(c, _)| *c == colour) {
                        Some((_, pts)) => pts.push(point),
                        None => by_colour.push((colour, vec![point])),
                    }
                }
                for (i, (colour, pts)) in by_colour.into_iter().enumerate() {
                    plot_ui.points(
                        Points::new(format!("{}-{i}", kind.label()), pts)
                            .color(colour)
                            .radius(4.5)
                            .shape(MarkerShape::Circle)
                            .allow_hover(false),
                    );
                }
            }
            let lit: Vec<[f64; 2]> = events
                .iter()
                .filter(|e| {
                    Some(e.id.as_str()) == selected_event
                        || selected_actor.is_some_and(|a| e.actors.iter().any(|x| x == a))
                })
                .map(|e| [e.date.as_year_fraction(), row(e.kind)])
                .collect();
            if !lit.is_empty() {
                plot_ui.points(
                    Points::new("selected", lit)
                        .color(palette.highlight())
                        .radius(7.5)
                        .filled(false)
                        .shape(MarkerShape::Circle)
                        .allow_hover(false),
                );
            }
            if let Some(t) = state.as_of() {
                plot_ui.vline(
                    VLine::new("as of", t)
                        .color(palette.highlight())
                        .width(2.5)
                        .allow_hover(false),
                );
            }
            plot_ui.pointer_coordinate()
        });
        let transform = response.transform;
        // Lane names drawn over the plot's left edge: egui_plot hides axis labels on lanes this
        // close together, and the names matter more than the grid.
        let painter = ui.painter_at(response.response.rect);
        // No larger than the lane spacing allows, so names never overlap; none when cramped.
        let spacing = (transform.position_from_point(&PlotPoint::new(0.0, 0.0)).y
            - transform.position_from_point(&PlotPoint::new(0.0, 1.0)).y)
            .abs();
        let size = ui.style().text_styles[&egui::TextStyle::Small]
            .size
            .min(spacing * 0.85);
        for kind in lanes.iter().filter(|_| size >= 7.0) {
            let y = transform
                .position_from_point(&PlotPoint::new(0.0, row(*kind)))
                .y;
            painter.text(
                egui::pos2(response.response.rect.left() + 6.0, y),
                egui::Align2::LEFT_CENTER,
                kind.label(),
                egui::FontId::proportional(size),
                palette.muted(),
            );
        }
        let pointer = response.response.hover_pos();
        // The event nearest the pointer on screen, if close enough.
        let nearest = pointer.and_then(|p| {
            events
                .iter()
                .map(|e| {
                    let s = transform.position_from_point(&PlotPoint::new(
                        e.date.as_year_fraction(),
                        row(e.kind),
                    ));
                    (e, s.distance(p))
                })
                .filter(|(_, d)| *d <= PICK_RADIUS)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(e, _)| e)
        });
        let cursor_x = state
            .as_of()
            .map(|t| transform.position_from_point(&PlotPoint::new(t, 0.0)).x);
        let near_cursor = |x: f32| cursor_x.is_some_and(|c| (c - x).abs() <= PICK_RADIUS);
        let r = &response.response;
        if r.drag_started() && r.interact_pointer_pos().is_some_and(|p| near_cursor(p.x)) {
            self.dragging_cursor = true;
        }
        if self.dragging_cursor {
            if let Some(p) = r.interact_pointer_pos() {
                let t = transform.value_from_position(p).x.clamp(lo, hi);
                out.push(Command::SetAsOf(Some(t)));
            }
            if r.drag_stopped() || !r.is_pointer_button_down_on() {
                self.dragging_cursor = false;
            }
        }
        if pointer.is_some_and(|p| near_cursor(p.x)) || self.dragging_cursor {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
        if let Some(e) = nearest {
            r.clone().on_hover_ui_at_pointer(|ui| {
                ui.strong(&e.title);
                ui.label(format!("{} · {}", e.date, e.kind.label()));
            });
            if r.clicked() {
                out.push(Command::Select(Selection::Event(e.id.clone())));
                out.push(Command::Frame(e.actors.clone()));
            }
        }
    }

    fn controls(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        lo: f64,
        hi: f64,
        out: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            ui.strong("Timeline");
            ui.separator();
            let play_label = if state.view.playing {
                "Pause"
            } else {
                "▶ Play"
            };
            verbs::button(ui, state, Verb::PlayPause, play_label, out);
            let mut t = state.as_of().unwrap_or(hi);
            let slider = egui::Slider::new(&mut t, lo..=hi)
                .text("as of")
                .custom_formatter(move |v, _| {
                    if v >= hi {
                        "today".to_string()
                    } else {
                        PartialDate::from_year_fraction(v).to_string()
                    }
                })
                .custom_parser(|s| {
                    s.trim()
                        .parse::<PartialDate>()
                        .ok()
                        .map(|d| d.as_year_fraction())
                });
            let width = (ui.available_width() - 220.0).clamp(120.0, 700.0);
            ui.spacing_mut().slider_width = width;
            if ui.add(slider).changed() {
                out.push(Command::SetAsOf((t < hi).then_some(t)));
            }
            let label = match state.as_of() {
                Some(t) => format!("The graph as of {}", PartialDate::from_year_fraction(t)),
                None => "The graph today".to_string(),
            };
            ui.label(RichText::new(label).strong());
            if state.as_of().is_some() {
                verbs::button(ui, state, Verb::Today, "Today", out);
            }
        });
    }
}

/// The next cursor position while playing, and whether playing should stop.
pub fn advance(t: f64, dt_secs: f64, hi: f64) -> (f64, bool) {
    let next = t + dt_secs * PLAY_YEARS_PER_SEC;
    if next >= hi {
        (hi, true)
    } else {
        (next, false)
    }
}
