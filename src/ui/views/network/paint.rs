//! Drawing the network: edges batched into one mesh, nodes culled to the viewport, labels
//! placed by priority where they overlap no other label (`layout::labels`).

use eframe::egui::{Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use crate::layout::labels::{LabelBox, LabelPlacer};
use crate::ui::theme::Palette;

/// What to draw for one node this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeLook {
    Hidden,
    Faded,
    Normal,
    Highlighted,
}

/// Everything the painter needs, prepared by the view from the state.
pub struct Scene<'a> {
    pub rect: Rect,
    pub positions: &'a [Pos2],
    pub radii: &'a [f32],
    pub colours: &'a [Color32],
    pub looks: &'a [NodeLook],
    /// (from, to, colour, width, directed)
    pub edges: &'a [(u32, u32, Color32, f32, bool)],
    /// Nodes whose labels come first, most important first (not counted in the budget).
    pub label_first: &'a [u32],
    /// The other nodes in label priority order (most linked first).
    pub label_order: &'a [u32],
    /// Areas that float over the canvas (legend, view controls), where no label goes.
    pub blocked: &'a [Rect],
    pub names: &'a dyn Fn(usize) -> &'a str,
    pub label_budget: usize,
    pub palette: Palette,
    pub font: FontId,
    pub arrows: bool,
}

fn segment_visible(rect: Rect, a: Pos2, b: Pos2) -> bool {
    let min = pos2(a.x.min(b.x), a.y.min(b.y));
    let max = pos2(a.x.max(b.x), a.y.max(b.y));
    rect.intersects(Rect::from_min_max(min, max))
}

/// One mesh for every edge: a thin quad each, plus an arrowhead at the target where asked.
pub fn edge_mesh(scene: &Scene) -> Mesh {
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(scene.edges.len() * 8);
    mesh.reserve_triangles(scene.edges.len() * 6);
    let view = scene.rect.expand(4.0);
    for &(a, b, colour, width, directed) in scene.edges {
        let (pa, pb) = (scene.positions[a as usize], scene.positions[b as usize]);
        if !segment_visible(view, pa, pb) {
            continue;
        }
        let d = pb - pa;
        let len = d.length();
        if len < 0.5 {
            continue;
        }
        let dir = d / len;
        let across = vec2(-dir.y, dir.x);
        if width < 1.0 {
            // Hairlines (far out, many edges): one quad a point wide at reduced strength looks
            // the same as a fringed line and costs a third of the triangles.
            let half = across * 0.5;
            let faint = colour.gamma_multiply(width);
            let base = mesh.vertices.len() as u32;
            for p in [pa + half, pa - half, pb - half, pb + half] {
                mesh.colored_vertex(p, faint);
            }
            mesh.add_triangle(base, base + 1, base + 2);
            mesh.add_triangle(base, base + 2, base + 3);
        } else {
            // A solid core and a one-point transparent fringe on each side: antialiased lines
            // without a shape per edge.
            let (core, fringe) = (across * (width / 2.0), across * (width / 2.0 + 1.0));
            let clear = Color32::TRANSPARENT;
            let base = mesh.vertices.len() as u32;
            for (p, c) in [
                (pa + fringe, clear),
                (pa + core, colour),
                (pa - core, colour),
                (pa - fringe, clear),
                (pb + fringe, clear),
                (pb + core, colour),
                (pb - core, colour),
                (pb - fringe, clear),
            ] {
                mesh.colored_vertex(p, c);
            }
            for k in 0..3 {
                mesh.add_triangle(base + k, base + k + 1, base + k + 5);
                mesh.add_triangle(base + k, base + k + 5, base + k + 4);
            }
        }
        if directed && scene.arrows {
            let tip = pb - dir * (scene.radii[b as usize] + 1.0);
            let size = 5.0 + width;
            let back = tip - dir * size;
            let side = across * (size * 0.45);
            let base = mesh.vertices.len() as u32;
            for p in [tip, back + side, back - side] {
                mesh.colored_vertex(p, colour);
            }
            mesh.add_triangle(base, base + 1, base + 2);
        }
    }
    mesh
}

/// Nodes on screen, faded ones first so the live graph draws on top.
pub fn paint_nodes(painter: &Painter, scene: &Scene) {
    let view = scene.rect.expand(10.0);
    for pass in [NodeLook::Faded, NodeLook::Normal, NodeLook::Highlighted] {
        for (i, &look) in scene.looks.iter().enumerate() {
            if look != pass {
                continue;
            }
            let p = scene.positions[i];
            if !view.contains(p) {
                continue;
            }
            let r = scene.radii[i];
            let colour = match look {
                NodeLook::Faded => scene.palette.ghost(scene.colours[i]),
                _ => scene.colours[i],
            };
            painter.circle_filled(p, r, colour);
            if look == NodeLook::Highlighted {
                painter.circle_stroke(p, r + 2.5, Stroke::new(2.0, scene.palette.highlight()));
            }
        }
    }
}

/// Labels without overlaps (see [`crate::layout::labels`]): first every node of
/// `label_first` (the selection, the focus and path, the selection's neighbours), then nodes
/// by `label_order` (hubs first) up to the zoom-dependent budget. Returns each label drawn
/// with its box (backdrop included).
pub fn paint_labels(painter: &Painter, scene: &Scene) -> Vec<(u32, Rect)> {
    let to_box = |r: &Rect| LabelBox::new([r.min.x, r.min.y], [r.max.x, r.max.y]);
    let blocked: Vec<LabelBox> = scene.blocked.iter().map(to_box).collect();
    let mut placer = LabelPlacer::new(to_box(&scene.rect), &blocked);
    let mut tried = vec![false; scene.looks.len()];
    let mut drawn = Vec::new();
    let shows = |i: usize| matches!(scene.looks[i], NodeLook::Normal | NodeLook::Highlighted);
    for &node in scene.label_first {
        let i = node as usize;
        if i < tried.len() && !tried[i] && shows(i) {
            tried[i] = true;
            drawn.extend(place_label(painter, scene, &mut placer, node));
        }
    }
    // Far out, most offers fail; a cap on attempts keeps a crowded frame cheap.
    let (mut placed, mut attempts) = (0usize, 0usize);
    for &node in scene.label_order {
        if placed >= scene.label_budget || attempts >= 4 * scene.label_budget {
            break;
        }
        let i = node as usize;
        if tried[i] || !shows(i) || !scene.rect.contains(scene.positions[i]) {
            continue;
        }
        tried[i] = true;
        attempts += 1;
        if let Some(label) = place_label(painter, scene, &mut placer, node) {
            drawn.push(label);
            placed += 1;
        }
    }
    drawn
}

/// Lays out one node's name and draws it at the first free anchor, if any.
fn place_label(
    painter: &Painter,
    scene: &Scene,
    placer: &mut LabelPlacer,
    node: u32,
) -> Option<(u32, Rect)> {
    let i = node as usize;
    let colour = scene.palette.text();
    let galley = painter.layout_no_wrap((scene.names)(i).to_string(), scene.font.clone(), colour);
    // The box holds the backdrop, a point wider than the text on every side.
    let size = galley.size() + vec2(2.0, 2.0);
    let p = scene.positions[i];
    let spot = placer.place([p.x, p.y], scene.radii[i], [size.x, size.y])?;
    let label = Rect::from_min_max(
        pos2(spot.min[0], spot.min[1]),
        pos2(spot.max[0], spot.max[1]),
    );
    let backdrop = scene.palette.background().gamma_multiply(0.7);
    painter.rect_filled(label, 2.0, backdrop);
    painter.galley(label.min + vec2(1.0, 1.0), galley, colour);
    Some((node, label))
}

/// Draws the whole scene; returns the labels drawn with their boxes.
pub fn paint(painter: &Painter, scene: &Scene) -> Vec<(u32, Rect)> {
    painter.add(Shape::mesh(edge_mesh(scene)));
    paint_nodes(painter, scene);
    paint_labels(painter, scene)
}
