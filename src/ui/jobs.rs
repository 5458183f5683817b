//! Work that must not freeze the window: file dialogs and dataset loads, each on its own
//! thread, reporting back through a channel polled once per frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use eframe::egui;

use crate::graph::{load_graph_file, load_graph_str};
use crate::model::LoadError;
use crate::model::load::{DEFAULT_ATLAS_NAME, DEFAULT_ATLAS_RON};

use super::command::{Command, LoadFailure};
use super::dataset::DatasetSource;

/// Native dialogs, behind a trait so tests (and CI, where a dialog could block forever) pass
/// paths directly.
pub trait FileDialogs: Send + Sync {
    fn pick_dataset(&self) -> Option<PathBuf>;
    /// Where to save a file, suggesting `name`; `extension` without the dot.
    fn pick_save(&self, name: &str, extension: &str) -> Option<PathBuf>;
    fn pick_folder(&self) -> Option<PathBuf>;
    /// Opens a web link in the system browser, waiting for the launcher (tests answer
    /// without launching anything).
    fn open_link(&self, url: &str) -> Result<(), String> {
        super::links::open_in_browser(url)
    }
}

/// rfd's dialogs through the desktop portal.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_dataset(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open an atlas dataset")
            .add_filter("Atlas dataset (RON)", &["ron"])
            .pick_file()
    }
    fn pick_save(&self, name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_file_name(name)
            .add_filter(extension.to_uppercase(), &[extension])
            .save_file()
    }
    fn pick_folder(&self) -> Option<PathBuf> {
        rfd::FileDialog::new().pick_folder()
    }
}

/// Background work in flight.
pub struct Jobs {
    sender: Sender<Command>,
    receiver: Receiver<Command>,
    pub dialogs: Arc<dyn FileDialogs>,
    /// Loads started and not yet reported.
    pub loading: usize,
}

fn failure(error: &LoadError, origin: &str) -> LoadFailure {
    LoadFailure::new(error, origin)
}

impl Jobs {
    pub fn new(dialogs: Arc<dyn FileDialogs>) -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            dialogs,
            loading: 0,
        }
    }

    fn spawn(
        &self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> Option<Command> + Send + 'static,
    ) {
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let started = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                if let Some(command) = work() {
                    // The window may be gone; then nobody needs the result.
                    let _ = sender.send(command);
                }
                ctx.request_repaint();
            });
        if let Err(e) = started {
            let _ = self.sender.send(Command::Status(format!(
                "Could not start a background task ({name}): {e}"
            )));
        }
    }

    /// Loads a dataset off the UI thread.
    pub fn load(&mut self, ctx: &egui::Context, source: DatasetSource) {
        self.loading += 1;
        self.spawn(ctx, "load", move || {
            let result = match &source {
                DatasetSource::Embedded => load_graph_str(DEFAULT_ATLAS_RON, DEFAULT_ATLAS_NAME)
                    .map_err(|e| failure(&e, "embedded atlas")),
                DatasetSource::File(path) => {
                    load_graph_file(path).map_err(|e| failure(&e, &path.display().to_string()))
                }
            };
            Some(Command::Loaded {
                result: result.map(Box::new),
                source,
            })
        });
    }

    /// Asks for a dataset to open, then opens it.
    pub fn open_dialog(&self, ctx: &egui::Context) {
        let dialogs = Arc::clone(&self.dialogs);
        self.spawn(ctx, "open-dialog", move || {
            dialogs
                .pick_dataset()
                .map(|path| Command::Open(DatasetSource::File(path)))
        });
    }

    /// Runs `work` off the UI thread and reports its outcome as a status message.
    pub fn background(
        &self,
        ctx: &egui::Context,
        work: impl FnOnce(&dyn FileDialogs) -> Option<String> + Send + 'static,
    ) {
        let dialogs = Arc::clone(&self.dialogs);
        self.spawn(ctx, "export", move || {
            // A bug in an exporter must not leave "Saving…" in the status bar for ever.
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(dialogs.as_ref())));
            match outcome {
                Ok(message) => message.map(Command::Status),
                Err(_) => Some(Command::Status(
                    "The export stopped on an internal error; nothing may have been saved".into(),
                )),
            }
        });
    }

    /// Runs `work` off the UI thread with the dialogs at hand; the command it returns is
    /// applied when it is done.
    pub fn run(
        &self,
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce(&dyn FileDialogs) -> Option<Command> + Send + 'static,
    ) {
        let dialogs = Arc::clone(&self.dialogs);
        self.spawn(ctx, name, move || work(dialogs.as_ref()));
    }

    /// Opens `url` in the browser off the UI thread; a failure becomes a status message.
    pub fn open_link(&self, ctx: &egui::Context, url: String) {
        let dialogs = Arc::clone(&self.dialogs);
        self.spawn(ctx, "open-link", move || {
            let failed = dialogs.open_link(&url).err()?;
            Some(Command::Status(super::links::failed_message(&url, &failed)))
        });
    }

    /// Commands finished since the last frame.
    pub fn finished(&mut self) -> Vec<Command> {
        let done: Vec<Command> = self.receiver.try_iter().collect();
        self.loading = self.loading.saturating_sub(
            done.iter()
                .filter(|c| matches!(c, Command::Loaded { .. }))
                .count(),
        );
        done
    }
}

/// True for a path the app can open (dropped files).
pub fn is_dataset(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}
