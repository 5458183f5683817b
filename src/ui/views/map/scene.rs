//! What the map shows this frame, worked out from the shared state: the colouring, the post
//! markers, and the selection's country and partners. No drawing here.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::map::{
    ColourMode, Colouring, CountryActors, PlaceMarker, WorldMap, colour, post_markers,
};
use crate::model::ActorKind;
use crate::ui::state::AppState;

/// Everything the painter and the hover card need.
pub struct Scene {
    pub mode: ColourMode,
    pub colouring: Colouring,
    pub markers: Vec<PlaceMarker>,
    /// The selected actor's own country, outlined.
    pub selected_country: Option<usize>,
    /// Where the selection's arcs start: its country, or the place its post sits.
    pub origin: Option<[f32; 2]>,
    /// The countries the selection links to, each once.
    pub partners: Vec<usize>,
}

/// Groupings colour their members when selected: these kinds have members or parties.
pub fn is_grouping(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::Bloc
            | ActorKind::Forum
            | ActorKind::InternationalOrganisation
            | ActorKind::StandardsBody
            | ActorKind::Instrument(_)
    )
}

/// The colouring in force: the one chosen; or, while the choice is the plain atlas view, the
/// selected grouping's members, else the region chosen in the region panel.
pub fn effective_mode(state: &AppState) -> ColourMode {
    let chosen = &state.prefs.map_colour;
    if *chosen != ColourMode::Atlas {
        return chosen.clone();
    }
    let graph = &state.dataset.graph;
    if let Some(node) = state.selected_actor() {
        let actor = graph.actor(node);
        if is_grouping(actor.kind) {
            return ColourMode::Grouping(actor.id.clone());
        }
    }
    match state.region() {
        Some(region) => ColourMode::Region(region.to_string()),
        None => ColourMode::Atlas,
    }
}

impl Scene {
    pub fn build(state: &AppState, map: &WorldMap, countries: &CountryActors) -> Self {
        let graph = &state.dataset.graph;
        let visible = &state.view.visible;
        let mode = effective_mode(state);
        let colouring = colour(graph, countries, map.countries.len(), visible, &mode);
        let markers = post_markers(graph, countries, map, visible);
        let mut scene = Self {
            mode,
            colouring,
            markers,
            selected_country: None,
            origin: None,
            partners: Vec::new(),
        };
        if let Some(node) = state.selected_actor() {
            scene.follow_selection(state, map, countries, node);
        }
        scene
    }

    fn follow_selection(
        &mut self,
        state: &AppState,
        map: &WorldMap,
        countries: &CountryActors,
        node: NodeIndex,
    ) {
        let graph = &state.dataset.graph;
        let visible = &state.view.visible;
        self.selected_country = countries.country_of(node);
        let own_place = self
            .markers
            .iter()
            .find(|m| m.nodes.contains(&node))
            .map(|m| m.at);
        // A post abroad starts its arcs where it sits; anything else from its country.
        self.origin = own_place.or(self.selected_country.map(|c| map.countries[c].anchor));
        let g = graph.graph();
        let edges = g
            .edges_directed(node, Outgoing)
            .map(|e| (e.id(), e.target()))
            .chain(
                g.edges_directed(node, Incoming)
                    .map(|e| (e.id(), e.source())),
            );
        for (edge, other) in edges {
            let shown = visible.edges.get(edge.index()).copied().unwrap_or(false);
            let Some(c) = countries.country_of(other).filter(|_| shown) else {
                continue;
            };
            if Some(c) != self.selected_country && !self.partners.contains(&c) {
                self.partners.push(c);
            }
        }
    }
}
