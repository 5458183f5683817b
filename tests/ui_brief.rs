//! File → Briefing for the selection, from the real window: the verb is offered only when
//! there is a selection, and the PDF it writes (through the save dialog) is the selection's.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas::ui::brief::BriefOf;
use atlas::ui::verbs::Verb;
use common::{FixedDialogs, harness_with, search_and_pick, status, step_until};
use egui_kittest::kittest::Queryable;

#[test]
fn briefing_for_the_selection_writes_the_selected_actors_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("japan.pdf");
    let mut harness = harness_with(FixedDialogs {
        save: Some(target.clone()),
        ..FixedDialogs::default()
    });
    let selection = Verb::Brief(BriefOf::Selection);
    assert!(
        !selection.enabled(&harness.state().state),
        "nothing selected yet"
    );
    assert!(
        !Verb::Brief(BriefOf::Story).enabled(&harness.state().state),
        "no story plays"
    );
    search_and_pick(&mut harness, "Japan");
    assert!(selection.enabled(&harness.state().state));
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Briefing for the selection…").click();
    assert!(
        step_until(&mut harness, |app| status(app).contains("briefing")),
        "the briefing job reports back: {}",
        status(harness.state())
    );
    let message = status(harness.state());
    assert!(message.contains("Saved the briefing"), "{message}");
    let bytes = std::fs::read(&target).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    if let Ok(run) = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", &target.to_string_lossy(), "-"])
        .output()
    {
        let text = String::from_utf8_lossy(&run.stdout);
        assert!(text.contains("Japan") && text.contains("日本"), "{text}");
    }
}
