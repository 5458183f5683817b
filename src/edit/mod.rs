//! PLACEHOLDER for the lead's edit engine (issue 15), written on the `edit-ui` branch only so
//! the forms compile before the engine lands on main. It follows the names of
//! /work/wt/briefs/engine-api.md; it is replaced by main's `src/edit/` at merge.

use crate::model::{
    Actor, Atlas, Event, GlossaryTerm, Meta, Region, Relation, Source, Story, Theme, validate,
};

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

    pub fn describe(&self, atlas: &Atlas) -> String {
        let name = |id: &str| {
            atlas
                .actors
                .iter()
                .find(|a| a.id == id)
                .map_or(id.to_string(), |a| a.name.clone())
        };
        match self {
            Record::Region(r) => format!("region {}", r.name),
            Record::Theme(t) => format!("theme {}", t.name),
            Record::Source(s) => format!("source {}", s.id),
            Record::Actor(a) => format!("actor {}", a.name),
            Record::Relation(r) => format!("relation {} → {}", name(&r.from), name(&r.to)),
            Record::Event(e) => format!("event {}", e.title),
            Record::Story(s) => format!("story {}", s.title),
            Record::Glossary(g) => format!("glossary term {}", g.term),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    label: String,
    after: Box<Atlas>,
    touched: (List, usize),
    consequences: Vec<String>,
}

fn push(atlas: &mut Atlas, record: Record) -> usize {
    macro_rules! put {
        ($v:expr, $r:expr) => {{
            $v.push($r);
            $v.len() - 1
        }};
    }
    match record {
        Record::Region(r) => put!(atlas.regions, r),
        Record::Theme(r) => put!(atlas.themes, r),
        Record::Source(r) => put!(atlas.sources, r),
        Record::Actor(r) => put!(atlas.actors, r),
        Record::Relation(r) => put!(atlas.relations, r),
        Record::Event(r) => put!(atlas.events, r),
        Record::Story(r) => put!(atlas.stories, r),
        Record::Glossary(r) => put!(atlas.glossary, r),
    }
}

fn len(atlas: &Atlas, list: List) -> usize {
    match list {
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

impl Edit {
    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn add(atlas: &Atlas, record: Record) -> Edit {
        let label = format!("add {}", record.describe(atlas));
        let mut after = atlas.clone();
        let list = record.list();
        let index = push(&mut after, record);
        Edit {
            label,
            after: Box::new(after),
            touched: (list, index),
            consequences: Vec::new(),
        }
    }

    pub fn replace(
        atlas: &Atlas,
        list: List,
        index: usize,
        record: Record,
    ) -> Result<Edit, EditError> {
        if index >= len(atlas, list) || record.list() != list {
            return Err(EditError::NoSuchRecord { list, index });
        }
        let label = format!("edit {}", record.describe(atlas));
        let mut after = atlas.clone();
        let last = push(&mut after, record);
        macro_rules! swap {
            ($v:expr) => {{
                $v.swap(index, last);
                $v.pop();
            }};
        }
        match list {
            List::Regions => swap!(after.regions),
            List::Themes => swap!(after.themes),
            List::Sources => swap!(after.sources),
            List::Actors => swap!(after.actors),
            List::Relations => swap!(after.relations),
            List::Events => swap!(after.events),
            List::Stories => swap!(after.stories),
            List::Glossary => swap!(after.glossary),
        }
        Ok(Edit {
            label,
            after: Box::new(after),
            touched: (list, index),
            consequences: Vec::new(),
        })
    }

    pub fn remove(atlas: &Atlas, list: List, index: usize) -> Result<Edit, EditError> {
        if index >= len(atlas, list) {
            return Err(EditError::NoSuchRecord { list, index });
        }
        let mut after = atlas.clone();
        let mut consequences = Vec::new();
        let label;
        match list {
            List::Actors => {
                let actor = after.actors.remove(index);
                label = format!("delete actor {}", actor.name);
                let before = after.relations.len();
                after
                    .relations
                    .retain(|r| r.from != actor.id && r.to != actor.id);
                let gone = before - after.relations.len();
                if gone > 0 {
                    consequences.push(format!("also removes {gone} relations"));
                }
                for e in &mut after.events {
                    e.actors.retain(|a| a != &actor.id);
                }
                for s in &mut after.stories {
                    for step in &mut s.steps {
                        step.focus.retain(|a| a != &actor.id);
                    }
                }
            }
            List::Relations => {
                after.relations.remove(index);
                label = "delete relation".to_string();
            }
            List::Events => {
                let e = after.events.remove(index);
                label = format!("delete event {}", e.title);
            }
            List::Stories => {
                let s = after.stories.remove(index);
                label = format!("delete story {}", s.title);
            }
            _ => return Err(EditError::NoSuchRecord { list, index }),
        }
        Ok(Edit {
            label,
            after: Box::new(after),
            touched: (list, index),
            consequences,
        })
    }

    pub fn set_meta(atlas: &Atlas, meta: Meta) -> Edit {
        let mut after = atlas.clone();
        after.meta = meta;
        Edit {
            label: "edit the atlas's description".into(),
            after: Box::new(after),
            touched: (List::Regions, usize::MAX),
            consequences: Vec::new(),
        }
    }

    pub fn consequences(&self) -> Vec<String> {
        self.consequences.clone()
    }
}

pub fn check(_atlas: &Atlas, edit: &Edit) -> Vec<FieldError> {
    let report = validate::validate(&edit.after, "", "edit");
    report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| FieldError {
            list: edit.touched.0,
            index: edit.touched.1,
            field: d.field.clone().unwrap_or_default(),
            message: d.message.clone(),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub list: List,
    pub index: usize,
    pub field: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("{} problems", .0.len())]
    Invalid(Vec<FieldError>),
    #[error("no record {index} in {list:?}")]
    NoSuchRecord { list: List, index: usize },
}

#[derive(Default)]
pub struct History {
    undo: Vec<(String, Atlas)>,
    redo: Vec<(String, Atlas)>,
}

impl History {
    pub fn apply(&mut self, atlas: &mut Atlas, edit: Edit) -> Result<(), EditError> {
        let errors = check(atlas, &edit);
        if !errors.is_empty() {
            return Err(EditError::Invalid(errors));
        }
        let before = std::mem::replace(atlas, *edit.after);
        self.undo.push((edit.label, before));
        self.redo.clear();
        Ok(())
    }
    pub fn undo(&mut self, atlas: &mut Atlas) -> Option<String> {
        let (label, before) = self.undo.pop()?;
        let after = std::mem::replace(atlas, before);
        self.redo.push((label.clone(), after));
        Some(label)
    }
    pub fn redo(&mut self, atlas: &mut Atlas) -> Option<String> {
        let (label, after) = self.redo.pop()?;
        let before = std::mem::replace(atlas, after);
        self.undo.push((label.clone(), before));
        Some(label)
    }
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(l, _)| l.as_str())
    }
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|(l, _)| l.as_str())
    }
    pub fn mark_saved(&mut self) {}
    pub fn is_saved(&self) -> bool {
        self.undo.is_empty()
    }
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

pub fn index_of(atlas: &Atlas, list: List, key: &str) -> Option<usize> {
    match list {
        List::Regions => atlas.regions.iter().position(|r| r.id == key),
        List::Themes => atlas.themes.iter().position(|r| r.id == key),
        List::Sources => atlas.sources.iter().position(|r| r.id == key),
        List::Actors => atlas.actors.iter().position(|r| r.id == key),
        List::Relations => atlas
            .relations
            .iter()
            .position(|r| r.id.as_deref() == Some(key)),
        List::Events => atlas.events.iter().position(|r| r.id == key),
        List::Stories => atlas.stories.iter().position(|r| r.id == key),
        List::Glossary => atlas.glossary.iter().position(|r| r.term == key),
    }
}
