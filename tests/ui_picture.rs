//! The "Export picture…" dialog, driven through the test's wgpu renderer, and the status line
//! of every export when its save dialog is cancelled.

// Test code may panic on what it controls: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::io::ExportFormat;
use atlas::ui::brief::BriefOf;
use atlas::ui::command::{Command, SaveText};
use atlas::ui::export::CANCELLED;
use atlas::ui::picture::{PictureFormat, PictureRequest, SizeChoice};
use atlas::ui::verbs::Verb;
use atlas::ui::view_state::Selection;
use common::{FixedDialogs, build, status, step_until};
use eframe::egui::{Key, Modifiers};
use egui_kittest::{Harness, kittest::Queryable};

/// Text chunks of a PNG file (tEXt and iTXt), and its size.
fn png_info(path: &std::path::Path) -> ((u32, u32), Vec<(String, String)>) {
    let file = std::fs::File::open(path).expect("written");
    let reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let info = reader.info();
    let mut texts: Vec<(String, String)> = info
        .uncompressed_latin1_text
        .iter()
        .map(|t| (t.keyword.clone(), t.text.clone()))
        .collect();
    texts.extend(
        info.utf8_text
            .iter()
            .map(|t| (t.keyword.clone(), t.get_text().expect("UTF-8"))),
    );
    ((info.width, info.height), texts)
}

#[test]
fn the_export_dialog_saves_a_captioned_full_hd_png_whatever_the_window_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("slide.png");
    let mut harness = build(
        Harness::builder().wgpu(),
        FixedDialogs {
            save: Some(out.clone()),
            ..FixedDialogs::default()
        },
    );
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::ALT), Key::E);
    harness.run_steps(3);
    harness.get_by_label("3840 × 2160 (4K slide)").click();
    harness.run_steps(2);
    harness.get_by_label("1920 × 1080 (Full HD slide)").click();
    harness.run_steps(2);
    harness.get_by_label("Save picture…").click();
    let saved = step_until(&mut harness, |app| status(app).starts_with("Saved"));
    assert!(saved, "status: {}", status(harness.state()));
    assert!(
        status(harness.state()).contains("1920×1080 pixels"),
        "{}",
        status(harness.state())
    );
    let (size, texts) = png_info(&out);
    assert_eq!(size, (1920, 1080), "the harness window is 1400×900");
    let title = harness
        .state()
        .state
        .dataset
        .graph
        .atlas()
        .meta
        .title
        .clone();
    assert!(texts.contains(&("Title".to_string(), title)), "{texts:?}");
    assert!(
        !harness.state().state.is_open("export-picture"),
        "the dialog closes"
    );
}

/// Sends `command` and waits for the status line to say the export was cancelled.
fn cancelled_after(harness: &mut Harness<'static, atlas::ui::app::AtlasApp>, command: Command) {
    harness.state_mut().state.status = None;
    let what = format!("{command:?}");
    harness.state_mut().send(command);
    let cancelled = step_until(harness, |app| status(app) == CANCELLED);
    assert!(cancelled, "{what}: status {:?}", status(harness.state()));
}

#[test]
fn every_export_says_so_when_its_save_dialog_is_cancelled() {
    // The dialogs answer "no file": the user pressed Cancel.
    let mut harness = build(Harness::builder().wgpu(), FixedDialogs::default());
    let svg = PictureRequest {
        size: SizeChoice::FullHd,
        scale: 1.0,
        caption: true,
        format: PictureFormat::Svg,
    };
    cancelled_after(&mut harness, Command::ExportPicture(svg));
    cancelled_after(
        &mut harness,
        Command::ExportPicture(PictureRequest::window_png(2.0)),
    );
    for format in ExportFormat::ALL {
        cancelled_after(&mut harness, Command::Export(format));
    }
    for markdown in [true, false] {
        let changes = Box::default();
        cancelled_after(&mut harness, Command::ExportChanges { changes, markdown });
    }
    let table = SaveText {
        what: "the centrality table".into(),
        name: "centrality.csv".into(),
        extension: "csv",
        contents: "a,b\n".into(),
    };
    cancelled_after(&mut harness, Command::SaveText(table));
    let actor = harness.state().state.dataset.graph.atlas().actors[0]
        .id
        .clone();
    harness
        .state_mut()
        .send(Command::Select(Selection::Actor(actor)));
    harness.run_steps(2);
    cancelled_after(&mut harness, Command::Run(Verb::Brief(BriefOf::Selection)));
}
