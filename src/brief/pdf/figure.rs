//! Network pictures as vector drawings: lines for relations (with arrowheads where they are
//! directed), circles coloured by actor kind, and labels placed where they overlap least.

use crate::brief::doc::Figure;
use crate::model::ActorKind;

use super::blocks::{INK, SMALL, bold};
use super::flow::{Flow, LEADING, Op, line_width};
use super::wrap::{Line, Span, Style};

/// How far the picture may stretch sideways: the layout is round, the page is wide.
const MAX_STRETCH: f32 = 1.8;
/// Room around the nodes for their labels.
const PAD_X: f32 = 64.0;
const PAD_Y: f32 = 16.0;
const EDGE: [u8; 3] = [150, 156, 166];
const FRAME: [u8; 3] = [215, 218, 224];
const LABEL: Style = Style {
    size: 7.0,
    bold: false,
    color: INK,
};

pub fn set_figure(flow: &mut Flow<'_>, figure: &Figure) {
    let width = flow.text_width();
    let caption = flow.lines(&[Span::new(&figure.caption, SMALL)], width);
    let height = box_height(figure.nodes.len());
    flow.ensure(self::height(figure));
    let (x0, y0) = (flow.left(), flow.y);
    frame(flow, [x0, y0, x0 + width, y0 + height]);
    let sy = height - 2.0 * PAD_Y;
    let sx = (width - 2.0 * PAD_X).min(sy * MAX_STRETCH);
    let (cx, cy) = (x0 + width / 2.0, y0 + height / 2.0);
    let at: Vec<[f32; 2]> = figure
        .nodes
        .iter()
        .map(|n| [cx + (n.at[0] - 0.5) * sx, cy + (n.at[1] - 0.5) * sy])
        .collect();
    let radius: Vec<f32> = figure
        .nodes
        .iter()
        .map(|n| if n.emphasis { 7.0 } else { 4.0 })
        .collect();
    for e in &figure.edges {
        edge(flow, at[e.from], at[e.to], radius[e.to], e.directed);
    }
    for (i, node) in figure.nodes.iter().enumerate() {
        flow.push(Op::Circle {
            centre: at[i],
            radius: radius[i],
            fill: kind_colour(node.kind),
            stroke: [255, 255, 255],
        });
    }
    let segments: Vec<[[f32; 2]; 2]> = figure
        .edges
        .iter()
        .map(|e| [at[e.from], at[e.to]])
        .collect();
    let obstacles = Obstacles {
        nodes: at
            .iter()
            .zip(&radius)
            .map(|(c, r)| [c[0] - r, c[1] - r, c[0] + r, c[1] + r])
            .collect(),
        segments,
        bounds: [x0, y0, x0 + width, y0 + height],
    };
    labels(flow, figure, &at, &radius, &obstacles);
    flow.y += height + 3.0;
    legend(flow, figure);
    flow.place_lines(&caption, x0);
}

/// The height of the picture with its legend and caption.
pub fn height(figure: &Figure) -> f32 {
    box_height(figure.nodes.len()) + 3.0 * SMALL.size * LEADING
}

/// Small networks get a smaller picture.
fn box_height(nodes: usize) -> f32 {
    match nodes {
        0..=3 => 110.0,
        4..=9 => 170.0,
        _ => 240.0,
    }
}

fn frame(flow: &mut Flow<'_>, [l, t, r, b]: [f32; 4]) {
    for (from, to) in [
        ([l, t], [r, t]),
        ([r, t], [r, b]),
        ([r, b], [l, b]),
        ([l, b], [l, t]),
    ] {
        flow.push(Op::Line {
            from,
            to,
            width: 0.5,
            color: FRAME,
        });
    }
}

/// A line from `a` to the rim of the circle at `b`, with an arrowhead there if directed.
fn edge(flow: &mut Flow<'_>, a: [f32; 2], b: [f32; 2], target_radius: f32, directed: bool) {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1.0 {
        return;
    }
    let (ux, uy) = (dx / length, dy / length);
    let tip = [b[0] - ux * target_radius, b[1] - uy * target_radius];
    flow.push(Op::Line {
        from: a,
        to: tip,
        width: 0.6,
        color: EDGE,
    });
    if directed {
        let (size, half) = (5.0, 2.2);
        let base = [tip[0] - ux * size, tip[1] - uy * size];
        let points = vec![
            tip,
            [base[0] - uy * half, base[1] + ux * half],
            [base[0] + uy * half, base[1] - ux * half],
        ];
        flow.push(Op::Polygon {
            points,
            color: EDGE,
        });
    }
}

/// What a label should not cover: nodes (as boxes), relation lines, and the frame's outside.
struct Obstacles {
    nodes: Vec<[f32; 4]>,
    segments: Vec<[[f32; 2]; 2]>,
    bounds: [f32; 4],
}

/// Places each label beside its node where it covers the least, on a white ground so that
/// lines under it do not cross the letters.
fn labels(
    flow: &mut Flow<'_>,
    figure: &Figure,
    at: &[[f32; 2]],
    radius: &[f32],
    obstacles: &Obstacles,
) {
    let mut placed: Vec<[f32; 4]> = Vec::new();
    for (i, node) in figure.nodes.iter().enumerate() {
        let style = if node.emphasis {
            bold(Style { size: 8.5, ..LABEL })
        } else {
            LABEL
        };
        let lines = flow.lines(&[Span::new(&node.label, style)], 1000.0);
        let Some(line) = lines.first() else { continue };
        let (w, h) = (line_width(line), style.size * LEADING);
        let best = candidates(at[i], radius[i], w, h)
            .into_iter()
            .map(|rect| (cost(rect, &placed, obstacles, i), rect))
            .fold(
                None,
                |best: Option<(f32, [f32; 4])>, (c, rect)| match best {
                    Some((bc, _)) if bc <= c => best,
                    _ => Some((c, rect)),
                },
            );
        if let Some((_, rect)) = best {
            draw_label(flow, line, rect);
            placed.push(rect);
        }
    }
}

/// Right, left, above, below and the four diagonals of the node.
fn candidates(c: [f32; 2], r: f32, w: f32, h: f32) -> Vec<[f32; 4]> {
    let gap = 2.0;
    let origins = [
        [c[0] + r + gap, c[1] - h / 2.0],
        [c[0] - r - gap - w, c[1] - h / 2.0],
        [c[0] - w / 2.0, c[1] - r - h],
        [c[0] - w / 2.0, c[1] + r],
        [c[0] + r, c[1] - r - h],
        [c[0] + r, c[1] + r],
        [c[0] - r - w, c[1] - r - h],
        [c[0] - r - w, c[1] + r],
    ];
    origins
        .into_iter()
        .map(|[x, y]| [x, y, x + w, y + h])
        .collect()
}

/// Covered area, weighted: the frame's outside worst, then nodes, labels and lines.
fn cost(rect: [f32; 4], placed: &[[f32; 4]], obstacles: &Obstacles, own: usize) -> f32 {
    let labels: f32 = placed.iter().map(|p| overlap(rect, *p)).sum();
    let circles: f32 = obstacles
        .nodes
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != own)
        .map(|(_, n)| overlap(rect, *n))
        .sum();
    // Points along each line that the label would hide, each worth a few square points.
    let hidden = obstacles
        .segments
        .iter()
        .flat_map(|[a, b]| {
            (1..10).map(move |k| {
                let t = k as f32 / 10.0;
                [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
            })
        })
        .filter(|p| p[0] >= rect[0] && p[0] <= rect[2] && p[1] >= rect[1] && p[1] <= rect[3])
        .count() as f32;
    let inside = overlap(rect, obstacles.bounds);
    let outside = (rect[2] - rect[0]) * (rect[3] - rect[1]) - inside;
    labels * 2.0 + circles * 3.0 + outside * 4.0 + hidden * 25.0
}

fn overlap(a: [f32; 4], b: [f32; 4]) -> f32 {
    let w = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let h = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    w * h
}

fn draw_label(flow: &mut Flow<'_>, line: &Line, [l, t, r, b]: [f32; 4]) {
    let points = vec![[l - 1.0, t], [r + 1.0, t], [r + 1.0, b], [l - 1.0, b]];
    flow.push(Op::Polygon {
        points,
        color: [255, 255, 255],
    });
    flow.draw_line(line, l, t);
}

/// One line naming the colours of the kinds in the picture.
fn legend(flow: &mut Flow<'_>, figure: &Figure) {
    let mut kinds: Vec<ActorKind> = figure.nodes.iter().map(|n| n.kind.family()).collect();
    kinds.sort();
    kinds.dedup();
    let right = flow.left() + flow.text_width();
    let mut x = flow.left();
    let height = SMALL.size * LEADING;
    flow.ensure(height);
    for kind in kinds {
        let lines = flow.lines(&[Span::new(kind.label(), SMALL)], 300.0);
        let Some(line) = lines.first() else { continue };
        let w = line_width(line) + 14.0;
        if x + w > right {
            flow.y += height;
            x = flow.left();
        }
        flow.push(Op::Circle {
            centre: [x + 4.0, flow.y + height / 2.0],
            radius: 3.0,
            fill: kind_colour(kind),
            stroke: [255, 255, 255],
        });
        flow.draw_line(line, x + 10.0, flow.y);
        x += w;
    }
    flow.y += height;
}

/// A colour per kind family (the Tableau 10 palette, which stays apart in print).
fn kind_colour(kind: ActorKind) -> [u8; 3] {
    match kind.family() {
        ActorKind::State => [31, 119, 180],
        ActorKind::Bloc => [23, 190, 207],
        ActorKind::InternationalOrganisation => [44, 160, 44],
        ActorKind::Forum => [188, 189, 34],
        ActorKind::StandardsBody => [127, 127, 127],
        ActorKind::Company => [214, 39, 40],
        ActorKind::CivilSociety => [227, 119, 194],
        ActorKind::Academia => [140, 86, 75],
        ActorKind::Envoy => [255, 127, 14],
        ActorKind::GovernmentBody => [148, 103, 189],
        ActorKind::Instrument(_) => [90, 90, 90],
    }
}
