//! Edits, undo and redo applied to the shared state: the atlas changes through the dataset's
//! history, then everything that shows it follows within the frame (the graph is rebuilt, the
//! generation bumped so views drop their caches, the selection kept if its record still exists).

use std::sync::Arc;

use crate::edit::Edit;
use crate::model::Relation;

use super::command::{Command, Request};
use super::state::AppState;
use super::view_state::{FoundPath, Selection};
use super::windows;

impl AppState {
    /// Carries out the editing commands (see [`Command`]).
    pub(super) fn apply_editing(&mut self, command: Command) {
        match command {
            Command::ApplyEdit(edit) => self.apply_edit(*edit),
            Command::Undo => self.undo_or_redo(true),
            Command::Redo => self.undo_or_redo(false),
            Command::EditRecord(target) => {
                self.prefs
                    .open_windows
                    .insert(windows::RECORD_EDITOR.to_string());
                self.requests.push(Request::EditRecord(target));
            }
            Command::EditStory(story) => {
                self.prefs
                    .open_windows
                    .insert(windows::STORY_EDITOR.to_string());
                self.requests.push(Request::EditStory(story));
            }
            _ => {}
        }
    }

    fn apply_edit(&mut self, edit: Edit) {
        let label = edit.label().to_string();
        let relation = self.selected_relation();
        let history = &mut self.dataset.history;
        // In place when no background job holds the graph (an export); else on a copy.
        let graph = Arc::make_mut(&mut self.dataset.graph);
        match graph.edit(|atlas| history.apply(atlas, edit)) {
            Ok(()) => {
                self.show_edited(relation);
                self.status = Some(format!("Done: {label}."));
            }
            Err(e) => self.status = Some(format!("Not done: {label}: {e}")),
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        let relation = self.selected_relation();
        let history = &mut self.dataset.history;
        let graph = Arc::make_mut(&mut self.dataset.graph);
        let result = graph.edit(|atlas| {
            if undo {
                history.undo(atlas)
            } else {
                history.redo(atlas)
            }
        });
        let (done, nothing, failed) = if undo {
            ("Undone", "Nothing to undo.", "Could not undo")
        } else {
            ("Redone", "Nothing to redo.", "Could not redo")
        };
        self.status = Some(match result {
            Ok(Some(label)) => {
                self.show_edited(relation);
                format!("{done}: {label}.")
            }
            Ok(None) => nothing.to_string(),
            Err(e) => format!("{failed}: {e}"),
        });
    }

    /// The selected relation as a record: relations are selected by index, and an edit that
    /// adds or removes one before it moves it.
    fn selected_relation(&self) -> Option<(usize, Relation)> {
        match self.view.selection {
            Some(Selection::Relation(i)) => {
                let relation = self.dataset.graph.atlas().relations.get(i)?;
                Some((i, relation.clone()))
            }
            _ => None,
        }
    }

    /// Puts the edited atlas on show: a new generation (views drop their caches), the
    /// selection (a relation followed to its new index) and the story kept where they still
    /// exist, the filtered views recomputed.
    fn show_edited(&mut self, relation: Option<(usize, Relation)>) {
        let graph = Arc::clone(&self.dataset.graph);
        if let Some((old, r)) = relation {
            let relations = &graph.atlas().relations;
            // Where it went; or, edited in place, still there between the same two actors.
            let same_ends = |i: &usize| {
                relations
                    .get(*i)
                    .is_some_and(|x| (&x.from, &x.to) == (&r.from, &r.to))
            };
            let now = relations
                .iter()
                .position(|x| *x == r)
                .or(Some(old).filter(same_ends));
            self.view.selection = now.map(Selection::Relation);
        }
        self.dataset.generation += 1;
        self.dataset.mark_edited();
        if self.dataset.history.is_saved() {
            // Undone (or redone) back to what the file holds: nothing is unsaved.
            self.dataset.mark_saved();
        }
        // A found path and "what changed" name graph indices of the old graph.
        self.view.path = FoundPath::default();
        self.view.changes = None;
        let exists = |s: &Selection| match s {
            Selection::Actor(id) => graph.node(id).is_some(),
            Selection::Relation(i) => *i < graph.atlas().relations.len(),
            Selection::Event(id) => graph.atlas().events.iter().any(|e| &e.id == id),
        };
        if !self.view.selection.as_ref().is_some_and(exists) {
            self.view.selection = None;
        }
        self.view.history.retain(exists);
        let stories = graph.atlas().stories.len();
        if self.view.story.as_ref().is_some_and(|p| p.story >= stories) {
            self.view.story = None;
        }
        self.view.rebuild(&graph, &self.prefs.filter);
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::{Edit, List, Record};
    use crate::graph::load_graph_str;
    use crate::ui::command::Command;
    use crate::ui::state::{AppState, Prefs};
    use crate::ui::view_state::Selection;

    const TEXT: &str = r#"Atlas(
        sources: [(id: "s", title: "S", url: "https://example.org")],
        actors: [
            (id: "a", kind: State, name: "A", sources: ["s"]),
            (id: "b", kind: Forum, name: "B", sources: ["s"]),
        ],
        relations: [(from: "a", to: "b", kind: MemberOf, sources: ["s"])],
    )"#;

    fn state() -> AppState {
        AppState::new(
            load_graph_str(TEXT, "t.ron").expect("valid"),
            Prefs::default(),
        )
    }

    fn new_actor(s: &AppState, id: &str) -> Command {
        let mut actor = s.dataset.graph.atlas().actors[0].clone();
        actor.id = id.into();
        actor.name = id.to_uppercase();
        Command::ApplyEdit(Box::new(Edit::add(
            s.dataset.graph.atlas(),
            Record::Actor(actor),
        )))
    }

    #[test]
    fn an_edit_shows_at_once_and_undo_and_redo_follow() {
        let mut s = state();
        let generation = s.dataset.generation;
        let command = new_actor(&s, "c");
        s.apply(command);
        assert_eq!(s.dataset.graph.node_count(), 3);
        assert!(s.dataset.graph.node("c").is_some());
        assert_eq!(s.view.visible.node_count(), 3, "the filtered view follows");
        assert!(s.dataset.generation > generation);
        assert!(s.dataset.is_unsaved());
        s.apply(Command::Undo);
        assert_eq!(s.dataset.graph.node_count(), 2);
        assert_eq!(s.status.as_deref(), Some("Undone: add actor C."));
        assert!(
            !s.dataset.is_unsaved(),
            "undone back to what the file holds"
        );
        s.apply(Command::Redo);
        assert!(s.dataset.is_unsaved());
        assert_eq!(s.dataset.graph.node_count(), 3);
        assert!(s.status.as_deref().is_some_and(|m| m.starts_with("Redone")));
    }

    #[test]
    fn the_selection_stays_while_its_record_exists_and_goes_with_it() {
        let mut s = state();
        s.apply(Command::Select(Selection::Actor("b".into())));
        let command = new_actor(&s, "c");
        s.apply(command);
        assert_eq!(s.view.selection, Some(Selection::Actor("b".into())));
        let remove = Edit::remove(s.dataset.graph.atlas(), List::Actors, 1).expect("exists");
        s.apply(Command::ApplyEdit(Box::new(remove)));
        assert_eq!(s.view.selection, None);
        assert_eq!(
            s.dataset.graph.atlas().relations.len(),
            0,
            "its relation went along"
        );
    }

    #[test]
    fn with_nothing_to_undo_the_status_says_so_and_the_atlas_stays() {
        let mut s = state();
        s.apply(Command::Undo);
        assert_eq!(s.status.as_deref(), Some("Nothing to undo."));
        assert_eq!(s.dataset.graph.node_count(), 2);
        assert!(!s.dataset.is_unsaved());
    }

    #[test]
    fn a_selected_relation_is_followed_when_an_edit_moves_it() {
        let mut s = state();
        let atlas = s.dataset.graph.atlas().clone();
        let mut other = atlas.relations[0].clone();
        (other.from, other.to) = (other.to.clone(), other.from.clone());
        other.kind = crate::model::RelationKind::PartnersWith;
        s.apply(Command::Select(Selection::Relation(0)));
        // The new relation goes last; then the selected one is removed and put back by undo.
        let add = Edit::add(&atlas, Record::Relation(other));
        s.apply(Command::ApplyEdit(Box::new(add)));
        let remove = Edit::remove(s.dataset.graph.atlas(), List::Relations, 0).expect("exists");
        s.apply(Command::ApplyEdit(Box::new(remove)));
        assert_eq!(
            s.view.selection, None,
            "gone, not swapped for the relation now at its index"
        );
        s.apply(Command::Select(Selection::Relation(0)));
        s.apply(Command::Undo);
        let selected = match s.view.selection {
            Some(Selection::Relation(i)) => s.dataset.graph.atlas().relations.get(i).cloned(),
            _ => None,
        };
        assert_eq!(
            selected.map(|r| r.kind),
            Some(crate::model::RelationKind::PartnersWith)
        );
    }
}
