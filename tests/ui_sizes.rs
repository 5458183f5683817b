//! Every size works: at 800×600 the side panels give way so the canvas keeps at least half
//! the width, and nothing floating (legend, view controls, map controls) lies over a side
//! panel; in presentation at 1024×768 and 1280×720 the toolbar's last control and the
//! "as of" texts lie inside the window.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::ui::app::AtlasApp;
use atlas::ui::command::Command;
use atlas::ui::state::Canvas;
use common::{FixedDialogs, build_sized};
use eframe::egui::{self, Order, Rect, accesskit::Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn sized(width: f32, height: f32) -> Harness<'static, AtlasApp> {
    let builder = Harness::builder().with_size(vec2(width, height));
    let mut harness = build_sized(builder, FixedDialogs::default());
    harness.run_steps(4);
    harness
}

/// Two rects share more than an edge.
fn overlap(a: Rect, b: Rect) -> bool {
    let i = a.intersect(b);
    i.width() > 0.5 && i.height() > 0.5
}

/// The rects of the areas floating over the window this frame (not panels, not tooltips).
fn floating_rects(harness: &Harness<'static, AtlasApp>) -> Vec<(String, Rect)> {
    harness.ctx.memory(|m| {
        m.areas()
            .visible_layer_ids()
            .into_iter()
            .filter(|layer| matches!(layer.order, Order::Middle | Order::Foreground))
            .filter_map(|layer| Some((format!("{layer:?}"), m.area_rect(layer.id)?)))
            .collect()
    })
}

fn check_800_by_600(canvas: Canvas) {
    let mut harness = sized(800.0, 600.0);
    harness.state_mut().send(Command::SetCanvas(canvas));
    harness.run_steps(4);
    let shown = harness.state().shown_rects().clone();
    let canvas_rect = shown.canvas.expect("the canvas was drawn");
    assert!(
        canvas_rect.width() >= 400.0,
        "{canvas:?}: the canvas is {} wide",
        canvas_rect.width()
    );
    assert!(!shown.side.is_empty(), "the side panels still show");
    let floating = floating_rects(&harness);
    assert!(!floating.is_empty(), "{canvas:?}: something floats");
    for (name, area) in &floating {
        for side in &shown.side {
            assert!(
                !overlap(*area, *side),
                "{canvas:?}: {name} at {area:?} overlaps a side panel at {side:?}"
            );
        }
        assert!(
            canvas_rect.contains_rect(*area),
            "{canvas:?}: {name} at {area:?} is not inside the canvas {canvas_rect:?}"
        );
    }
}

#[test]
fn at_800_by_600_the_network_keeps_half_the_width_and_nothing_floats_over_a_panel() {
    check_800_by_600(Canvas::Network);
}

#[test]
fn at_800_by_600_the_map_keeps_half_the_width_and_nothing_floats_over_a_panel() {
    check_800_by_600(Canvas::Map);
}

#[test]
fn the_canvas_keeps_half_the_width_at_common_sizes() {
    for (width, height) in [(1024.0, 768.0), (1280.0, 720.0), (1366.0, 768.0)] {
        for presenting in [false, true] {
            let mut harness = sized(width, height);
            harness
                .state_mut()
                .send(Command::SetPresentation(presenting));
            harness.run_steps(3);
            let canvas = harness.state().shown_rects().canvas.unwrap();
            assert!(
                canvas.width() >= width / 2.0,
                "{width}×{height} presenting {presenting}: the canvas is {} wide",
                canvas.width()
            );
        }
    }
}

#[test]
fn at_800_by_600_the_regions_are_a_tab_beside_the_details() {
    let mut harness = sized(800.0, 600.0);
    harness.get_by_label("Regions").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Indo-Pacific (");
    harness.get_by_label("Details").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Indo-Pacific (").is_none());
}

/// In presentation with a date set: the toolbar's last control, the toolbar's "As of" chip,
/// the timeline's "as of" sentence and its Today button lie inside the window.
fn check_presentation(width: f32, height: f32) {
    check_toolbar_and_date(width, height, true);
}

fn check_toolbar_and_date(width: f32, height: f32, presenting: bool) {
    let mut harness = sized(width, height);
    harness
        .state_mut()
        .send(Command::SetPresentation(presenting));
    harness.state_mut().send(Command::SetAsOf(Some(2013.5)));
    // The toolbar measures its controls in one frame and folds them in the next.
    harness.run_steps(6);
    let window = Rect::from_min_size(egui::Pos2::ZERO, vec2(width, height));
    let last = harness
        .query_by_label("⋯")
        .or_else(|| harness.query_by_label("Leave presentation"))
        .or_else(|| harness.query_by_label("Present"))
        .expect("the toolbar ends with its overflow menu or the presentation button");
    let mut checked = vec![("last toolbar control", last.rect())];
    for text in ["As of 2013", "The graph as of 2013", "Today"] {
        let node = harness.get_by_label_contains(text);
        checked.push((text, node.rect()));
    }
    for (what, rect) in &checked {
        assert!(
            window.contains_rect(*rect),
            "{width}×{height}: {what} at {rect:?} is not inside the window"
        );
    }
    // The right-hand controls lie right of the menus and the search field (a right-to-left
    // row that runs out of room overprints what is left of it rather than leaving the window).
    let toolbar_bottom = harness.get_by_label("Help").rect().bottom();
    let search_field = harness
        .query_all_by_role(Role::TextInput)
        .map(|n| n.rect())
        .find(|r| r.top() < toolbar_bottom)
        .expect("the search field is in the toolbar");
    let mut left_of = vec![("the search field", search_field)];
    for left in ["Search", "Help"] {
        left_of.push((left, harness.get_by_label(left).rect()));
    }
    for (left, left_rect) in left_of {
        for (what, rect) in &checked[..2] {
            assert!(
                !overlap(left_rect, *rect) && rect.left() >= left_rect.right(),
                "{width}×{height}: {what} at {rect:?} overprints {left} at {left_rect:?}"
            );
        }
    }
}

#[test]
fn presentation_at_1024_by_768_keeps_the_toolbar_and_the_date_in_the_window() {
    check_presentation(1024.0, 768.0);
}

#[test]
fn presentation_at_1280_by_720_keeps_the_toolbar_and_the_date_in_the_window() {
    check_presentation(1280.0, 720.0);
}

#[test]
fn at_800_by_600_the_toolbar_and_the_date_stay_in_the_window() {
    check_toolbar_and_date(800.0, 600.0, false);
}
