//! Why the path finder finds nothing: which parts of the view's filter (a region, a theme,
//! hidden kinds, hidden relation kinds, the "as of" date) hide the connection that the whole
//! atlas has.

use petgraph::graph::NodeIndex;

use super::paths::shortest_path;
use super::{AtlasGraph, ViewFilter};

/// One part of a [`ViewFilter`] that can hide actors or relations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterPart {
    Regions,
    Themes,
    HiddenKinds,
    HiddenRelations,
    AsOf,
}

impl FilterPart {
    const ALL: [FilterPart; 5] = [
        FilterPart::Regions,
        FilterPart::Themes,
        FilterPart::HiddenKinds,
        FilterPart::HiddenRelations,
        FilterPart::AsOf,
    ];

    /// The parts that restrict `filter`.
    pub fn active(filter: &ViewFilter) -> Vec<FilterPart> {
        Self::ALL
            .into_iter()
            .filter(|part| {
                let mut relaxed = filter.clone();
                part.relax(&mut relaxed);
                relaxed != *filter
            })
            .collect()
    }

    /// Removes this part's restriction from `filter`.
    pub fn relax(self, filter: &mut ViewFilter) {
        match self {
            FilterPart::Regions => filter.regions.clear(),
            FilterPart::Themes => filter.themes.clear(),
            FilterPart::HiddenKinds => filter.hidden_kinds.clear(),
            FilterPart::HiddenRelations => filter.hidden_relations.clear(),
            FilterPart::AsOf => filter.as_of = None,
        }
    }

    /// The part in words, with its values: "the region filter Indo-Pacific",
    /// "the date 2019-06-30".
    pub fn describe(self, filter: &ViewFilter, graph: &AtlasGraph) -> String {
        let atlas = graph.atlas();
        let names = |ids: &std::collections::BTreeSet<String>,
                     of: &dyn Fn(&str) -> Option<String>| {
            ids.iter()
                .map(|id| of(id).unwrap_or_else(|| id.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            FilterPart::Regions => {
                let region = |id: &str| {
                    let r = atlas.regions.iter().find(|r| r.id == id)?;
                    Some(r.name.clone())
                };
                format!("the region filter {}", names(&filter.regions, &region))
            }
            FilterPart::Themes => {
                let theme = |id: &str| {
                    let t = atlas.themes.iter().find(|t| t.id == id)?;
                    Some(t.name.clone())
                };
                format!("the theme filter {}", names(&filter.themes, &theme))
            }
            FilterPart::HiddenKinds => {
                let kinds: Vec<&str> = filter.hidden_kinds.iter().map(|k| k.label()).collect();
                format!("the hidden kinds ({})", kinds.join(", "))
            }
            FilterPart::HiddenRelations => {
                let kinds: Vec<&str> = filter.hidden_relations.iter().map(|k| k.label()).collect();
                format!("the hidden relation kinds ({})", kinds.join(", "))
            }
            FilterPart::AsOf => match filter.as_of_day() {
                Some(day) => format!("the date {day}"),
                None => "the date".to_string(),
            },
        }
    }
}

/// `filter` with every part in `parts` relaxed.
pub fn relaxed(filter: &ViewFilter, parts: &[FilterPart]) -> ViewFilter {
    let mut out = filter.clone();
    for part in parts {
        part.relax(&mut out);
    }
    out
}

/// When `from` and `to` are not connected under `filter`: the fewest parts of the filter
/// that hide their connection (relaxing just these connects them), found by dropping from
/// the active parts every part that is not needed. `None` when they are connected under the
/// filter, or not connected in the whole atlas either.
pub fn hidden_by(
    graph: &AtlasGraph,
    from: NodeIndex,
    to: NodeIndex,
    filter: &ViewFilter,
) -> Option<Vec<FilterPart>> {
    let connected = |f: &ViewFilter| shortest_path(graph, from, to, &f.apply(graph)).is_some();
    if connected(filter) || !connected(&ViewFilter::default()) {
        return None;
    }
    let mut culprits = FilterPart::active(filter);
    for part in FilterPart::active(filter) {
        let without: Vec<FilterPart> = culprits.iter().copied().filter(|&p| p != part).collect();
        if connected(&relaxed(filter, &without)) {
            culprits = without;
        }
    }
    Some(culprits)
}

/// "the region filter East and the date 2015-06-30": the parts in words, joined.
pub fn describe_parts(parts: &[FilterPart], filter: &ViewFilter, graph: &AtlasGraph) -> String {
    let words: Vec<String> = parts.iter().map(|p| p.describe(filter, graph)).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::super::time::Day;
    use super::*;

    fn year(y: &str) -> Option<f64> {
        Some(Day::cursor(y.parse().expect("date")).as_year_fraction())
    }

    fn east() -> ViewFilter {
        ViewFilter {
            regions: ["east".to_string()].into(),
            ..ViewFilter::default()
        }
    }

    #[test]
    fn a_region_filter_that_hides_the_end_is_named() {
        let g = fixture::graph();
        let (a, c) = (g.node("a").expect("a"), g.node("c").expect("c"));
        let parts = hidden_by(&g, a, c, &east()).expect("hidden, not apart");
        assert_eq!(parts, [FilterPart::Regions]);
        assert_eq!(
            describe_parts(&parts, &east(), &g),
            "the region filter East"
        );
    }

    #[test]
    fn only_the_parts_that_matter_are_named() {
        let g = fixture::graph();
        let (a, c) = (g.node("a").expect("a"), g.node("c").expect("c"));
        // Gamma Act is founded in 2018-05: as of 2015 the date hides it too.
        let both = ViewFilter {
            as_of: year("2015-06-30"),
            ..east()
        };
        let parts = hidden_by(&g, a, c, &both).expect("hidden");
        assert_eq!(parts, [FilterPart::Regions, FilterPart::AsOf]);
        assert_eq!(
            describe_parts(&parts, &both, &g),
            "the region filter East and the date 2015-06-30"
        );
        // A theme filter that keeps the chain is active but not to blame.
        let themed = ViewFilter {
            themes: ["ai".to_string(), "data".to_string()].into(),
            ..east()
        };
        assert_eq!(
            hidden_by(&g, a, c, &themed),
            Some(vec![FilterPart::Regions])
        );
    }

    #[test]
    fn nothing_to_explain_when_connected_or_apart_everywhere() {
        let g = fixture::graph();
        let (a, c, d) = (
            g.node("a").expect("a"),
            g.node("c").expect("c"),
            g.node("d").expect("d"),
        );
        assert_eq!(hidden_by(&g, a, c, &ViewFilter::default()), None);
        // Delta is an island in the whole atlas: no filter is to blame.
        assert_eq!(hidden_by(&g, a, d, &east()), None);
    }
}
