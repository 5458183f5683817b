//! Checks of the atlas as a whole: it has actors (an error otherwise: an atlas without them
//! shows an empty window), and warnings for `Supersedes` relations that go round in a cycle,
//! for the same relation given twice, and for country codes that are not ISO 3166-1 alpha-2.

use petgraph::graph::DiGraph;

use super::date::PartialDate;
use super::fast_hash::FastMap as HashMap;
use super::iso3166::is_alpha2;
use super::schema::{Atlas, RelationKind};
use super::validate::{At, Checker};

/// Runs every check of this module.
pub(super) fn check(c: &mut Checker, atlas: &Atlas) {
    if atlas.actors.is_empty() {
        c.error_whole(
            "the atlas has no actors: a dataset needs at least one record in `actors: [...]`"
                .into(),
        );
    }
    countries(c, atlas);
    duplicate_relations(c, atlas);
    supersedes_cycles(c, atlas);
}

fn countries(c: &mut Checker, atlas: &Atlas) {
    for (i, a) in atlas.actors.iter().enumerate() {
        if let Some(code) = &a.country
            && !is_alpha2(code)
        {
            c.warn(
                &At::new("actors", i, &a.id),
                "country",
                format!(
                    "\"{code}\" is not an ISO 3166-1 alpha-2 country code (two capital \
                     letters, such as \"DK\")"
                ),
            );
        }
    }
}

/// The same from, to, kind and start given twice: the second adds nothing but a double edge.
fn duplicate_relations(c: &mut Checker, atlas: &Atlas) {
    let mut seen: HashMap<(&str, &str, RelationKind, Option<PartialDate>), usize> =
        HashMap::default();
    for (i, r) in atlas.relations.iter().enumerate() {
        let key = (r.from.as_str(), r.to.as_str(), r.kind, r.since);
        if let Some(&first) = seen.get(&key) {
            let since = r.since.map(|d| format!(" since {d}")).unwrap_or_default();
            c.warn(
                &At::relation(i, r),
                "",
                format!(
                    "the same relation ({} {:?} {}{since}) is already relations[{first}]",
                    r.from, r.kind, r.to
                ),
            );
        } else {
            seen.insert(key, i);
        }
    }
}

/// `Supersedes` relations that go round: each would replace the one that replaces it.
fn supersedes_cycles(c: &mut Checker, atlas: &Atlas) {
    let mut graph: DiGraph<&str, usize> = DiGraph::new();
    let mut nodes = HashMap::default();
    let mut node = |g: &mut DiGraph<&str, usize>, id: &str| {
        *nodes
            .entry(id.to_string())
            .or_insert_with(|| g.add_node(""))
    };
    for (i, r) in atlas.relations.iter().enumerate() {
        if r.kind == RelationKind::Supersedes && r.from != r.to {
            let (a, b) = (node(&mut graph, &r.from), node(&mut graph, &r.to));
            graph.add_edge(a, b, i);
        }
    }
    for component in petgraph::algo::tarjan_scc(&graph) {
        if component.len() < 2 {
            continue;
        }
        let members: std::collections::HashSet<_> = component.iter().copied().collect();
        let mut inside: Vec<usize> = graph
            .edge_indices()
            .filter(|&e| {
                graph
                    .edge_endpoints(e)
                    .is_some_and(|(a, b)| members.contains(&a) && members.contains(&b))
            })
            .map(|e| graph[e])
            .collect();
        inside.sort_unstable();
        let mut names: Vec<&str> = inside
            .iter()
            .map(|&i| atlas.relations[i].from.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        let first = inside[0];
        c.warn(
            &At::relation(first, &atlas.relations[first]),
            "kind",
            format!(
                "Supersedes relations go round in a cycle among {}: each would replace one \
                 that replaces it",
                names.join(", ")
            ),
        );
    }
}
