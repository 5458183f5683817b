//! The smallest undoable unit: one record put in, taken out or replaced at a place in its
//! list, or the meta block replaced. A change knows what was there before, so its inverse
//! is the same change with before and after swapped.

use crate::model::{Atlas, Meta};

use super::EditError;
use super::record::{List, Record};

/// One change to the atlas.
// Nearly every change is a record change; boxing that variant would allocate for each one
// to save space on the rare meta change.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// `before: None` inserts `after` at `index`; `after: None` removes `before` from there;
    /// both replace.
    Record {
        list: List,
        index: usize,
        before: Option<Record>,
        after: Option<Record>,
    },
    Meta {
        before: Meta,
        after: Meta,
    },
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self {
            Change::Record {
                list,
                index,
                before,
                after,
            } => Change::Record {
                list: *list,
                index: *index,
                before: after.clone(),
                after: before.clone(),
            },
            Change::Meta { before, after } => Change::Meta {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// Makes the change, after checking that the atlas holds what `before` says: a change
    /// built against another state of the atlas is refused, never half-applied.
    pub fn apply(&self, atlas: &mut Atlas) -> Result<(), EditError> {
        match self {
            Change::Meta { before, after } => {
                if atlas.meta != *before {
                    return Err(EditError::Stale {
                        list: "meta",
                        index: 0,
                    });
                }
                atlas.meta = after.clone();
                Ok(())
            }
            Change::Record {
                list,
                index,
                before,
                after,
            } => apply_record(atlas, *list, *index, before.as_ref(), after.clone()),
        }
    }
}

fn apply_record(
    atlas: &mut Atlas,
    list: List,
    index: usize,
    before: Option<&Record>,
    after: Option<Record>,
) -> Result<(), EditError> {
    let stale = || EditError::Stale {
        list: list.section(),
        index,
    };
    match before {
        None if index > list.len(atlas) => return Err(stale()),
        Some(expected) if list.get(atlas, index).as_ref() != Some(expected) => {
            return Err(stale());
        }
        _ => {}
    }
    if after.as_ref().is_some_and(|r| r.list() != list) {
        return Err(stale());
    }
    match (before, after) {
        (None, Some(record)) => insert(atlas, index, record),
        (Some(_), None) => remove(atlas, list, index),
        (Some(_), Some(record)) => replace(atlas, index, record),
        (None, None) => {}
    }
    Ok(())
}

fn insert(atlas: &mut Atlas, index: usize, record: Record) {
    match record {
        Record::Region(r) => atlas.regions.insert(index, r),
        Record::Theme(t) => atlas.themes.insert(index, t),
        Record::Source(s) => atlas.sources.insert(index, s),
        Record::Actor(a) => atlas.actors.insert(index, a),
        Record::Relation(r) => atlas.relations.insert(index, r),
        Record::Event(e) => atlas.events.insert(index, e),
        Record::Story(s) => atlas.stories.insert(index, s),
        Record::Glossary(g) => atlas.glossary.insert(index, g),
    }
}

fn remove(atlas: &mut Atlas, list: List, index: usize) {
    match list {
        List::Regions => drop(atlas.regions.remove(index)),
        List::Themes => drop(atlas.themes.remove(index)),
        List::Sources => drop(atlas.sources.remove(index)),
        List::Actors => drop(atlas.actors.remove(index)),
        List::Relations => drop(atlas.relations.remove(index)),
        List::Events => drop(atlas.events.remove(index)),
        List::Stories => drop(atlas.stories.remove(index)),
        List::Glossary => drop(atlas.glossary.remove(index)),
    }
}

/// Puts `record` in place of the one at `index` (checked to exist by the caller).
fn replace(atlas: &mut Atlas, index: usize, record: Record) {
    fn put<T>(list: &mut [T], index: usize, value: T) {
        if let Some(slot) = list.get_mut(index) {
            *slot = value;
        }
    }
    match record {
        Record::Region(r) => put(&mut atlas.regions, index, r),
        Record::Theme(t) => put(&mut atlas.themes, index, t),
        Record::Source(s) => put(&mut atlas.sources, index, s),
        Record::Actor(a) => put(&mut atlas.actors, index, a),
        Record::Relation(r) => put(&mut atlas.relations, index, r),
        Record::Event(e) => put(&mut atlas.events, index, e),
        Record::Story(s) => put(&mut atlas.stories, index, s),
        Record::Glossary(g) => put(&mut atlas.glossary, index, g),
    }
}
