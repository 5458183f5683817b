//! UI tests: the real app, driven through its accessibility tree like a person would.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use atlas::ui::app::AtlasApp;
use atlas::ui::view_state::Selection;
use common::{FixedDialogs, MemoryStorage, harness, harness_with, search_and_pick, step_until};
use eframe::egui::{Key, Modifiers, accesskit::Role};
use egui_kittest::{Harness, kittest::Queryable};

#[test]
fn search_tolerates_a_typo_and_selects_the_actor() {
    let mut harness = harness();
    search_and_pick(&mut harness, "Danish Tech Ambasador");
    assert_eq!(
        harness.state().state.view.selection,
        Some(Selection::Actor("denmark-tech-ambassador".into()))
    );
    // The details panel shows the post, its holders and its sources.
    // In the post from September 2017 (chosen in May), as the second edition corrected.
    harness.get_by_label_contains("• Casper Klynge  2017-09 – 2020-02");
    harness.get_by_label_contains("• Anne Marie Engtoft Larsen  since 2020-08-24");
    // Its sources are clickable web links.
    let links = harness.get_all_by_role(Role::Link).count();
    assert!(links >= 3, "{links} source links");
}

#[test]
fn search_ignores_accents_and_offers_results_grouped_by_kind() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .click();
    harness.run_steps(2);
    // The filter panel already shows each kind once; the results add a heading per kind.
    let headings = |h: &Harness<'static, AtlasApp>| {
        (
            h.get_all_by_label("State").count(),
            h.get_all_by_label("Envoy post").count(),
        )
    };
    assert_eq!(headings(&harness), (1, 1));
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text("DÉNMARK");
    harness.run_steps(3);
    harness.get_by_label("Denmark");
    harness.get_by_label("Danish Tech Ambassador  (denmark-tech-ambassador)");
    assert_eq!(headings(&harness), (2, 2));
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(matches!(
        harness.state().state.view.selection,
        Some(Selection::Actor(_))
    ));
}

#[test]
fn clicking_a_region_filters_every_panel() {
    let mut harness = harness();
    let all = harness.state().state.view.visible.node_count();
    harness.get_by_label_contains("Indo-Pacific (").click();
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(state.region(), Some("indo-pacific"));
    let shown = state.view.visible.node_count();
    assert!(shown > 0 && shown < all, "{shown} of {all}");
    // The region lists its members grouped by kind.
    harness.get_by_label_contains("States (");
    harness.get_by_label_contains("Forums (");
}

#[test]
fn moving_the_time_cursor_changes_the_network() {
    let mut harness = harness();
    let today = harness.state().state.view.visible.edge_count();
    harness
        .get_by_role_and_label(Role::Slider, "as of")
        .set_value_accesskit(2010.0);
    harness.run_steps(3);
    let state = &harness.state().state;
    let as_of = state.as_of().expect("the cursor is set");
    assert!((2009.9..2010.1).contains(&as_of), "{as_of}");
    let then = state.view.visible.edge_count();
    assert!(then < today, "as of 2010: {then} relations, today {today}");
    harness.get_by_label("The graph as of 2010-01-01");
    // Home goes back to today.
    harness.key_press(Key::Home);
    harness.run_steps(2);
    assert_eq!(harness.state().state.view.visible.edge_count(), today);
}

#[test]
fn play_animates_through_the_years() {
    let mut harness = harness();
    harness.get_by_label("▶ Play").click();
    harness.run_steps(2);
    let first = harness
        .state()
        .state
        .as_of()
        .expect("playing sets the cursor");
    harness.run_steps(20);
    let later = harness.state().state.as_of().expect("still set");
    assert!(later > first, "{first} → {later}");
    harness.get_by_label("Pause").click();
    harness.run_steps(2);
    assert!(!harness.state().state.view.playing);
}

#[test]
fn a_broken_file_shows_its_errors_and_keeps_the_atlas() {
    let broken = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/atlas-data/samples/broken/relation-unknown-to.ron"
    ));
    let mut harness = harness_with(FixedDialogs {
        open: Some(broken),
        ..FixedDialogs::default()
    });
    let before = harness.state().state.dataset.graph.node_count();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    assert!(
        step_until(&mut harness, |app| app.state.dataset.failure.is_some()),
        "the load reports back"
    );
    harness.run_steps(2);
    harness.get_by_label("The dataset could not be opened");
    harness.get_by_label_contains("relation-unknown-to.ron:");
    harness.get_by_label_contains("unknown actor");
    assert_eq!(
        harness.state().state.dataset.graph.node_count(),
        before,
        "the atlas stays"
    );
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().state.dataset.failure.is_none());
}

#[test]
fn opening_a_valid_file_replaces_the_atlas_and_the_built_in_one_comes_back() {
    let valid = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/atlas-data/samples/valid/path.ron"
    ));
    let mut harness = harness_with(FixedDialogs {
        open: Some(valid.clone()),
        ..FixedDialogs::default()
    });
    let embedded = harness.state().state.dataset.graph.node_count();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    assert!(step_until(&mut harness, |app| app
        .state
        .prefs
        .dataset
        .as_ref()
        == Some(&valid)));
    assert!(harness.state().state.dataset.graph.node_count() < 50);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open the built-in atlas").click();
    assert!(step_until(&mut harness, |app| app
        .state
        .dataset
        .is_embedded()));
    assert_eq!(harness.state().state.dataset.graph.node_count(), embedded);
    assert_eq!(harness.state().state.prefs.dataset, None);
}

#[test]
fn selection_history_goes_back_and_forward_with_alt_arrows() {
    let mut harness = harness();
    search_and_pick(&mut harness, "Denmark");
    let first = harness.state().state.view.selection.clone();
    search_and_pick(&mut harness, "France");
    let second = harness.state().state.view.selection.clone();
    assert_ne!(first, second);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().state.view.selection, first);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(harness.state().state.view.selection, second);
}

#[test]
fn the_shortcuts_overlay_opens_with_f1() {
    let mut harness = harness();
    assert!(harness.query_by_label("Open a dataset…").is_none());
    harness.key_press(Key::F1);
    harness.run_steps(2);
    assert!(harness.state().state.is_open(atlas::ui::windows::HELP));
    harness.get_by_label("Open a dataset…");
    harness.get_by_label("Ctrl+O");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().state.is_open(atlas::ui::windows::HELP));
}

#[test]
fn filters_theme_and_panels_survive_a_restart() {
    let mut harness = harness();
    harness.get_by_label_contains("Transatlantic (").click();
    harness.run_steps(2);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Light").click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run_steps(2);
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let restored = atlas::ui::app::restore_prefs(&storage).expect("saved");
    assert!(restored.filter.regions.contains("transatlantic"));
    assert_eq!(restored.theme, atlas::ui::theme::ThemeChoice::Light);
    assert!(!restored.show_timeline);
    assert_eq!(restored, harness.state().state.prefs);
}

#[test]
fn details_say_when_a_record_rests_only_on_mirrors() {
    let mut harness = harness();
    let (mirrored, original) = {
        let atlas = harness.state().state.dataset.graph.atlas();
        let kinds = atlas::model::source_quality::SourceKinds::of(atlas);
        let find = |mirror: bool| {
            atlas
                .actors
                .iter()
                .find(|a| kinds.is_mirror_only(&a.sources) == mirror)
                .map(|a| a.id.clone())
                .expect("the default atlas has both kinds of record")
        };
        (find(true), find(false))
    };
    let note = "⚠ Sourced only to mirrors or aggregators, not to an original page";
    harness
        .state_mut()
        .send(atlas::ui::command::Command::Select(Selection::Actor(
            mirrored,
        )));
    harness.run_steps(2);
    harness.get_by_label(note);
    harness
        .state_mut()
        .send(atlas::ui::command::Command::Select(Selection::Actor(
            original,
        )));
    harness.run_steps(2);
    assert!(harness.query_by_label(note).is_none());
}
