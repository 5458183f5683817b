//! The map's camera: map units (y north) ↔ screen points (y down).

use eframe::egui::{Pos2, Rect, Vec2, pos2};

use crate::map::projection::{HALF_HEIGHT, HALF_WIDTH};

/// Room the legend and the colour chooser take at the top of the view, in points.
const LEGEND_HEIGHT: f32 = 190.0;
/// How far in past the whole world one may zoom.
const MAX_ZOOM_IN: f32 = 60.0;

/// Where the map looks and how close.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapCamera {
    /// Map point at the centre of the view.
    pub centre: [f32; 2],
    /// Screen points per map unit.
    pub zoom: f32,
}

impl Default for MapCamera {
    fn default() -> Self {
        Self {
            centre: [0.0, 0.0],
            zoom: 100.0,
        }
    }
}

impl MapCamera {
    /// The whole world inside `rect`, with a small margin; where the view is taller than the
    /// world, the world moves down clear of the legend in the top-left corner.
    pub fn world(rect: Rect) -> Self {
        let zoom = Self::fit_zoom(rect);
        let world_height = 2.0 * HALF_HEIGHT as f32 * zoom;
        let slack = (rect.height() - world_height).max(0.0);
        let top_gap = if slack > LEGEND_HEIGHT {
            LEGEND_HEIGHT + (slack - LEGEND_HEIGHT) / 2.0
        } else {
            slack
        };
        // The world's top edge (y = HALF_HEIGHT) sits `top_gap` below the view's top.
        let centre_y = HALF_HEIGHT as f32 - (rect.height() / 2.0 - top_gap) / zoom;
        Self {
            centre: [0.0, centre_y],
            zoom,
        }
    }

    fn fit_zoom(rect: Rect) -> f32 {
        let w = rect.width() / (2.0 * HALF_WIDTH as f32);
        let h = rect.height() / (2.0 * HALF_HEIGHT as f32);
        (w.min(h) * 0.96).max(1e-3)
    }

    pub fn screen_from_map(&self, rect: Rect, p: [f32; 2]) -> Pos2 {
        let c = rect.center();
        pos2(
            c.x + (p[0] - self.centre[0]) * self.zoom,
            c.y - (p[1] - self.centre[1]) * self.zoom,
        )
    }

    pub fn map_from_screen(&self, rect: Rect, p: Pos2) -> [f32; 2] {
        let c = rect.center();
        [
            self.centre[0] + (p.x - c.x) / self.zoom,
            self.centre[1] - (p.y - c.y) / self.zoom,
        ]
    }

    /// Zooms by `factor` around `anchor`, between the whole world and a close-up.
    pub fn zoom_at(&mut self, rect: Rect, anchor: Pos2, factor: f32) {
        let before = self.map_from_screen(rect, anchor);
        let fit = Self::fit_zoom(rect);
        self.zoom = (self.zoom * factor).clamp(fit * 0.8, fit * MAX_ZOOM_IN);
        let after = self.map_from_screen(rect, anchor);
        self.centre[0] += before[0] - after[0];
        self.centre[1] += before[1] - after[1];
    }

    pub fn pan(&mut self, delta: Vec2) {
        self.centre[0] -= delta.x / self.zoom;
        self.centre[1] += delta.y / self.zoom;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::vec2;

    fn rect() -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 600.0))
    }

    #[test]
    fn north_is_up_and_the_round_trip_holds() {
        let cam = MapCamera::world(rect());
        let north = cam.screen_from_map(rect(), [0.0, 1.0]);
        assert!(north.y < rect().center().y);
        let back = cam.map_from_screen(rect(), pos2(123.0, 456.0));
        let again = cam.screen_from_map(rect(), back);
        assert!((again.x - 123.0).abs() < 1e-3 && (again.y - 456.0).abs() < 1e-3);
    }

    #[test]
    fn the_whole_world_fits() {
        let cam = MapCamera::world(rect());
        for corner in [[-HALF_WIDTH, -HALF_HEIGHT], [HALF_WIDTH, HALF_HEIGHT]] {
            let p = cam.screen_from_map(rect(), [corner[0] as f32, corner[1] as f32]);
            assert!(rect().contains(p), "{p:?}");
        }
    }

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let mut cam = MapCamera::world(rect());
        let anchor = pos2(700.0, 200.0);
        let before = cam.map_from_screen(rect(), anchor);
        cam.zoom_at(rect(), anchor, 4.0);
        let after = cam.map_from_screen(rect(), anchor);
        assert!((before[0] - after[0]).abs() < 1e-5 && (before[1] - after[1]).abs() < 1e-5);
    }
}
