//! What a form opens on: a new record (blank, or prefilled from where it was asked for: a
//! relation from the node clicked, an event on the date clicked), an existing record, the
//! meta block, or a record to delete.

use crate::edit::{List, Record};
use crate::model::{
    Actor, ActorKind, Atlas, Event, EventKind, GlossaryTerm, PartialDate, Region, Relation,
    RelationKind, Source, Story, Theme,
};

use crate::ui::view_state::Selection;

/// What the record editor is asked to open.
#[derive(Clone, Debug, PartialEq)]
pub enum EditTarget {
    /// A new, empty record of this kind (a new event's date is left for the user to give).
    Blank(NewKind),
    /// A new record, filled in as far as the place it was asked from says.
    New(Box<Record>),
    Existing(List, usize),
    Meta,
    /// Ask before deleting this record (and what goes with it).
    Delete(List, usize),
    /// Find an existing record to edit (sources, regions, themes, terms cannot be clicked).
    Find,
}

/// The kinds of record the New… menu makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NewKind {
    Actor,
    Relation,
    Event,
    Source,
    Region,
    Theme,
    Glossary,
    Story,
}

impl NewKind {
    pub const ALL: [NewKind; 8] = [
        NewKind::Actor,
        NewKind::Relation,
        NewKind::Event,
        NewKind::Source,
        NewKind::Region,
        NewKind::Theme,
        NewKind::Glossary,
        NewKind::Story,
    ];

    /// A blank record of this kind.
    pub fn blank(self) -> Record {
        match self {
            NewKind::Actor => Record::Actor(blank_actor()),
            NewKind::Relation => Record::Relation(relation_from("")),
            NewKind::Event => Record::Event(event_on(PartialDate::from_year_fraction(2026.0))),
            NewKind::Source => Record::Source(Source {
                id: String::new(),
                title: String::new(),
                publisher: None,
                url: String::new(),
                date: None,
                note: None,
                kind: None,
                checked: None,
            }),
            NewKind::Region => Record::Region(Region {
                id: String::new(),
                name: String::new(),
                summary: String::new(),
            }),
            NewKind::Theme => Record::Theme(Theme {
                id: String::new(),
                name: String::new(),
                summary: String::new(),
            }),
            NewKind::Glossary => Record::Glossary(GlossaryTerm {
                term: String::new(),
                definition: String::new(),
                aliases: Vec::new(),
                see_also: Vec::new(),
                sources: Vec::new(),
            }),
            NewKind::Story => Record::Story(Story {
                id: String::new(),
                title: String::new(),
                summary: String::new(),
                steps: Vec::new(),
                questions: Vec::new(),
            }),
        }
    }
}

fn blank_actor() -> Actor {
    Actor {
        id: String::new(),
        kind: ActorKind::State,
        name: String::new(),
        aliases: Vec::new(),
        country: None,
        regions: Vec::new(),
        themes: Vec::new(),
        summary: String::new(),
        based_in: None,
        founded: None,
        holders: Vec::new(),
        sources: Vec::new(),
    }
}

/// A new relation from the actor `from`.
pub fn relation_from(from: &str) -> Relation {
    Relation {
        id: None,
        from: from.to_string(),
        to: String::new(),
        kind: RelationKind::MemberOf,
        since: None,
        until: None,
        note: None,
        sources: Vec::new(),
    }
}

/// A new event on `date`.
pub fn event_on(date: PartialDate) -> Event {
    Event {
        id: String::new(),
        date,
        kind: EventKind::Statement,
        title: String::new(),
        summary: String::new(),
        actors: Vec::new(),
        sources: Vec::new(),
    }
}

/// The selected record, by list and index.
pub fn selected(atlas: &Atlas, selection: &Selection) -> Option<(List, usize)> {
    match selection {
        Selection::Actor(id) => {
            Some((List::Actors, atlas.actors.iter().position(|a| &a.id == id)?))
        }
        Selection::Relation(index) => {
            (*index < atlas.relations.len()).then_some((List::Relations, *index))
        }
        Selection::Event(id) => {
            Some((List::Events, atlas.events.iter().position(|e| &e.id == id)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_new_kind_makes_a_record_of_its_own_list() {
        let lists: Vec<List> = NewKind::ALL.iter().map(|k| k.blank().list()).collect();
        assert_eq!(
            lists,
            [
                List::Actors,
                List::Relations,
                List::Events,
                List::Sources,
                List::Regions,
                List::Themes,
                List::Glossary,
                List::Stories
            ]
        );
    }

    #[test]
    fn the_selection_names_its_record_and_a_stale_one_names_none() {
        let mut atlas = Atlas::default();
        atlas.actors.push(Actor {
            id: "jp".into(),
            ..blank_actor()
        });
        atlas.relations.push(relation_from("jp"));
        assert_eq!(
            selected(&atlas, &Selection::Actor("jp".into())),
            Some((List::Actors, 0))
        );
        assert_eq!(
            selected(&atlas, &Selection::Relation(0)),
            Some((List::Relations, 0))
        );
        assert_eq!(selected(&atlas, &Selection::Relation(1)), None);
        assert_eq!(selected(&atlas, &Selection::Event("x".into())), None);
    }
}
