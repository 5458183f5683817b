//! Editing the atlas in the window (issue 15). A form edits a *draft* (plain strings, ids
//! typed or picked); Apply turns it into a record, the record into an [`Edit`], and checks the
//! edit with [`edit::check`] before anything is applied, so problems show at their field in the
//! validator's words and the atlas in memory stays valid. The edit itself is applied through
//! the dataset's history by a [`Command::ApplyEdit`](crate::ui::command::Command::ApplyEdit).
//!
//! - `fields.rs`: the field kit (text, multi-line text, menus, dates checked as typed, lists);
//! - `pickers.rs`: references found by searching as one types;
//! - `actor_form.rs`, `link_forms.rs` (relations, events), `small_forms.rs` (sources, regions,
//!   themes, glossary terms, the meta block): one draft per record kind;
//! - `finder.rs`: an existing record found by kind and search (sources, regions, …);
//! - `targets.rs`: what a form opens on (a new record, prefilled; an existing one; a deletion);
//! - `story_draft.rs`: a story being authored, and a step captured from the current view;
//! - `menu.rs`: the Edit menu and the network's context menu.
//!
//! The windows that show them are `windows/record_editor.rs` and `windows/story_editor.rs`.

pub mod actor_form;
pub mod fields;
pub mod finder;
pub mod link_forms;
pub mod menu;
pub mod pickers;
pub mod small_forms;
pub mod story_draft;
pub mod targets;

use eframe::egui::Ui;

use crate::edit::{self, Edit, FieldError, List, Record};
use crate::graph::AtlasGraph;
use crate::model::Atlas;

use actor_form::ActorDraft;
use fields::{FieldCtx, FieldErrors};
use link_forms::{EventDraft, RelationDraft};
use small_forms::{GlossaryDraft, MetaDraft, NamedDraft, SourceDraft};
pub use targets::{EditTarget, NewKind};

/// A record of any kind being edited (stories have their own editor).
#[derive(Clone, Debug, PartialEq)]
pub enum Draft {
    Actor(ActorDraft),
    Relation(RelationDraft),
    Event(EventDraft),
    Source(SourceDraft),
    Named(NamedDraft),
    Glossary(GlossaryDraft),
    Meta(MetaDraft),
}

/// What a built draft becomes.
pub enum Built {
    Record(Record),
    Meta(crate::model::Meta),
}

impl Draft {
    /// The draft of a record; none for a story (the story editor takes those).
    pub fn of(record: &Record) -> Option<Self> {
        Some(match record {
            Record::Actor(a) => Draft::Actor(ActorDraft::of(a)),
            Record::Relation(r) => Draft::Relation(RelationDraft::of(r)),
            Record::Event(e) => Draft::Event(EventDraft::of(e)),
            Record::Source(s) => Draft::Source(SourceDraft::of(s)),
            Record::Region(r) => Draft::Named(NamedDraft::region(r)),
            Record::Theme(t) => Draft::Named(NamedDraft::theme(t)),
            Record::Glossary(g) => Draft::Glossary(GlossaryDraft::of(g)),
            Record::Story(_) => return None,
        })
    }

    /// What the kind is called in a heading ("actor", "glossary term").
    pub fn noun(&self) -> &'static str {
        match self {
            Draft::Actor(_) => "actor",
            Draft::Relation(_) => "relation",
            Draft::Event(_) => "event",
            Draft::Source(_) => "source",
            Draft::Named(n) if n.what == small_forms::Named::Region => "region",
            Draft::Named(_) => "theme",
            Draft::Glossary(_) => "glossary term",
            Draft::Meta(_) => "description of the atlas",
        }
    }

    /// The fields the form shows: problems about others are listed at its top.
    pub fn fields(&self) -> &'static [&'static str] {
        match self {
            Draft::Actor(_) => ActorDraft::FIELDS,
            Draft::Relation(_) => RelationDraft::FIELDS,
            Draft::Event(_) => EventDraft::FIELDS,
            Draft::Source(_) => SourceDraft::FIELDS,
            Draft::Named(_) => NamedDraft::FIELDS,
            Draft::Glossary(_) => GlossaryDraft::FIELDS,
            Draft::Meta(_) => MetaDraft::FIELDS,
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph) {
        match self {
            Draft::Actor(d) => d.ui(ui, f, graph),
            Draft::Relation(d) => d.ui(ui, f, graph),
            Draft::Event(d) => d.ui(ui, f, graph),
            Draft::Source(d) => d.ui(ui, f),
            Draft::Named(d) => d.ui(ui, f),
            Draft::Glossary(d) => d.ui(ui, f, graph),
            Draft::Meta(d) => d.ui(ui, f),
        }
    }

    pub fn build(&self) -> Result<Built, FieldErrors> {
        Ok(match self {
            Draft::Actor(d) => Built::Record(d.build()?),
            Draft::Relation(d) => Built::Record(d.build()?),
            Draft::Event(d) => Built::Record(d.build()?),
            Draft::Source(d) => Built::Record(d.build()?),
            Draft::Named(d) => Built::Record(d.build()),
            Draft::Glossary(d) => Built::Record(d.build()),
            Draft::Meta(d) => Built::Meta(d.0.clone()),
        })
    }
}

/// Where a form's record goes: appended, in place of a record, or into the meta block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    New,
    At(List, usize),
    Meta,
}

/// A form: the draft, where it goes, and the problems found at the last Apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub place: Place,
    pub draft: Draft,
    pub errors: FieldErrors,
    /// The record as the form found it, to notice when an undo or another edit changed it
    /// (or moved another record to its place) while the form was open.
    pub opened: Option<Draft>,
}

impl Form {
    /// The heading: "New actor", "Edit actor Japan".
    pub fn heading(&self, atlas: &Atlas) -> String {
        match self.place {
            Place::New => format!("New {}", self.draft.noun()),
            Place::Meta => "Edit the description of the atlas".to_string(),
            Place::At(list, index) => match list.get(atlas, index) {
                Some(record) => format!("Edit {}", record.describe(atlas)),
                None => format!("Edit {}", self.draft.noun()),
            },
        }
    }

    /// The edit the form asks for, checked against the atlas; or the problems, by field.
    pub fn edit(&self, atlas: &Atlas) -> Result<Edit, FieldErrors> {
        if let Place::At(list, index) = self.place {
            let now = list.get(atlas, index).and_then(|r| Draft::of(&r));
            if now != self.opened {
                return Err(whole(
                    "This record changed since the form was opened (an undo or another edit). \
                     Close the form and open the record again."
                        .into(),
                ));
            }
        }
        let (edit, ours) = match (self.draft.build()?, self.place) {
            (Built::Meta(meta), _) => (Edit::set_meta(atlas, meta), None),
            (Built::Record(record), Place::At(list, index)) => {
                let edit =
                    Edit::replace(atlas, list, index, record).map_err(|e| whole(e.to_string()))?;
                (edit, Some((list, index)))
            }
            (Built::Record(record), _) => {
                let at = (record.list(), record.list().len(atlas));
                (Edit::add(atlas, record), Some(at))
            }
        };
        let problems = edit::check(atlas, &edit);
        if problems.is_empty() {
            return Ok(edit);
        }
        Err(place_errors(problems, ours))
    }
}

/// Sorts the engine's problems by where a form shows them: those of the form's own record
/// under their field (by its name: `holders` for `holders[1].from`, saying which item), the
/// others (a record the edit takes along) at the top, naming their record.
pub fn place_errors(problems: Vec<FieldError>, ours: Option<(List, usize)>) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for p in problems {
        if p.place.is_some() && p.place != ours {
            errors.add("", p.to_string());
            continue;
        }
        let field = p.field.as_deref().unwrap_or("");
        let top = field.split(['[', '.']).next().unwrap_or("");
        if top == field {
            errors.add(top, p.message);
        } else {
            errors.add(top, format!("{field}: {}", p.message));
        }
    }
    errors
}

fn whole(message: String) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("", message);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_graph_str;

    const TEXT: &str = r#"Atlas(
        sources: [(id: "s", title: "S", url: "https://example.org")],
        actors: [
            (id: "a", kind: State, name: "A", sources: ["s"]),
            (id: "b", kind: Forum, name: "B", sources: ["s"]),
        ],
        relations: [(from: "a", to: "b", kind: MemberOf, sources: ["s"])],
    )"#;

    fn atlas() -> Atlas {
        load_graph_str(TEXT, "t.ron")
            .expect("valid")
            .graph
            .atlas()
            .clone()
    }

    fn form_at(atlas: &Atlas, index: usize) -> Form {
        let record = List::Actors.get(atlas, index).expect("exists");
        let draft = Draft::of(&record).expect("an actor has a form");
        Form {
            place: Place::At(List::Actors, index),
            opened: Some(draft.clone()),
            draft,
            errors: FieldErrors::default(),
        }
    }

    #[test]
    fn a_new_actor_without_sources_is_refused_at_its_sources_field() {
        let atlas = atlas();
        let mut record = NewKind::Actor.blank();
        if let Record::Actor(a) = &mut record {
            a.name = "C".into();
        }
        let form = Form {
            place: Place::New,
            draft: Draft::of(&record).expect("a form"),
            errors: FieldErrors::default(),
            opened: None,
        };
        let errors = form.edit(&atlas).expect_err("refused");
        assert!(!errors.of("sources").is_empty(), "{errors:?}");
    }

    #[test]
    fn an_edit_in_a_form_becomes_one_checked_edit() {
        let atlas = atlas();
        let mut form = form_at(&atlas, 1);
        if let Draft::Actor(a) = &mut form.draft {
            a.name = "B renamed".into();
        }
        let edit = form.edit(&atlas).expect("valid");
        let mut after = atlas.clone();
        crate::edit::History::default()
            .apply(&mut after, edit)
            .expect("applies");
        assert_eq!(after.actors[1].name, "B renamed");
        assert_eq!(after.actors[0], atlas.actors[0]);
    }

    #[test]
    fn a_form_on_a_record_that_changed_meanwhile_applies_nothing() {
        let atlas = atlas();
        let form = form_at(&atlas, 0);
        let mut changed = atlas.clone();
        changed.actors.swap(0, 1);
        let errors = form.edit(&changed).expect_err("refused");
        assert!(errors.elsewhere(&[])[0].contains("changed since the form was opened"));
    }
}
