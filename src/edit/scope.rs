//! The validator run on the part of the atlas an edit can have made invalid, so that checking
//! one edit to a 200,000-relation atlas does not cost a full validation.
//!
//! The atlas before the edit was valid, so every new error is about a record the edit put in
//! or changed, a record that shares a key with one (a duplicate id), or a record that refers
//! to a key the edit took away or renamed. Those records, the actors they refer to (so their
//! references resolve), and every region, theme, source, story and glossary term (few, and
//! the targets of most references) make a small atlas the validator checks as it is; its
//! errors are then placed back at the records' real indices. `tests.rs` holds this equal to a
//! full validation on random edits.

use std::collections::HashSet;

use crate::model::{Actor, Atlas};

use super::change::Change;
use super::check::{FieldError, errors_in};
use super::edit::Edit;
use super::record::List;

/// The keys an edit touches, per list, and where its records ended up.
#[derive(Default)]
struct Touched {
    keys: [HashSet<String>; 8],
    at: HashSet<(List, usize)>,
}

impl Touched {
    fn of(edit: &Edit) -> Self {
        let mut touched = Touched::default();
        let changes = edit.changes();
        for (k, change) in changes.iter().enumerate() {
            let Change::Record {
                list,
                index,
                before,
                after,
            } = change
            else {
                continue;
            };
            for record in [before, after].into_iter().flatten() {
                if let Some(key) = record.key() {
                    touched.keys[slot(*list)].insert(key.to_string());
                }
            }
            if after.is_some()
                && let Some(end) = final_index(*list, *index, &changes[k + 1..])
            {
                touched.at.insert((*list, end));
            }
        }
        touched
    }

    fn has(&self, list: List, key: &str) -> bool {
        self.keys[slot(list)].contains(key)
    }

    fn any(&self, list: List, keys: &[String]) -> bool {
        keys.iter().any(|k| self.has(list, k))
    }
}

fn slot(list: List) -> usize {
    List::ALL.iter().position(|l| *l == list).unwrap_or(0)
}

/// Where the record put at `index` sits once the later changes are made; `None` if one of
/// them removes it.
fn final_index(list: List, mut index: usize, later: &[Change]) -> Option<usize> {
    for change in later {
        let Change::Record {
            list: l,
            index: at,
            before,
            after,
        } = change
        else {
            continue;
        };
        if *l != list {
            continue;
        }
        match (before.is_some(), after.is_some()) {
            (false, true) if *at <= index => index += 1,
            (true, false) if *at == index => return None,
            (true, false) if *at < index => index -= 1,
            _ => {}
        }
    }
    Some(index)
}

/// The indices of `records` the edit can have made invalid.
fn picked<T>(
    records: &[T],
    list: List,
    touched: &Touched,
    refers: impl Fn(&T) -> bool,
) -> Vec<usize> {
    (0..records.len())
        .filter(|&i| touched.at.contains(&(list, i)) || records.get(i).is_some_and(&refers))
        .collect()
}

fn actor_refers(a: &Actor, t: &Touched) -> bool {
    t.has(List::Actors, &a.id)
        || t.any(List::Regions, &a.regions)
        || t.any(List::Themes, &a.themes)
        || t.any(List::Sources, &a.sources)
        || a.holders.iter().any(|h| t.any(List::Sources, &h.sources))
}

/// The validator's errors in `atlas` (already edited) that `edit` can have caused.
pub(super) fn scoped_errors(atlas: &Atlas, edit: &Edit) -> Vec<FieldError> {
    let t = Touched::of(edit);
    let relations = picked(&atlas.relations, List::Relations, &t, |r| {
        r.id.as_deref().is_some_and(|id| t.has(List::Relations, id))
            || t.has(List::Actors, &r.from)
            || t.has(List::Actors, &r.to)
            || t.any(List::Sources, &r.sources)
    });
    let events = picked(&atlas.events, List::Events, &t, |e| {
        t.has(List::Events, &e.id)
            || t.any(List::Actors, &e.actors)
            || t.any(List::Sources, &e.sources)
    });
    let mut wanted: HashSet<&str> = HashSet::new();
    for &i in &relations {
        if let Some(r) = atlas.relations.get(i) {
            wanted.extend([r.from.as_str(), r.to.as_str()]);
        }
    }
    for &i in &events {
        if let Some(e) = atlas.events.get(i) {
            wanted.extend(e.actors.iter().map(String::as_str));
        }
    }
    for step in atlas.stories.iter().flat_map(|s| &s.steps) {
        wanted.extend(step.focus.iter().map(String::as_str));
    }
    let actors = picked(&atlas.actors, List::Actors, &t, |a| {
        wanted.contains(a.id.as_str()) || actor_refers(a, &t)
    });

    let part = Atlas {
        meta: atlas.meta.clone(),
        regions: atlas.regions.clone(),
        themes: atlas.themes.clone(),
        sources: atlas.sources.clone(),
        actors: chosen(&atlas.actors, &actors),
        relations: chosen(&atlas.relations, &relations),
        events: chosen(&atlas.events, &events),
        stories: atlas.stories.clone(),
        glossary: atlas.glossary.clone(),
    };
    let mut errors: Vec<FieldError> = errors_in(&part)
        .into_iter()
        .filter(|e| e.place.is_some())
        .map(|e| placed_back(e, &actors, &relations, &events))
        .collect();
    if atlas.actors.is_empty() {
        errors.extend(errors_in(atlas).into_iter().filter(|e| e.place.is_none()));
    }
    errors
}

fn chosen<T: Clone>(records: &[T], indices: &[usize]) -> Vec<T> {
    indices
        .iter()
        .filter_map(|&i| records.get(i).cloned())
        .collect()
}

/// Moves an error from the small atlas's index to the real one.
fn placed_back(
    mut error: FieldError,
    actors: &[usize],
    relations: &[usize],
    events: &[usize],
) -> FieldError {
    let Some((list, index)) = error.place else {
        return error;
    };
    let real = match list {
        List::Actors => actors.get(index).copied(),
        List::Relations => relations.get(index).copied(),
        List::Events => events.get(index).copied(),
        _ => Some(index),
    };
    let Some(real) = real else {
        return error;
    };
    error.place = Some((list, real));
    // A record without an id is named by its index, which was the small atlas's.
    let named_by_index = format!("{}[{index}]", list.section());
    if let Some(rest) = error
        .record
        .as_deref()
        .and_then(|r| r.strip_prefix(&named_by_index))
    {
        error.record = Some(format!("{}[{real}]{rest}", list.section()));
    }
    error
}
