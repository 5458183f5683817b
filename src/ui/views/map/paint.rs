//! Draws the map: country fills as one triangle mesh (triangulated once, moved to the screen
//! each frame), borders, dots for states too small to see, the selection's arcs and the
//! post markers.

use std::sync::Arc;

use eframe::egui::epaint::{Mesh, PathShape, QuadraticBezierShape, Vertex, WHITE_UV};
use eframe::egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, pos2};

use crate::map::{CountryShape, Swatch, WorldMap};
use crate::ui::theme::Palette;

use super::borders;
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
    pub pixels_per_point: f32,
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

    fn swatch(&self, scene: &Scene, country: usize) -> Swatch {
        scene
            .colouring
            .fills
            .get(country)
            .copied()
            .unwrap_or(Swatch::NotInAtlas)
    }

    /// Drawn as a dot: every polygon of the country is too small to see.
    fn is_dot(&self, country: &CountryShape) -> bool {
        let largest = country
            .polygons
            .iter()
            .map(|p| p.bounds.extent())
            .fold(0.0f32, f32::max);
        largest * self.camera.zoom < DOT_BELOW
    }

    fn key(&self, scene: &Scene) -> BaseKey {
        BaseKey {
            rect: self.rect,
            camera: self.camera,
            dark: self.palette.dark,
            high_contrast: self.palette.high_contrast,
            pixels_per_point: self.pixels_per_point,
            fills: scene.colouring.fills.clone(),
        }
    }
}

/// What the fills and borders depend on; while it holds, last frame's meshes are reused.
#[derive(Clone, Debug, PartialEq)]
struct BaseKey {
    rect: Rect,
    camera: MapCamera,
    dark: bool,
    high_contrast: bool,
    pixels_per_point: f32,
    fills: Vec<Swatch>,
}

/// The fills and borders of the last frame, already meshed: a still map (hovering, reading a
/// card, the time cursor moving without changing colours) reuses them as they are.
#[derive(Default)]
pub struct BaseCache {
    key: Option<BaseKey>,
    fills: Arc<Mesh>,
    borders: Arc<Mesh>,
}

/// Paints the whole map.
pub fn paint(painter: &Painter, frame: &Frame<'_>, scene: &Scene, cache: &mut BaseCache) {
    painter.rect_filled(frame.rect, 0.0, frame.palette.map_sea());
    let key = frame.key(scene);
    if cache.key.as_ref() != Some(&key) {
        let (fills, borders) = base_layer(frame, scene);
        *cache = BaseCache {
            key: Some(key),
            fills: Arc::new(fills),
            borders: Arc::new(borders),
        };
    }
    painter.add(Shape::Mesh(Arc::clone(&cache.fills)));
    painter.add(Shape::Mesh(Arc::clone(&cache.borders)));
    hover(painter, frame, scene);
    dots(painter, frame, scene);
    outline_selection(painter, frame, scene);
    arcs(painter, frame, scene);
    markers(painter, frame, scene);
}

/// Fills of every country on screen as one mesh, and their borders as another. Both come
/// straight from the map's points (triangulated once at load) through the camera, so a pan
/// or zoom costs a transform per point, not a triangulation or a stroke tessellation.
fn base_layer(frame: &Frame<'_>, scene: &Scene) -> (Mesh, Mesh) {
    let mut fills = Mesh::default();
    let mut borders = Mesh::default();
    let line = borders::Line {
        width: 0.6,
        colour: frame.palette.map_border(),
        pixels_per_point: frame.pixels_per_point,
    };
    let mut ring_points = Vec::new();
    for (i, country) in frame.map.countries.iter().enumerate() {
        if !frame.on_screen(country) || frame.is_dot(country) {
            continue;
        }
        add_fill(
            &mut fills,
            frame,
            country,
            frame.palette.map_fill(frame.swatch(scene, i)),
        );
        for poly in &country.polygons {
            if poly.bounds.extent() * frame.camera.zoom < BORDER_ABOVE {
                continue;
            }
            for ring in &country.rings[poly.rings.clone()] {
                let ring = &country.vertices[ring.clone()];
                borders::decimate_ring(ring.iter().map(|&p| frame.to_screen(p)), &mut ring_points);
                borders::add_ring(&mut borders, &ring_points, line);
            }
        }
    }
    (fills, borders)
}

/// The hovered country, tinted towards the highlight, over the base layer.
fn hover(painter: &Painter, frame: &Frame<'_>, scene: &Scene) {
    let Some(c) = frame.hovered_country else {
        return;
    };
    let country = &frame.map.countries[c];
    if frame.is_dot(country) {
        return;
    }
    let colour = frame
        .palette
        .map_fill(frame.swatch(scene, c))
        .lerp_to_gamma(frame.palette.highlight(), 0.35);
    let mut mesh = Mesh::default();
    add_fill(&mut mesh, frame, country, colour);
    painter.add(Shape::mesh(mesh));
}

/// Countries too small to see, as dots: larger for those with an actor in the atlas.
fn dots(painter: &Painter, frame: &Frame<'_>, scene: &Scene) {
    for (i, country) in frame.map.countries.iter().enumerate() {
        if !frame.is_dot(country) {
            continue;
        }
        let at = frame.to_screen(country.anchor);
        if !frame.rect.contains(at) {
            continue;
        }
        let swatch = frame.swatch(scene, i);
        let mut fill = frame.palette.map_fill(swatch);
        if frame.hovered_country == Some(i) {
            fill = fill.lerp_to_gamma(frame.palette.highlight(), 0.35);
        }
        let radius = if swatch == Swatch::NotInAtlas {
            2.0
        } else {
            3.5
        };
        painter.circle_filled(at, radius, fill);
    }
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
            let points = decimate(ring.iter().chain(ring.first()).map(|&p| frame.to_screen(p)));
            if points.len() >= 2 {
                out.push(Shape::Path(PathShape::line(points, stroke)));
            }
        }
    }
}

/// Drops points closer than a pixel to the last one kept: zoomed out, most of a border's
/// points fall on the same pixel, and each costs egui several triangles to stroke.
fn decimate(points: impl Iterator<Item = Pos2>) -> Vec<Pos2> {
    const MIN_STEP_SQ: f32 = 1.0;
    let mut out: Vec<Pos2> = Vec::new();
    let mut last_dropped = None;
    for p in points {
        match out.last() {
            Some(prev) if prev.distance_sq(p) < MIN_STEP_SQ => last_dropped = Some(p),
            _ => {
                out.push(p);
                last_dropped = None;
            }
        }
    }
    // Keep the end so that a ring closes.
    out.extend(last_dropped);
    out
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
        if marker.city {
            painter.circle(at, radius, fill, edge);
        } else {
            // City not recorded: a hollow ring at the country, so it reads as "somewhere here".
            painter.circle_stroke(at, radius, Stroke::new(3.0, frame.palette.background()));
            painter.circle_stroke(at, radius, Stroke::new(1.8, fill));
        }
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
