//! The atlas as a graph: actors are nodes, relations are directed edges. No UI here.
//!
//! Built on petgraph's [`Graph`] rather than `StableGraph`: a loaded atlas never changes (a
//! reload builds a new graph), and every view — a region, a theme, "as of 2019", a filter — is
//! a mask over nodes and edges rather than a removal. So indices never need to survive a
//! removal, and the plain Vec-backed graph gives the densest memory and the fastest iteration.

mod as_of;
mod centrality;
mod counts;
mod diff;
mod filter;
mod load;
mod path_why;
mod paths;
mod queries;
pub mod search;
pub mod time;

pub use as_of::AsOfIndex;
pub use centrality::{Centrality, betweenness, centrality, closeness, degree};
pub use counts::{Count, family_counts, region_counts};
pub use diff::{Changes, HolderRef, diff, diff_in};
pub use filter::{ViewFilter, Visible};
pub use load::{LoadedGraph, load_graph_file, load_graph_str};
pub use path_why::{FilterPart, describe_parts, hidden_by, relaxed};
pub use paths::{PathStep, all_shortest_paths, describe_path, shortest_path};
pub use queries::{Direction, components, ego_network, neighbours};
pub use time::{Day, Span, Spans, Standing, Status};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

use crate::model::fast_hash::FastMap;
use crate::model::{Actor, Atlas, Event, Relation};

/// An atlas and its graph. Node weights index `atlas.actors`; edge weights index
/// `atlas.relations`, so every query can reach the full record.
#[derive(Clone, Debug)]
pub struct AtlasGraph {
    atlas: Atlas,
    graph: DiGraph<usize, usize>,
    by_id: FastMap<String, NodeIndex>,
    /// Events touching each node, by index into `atlas.events`, in date order.
    events_of: Vec<Vec<usize>>,
    /// Built on first use: the as-of masks while the date cursor moves.
    as_of: std::sync::OnceLock<AsOfIndex>,
}

impl AtlasGraph {
    /// Builds the graph. Relations whose ends are not actors are skipped: validation reports
    /// them, and a graph must still be buildable from an atlas a person is in the middle of fixing.
    pub fn new(atlas: Atlas) -> Self {
        let index = GraphIndex::build(&atlas);
        Self::from_parts(atlas, index)
    }

    /// Joins an atlas with the index built from it (possibly on another thread).
    pub fn from_parts(atlas: Atlas, index: GraphIndex) -> Self {
        let GraphIndex {
            graph,
            by_id,
            events_of,
        } = index;
        Self {
            atlas,
            graph,
            by_id,
            events_of,
            as_of: std::sync::OnceLock::new(),
        }
    }

    /// Every record's span by index, for as-of masks (built once, on first use).
    pub fn as_of_index(&self) -> &AsOfIndex {
        self.as_of.get_or_init(|| AsOfIndex::of(self))
    }

    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    /// Lets `change` edit the atlas in place, then rebuilds what the graph derives from it:
    /// an edit is shown without copying the atlas.
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut Atlas) -> R) -> R {
        let result = change(&mut self.atlas);
        let GraphIndex {
            graph,
            by_id,
            events_of,
        } = GraphIndex::build(&self.atlas);
        (self.graph, self.by_id, self.events_of) = (graph, by_id, events_of);
        result
    }
    pub fn graph(&self) -> &DiGraph<usize, usize> {
        &self.graph
    }
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }
    pub fn actor(&self, node: NodeIndex) -> &Actor {
        &self.atlas.actors[self.graph[node]]
    }
    pub fn relation(&self, edge: EdgeIndex) -> &Relation {
        &self.atlas.relations[self.graph[edge]]
    }
    /// Both ends of every edge, in edge order, as node indices: the form the layout takes.
    pub fn edge_ends(&self) -> Vec<(u32, u32)> {
        self.graph
            .edge_indices()
            .filter_map(|e| self.graph.edge_endpoints(e))
            .map(|(a, b)| (a.index() as u32, b.index() as u32))
            .collect()
    }

    pub fn endpoints(&self, edge: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.graph.edge_endpoints(edge)
    }
    /// Events that name this actor, oldest first.
    pub fn events_of(&self, node: NodeIndex) -> impl Iterator<Item = &Event> {
        self.events_of[node.index()]
            .iter()
            .map(|&i| &self.atlas.events[i])
    }
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> {
        self.graph.node_indices()
    }
    pub fn edges(&self) -> impl Iterator<Item = EdgeIndex> {
        self.graph.edge_indices()
    }
}

/// Everything the graph derives from an atlas, built from a borrow so that it can be made
/// while validation reads the same atlas.
pub struct GraphIndex {
    graph: DiGraph<usize, usize>,
    by_id: FastMap<String, NodeIndex>,
    events_of: Vec<Vec<usize>>,
}

impl GraphIndex {
    pub fn build(atlas: &Atlas) -> Self {
        let mut graph = DiGraph::with_capacity(atlas.actors.len(), atlas.relations.len());
        let mut by_id = FastMap::with_capacity_and_hasher(atlas.actors.len(), Default::default());
        for (i, actor) in atlas.actors.iter().enumerate() {
            let node = graph.add_node(i);
            by_id.entry(actor.id.clone()).or_insert(node);
        }
        for (i, relation) in atlas.relations.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (by_id.get(&relation.from), by_id.get(&relation.to)) {
                graph.add_edge(a, b, i);
            }
        }
        let mut events_of = vec![Vec::new(); atlas.actors.len()];
        let mut order: Vec<usize> = (0..atlas.events.len()).collect();
        order.sort_by_key(|&i| atlas.events[i].date);
        for i in order {
            for id in &atlas.events[i].actors {
                if let Some(node) = by_id.get(id) {
                    events_of[node.index()].push(i);
                }
            }
        }
        Self {
            graph,
            by_id,
            events_of,
        }
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    use crate::model::load_str;

    use super::AtlasGraph;

    /// A small atlas with two regions, a chain a→b→c, an island d, and a later relation.
    pub const TEXT: &str = r#"Atlas(
        regions: [(id: "east", name: "East"), (id: "west", name: "West")],
        themes: [(id: "ai", name: "AI"), (id: "data", name: "Data")],
        sources: [(id: "s", title: "Source", url: "https://example.org")],
        actors: [
            (id: "a", kind: State, name: "Alpha", regions: ["east"], themes: ["ai"], sources: ["s"]),
            (id: "b", kind: Forum, name: "Beta", regions: ["east", "west"], themes: ["ai", "data"], founded: Some("2010"), sources: ["s"]),
            (id: "c", kind: Instrument(Regulation), name: "Gamma Act", regions: ["west"], themes: ["data"], founded: Some("2018-05"), sources: ["s"]),
            (id: "d", kind: Company, name: "Delta", regions: ["west"], sources: ["s"]),
            (id: "e", kind: State, name: "Epsilon", regions: ["west"], sources: ["s"]),
        ],
        relations: [
            (from: "a", to: "b", kind: MemberOf, since: Some("2010"), sources: ["s"]),
            (from: "b", to: "c", kind: Enacts, since: Some("2018-05"), sources: ["s"]),
            (from: "e", to: "c", kind: ModelledOn, since: Some("2020"), until: Some("2022"), sources: ["s"]),
            (from: "e", to: "b", kind: MemberOf, since: Some("2021"), sources: ["s"]),
            (from: "d", to: "d", kind: PartnersWith, sources: ["s"]),
        ],
        events: [
            (id: "ev1", date: "2018-05-25", kind: Regulation, title: "Gamma applies", actors: ["b", "c"], sources: ["s"]),
            (id: "ev0", date: "2010", kind: Founding, title: "Beta founded", actors: ["b"], sources: ["s"]),
        ],
    )"#;

    pub fn graph() -> AtlasGraph {
        let loaded = load_str(TEXT, "fixture.ron").expect("fixture is valid");
        AtlasGraph::new(loaded.atlas)
    }
}

#[cfg(test)]
mod tests {
    use super::fixture;

    #[test]
    fn builds_nodes_edges_and_event_index() {
        let g = fixture::graph();
        assert_eq!(g.node_count(), 5);
        assert_eq!(g.edge_count(), 5);
        let b = g.node("b").expect("b exists");
        let titles: Vec<&str> = g.events_of(b).map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Beta founded", "Gamma applies"]);
        // a→b, b→c, e→c, e→b and d's self-link, as node indices in edge order.
        assert_eq!(g.edge_ends(), [(0, 1), (1, 2), (4, 2), (4, 1), (3, 3)]);
    }
}
