//! Small random atlases, built as records and turned into a graph the normal way.

use std::collections::BTreeSet;

use atlas::graph::{AtlasGraph, ViewFilter};
use atlas::model::{
    Actor, ActorKind, Atlas, InstrumentKind, PartialDate, Region, Relation, RelationKind, Source,
    Theme,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

pub const REGIONS: [&str; 3] = ["r0", "r1", "r2"];
pub const THEMES: [&str; 2] = ["t0", "t1"];
/// Id of an actor that does not exist: relations naming it are left out of the graph.
const MISSING: &str = "missing";

const KINDS: [ActorKind; 5] = [
    ActorKind::State,
    ActorKind::Forum,
    ActorKind::Company,
    ActorKind::Instrument(InstrumentKind::Regulation),
    ActorKind::Instrument(InstrumentKind::Treaty),
];

/// A date in a narrow span of years, so that dates often meet: a year, a month or a day.
pub fn date() -> impl Strategy<Value = PartialDate> {
    (2000i32..2004, 1u32..=12, 1u32..=31, 0u8..3, any::<bool>()).prop_map(
        |(year, month, day, precision, approximate)| {
            let (m, d) = match precision {
                0 => (None, None),
                1 => (Some(month), None),
                _ => (Some(month), Some(day)),
            };
            // Day 31 of a short month is refused: fall back to the month.
            PartialDate::new(year, m, d, approximate)
                .or_else(|_| PartialDate::new(year, m, None, approximate))
                .unwrap_or_else(|_| unreachable!("year and month are in range"))
        },
    )
}

/// A date with probability `p`.
fn maybe_date(p: f64) -> impl Strategy<Value = Option<PartialDate>> {
    proptest::option::weighted(p, date())
}

fn actor(i: usize) -> impl Strategy<Value = Actor> {
    (
        select(KINDS.to_vec()),
        subsequence(REGIONS.to_vec(), 0..=2),
        subsequence(THEMES.to_vec(), 0..=2),
        maybe_date(0.5),
    )
        .prop_map(move |(kind, regions, themes, founded)| Actor {
            id: format!("a{i}"),
            kind,
            name: format!("Actor {i}"),
            aliases: Vec::new(),
            country: None,
            regions: regions.into_iter().map(String::from).collect(),
            themes: themes.into_iter().map(String::from).collect(),
            summary: String::new(),
            based_in: None,
            founded,
            holders: Vec::new(),
            sources: vec!["s".into()],
        })
}

/// A relation between two of `n` actors (ends may coincide); one in about 30 names a missing
/// actor.
fn relation(n: usize) -> impl Strategy<Value = Relation> {
    let end =
        prop_oneof![30 => (0..n).prop_map(|i| format!("a{i}")), 1 => Just(MISSING.to_string())];
    (
        end.clone(),
        end,
        select(RelationKind::ALL.to_vec()),
        maybe_date(0.5),
        // Most relations still run, as in the atlas.
        maybe_date(0.25),
    )
        .prop_map(|(from, to, kind, since, until)| Relation {
            id: None,
            from,
            to,
            kind,
            since,
            until,
            note: None,
            sources: vec!["s".into()],
        })
}

/// An atlas of `actors` actors (a range) and up to `relations` relations.
pub fn atlas(
    actors: std::ops::RangeInclusive<usize>,
    relations: usize,
) -> impl Strategy<Value = Atlas> {
    actors
        .prop_flat_map(move |n| {
            let people: Vec<_> = (0..n).map(actor).collect();
            (
                people,
                proptest::collection::vec(relation(n), 0..=relations),
            )
        })
        .prop_map(|(actors, relations)| Atlas {
            regions: REGIONS
                .iter()
                .map(|&id| Region {
                    id: id.into(),
                    name: id.into(),
                    summary: String::new(),
                })
                .collect(),
            themes: THEMES
                .iter()
                .map(|&id| Theme {
                    id: id.into(),
                    name: id.into(),
                    summary: String::new(),
                })
                .collect(),
            sources: vec![Source {
                id: "s".into(),
                title: "Source".into(),
                publisher: None,
                url: "https://example.invalid".into(),
                date: None,
                note: None,
                kind: None,
                checked: None,
            }],
            actors,
            relations,
            ..Atlas::default()
        })
}

/// How to choose the "as of" time: free, or on the edges of a date the atlas holds, where
/// off-by-one mistakes live.
#[derive(Clone, Copy, Debug)]
pub enum AsOf {
    Never,
    Free(f64),
    /// The first instant of the n-th date of the atlas.
    StartOf(usize),
    /// The last instant the n-th date can mean.
    EndOf(usize),
    /// The first instant after the n-th date's period.
    After(usize),
}

/// An "as of" choice; `never` weighs no date against the four ways of choosing one.
fn as_of(never: u32) -> impl Strategy<Value = AsOf> {
    prop_oneof![
        never => Just(AsOf::Never),
        1 => (1999.0f64..2005.0).prop_map(AsOf::Free),
        2 => any::<usize>().prop_map(AsOf::StartOf),
        2 => any::<usize>().prop_map(AsOf::EndOf),
        2 => any::<usize>().prop_map(AsOf::After),
    ]
}

/// Every date the records carry, in record order.
fn dates(atlas: &Atlas) -> Vec<PartialDate> {
    let founded = atlas.actors.iter().filter_map(|a| a.founded);
    let spans = atlas.relations.iter().flat_map(|r| [r.since, r.until]);
    founded.chain(spans.flatten()).collect()
}

impl AsOf {
    /// The fractional year this choice names in `atlas` (none when it holds no dates).
    pub fn resolve(self, atlas: &Atlas) -> Option<f64> {
        let all = dates(atlas);
        let pick = |n: usize| all.get(n % all.len().max(1)).copied();
        match self {
            AsOf::Never => None,
            AsOf::Free(t) => Some(t),
            AsOf::StartOf(n) => pick(n).map(|d| d.as_year_fraction()),
            AsOf::EndOf(n) => pick(n).map(|d| d.end_year_fraction()),
            AsOf::After(n) => pick(n).map(|d| crate::start(crate::next_period(d))),
        }
    }
}

/// None of `items` (with weight `none`), or one or two of them (weight 2).
fn some_of<T: Clone + std::fmt::Debug + 'static>(
    items: Vec<T>,
    none: u32,
) -> impl Strategy<Value = Vec<T>> {
    prop_oneof![none => Just(Vec::new()), 2 => subsequence(items, 1..=2)]
}

/// A filter whose sets are drawn from what the atlas uses, plus a region nobody is in.
/// `none` weighs an empty set (and no date) against a restriction: higher keeps more visible.
fn filter(none: u32) -> impl Strategy<Value = (ViewFilter, AsOf)> {
    let regions = [REGIONS.as_slice(), &["nowhere"]].concat();
    let relation_kinds = [
        RelationKind::MemberOf,
        RelationKind::PartnersWith,
        RelationKind::Enacts,
        RelationKind::Rivals,
    ];
    (
        some_of(ActorKind::families().collect(), none),
        some_of(regions, none),
        some_of(THEMES.to_vec(), none),
        some_of(relation_kinds.to_vec(), none),
        as_of(none),
    )
        .prop_map(|(kinds, regions, themes, relations, as_of)| {
            let strings = |v: Vec<&str>| v.into_iter().map(String::from).collect::<BTreeSet<_>>();
            let filter = ViewFilter {
                hidden_kinds: kinds.into_iter().collect(),
                regions: strings(regions),
                themes: strings(themes),
                hidden_relations: relations.into_iter().collect(),
                as_of: None,
            };
            (filter, as_of)
        })
}

/// A random atlas seen through a random filter, ready for the queries.
#[derive(Debug)]
pub struct Case {
    pub graph: AtlasGraph,
    pub filter: ViewFilter,
}

/// A case for the queries: the filter seldom restricts, so the view keeps most of the graph.
pub fn case(
    actors: std::ops::RangeInclusive<usize>,
    relations: usize,
) -> impl Strategy<Value = Case> {
    case_with(actors, relations, 10)
}

/// A case for the filter: every restriction is likely, and the view usually stands on or
/// beside a date the atlas holds.
pub fn dated_case(
    actors: std::ops::RangeInclusive<usize>,
    relations: usize,
) -> impl Strategy<Value = Case> {
    case_with(actors, relations, 2)
}

fn case_with(
    actors: std::ops::RangeInclusive<usize>,
    relations: usize,
    none: u32,
) -> impl Strategy<Value = Case> {
    (atlas(actors, relations), filter(none)).prop_map(|(atlas, (mut filter, as_of))| {
        filter.as_of = as_of.resolve(&atlas);
        Case {
            graph: AtlasGraph::new(atlas),
            filter,
        }
    })
}
