//! Property tests of the time rule on small random atlases: the as-of view equals a brute-force
//! filter of the records, and the diff between two days equals a brute-force comparison of the
//! records' standing on each day. The brute force is written from the rule's wording with
//! plain date tuples, independently of `graph::time`.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas::graph::{AtlasGraph, Day, HolderRef, ViewFilter, diff};
use atlas::model::date::days_in_month;
use atlas::model::{
    Actor, ActorKind, Atlas, Event, EventKind, Holder, InstrumentKind, PartialDate, Relation,
    RelationKind,
};
use proptest::prelude::*;

type Ymd = (i32, u32, u32);

fn first(d: PartialDate) -> Ymd {
    (d.year_value(), d.month().unwrap_or(1), d.day().unwrap_or(1))
}

fn last(d: PartialDate) -> Ymd {
    let month = d.month().unwrap_or(12);
    let day = d.day().unwrap_or(days_in_month(d.year_value(), month));
    (d.year_value(), month, day)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum St {
    NotYet,
    Current,
    Ended,
}

/// The status of a record starting at `start` (none: always) and ending at `end` on `day`.
fn status(start: Option<Ymd>, end: Option<PartialDate>, day: Ymd) -> St {
    if start.is_some_and(|s| day < s) {
        St::NotYet
    } else if end.is_some_and(|e| day > last(e)) {
        St::Ended
    } else {
        St::Current
    }
}

/// An actor starts at `founded`, else at its earliest holder's `from`, else never mattered.
fn actor_start(a: &Actor) -> Option<Ymd> {
    match a.founded {
        Some(f) => Some(first(f)),
        None => a.holders.iter().filter_map(|h| h.from.map(first)).min(),
    }
}

fn actor_of<'a>(atlas: &'a Atlas, id: &str) -> &'a Actor {
    atlas
        .actors
        .iter()
        .find(|a| a.id == id)
        .expect("generated ends exist")
}

fn relation_start(atlas: &Atlas, r: &Relation) -> Option<Ymd> {
    match r.since {
        Some(s) => Some(first(s)),
        None => actor_start(actor_of(atlas, &r.from)).max(actor_start(actor_of(atlas, &r.to))),
    }
}

fn holder_start(post: &Actor, h: &Holder) -> Option<Ymd> {
    h.from.map(first).or_else(|| actor_start(post))
}

fn ymd(day: Day) -> Ymd {
    first(day.date())
}

fn date() -> impl Strategy<Value = PartialDate> {
    (2000..=2004i32, 0..3u8, 1..=12u32, 1..=28u32, any::<bool>()).prop_map(
        |(year, precision, month, day, approximate)| {
            let month = (precision >= 1).then_some(month);
            let day = (precision >= 2).then_some(day);
            PartialDate::new(year, month, day, approximate).expect("a real date")
        },
    )
}

fn holder() -> impl Strategy<Value = Holder> {
    (proptest::option::of(date()), proptest::option::of(date())).prop_map(|(from, until)| Holder {
        name: "H".into(),
        from,
        until,
        note: None,
        sources: Vec::new(),
    })
}

fn actor(i: usize) -> impl Strategy<Value = Actor> {
    (
        0..3u8,
        proptest::option::of(date()),
        proptest::collection::vec(holder(), 0..3),
    )
        .prop_map(move |(kind, founded, holders)| Actor {
            id: format!("a{i}"),
            kind: match kind {
                0 => ActorKind::State,
                1 => ActorKind::Envoy,
                _ => ActorKind::Instrument(InstrumentKind::Law),
            },
            name: format!("Actor {i}"),
            aliases: Vec::new(),
            country: None,
            regions: Vec::new(),
            themes: Vec::new(),
            summary: String::new(),
            based_in: None,
            founded,
            holders,
            sources: vec!["s".into()],
        })
}

fn small_atlas() -> impl Strategy<Value = Atlas> {
    (1..7usize).prop_flat_map(|n| {
        let actors = (0..n).map(actor).collect::<Vec<_>>();
        let relation = (
            0..n,
            0..n,
            proptest::option::of(date()),
            proptest::option::of(date()),
        )
            .prop_map(|(a, b, since, until)| Relation {
                id: None,
                from: format!("a{a}"),
                to: format!("a{b}"),
                kind: RelationKind::MemberOf,
                since,
                until,
                note: None,
                sources: vec!["s".into()],
            });
        let event = (date(), 0..n).prop_map(|(date, a)| Event {
            id: "e".into(),
            date,
            kind: EventKind::Summit,
            title: "E".into(),
            summary: String::new(),
            actors: vec![format!("a{a}")],
            sources: vec!["s".into()],
        });
        (
            actors,
            proptest::collection::vec(relation, 0..12),
            proptest::collection::vec(event, 0..5),
        )
            .prop_map(|(actors, relations, events)| Atlas {
                actors,
                relations,
                events,
                ..Atlas::default()
            })
    })
}

/// A day between 1999 and 2006, so that some records are not yet and some have ended.
fn day() -> impl Strategy<Value = Day> {
    (1999..=2006i32, 1..=12u32, 1..=31u32).prop_map(|(y, m, d)| {
        let d = d.min(days_in_month(y, m));
        Day::cursor(PartialDate::new(y, Some(m), Some(d), false).expect("a real day"))
    })
}

proptest! {
    // No regression files: a failure prints its minimal input, which a test here can pin.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_as_of_view_equals_a_brute_force_filter(atlas in small_atlas(), on in day()) {
        let graph = AtlasGraph::new(atlas.clone());
        let visible = ViewFilter::default().at(Some(on)).apply(&graph);
        let d = ymd(on);
        let exists: Vec<bool> = atlas
            .actors
            .iter()
            .map(|a| status(actor_start(a), None, d) == St::Current)
            .collect();
        prop_assert_eq!(&visible.nodes, &exists);
        // Node i is actor i and edge j relation j: every generated end exists.
        let edges: Vec<bool> = atlas
            .relations
            .iter()
            .map(|r| {
                let end = |id: &str| exists[atlas.actors.iter().position(|a| a.id == id).expect("end")];
                status(relation_start(&atlas, r), r.until, d) == St::Current
                    && end(&r.from)
                    && end(&r.to)
            })
            .collect();
        prop_assert_eq!(&visible.edges, &edges);
        // The network's path while the date moves: only the date applied over the view at
        // every date, from the graph's span index.
        let filter = ViewFilter::default().at(Some(on));
        let moved = filter.apply_over(&graph, &filter.timeless().apply(&graph));
        prop_assert_eq!(&moved, &visible);
    }

    #[test]
    fn the_diff_equals_comparing_the_two_days(atlas in small_atlas(), a in day(), b in day()) {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let graph = AtlasGraph::new(atlas.clone());
        let changes = diff(&graph, a, b);
        let (da, db) = (ymd(a), ymd(b));
        let begun = |start: Option<Ymd>, end| {
            status(start, end, da) == St::NotYet && status(start, end, db) != St::NotYet
        };
        let ended = |start: Option<Ymd>, end| {
            status(start, end, da) != St::Ended && status(start, end, db) == St::Ended
        };
        let mut founded: Vec<usize> = changes
            .actors_founded
            .iter()
            .chain(&changes.instruments_adopted)
            .copied()
            .collect();
        founded.sort();
        let expected: Vec<usize> = (0..atlas.actors.len())
            .filter(|&i| begun(actor_start(&atlas.actors[i]), None))
            .collect();
        prop_assert_eq!(founded, expected);
        let relations = |pick: &dyn Fn(Option<Ymd>, Option<PartialDate>) -> bool| -> Vec<usize> {
            (0..atlas.relations.len())
                .filter(|&i| {
                    let r = &atlas.relations[i];
                    pick(relation_start(&atlas, r), r.until)
                })
                .collect()
        };
        let sorted = |list: &[usize]| {
            let mut v = list.to_vec();
            v.sort();
            v
        };
        prop_assert_eq!(sorted(&changes.relations_begun), relations(&begun));
        prop_assert_eq!(sorted(&changes.relations_ended), relations(&ended));
        let mut appointed = Vec::new();
        let mut gone = Vec::new();
        for (i, post) in atlas.actors.iter().enumerate() {
            for (k, h) in post.holders.iter().enumerate() {
                if begun(holder_start(post, h), h.until) {
                    appointed.push((i, k));
                }
                if ended(holder_start(post, h), h.until) {
                    gone.push((i, k));
                }
            }
        }
        let pairs = |list: &[HolderRef]| {
            let mut v: Vec<(usize, usize)> = list.iter().map(|h| (h.actor, h.holder)).collect();
            v.sort();
            v
        };
        prop_assert_eq!(pairs(&changes.holders_appointed), appointed);
        prop_assert_eq!(pairs(&changes.holders_gone), gone);
        let mut events = changes.events.clone();
        events.sort();
        let expected: Vec<usize> = (0..atlas.events.len())
            .filter(|&i| begun(Some(first(atlas.events[i].date)), None))
            .collect();
        prop_assert_eq!(events, expected);
    }
}
