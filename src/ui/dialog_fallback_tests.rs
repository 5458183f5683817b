use std::thread;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;

/// A native dialog that answers `answer` after `delay`.
struct Native {
    answer: Option<PathBuf>,
    delay: Duration,
}

impl FileDialogs for Native {
    fn pick_dataset(&self) -> Option<PathBuf> {
        thread::sleep(self.delay);
        self.answer.clone()
    }
    fn pick_save(&self, _name: &str, _extension: &str) -> Option<PathBuf> {
        self.pick_dataset()
    }
    fn pick_folder(&self) -> Option<PathBuf> {
        self.pick_dataset()
    }
}

fn dialogs(answer: Option<PathBuf>, delay: Duration, start: &Path) -> FallbackDialogs<Native> {
    FallbackDialogs {
        native: Native { answer, delay },
        start: Some(start.to_path_buf()),
    }
}

use std::path::Path;

fn waiting() -> usize {
    let bridge = BRIDGE.lock().expect("bridge");
    bridge.waiting.len() + usize::from(bridge.active.is_some())
}

/// One test, since the requests share one process-wide queue.
#[test]
fn only_an_instant_empty_answer_opens_the_in_app_chooser_and_its_pick_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("mine.ron"), "").expect("file");

    // A native answer is taken as it is.
    let picked = dir.path().join("native.ron");
    let d = dialogs(Some(picked.clone()), Duration::ZERO, dir.path());
    assert_eq!(d.pick_dataset(), Some(picked));

    // A slow empty answer is a person cancelling: respected, nothing asked in the app.
    let d = dialogs(
        None,
        NO_DIALOG_WITHIN + Duration::from_millis(50),
        dir.path(),
    );
    assert_eq!(d.pick_dataset(), None);
    assert_eq!(waiting(), 0);

    // An instant empty answer means no portal: the in-app chooser asks, in the window.
    let d = dialogs(None, Duration::ZERO, dir.path());
    let asking = thread::spawn(move || d.pick_dataset());
    let mut harness = Harness::new_ui(|ui| show(ui.ctx()));
    let start = Instant::now();
    while harness.query_by_label("mine.ron").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no chooser appeared"
        );
        thread::sleep(Duration::from_millis(10));
        harness.run();
    }
    harness.get_by_label("Open an atlas dataset");
    harness.get_by_label("mine.ron").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    let answer = asking.join().expect("the asking thread");
    assert_eq!(answer, Some(dir.path().join("mine.ron")));
    assert_eq!(waiting(), 0);
}
