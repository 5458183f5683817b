//! The network for a picture: framed on what is shown (or on a focus), with no input, no
//! layout thread and no animation; drawn by the view's own painter, or handed out as plain
//! shapes for the SVG writer.

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Ui, vec2};
use petgraph::graph::NodeIndex;

use crate::io::svg::{Anchor, Rgba, SvgShape};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;

use super::paint::NodeLook;
use super::{Camera, NetworkView, clear_of_legend, framing_of};

/// The widest a label may be estimated per character, as a share of its font size, for
/// placing SVG labels without a font at hand (a generous guess, so labels rather overlap less).
const CHAR_WIDTH: f32 = 0.58;

impl NetworkView {
    /// Draws the network into all of `ui`, framed on `focus` (actor ids; with neighbours when
    /// there is one) or on everything shown when `focus` is empty or hidden.
    pub fn picture_ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        palette: Palette,
        focus: &[String],
    ) {
        if self.generation != Some(state.dataset.generation)
            || self.positions.len() != state.dataset.graph.node_count()
        {
            self.rebuild(state, false);
        }
        let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
        let looks = self.looks(state);
        self.frame_for_picture(state, rect, &looks, focus);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, palette.background());
        let font_size = ui.style().text_styles[&egui::TextStyle::Small].size;
        self.paint(&painter, rect, state, &looks, palette, font_size);
    }

    /// Points the camera at the focus (or all that is shown) inside `rect`, clear of the legend,
    /// with the fit's margin.
    fn frame_for_picture(
        &mut self,
        state: &AppState,
        rect: Rect,
        looks: &[NodeLook],
        focus: &[String],
    ) {
        let shown = |i: &usize| looks.get(*i).is_some_and(|l| *l != NodeLook::Hidden);
        let mut nodes: Vec<usize> = framing_of(state, focus).into_iter().filter(shown).collect();
        if nodes.is_empty() {
            nodes = (0..looks.len()).filter(shown).collect();
        }
        let target = self.camera.fitting(
            rect,
            picture_inner(rect),
            nodes.iter().filter_map(|&n| self.positions.get(n).copied()),
        );
        self.camera = if nodes.len() <= 1 {
            Camera {
                zoom: target.zoom.min(40.0),
                ..target
            }
        } else {
            target
        };
        self.camera_move = None;
        self.auto_fit = false;
        self.keep_framed = false;
        self.last_rect = Some(rect);
    }

    /// The same picture as shapes for SVG: edges, nodes and labels inside `rect`.
    pub fn picture_shapes(
        &mut self,
        state: &AppState,
        rect: Rect,
        palette: Palette,
        font_size: f32,
        focus: &[String],
    ) -> Vec<SvgShape> {
        if self.generation != Some(state.dataset.generation)
            || self.positions.len() != state.dataset.graph.node_count()
        {
            self.rebuild(state, false);
        }
        let looks = self.looks(state);
        self.frame_for_picture(state, rect, &looks, focus);
        let screen: Vec<Pos2> = self
            .positions
            .iter()
            .map(|p| self.camera.screen_from_world(rect, *p))
            .collect();
        let zoom_scale = (self.camera.zoom / 20.0).clamp(0.35, 2.5);
        let radii: Vec<f32> = self
            .degree
            .iter()
            .map(|&d| super::node_radius(d) * zoom_scale.sqrt())
            .collect();
        let mut shapes = self.svg_edges(state, rect, &looks, &screen, &radii, palette);
        shapes.extend(svg_nodes(state, rect, &looks, &screen, &radii, palette));
        shapes.extend(self.svg_labels(state, rect, &looks, &screen, &radii, palette, font_size));
        shapes
    }

    fn svg_edges(
        &self,
        state: &AppState,
        rect: Rect,
        looks: &[NodeLook],
        screen: &[Pos2],
        radii: &[f32],
        palette: Palette,
    ) -> Vec<SvgShape> {
        let edges = self.edge_looks(state, looks, palette);
        let arrows = edges.len() < 5_000 && self.camera.zoom > 6.0;
        let mut shapes = Vec::with_capacity(edges.len());
        for (a, b, colour, width, directed) in edges {
            let (pa, pb) = (screen[a as usize], screen[b as usize]);
            let bounds = Rect::from_two_pos(pa, pb);
            if !rect.intersects(bounds) || (pb - pa).length() < 0.5 {
                continue;
            }
            shapes.push(SvgShape::Line {
                from: [pa.x, pa.y],
                to: [pb.x, pb.y],
                colour: rgba(colour),
                width: width.max(0.5),
            });
            if directed && arrows {
                let dir = (pb - pa).normalized();
                let tip = pb - dir * (radii[b as usize] + 1.0);
                let size = 5.0 + width;
                let back = tip - dir * size;
                let side = vec2(-dir.y, dir.x) * (size * 0.45);
                let corners = [tip, back + side, back - side].map(|p| [p.x, p.y]);
                shapes.push(SvgShape::Triangle {
                    points: corners,
                    fill: rgba(colour),
                });
            }
        }
        shapes
    }

    /// Labels as the painter places them: highlighted first, then by priority, each where no
    /// earlier one sits, up to the zoom's budget.
    #[allow(clippy::too_many_arguments)]
    fn svg_labels(
        &self,
        state: &AppState,
        rect: Rect,
        looks: &[NodeLook],
        screen: &[Pos2],
        radii: &[f32],
        palette: Palette,
        font_size: f32,
    ) -> Vec<SvgShape> {
        let graph = &state.dataset.graph;
        let budget = ((self.camera.zoom / 8.0).powi(2) * 30.0).clamp(12.0, 600.0) as usize;
        let highlighted = (0..looks.len()).filter(|&i| looks[i] == NodeLook::Highlighted);
        let normal = self
            .label_order
            .iter()
            .map(|&n| n as usize)
            .filter(|&i| looks.get(i) == Some(&NodeLook::Normal));
        let mut placed: Vec<Rect> = Vec::new();
        let mut shapes = Vec::new();
        for i in highlighted.chain(normal) {
            let forced = looks[i] == NodeLook::Highlighted;
            if !forced && placed.len() >= budget {
                break;
            }
            let p = screen[i];
            if !rect.contains(p) {
                continue;
            }
            let name = graph.actor(NodeIndex::new(i)).name.as_str();
            let size = vec2(
                name.chars().count() as f32 * font_size * CHAR_WIDTH,
                font_size * 1.2,
            );
            let free =
                |r: &Rect| rect.contains_rect(*r) && !placed.iter().any(|p| p.intersects(*r));
            let spots = label_spots(p, size, radii[i]);
            let label = match spots.iter().find(|r| free(r)) {
                Some(spot) => *spot,
                // The selection and the story's actors are always named, overlap or not.
                None if forced => inside(spots[0], rect),
                None => continue,
            };
            placed.push(label);
            shapes.push(SvgShape::Rect {
                min: [label.min.x - 1.0, label.min.y - 1.0],
                max: [label.max.x + 1.0, label.max.y + 1.0],
                fill: rgba(palette.background().gamma_multiply(0.7)),
                corner: 2.0,
            });
            shapes.push(SvgShape::Text {
                at: [label.center().x, label.top()],
                text: name.to_string(),
                size: font_size,
                colour: rgba(palette.text()),
                anchor: Anchor::Middle,
                bold: forced,
            });
        }
        shapes
    }
}

/// `label` moved the least that puts it inside `rect` (when it fits).
fn inside(label: Rect, rect: Rect) -> Rect {
    let dx = (rect.left() - label.left()).max(0.0) + (rect.right() - label.right()).min(0.0);
    let dy = (rect.top() - label.top()).max(0.0) + (rect.bottom() - label.bottom()).min(0.0);
    label.translate(vec2(dx, dy))
}

/// Where a label of `size` may go around a node at `p` of radius `r`, best first: below,
/// above, right, left.
fn label_spots(p: Pos2, size: egui::Vec2, r: f32) -> [Rect; 4] {
    let gap = r + 2.0;
    [
        Rect::from_min_size(p + vec2(-size.x / 2.0, gap), size),
        Rect::from_min_size(p + vec2(-size.x / 2.0, -gap - size.y), size),
        Rect::from_min_size(p + vec2(gap + 2.0, -size.y / 2.0), size),
        Rect::from_min_size(p + vec2(-gap - 2.0 - size.x, -size.y / 2.0), size),
    ]
}

/// Where a picture puts what it frames: clear of the legend (wider in a picture than the
/// window's allowance, its text being larger), with a margin for the labels at the edges.
fn picture_inner(rect: Rect) -> Rect {
    const LEGEND_WIDTH: f32 = 270.0;
    let inner = if rect.width() > 3.0 * LEGEND_WIDTH {
        Rect::from_min_max(egui::pos2(rect.left() + LEGEND_WIDTH, rect.top()), rect.max)
    } else {
        clear_of_legend(rect)
    };
    inner.shrink2(vec2(rect.width() * 0.05, rect.height() * 0.05))
}

/// Nodes on the picture, faded ones first so the live graph draws on top.
fn svg_nodes(
    state: &AppState,
    rect: Rect,
    looks: &[NodeLook],
    screen: &[Pos2],
    radii: &[f32],
    palette: Palette,
) -> Vec<SvgShape> {
    let graph = &state.dataset.graph;
    let view = rect.expand(10.0);
    let mut shapes = Vec::new();
    for pass in [NodeLook::Faded, NodeLook::Normal, NodeLook::Highlighted] {
        for (i, &look) in looks.iter().enumerate() {
            if look != pass || !view.contains(screen[i]) {
                continue;
            }
            let colour = palette.kind(graph.actor(NodeIndex::new(i)).kind);
            let fill = if look == NodeLook::Faded {
                palette.ghost(colour)
            } else {
                colour
            };
            shapes.push(SvgShape::Circle {
                centre: [screen[i].x, screen[i].y],
                radius: radii[i],
                fill: rgba(fill),
                ring: (look == NodeLook::Highlighted).then(|| (rgba(palette.highlight()), 2.0)),
            });
        }
    }
    shapes
}

/// egui's premultiplied colour as plain sRGB and alpha.
pub fn rgba(colour: Color32) -> Rgba {
    colour.to_srgba_unmultiplied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_graph_str;
    use crate::model::load::{DEFAULT_ATLAS_NAME, DEFAULT_ATLAS_RON};
    use crate::ui::state::Prefs;

    #[test]
    fn a_label_past_an_edge_moves_back_inside() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(100.0, 50.0));
        let label = Rect::from_min_size(egui::pos2(80.0, -5.0), vec2(40.0, 10.0));
        let moved = inside(label, rect);
        assert!(rect.contains_rect(moved), "{moved:?}");
        assert_eq!(moved.size(), label.size());
    }

    #[test]
    fn svg_labels_stay_inside_and_only_forced_ones_may_overlap() {
        let loaded = load_graph_str(DEFAULT_ATLAS_RON, DEFAULT_ATLAS_NAME).expect("the atlas");
        let state = AppState::new(loaded, Prefs::default());
        let mut view = NetworkView::default();
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 620.0));
        let palette = Palette {
            dark: false,
            high_contrast: false,
        };
        let shapes = view.picture_shapes(&state, rect, palette, 11.0, &["japan".into()]);
        let labels: Vec<(Rect, bool)> = shapes
            .iter()
            .filter_map(|s| match s {
                SvgShape::Text {
                    at,
                    text,
                    size,
                    bold,
                    ..
                } => {
                    let width = text.chars().count() as f32 * size * CHAR_WIDTH;
                    let min = egui::pos2(at[0] - width / 2.0, at[1]);
                    Some((Rect::from_min_size(min, vec2(width, size * 1.2)), *bold))
                }
                _ => None,
            })
            .collect();
        assert!(labels.len() > 10, "{} labels", labels.len());
        for (i, (a, forced_a)) in labels.iter().enumerate() {
            assert!(
                rect.expand(0.5).contains_rect(*a),
                "{a:?} leaves the canvas"
            );
            for (b, forced_b) in &labels[i + 1..] {
                let overlap = a.shrink(0.5).intersects(b.shrink(0.5));
                assert!(!overlap || (*forced_a && *forced_b), "{a:?} overlaps {b:?}");
            }
        }
    }
}
