//! UI tests of editing in the window (issue 15): forms, undo and redo, the context menus and
//! stories authored in place — through the real app, as a person would click.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::graph::search::search;
use atlas::ui::app::AtlasApp;
use atlas::ui::view_state::Selection;
use atlas::ui::windows::{self, RecordEditor};
use common::{harness, status};
use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::{Harness, kittest::Queryable};

type App = Harness<'static, AtlasApp>;

/// A source of the embedded atlas that the test records cite.
const SOURCE: &str = "src-quad-members-first-summit";

fn type_into(harness: &mut App, field: &str, text: &str) {
    type_as(harness, Role::TextInput, field, text);
}

fn type_as(harness: &mut App, role: Role, field: &str, text: &str) {
    harness.get_by_role_and_label(role, field).click();
    harness.run_steps(1);
    harness.get_by_role_and_label(role, field).type_text(text);
    harness.run_steps(2);
}

/// Types into a reference picker and takes its first suggestion with Enter.
fn pick(harness: &mut App, field: &str, text: &str) {
    type_into(harness, field, text);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
}

/// Opens Edit → New and picks `item`.
fn new_via_menu(harness: &mut App, item: &str) {
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label("New").click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
    harness.run_steps(3);
}

fn search_and_pick(harness: &mut App, text: &str) {
    type_into(harness, "Search", text);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

fn actor_count(harness: &App) -> usize {
    harness.state().state.dataset.graph.atlas().actors.len()
}

fn relation_count(harness: &App) -> usize {
    harness.state().state.dataset.graph.atlas().relations.len()
}

fn add_test_actor(harness: &mut App) {
    new_via_menu(harness, "New actor…");
    type_into(harness, "Name", "Ruritania Test Office");
    type_as(
        harness,
        Role::MultilineTextInput,
        "Summary",
        "A test record.",
    );
    pick(harness, "Sources", SOURCE);
    harness.get_by_label("Apply").click();
    harness.run_steps(3);
}

fn add_test_relation(harness: &mut App) {
    new_via_menu(harness, "New relation…");
    pick(harness, "From", "Ruritania Test Office");
    pick(harness, "To", "Quadrilateral Security Dialogue");
    pick(harness, "Sources", SOURCE);
    harness.get_by_label("Apply").click();
    harness.run_steps(3);
}

#[test]
fn an_actor_and_a_relation_added_in_forms_are_found_and_undone_and_redone() {
    let mut harness = harness();
    let (actors, relations) = (actor_count(&harness), relation_count(&harness));
    add_test_actor(&mut harness);
    assert_eq!(
        actor_count(&harness),
        actors + 1,
        "{}",
        status(harness.state())
    );
    let id = "ruritania-test-office";
    assert_eq!(
        harness.state().state.view.selection,
        Some(Selection::Actor(id.into())),
        "the new actor is selected"
    );
    add_test_relation(&mut harness);
    assert_eq!(
        relation_count(&harness),
        relations + 1,
        "{}",
        status(harness.state())
    );
    let added = harness
        .state()
        .state
        .dataset
        .graph
        .atlas()
        .relations
        .last()
        .cloned();
    assert_eq!(
        added.map(|r| (r.from, r.to)),
        Some((id.into(), "quad".into()))
    );

    // Search finds it, and the details show it with its relation.
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    search_and_pick(&mut harness, "Ruritania Test");
    assert_eq!(
        harness.state().state.view.selection,
        Some(Selection::Actor(id.into()))
    );
    harness.get_by_label("Ruritania Test Office");
    let linked = harness
        .get_all_by_label_contains("Quadrilateral Security Dialogue")
        .count();
    assert!(linked >= 1, "the details list its relation");

    // Undo by the menu (which names the edit), then by the keys.
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    // The entry names the edit (its label may carry the shortcut after it).
    harness
        .get_by_label_contains("Undo: add relation Ruritania Test Office")
        .click();
    harness.run_steps(3);
    assert_eq!(relation_count(&harness), relations);
    assert!(status(harness.state()).starts_with("Undone: add relation"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(actor_count(&harness), actors);
    let graph = &harness.state().state.dataset.graph;
    assert!(
        search(graph, "Ruritania Test", 5).is_empty(),
        "gone from search"
    );
    assert_eq!(
        harness.state().state.view.selection,
        None,
        "its selection went with it"
    );

    // Redo by the menu, then by Ctrl+Y; Ctrl+Shift+Z redoes too.
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Redo: add actor").click();
    harness.run_steps(3);
    assert_eq!(actor_count(&harness), actors + 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run_steps(3);
    assert_eq!(relation_count(&harness), relations + 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(2);
    assert_eq!(relation_count(&harness), relations + 1);
    assert!(harness.state().state.dataset.is_unsaved());
}

#[test]
fn a_form_with_a_problem_shows_it_at_the_field_and_applies_nothing() {
    let mut harness = harness();
    let actors = actor_count(&harness);
    new_via_menu(&mut harness, "New actor…");
    type_into(&mut harness, "Founded", "2017-13");
    harness.get_by_label_contains("month 13");
    harness.get_by_label("Apply").click();
    harness.run_steps(3);
    assert_eq!(actor_count(&harness), actors, "nothing applied");
    let editor =
        windows::find::<RecordEditor>(&mut harness.state_mut().windows, windows::RECORD_EDITOR)
            .expect("the record editor");
    let form = editor.form.as_ref().expect("still open");
    assert!(!form.errors.of("founded").is_empty(), "{:?}", form.errors);
}

#[test]
fn the_validators_words_show_at_the_field_before_anything_is_applied() {
    let mut harness = harness();
    let actors = actor_count(&harness);
    new_via_menu(&mut harness, "New actor…");
    type_into(&mut harness, "Name", "No Sources Office");
    harness.get_by_label("Apply").click();
    harness.run_steps(3);
    assert_eq!(actor_count(&harness), actors, "nothing applied");
    let editor =
        windows::find::<RecordEditor>(&mut harness.state_mut().windows, windows::RECORD_EDITOR)
            .expect("the record editor");
    let errors = editor.form.as_ref().expect("still open").errors.clone();
    assert!(
        !errors.is_empty(),
        "the validator refuses an actor without sources"
    );
    let shown = harness.get_all_by_label_contains("no source").count();
    assert!(shown >= 1, "the validator's words are shown");
}

/// Right-clicks the actor `id` where the network draws it.
fn right_click_actor(harness: &mut App, id: &str) {
    harness.run_steps(2);
    let app = harness.state();
    let node = app.state.dataset.graph.node(id).expect("exists").index();
    let (pos, _) = app.network.screen_position(node).expect("drawn");
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(2);
}

#[test]
fn the_node_context_menu_starts_a_relation_from_the_node() {
    let mut harness = harness();
    // Let the layout settle so the node stays under the pointer.
    common::step_until(&mut harness, |app| app.network.layout_settled());
    right_click_actor(&mut harness, "quad");
    harness.get_by_label("New relation from here…").click();
    harness.run_steps(3);
    let editor =
        windows::find::<RecordEditor>(&mut harness.state_mut().windows, windows::RECORD_EDITOR)
            .expect("the record editor");
    let form = editor.form.as_ref().expect("a form is open");
    match &form.draft {
        atlas::ui::edit::Draft::Relation(r) => assert_eq!(r.from.id, "quad"),
        other => panic!("a relation form, not {other:?}"),
    }
}

#[test]
fn a_two_step_story_authored_from_the_view_plays() {
    let mut harness = harness();
    let stories = harness.state().state.dataset.graph.atlas().stories.len();
    search_and_pick(&mut harness, "Denmark");
    new_via_menu(&mut harness, "New story…");
    type_into(&mut harness, "Story title", "Two steps for a test");
    harness
        .get_by_label("Add step from the current view")
        .click();
    harness.run_steps(2);
    // The second step: another actor, a month earlier, on the map.
    search_and_pick(&mut harness, "France");
    harness.key_press(Key::OpenBracket);
    harness.run_steps(1);
    harness.key_press(Key::M);
    harness.run_steps(2);
    let as_of = harness.state().state.as_of().expect("a date was set");
    harness
        .get_by_label("Add step from the current view")
        .click();
    harness.run_steps(2);
    for (i, field) in harness
        .get_all_by_role_and_label(Role::MultilineTextInput, "Step text")
        .enumerate()
    {
        field.type_text(&format!("What happens at step {}.", i + 1));
    }
    harness.run_steps(2);
    harness.get_by_label("Preview").click();
    harness.run_steps(4);

    let state = &harness.state().state;
    let atlas = state.dataset.graph.atlas();
    assert_eq!(atlas.stories.len(), stories + 1, "{:?}", state.status);
    let story = atlas.stories.last().expect("added");
    assert_eq!(story.title, "Two steps for a test");
    assert_eq!(story.steps.len(), 2);
    assert_eq!(story.steps[0].focus, ["denmark"]);
    assert_eq!(
        story.steps[0].date, None,
        "the first step was taken at today"
    );
    assert!(!story.steps[0].map);
    assert_eq!(story.steps[1].focus, ["france"]);
    let date = story.steps[1].date.expect("the as-of date");
    assert!(
        (date.as_year_fraction() - as_of).abs() < 0.01,
        "{date} vs {as_of}"
    );
    assert!(story.steps[1].map, "the map was shown");

    // Preview plays it from its first step.
    assert_eq!(
        state.view.story.as_ref().map(|p| (p.story, p.step)),
        Some((stories, 0))
    );
    assert_eq!(
        state.view.selection,
        Some(Selection::Actor("denmark".into()))
    );
    harness.key_press(Key::PageDown);
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(
        state.view.selection,
        Some(Selection::Actor("france".into()))
    );
}

#[test]
fn deleting_an_actor_says_what_goes_with_it_asks_first_and_undoes_whole() {
    let mut harness = harness();
    let before = harness.state().state.dataset.graph.atlas().clone();
    search_and_pick(&mut harness, "Denmark");
    harness.key_press(Key::Delete);
    harness.run_steps(3);
    harness.get_by_label_contains("Delete actor Denmark?");
    let editor =
        windows::find::<RecordEditor>(&mut harness.state_mut().windows, windows::RECORD_EDITOR)
            .expect("the record editor");
    let consequences = &editor.confirm.as_ref().expect("asks first").consequences;
    assert!(
        consequences.iter().any(|c| c.contains("relation")),
        "{consequences:?}"
    );
    assert_eq!(
        harness.state().state.dataset.graph.atlas(),
        &before,
        "nothing yet"
    );
    harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    harness.run_steps(3);
    let atlas = harness.state().state.dataset.graph.atlas();
    assert!(atlas.actors.iter().all(|a| a.id != "denmark"));
    assert!(
        atlas
            .relations
            .iter()
            .all(|r| r.from != "denmark" && r.to != "denmark")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.dataset.graph.atlas(),
        &before,
        "all of it back"
    );
}

#[test]
fn a_region_found_by_name_is_edited_in_its_form_and_the_edit_undone() {
    let mut harness = harness();
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness
        .get_by_label("Edit a source, region, theme or term…")
        .click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Button, "Regions")
        .click();
    harness.run_steps(2);
    type_into(&mut harness, "Find", "indo");
    harness.get_by_label("Indo-Pacific  (indo-pacific)").click();
    harness.run_steps(3);
    harness.get_by_label("Edit region Indo-Pacific");
    type_into(&mut harness, "Name", " (renamed)");
    harness.get_by_label("Apply").click();
    harness.run_steps(3);
    let name = |h: &App| {
        let atlas = h.state().state.dataset.graph.atlas();
        let region = atlas.regions.iter().find(|r| r.id == "indo-pacific");
        region.map(|r| r.name.clone())
    };
    assert_eq!(name(&harness).as_deref(), Some("Indo-Pacific (renamed)"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(name(&harness).as_deref(), Some("Indo-Pacific"));
}

#[test]
fn the_story_editor_does_not_write_over_a_story_an_undo_took_away() {
    let mut harness = harness();
    let stories = harness.state().state.dataset.graph.atlas().stories.len();
    search_and_pick(&mut harness, "Denmark");
    new_via_menu(&mut harness, "New story…");
    type_into(&mut harness, "Story title", "Undone story");
    harness
        .get_by_label("Add step from the current view")
        .click();
    harness.run_steps(2);
    type_as(&mut harness, Role::MultilineTextInput, "Step text", "Text.");
    harness.get_by_label("Apply story").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.dataset.graph.atlas().stories.len(),
        stories + 1
    );
    harness.state_mut().send(atlas::ui::command::Command::Undo);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.dataset.graph.atlas().stories.len(),
        stories
    );
    harness.get_by_label("Apply story").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.dataset.graph.atlas().stories.len(),
        stories,
        "nothing written in its place"
    );
    let said = harness
        .get_all_by_label_contains("changed since the editor opened it")
        .count();
    assert!(said >= 1, "the editor says why");
}
