//! UI tests of the trainer and student tools: stories, path finder, presentation mode,
//! centrality, glossary, ego network and exports — through the real app.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use atlas::ui::app::AtlasApp;
use atlas::ui::view_state::Selection;
use common::{FixedDialogs, build, harness, harness_with, status, step_until};
use eframe::egui::{Key, Modifiers, TextStyle, accesskit::Role};
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};

/// Opens File → Export and picks `item`.
fn export_via_menu(harness: &mut Harness<'static, AtlasApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
}

#[test]
fn stepping_a_story_moves_the_time_cursor_and_the_selection() {
    let mut harness = harness();
    harness.get_by_label("Stories").click();
    harness.run_steps(2);
    harness
        .get_by_label("Before and after the first tech ambassador")
        .click();
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(state.view.story.as_ref().map(|p| p.step), Some(0));
    assert_eq!(
        state.view.selection,
        Some(Selection::Actor("united-states-cyber-coordinator".into()))
    );
    let first_time = state.as_of().expect("the step sets the cursor");
    assert!((2011.0..2012.0).contains(&first_time), "{first_time}");
    harness.get_by_label("A cyber coordinator at the State Department");

    // Presentation clickers send Page Down; arrows work too.
    harness.key_press(Key::PageDown);
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(state.view.story.as_ref().map(|p| p.step), Some(1));
    assert_ne!(
        state.view.selection,
        Some(Selection::Actor("united-states-cyber-coordinator".into()))
    );
    let second_time = state.as_of().expect("set");
    assert!(second_time >= first_time);
    harness.get_by_label("Germany builds a cyber foreign-policy staff");
    harness.key_press(Key::PageUp);
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.view.story.as_ref().map(|p| p.step),
        Some(0)
    );

    // Past the last step come the discussion questions.
    for _ in 0..12 {
        harness.key_press(Key::ArrowRight);
        harness.run_steps(1);
    }
    harness.run_steps(2);
    harness.get_by_label("Questions for discussion");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state.view.story.is_none());
}

fn pick(harness: &mut Harness<'static, AtlasApp>, field: &str, text: &str, choice: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, choice).click();
    harness.run_steps(2);
}

#[test]
fn the_path_finder_lights_up_a_known_chain() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run_steps(2);
    pick(&mut harness, "From", "Denmark", "Denmark");
    pick(
        &mut harness,
        "To",
        "General Data Protection",
        "General Data Protection Regulation",
    );
    harness.get_by_label("Find path").click();
    harness.run_steps(3);
    harness.get_by_label(
        "Denmark —member of→ European Union —enacts→ General Data Protection Regulation",
    );
    let app = harness.state();
    assert_eq!(app.state.view.path.steps.len(), 2, "two relations light up");
    assert_eq!(
        app.network.framed().len(),
        3,
        "the camera frames the three actors"
    );
}

#[test]
fn presentation_mode_doubles_the_type_and_folds_the_side_panels() {
    let mut harness = harness();
    let body =
        |h: &Harness<'static, AtlasApp>| h.ctx.global_style().text_styles[&TextStyle::Body].size;
    let normal = body(&harness);
    harness.get_by_label("Regions");
    harness.key_press(Key::F11);
    harness.run_steps(3);
    assert!(harness.state().state.view.presentation);
    let large = body(&harness);
    assert!(large >= 2.0 * normal, "{normal} → {large}");
    assert!(
        harness.query_by_label("Regions").is_none(),
        "the regions panel folds away"
    );
    harness.get_by_label("Leave presentation").click();
    harness.run_steps(3);
    assert_eq!(body(&harness), normal);
}

#[test]
fn high_contrast_is_a_switch_in_the_view_menu() {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("High contrast").click();
    harness.run_steps(2);
    assert!(harness.state().state.prefs.high_contrast);
}

#[test]
fn the_centrality_table_sorts_by_betweenness_then_by_name_and_selects() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run_steps(3);
    harness.get_by_label("Betweenness ↓");
    // The library's scores are the reference; the test checks the order the table shows.
    let (score, name_of) = {
        let state = &harness.state().state;
        let graph = &state.dataset.graph;
        let rows = atlas::graph::centrality(graph, &state.view.visible);
        let score: std::collections::HashMap<String, f64> = rows
            .iter()
            .map(|r| (graph.actor(r.node).name.clone(), r.betweenness))
            .collect();
        let name_of: std::collections::HashMap<String, String> = rows
            .iter()
            .map(|r| {
                (
                    graph.actor(r.node).name.clone(),
                    graph.actor(r.node).id.clone(),
                )
            })
            .collect();
        (score, name_of)
    };
    let shown = table_names(&harness, &score);
    assert!(
        shown.len() > 20,
        "the table lists the actors: {}",
        shown.len()
    );
    for pair in shown.windows(2) {
        assert!(
            score[&pair[0]] >= score[&pair[1]],
            "{} ({}) is listed above {} ({})",
            pair[0],
            score[&pair[0]],
            pair[1],
            score[&pair[1]]
        );
    }
    harness.get_by_label("Actor").click();
    harness.run_steps(2);
    let by_name = table_names(&harness, &score);
    let folded: Vec<String> = by_name
        .iter()
        .map(|n| atlas::graph::search::fold(n))
        .collect();
    let mut sorted = folded.clone();
    sorted.sort();
    assert_eq!(folded, sorted, "sorted by name, ignoring case and accents");
    let top = by_name[0].clone();
    harness.get_by_role_and_label(Role::Button, &top).click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.view.selection,
        Some(Selection::Actor(name_of[&top].clone()))
    );
}

/// The actor names in the centrality table, top to bottom.
fn table_names(
    harness: &Harness<'static, AtlasApp>,
    score: &std::collections::HashMap<String, f64>,
) -> Vec<String> {
    let mut names = Vec::new();
    for node in harness.query_all_by_role(Role::Button) {
        if let Some(label) = node.accesskit_node().label()
            && score.contains_key(&label)
            && !names.contains(&label)
        {
            names.push(label);
        }
    }
    names
}

#[test]
fn the_glossary_finds_terms_and_summaries_link_to_them() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Find a term")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Find a term")
        .type_text("brussels");
    harness.run_steps(2);
    harness.get_by_label("Brussels effect");
    assert!(
        harness.query_by_label("Splinternet").is_none(),
        "the list is filtered"
    );
    // An actor whose summary uses a glossary term shows a link to it in the details.
    let (actor, term, definition) = {
        let atlas = harness.state().state.dataset.graph.atlas();
        atlas
            .actors
            .iter()
            .find_map(|a| {
                let terms = atlas::ui::windows::glossary::terms_in(&atlas.glossary, &a.summary);
                terms
                    .first()
                    .map(|t| (a.id.clone(), t.term.clone(), t.definition.clone()))
            })
            .expect("some summary uses a glossary term")
    };
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run_steps(2);
    assert!(!harness.state().state.is_open(atlas::ui::windows::GLOSSARY));
    harness
        .state_mut()
        .send(atlas::ui::command::Command::Select(Selection::Actor(actor)));
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Link, &term).click();
    // The entry opens with egui's short expand animation.
    harness.run_steps(12);
    assert!(harness.state().state.is_open(atlas::ui::windows::GLOSSARY));
    harness.get_by_label(&definition);
    assert!(
        harness.state().state.requests.is_empty(),
        "the scroll request is consumed, so the glossary does not keep jumping back"
    );
}

#[test]
fn ego_mode_on_a_selection_offers_a_depth_that_changes_it() {
    let mut harness = harness();
    harness
        .state_mut()
        .send(atlas::ui::command::Command::Select(Selection::Actor(
            "denmark".into(),
        )));
    harness
        .state_mut()
        .send(atlas::ui::command::Command::SetEgoOnly(true));
    harness.run_steps(2);
    harness.get_by_label("Ego network");
    let depth = harness.get_by_role_and_label(Role::Slider, "depth");
    depth.set_value_accesskit(2.0);
    harness.run_steps(2);
    assert_eq!(harness.state().state.prefs.ego_depth, 2);
}

#[test]
fn exporting_graphml_from_the_menu_writes_a_file_that_parses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("atlas.graphml");
    let mut harness = harness_with(FixedDialogs {
        save: Some(out.clone()),
        ..FixedDialogs::default()
    });
    export_via_menu(&mut harness, "Graph as GraphML (Gephi, networkx)…");
    assert!(
        step_until(&mut harness, |app| status(app).starts_with("Exported")),
        "{}",
        status(harness.state())
    );
    let text = std::fs::read_to_string(&out).expect("written");
    let mut reader = quick_xml::Reader::from_str(&text);
    let (mut nodes, mut edges) = (0, 0);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                match e.name().as_ref() {
                    b"node" => nodes += 1,
                    b"edge" => edges += 1,
                    _ => {}
                }
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Err(e) => panic!("not XML: {e}"),
            _ => {}
        }
    }
    let state = &harness.state().state;
    assert_eq!(
        (nodes, edges),
        (
            state.view.visible.node_count(),
            state.view.visible.edge_count()
        )
    );
}

#[test]
fn exporting_csv_tables_from_the_menu_writes_three_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with(FixedDialogs {
        folder: Some(dir.path().to_path_buf()),
        ..FixedDialogs::default()
    });
    export_via_menu(&mut harness, "Actors, relations, events as CSV…");
    assert!(step_until(&mut harness, |app| status(app).starts_with("Exported")));
    for name in ["actors.csv", "relations.csv", "events.csv"] {
        let mut reader = csv::Reader::from_path(dir.path().join(name)).expect("readable CSV");
        assert!(reader.records().count() > 10, "{name} has rows");
    }
}

#[test]
fn the_network_exports_as_png_at_one_and_two_times() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("network.png");
    let mut harness = build(
        Harness::builder().wgpu(),
        FixedDialogs {
            save: Some(out.clone()),
            ..FixedDialogs::default()
        },
    );
    let mut sizes = Vec::new();
    for (modifiers, scale) in [
        (Modifiers::COMMAND, 1u32),
        (Modifiers::COMMAND.plus(Modifiers::SHIFT), 2),
    ] {
        harness.state_mut().state.status = None;
        harness.key_press_modifiers(modifiers, Key::E);
        assert!(
            step_until(&mut harness, |app| status(app).starts_with("Saved")),
            "{}",
            status(harness.state())
        );
        let decoder = png::Decoder::new(std::io::BufReader::new(
            std::fs::File::open(&out).expect("written"),
        ));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).expect("pixels");
        // Not a blank picture: nodes of several colours on the background.
        let colours: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
        assert!(colours.len() > 50, "{} colours", colours.len());
        // ATLAS_KEEP_PNG=DIR keeps the pictures, to look at them.
        if let Some(keep) = std::env::var_os("ATLAS_KEEP_PNG") {
            std::fs::copy(
                &out,
                PathBuf::from(keep).join(format!("network-{scale}x.png")),
            )
            .expect("kept");
        }
        sizes.push((info.width, info.height, scale));
    }
    let (w1, h1, _) = sizes[0];
    let (w2, h2, _) = sizes[1];
    assert_eq!(
        (w2, h2),
        (2 * w1, 2 * h1),
        "2× doubles the pixels: {sizes:?}"
    );
    assert!(w1 > 400 && h1 > 300, "the network area, {w1}×{h1}");
}
