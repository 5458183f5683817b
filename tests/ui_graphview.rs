//! UI tests of the network's labels, the ego network and the path finder (issue 11 §4, §5,
//! §7): labels around a crowded hub never overlap; ego mode lays out and frames its own set,
//! shows a chip that ends it, and stays out of stories; the path finder says which filter
//! hides a connection, finds it in the whole atlas, and opens clear of the selection.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::graph::ViewFilter;
use atlas::ui::app::AtlasApp;
use atlas::ui::command::Command;
use atlas::ui::view_state::Selection;
use atlas::ui::windows::PATH_FINDER;
use common::{FixedDialogs, build_sized, step_until};
use eframe::egui::{self, Rect, vec2};
use egui_kittest::{Harness, kittest::Queryable};

/// The app at `width`×`height` with the layout come to rest, so positions stay put.
fn settled_at(width: f32, height: f32) -> Harness<'static, AtlasApp> {
    let builder = Harness::builder().with_size(vec2(width, height));
    let mut harness = build_sized(builder, FixedDialogs::default());
    // Names in other scripts draw as boxes on this machine instead of failing the test.
    harness
        .ctx
        .set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    for _ in 0..3000 {
        harness.step();
        if harness.state().network.layout_settled() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(harness.state().network.layout_settled());
    harness
}

fn send(harness: &mut Harness<'static, AtlasApp>, command: Command, steps: usize) {
    harness.state_mut().send(command);
    harness.run_steps(steps);
}

fn select(harness: &mut Harness<'static, AtlasApp>, id: &str) {
    send(harness, Command::Select(Selection::Actor(id.into())), 3);
}

/// Turns ego mode on and waits for its layout to be computed and eased into place.
fn ego_on(harness: &mut Harness<'static, AtlasApp>) {
    send(harness, Command::SetEgoOnly(true), 1);
    assert!(step_until(harness, |app| app.network.ego_settled()));
    harness.run_steps(6);
}

fn node(harness: &Harness<'static, AtlasApp>, id: &str) -> usize {
    let graph = &harness.state().state.dataset.graph;
    graph.node(id).expect("in the default atlas").index()
}

fn labels_are_disjoint_inside_and_clear(harness: &Harness<'static, AtlasApp>, centre: &str) {
    let app = harness.state();
    let labels = app.network.drawn_labels();
    let canvas = app.network.canvas_rect().expect("drawn");
    assert!(labels.len() > 10, "only {} labels", labels.len());
    for (i, (a, ra)) in labels.iter().enumerate() {
        assert!(
            canvas.contains_rect(*ra),
            "label of node {a} leaves the canvas"
        );
        for (b, rb) in &labels[i + 1..] {
            assert!(
                !ra.intersects(*rb) || ra.intersect(*rb).area() == 0.0,
                "labels of nodes {a} and {b} overlap: {ra:?} {rb:?}"
            );
        }
    }
    let centre = node(harness, centre) as u32;
    assert!(
        labels.iter().any(|(n, _)| *n == centre),
        "the selection's label is drawn"
    );
}

#[test]
fn labels_around_a_selected_hub_never_overlap() {
    let mut harness = settled_at(1400.0, 900.0);
    for hub in ["united-states", "eu"] {
        select(&mut harness, hub);
        labels_are_disjoint_inside_and_clear(&harness, hub);
        // Zoomed in on the hub's neighbourhood, where labels crowd most.
        ego_on(&mut harness);
        labels_are_disjoint_inside_and_clear(&harness, hub);
        send(&mut harness, Command::SetEgoOnly(false), 8);
    }
}

#[test]
fn labels_stay_clear_of_the_legend_and_the_view_controls() {
    let mut harness = settled_at(1400.0, 900.0);
    select(&mut harness, "united-states");
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    let floating: Vec<Rect> = ["legend", "network-controls"]
        .iter()
        .map(|name| {
            ctx.memory(|m| m.area_rect(egui::Id::unique(*name)))
                .expect("drawn")
        })
        .collect();
    for (n, label) in harness.state().network.drawn_labels() {
        for area in &floating {
            assert!(
                label.intersect(*area).area() <= 0.0,
                "label of node {n} under {area:?}"
            );
        }
    }
}

/// The bounding box of the ego set on screen, and the canvas.
fn ego_box(harness: &Harness<'static, AtlasApp>) -> (Rect, Rect) {
    let app = harness.state();
    let shown = app.network.shown_nodes(&app.state);
    let points: Vec<egui::Pos2> = shown
        .iter()
        .map(|&n| app.network.screen_position(n).expect("drawn").0)
        .collect();
    let canvas = app.network.canvas_rect().expect("drawn");
    (Rect::from_points(&points), canvas)
}

#[test]
fn fit_in_ego_mode_frames_the_ego_set_not_the_whole_graph() {
    let mut harness = settled_at(1400.0, 900.0);
    select(&mut harness, "japan");
    let everyone = harness.state().state.dataset.graph.node_count();
    ego_on(&mut harness);
    // Pan away, as a user might, then ask for Fit.
    harness.state_mut().network.camera.centre = [500.0, 500.0];
    harness.get_by_label("Fit").click();
    harness.run_steps(8);
    let app = harness.state();
    let shown = app.network.shown_nodes(&app.state);
    assert!(
        shown.len() > 5 && shown.len() < everyone / 2,
        "{}",
        shown.len()
    );
    assert!(shown.contains(&node(&harness, "japan")));
    let (ego, canvas) = ego_box(&harness);
    assert!(canvas.contains_rect(ego), "{ego:?} in {canvas:?}");
    let spans = ego.width() / canvas.width() > 0.5 || ego.height() / canvas.height() > 0.5;
    assert!(spans, "{ego:?} spans too little of {canvas:?}");
}

#[test]
fn ego_mode_spreads_the_neighbourhood_out_and_returns_it_home() {
    let mut harness = settled_at(1400.0, 900.0);
    select(&mut harness, "japan");
    let home = harness.state().network.positions().to_vec();
    let japan = node(&harness, "japan");
    ego_on(&mut harness);
    let shown = harness.state().network.shown_nodes(&harness.state().state);
    let ego = harness.state().network.positions().to_vec();
    assert_eq!(ego[japan], home[japan], "the centre stays put");
    let moved = shown.iter().filter(|&&n| ego[n] != home[n]).count();
    assert!(moved > shown.len() / 2, "{moved} of {} moved", shown.len());
    send(&mut harness, Command::SetEgoOnly(false), 8);
    let back = harness.state().network.positions();
    for &n in &shown {
        let d = (back[n][0] - home[n][0]).hypot(back[n][1] - home[n][1]);
        assert!(d < 1e-3, "node {n} did not return home");
    }
}

#[test]
fn the_ego_chip_names_the_actor_and_turns_ego_off() {
    let mut harness = settled_at(1400.0, 900.0);
    select(&mut harness, "japan");
    assert!(harness.query_by_label_contains("Ego: ").is_none());
    send(&mut harness, Command::SetEgoOnly(true), 3);
    harness.get_by_label("Ego: Japan, depth 1 ✕").click();
    harness.run_steps(3);
    assert!(!harness.state().state.prefs.ego_only);
    assert!(harness.query_by_label_contains("Ego: ").is_none());
}

#[test]
fn a_story_starts_with_ego_off_and_its_end_restores_it() {
    let mut harness = settled_at(1400.0, 900.0);
    select(&mut harness, "japan");
    send(&mut harness, Command::SetEgoOnly(true), 3);
    send(&mut harness, Command::StartStory(0), 3);
    assert!(!harness.state().state.prefs.ego_only);
    send(&mut harness, Command::StoryStep(1), 3);
    assert!(!harness.state().state.prefs.ego_only);
    send(&mut harness, Command::StopStory, 3);
    assert!(harness.state().state.prefs.ego_only);
}

fn indo_pacific() -> ViewFilter {
    ViewFilter {
        regions: ["indo-pacific".to_string()].into(),
        ..ViewFilter::default()
    }
}

#[test]
fn the_path_finder_names_the_region_filter_and_finds_the_path_in_the_whole_atlas() {
    let mut harness = settled_at(1400.0, 900.0);
    send(&mut harness, Command::SetFilter(indo_pacific()), 2);
    send(&mut harness, Command::SetWindowOpen(PATH_FINDER, true), 2);
    let ask = || Command::FindPath {
        from: "japan".into(),
        to: "eu".into(),
    };
    send(&mut harness, ask(), 3);
    harness.get_by_label(
        "Japan and European Union are not connected in the current view: hidden by the region \
         filter Indo-Pacific.",
    );
    harness.get_by_label("Search the whole atlas").click();
    harness.run_steps(3);
    let path = &harness.state().state.view.path;
    assert!(path.whole_atlas && !path.steps.is_empty());
    harness.get_by_label("In the whole atlas, without filters or date:");
    // The filter is still in force: the whole-atlas search does not change the view.
    assert_eq!(harness.state().state.prefs.filter, indo_pacific());
    // Clearing the filter finds the path in the view.
    send(&mut harness, ask(), 3);
    harness.get_by_label("Clear this filter").click();
    harness.run_steps(3);
    let state = &harness.state().state;
    assert!(state.prefs.filter.regions.is_empty());
    assert!(!state.view.path.whole_atlas && !state.view.path.steps.is_empty());
}

fn path_finder_rect(harness: &Harness<'static, AtlasApp>) -> Rect {
    let id = egui::Id::unique(("window", PATH_FINDER));
    harness
        .ctx
        .memory(|m| m.area_rect(id))
        .expect("the window is open")
}

fn opens_clear_of_the_selection(width: f32, height: f32) {
    let mut harness = settled_at(width, height);
    let screen = Rect::from_min_size(egui::Pos2::ZERO, vec2(width, height));
    for id in ["japan", "united-states", "eu", "china", "india"] {
        select(&mut harness, id);
        send(&mut harness, Command::Frame(vec![id.into()]), 6);
        send(&mut harness, Command::SetWindowOpen(PATH_FINDER, true), 3);
        let window = path_finder_rect(&harness);
        let (at, _) = harness
            .state()
            .network
            .screen_position(node(&harness, id))
            .expect("drawn");
        let canvas = harness.state().network.canvas_rect();
        assert!(
            !window.contains(at),
            "{id} at {at:?} is under {window:?} in {canvas:?}"
        );
        assert!(screen.contains_rect(window), "{window:?} leaves {screen:?}");
        send(&mut harness, Command::SetWindowOpen(PATH_FINDER, false), 2);
    }
}

#[test]
fn the_path_finder_opens_clear_of_the_selection_at_1400_by_900() {
    opens_clear_of_the_selection(1400.0, 900.0);
}

#[test]
fn the_path_finder_opens_clear_of_the_selection_at_800_by_600() {
    opens_clear_of_the_selection(800.0, 600.0);
}
