//! An edit: a named, all-or-nothing sequence of changes, built against the atlas as it is.

use crate::model::{Atlas, Meta};

use super::EditError;
use super::change::Change;
use super::record::{List, Record};
use super::refs::follow_key;

/// One undoable step: its name for the Edit menu and the changes it makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    label: String,
    changes: Vec<Change>,
    /// Which change is the edit's own record, as opposed to what it takes along.
    own: Option<usize>,
}

impl Edit {
    /// The edit's name: "add relation Japan → Quad".
    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Appends `record` to its list.
    pub fn add(atlas: &Atlas, record: Record) -> Edit {
        let list = record.list();
        Edit {
            label: format!("add {}", record.describe(atlas)),
            changes: vec![Change::Record {
                list,
                index: list.len(atlas),
                before: None,
                after: Some(record),
            }],
            own: Some(0),
        }
    }

    /// Puts `record` in place of the one at `index`. A changed id (or glossary term) is
    /// carried into every record that refers to it.
    pub fn replace(
        atlas: &Atlas,
        list: List,
        index: usize,
        record: Record,
    ) -> Result<Edit, EditError> {
        let before = existing(atlas, list, index)?;
        if record.list() != list {
            return Err(EditError::WrongList {
                list: list.section(),
                record: record.list().section(),
            });
        }
        let mut changes = Vec::new();
        if let (Some(old), Some(new)) = (before.key(), record.key())
            && old != new
            && list != List::Relations
        {
            changes.extend(follow_key(atlas, list, index, old, Some(new)));
        }
        let label = format!("edit {}", record.describe(atlas));
        changes.insert(
            0,
            Change::Record {
                list,
                index,
                before: Some(before),
                after: Some(record),
            },
        );
        Ok(Edit {
            label,
            changes,
            own: Some(0),
        })
    }

    /// Removes the record at `index` with everything that would dangle without it: an
    /// actor's relations, its place in events (an event left with no actor goes too) and in
    /// stories' focus; a source's citations; a region's or theme's place in actors.
    pub fn remove(atlas: &Atlas, list: List, index: usize) -> Result<Edit, EditError> {
        let before = existing(atlas, list, index)?;
        let mut changes = match before.key() {
            Some(key) if list != List::Relations => follow_key(atlas, list, index, key, None),
            _ => Vec::new(),
        };
        let label = format!("delete {}", before.describe(atlas));
        changes.push(Change::Record {
            list,
            index,
            before: Some(before),
            after: None,
        });
        let own = Some(changes.len() - 1);
        Ok(Edit {
            label,
            changes,
            own,
        })
    }

    pub fn set_meta(atlas: &Atlas, meta: Meta) -> Edit {
        Edit {
            label: "edit the atlas's title and licence".to_string(),
            changes: vec![Change::Meta {
                before: atlas.meta.clone(),
                after: meta,
            }],
            own: Some(0),
        }
    }

    /// Several edits as one step (for example a story and its steps), under one name.
    pub fn combine(label: impl Into<String>, edits: impl IntoIterator<Item = Edit>) -> Edit {
        Edit {
            label: label.into(),
            changes: edits.into_iter().flat_map(|e| e.changes).collect(),
            own: None,
        }
    }

    /// What else the edit takes along, in words, for a confirmation before it is applied:
    /// "also removes 3 relations", "also changes 2 events".
    pub fn consequences(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for list in List::ALL {
            let (mut removed, mut changed) = (0, 0);
            let taken_along = self
                .changes
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != self.own);
            for (_, change) in taken_along {
                if let Change::Record { list: l, after, .. } = change
                    && *l == list
                {
                    if after.is_none() {
                        removed += 1;
                    } else {
                        changed += 1;
                    }
                }
            }
            let noun = plural(list);
            if removed > 0 {
                lines.push(format!("also removes {removed} {}", noun(removed)));
            }
            if changed > 0 {
                lines.push(format!("also changes {changed} {}", noun(changed)));
            }
        }
        lines
    }

    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        Edit {
            label: self.label.clone(),
            changes: self.changes.iter().rev().map(Change::inverse).collect(),
            own: self.own.map(|i| self.changes.len() - 1 - i),
        }
    }

    /// Makes every change or none: on a failure the changes already made are undone.
    pub(super) fn apply_unchecked(&self, atlas: &mut Atlas) -> Result<(), EditError> {
        for (done, change) in self.changes.iter().enumerate() {
            if let Err(error) = change.apply(atlas) {
                for made in self.changes[..done].iter().rev() {
                    // Undoing what was just made cannot meet a stale state.
                    let _ = made.inverse().apply(atlas);
                }
                return Err(error);
            }
        }
        Ok(())
    }
}

fn existing(atlas: &Atlas, list: List, index: usize) -> Result<Record, EditError> {
    list.get(atlas, index).ok_or(EditError::NoSuchRecord {
        list: list.section(),
        index,
    })
}

fn plural(list: List) -> impl Fn(usize) -> &'static str {
    move |n| {
        let (one, many) = match list {
            List::Regions => ("region", "regions"),
            List::Themes => ("theme", "themes"),
            List::Sources => ("source", "sources"),
            List::Actors => ("actor", "actors"),
            List::Relations => ("relation", "relations"),
            List::Events => ("event", "events"),
            List::Stories => ("story", "stories"),
            List::Glossary => ("glossary term", "glossary terms"),
        };
        if n == 1 { one } else { many }
    }
}
