//! The network's camera: world (layout units) ↔ screen (points), with eased moves.

use eframe::egui::{Pos2, Rect, Vec2, vec2};

/// Where the view looks and how close.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// World point at the centre of the view.
    pub centre: [f32; 2],
    /// Screen points per world unit.
    pub zoom: f32,
}

pub const MIN_ZOOM: f32 = 0.05;
pub const MAX_ZOOM: f32 = 400.0;

impl Default for Camera {
    fn default() -> Self {
        Self {
            centre: [0.0, 0.0],
            zoom: 20.0,
        }
    }
}

impl Camera {
    pub fn screen_from_world(&self, rect: Rect, p: [f32; 2]) -> Pos2 {
        rect.center() + vec2(p[0] - self.centre[0], p[1] - self.centre[1]) * self.zoom
    }

    pub fn world_from_screen(&self, rect: Rect, p: Pos2) -> [f32; 2] {
        let d = (p - rect.center()) / self.zoom;
        [self.centre[0] + d.x, self.centre[1] + d.y]
    }

    /// Zooms by `factor`, keeping the world point under `anchor` fixed on screen.
    pub fn zoom_at(&mut self, rect: Rect, anchor: Pos2, factor: f32) {
        let before = self.world_from_screen(rect, anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.world_from_screen(rect, anchor);
        self.centre[0] += before[0] - after[0];
        self.centre[1] += before[1] - after[1];
    }

    pub fn pan(&mut self, screen_delta: Vec2) {
        self.centre[0] -= screen_delta.x / self.zoom;
        self.centre[1] -= screen_delta.y / self.zoom;
    }

    /// The camera that shows every point inside `inner` (a part of the view `rect` that no
    /// overlay covers), with a margin; the current one if there are none.
    pub fn fitting(&self, rect: Rect, inner: Rect, points: impl Iterator<Item = [f32; 2]>) -> Self {
        let mut lo = [f32::MAX; 2];
        let mut hi = [f32::MIN; 2];
        for p in points {
            lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
        if lo[0] > hi[0] {
            return *self;
        }
        let size = vec2((hi[0] - lo[0]).max(1.0), (hi[1] - lo[1]).max(1.0));
        let usable = (inner.size() - vec2(80.0, 80.0)).max(vec2(40.0, 40.0));
        let zoom = (usable.x / size.x)
            .min(usable.y / size.y)
            .clamp(MIN_ZOOM, 60.0);
        // Centre the points on `inner`, which may sit off the centre of the whole view.
        let shift = (inner.center() - rect.center()) / zoom;
        Self {
            centre: [
                (lo[0] + hi[0]) / 2.0 - shift.x,
                (lo[1] + hi[1]) / 2.0 - shift.y,
            ],
            zoom,
        }
    }
}

/// A smooth move between two cameras (zoom interpolated in log space so it feels even).
#[derive(Clone, Copy, Debug)]
pub struct CameraMove {
    pub from: Camera,
    pub to: Camera,
    pub start_secs: f64,
    pub duration_secs: f64,
}

impl CameraMove {
    /// The camera at `now`, and whether the move is over.
    pub fn at(&self, now: f64) -> (Camera, bool) {
        let t = ((now - self.start_secs) / self.duration_secs).clamp(0.0, 1.0) as f32;
        let e = t * t * (3.0 - 2.0 * t);
        let lerp = |a: f32, b: f32| a + (b - a) * e;
        let zoom = (lerp(self.from.zoom.ln(), self.to.zoom.ln())).exp();
        let cam = Camera {
            centre: [
                lerp(self.from.centre[0], self.to.centre[0]),
                lerp(self.from.centre[1], self.to.centre[1]),
            ],
            zoom,
        };
        (cam, t >= 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    fn rect() -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0))
    }

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let mut cam = Camera::default();
        let anchor = pos2(100.0, 50.0);
        let before = cam.world_from_screen(rect(), anchor);
        cam.zoom_at(rect(), anchor, 3.0);
        let after = cam.world_from_screen(rect(), anchor);
        assert!((before[0] - after[0]).abs() < 1e-4 && (before[1] - after[1]).abs() < 1e-4);
        assert!((cam.zoom - 60.0).abs() < 1e-3);
    }

    #[test]
    fn fit_shows_every_point() {
        let inner = Rect::from_min_max(pos2(200.0, 0.0), pos2(800.0, 600.0));
        let cam =
            Camera::default().fitting(rect(), inner, [[-50.0, -10.0], [50.0, 10.0]].into_iter());
        for p in [[-50.0, -10.0], [50.0, 10.0]] {
            assert!(inner.contains(cam.screen_from_world(rect(), p)));
        }
    }

    #[test]
    fn a_move_ends_at_its_target() {
        let to = Camera {
            centre: [5.0, 5.0],
            zoom: 80.0,
        };
        let m = CameraMove {
            from: Camera::default(),
            to,
            start_secs: 0.0,
            duration_secs: 1.0,
        };
        let (mid, done) = m.at(0.5);
        assert!(!done && mid.zoom > 20.0 && mid.zoom < 80.0);
        let (end, done) = m.at(2.0);
        assert!(done);
        assert!((end.zoom - 80.0).abs() < 1e-3 && end.centre == [5.0, 5.0]);
    }
}
