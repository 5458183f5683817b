//! Network pictures: a set of actors and their direct partners, placed by the project's
//! force layout with a fixed seed, so that the same briefing always draws the same picture.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;

use crate::graph::{AtlasGraph, Visible, degree, ego_network};
use crate::layout::{ForceLayout, LayoutParams};
use crate::model::Actor;

use super::doc::{Figure, FigureEdge, FigureNode};

/// At most this many partners are drawn besides the centres; more would be unreadable on a
/// page, so the best connected are kept and the caption says so.
const MAX_PARTNERS: usize = 24;

/// Labels longer than this are replaced by a short alias or cut.
const MAX_LABEL: usize = 26;

/// The centres, their visible direct partners and the visible links among them, or `None`
/// when no centre is visible.
pub fn ego_figure(
    graph: &AtlasGraph,
    centres: &[NodeIndex],
    visible: &Visible,
    what: &str,
) -> Option<Figure> {
    let centres: Vec<NodeIndex> = centres
        .iter()
        .copied()
        .filter(|c| visible.nodes[c.index()])
        .collect();
    if centres.is_empty() {
        return None;
    }
    let (nodes, total_partners) = pick_nodes(graph, &centres, visible);
    let slot: HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let mut edges = Vec::new();
    for e in graph.edges().filter(|e| visible.edges[e.index()]) {
        if let Some((a, b)) = graph.endpoints(e)
            && let (Some(&from), Some(&to)) = (slot.get(&a), slot.get(&b))
            && from != to
        {
            let directed = graph.relation(e).kind.is_directed();
            edges.push(FigureEdge { from, to, directed });
        }
    }
    let at = place(nodes.len(), &edges, centres.len());
    let figure_nodes = nodes
        .iter()
        .zip(at)
        .enumerate()
        .map(|(i, (&n, at))| FigureNode {
            label: short_label(graph.actor(n)),
            kind: graph.actor(n).kind,
            at,
            emphasis: i < centres.len(),
        })
        .collect();
    let shown = nodes.len() - centres.len();
    let caption = if shown < total_partners {
        format!("{what}: the {shown} best-connected of {total_partners} direct partners.")
    } else {
        let their = if centres.len() == 1 { "its" } else { "their" };
        let partners = if shown == 1 { "partner" } else { "partners" };
        format!("{what} and {their} {shown} direct {partners}.")
    };
    Some(Figure {
        nodes: figure_nodes,
        edges,
        caption,
    })
}

/// Centres first, then their partners (best connected first, capped), and how many
/// partners there were in all.
fn pick_nodes(
    graph: &AtlasGraph,
    centres: &[NodeIndex],
    visible: &Visible,
) -> (Vec<NodeIndex>, usize) {
    let mut partners: Vec<NodeIndex> = Vec::new();
    for &c in centres {
        for (n, _) in ego_network(graph, c, 1, visible) {
            if !centres.contains(&n) && !partners.contains(&n) {
                partners.push(n);
            }
        }
    }
    let total = partners.len();
    let degrees = degree(graph, visible);
    // Ties broken by name, so the choice never depends on file order alone.
    partners.sort_by(|&a, &b| {
        degrees[b.index()]
            .cmp(&degrees[a.index()])
            .then_with(|| graph.actor(a).name.cmp(&graph.actor(b).name))
    });
    partners.truncate(MAX_PARTNERS);
    let mut nodes = centres.to_vec();
    nodes.extend(partners);
    (nodes, total)
}

/// Positions in the unit square from the force layout; a single centre is pinned in the
/// middle.
fn place(count: usize, edges: &[FigureEdge], centres: usize) -> Vec<[f32; 2]> {
    let pairs: Vec<(u32, u32)> = edges.iter().map(|e| (e.from as u32, e.to as u32)).collect();
    let params = LayoutParams {
        seed: 2026,
        threads: 1,
        max_iterations: 600,
        ..LayoutParams::default()
    };
    let mut layout = ForceLayout::new(count, &pairs, params);
    if centres == 1 {
        layout.pin(0, [0.0, 0.0]);
    }
    while !layout.is_finished() {
        layout.step();
    }
    normalise(layout.positions())
}

/// Scales positions into the unit square with one scale for both axes, centred, so that a
/// small network keeps its shape instead of being stretched corner to corner. The renderer
/// fits the square into a box of the figure's aspect.
fn normalise(positions: &[[f32; 2]]) -> Vec<[f32; 2]> {
    let bounds = |axis: usize| {
        positions.iter().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
            (lo.min(p[axis]), hi.max(p[axis]))
        })
    };
    let ((x0, x1), (y0, y1)) = (bounds(0), bounds(1));
    let span = (x1 - x0).max(y1 - y0);
    if span <= f32::EPSILON {
        return vec![[0.5, 0.5]; positions.len()];
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    positions
        .iter()
        .map(|p| [0.5 + (p[0] - cx) / span, 0.5 + (p[1] - cy) / span])
        .collect()
}

/// The name, or a short alias such as "GDPR" when the name is long, or the name cut.
pub fn short_label(actor: &Actor) -> String {
    if actor.name.chars().count() <= MAX_LABEL {
        return actor.name.clone();
    }
    let acronym = actor
        .aliases
        .iter()
        .find(|a| a.chars().count() <= 12 && a.chars().any(char::is_uppercase) && !a.contains(' '));
    if let Some(alias) = acronym {
        return alias.clone();
    }
    let cut: String = actor.name.chars().take(MAX_LABEL - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fixture;

    #[test]
    fn ego_figure_holds_the_centre_its_partners_and_their_links() {
        let g = fixture::graph();
        let b = g.node("b").expect("b");
        let figure = ego_figure(&g, &[b], &Visible::all(&g), "Beta").expect("visible");
        let labels: Vec<&str> = figure.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels[0], "Beta");
        assert!(figure.nodes[0].emphasis && !figure.nodes[1].emphasis);
        assert_eq!(
            labels.len(),
            4,
            "Beta, Alpha, Gamma Act, Epsilon: {labels:?}"
        );
        // a→b, b→c, e→c, e→b: all four links lie inside the picture.
        assert_eq!(figure.edges.len(), 4);
        assert!(figure.nodes.iter().all(|n| (0.0..=1.0).contains(&n.at[0])));
        assert_eq!(
            figure,
            ego_figure(&g, &[b], &Visible::all(&g), "Beta").expect("again")
        );
    }
}
