//! Random edits for the property tests: a small instruction set that reaches every kind of
//! change (adds, replacements, renames onto existing ids, removals with their cascades) and
//! both valid and invalid results.

use crate::model::{Atlas, Event, EventKind, PartialDate, Relation, RelationKind};

use super::{Edit, List, Record};

/// One random edit: an opcode and two numbers that pick records.
pub type Op = (u8, usize, usize);

fn pick<T>(records: &[T], n: usize) -> Option<(usize, &T)> {
    (!records.is_empty()).then(|| (n % records.len(), &records[n % records.len()]))
}

/// The edit `op` stands for on `atlas`, or `None` when it picks nothing.
pub fn edit_for(atlas: &Atlas, (code, a, b): Op) -> Option<Edit> {
    let actor_id = |n: usize| pick(&atlas.actors, n).map(|(_, x)| x.id.clone());
    let source_id = |n: usize| pick(&atlas.sources, n).map(|(_, s)| s.id.clone());
    match code % 9 {
        0 => Some(Edit::add(
            atlas,
            Record::Relation(Relation {
                id: None,
                from: actor_id(a)?,
                // Now and then an actor that does not exist.
                to: if b % 5 == 0 {
                    format!("missing-{b}")
                } else {
                    actor_id(b)?
                },
                kind: RelationKind::PartnersWith,
                since: PartialDate::year(1990 + (b % 30) as i32).ok(),
                until: PartialDate::year(1980 + (a % 50) as i32)
                    .ok()
                    .filter(|_| a % 3 == 0),
                note: None,
                sources: source_id(a + b).into_iter().collect(),
            }),
        )),
        1 => Edit::remove(atlas, List::Relations, pick(&atlas.relations, a)?.0).ok(),
        2 => Edit::remove(atlas, List::Actors, pick(&atlas.actors, a)?.0).ok(),
        3 => {
            let (index, actor) = pick(&atlas.actors, a)?;
            let mut renamed = actor.clone();
            // Onto another actor's id (a duplicate) or onto a new one.
            renamed.id = if b % 2 == 0 {
                actor_id(b)?
            } else {
                format!("renamed-{b}")
            };
            Edit::replace(atlas, List::Actors, index, Record::Actor(renamed)).ok()
        }
        4 => Edit::remove(atlas, List::Sources, pick(&atlas.sources, a)?.0).ok(),
        5 => Some(Edit::add(
            atlas,
            Record::Event(Event {
                id: format!("event-{a}-{b}"),
                date: PartialDate::year(2000 + (a % 25) as i32).ok()?,
                kind: EventKind::Statement,
                title: if b % 4 == 0 {
                    String::new()
                } else {
                    format!("Event {a}")
                },
                summary: String::new(),
                actors: actor_id(b).into_iter().filter(|_| b % 3 != 0).collect(),
                sources: source_id(a).into_iter().collect(),
            }),
        )),
        6 => {
            let (index, actor) = pick(&atlas.actors, a)?;
            let mut changed = actor.clone();
            changed.name = if b % 2 == 0 {
                " ".into()
            } else {
                format!("{} (b)", actor.name)
            };
            Edit::replace(atlas, List::Actors, index, Record::Actor(changed)).ok()
        }
        7 => Edit::remove(atlas, List::Regions, pick(&atlas.regions, a)?.0).ok(),
        _ => {
            let (index, source) = pick(&atlas.sources, a)?;
            let mut renamed = source.clone();
            renamed.id = if b % 2 == 0 {
                source_id(b)?
            } else {
                format!("src-renamed-{b}")
            };
            Edit::replace(atlas, List::Sources, index, Record::Source(renamed)).ok()
        }
    }
}
