use crate::model::{Actor, ActorKind, Atlas, Relation, RelationKind, load_default};

use super::*;

fn atlas() -> Atlas {
    load_default().map(|l| l.atlas).unwrap_or_default()
}

fn actor(id: &str, name: &str, source: &str) -> Actor {
    Actor {
        id: id.into(),
        kind: ActorKind::Forum,
        name: name.into(),
        aliases: vec![],
        country: None,
        regions: vec![],
        themes: vec![],
        summary: String::new(),
        based_in: None,
        founded: None,
        holders: vec![],
        sources: vec![source.into()],
    }
}

fn relation(from: &str, to: &str, source: &str) -> Relation {
    Relation {
        id: None,
        from: from.into(),
        to: to.into(),
        kind: RelationKind::MemberOf,
        since: None,
        until: None,
        note: None,
        sources: vec![source.into()],
    }
}

fn first_source(atlas: &Atlas) -> String {
    atlas.sources[0].id.clone()
}

#[test]
fn the_default_atlas_loads_for_these_tests() {
    assert!(atlas().actors.len() > 100);
}

#[test]
fn adding_an_actor_then_undoing_gives_back_the_atlas_and_redo_adds_it_again() {
    let original = atlas();
    let mut edited = original.clone();
    let mut history = History::new();
    let source = first_source(&original);
    let edit = Edit::add(
        &edited,
        Record::Actor(actor("test-forum", "Test Forum", &source)),
    );
    history.apply(&mut edited, edit).unwrap();
    assert_eq!(edited.actors.last().unwrap().id, "test-forum");
    assert_eq!(history.undo_label(), Some("add actor Test Forum"));
    assert!(!history.is_saved());

    assert_eq!(
        history.undo(&mut edited).unwrap().as_deref(),
        Some("add actor Test Forum")
    );
    assert_eq!(edited, original);
    assert!(history.is_saved());
    assert_eq!(
        history.redo(&mut edited).unwrap().as_deref(),
        Some("add actor Test Forum")
    );
    assert_eq!(edited.actors.len(), original.actors.len() + 1);
    assert_eq!(history.redo(&mut edited).unwrap(), None);
}

#[test]
fn a_relation_is_named_by_its_ends_names() {
    let a = atlas();
    let edit = Edit::add(
        &a,
        Record::Relation(relation("japan", "quad", &first_source(&a))),
    );
    assert_eq!(
        edit.label(),
        "add relation Japan → Quadrilateral Security Dialogue"
    );
}

#[test]
fn a_relation_to_an_unknown_actor_is_refused_at_its_field_and_changes_nothing() {
    let original = atlas();
    let mut edited = original.clone();
    let mut history = History::new();
    let edit = Edit::add(
        &edited,
        Record::Relation(relation("japan", "nowhere", &first_source(&original))),
    );
    let index = edited.relations.len();
    let Err(EditError::Invalid(errors)) = history.apply(&mut edited, edit.clone()) else {
        panic!("the edit should be refused");
    };
    assert!(
        errors
            .iter()
            .any(|e| e.is_at((List::Relations, index), "to")
                && e.message.contains("unknown actor \"nowhere\"")),
        "{errors:?}"
    );
    assert_eq!(edited, original);
    assert!(!history.can_undo());
    assert_eq!(check(&original, &edit), errors);
}

#[test]
fn removing_an_actor_takes_its_relations_events_and_story_focus_along_and_undo_restores_them() {
    let original = atlas();
    let index = index_of(&original, List::Actors, "japan").unwrap();
    let edit = Edit::remove(&original, List::Actors, index).unwrap();
    let touching = original
        .relations
        .iter()
        .filter(|r| r.from == "japan" || r.to == "japan")
        .count();
    assert!(touching > 0);
    assert!(
        edit.consequences()
            .contains(&format!("also removes {touching} relations")),
        "{:?}",
        edit.consequences()
    );

    let mut edited = original.clone();
    let mut history = History::new();
    history.apply(&mut edited, edit).unwrap();
    assert!(index_of(&edited, List::Actors, "japan").is_none());
    assert!(
        !edited
            .relations
            .iter()
            .any(|r| r.from == "japan" || r.to == "japan")
    );
    assert!(
        !edited
            .events
            .iter()
            .any(|e| e.actors.iter().any(|a| a == "japan"))
    );
    let focused = |a: &Atlas| {
        a.stories
            .iter()
            .flat_map(|s| &s.steps)
            .any(|s| s.focus.iter().any(|f| f == "japan"))
    };
    assert!(!focused(&edited));
    history.undo(&mut edited).unwrap();
    assert_eq!(edited, original);
}

#[test]
fn renaming_an_actors_id_carries_every_reference_along() {
    let original = atlas();
    let index = index_of(&original, List::Actors, "japan").unwrap();
    let mut renamed = original.actors[index].clone();
    renamed.id = "nippon".into();
    let edit = Edit::replace(&original, List::Actors, index, Record::Actor(renamed)).unwrap();
    let mut edited = original.clone();
    History::new().apply(&mut edited, edit).unwrap();
    let mentions = |a: &Atlas, id: &str| {
        a.relations
            .iter()
            .filter(|r| r.from == id || r.to == id)
            .count()
    };
    assert_eq!(mentions(&edited, "japan"), 0);
    assert_eq!(mentions(&edited, "nippon"), mentions(&original, "japan"));
}

#[test]
fn removing_the_only_source_of_a_record_is_refused_in_the_validators_words() {
    let original = atlas();
    let only_source = original
        .actors
        .iter()
        .find(|a| a.sources.len() == 1)
        .unwrap();
    let source = index_of(&original, List::Sources, &only_source.sources[0]).unwrap();
    let edit = Edit::remove(&original, List::Sources, source).unwrap();
    let mut edited = original.clone();
    let error = History::new().apply(&mut edited, edit).unwrap_err();
    let EditError::Invalid(errors) = &error else {
        panic!("expected the validator's errors, got {error}");
    };
    assert!(
        errors.iter().any(|e| e.message.contains("no source")),
        "{errors:?}"
    );
    assert_eq!(edited, original);
}

#[test]
fn an_edit_made_against_another_state_is_refused_without_a_change() {
    let original = atlas();
    let edit = Edit::remove(&original, List::Relations, 0).unwrap();
    let mut edited = original.clone();
    edited.relations.remove(0);
    let before = edited.clone();
    let error = History::new().apply(&mut edited, edit).unwrap_err();
    assert!(
        matches!(
            error,
            EditError::Stale {
                list: "relations",
                index: 0
            }
        ),
        "{error}"
    );
    assert_eq!(edited, before);
}

#[test]
fn saving_marks_the_state_and_a_new_edit_after_undo_makes_it_unreachable() {
    let original = atlas();
    let source = first_source(&original);
    let mut edited = original.clone();
    let mut history = History::new();
    let add = |a: &Atlas, id: &str| Edit::add(a, Record::Actor(actor(id, id, &source)));
    let one = add(&edited, "one");
    history.apply(&mut edited, one).unwrap();
    history.mark_saved();
    assert!(history.is_saved());
    history.undo(&mut edited).unwrap();
    assert!(!history.is_saved());
    let two = add(&edited, "two");
    history.apply(&mut edited, two).unwrap();
    assert!(!history.is_saved());
    history.undo(&mut edited).unwrap();
    assert!(
        !history.is_saved(),
        "the saved state held `one`, which is gone"
    );
}

#[test]
fn a_meta_edit_is_undone_like_any_other() {
    let original = atlas();
    let mut meta = original.meta.clone();
    meta.title = "Workshop atlas".into();
    let mut edited = original.clone();
    let mut history = History::new();
    let edit = Edit::set_meta(&edited, meta);
    history.apply(&mut edited, edit).unwrap();
    assert_eq!(edited.meta.title, "Workshop atlas");
    history.undo(&mut edited).unwrap();
    assert_eq!(edited, original);
}

mod scoped_check {
    use proptest::prelude::*;

    use super::super::check::errors_in;
    use super::super::ops::{Op, edit_for};
    use super::super::scope::scoped_errors;
    use super::*;

    fn sorted(mut errors: Vec<FieldError>) -> Vec<String> {
        let mut lines: Vec<String> = errors
            .drain(..)
            .map(|e| format!("{:?} {e}", e.place))
            .collect();
        lines.sort();
        lines
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// The scoped check finds exactly the errors a full validation finds, on sequences of
        /// random edits to the default atlas (each valid edit is kept for the next).
        #[test]
        fn the_scoped_check_equals_a_full_validation(
            ops in prop::collection::vec((0u8..9, 0usize..5000, 0usize..5000), 1..6)
        ) {
            let mut current = atlas();
            for op in ops {
                let op: Op = op;
                let Some(edit) = edit_for(&current, op) else { continue };
                let mut after = current.clone();
                edit.apply_unchecked(&mut after).unwrap();
                let full = sorted(errors_in(&after));
                prop_assert_eq!(sorted(scoped_errors(&after, &edit)), full.clone(), "{:?}", op);
                if full.is_empty() {
                    current = after;
                }
            }
        }
    }
}

mod undo_property {
    use proptest::prelude::*;

    use super::super::ops::edit_for;
    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// A random sequence of edits (the refused ones change nothing) followed by as many
        /// undos gives back the original atlas, and as many redos the edited one.
        #[test]
        fn edits_then_as_many_undos_give_back_the_original_and_redos_the_edited(
            ops in prop::collection::vec((0u8..9, 0usize..5000, 0usize..5000), 1..12)
        ) {
            let original = atlas();
            let mut edited = original.clone();
            let mut history = History::new();
            let mut applied = 0;
            for op in ops {
                let Some(edit) = edit_for(&edited, op) else { continue };
                let before = edited.clone();
                match history.apply(&mut edited, edit) {
                    Ok(()) => applied += 1,
                    Err(_) => prop_assert_eq!(&edited, &before, "a refused edit changed the atlas"),
                }
            }
            let last = edited.clone();
            for _ in 0..applied {
                prop_assert!(history.undo(&mut edited).unwrap().is_some());
            }
            prop_assert_eq!(&edited, &original);
            prop_assert!(history.is_saved());
            for _ in 0..applied {
                prop_assert!(history.redo(&mut edited).unwrap().is_some());
            }
            prop_assert_eq!(&edited, &last);
        }
    }
}
