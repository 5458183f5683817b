//! UI tests of finding things and of honest status: people, country codes and words in any
//! order in the search; keyboard picks in the path finder; a cancelled export.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::ui::app::AtlasApp;
use atlas::ui::export::CANCELLED;
use atlas::ui::view_state::Selection;
use common::{FixedDialogs, build, harness, harness_with, status, step_until, type_in_search};
use eframe::egui::{
    Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, accesskit::Role, vec2,
};
use egui_kittest::{Harness, kittest::Queryable};

fn selected(harness: &Harness<'static, AtlasApp>) -> Option<Selection> {
    harness.state().state.view.selection.clone()
}

fn actor(id: &str) -> Option<Selection> {
    Some(Selection::Actor(id.into()))
}

#[test]
fn searching_a_holders_surname_offers_and_selects_the_post() {
    let mut harness = harness();
    type_in_search(&mut harness, "Klynge");
    harness.get_by_label("Casper Klynge → Danish Tech Ambassador");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(selected(&harness), actor("denmark-tech-ambassador"));
}

#[test]
fn searching_a_country_code_selects_the_state() {
    let mut harness = harness();
    type_in_search(&mut harness, "jp");
    harness.get_by_label("Japan  (JP)");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(selected(&harness), actor("japan"));
}

#[test]
fn searching_words_out_of_order_finds_the_envoy_post_and_tab_picks_it() {
    let mut harness = harness();
    type_in_search(&mut harness, "envoy japan");
    harness.get_by_label("Japanese Ambassador in Charge of Cyber Policy");
    harness.key_press(Key::Tab);
    harness.run_steps(3);
    assert_eq!(selected(&harness), actor("japan-cyber-ambassador"));
}

/// Types into a path-finder field and presses `key`; returns the field's text afterwards.
fn path_field(harness: &mut Harness<'static, AtlasApp>, field: &str, text: &str, keys: &[Key]) {
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    harness.run_steps(2);
    for key in keys {
        harness.key_press(*key);
        harness.run_steps(2);
    }
}

#[test]
fn path_finder_suggestions_are_picked_with_enter_and_with_arrow_and_tab() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run_steps(2);
    path_field(&mut harness, "From", "Denmark", &[Key::Enter]);
    harness.get_by_label("✔ Denmark");
    // "General Data" offers the regulation first; ↓ moves to the second, ↑ back, Tab picks.
    path_field(
        &mut harness,
        "To",
        "General Data Protection",
        &[Key::ArrowDown, Key::ArrowUp, Key::Tab],
    );
    harness.get_by_label("✔ General Data Protection Regulation");
    harness.get_by_label("Find path").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.view.path.steps.len(), 2);
}

#[test]
fn cancelling_the_picture_dialog_replaces_saving_with_cancelled() {
    // The dialog answers "no file" (Cancel); the GPU renders the picture first.
    let mut harness = build(Harness::builder().wgpu(), FixedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(1);
    let cancelled = step_until(&mut harness, |app| status(app) == CANCELLED);
    assert!(cancelled, "status: {}", status(harness.state()));
    assert!(!status(harness.state()).contains("Saving"));
}

#[test]
fn cancelling_a_table_export_says_so() {
    let mut harness = harness_with(FixedDialogs::default());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness
        .get_by_label("Actors, relations, events as CSV…")
        .click();
    let cancelled = step_until(&mut harness, |app| status(app) == CANCELLED);
    assert!(cancelled, "status: {}", status(harness.state()));
}

#[test]
fn the_centrality_table_explains_its_columns_and_exports_as_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("centrality.csv");
    let mut harness = harness_with(FixedDialogs {
        save: Some(out.clone()),
        ..FixedDialogs::default()
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run_steps(3);
    harness.get_by_label("Kind");
    harness.get_by_label("Closeness").hover();
    // A tooltip waits for the pointer to rest half a second: a second of frames.
    harness.run_steps(60);
    harness.get_by_label_contains("how near the actor is to everyone it can reach");
    harness.get_by_label("Export as CSV…").click();
    let saved = step_until(&mut harness, |app| {
        status(app).starts_with("Saved the centrality table")
    });
    assert!(saved, "status: {}", status(harness.state()));
    let mut reader = csv::Reader::from_path(&out).expect("readable CSV");
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "rank",
            "id",
            "name",
            "kind",
            "degree",
            "betweenness",
            "closeness"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let visible = harness.state().state.view.visible.node_count();
    assert_eq!(rows.len(), visible, "one row per actor in the view");
    // Shown by betweenness, highest first: the file keeps that order.
    let betweenness: Vec<f64> = rows
        .iter()
        .map(|r| r[5].parse().expect("a number"))
        .collect();
    assert!(betweenness.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn a_source_link_that_cannot_open_says_so_and_can_be_copied() {
    let mut harness = harness();
    type_in_search(&mut harness, "Danish Tech Ambassador");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    // The post's sources, as the data lists them (all are web links).
    let titles: Vec<String> = {
        let graph = &harness.state().state.dataset.graph;
        let post = graph.node("denmark-tech-ambassador").expect("in the atlas");
        let sources = &graph.atlas().sources;
        graph
            .actor(post)
            .sources
            .iter()
            .filter_map(|id| sources.iter().find(|s| &s.id == id))
            .map(|s| s.title.clone())
            .collect()
    };
    assert!(titles.len() >= 3, "{titles:?}");
    let copies = harness.get_all_by_label("Copy link").count();
    assert_eq!(copies, titles.len(), "a Copy link button beside every link");

    // The sources sit at the foot of the details panel: scroll there first.
    harness
        .get_by_role_and_label(Role::Link, &titles[0])
        .scroll_to_me();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Link, &titles[0])
        .click();
    // The opening message comes a frame before the launcher can report back.
    assert!(step_until(&mut harness, |app| !status(app).is_empty()));
    assert!(
        status(harness.state()).contains("If no browser opened, copy the link: https://"),
        "{}",
        status(harness.state())
    );
    // The harness has no browser: the launcher's failure reaches the status bar.
    let failed = step_until(&mut harness, |app| {
        status(app).starts_with("The link could not be opened")
    });
    assert!(failed, "{}", status(harness.state()));
    assert!(status(harness.state()).contains(common::NO_BROWSER));

    let copy = harness
        .get_all_by_label("Copy link")
        .next()
        .expect("a button");
    copy.scroll_to_me();
    harness.run_steps(3);
    harness
        .get_all_by_label("Copy link")
        .next()
        .expect("a button")
        .click();
    harness.run_steps(2);
    assert!(status(harness.state()).starts_with("Copied the link: https://"));
}

#[test]
fn a_refused_file_counts_its_warnings_apart_from_its_errors() {
    // One error (an unknown region) and two warnings (a source that is not a web link, an
    // actor linked to nothing).
    let text = r#"Atlas(
        regions: [(id: "r", name: "R")],
        themes: [],
        sources: [(id: "s", title: "Source", url: "ftp://example.org/file")],
        actors: [(id: "a", kind: State, name: "A", regions: ["nowhere"], sources: ["s"])],
        relations: [],
        events: [],
    )"#;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mixed.ron");
    std::fs::write(&path, text).expect("written");
    let shown_path = path.clone();
    let mut harness = harness_with(FixedDialogs {
        open: Some(path),
        ..FixedDialogs::default()
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    assert!(step_until(&mut harness, |app| app
        .state
        .dataset
        .failure
        .is_some()));
    harness.run_steps(2);
    harness.get_by_label_contains("1 error and 2 warnings found.");
    // Each warning line is marked as one: "⚠ FILE:LINE:COL: warning: …".
    let marked = format!("⚠ {}", shown_path.display());
    assert_eq!(harness.query_all_by_label_contains(&marked).count(), 2);
    assert_eq!(harness.query_all_by_label_contains("problem").count(), 0);
}

#[test]
fn the_result_list_stays_where_the_wheel_scrolls_it() {
    let mut harness = harness();
    type_in_search(&mut harness, "a");
    let rows: Vec<String> = {
        let graph = &harness.state().state.dataset.graph;
        atlas::graph::search::search(graph, "a", 40)
            .iter()
            .map(|h| h.label(&graph.actor(h.node).name))
            .collect()
    };
    assert!(rows.len() >= 20, "enough results to scroll: {}", rows.len());
    let top =
        |h: &Harness<'static, AtlasApp>| h.get_by_role_and_label(Role::Button, &rows[0]).rect();
    let first = top(&harness);
    harness
        .get_by_role_and_label(Role::Button, &rows[0])
        .hover();
    harness.run_steps(2);
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, -200.0),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(30);
    let scrolled = top(&harness).top();
    assert!(
        scrolled < first.top() - 100.0,
        "the wheel scrolls: {first:?} → {scrolled}"
    );
    // Nothing pulls the list back to the highlighted first row.
    harness.run_steps(30);
    assert_eq!(
        top(&harness).top(),
        scrolled,
        "the list stays where it was scrolled"
    );
}

#[test]
fn the_result_list_shows_at_least_ten_rows_before_it_scrolls() {
    let mut harness = harness();
    type_in_search(&mut harness, "a");
    let rows: Vec<(String, String)> = {
        let graph = &harness.state().state.dataset.graph;
        atlas::graph::search::search(graph, "a", 40)
            .iter()
            .map(|h| {
                let actor = graph.actor(h.node);
                (h.label(&actor.name), actor.id.clone())
            })
            .collect()
    };
    // The rows in display order (grouped by kind), top to bottom.
    let mut shown: Vec<(f32, &str, &str)> = rows
        .iter()
        .map(|(label, id)| {
            let rect = harness.get_by_role_and_label(Role::Button, label).rect();
            (rect.top(), label.as_str(), id.as_str())
        })
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Only a row that is really on screen (not clipped by the list) takes the click.
    let (_, label, id) = shown[9];
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_steps(3);
    assert_eq!(
        selected(&harness),
        actor(id),
        "the tenth row ({label}) is clickable"
    );
}
