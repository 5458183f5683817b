//! Shift+drag across the timeline picks dates A and B for "What changed": the span shows
//! shaded while dragging, and letting go opens the window on it.

use eframe::egui::{self, Pos2, Rect, Ui};
use egui_plot::PlotPoint;

use crate::model::PartialDate;
use crate::ui::command::Command;
use crate::ui::theme::Palette;

use super::TimelineView;

/// A drag shorter than this (in years, about a week) is a slip of the hand, not a range.
const MIN_RANGE_YEARS: f64 = 0.02;

impl TimelineView {
    /// Whether a Shift+drag may start or is under way: the plot must not pan meanwhile.
    pub(super) fn range_gesture(&self, ui: &Ui) -> bool {
        self.range.is_some() || ui.input(|i| i.modifiers.shift)
    }

    /// Follows a Shift+drag on the plot; on release, asks "What changed" for the span.
    pub(super) fn drag_range(
        &mut self,
        ui: &Ui,
        response: &egui_plot::PlotResponse<()>,
        (lo, hi): (f64, f64),
        palette: Palette,
        out: &mut Vec<Command>,
    ) {
        let transform = response.transform;
        let r = &response.response;
        let year_at = |p: Pos2| transform.value_from_position(p).x.clamp(lo, hi);
        if r.drag_started() && !self.dragging_cursor && ui.input(|i| i.modifiers.shift) {
            // From where the button went down, not where the drag was first noticed.
            let origin = ui.input(|i| i.pointer.press_origin());
            self.range = origin.or(r.interact_pointer_pos()).map(|p| {
                let t = year_at(p);
                (t, t)
            });
        }
        let Some((from, mut to)) = self.range else {
            return;
        };
        if let Some(p) = r.interact_pointer_pos() {
            to = year_at(p);
            self.range = Some((from, to));
        }
        let x = |t: f64| transform.position_from_point(&PlotPoint::new(t, 0.0)).x;
        let band = Rect::from_x_y_ranges(x(from.min(to))..=x(from.max(to)), r.rect.y_range());
        ui.painter_at(r.rect)
            .rect_filled(band, 0.0, palette.highlight().gamma_multiply(0.25));
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        if r.drag_stopped() || !r.is_pointer_button_down_on() {
            self.range = None;
            if (to - from).abs() >= MIN_RANGE_YEARS {
                let (a, b) = (from.min(to), from.max(to));
                out.push(Command::CompareDates(
                    PartialDate::from_year_fraction(a),
                    PartialDate::from_year_fraction(b),
                ));
            }
        }
    }
}
