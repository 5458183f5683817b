//! Draws the map: country fills as one triangle mesh (triangulated once, moved to the screen
//! each frame), borders, dots for states too small to see, the selection's arcs and the
//! post markers.

use eframe::egui::epaint::{Mesh, PathShape, QuadraticBezierShape, Vertex, WHITE_UV};
use eframe::egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, pos2};

use crate::map::{CountryShape, Swatch, WorldMap};
use crate::ui::theme::Palette;

use super::camera::MapCamera;
use super::scene::Scene;

/// Below this size on screen (points) a country is drawn as a dot so it can be seen and hit.
pub const DOT_BELOW: f32 = 3.0;
/// Rings smaller than this on screen get no border: it would only blur them.
const BORDER_ABOVE: f32 = 1.5;

/// What one paint needs besides the scene.
pub struct Frame<'a> {
    pub map: &'a WorldMap,
    pub camera: MapCamera,
    pub rect: Rect,
    pub palette: Palette,
    pub hovered_country: Option<usize>,
    pub hovered_marker: Option<usize>,
    pub selected_nodes: &'a [petgraph::graph::NodeIndex],
}

impl Frame<'_> {
    fn to_screen(&self, p: [f32; 2]) -> Pos2 {
        self.camera.screen_from_map(self.rect, p)
    }

    fn on_screen(&self, shape: &CountryShape) -> bool {
        let a = self.to_screen(shape.bounds.min);
        let b = self.to_screen(shape.bounds.max);
        Rect::from_two_pos(a, b).intersects(self.rect)
    }

    fn fill_of(&self, scene: &Scene, country: usize) -> Color32 {
        let swatch = scene
            .colouring
            .fills
            .get(country)
            .copied()
            .unwrap_or(Swatch::NotInAtlas);
        let c = self.palette.map_fill(swatch);
        if self.hovered_country == Some(country) {
            c.lerp_to_gamma(self.palette.highlight(), 0.35)
        } else {
            c
        }
    }
}

/// Paints the whole map.
pub fn paint(painter: &Painter, frame: &Frame<'_>, scene: &Scene) {
    painter.rect_filled(frame.rect, 0.0, frame.palette.map_sea());
    let mut mesh = Mesh::default();
    let mut borders = Vec::new();
    let mut dots = Vec::new();
    let border = Stroke::new(0.6, frame.palette.map_border());
    for (i, country) in frame.map.countries.iter().enumerate() {
        if !frame.on_screen(country) {
            continue;
        }
        let fill = frame.fill_of(scene, i);
        let size = country.bounds.extent() * frame.camera.zoom;
        let largest = country
            .polygons
            .iter()
            .map(|p| p.bounds.extent())
            .fold(0.0f32, f32::max);
        if largest * frame.camera.zoom < DOT_BELOW {
            let in_atlas = scene.colouring.fills.get(i) != Some(&Swatch::NotInAtlas);
            let radius = if in_atlas { 3.5 } else { 2.0 };
            dots.push(Shape::circle_filled(
                frame.to_screen(country.anchor),
                radius,
                fill,
            ));
            continue;
        }
        add_fill(&mut mesh, frame, country, fill);
        if size > BORDER_ABOVE {
            add_borders(&mut borders, frame, country, border);
        }
    }
    painter.add(Shape::mesh(mesh));
    painter.extend(borders);
    painter.extend(dots);
    outline_selection(painter, frame, scene);
    arcs(painter, frame, scene);
    markers(painter, frame, scene);
}

fn add_fill(mesh: &mut Mesh, frame: &Frame<'_>, country: &CountryShape, fill: Color32) {
    let base = mesh.vertices.len() as u32;
    mesh.vertices
        .extend(country.vertices.iter().map(|&p| Vertex {
            pos: frame.to_screen(p),
            uv: WHITE_UV,
            color: fill,
        }));
    mesh.indices
        .extend(country.triangles.iter().map(|&i| base + i));
}

fn add_borders(out: &mut Vec<Shape>, frame: &Frame<'_>, country: &CountryShape, stroke: Stroke) {
    for poly in &country.polygons {
        if poly.bounds.extent() * frame.camera.zoom < BORDER_ABOVE {
            continue;
        }
        for ring in &country.rings[poly.rings.clone()] {
            // An open line back to the start rather than a closed loop: egui cuts off sharp
            // corners only on open lines, and a loop with a hairpin turn draws a long spike.
            let ring = &country.vertices[ring.clone()];
            let points: Vec<Pos2> = ring
                .iter()
                .chain(ring.first())
                .map(|&p| frame.to_screen(p))
                .collect();
            out.push(Shape::Path(PathShape::line(points, stroke)));
        }
    }
}

fn outline_selection(painter: &Painter, frame: &Frame<'_>, scene: &Scene) {
    let Some(c) = scene.selected_country else {
        return;
    };
    let country = &frame.map.countries[c];
    let stroke = Stroke::new(2.0, frame.palette.highlight());
    let mut shapes = Vec::new();
    add_borders(&mut shapes, frame, country, stroke);
    painter.extend(shapes);
    let largest = country
        .polygons
        .iter()
        .map(|p| p.bounds.extent())
        .fold(0.0f32, f32::max);
    if largest * frame.camera.zoom < DOT_BELOW {
        painter.circle_stroke(frame.to_screen(country.anchor), 6.0, stroke);
    }
}

/// Curved links from the selection to each partner country, bowing away from the equator's
/// side so that opposite links do not overlap.
fn arcs(painter: &Painter, frame: &Frame<'_>, scene: &Scene) {
    let Some(origin) = scene.origin else {
        return;
    };
    let from = frame.to_screen(origin);
    let colour = frame.palette.highlight();
    let stroke = Stroke::new(1.6, colour.gamma_multiply(0.85));
    for &c in &scene.partners {
        let to = frame.to_screen(frame.map.countries[c].anchor);
        let mid = pos2((from.x + to.x) / 2.0, (from.y + to.y) / 2.0);
        let d = to - from;
        let bend = d.length() * 0.2;
        let normal = eframe::egui::vec2(d.y, -d.x).normalized();
        let normal = if normal.y > 0.0 { -normal } else { normal };
        let control = mid + normal * bend;
        painter.add(QuadraticBezierShape::from_points_stroke(
            [from, control, to],
            false,
            Color32::TRANSPARENT,
            stroke,
        ));
        painter.circle_filled(to, 3.0, colour);
    }
    painter.circle_filled(from, 4.5, colour);
}

fn markers(painter: &Painter, frame: &Frame<'_>, scene: &Scene) {
    let fill = frame.palette.kind(crate::model::ActorKind::Envoy);
    let edge = Stroke::new(1.2, frame.palette.background());
    for (i, marker) in scene.markers.iter().enumerate() {
        let at = frame.to_screen(marker.at);
        if !frame.rect.expand(10.0).contains(at) {
            continue;
        }
        let radius = marker_radius(marker.nodes.len());
        painter.circle(at, radius, fill, edge);
        let selected = marker
            .nodes
            .iter()
            .any(|n| frame.selected_nodes.contains(n));
        if selected || frame.hovered_marker == Some(i) {
            painter.circle_stroke(
                at,
                radius + 2.5,
                Stroke::new(2.0, frame.palette.highlight()),
            );
        }
    }
}

/// Markers grow a little with the number of posts at one place.
pub fn marker_radius(posts: usize) -> f32 {
    3.5 + (posts as f32).sqrt() * 1.2
}
