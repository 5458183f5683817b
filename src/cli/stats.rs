//! `atlas stats`: what a dataset holds.

use std::collections::BTreeMap;

use serde::Serialize;

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
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub actor_kinds: BTreeMap<String, usize>,
    pub relation_kinds: BTreeMap<String, usize>,
    pub event_kinds: BTreeMap<String, usize>,
    pub actors_by_region: BTreeMap<String, usize>,
    pub actors_by_theme: BTreeMap<String, usize>,
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
        for (title, map) in [
            ("actor kinds", &self.actor_kinds),
            ("relation kinds", &self.relation_kinds),
            ("event kinds", &self.event_kinds),
            ("actors by region", &self.actors_by_region),
            ("actors by theme", &self.actors_by_theme),
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
