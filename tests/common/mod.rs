//! What the UI tests share: the real app in a harness, dialogs that answer with fixed paths,
//! and waiting for background work. Not every test file uses every helper.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use atlas::ui::app::{AppOptions, AtlasApp};
use atlas::ui::jobs::FileDialogs;
use eframe::egui::vec2;
use egui_kittest::{Harness, HarnessBuilder};

/// Dialogs that answer with fixed paths instead of asking (a real dialog could block forever).
#[derive(Default, Clone)]
pub struct FixedDialogs {
    pub open: Option<PathBuf>,
    pub save: Option<PathBuf>,
    pub folder: Option<PathBuf>,
}

impl FileDialogs for FixedDialogs {
    fn pick_dataset(&self) -> Option<PathBuf> {
        self.open.clone()
    }
    fn pick_save(&self, _name: &str, _extension: &str) -> Option<PathBuf> {
        self.save.clone()
    }
    fn pick_folder(&self) -> Option<PathBuf> {
        self.folder.clone()
    }
    /// Tests launch no browser: every link fails to open, as on a machine without one.
    fn open_link(&self, _url: &str) -> Result<(), String> {
        Err(NO_BROWSER.into())
    }
}

/// Why links do not open under test.
pub const NO_BROWSER: &str = "no browser in the test harness";

/// The app on the embedded atlas, in a 1400×900 window, with preferences not restored.
pub fn build(
    builder: HarnessBuilder<AtlasApp>,
    dialogs: FixedDialogs,
) -> Harness<'static, AtlasApp> {
    build_sized(builder.with_size(vec2(1400.0, 900.0)), dialogs)
}

/// [`build`] at the size the builder already has.
pub fn build_sized(
    builder: HarnessBuilder<AtlasApp>,
    dialogs: FixedDialogs,
) -> Harness<'static, AtlasApp> {
    let mut harness = builder.build_eframe(move |cc| {
        AtlasApp::new(
            cc,
            AppOptions {
                dataset: None,
                dialogs: Arc::new(dialogs),
                restore: false,
                recovery: None,
            },
        )
    });
    // The layout thread keeps requesting frames, so step rather than run to quiescence.
    harness.run_steps(3);
    harness
}

pub fn harness_with(dialogs: FixedDialogs) -> Harness<'static, AtlasApp> {
    build(Harness::builder(), dialogs)
}

pub fn harness() -> Harness<'static, AtlasApp> {
    harness_with(FixedDialogs::default())
}

/// Steps until `done` holds (background work reports through the frame loop).
pub fn step_until(
    harness: &mut Harness<'static, AtlasApp>,
    done: impl Fn(&AtlasApp) -> bool,
) -> bool {
    for _ in 0..500 {
        harness.step();
        if done(harness.state()) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

/// The status bar's message.
pub fn status(app: &AtlasApp) -> String {
    app.state.status.clone().unwrap_or_default()
}

/// Clicks the search field and types `text`, as a person would.
pub fn type_in_search(harness: &mut Harness<'static, AtlasApp>, text: &str) {
    use eframe::egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text(text);
    harness.run_steps(3);
}

/// Searches for `text` and takes the first result with Enter.
pub fn search_and_pick(harness: &mut Harness<'static, AtlasApp>, text: &str) {
    type_in_search(harness, text);
    harness.key_press(eframe::egui::Key::Enter);
    harness.run_steps(3);
}

/// eframe storage kept in memory, as the app's save and restore see it.
#[derive(Default)]
pub struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}
