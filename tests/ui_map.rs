//! The map view in the real app: clicking a country selects its state everywhere, and the
//! colour chooser and the time cursor change which countries are coloured, checked on the
//! rendered pixels.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::map::Swatch;
use atlas::model::ActorKind;
use atlas::ui::app::{AtlasApp, palette_of};
use atlas::ui::command::Command;
use atlas::ui::state::Canvas;
use atlas::ui::view_state::Selection;
use common::{FixedDialogs, harness};
use eframe::egui::{Color32, Key, Pos2, accesskit::Role};
use egui_kittest::{Harness, kittest::Queryable};

/// Opens the map with envoy posts and government bodies hidden, as a user can from the
/// legend: their markers (a post in Tokyo, another in Berlin) would sit on the very pixels
/// these tests click and read.
fn open_map(harness: &mut Harness<'static, AtlasApp>) {
    harness.key_press(Key::M);
    harness.run_steps(3);
    assert_eq!(harness.state().state.prefs.canvas, Canvas::Map);
    let mut filter = harness.state().state.prefs.filter.clone();
    filter.hidden_kinds.insert(ActorKind::Envoy);
    filter.hidden_kinds.insert(ActorKind::GovernmentBody);
    harness.state_mut().send(Command::SetFilter(filter));
    harness.run_steps(3);
}

/// The timeline has a combo box of its own (play speed): hide or show it, so the map's colour
/// chooser is the only one on screen while a test picks from it.
fn toggle_timeline(harness: &mut Harness<'static, AtlasApp>) {
    harness
        .state_mut()
        .send(Command::TogglePanel(atlas::ui::command::Panel::Timeline));
    harness.run_steps(3);
}

fn country_at(harness: &Harness<'static, AtlasApp>, code: &str) -> Pos2 {
    harness
        .state()
        .map
        .screen_of_country(code)
        .unwrap_or_else(|| panic!("{code} is drawn"))
}

fn click_at(harness: &mut Harness<'static, AtlasApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.drag_at(pos);
    harness.run_steps(1);
    harness.drop_at(pos);
    harness.run_steps(3);
}

/// The colour the map gives a swatch in the app's current palette.
fn expected(harness: &Harness<'static, AtlasApp>, swatch: Swatch) -> Color32 {
    palette_of(&harness.ctx, &harness.state().state).map_fill(swatch)
}

/// The rendered colour at the anchor of each country, with the pointer away.
fn pixels(harness: &mut Harness<'static, AtlasApp>, codes: &[&str]) -> Vec<Color32> {
    harness.remove_cursor();
    harness.run_steps(2);
    let image = harness.render().expect("the harness renders");
    codes
        .iter()
        .map(|code| {
            let p = country_at(harness, code);
            let px = image.get_pixel(p.x as u32, p.y as u32).0;
            Color32::from_rgb(px[0], px[1], px[2])
        })
        .collect()
}

fn close(a: Color32, b: Color32) -> bool {
    let d = |x: u8, y: u8| (i16::from(x) - i16::from(y)).abs();
    // The renderer's blending moves colours by a few steps; the swatches differ by far more.
    d(a.r(), b.r()) <= 8 && d(a.g(), b.g()) <= 8 && d(a.b(), b.b()) <= 8
}

fn choose_colouring(harness: &mut Harness<'static, AtlasApp>, label: &str) {
    toggle_timeline(harness);
    harness.get_by_role(Role::ComboBox).click();
    harness.run_steps(2);
    // The list is long: bring the entry into view as a person would scroll to it.
    harness.get_by_label(label).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(label).click_accesskit();
    harness.run_steps(2);
    // An accessibility click leaves the list open; close it so it covers no country.
    harness.get_by_role(Role::ComboBox).click();
    harness.run_steps(3);
    toggle_timeline(harness);
}

#[test]
fn clicking_japan_on_the_map_selects_japan_everywhere() {
    let mut harness = harness();
    open_map(&mut harness);
    assert!(
        harness.query_by_label("Japan").is_none(),
        "nothing about Japan yet"
    );
    let japan = country_at(&harness, "JP");
    click_at(&mut harness, japan);
    assert_eq!(
        harness.state().state.view.selection,
        Some(Selection::Actor("japan".into()))
    );
    // The details panel shows it, and it stays selected on the network.
    harness.get_by_label("Japan");
    harness.key_press(Key::M);
    harness.run_steps(2);
    assert_eq!(harness.state().state.prefs.canvas, Canvas::Network);
    assert_eq!(
        harness.state().state.view.selection,
        Some(Selection::Actor("japan".into()))
    );
}

#[test]
fn choosing_indo_pacific_colours_its_member_states() {
    let mut harness = harness();
    open_map(&mut harness);
    let before = pixels(&mut harness, &["JP", "AU", "DE"]);
    let unmarked = expected(&harness, Swatch::Unmarked);
    assert!(before.iter().all(|&c| close(c, unmarked)), "{before:?}");
    choose_colouring(&mut harness, "Region: Indo-Pacific");
    let member = expected(&harness, Swatch::Member);
    let after = pixels(&mut harness, &["JP", "AU", "DE"]);
    assert!(close(after[0], member), "Japan {:?}", after[0]);
    assert!(close(after[1], member), "Australia {:?}", after[1]);
    assert!(close(after[2], unmarked), "Germany {:?}", after[2]);
    harness.get_by_label_contains("State in Indo-Pacific (");
}

#[test]
fn the_as_of_date_uncolours_a_grouping_that_formed_later() {
    let mut harness = harness();
    open_map(&mut harness);
    choose_colouring(
        &mut harness,
        "Members of: Indo-Pacific Economic Framework for Prosperity",
    );
    let member = expected(&harness, Swatch::Member);
    let unmarked = expected(&harness, Swatch::Unmarked);
    let today = pixels(&mut harness, &["JP"])[0];
    assert!(
        close(today, member),
        "IPEF today: {today:?}, colouring {:?}",
        harness.state().state.prefs.map_colour
    );
    harness
        .get_by_role_and_label(Role::Slider, "as of")
        .set_value_accesskit(2021.0);
    harness.run_steps(3);
    let in_2021 = pixels(&mut harness, &["JP", "US"]);
    assert!(
        in_2021.iter().all(|&c| close(c, unmarked)),
        "2021: {in_2021:?}"
    );
    harness.key_press(Key::Home);
    harness.run_steps(2);
    assert!(
        close(pixels(&mut harness, &["US"])[0], member),
        "today again"
    );
}

#[test]
fn the_map_exports_as_png_with_its_colours() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.png");
    let mut harness = common::build(
        Harness::builder().wgpu(),
        FixedDialogs {
            save: Some(out.clone()),
            ..FixedDialogs::default()
        },
    );
    open_map(&mut harness);
    choose_colouring(&mut harness, "Region: Indo-Pacific");
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::E);
    assert!(
        common::step_until(&mut harness, |app| common::status(app)
            .starts_with("Saved the map")),
        "{}",
        common::status(harness.state())
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&out).expect("written"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("pixels");
    let member = expected(&harness, Swatch::Member);
    let coloured = pixels[..info.buffer_size()]
        .chunks_exact(4)
        .filter(|p| close(Color32::from_rgb(p[0], p[1], p[2]), member))
        .count();
    // Australia alone covers thousands of pixels at this size.
    assert!(coloured > 2000, "{coloured} pixels in the member colour");
}
