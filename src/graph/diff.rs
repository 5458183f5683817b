//! What changed between two days, by the rule in [`super::time`]: a record "begins" between A
//! and B when it does not exist yet on A and has begun by B (its start lies in `(A, B]`), and
//! "ends" when it still exists on A and has ended by B (its end lies in `[A, B)`). A relation
//! that both begins and ends in between is listed in both groups.

use crate::model::ActorKind;

use super::time::{Day, Span, actor_span, event_span, holder_span, relation_span};
use super::{AtlasGraph, Visible};

/// One holder of one post, by actor index and position in its `holders`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HolderRef {
    pub actor: usize,
    pub holder: usize,
}

/// The changes between two days, each group sorted by date, then by file order. Indices point
/// into the atlas (`actors`, `relations`, `events`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Actors other than instruments that came into being.
    pub actors_founded: Vec<usize>,
    /// Instruments (laws, agreements, standards…) adopted.
    pub instruments_adopted: Vec<usize>,
    pub relations_begun: Vec<usize>,
    pub relations_ended: Vec<usize>,
    pub holders_appointed: Vec<HolderRef>,
    pub holders_gone: Vec<HolderRef>,
    /// Events dated after A, up to and including B.
    pub events: Vec<usize>,
}

impl Changes {
    /// The number of entries in all groups.
    pub fn len(&self) -> usize {
        self.actors_founded.len()
            + self.instruments_adopted.len()
            + self.relations_begun.len()
            + self.relations_ended.len()
            + self.holders_appointed.len()
            + self.holders_gone.len()
            + self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Everything that changed after `from` up to and including `to`, over the whole atlas.
pub fn diff(graph: &AtlasGraph, from: Day, to: Day) -> Changes {
    diff_in(graph, from, to, None)
}

/// [`diff`] restricted to a view's kinds, regions and themes: `within` is the mask of the
/// filter *without* its date (an actor counts when its node shows; a relation when its edge
/// does; a holder with its post; an event when one of its actors shows).
pub fn diff_in(graph: &AtlasGraph, from: Day, to: Day, within: Option<&Visible>) -> Changes {
    let atlas = graph.atlas();
    let actor_spans: Vec<Span> = atlas.actors.iter().map(actor_span).collect();
    let node_in = |i: usize| within.is_none_or(|v| v.nodes.get(i).copied().unwrap_or(false));

    let mut changes = Changes {
        from: Some(from),
        to: Some(to),
        ..Changes::default()
    };
    let mut founded: Vec<usize> = (0..atlas.actors.len())
        .filter(|&i| node_in(i) && actor_spans[i].begins_within(from, to))
        .collect();
    founded.sort_by_key(|&i| (actor_spans[i].start, i));
    let (instruments, others): (Vec<usize>, Vec<usize>) = founded
        .into_iter()
        .partition(|&i| matches!(atlas.actors[i].kind, ActorKind::Instrument(_)));
    changes.actors_founded = others;
    changes.instruments_adopted = instruments;

    // One pass over the edges, each span built from its ends' on the fly: no table of 200k
    // spans, no id lookups. (A relation whose ends are not both actors is not in the graph,
    // so no view shows it and it has nothing to change.)
    let mut begun = Vec::new();
    let mut ended = Vec::new();
    for e in graph.edges() {
        if within.is_some_and(|v| !v.edges.get(e.index()).copied().unwrap_or(false)) {
            continue;
        }
        let Some((a, b)) = graph.endpoints(e) else {
            continue;
        };
        let i = graph.graph()[e];
        let span = relation_span(
            &atlas.relations[i],
            Some(&actor_spans[a.index()]),
            Some(&actor_spans[b.index()]),
        );
        if span.begins_within(from, to) {
            begun.push((span.start, i));
        }
        if span.ends_within(from, to) {
            ended.push((span.end, i));
        }
    }
    begun.sort_unstable();
    ended.sort_unstable();
    changes.relations_begun = begun.into_iter().map(|(_, i)| i).collect();
    changes.relations_ended = ended.into_iter().map(|(_, i)| i).collect();

    let mut appointed = Vec::new();
    let mut gone = Vec::new();
    for (actor, a) in atlas.actors.iter().enumerate().filter(|(i, _)| node_in(*i)) {
        for (holder, h) in a.holders.iter().enumerate() {
            let span = holder_span(h, &actor_spans[actor]);
            let at = HolderRef { actor, holder };
            if span.begins_within(from, to) {
                appointed.push((span.start, at));
            }
            if span.ends_within(from, to) {
                gone.push((span.end, at));
            }
        }
    }
    appointed.sort();
    gone.sort();
    changes.holders_appointed = appointed.into_iter().map(|(_, h)| h).collect();
    changes.holders_gone = gone.into_iter().map(|(_, h)| h).collect();

    let event_in = |actors: &[String]| {
        within.is_none()
            || actors
                .iter()
                .any(|id| graph.node(id).is_some_and(|n| node_in(n.index())))
    };
    let mut events: Vec<usize> = (0..atlas.events.len())
        .filter(|&i| {
            let e = &atlas.events[i];
            event_in(&e.actors) && event_span(e).begins_within(from, to)
        })
        .collect();
    events.sort_by_key(|&i| (atlas.events[i].date, i));
    changes.events = events;
    changes
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::super::time::Day;
    use super::*;

    fn day(s: &str) -> Day {
        Day::cursor(s.parse().expect("date"))
    }

    #[test]
    fn lists_what_began_and_ended_between_the_two_days() {
        let g = fixture::graph();
        let c = diff(&g, day("2017"), day("2021"));
        assert_eq!(c.instruments_adopted, [2], "the Gamma Act, 2018-05");
        assert!(c.actors_founded.is_empty());
        // b→c enacts (2018-05), e→c modelled on (2020), e→b member of (2021).
        assert_eq!(c.relations_begun, [1, 2, 3]);
        assert!(
            c.relations_ended.is_empty(),
            "modelled-on lasts through 2022"
        );
        assert_eq!(c.events, [0], "Gamma applies, 2018-05-25");
        let later = diff(&g, day("2021"), day("2023"));
        assert_eq!(later.relations_ended, [2]);
        assert!(later.relations_begun.is_empty());
    }

    #[test]
    fn a_view_mask_limits_the_changes() {
        let g = fixture::graph();
        let east = crate::graph::ViewFilter {
            regions: ["east".to_string()].into(),
            ..Default::default()
        }
        .apply(&g);
        let c = diff_in(&g, day("2009"), day("2021"), Some(&east));
        assert_eq!(
            c.actors_founded,
            [1],
            "Beta (2010); the Gamma Act is in the west"
        );
        assert_eq!(c.relations_begun, [0], "a→b only: both ends in the east");
        assert_eq!(c.events, [1, 0], "both events name Beta; by date");
    }
}
