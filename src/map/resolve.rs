//! Countries of the map ↔ actors of the atlas, by ISO 3166-1 alpha-2 code (`Actor::country`).

use petgraph::graph::NodeIndex;

use crate::graph::AtlasGraph;
use crate::model::ActorKind;

use super::world::WorldMap;

/// For each country of the map: its State actor and every actor that names its code.
#[derive(Clone, Debug, Default)]
pub struct CountryActors {
    state: Vec<Option<NodeIndex>>,
    actors: Vec<Vec<NodeIndex>>,
    /// The country of each node, by node index, where the code is on the map.
    country_of: Vec<Option<usize>>,
}

impl CountryActors {
    /// Matches every actor's `country` code to the map; codes the map lacks are left out.
    pub fn build(map: &WorldMap, graph: &AtlasGraph) -> Self {
        let n = map.countries.len();
        let mut out = Self {
            state: vec![None; n],
            actors: vec![Vec::new(); n],
            country_of: vec![None; graph.node_count()],
        };
        for node in graph.nodes() {
            let actor = graph.actor(node);
            let Some(country) = actor.country.as_deref().and_then(|c| map.by_code(c)) else {
                continue;
            };
            out.country_of[node.index()] = Some(country);
            out.actors[country].push(node);
            if actor.kind == ActorKind::State && out.state[country].is_none() {
                out.state[country] = Some(node);
            }
        }
        out
    }

    /// The State actor of a country, if the atlas has one.
    pub fn state(&self, country: usize) -> Option<NodeIndex> {
        self.state.get(country).copied().flatten()
    }

    /// Every actor of a country (its state, bodies, envoys, companies…), in atlas order.
    pub fn actors(&self, country: usize) -> &[NodeIndex] {
        self.actors.get(country).map_or(&[], Vec::as_slice)
    }

    /// The map country an actor belongs to by its `country` code.
    pub fn country_of(&self, node: NodeIndex) -> Option<usize> {
        self.country_of.get(node.index()).copied().flatten()
    }
}
