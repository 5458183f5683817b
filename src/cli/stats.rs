//! `atlas stats`: what a dataset holds.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::source_quality::MirrorOnly;
use crate::model::{Atlas, PartialDate};

#[derive(Debug, Serialize)]
pub struct Stats {
    pub actors: usize,
    pub relations: usize,
    pub events: usize,
    pub stories: usize,
    pub story_steps: usize,
    pub glossary_terms: usize,
    pub sources: usize,
    pub regions: usize,
    pub themes: usize,
    /// Share of actors, relations and events that cite at least one source.
    pub sourced_share: f64,
    /// Relations without a `since` date, and their share of all relations.
    pub undated_relations: usize,
    pub undated_share: f64,
    /// Records whose only sources are mirrors or aggregators.
    pub mirror_only: MirrorOnly,
    /// Sources by kind; those without one are counted as `unrated`.
    pub source_kinds: BTreeMap<String, usize>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub actor_kinds: BTreeMap<String, usize>,
    pub relation_kinds: BTreeMap<String, usize>,
    pub event_kinds: BTreeMap<String, usize>,
    pub actors_by_region: BTreeMap<String, usize>,
    pub actors_by_theme: BTreeMap<String, usize>,
}

/// `part` of `whole` as a fraction; an empty whole has nothing missing.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn json_of<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map_err(|e| format!("cannot write the statistics as JSON: {e}"))
}

fn count<I: IntoIterator<Item = String>>(items: I) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for item in items {
        *map.entry(item).or_insert(0) += 1;
    }
    map
}

impl Stats {
    pub fn of(atlas: &Atlas) -> Self {
        let records = atlas.actors.len() + atlas.relations.len() + atlas.events.len();
        let sourced = atlas
            .actors
            .iter()
            .filter(|a| !a.sources.is_empty())
            .count()
            + atlas
                .relations
                .iter()
                .filter(|r| !r.sources.is_empty())
                .count()
            + atlas
                .events
                .iter()
                .filter(|e| !e.sources.is_empty())
                .count();
        let dates: Vec<PartialDate> = atlas
            .events
            .iter()
            .map(|e| e.date)
            .chain(
                atlas
                    .relations
                    .iter()
                    .flat_map(|r| [r.since, r.until])
                    .flatten(),
            )
            .chain(atlas.actors.iter().filter_map(|a| a.founded))
            .collect();
        let undated = atlas.relations.iter().filter(|r| r.since.is_none()).count();
        Self {
            actors: atlas.actors.len(),
            relations: atlas.relations.len(),
            events: atlas.events.len(),
            stories: atlas.stories.len(),
            story_steps: atlas.stories.iter().map(|s| s.steps.len()).sum(),
            glossary_terms: atlas.glossary.len(),
            sources: atlas.sources.len(),
            regions: atlas.regions.len(),
            themes: atlas.themes.len(),
            sourced_share: if records == 0 {
                1.0
            } else {
                sourced as f64 / records as f64
            },
            undated_relations: undated,
            undated_share: share(undated, atlas.relations.len()),
            mirror_only: MirrorOnly::of(atlas),
            source_kinds: count(atlas.sources.iter().map(|s| match s.kind {
                Some(kind) => format!("{kind:?}"),
                None => "unrated".to_string(),
            })),
            first_date: dates.iter().min().map(ToString::to_string),
            last_date: dates.iter().max().map(ToString::to_string),
            actor_kinds: count(atlas.actors.iter().map(|a| a.kind.code())),
            relation_kinds: count(atlas.relations.iter().map(|r| format!("{:?}", r.kind))),
            event_kinds: count(atlas.events.iter().map(|e| format!("{:?}", e.kind))),
            actors_by_region: count(atlas.actors.iter().flat_map(|a| a.regions.clone())),
            actors_by_theme: count(atlas.actors.iter().flat_map(|a| a.themes.clone())),
        }
    }

    /// The statistics as pretty JSON, or why they cannot be; never a made-up object.
    pub fn to_json(&self) -> Result<String, String> {
        json_of(self)
    }

    pub fn to_text(&self) -> String {
        let mut out = format!(
            "actors {}  relations {}  events {}  stories {} ({} steps)  glossary {}  sources {}\n\
             regions {}  themes {}  sourced {:.1}%  dates {} – {}\n",
            self.actors,
            self.relations,
            self.events,
            self.stories,
            self.story_steps,
            self.glossary_terms,
            self.sources,
            self.regions,
            self.themes,
            self.sourced_share * 100.0,
            self.first_date.as_deref().unwrap_or("–"),
            self.last_date.as_deref().unwrap_or("–"),
        );
        out.push_str(&format!(
            "undated relations {} ({:.1}%)  mirror-only records {} (actors {}, relations {}, events {})\n",
            self.undated_relations,
            self.undated_share * 100.0,
            self.mirror_only.total(),
            self.mirror_only.actors,
            self.mirror_only.relations,
            self.mirror_only.events,
        ));
        for (title, map) in [
            ("actor kinds", &self.actor_kinds),
            ("relation kinds", &self.relation_kinds),
            ("event kinds", &self.event_kinds),
            ("actors by region", &self.actors_by_region),
            ("actors by theme", &self.actors_by_theme),
            ("sources by kind", &self.source_kinds),
        ] {
            out.push_str(&format!("\n{title}:\n"));
            for (k, v) in map {
                out.push_str(&format!("  {k:<32} {v}\n"));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const ATLAS: &str = r#"Atlas(
        regions: [(id: "r", name: "R")],
        sources: [
            (id: "m", title: "Mirror", url: "https://a.example", kind: Some(Mirror), checked: Some("2026-11-25")),
            (id: "o", title: "Ministry", url: "https://b.example", kind: Some(Official), checked: Some("2026-11-25")),
        ],
        actors: [
            (id: "a", kind: State, name: "A", regions: ["r"], sources: ["m"]),
            (id: "b", kind: State, name: "B", regions: ["r"], sources: ["o"]),
            (id: "c", kind: State, name: "C", sources: ["o"]),
        ],
        relations: [
            (from: "a", to: "b", kind: PartnersWith, since: Some("2020"), sources: ["o"]),
            (from: "b", to: "c", kind: PartnersWith, sources: ["m"]),
            (from: "a", to: "c", kind: PartnersWith, sources: ["o"]),
            (from: "c", to: "b", kind: MemberOf, since: Some("2021"), sources: ["o"]),
        ],
    )"#;

    fn stats() -> Stats {
        Stats::of(&load_str(ATLAS, "test.ron").expect("test atlas loads").atlas)
    }

    #[test]
    fn counts_undated_relations_and_their_share() {
        let s = stats();
        assert_eq!(s.undated_relations, 2);
        assert!((s.undated_share - 0.5).abs() < 1e-9);
    }

    #[test]
    fn counts_mirror_only_records_and_sources_by_kind() {
        let s = stats();
        assert_eq!((s.mirror_only.actors, s.mirror_only.relations), (1, 1));
        assert_eq!(s.source_kinds.get("Mirror"), Some(&1));
        assert_eq!(s.source_kinds.get("Official"), Some(&1));
    }

    #[test]
    fn text_and_json_report_the_undated_share_mirror_only_and_regions() {
        let s = stats();
        let text = s.to_text();
        assert!(text.contains("undated relations 2 (50.0%)"), "{text}");
        assert!(text.contains("mirror-only records 2"), "{text}");
        assert!(text.contains("actors by region"), "{text}");
        let json: serde_json::Value =
            serde_json::from_str(&s.to_json().expect("representable")).expect("valid JSON");
        assert_eq!(json["undated_relations"], 2);
        assert_eq!(json["mirror_only"]["relations"], 1);
        assert_eq!(json["actors_by_region"]["r"], 2);
    }

    #[test]
    fn what_json_cannot_hold_is_an_error_with_a_message_not_invented_json() {
        // JSON object keys must be strings; serde_json refuses a map keyed by pairs.
        let unkeyable: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let error = json_of(&unkeyable).expect_err("not representable");
        assert_eq!(
            error,
            "cannot write the statistics as JSON: key must be a string"
        );
    }
}
