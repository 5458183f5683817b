//! Country borders as one triangle strip per ring, built straight from the map's points each
//! frame. egui's stroke tessellator costs several milliseconds for the map's ~30,000 border
//! points, so a pan or zoom (where nothing can be reused) went over the frame budget; a strip
//! of a constant screen width needs only a transform and a normal per point.

use eframe::egui::epaint::{Mesh, Vertex, WHITE_UV};
use eframe::egui::{Color32, Pos2, Vec2, vec2};

/// Sharp corners would grow long miters; past this factor the corner is drawn bevel-thin.
const MAX_MITER: f32 = 2.0;

/// A border line's look on screen.
#[derive(Clone, Copy, Debug)]
pub struct Line {
    /// Width in points.
    pub width: f32,
    pub colour: Color32,
    pub pixels_per_point: f32,
}

impl Line {
    /// Half the drawn width and the colour to draw it in. Lines thinner than a pixel are drawn
    /// a pixel wide at reduced strength, as egui's own feathering does.
    fn half_width_and_colour(self) -> (f32, Color32) {
        let pixel = 1.0 / self.pixels_per_point.max(0.1);
        if self.width < pixel {
            (pixel / 2.0, self.colour.gamma_multiply(self.width / pixel))
        } else {
            (self.width / 2.0, self.colour)
        }
    }
}

/// Adds a closed ring (its last point joins its first) as a strip of quads of constant width.
/// Fewer than two distinct points draw nothing.
pub fn add_ring(mesh: &mut Mesh, points: &[Pos2], line: Line) {
    let n = points.len();
    if n < 2 {
        return;
    }
    let (half, colour) = line.half_width_and_colour();
    let base = mesh.vertices.len() as u32;
    mesh.reserve_vertices(2 * n);
    mesh.reserve_triangles(2 * n);
    for i in 0..n {
        let prev = points[(i + n - 1) % n];
        let next = points[(i + 1) % n];
        let offset = join_offset(prev, points[i], next) * half;
        for p in [points[i] + offset, points[i] - offset] {
            mesh.vertices.push(Vertex {
                pos: p,
                uv: WHITE_UV,
                color: colour,
            });
        }
    }
    for i in 0..n as u32 {
        let j = (i + 1) % n as u32;
        let (a, b, c, d) = (
            base + 2 * i,
            base + 2 * i + 1,
            base + 2 * j,
            base + 2 * j + 1,
        );
        mesh.add_triangle(a, b, d);
        mesh.add_triangle(a, d, c);
    }
}

/// A closed ring's screen points without those closer than a pixel to the last one kept:
/// zoomed out, most of a border's points fall on the same pixel.
pub fn decimate_ring(points: impl Iterator<Item = Pos2>, out: &mut Vec<Pos2>) {
    const MIN_STEP_SQ: f32 = 1.0;
    out.clear();
    for p in points {
        if out
            .last()
            .is_none_or(|prev| prev.distance_sq(p) >= MIN_STEP_SQ)
        {
            out.push(p);
        }
    }
    // The ring closes by itself: a last point on top of the first adds nothing.
    if out.len() > 2 && out[0].distance_sq(out[out.len() - 1]) < MIN_STEP_SQ {
        out.pop();
    }
}

/// The unit normal of the segment `a → b` (zero for a point).
fn normal(a: Pos2, b: Pos2) -> Vec2 {
    let d = b - a;
    let len = d.length();
    if len > 0.0 {
        vec2(-d.y, d.x) / len
    } else {
        Vec2::ZERO
    }
}

/// The offset of the strip's edge at `at` for a half-width of 1: the miter of the segments
/// before and after, capped at [`MAX_MITER`].
fn join_offset(prev: Pos2, at: Pos2, next: Pos2) -> Vec2 {
    let (before, after) = (normal(prev, at), normal(at, next));
    let sum = before + after;
    let len = sum.length();
    if len < 1e-3 {
        // A hairpin (or a lone point): the later segment's normal alone.
        return if after == Vec2::ZERO { before } else { after };
    }
    let miter = sum / len;
    let cos = miter.dot(after).max(1.0 / MAX_MITER);
    miter / cos
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    fn line(width: f32) -> Line {
        Line {
            width,
            colour: Color32::WHITE,
            pixels_per_point: 1.0,
        }
    }

    #[test]
    fn a_ring_gets_two_vertices_per_point_and_two_triangles_per_side() {
        let mut mesh = Mesh::default();
        let square = [
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        ];
        add_ring(&mut mesh, &square, line(2.0));
        assert_eq!(mesh.vertices.len(), 8);
        assert_eq!(mesh.indices.len(), 4 * 2 * 3);
        assert!(mesh.is_valid());
    }

    #[test]
    fn a_straight_stretch_is_as_wide_as_the_line() {
        let mut mesh = Mesh::default();
        let points = [
            pos2(0.0, 0.0),
            pos2(5.0, 0.0),
            pos2(10.0, 0.0),
            pos2(5.0, 5.0),
        ];
        add_ring(&mut mesh, &points, line(3.0));
        // The middle point of the straight bottom edge: its two vertices 3 points apart.
        let (a, b) = (mesh.vertices[2].pos, mesh.vertices[3].pos);
        assert!((a.distance(b) - 3.0).abs() < 1e-4, "{a:?} {b:?}");
    }

    #[test]
    fn a_hairline_is_a_pixel_wide_and_fainter() {
        let mut mesh = Mesh::default();
        add_ring(&mut mesh, &[pos2(0.0, 0.0), pos2(10.0, 0.0)], line(0.5));
        let (a, b) = (mesh.vertices[0].pos, mesh.vertices[1].pos);
        assert!((a.distance(b) - 1.0).abs() < 1e-4);
        assert!(mesh.vertices[0].color.a() < 255);
    }

    #[test]
    fn a_hairpin_does_not_spike() {
        let mut mesh = Mesh::default();
        let points = [pos2(0.0, 0.0), pos2(100.0, 0.0), pos2(0.0, 0.1)];
        add_ring(&mut mesh, &points, line(1.0));
        let far = mesh
            .vertices
            .iter()
            .map(|v| v.pos.x)
            .fold(f32::MIN, f32::max);
        assert!(far < 100.0 + MAX_MITER + 1e-3, "spike to x = {far}");
    }

    #[test]
    fn decimation_drops_points_within_a_pixel_and_the_closing_duplicate() {
        let mut out = Vec::new();
        let points = [
            pos2(0.0, 0.0),
            pos2(0.3, 0.0),
            pos2(5.0, 0.0),
            pos2(5.0, 5.0),
            pos2(0.2, 0.2),
        ];
        decimate_ring(points.into_iter(), &mut out);
        assert_eq!(out, vec![pos2(0.0, 0.0), pos2(5.0, 0.0), pos2(5.0, 5.0)]);
    }

    #[test]
    fn a_single_point_draws_nothing() {
        let mut mesh = Mesh::default();
        add_ring(&mut mesh, &[pos2(1.0, 1.0)], line(1.0));
        assert!(mesh.is_empty());
    }
}
