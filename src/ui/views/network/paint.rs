//! Drawing the network: edges batched into one mesh, nodes culled to the viewport, labels
//! thinned on a screen grid so they never pile up.

use eframe::egui::{self, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

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
    /// Nodes in label priority order.
    pub label_order: &'a [u32],
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

/// Nodes on screen, faded ones first so the live graph draws on top. Handed to the painter
/// in one batch: adding 20,000 shapes one by one takes the context's lock 20,000 times.
pub fn paint_nodes(painter: &Painter, scene: &Scene) {
    let view = scene.rect.expand(10.0);
    let mut shapes = Vec::new();
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
            shapes.push(Shape::circle_filled(p, r, colour));
            if look == NodeLook::Highlighted {
                let ring = Stroke::new(2.0, scene.palette.highlight());
                shapes.push(Shape::circle_stroke(p, r + 2.5, ring));
            }
        }
    }
    painter.extend(shapes);
}

/// Labels by priority: highlighted first, then `label_order`, each placed only where no
/// earlier label sits (a coarse screen grid), up to the zoom-dependent budget.
pub fn paint_labels(painter: &Painter, scene: &Scene) {
    const CELL: egui::Vec2 = vec2(24.0, 12.0);
    let cols = (scene.rect.width() / CELL.x).ceil() as usize + 1;
    let rows = (scene.rect.height() / CELL.y).ceil() as usize + 1;
    let mut taken = vec![false; cols * rows];
    let mut placed = 0usize;
    let highlighted = scene
        .looks
        .iter()
        .enumerate()
        .filter(|(_, l)| **l == NodeLook::Highlighted)
        .map(|(i, _)| i as u32);
    let order = highlighted.chain(scene.label_order.iter().copied());
    for node in order {
        let i = node as usize;
        let forced = scene.looks[i] == NodeLook::Highlighted;
        if !forced && (placed >= scene.label_budget || scene.looks[i] != NodeLook::Normal) {
            if placed >= scene.label_budget {
                break;
            }
            continue;
        }
        let p = scene.positions[i];
        if !scene.rect.contains(p) {
            continue;
        }
        let colour = scene.palette.text();
        let galley =
            painter.layout_no_wrap((scene.names)(i).to_string(), scene.font.clone(), colour);
        let at = p + vec2(-galley.size().x / 2.0, scene.radii[i] + 2.0);
        let label = Rect::from_min_size(at, galley.size());
        let cells = |r: Rect| {
            let x0 = ((r.min.x - scene.rect.min.x) / CELL.x).floor().max(0.0) as usize;
            let y0 = ((r.min.y - scene.rect.min.y) / CELL.y).floor().max(0.0) as usize;
            let x1 =
                (((r.max.x - scene.rect.min.x) / CELL.x).floor().max(0.0) as usize).min(cols - 1);
            let y1 =
                (((r.max.y - scene.rect.min.y) / CELL.y).floor().max(0.0) as usize).min(rows - 1);
            (x0.min(cols - 1)..=x1)
                .flat_map(move |x| (y0.min(rows - 1)..=y1).map(move |y| y * cols + x))
        };
        if !forced && cells(label).any(|c| taken[c]) {
            continue;
        }
        for c in cells(label) {
            taken[c] = true;
        }
        let backdrop = scene.palette.background().gamma_multiply(0.7);
        painter.rect_filled(label.expand(1.0), 2.0, backdrop);
        painter.galley(at, galley, colour);
        placed += 1;
    }
}

/// Draws the whole scene.
pub fn paint(painter: &Painter, scene: &Scene) {
    painter.add(Shape::mesh(edge_mesh(scene)));
    paint_nodes(painter, scene);
    paint_labels(painter, scene);
}
