//! File dialogs that always work: the desktop's dialog (rfd, through the xdg portal) when
//! there is one, else the in-app [`FileChooser`].
//!
//! **Telling "cancelled" from "no portal".** rfd answers `None` both when the person cancels
//! and when no dialog could be shown at all; without a portal it answers at once (5–25 ms with
//! no session bus, ~2 ms with a bus but no portal service; PLATFORM.md §4). A person cannot
//! open, read and cancel a dialog that fast, so an empty answer within [`NO_DIALOG_WITHIN`]
//! means no dialog was shown, and the in-app chooser asks instead. A slower empty answer is
//! a real cancel and is respected.
//!
//! **How the two threads meet.** Dialogs run on a background thread (see `jobs.rs`); the
//! chooser must be drawn by the UI thread. The background thread posts a request and waits
//! for the answer; [`show`], called once per frame, draws the chooser for the oldest request
//! and sends the answer back. There is one window per process, so the requests wait in one
//! process-wide queue.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Sender, channel};
use std::time::{Duration, Instant};

use eframe::egui;

use super::file_chooser::{ChooserMode, ChooserOutcome, FileChooser};
use super::jobs::{FileDialogs, NativeDialogs};

/// An empty answer faster than this means no dialog was shown (see the module docs).
pub const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// One question for the in-app chooser, and where its answer goes.
struct Request {
    chooser: FileChooser,
    reply: Sender<Option<PathBuf>>,
}

/// Requests not yet shown, the one being shown, and the window's context (to wake it).
struct Bridge {
    waiting: VecDeque<Request>,
    active: Option<Request>,
    ctx: Option<egui::Context>,
}

static BRIDGE: Mutex<Bridge> = Mutex::new(Bridge {
    waiting: VecDeque::new(),
    active: None,
    ctx: None,
});

/// Asks the in-app chooser and waits for the answer (on a background thread).
fn ask_in_app(chooser: FileChooser) -> Option<PathBuf> {
    let (reply, answer) = channel();
    {
        let mut bridge = BRIDGE.lock().ok()?;
        bridge.waiting.push_back(Request { chooser, reply });
        if let Some(ctx) = &bridge.ctx {
            ctx.request_repaint();
        }
    }
    // The window closing drops the sender: that is a cancel too.
    answer.recv().ok().flatten()
}

/// Where the chooser starts: the home folder, else the current one.
fn start_dir() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// The desktop's dialogs with the in-app chooser behind them.
pub struct FallbackDialogs<N: FileDialogs = NativeDialogs> {
    pub native: N,
    /// Where the in-app chooser starts; the home folder when not set.
    pub start: Option<PathBuf>,
}

impl Default for FallbackDialogs {
    fn default() -> Self {
        Self {
            native: NativeDialogs,
            start: None,
        }
    }
}

impl<N: FileDialogs> FallbackDialogs<N> {
    fn dir(&self) -> PathBuf {
        self.start.clone().unwrap_or_else(start_dir)
    }

    /// The native answer, or the in-app chooser's when the native one came too fast to be a
    /// person's.
    fn either(
        &self,
        native: impl FnOnce(&N) -> Option<PathBuf>,
        chooser: impl FnOnce() -> FileChooser,
    ) -> Option<PathBuf> {
        let started = Instant::now();
        let answer = native(&self.native);
        if answer.is_some() || started.elapsed() >= NO_DIALOG_WITHIN {
            return answer;
        }
        ask_in_app(chooser())
    }
}

impl<N: FileDialogs> FileDialogs for FallbackDialogs<N> {
    fn pick_dataset(&self) -> Option<PathBuf> {
        self.either(N::pick_dataset, || {
            FileChooser::new(
                ChooserMode::Open,
                "Open an atlas dataset",
                &self.dir(),
                &["ron"],
            )
        })
    }

    fn pick_save(&self, name: &str, extension: &str) -> Option<PathBuf> {
        self.either(
            |n| n.pick_save(name, extension),
            || {
                let title = format!("Save as {}", extension.to_uppercase());
                let mut c = FileChooser::new(ChooserMode::Save, &title, &self.dir(), &[extension]);
                c.file_name = name.to_string();
                c
            },
        )
    }

    fn pick_folder(&self) -> Option<PathBuf> {
        self.either(N::pick_folder, || {
            FileChooser::new(ChooserMode::Folder, "Choose a folder", &self.dir(), &[])
        })
    }
}

/// Draws the in-app chooser when a dialog is waiting for it; call once per frame.
pub fn show(ctx: &egui::Context) {
    let Ok(mut bridge) = BRIDGE.lock() else {
        return;
    };
    if bridge.ctx.is_none() {
        bridge.ctx = Some(ctx.clone());
    }
    if bridge.active.is_none() {
        bridge.active = bridge.waiting.pop_front();
        if bridge.active.is_some() {
            // A new window sizes itself on its first frame and shows on the next.
            ctx.request_repaint();
        }
    }
    let Some(request) = bridge.active.as_mut() else {
        return;
    };
    let mut outcome = None;
    let mut open = true;
    egui::Window::new("File")
        .title_bar(false)
        .collapsible(false)
        .open(&mut open)
        .default_size([520.0, 460.0])
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| outcome = request.chooser.ui(ui));
    if !open {
        outcome = Some(ChooserOutcome::Cancelled);
    }
    if let Some(outcome) = outcome
        && let Some(request) = bridge.active.take()
    {
        let path = match outcome {
            ChooserOutcome::Picked(path) => Some(path),
            ChooserOutcome::Cancelled => None,
        };
        // The asking thread may be gone; then nobody needs the answer.
        let _ = request.reply.send(path);
        ctx.request_repaint();
    }
}

#[cfg(test)]
#[path = "dialog_fallback_tests.rs"]
mod tests;
