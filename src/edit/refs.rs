//! What refers to a record by its key, so that renaming a key carries the references along
//! and removing a record takes along what would dangle without it.

use crate::model::Atlas;

use super::change::Change;
use super::record::{List, Record};

/// The changes that follow a record of `list` whose key goes from `old` to `new` (`None`:
/// removed). `skip` is the record's own index, left to the caller. Replacements come first;
/// removals (relations and events of a removed actor) come last, each list from the back so
/// earlier indices stay valid while they are applied.
pub fn follow_key(
    atlas: &Atlas,
    list: List,
    skip: usize,
    old: &str,
    new: Option<&str>,
) -> Vec<Change> {
    let mut out = Follow::default();
    match list {
        List::Actors => actor_refs(atlas, old, new, &mut out),
        List::Sources => source_refs(atlas, old, new, &mut out),
        List::Regions | List::Themes => {
            for (i, a) in atlas.actors.iter().enumerate() {
                let mut a = a.clone();
                let keys = match list {
                    List::Regions => &mut a.regions,
                    _ => &mut a.themes,
                };
                if renamed(keys, old, new) {
                    out.replace(atlas, List::Actors, i, Record::Actor(a));
                }
            }
        }
        List::Glossary => {
            for (i, g) in atlas
                .glossary
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
            {
                let mut g = g.clone();
                if renamed(&mut g.see_also, old, new) {
                    out.replace(atlas, List::Glossary, i, Record::Glossary(g));
                }
            }
        }
        List::Relations | List::Events | List::Stories => {}
    }
    out.finish()
}

#[derive(Default)]
struct Follow {
    replaced: Vec<Change>,
    removed: Vec<Change>,
}

impl Follow {
    fn replace(&mut self, atlas: &Atlas, list: List, index: usize, record: Record) {
        self.replaced.push(Change::Record {
            list,
            index,
            before: list.get(atlas, index),
            after: Some(record),
        });
    }

    fn remove(&mut self, atlas: &Atlas, list: List, index: usize) {
        self.removed.push(Change::Record {
            list,
            index,
            before: list.get(atlas, index),
            after: None,
        });
    }

    fn finish(mut self) -> Vec<Change> {
        // Within one list, removing from the back keeps the other indices right.
        self.removed.reverse();
        self.replaced.extend(self.removed);
        self.replaced
    }
}

fn actor_refs(atlas: &Atlas, old: &str, new: Option<&str>, out: &mut Follow) {
    for (i, r) in atlas.relations.iter().enumerate() {
        if r.from != old && r.to != old {
            continue;
        }
        match new {
            None => out.remove(atlas, List::Relations, i),
            Some(new) => {
                let mut r = r.clone();
                for end in [&mut r.from, &mut r.to] {
                    if end == old {
                        *end = new.to_string();
                    }
                }
                out.replace(atlas, List::Relations, i, Record::Relation(r));
            }
        }
    }
    for (i, e) in atlas.events.iter().enumerate() {
        if !mentions(&e.actors, old) {
            continue;
        }
        let mut e = e.clone();
        if !renamed(&mut e.actors, old, new) {
            continue;
        }
        if e.actors.is_empty() {
            out.remove(atlas, List::Events, i);
        } else {
            out.replace(atlas, List::Events, i, Record::Event(e));
        }
    }
    for (i, s) in atlas.stories.iter().enumerate() {
        let mut s = s.clone();
        let mut changed = false;
        for step in &mut s.steps {
            changed |= renamed(&mut step.focus, old, new);
        }
        if changed {
            out.replace(atlas, List::Stories, i, Record::Story(s));
        }
    }
}

fn source_refs(atlas: &Atlas, old: &str, new: Option<&str>, out: &mut Follow) {
    for (i, a) in atlas.actors.iter().enumerate() {
        let mut a = a.clone();
        let mut changed = renamed(&mut a.sources, old, new);
        for h in &mut a.holders {
            changed |= renamed(&mut h.sources, old, new);
        }
        if changed {
            out.replace(atlas, List::Actors, i, Record::Actor(a));
        }
    }
    for (i, r) in atlas.relations.iter().enumerate() {
        if !mentions(&r.sources, old) {
            continue;
        }
        let mut r = r.clone();
        if renamed(&mut r.sources, old, new) {
            out.replace(atlas, List::Relations, i, Record::Relation(r));
        }
    }
    for (i, e) in atlas.events.iter().enumerate() {
        if !mentions(&e.sources, old) {
            continue;
        }
        let mut e = e.clone();
        if renamed(&mut e.sources, old, new) {
            out.replace(atlas, List::Events, i, Record::Event(e));
        }
    }
    for (i, g) in atlas.glossary.iter().enumerate() {
        let mut g = g.clone();
        if renamed(&mut g.sources, old, new) {
            out.replace(atlas, List::Glossary, i, Record::Glossary(g));
        }
    }
}

/// Renames (or, with `None`, drops) `old` in a list of keys; true when anything changed.
fn renamed(keys: &mut Vec<String>, old: &str, new: Option<&str>) -> bool {
    let before = keys.len();
    let mut changed = false;
    match new {
        None => keys.retain(|k| k != old),
        Some(new) => {
            for k in keys.iter_mut().filter(|k| *k == old) {
                *k = new.to_string();
                changed = true;
            }
        }
    }
    changed || keys.len() != before
}

fn mentions(keys: &[String], key: &str) -> bool {
    keys.iter().any(|k| k == key)
}
