//! Which nodes and edges a view shows: filters by kind, theme, region and relation kind, and
//! "the graph as of a date" by the one rule in [`super::time`].

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Actor, ActorKind, Relation, RelationKind};

use super::AtlasGraph;
use super::time::{Day, Span, actor_span, relation_span};

/// What to show. Empty sets mean "no restriction", so a default filter shows everything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewFilter {
    /// Actor kind families to hide (instrument sub-kinds fold into one family).
    pub hidden_kinds: BTreeSet<ActorKind>,
    /// Show only actors in one of these regions.
    pub regions: BTreeSet<String>,
    /// Show only actors with one of these themes.
    pub themes: BTreeSet<String>,
    pub hidden_relations: BTreeSet<RelationKind>,
    /// The "as of" time as a fractional year: what does not exist on that day (by
    /// [`super::time`]) is left out.
    pub as_of: Option<f64>,
}

/// The masks a filter yields, indexed by node and edge index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visible {
    pub nodes: Vec<bool>,
    pub edges: Vec<bool>,
}

impl Visible {
    pub fn all(graph: &AtlasGraph) -> Self {
        Self {
            nodes: vec![true; graph.node_count()],
            edges: vec![true; graph.edge_count()],
        }
    }
    pub fn node_count(&self) -> usize {
        self.nodes.iter().filter(|&&v| v).count()
    }
    pub fn edge_count(&self) -> usize {
        self.edges.iter().filter(|&&v| v).count()
    }
}

impl ViewFilter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The filter as of `day`; `None` shows every date.
    pub fn at(&self, day: Option<Day>) -> Self {
        Self {
            as_of: day.map(Day::as_year_fraction),
            ..self.clone()
        }
    }

    /// The day the "as of" cursor stands on.
    pub fn as_of_day(&self) -> Option<Day> {
        self.as_of.map(Day::from_year_fraction)
    }

    /// The same filter at every date: what the view would show without the time cursor.
    pub fn timeless(&self) -> Self {
        self.at(None)
    }

    /// The kind, region and theme filters, without the date.
    fn shows_actor_kind_and_place(&self, actor: &Actor) -> bool {
        let in_set = |wanted: &BTreeSet<String>, have: &[String]| {
            wanted.is_empty() || have.iter().any(|h| wanted.contains(h))
        };
        !self.hidden_kinds.contains(&actor.kind.family())
            && in_set(&self.regions, &actor.regions)
            && in_set(&self.themes, &actor.themes)
    }

    fn shows_relation_on(&self, relation: &Relation, day: Option<Day>) -> bool {
        !self.hidden_relations.contains(&relation.kind)
            && exists_on(&relation_span(relation, None, None), day)
    }

    pub fn shows_actor(&self, actor: &Actor) -> bool {
        self.shows_actor_kind_and_place(actor) && exists_on(&actor_span(actor), self.as_of_day())
    }

    /// Whether the relation's kind is shown and it exists on the cursor's day by its own
    /// dates; the start of an undated relation, which depends on its ends, is left to
    /// [`ViewFilter::apply`], where an edge shows only when both ends do.
    pub fn shows_relation(&self, relation: &Relation) -> bool {
        self.shows_relation_on(relation, self.as_of_day())
    }

    /// Applies the filter to every node and edge; an edge shows only if both ends do.
    ///
    /// An undated relation starts with the later of its ends, so once both ends show, its
    /// start has come: the edge mask needs only the relation's own dates.
    pub fn apply(&self, graph: &AtlasGraph) -> Visible {
        let day = self.as_of_day();
        let nodes: Vec<bool> = graph
            .nodes()
            .map(|n| {
                let actor = graph.actor(n);
                self.shows_actor_kind_and_place(actor) && exists_on(&actor_span(actor), day)
            })
            .collect();
        let edges = graph
            .edges()
            .map(|e| {
                graph.endpoints(e).is_some_and(|(a, b)| {
                    nodes[a.index()]
                        && nodes[b.index()]
                        && self.shows_relation_on(graph.relation(e), day)
                })
            })
            .collect();
        Visible { nodes, edges }
    }
}

impl ViewFilter {
    /// The same as [`ViewFilter::apply`], given `structural`, this filter's view at every date
    /// (`self.timeless().apply(graph)`): only the date is applied, from the graph's
    /// [`super::AsOfIndex`]. What the network uses while the date cursor moves.
    pub fn apply_over(&self, graph: &AtlasGraph, structural: &Visible) -> Visible {
        match self.as_of_day() {
            Some(day) => graph.as_of_index().mask(structural, day),
            None => structural.clone(),
        }
    }
}

/// Whether `span` exists on `day`; everything exists when there is no day.
fn exists_on(span: &Span, day: Option<Day>) -> bool {
    day.is_none_or(|day| span.standing_at(day).exists())
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn ids(g: &AtlasGraph, v: &Visible) -> Vec<String> {
        g.nodes()
            .filter(|n| v.nodes[n.index()])
            .map(|n| g.actor(n).id.clone())
            .collect()
    }

    #[test]
    fn region_and_theme_subgraphs() {
        let g = fixture::graph();
        let east = ViewFilter {
            regions: ["east".to_string()].into(),
            ..ViewFilter::default()
        };
        let v = east.apply(&g);
        assert_eq!(ids(&g, &v), ["a", "b"]);
        assert_eq!(v.edge_count(), 1);
        let data = ViewFilter {
            themes: ["data".to_string()].into(),
            ..ViewFilter::default()
        };
        assert_eq!(ids(&g, &data.apply(&g)), ["b", "c"]);
    }

    #[test]
    fn as_of_hides_what_did_not_yet_exist_or_had_ended() {
        let g = fixture::graph();
        let at = |t: f64| {
            ViewFilter {
                as_of: Some(t),
                ..ViewFilter::default()
            }
            .apply(&g)
        };
        let v2015 = at(2015.0);
        assert_eq!(ids(&g, &v2015), ["a", "b", "d", "e"]);
        assert_eq!(v2015.edge_count(), 2, "a→b and the undated self-link");
        assert_eq!(at(2020.5).edge_count(), 4);
        // The ModelledOn relation ran 2020–2022: gone by 2023, while e→b (2021) stays.
        let v2023 = at(2023.0);
        assert_eq!(v2023.edge_count(), 4);
        assert!(!v2023.edges[2]);
    }

    #[test]
    fn applying_only_the_date_over_the_structural_view_equals_applying_the_filter() {
        let g = fixture::graph();
        let filter = ViewFilter {
            regions: ["west".to_string()].into(),
            hidden_relations: [RelationKind::MemberOf].into(),
            ..ViewFilter::default()
        };
        let structural = filter.timeless().apply(&g);
        for year in [1850.0, 1990.5, 2010.0, 2019.5, 2023.0, 2100.0] {
            let dated = ViewFilter {
                as_of: Some(year),
                ..filter.clone()
            };
            assert_eq!(dated.apply_over(&g, &structural), dated.apply(&g), "{year}");
        }
        assert_eq!(filter.apply_over(&g, &structural), structural);
    }

    #[test]
    fn hidden_kinds_fold_instrument_subkinds() {
        let g = fixture::graph();
        let f = ViewFilter {
            hidden_kinds: [ActorKind::Instrument(
                crate::model::InstrumentKind::Regulation,
            )]
            .into(),
            ..ViewFilter::default()
        };
        assert!(!ids(&g, &f.apply(&g)).contains(&"c".to_string()));
    }
}
