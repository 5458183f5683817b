//! Counts for the region list and the legend, by the time rule: how many actors a region or a
//! kind has in all, and how many of them exist on the cursor's day.

use crate::model::ActorKind;

use super::AtlasGraph;
use super::time::{Day, actor_span};

/// Actors in all and on the day (the same number when there is no day).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub total: usize,
    pub existing: usize,
}

impl Count {
    fn add(&mut self, exists: bool) {
        self.total += 1;
        self.existing += usize::from(exists);
    }
}

/// Which actors exist on `day`, by actor index; all of them without a day.
fn existing(graph: &AtlasGraph, day: Option<Day>) -> Vec<bool> {
    graph
        .atlas()
        .actors
        .iter()
        .map(|a| day.is_none_or(|day| actor_span(a).standing_at(day).exists()))
        .collect()
}

/// One count per region of the atlas, in the order of `atlas.regions`.
pub fn region_counts(graph: &AtlasGraph, day: Option<Day>) -> Vec<Count> {
    let atlas = graph.atlas();
    let exists = existing(graph, day);
    let mut counts = vec![Count::default(); atlas.regions.len()];
    for (actor, &here) in atlas.actors.iter().zip(&exists) {
        for (region, count) in atlas.regions.iter().zip(counts.iter_mut()) {
            if actor.regions.contains(&region.id) {
                count.add(here);
            }
        }
    }
    counts
}

/// One count per kind family that has actors, in [`ActorKind::families`] order.
pub fn family_counts(graph: &AtlasGraph, day: Option<Day>) -> Vec<(ActorKind, Count)> {
    let atlas = graph.atlas();
    let exists = existing(graph, day);
    ActorKind::families()
        .filter_map(|family| {
            let mut count = Count::default();
            for (actor, &here) in atlas.actors.iter().zip(&exists) {
                if actor.kind.family() == family {
                    count.add(here);
                }
            }
            (count.total > 0).then_some((family, count))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn regions_count_all_actors_and_those_that_exist_on_the_day() {
        let g = fixture::graph();
        let day = Day::first_of("2015".parse().expect("date"));
        let counts = region_counts(&g, Some(day));
        // East: a and b (2010). West: b, c (2018-05), d, e.
        assert_eq!(
            counts,
            [
                Count {
                    total: 2,
                    existing: 2
                },
                Count {
                    total: 4,
                    existing: 3
                }
            ]
        );
        assert!(
            region_counts(&g, None)
                .iter()
                .all(|c| c.total == c.existing)
        );
    }

    #[test]
    fn families_count_instruments_as_one_and_skip_empty_kinds() {
        let g = fixture::graph();
        let day = Day::first_of("2015".parse().expect("date"));
        let counts = family_counts(&g, Some(day));
        let find = |kind: ActorKind| counts.iter().find(|(k, _)| *k == kind).map(|(_, c)| *c);
        let instruments = find(ActorKind::Instrument(
            crate::model::InstrumentKind::Regulation,
        ));
        assert_eq!(
            instruments,
            Some(Count {
                total: 1,
                existing: 0
            })
        );
        assert_eq!(find(ActorKind::State).map(|c| c.total), Some(2));
        assert_eq!(find(ActorKind::Bloc), None);
    }
}
