//! The forms of what links actors: relations and events.

use eframe::egui::Ui;

use crate::edit::Record;
use crate::graph::AtlasGraph;
use crate::model::{Event, EventKind, Relation, RelationKind};

use super::fields::{FieldCtx, FieldErrors, date_of, date_text, optional, required_date, slug};
use super::pickers::{RefKind, RefList, RefOne};

/// A relation being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationDraft {
    pub id: String,
    pub from: RefOne,
    pub to: RefOne,
    pub kind: RelationKind,
    pub since: String,
    pub until: String,
    pub note: String,
    pub sources: RefList,
}

impl RelationDraft {
    pub const FIELDS: &[&str] = &[
        "id", "from", "to", "kind", "since", "until", "note", "sources",
    ];

    pub fn of(r: &Relation) -> Self {
        Self {
            id: r.id.clone().unwrap_or_default(),
            from: RefOne::new(&r.from),
            to: RefOne::new(&r.to),
            kind: r.kind,
            since: date_text(r.since),
            until: date_text(r.until),
            note: r.note.clone().unwrap_or_default(),
            sources: RefList::new(&r.sources),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph) {
        f.one_ref(ui, graph, ("From", "from"), RefKind::Actor, &mut self.from);
        let kinds = RelationKind::ALL;
        f.choice(ui, "Kind", "kind", &mut self.kind, &kinds, |k| {
            k.label().to_string()
        });
        f.one_ref(ui, graph, ("To", "to"), RefKind::Actor, &mut self.to);
        f.date(ui, "Since", "since", &mut self.since, true);
        f.date(ui, "Until", "until", &mut self.until, true);
        f.text(ui, "Note", "note", &mut self.note, "");
        f.refs(
            ui,
            graph,
            ("Sources", "sources"),
            RefKind::Source,
            &mut self.sources,
        );
        f.text(ui, "Id", "id", &mut self.id, "optional");
    }

    pub fn build(&self) -> Result<Record, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut date = |text: &str, field: &str| {
            date_of(text, true).unwrap_or_else(|e| {
                errors.add(field, e);
                None
            })
        };
        let since = date(&self.since, "since");
        let until = date(&self.until, "until");
        for (end, field) in [(&self.from, "from"), (&self.to, "to")] {
            if end.id.is_empty() {
                errors.add(field, "choose an actor");
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Record::Relation(Relation {
            id: optional(&self.id),
            from: self.from.id.clone(),
            to: self.to.id.clone(),
            kind: self.kind,
            since,
            until,
            note: optional(&self.note),
            sources: self.sources.ids.clone(),
        }))
    }
}

/// An event being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDraft {
    pub id: String,
    pub date: String,
    pub kind: EventKind,
    pub title: String,
    pub summary: String,
    pub actors: RefList,
    pub sources: RefList,
}

impl EventDraft {
    pub const FIELDS: &[&str] = &[
        "id", "date", "kind", "title", "summary", "actors", "sources",
    ];

    pub fn of(e: &Event) -> Self {
        Self {
            id: e.id.clone(),
            date: e.date.to_string(),
            kind: e.kind,
            title: e.title.clone(),
            summary: e.summary.clone(),
            actors: RefList::new(&e.actors),
            sources: RefList::new(&e.sources),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph) {
        f.text(ui, "Title", "title", &mut self.title, "what happened");
        f.date(ui, "Date", "date", &mut self.date, false);
        let kinds = EventKind::ALL;
        f.choice(ui, "Kind", "kind", &mut self.kind, &kinds, |k| {
            k.label().to_string()
        });
        f.refs(
            ui,
            graph,
            ("Actors", "actors"),
            RefKind::Actor,
            &mut self.actors,
        );
        f.multiline(ui, "Summary", "summary", &mut self.summary);
        f.refs(
            ui,
            graph,
            ("Sources", "sources"),
            RefKind::Source,
            &mut self.sources,
        );
        f.text(
            ui,
            "Id",
            "id",
            &mut self.id,
            "made from the date and title when empty",
        );
    }

    pub fn build(&self) -> Result<Record, FieldErrors> {
        let date = match required_date(&self.date) {
            Ok(date) => date,
            Err(e) => {
                let mut errors = FieldErrors::default();
                errors.add("date", e);
                return Err(errors);
            }
        };
        let id = match self.id.trim() {
            "" => slug(&format!("{} {}", date, self.title)),
            id => id.to_string(),
        };
        Ok(Record::Event(Event {
            id,
            date,
            kind: self.kind,
            title: self.title.trim().to_string(),
            summary: self.summary.trim().to_string(),
            actors: self.actors.ids.clone(),
            sources: self.sources.ids.clone(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relation_needs_both_ends_and_readable_dates() {
        let mut draft = RelationDraft::of(&Relation {
            id: None,
            from: "jp".into(),
            to: String::new(),
            kind: RelationKind::MemberOf,
            since: None,
            until: None,
            note: None,
            sources: Vec::new(),
        });
        draft.since = "2021-02-30".into();
        let errors = draft.build().expect_err("refused");
        assert_eq!(errors.of("to"), ["choose an actor"]);
        assert!(errors.of("since")[0].contains("day 30"));
        assert!(errors.of("from").is_empty());
    }

    #[test]
    fn an_event_gets_an_id_from_its_date_and_title() {
        let draft = EventDraft {
            id: String::new(),
            date: "2021-03".into(),
            kind: EventKind::Summit,
            title: "Quad leaders meet".into(),
            summary: String::new(),
            actors: RefList::new(&["quad".into()]),
            sources: RefList::default(),
        };
        let Ok(Record::Event(event)) = draft.build() else {
            panic!("builds");
        };
        assert_eq!(event.id, "2021-03-quad-leaders-meet");
        assert_eq!(EventDraft::of(&event).date, "2021-03");
    }
}
