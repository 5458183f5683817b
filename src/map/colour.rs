//! What colour each country gets, as data: a swatch per country and a legend. The UI turns
//! swatches into colours from its theme, so this module knows nothing of colours.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{AtlasGraph, Visible};
use crate::model::{ActorKind, RelationKind};

use super::resolve::CountryActors;

/// How the map colours countries.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ColourMode {
    /// Countries with an actor in the atlas, and those without.
    #[default]
    Atlas,
    /// The states that list this region id.
    Region(String),
    /// Members, parties, signatories… of this grouping or instrument (an actor id).
    Grouping(String),
    /// How much of something each country has.
    Activity(Activity),
}

/// The activity measures the map can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Activity {
    /// Envoy posts a country has.
    EnvoyPosts,
    /// Instruments a country's state or bodies enacted.
    InstrumentsEnacted,
}

/// A country's colour class. The UI maps each to a theme colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Swatch {
    /// No actor of the atlas names this country.
    NotInAtlas,
    /// In the atlas, but not marked by the current mode.
    Unmarked,
    /// Observer, participant, host or leader.
    Associated,
    /// Named or targeted by the instrument.
    Targeted,
    /// Signed, adopted, implemented, proposed or enacted it.
    Signatory,
    /// Member through a bloc that is a member (EU member states of a forum the EU joined).
    ThroughBloc,
    /// A member, a party or a founder; in region mode, a state of the region.
    Member,
    /// An activity level: 0 is the lowest step, 3 the highest.
    Level(u8),
}

/// One line of the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub swatch: Swatch,
    pub label: String,
    /// How many countries have this swatch.
    pub count: usize,
}

/// The result of colouring: one swatch per map country and the legend that explains them.
#[derive(Clone, Debug, PartialEq)]
pub struct Colouring {
    pub fills: Vec<Swatch>,
    pub legend: Vec<LegendEntry>,
}

impl Colouring {
    fn new(countries: usize) -> Self {
        Self {
            fills: vec![Swatch::NotInAtlas; countries],
            legend: Vec::new(),
        }
    }
    fn raise(&mut self, country: usize, swatch: Swatch) {
        if let Some(fill) = self.fills.get_mut(country) {
            *fill = (*fill).max(swatch);
        }
    }
    /// Adds legend lines for the given swatches, in order, with their counts; swatches no
    /// country has are left out except the two base ones, which always explain the map.
    fn finish(mut self, lines: &[(Swatch, String)]) -> Self {
        for (swatch, label) in lines {
            let count = self.fills.iter().filter(|f| *f == swatch).count();
            if count > 0 || matches!(swatch, Swatch::NotInAtlas | Swatch::Unmarked) {
                self.legend.push(LegendEntry {
                    swatch: *swatch,
                    label: label.clone(),
                    count,
                });
            }
        }
        self
    }
}

/// Whether a node or an edge counts at the view's date and under its filters. The one place
/// the map asks "does this exist now": it defers to the graph's filter masks.
fn present(visible: &Visible, node: NodeIndex) -> bool {
    visible.nodes.get(node.index()).copied().unwrap_or(false)
}
fn in_force(visible: &Visible, edge: petgraph::graph::EdgeIndex) -> bool {
    visible.edges.get(edge.index()).copied().unwrap_or(false)
}

/// Colours the map for `mode`, honouring the filters and date behind `visible`.
pub fn colour(
    graph: &AtlasGraph,
    countries: &CountryActors,
    country_count: usize,
    visible: &Visible,
    mode: &ColourMode,
) -> Colouring {
    let mut out = Colouring::new(country_count);
    // Whether the atlas knows a country does not depend on the filters or the date: a region
    // filter or an early date leaves a country unmarked, not "unknown".
    for c in 0..country_count {
        if !countries.actors(c).is_empty() {
            out.fills[c] = Swatch::Unmarked;
        }
    }
    let base = |marked: &str| {
        vec![
            (Swatch::Unmarked, marked.to_string()),
            (Swatch::NotInAtlas, "No actor in the atlas".to_string()),
        ]
    };
    match mode {
        ColourMode::Atlas => {
            let lines = base("In the atlas");
            out.finish(&lines)
        }
        ColourMode::Region(region) => {
            let name = graph
                .atlas()
                .regions
                .iter()
                .find(|r| &r.id == region)
                .map_or(region.as_str(), |r| r.name.as_str());
            for c in 0..country_count {
                let in_region = countries.state(c).is_some_and(|s| {
                    present(visible, s) && graph.actor(s).regions.iter().any(|r| r == region)
                });
                if in_region {
                    out.raise(c, Swatch::Member);
                }
            }
            let mut lines = vec![(Swatch::Member, format!("State in {name}"))];
            lines.extend(base("Other countries in the atlas"));
            out.finish(&lines)
        }
        ColourMode::Grouping(id) => {
            if let Some(target) = graph.node(id).filter(|&n| present(visible, n)) {
                mark_grouping(graph, countries, visible, target, &mut out);
            }
            let mut lines = vec![
                (Swatch::Member, "Member, party or founder".to_string()),
                (Swatch::ThroughBloc, "Member through a bloc".to_string()),
                (
                    Swatch::Signatory,
                    "Signed, adopted, enacted or implements".to_string(),
                ),
                (Swatch::Targeted, "Named or targeted by it".to_string()),
                (
                    Swatch::Associated,
                    "Observer, participant, host or lead".to_string(),
                ),
            ];
            lines.extend(base("No link to it in the atlas"));
            out.finish(&lines)
        }
        ColourMode::Activity(measure) => {
            let counts = activity(graph, countries, country_count, visible, *measure);
            for (c, &n) in counts.iter().enumerate() {
                if let Some(step) = activity_step(n) {
                    out.raise(c, Swatch::Level(step));
                }
            }
            let what = match measure {
                Activity::EnvoyPosts => "envoy post",
                Activity::InstrumentsEnacted => "instrument enacted",
            };
            let mut lines: Vec<(Swatch, String)> = [
                (3, format!("8 or more {what}s")),
                (2, format!("4–7 {what}s")),
                (1, format!("2–3 {what}s")),
                (0, format!("1 {what}")),
            ]
            .into_iter()
            .map(|(s, l)| (Swatch::Level(s), l))
            .collect();
            lines.extend(base(&format!("No {what} in the atlas")));
            out.finish(&lines)
        }
    }
}

/// Steps on a doubling scale: 1, 2–3, 4–7, 8+.
fn activity_step(n: usize) -> Option<u8> {
    match n {
        0 => None,
        1 => Some(0),
        2..=3 => Some(1),
        4..=7 => Some(2),
        _ => Some(3),
    }
}

/// How strongly a relation from a country's actor to a grouping ties the country to it.
fn tie(kind: RelationKind) -> Option<Swatch> {
    use RelationKind::*;
    match kind {
        MemberOf | PartyTo | Founded => Some(Swatch::Member),
        Signs | Adopts | Implements | Enacts | Proposes => Some(Swatch::Signatory),
        ObserverOf | ParticipatesIn | Hosts | Leads => Some(Swatch::Associated),
        _ => None,
    }
}

/// Kinds of actor whose ties speak for their country: a company joining a forum does not
/// make its home state a member.
fn speaks_for_country(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::State | ActorKind::GovernmentBody | ActorKind::Envoy
    )
}

fn mark_grouping(
    graph: &AtlasGraph,
    countries: &CountryActors,
    visible: &Visible,
    target: NodeIndex,
    out: &mut Colouring,
) {
    let g = graph.graph();
    for edge in g.edges_directed(target, Incoming) {
        let (source, kind) = (edge.source(), graph.relation(edge.id()).kind);
        let Some(swatch) = tie(kind).filter(|_| in_force(visible, edge.id())) else {
            continue;
        };
        let actor = graph.actor(source);
        if speaks_for_country(actor.kind) {
            if let Some(c) = countries.country_of(source) {
                out.raise(c, swatch);
            }
        } else if actor.kind == ActorKind::Bloc {
            let through = if swatch == Swatch::Member {
                Swatch::ThroughBloc
            } else {
                swatch
            };
            for member in g.edges_directed(source, Incoming) {
                let is_member = graph.relation(member.id()).kind == RelationKind::MemberOf
                    && in_force(visible, member.id());
                if let Some(c) = countries.country_of(member.source()).filter(|_| is_member) {
                    out.raise(c, through);
                }
            }
        }
    }
    for edge in g.edges_directed(target, Outgoing) {
        let targeted = matches!(
            graph.relation(edge.id()).kind,
            RelationKind::Targets | RelationKind::Restricts
        );
        if targeted
            && in_force(visible, edge.id())
            && let Some(c) = countries
                .country_of(edge.target())
                .filter(|_| graph.actor(edge.target()).kind == ActorKind::State)
        {
            out.raise(c, Swatch::Targeted);
        }
    }
    // A bloc chosen as the grouping colours its own members.
    if graph.actor(target).kind == ActorKind::Bloc {
        for edge in g.edges_directed(target, Incoming) {
            let is_member = graph.relation(edge.id()).kind == RelationKind::MemberOf
                && in_force(visible, edge.id());
            if let Some(c) = countries.country_of(edge.source()).filter(|_| is_member) {
                out.raise(c, Swatch::Member);
            }
        }
    }
}

/// The measure per map country.
pub fn activity(
    graph: &AtlasGraph,
    countries: &CountryActors,
    country_count: usize,
    visible: &Visible,
    measure: Activity,
) -> Vec<usize> {
    let mut counts = vec![0usize; country_count];
    match measure {
        Activity::EnvoyPosts => {
            for node in graph.nodes() {
                if graph.actor(node).kind == ActorKind::Envoy
                    && present(visible, node)
                    && let Some(c) = countries.country_of(node)
                {
                    counts[c] += 1;
                }
            }
        }
        Activity::InstrumentsEnacted => {
            let mut seen = std::collections::BTreeSet::new();
            for edge in graph.edges() {
                let Some((from, to)) = graph.endpoints(edge) else {
                    continue;
                };
                let enacts = graph.relation(edge).kind == RelationKind::Enacts
                    && matches!(graph.actor(to).kind, ActorKind::Instrument(_))
                    && speaks_for_country(graph.actor(from).kind)
                    && in_force(visible, edge);
                if let Some(c) = countries.country_of(from).filter(|_| enacts)
                    && seen.insert((c, to))
                {
                    counts[c] += 1;
                }
            }
        }
    }
    counts
}
