use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;

/// The chooser and what it returned, as the harness state.
struct Probe {
    chooser: FileChooser,
    outcome: Option<ChooserOutcome>,
}

fn harness(chooser: FileChooser) -> Harness<'static, Probe> {
    Harness::new_ui_state(
        |ui, probe: &mut Probe| {
            if let Some(outcome) = probe.chooser.ui(ui) {
                probe.outcome = Some(outcome);
            }
        },
        Probe {
            chooser,
            outcome: None,
        },
    )
}

/// A folder with a sub-folder, two datasets, a text file and a hidden dataset.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub")).expect("sub");
    std::fs::write(dir.path().join("sub/inner.ron"), "").expect("inner");
    for name in ["b.ron", "A.RON", "notes.txt", ".hidden.ron"] {
        std::fs::write(dir.path().join(name), "").expect("file");
    }
    dir
}

fn names(chooser: &FileChooser) -> Vec<&str> {
    chooser.entries.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn lists_folders_first_then_files_with_the_wanted_extension() {
    let dir = folder();
    let chooser = FileChooser::new(ChooserMode::Open, "Open a dataset", dir.path(), &["ron"]);
    assert_eq!(names(&chooser), ["sub", "A.RON", "b.ron"]);
    assert!(chooser.entries[0].is_dir);
    let h = harness(chooser);
    h.get_by_label("sub/");
    h.get_by_label("b.ron");
    assert!(h.query_by_label("notes.txt").is_none());
}

#[test]
fn keys_move_enter_folders_and_go_back_up() {
    let dir = folder();
    let mut h = harness(FileChooser::new(
        ChooserMode::Open,
        "Open a dataset",
        dir.path(),
        &["ron"],
    ));
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().chooser.selected, Some(0));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().chooser.dir, dir.path().join("sub"));
    assert_eq!(names(&h.state().chooser), ["inner.ron"]);
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(h.state().chooser.dir, dir.path());
    // Down twice, then Up: the second entry's neighbour above it.
    for key in [Key::ArrowDown, Key::ArrowDown, Key::ArrowDown, Key::ArrowUp] {
        h.key_press(key);
        h.run();
    }
    assert_eq!(h.state().chooser.selected, Some(1));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().outcome,
        Some(ChooserOutcome::Picked(dir.path().join("A.RON")))
    );
}

#[test]
fn clicking_a_file_then_open_picks_it() {
    let dir = folder();
    let mut h = harness(FileChooser::new(
        ChooserMode::Open,
        "Open a dataset",
        dir.path(),
        &["ron"],
    ));
    h.get_by_label("b.ron").click();
    h.run();
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(
        h.state().outcome,
        Some(ChooserOutcome::Picked(dir.path().join("b.ron")))
    );
}

#[test]
fn open_without_a_selection_says_what_to_do() {
    let dir = folder();
    let mut h = harness(FileChooser::new(
        ChooserMode::Open,
        "Open a dataset",
        dir.path(),
        &["ron"],
    ));
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().outcome, None);
    h.get_by_label("Select a file first");
}

#[test]
fn saving_takes_the_typed_name_and_adds_the_extension() {
    let dir = folder();
    let mut h = harness(FileChooser::new(
        ChooserMode::Save,
        "Export",
        dir.path(),
        &["graphml"],
    ));
    h.get_by_label("File name").click();
    h.run();
    h.get_by_label("File name").type_text("network");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(
        h.state().outcome,
        Some(ChooserOutcome::Picked(dir.path().join("network.graphml")))
    );
}

#[test]
fn a_name_with_a_folder_in_it_is_refused_with_a_message() {
    let dir = folder();
    let mut chooser = FileChooser::new(ChooserMode::Save, "Export", dir.path(), &["json"]);
    chooser.file_name = "../x.json".into();
    assert_eq!(chooser.confirm(), None);
    assert_eq!(
        chooser.error.as_deref(),
        Some("Type a file name (without a folder)")
    );
}

#[test]
fn a_folder_that_cannot_be_read_says_why_and_up_still_works() {
    let dir = folder();
    let missing = dir.path().join("gone");
    let mut h = harness(FileChooser::new(
        ChooserMode::Open,
        "Open a dataset",
        &missing,
        &["ron"],
    ));
    h.run();
    h.get_by_label(&format!(
        "Cannot read the folder {}: No such file or directory (os error 2)",
        missing.display()
    ));
    h.get_by_label("Up").click();
    h.run();
    assert_eq!(h.state().chooser.dir, dir.path());
    assert_eq!(h.state().chooser.error, None);
}

#[test]
fn choosing_a_folder_picks_the_current_one() {
    let dir = folder();
    let mut h = harness(FileChooser::new(
        ChooserMode::Folder,
        "Tables",
        dir.path(),
        &[],
    ));
    h.get_by_label("Choose this folder").click();
    h.run();
    assert_eq!(
        h.state().outcome,
        Some(ChooserOutcome::Picked(dir.path().to_path_buf()))
    );
}

#[test]
fn cancel_and_escape_cancel() {
    let dir = folder();
    let mut h = harness(FileChooser::new(
        ChooserMode::Open,
        "Open a dataset",
        dir.path(),
        &["ron"],
    ));
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().outcome, Some(ChooserOutcome::Cancelled));
    let mut h = harness(FileChooser::new(
        ChooserMode::Open,
        "Open a dataset",
        dir.path(),
        &["ron"],
    ));
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().outcome, Some(ChooserOutcome::Cancelled));
}
