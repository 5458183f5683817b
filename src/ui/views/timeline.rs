//! Bottom panel: events in lanes by kind on a time axis (egui_plot), and the "as of" cursor
//! with its slider and play button; Shift+drag picks a range for "What changed" (`range`).

mod range;

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
/// Years the cursor advances per second while playing, by default.
pub const PLAY_YEARS_PER_SEC: f64 = 1.5;
/// The speeds offered next to Play, in years per second.
const PLAY_SPEEDS: [f64; 4] = [0.5, 1.5, 3.0, 6.0];

#[derive(Default)]
pub struct TimelineView {
    /// The user is dragging the cursor line rather than panning the plot.
    dragging_cursor: bool,
    /// The years the plot showed last frame, for Play to start from its left edge.
    shown: Option<(f64, f64)>,
    /// A Shift+drag under way: the years where it started and where it is now.
    range: Option<(f64, f64)>,
    /// Last frame's plot transform, so tests can point at a year.
    transform: Option<egui_plot::PlotTransform>,
}

/// The events on show, in lanes by kind, for one frame.
struct Lanes<'a> {
    kinds: Vec<EventKind>,
    events: Vec<&'a Event>,
}

impl<'a> Lanes<'a> {
    /// The filters (kind, region, theme) apply here too: an event shows when an actor it
    /// concerns is shown. Lanes stay put so the picture does not jump.
    fn of(state: &'a AppState) -> Self {
        let graph = &state.dataset.graph;
        let atlas = graph.atlas();
        let kinds = EventKind::ALL
            .into_iter()
            .filter(|k| atlas.events.iter().any(|e| e.kind == *k))
            .collect();
        let shown = |id: &String| {
            graph
                .node(id)
                .is_some_and(|n| state.view.structural.nodes[n.index()])
        };
        let events = atlas
            .events
            .iter()
            .filter(|e| e.actors.iter().any(shown))
            .collect();
        Self { kinds, events }
    }

    fn row(&self, kind: EventKind) -> f64 {
        self.kinds.iter().position(|l| *l == kind).unwrap_or(0) as f64
    }

    fn point(&self, e: &Event) -> PlotPoint {
        PlotPoint::new(e.date.as_year_fraction(), self.row(e.kind))
    }
}

impl TimelineView {
    /// Where Play starts: the left edge of the years on show (inside the atlas's range), or
    /// before the first frame, the left edge the plot opens on.
    pub fn play_start(&self, (lo, hi): (f64, f64)) -> f64 {
        let left = self
            .shown
            .map_or((hi - DEFAULT_SPAN_YEARS).max(lo), |(left, _)| left);
        left.clamp(lo, hi)
    }

    /// The years the plot showed last frame, from left to right.
    pub fn shown_years(&self) -> Option<(f64, f64)> {
        self.shown
    }

    /// Where `year` was on screen in the last frame, halfway down the plot.
    pub fn screen_of_year(&self, year: f64) -> Option<egui::Pos2> {
        let transform = self.transform?;
        let x = transform.position_from_point(&PlotPoint::new(year, 0.0)).x;
        Some(egui::pos2(x, transform.frame().center().y))
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
        let (lo, hi) = state.time_range();
        self.controls(ui, state, lo, hi, out);
        let lanes = Lanes::of(state);
        let response = self.plot(ui, state, &lanes, (lo, hi), palette);
        let bounds = response.transform.bounds();
        self.shown = Some((bounds.min()[0], bounds.max()[0]));
        self.transform = Some(response.transform);
        lane_names(ui, &response, &lanes, palette);
        self.drag_cursor(ui, state, &response, (lo, hi), out);
        self.drag_range(ui, &response, (lo, hi), palette, out);
        pick_event(&response, &lanes, out);
    }

    fn plot(
        &self,
        ui: &mut Ui,
        state: &AppState,
        lanes: &Lanes<'_>,
        (lo, hi): (f64, f64),
        palette: Palette,
    ) -> egui_plot::PlotResponse<()> {
        let lane_count = lanes.kinds.len();
        Plot::new("timeline")
            .height(ui.available_height().max(80.0))
            .allow_drag([!self.dragging_cursor && !self.range_gesture(ui), false])
            .allow_zoom([true, false])
            .allow_scroll([true, false])
            .allow_boxed_zoom(false)
            .show_y(false)
            .include_y(-0.6)
            .include_y(lane_count.max(1) as f64 - 0.4)
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
            .show_crosshair(false)
            .show(ui, |plot_ui| {
                event_points(plot_ui, state, lanes, palette);
                selected_points(plot_ui, state, lanes, palette);
                if let Some(t) = state.as_of()
                    && !self.dragging_cursor
                {
                    follow(plot_ui, t);
                }
                if let Some(t) = state.as_of() {
                    plot_ui.vline(
                        VLine::new("as of", t)
                            .color(palette.highlight())
                            .width(2.5)
                            .allow_hover(false),
                    );
                }
            })
    }

    /// The gold cursor line can be grabbed and dragged along the axis.
    fn drag_cursor(
        &mut self,
        ui: &Ui,
        state: &AppState,
        response: &egui_plot::PlotResponse<()>,
        (lo, hi): (f64, f64),
        out: &mut Vec<Command>,
    ) {
        let transform = response.transform;
        let r = &response.response;
        let cursor_x = state
            .as_of()
            .map(|t| transform.position_from_point(&PlotPoint::new(t, 0.0)).x);
        let near_cursor = |x: f32| cursor_x.is_some_and(|c| (c - x).abs() <= PICK_RADIUS);
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
        if r.hover_pos().is_some_and(|p| near_cursor(p.x)) || self.dragging_cursor {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
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
        // Wrapped: on a narrow window (presentation type at 1024) the date and the "as of"
        // sentence go to a second line rather than out of the window.
        ui.horizontal_wrapped(|ui| {
            ui.strong("Timeline");
            ui.separator();
            let play_label = if state.view.playing {
                "Pause"
            } else {
                "▶ Play"
            };
            verbs::button(ui, state, Verb::PlayPause, play_label, out);
            let speed = state.prefs.play_speed;
            egui::ComboBox::from_id_salt("play-speed")
                .selected_text(format!("{speed} years/s"))
                .width(90.0)
                .show_ui(ui, |ui| {
                    for choice in PLAY_SPEEDS {
                        let label = format!("{choice} years/s");
                        if ui.selectable_label(speed == choice, label).clicked() {
                            out.push(Command::SetPlaySpeed(choice));
                        }
                    }
                })
                .response
                .on_hover_text("How fast Play moves through the years");
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
            let label = match state.as_of() {
                Some(t) => format!("The graph as of {}", PartialDate::from_year_fraction(t)),
                None => "The graph today".to_string(),
            };
            let label = RichText::new(label).strong();
            // At most a third of the row, and never so wide that the date, the "as of"
            // sentence and Today are pushed out of the window (presentation type at 1024).
            // What is left of this line (a wrapping row's available width is a whole line).
            let left = ui.available_size_before_wrap().x;
            let room = left - beside_slider(ui, &label, state.as_of().is_some());
            let width = (left * 0.33).min(room).clamp(100.0, 700.0);
            ui.spacing_mut().slider_width = width;
            if ui.add(slider).changed() {
                out.push(Command::SetAsOf((t < hi).then_some(t)));
            }
            // Whole: when the row is full the sentence moves to the next line, not half of it.
            ui.add(egui::Label::new(label).wrap_mode(egui::TextWrapMode::Extend));
            if state.as_of().is_some() {
                verbs::button(ui, state, Verb::Today, "Today", out);
            }
        });
    }
}

/// The width the slider's value and name, the "as of" sentence and Today take in the row.
fn beside_slider(ui: &Ui, label: &RichText, today: bool) -> f32 {
    let text_width = |text: egui::WidgetText| {
        text.into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x
    };
    let spacing = ui.spacing();
    let button = |text: &str| text_width(text.into()) + 2.0 * spacing.button_padding.x;
    let gap = spacing.item_spacing.x;
    // The value box holds a date such as 2024-05-21 (or "today").
    let value = button("0000-00-00") + gap;
    let name = text_width("as of".into()) + gap;
    let sentence = text_width(label.clone().into()) + gap;
    let today = if today { button("Today") + gap } else { 0.0 };
    // The slider's own margins and spacing, which these sums do not see.
    const SLACK: f32 = 48.0;
    value + name + sentence + today + SLACK
}

/// Event markers, one series per lane and colour (the kind of the first actor).
/// A marker's colour, and whether its date is approximate.
type MarkerLook = (egui::Color32, bool);

fn event_points(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    state: &AppState,
    lanes: &Lanes<'_>,
    palette: Palette,
) {
    let graph = &state.dataset.graph;
    for kind in &lanes.kinds {
        // An approximate date ("c. 2007") is drawn as a ring, not a dot: a soft marker.
        let mut by_look: Vec<(MarkerLook, Vec<[f64; 2]>)> = Vec::new();
        for e in lanes.events.iter().filter(|e| e.kind == *kind) {
            let colour = e
                .actors
                .first()
                .and_then(|id| graph.node(id))
                .map(|n| palette.kind(graph.actor(n).kind))
                .unwrap_or(palette.muted());
            let look = (colour, e.date.is_approximate());
            let p = lanes.point(e);
            match by_look.iter_mut().find(|(l, _)| *l == look) {
                Some((_, pts)) => pts.push([p.x, p.y]),
                None => by_look.push((look, vec![[p.x, p.y]])),
            }
        }
        for (i, ((colour, approximate), pts)) in by_look.into_iter().enumerate() {
            plot_ui.points(
                Points::new(format!("{}-{i}", kind.label()), pts)
                    .color(colour)
                    .radius(4.5)
                    .filled(!approximate)
                    .shape(MarkerShape::Circle)
                    .allow_hover(false),
            );
        }
    }
}

/// Rings around the selected event, or around the selected actor's events.
fn selected_points(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    state: &AppState,
    lanes: &Lanes<'_>,
    palette: Palette,
) {
    let lit: Vec<[f64; 2]> = lanes
        .events
        .iter()
        .filter(|e| match &state.view.selection {
            Some(Selection::Event(id)) => &e.id == id,
            Some(Selection::Actor(id)) => e.actors.contains(id),
            _ => false,
        })
        .map(|e| {
            let p = lanes.point(e);
            [p.x, p.y]
        })
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
}

/// Lane names drawn over the plot's left edge: egui_plot hides axis labels on lanes this close
/// together, and the names matter more than the grid. No larger than the lane spacing allows,
/// so names never overlap; none when cramped.
fn lane_names(
    ui: &Ui,
    response: &egui_plot::PlotResponse<()>,
    lanes: &Lanes<'_>,
    palette: Palette,
) {
    let transform = response.transform;
    let rect = response.response.rect;
    let painter = ui.painter_at(rect);
    let spacing = (transform.position_from_point(&PlotPoint::new(0.0, 0.0)).y
        - transform.position_from_point(&PlotPoint::new(0.0, 1.0)).y)
        .abs();
    let size = ui.style().text_styles[&egui::TextStyle::Small]
        .size
        .min(spacing * 0.85);
    if size < 7.0 {
        return;
    }
    for kind in &lanes.kinds {
        let y = transform
            .position_from_point(&PlotPoint::new(0.0, lanes.row(*kind)))
            .y;
        painter.text(
            egui::pos2(rect.left() + 6.0, y),
            egui::Align2::LEFT_CENTER,
            kind.label(),
            egui::FontId::proportional(size),
            palette.muted(),
        );
    }
}

/// Hovering a marker names the event; clicking it selects the event and frames its actors.
fn pick_event(response: &egui_plot::PlotResponse<()>, lanes: &Lanes<'_>, out: &mut Vec<Command>) {
    let transform = response.transform;
    let r = &response.response;
    let nearest = r.hover_pos().and_then(|p| {
        lanes
            .events
            .iter()
            .map(|e| {
                (
                    e,
                    transform.position_from_point(&lanes.point(e)).distance(p),
                )
            })
            .filter(|(_, d)| *d <= PICK_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(e, _)| *e)
    });
    let Some(e) = nearest else {
        return;
    };
    r.clone().on_hover_ui_at_pointer(|ui| {
        ui.strong(&e.title);
        ui.label(format!("{} · {}", e.date, e.kind.label()));
    });
    if r.clicked() {
        out.push(Command::Select(Selection::Event(e.id.clone())));
        out.push(Command::Frame(e.actors.clone()));
    }
}

/// Keeps the cursor in view: when it leaves the years on show (playing, a story step, a typed
/// date), the plot pans so that it sits a fifth from the right edge.
fn follow(plot_ui: &mut egui_plot::PlotUi<'_>, t: f64) {
    let bounds = plot_ui.plot_bounds();
    let (left, right) = (bounds.min()[0], bounds.max()[0]);
    if t < left || t > right {
        let width = right - left;
        let new_left = t - 0.8 * width;
        plot_ui.set_plot_bounds_x(new_left..=new_left + width);
    }
}

/// The next cursor position while playing, and whether playing should stop.
pub fn advance(t: f64, dt_secs: f64, hi: f64, years_per_sec: f64) -> (f64, bool) {
    let next = t + dt_secs * years_per_sec;
    if next >= hi {
        (hi, true)
    } else {
        (next, false)
    }
}
