//! UI tests of the last pieces of "time you can trust": a range dragged on the timeline sets
//! "What changed", exports offer the whole atlas beside the view as shown, and the date
//! survives a relaunch where the "as of" chip shows it.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use atlas::graph::Day;
use atlas::model::PartialDate;
use atlas::ui::app::{AppOptions, AtlasApp};
use atlas::ui::windows::{self, WhatChangedWindow};
use common::{FixedDialogs, MemoryStorage, harness, harness_with, status, step_until};
use eframe::egui::{Event, Modifiers, PointerButton, Pos2, accesskit::Role, vec2};
use egui_kittest::{Harness, kittest::Queryable};

fn mid_2019() -> f64 {
    Day::cursor("2019-06-30".parse().expect("date")).as_year_fraction()
}

fn set_as_of(harness: &mut Harness<'static, AtlasApp>, t: f64) {
    harness
        .get_by_role_and_label(Role::Slider, "as of")
        .set_value_accesskit(t);
    harness.run_steps(3);
}

fn press(harness: &mut Harness<'static, AtlasApp>, pos: Pos2, pressed: bool) {
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::SHIFT,
    });
    harness.step();
}

fn move_to(harness: &mut Harness<'static, AtlasApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    harness.step();
}

#[test]
fn shift_dragging_a_range_on_the_timeline_sets_what_changed_dates() {
    let mut harness = harness();
    let at = |h: &Harness<'static, AtlasApp>, year: f64| {
        h.state()
            .timeline
            .screen_of_year(year)
            .expect("the timeline has been drawn")
    };
    let (from, to) = (at(&harness, 2015.0), at(&harness, 2020.0));
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    move_to(&mut harness, from);
    press(&mut harness, from, true);
    move_to(&mut harness, from + vec2(20.0, 0.0));
    move_to(&mut harness, to);
    press(&mut harness, to, false);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.event(Event::PointerGone);
    harness.run_steps(3);
    assert!(harness.state().state.is_open(windows::WHAT_CHANGED));
    let (a, b) = {
        let window = windows::find::<WhatChangedWindow>(
            &mut harness.state_mut().windows,
            windows::WHAT_CHANGED,
        )
        .expect("the window exists");
        let year = |s: &str| s.parse::<PartialDate>().expect("a date").as_year_fraction();
        (year(window.dates().0), year(window.dates().1))
    };
    // Within a pixel's worth of years of where the drag began and ended.
    assert!((a - 2015.0).abs() < 0.1, "A = {a}");
    assert!((b - 2020.0).abs() < 0.1, "B = {b}");
    // The date cursor did not move, and the network marks the changes of that span.
    assert_eq!(harness.state().state.as_of(), None);
    assert!(harness.state().state.view.changes.is_some());
}

fn export_via_menu(harness: &mut Harness<'static, AtlasApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
}

fn graphml_nodes(text: &str) -> usize {
    text.matches("<node ").count()
}

#[test]
fn the_export_menu_offers_the_whole_atlas_beside_the_view_as_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("atlas.graphml");
    let mut harness = harness_with(FixedDialogs {
        save: Some(out.clone()),
        ..FixedDialogs::default()
    });
    set_as_of(&mut harness, mid_2019());
    let actors = harness.state().state.dataset.graph.node_count();
    let shown = harness.state().state.view.visible.node_count();
    assert!(shown < actors, "as of 2019 hides later actors");

    export_via_menu(&mut harness, "Graph as GraphML, the whole atlas…");
    assert!(step_until(&mut harness, |app| status(app).starts_with("Exported")));
    assert!(status(harness.state()).ends_with("(the whole atlas)"));
    let whole = std::fs::read_to_string(&out).expect("written");
    assert!(whole.contains("the whole atlas"));
    assert_eq!(graphml_nodes(&whole), actors);

    harness.state_mut().state.status = None;
    export_via_menu(&mut harness, "Graph as GraphML (Gephi, networkx)…");
    assert!(step_until(&mut harness, |app| status(app).starts_with("Exported")));
    assert!(status(harness.state()).contains("as of 2019-06-30"));
    let as_shown = std::fs::read_to_string(&out).expect("written");
    assert!(as_shown.contains("as of 2019-06-30"));
    assert_eq!(graphml_nodes(&as_shown), shown);
}

#[test]
fn a_relaunch_restores_the_date_and_the_as_of_chip_shows_it() {
    let mut first = harness();
    set_as_of(&mut first, mid_2019());
    let mut storage = MemoryStorage::default();
    eframe::App::save(first.state_mut(), &mut storage);
    drop(first);
    // The storage must outlive the harness that reads it at start-up.
    let storage: &'static MemoryStorage = Box::leak(Box::new(storage));
    let mut second = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            cc.storage = Some(storage);
            AtlasApp::new(
                cc,
                AppOptions {
                    dataset: None,
                    dialogs: Arc::new(FixedDialogs::default()),
                    restore: true,
                    recovery: None,
                },
            )
        });
    second.run_steps(3);
    let restored = second.state().state.as_of().expect("the date was restored");
    assert!((restored - mid_2019()).abs() < 1e-9, "{restored}");
    second.get_by_label("As of 2019-06-30 ✕");
}
