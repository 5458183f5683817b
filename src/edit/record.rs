//! The records an edit can add, change or remove, and the lists they live in.

use crate::model::{Actor, Atlas, Event, GlossaryTerm, Region, Relation, Source, Story, Theme};

/// One of the atlas's lists of records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    Regions,
    Themes,
    Sources,
    Actors,
    Relations,
    Events,
    Stories,
    Glossary,
}

impl List {
    /// The list's field name in the file, as the validator names it.
    pub fn section(self) -> &'static str {
        match self {
            List::Regions => "regions",
            List::Themes => "themes",
            List::Sources => "sources",
            List::Actors => "actors",
            List::Relations => "relations",
            List::Events => "events",
            List::Stories => "stories",
            List::Glossary => "glossary",
        }
    }

    pub fn from_section(section: &str) -> Option<Self> {
        List::ALL.into_iter().find(|l| l.section() == section)
    }

    pub const ALL: [List; 8] = [
        List::Regions,
        List::Themes,
        List::Sources,
        List::Actors,
        List::Relations,
        List::Events,
        List::Stories,
        List::Glossary,
    ];

    pub fn len(self, atlas: &Atlas) -> usize {
        match self {
            List::Regions => atlas.regions.len(),
            List::Themes => atlas.themes.len(),
            List::Sources => atlas.sources.len(),
            List::Actors => atlas.actors.len(),
            List::Relations => atlas.relations.len(),
            List::Events => atlas.events.len(),
            List::Stories => atlas.stories.len(),
            List::Glossary => atlas.glossary.len(),
        }
    }

    /// The record at `index`, as a [`Record`].
    pub fn get(self, atlas: &Atlas, index: usize) -> Option<Record> {
        Some(match self {
            List::Regions => Record::Region(atlas.regions.get(index)?.clone()),
            List::Themes => Record::Theme(atlas.themes.get(index)?.clone()),
            List::Sources => Record::Source(atlas.sources.get(index)?.clone()),
            List::Actors => Record::Actor(atlas.actors.get(index)?.clone()),
            List::Relations => Record::Relation(atlas.relations.get(index)?.clone()),
            List::Events => Record::Event(atlas.events.get(index)?.clone()),
            List::Stories => Record::Story(atlas.stories.get(index)?.clone()),
            List::Glossary => Record::Glossary(atlas.glossary.get(index)?.clone()),
        })
    }
}

/// A record of any kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Region(Region),
    Theme(Theme),
    Source(Source),
    Actor(Actor),
    Relation(Relation),
    Event(Event),
    Story(Story),
    Glossary(GlossaryTerm),
}

impl Record {
    pub fn list(&self) -> List {
        match self {
            Record::Region(_) => List::Regions,
            Record::Theme(_) => List::Themes,
            Record::Source(_) => List::Sources,
            Record::Actor(_) => List::Actors,
            Record::Relation(_) => List::Relations,
            Record::Event(_) => List::Events,
            Record::Story(_) => List::Stories,
            Record::Glossary(_) => List::Glossary,
        }
    }

    /// The key other records refer to it by: an id, or a glossary term; a relation's optional id.
    pub fn key(&self) -> Option<&str> {
        match self {
            Record::Region(r) => Some(&r.id),
            Record::Theme(t) => Some(&t.id),
            Record::Source(s) => Some(&s.id),
            Record::Actor(a) => Some(&a.id),
            Record::Relation(r) => r.id.as_deref(),
            Record::Event(e) => Some(&e.id),
            Record::Story(s) => Some(&s.id),
            Record::Glossary(g) => Some(&g.term),
        }
    }

    /// How an edit's name refers to it: "actor Japan", "relation Japan → Quad".
    pub fn describe(&self, atlas: &Atlas) -> String {
        let name = |id: &str| {
            atlas
                .actors
                .iter()
                .find(|a| a.id == id)
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        };
        match self {
            Record::Region(r) => format!("region {}", r.name),
            Record::Theme(t) => format!("theme {}", t.name),
            Record::Source(s) => format!("source {}", s.title),
            Record::Actor(a) => format!("actor {}", a.name),
            Record::Relation(r) => format!("relation {} → {}", name(&r.from), name(&r.to)),
            Record::Event(e) => format!("event {}", e.title),
            Record::Story(s) => format!("story {}", s.title),
            Record::Glossary(g) => format!("glossary term {}", g.term),
        }
    }
}

/// Where a record of `list` with this key sits: by id (or glossary term; relations by their
/// optional id).
pub fn index_of(atlas: &Atlas, list: List, key: &str) -> Option<usize> {
    fn find<T>(records: &[T], key_of: impl Fn(&T) -> Option<&str>, key: &str) -> Option<usize> {
        records.iter().position(|r| key_of(r) == Some(key))
    }
    match list {
        List::Regions => find(&atlas.regions, |r| Some(&r.id), key),
        List::Themes => find(&atlas.themes, |t| Some(&t.id), key),
        List::Sources => find(&atlas.sources, |s| Some(&s.id), key),
        List::Actors => find(&atlas.actors, |a| Some(&a.id), key),
        List::Relations => find(&atlas.relations, |r| r.id.as_deref(), key),
        List::Events => find(&atlas.events, |e| Some(&e.id), key),
        List::Stories => find(&atlas.stories, |s| Some(&s.id), key),
        List::Glossary => find(&atlas.glossary, |g| Some(&g.term), key),
    }
}
