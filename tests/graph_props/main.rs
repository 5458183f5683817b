//! Property tests of the graph queries against a trusted reference, on small random atlases:
//! petgraph's own algorithms where it has them (BFS distances, strongly connected components of
//! the undirected copy), brute force where it has not (every shortest chain, betweenness by
//! definition, the filter rule applied record by record).
//!
//! Fixed seed and no failure files, so a run is repeatable and leaves nothing behind.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod arb;
mod reference;

use std::collections::BTreeSet;

use atlas::graph::{
    AtlasGraph, ViewFilter, Visible, all_shortest_paths, betweenness, centrality, closeness,
    components, degree, ego_network,
};
use atlas::model::{Actor, ActorKind, Atlas, PartialDate, Relation};
use petgraph::graph::NodeIndex;
use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};

use reference::Reference;

// ---------------------------------------------------------------------------------------------
// The "as of" rule under test, written from its documentation rather than from the code.
// When the rule changes (issue 10), this is the one place to update.
// ---------------------------------------------------------------------------------------------

/// A record whose period starts at `start` and ends with `end` exists at time `t` (a fractional
/// year) when it has begun — its start's first instant is at or before `t` — and has not ended:
/// `t` comes before the first instant after its end period. No date means no limit.
fn exists_as_of(start: Option<PartialDate>, end: Option<PartialDate>, t: f64) -> bool {
    start.is_none_or(|d| self::start(d) <= t) && end.is_none_or(|d| t < self::start(next_period(d)))
}

/// The first instant of a date's period on the time axis: a month is a twelfth of a year and
/// a day a 31st of a month.
fn start(date: PartialDate) -> f64 {
    let month0 = f64::from(date.month().unwrap_or(1) - 1);
    let day0 = f64::from(date.day().unwrap_or(1) - 1);
    f64::from(date.year_value()) + (month0 + day0 / 31.0) / 12.0
}

/// The period right after a date's own, at the same precision: the next year, month or day.
fn next_period(date: PartialDate) -> PartialDate {
    let (y, m, d) = (date.year_value(), date.month(), date.day());
    let next = match (m, d) {
        (None, _) => PartialDate::year(y + 1),
        (Some(m), None) if m < 12 => PartialDate::new(y, Some(m + 1), None, false),
        (Some(_), None) => PartialDate::new(y + 1, Some(1), None, false),
        (Some(m), Some(d)) => PartialDate::new(y, Some(m), Some(d + 1), false)
            .or_else(|_| PartialDate::new(y, Some(m + 1), Some(1), false))
            .or_else(|_| PartialDate::new(y + 1, Some(1), Some(1), false)),
    };
    next.unwrap_or_else(|e| panic!("the period after {date} is a date: {e}"))
}

// ---------------------------------------------------------------------------------------------

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x7ec4_d1f0),
        ..ProptestConfig::default()
    }
}

/// A node of the graph chosen by a random number.
fn pick(graph: &AtlasGraph, n: usize) -> NodeIndex {
    NodeIndex::new(n % graph.node_count())
}

/// Does the filter show this actor? Brute force over the record, kinds compared by family.
fn shows_actor(filter: &ViewFilter, actor: &Actor) -> bool {
    let same_family = |hidden: ActorKind| match (hidden, actor.kind) {
        (ActorKind::Instrument(_), ActorKind::Instrument(_)) => true,
        (hidden, kind) => hidden == kind,
    };
    let meets = |wanted: &BTreeSet<String>, have: &[String]| {
        wanted.is_empty() || have.iter().any(|h| wanted.contains(h))
    };
    !filter.hidden_kinds.iter().any(|&k| same_family(k))
        && meets(&filter.regions, &actor.regions)
        && meets(&filter.themes, &actor.themes)
        && filter
            .as_of
            .is_none_or(|t| exists_as_of(actor.founded, None, t))
}

/// The visibility of every actor and of every relation whose ends exist, in record order.
fn brute_force_view(filter: &ViewFilter, atlas: &Atlas) -> Visible {
    let nodes: Vec<bool> = atlas
        .actors
        .iter()
        .map(|a| shows_actor(filter, a))
        .collect();
    let find = |id: &str| atlas.actors.iter().position(|a| a.id == id);
    let shows = |r: &Relation, a: usize, b: usize| {
        nodes[a]
            && nodes[b]
            && !filter.hidden_relations.contains(&r.kind)
            && filter
                .as_of
                .is_none_or(|t| exists_as_of(r.since, r.until, t))
    };
    let edges = atlas
        .relations
        .iter()
        .filter_map(|r| Some(shows(r, find(&r.from)?, find(&r.to)?)))
        .collect();
    Visible { nodes, edges }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn components_partition_the_visible_nodes_as_kosaraju_does(case in arb::case(1..=12, 30)) {
        let visible = case.filter.apply(&case.graph);
        let got = components(&case.graph, &visible);
        let expected = Reference::new(&case.graph, &visible).components(&visible);
        let as_sets: BTreeSet<BTreeSet<usize>> = got
            .iter()
            .map(|c| c.iter().map(|n| n.index()).collect())
            .collect();
        prop_assert_eq!(as_sets, expected);
        prop_assert!(got.windows(2).all(|w| w[0].len() >= w[1].len()), "largest first");
        prop_assert!(got.iter().all(|c| c.windows(2).all(|w| w[0] < w[1])), "members in order");
    }

    #[test]
    fn ego_network_is_every_node_within_depth_at_its_bfs_distance(
        case in arb::case(1..=12, 30),
        centre in any::<usize>(),
        depth in 0usize..5,
    ) {
        let visible = case.filter.apply(&case.graph);
        // Start from a shown actor, as the app does.
        let shown: Vec<NodeIndex> = case.graph.nodes().filter(|n| visible.nodes[n.index()]).collect();
        prop_assume!(!shown.is_empty());
        let centre = shown[centre % shown.len()];
        let got = ego_network(&case.graph, centre, depth, &visible);
        let expected: BTreeSet<(NodeIndex, usize)> = Reference::new(&case.graph, &visible)
            .distances(centre)
            .into_iter()
            .filter(|&(_, d)| d <= depth)
            .collect();
        prop_assert_eq!(got.first(), Some(&(centre, 0)));
        prop_assert_eq!(got.iter().copied().collect::<BTreeSet<_>>(), expected);
        prop_assert_eq!(got.len(), distinct_nodes(&got), "no node listed twice");
    }

    #[test]
    fn shortest_paths_are_distinct_visible_chains_of_bfs_length(
        case in arb::case(1..=12, 30),
        a in any::<usize>(),
        b in any::<usize>(),
    ) {
        let visible = case.filter.apply(&case.graph);
        let (from, to) = (pick(&case.graph, a), pick(&case.graph, b));
        let paths = all_shortest_paths(&case.graph, from, to, &visible, usize::MAX);
        let distance = Reference::new(&case.graph, &visible).distances(from).get(&to).copied();
        prop_assert_eq!(paths.is_empty(), distance.is_none(), "empty exactly when apart");
        for path in &paths {
            check_chain(&case.graph, &visible, from, to, path)?;
            prop_assert_eq!(Some(path.len()), distance, "as long as the BFS distance");
        }
        let distinct: BTreeSet<_> = paths.iter().map(|p| steps_of(p)).collect();
        prop_assert_eq!(distinct.len(), paths.len(), "no path twice");
    }

    #[test]
    fn all_shortest_paths_lists_every_shortest_chain_up_to_the_limit(
        case in arb::case(1..=12, 30),
        a in any::<usize>(),
        b in any::<usize>(),
        limit in 1usize..4,
    ) {
        let visible = case.filter.apply(&case.graph);
        let (from, to) = (pick(&case.graph, a), pick(&case.graph, b));
        let expected: BTreeSet<Vec<reference::Step>> =
            Reference::new(&case.graph, &visible).shortest_chains(from, to).into_iter().collect();
        let all = all_shortest_paths(&case.graph, from, to, &visible, usize::MAX);
        prop_assert_eq!(all.iter().map(|p| steps_of(p)).collect::<BTreeSet<_>>(), expected.clone());
        let some = all_shortest_paths(&case.graph, from, to, &visible, limit);
        prop_assert_eq!(some.len(), expected.len().min(limit));
        prop_assert!(some.iter().all(|p| expected.contains(&steps_of(p))));
    }

    #[test]
    fn degree_counts_each_visible_relation_at_both_ends(case in arb::case(1..=12, 30)) {
        let visible = case.filter.apply(&case.graph);
        let atlas = case.graph.atlas();
        let mut expected = vec![0usize; atlas.actors.len()];
        for e in case.graph.edges().filter(|e| visible.edges[e.index()]) {
            let relation = case.graph.relation(e);
            for id in [&relation.from, &relation.to] {
                let Some(i) = atlas.actors.iter().position(|a| &a.id == id) else {
                    return Err(TestCaseError::fail(format!("edge {e:?} names no actor {id}")));
                };
                expected[i] += 1;
            }
        }
        prop_assert_eq!(&degree(&case.graph, &visible), &expected);
        // The table: visible actors only, degree over (visible nodes − 1).
        let rows = centrality(&case.graph, &visible);
        prop_assert_eq!(rows.len(), visible.node_count());
        let others = visible.node_count().saturating_sub(1).max(1) as f64;
        for row in &rows {
            prop_assert!(visible.nodes[row.node.index()]);
            prop_assert_eq!(row.degree, expected[row.node.index()]);
            prop_assert!((row.degree_norm - row.degree as f64 / others).abs() < 1e-12);
        }
    }
}

proptest! {
    // The filter is cheap to check, and its date boundaries need many draws to meet.
    #![proptest_config(config(256))]

    #[test]
    fn view_filter_shows_exactly_the_records_the_rule_admits(case in arb::dated_case(1..=12, 30)) {
        let got = case.filter.apply(&case.graph);
        prop_assert_eq!(got, brute_force_view(&case.filter, case.graph.atlas()));
    }
}

proptest! {
    // Brute-force betweenness enumerates every shortest chain of every pair: kept to 8 nodes.
    #![proptest_config(config(64))]

    #[test]
    fn betweenness_is_the_share_of_shortest_chains_through_each_node(case in arb::case(1..=8, 20)) {
        let visible = case.filter.apply(&case.graph);
        let got = betweenness(&case.graph, &visible);
        let expected = Reference::new(&case.graph, &visible).betweenness(&visible);
        for n in case.graph.nodes() {
            let want = expected.get(&n.index()).copied().unwrap_or(0.0);
            prop_assert!(
                (got[n.index()] - want).abs() < 1e-9,
                "node {}: got {}, brute force {}", n.index(), got[n.index()], want
            );
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Closeness by its definition (networkx's, with the Wasserman–Faust scaling) from
    /// petgraph's distances: reached others over the sum of their distances, times the share
    /// of the other visible nodes reached.
    #[test]
    fn closeness_is_reach_over_total_distance_scaled_by_reach(case in arb::case(1..=12, 30)) {
        let visible = case.filter.apply(&case.graph);
        let got = closeness(&case.graph, &visible);
        let reference = Reference::new(&case.graph, &visible);
        let others = visible.node_count().saturating_sub(1) as f64;
        for n in case.graph.nodes() {
            let want = if visible.nodes[n.index()] {
                let d = reference.distances(n);
                let reached = (d.len() - 1) as f64;
                let total: usize = d.values().sum();
                if total == 0 { 0.0 } else { reached / total as f64 * reached / others }
            } else {
                0.0
            };
            prop_assert!(
                (got[n.index()] - want).abs() < 1e-9,
                "node {}: got {}, by definition {}", n.index(), got[n.index()], want
            );
        }
    }
}

/// The number of distinct nodes in an ego network.
fn distinct_nodes(ego: &[(NodeIndex, usize)]) -> usize {
    ego.iter().map(|&(n, _)| n).collect::<BTreeSet<_>>().len()
}

fn steps_of(path: &[atlas::graph::PathStep]) -> Vec<reference::Step> {
    path.iter().map(|s| (s.edge, s.from, s.to)).collect()
}

/// A path runs from `from` to `to` over visible relations between visible actors, each step
/// starting where the last ended, with `forward` saying which way the relation points.
fn check_chain(
    graph: &AtlasGraph,
    visible: &Visible,
    from: NodeIndex,
    to: NodeIndex,
    path: &[atlas::graph::PathStep],
) -> Result<(), TestCaseError> {
    let mut at = from;
    for step in path {
        prop_assert_eq!(step.from, at, "steps join up");
        prop_assert!(
            visible.edges[step.edge.index()],
            "edge {:?} is hidden",
            step.edge
        );
        prop_assert!(visible.nodes[step.from.index()] && visible.nodes[step.to.index()]);
        let ends = graph.endpoints(step.edge);
        let expected = if step.forward {
            (step.from, step.to)
        } else {
            (step.to, step.from)
        };
        prop_assert_eq!(ends, Some(expected), "the edge joins the step's ends");
        at = step.to;
    }
    prop_assert_eq!(at, to, "the path ends at its target");
    Ok(())
}
