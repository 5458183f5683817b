//! The "as of" mask when only the date moves: every record's span worked out once per graph,
//! so moving the cursor (every frame while the timeline is dragged or played) compares days
//! instead of re-reading 200,000 relation records and their dates.

use super::AtlasGraph;
use super::filter::Visible;
use super::time::{Day, Span, actor_span, relation_span};

/// Spans by node and edge index, and the edges' ends.
#[derive(Clone, Debug)]
pub struct AsOfIndex {
    actors: Vec<Span>,
    /// By edge index: the relation's own dates (an undated start is left to its ends, which
    /// an edge needs to show anyway; see [`super::ViewFilter::apply`]).
    edges: Vec<Span>,
    ends: Vec<(u32, u32)>,
}

impl AsOfIndex {
    pub fn of(graph: &AtlasGraph) -> Self {
        let actors = graph.nodes().map(|n| actor_span(graph.actor(n))).collect();
        let edges = graph
            .edges()
            .map(|e| relation_span(graph.relation(e), None, None))
            .collect();
        Self {
            actors,
            edges,
            ends: graph.edge_ends(),
        }
    }

    /// What `structural` (a filter's view at every date) shows that exists on `day`: the same
    /// as applying the filter with its cursor on `day`.
    pub fn mask(&self, structural: &Visible, day: Day) -> Visible {
        let exists = |span: &Span| span.status_at(day) == super::Status::Current;
        let nodes: Vec<bool> = structural
            .nodes
            .iter()
            .zip(&self.actors)
            .map(|(&shown, span)| shown && exists(span))
            .collect();
        let edges = structural
            .edges
            .iter()
            .zip(&self.edges)
            .zip(&self.ends)
            .map(|((&shown, span), &(a, b))| {
                shown && nodes[a as usize] && nodes[b as usize] && exists(span)
            })
            .collect();
        Visible { nodes, edges }
    }
}
