//! Keeping the recovery file: while the atlas has unsaved edits, a copy goes to the app's data
//! folder at most every [`INTERVAL`], on a thread of its own; saving or discarding removes it.
//!
//! Writes and removals must not overtake each other (a copy written after a save would be
//! offered at the next launch as if edits had been lost), so writes run in order on one
//! thread, and a removal — done at once, because the app may be about to exit — bumps an
//! epoch under the same lock: a write queued before it is then skipped.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::graph::{AtlasGraph, LoadedGraph};
use crate::io::{RECOVERY_FILE, read_recovery, remove_recovery, write_recovery};
use crate::model::DEFAULT_ATLAS_NAME;

use super::command::Command;
use super::dataset::{Dataset, SavePoint};
use super::unsaved::RecoveryOffer;

/// The longest that edits go without a copy on disk (after the first, written at once).
pub const INTERVAL: Duration = Duration::from_secs(10);

/// Where the recovery file lives: the folder eframe keeps the preferences in.
pub fn default_location() -> Option<PathBuf> {
    eframe::storage_dir("tech-diplomacy-atlas").map(|dir| dir.join(RECOVERY_FILE))
}

enum Task {
    /// Write this atlas (of this file; none: built-in) unless a removal came after `epoch`.
    Write {
        graph: Arc<AtlasGraph>,
        origin: Option<PathBuf>,
        epoch: u64,
    },
    /// Read the file left by an earlier session and offer it.
    Check,
}

/// The recovery file's keeper.
pub struct RecoveryWorker {
    path: PathBuf,
    tasks: Sender<Task>,
    results: Receiver<Command>,
    /// Bumped by each removal; held while writing or removing.
    epoch: Arc<Mutex<u64>>,
    /// The edits the last copy holds (or that were saved or discarded: they need none), and
    /// when the copy was asked for.
    written: Option<SavePoint>,
    last: Option<Instant>,
    /// Whether this session asked for a copy that has not been removed since (a file left by
    /// an earlier session is not this session's to remove unasked).
    has_copy: bool,
}

impl RecoveryWorker {
    /// Starts the worker thread for the file at `path`.
    pub fn start(ctx: &egui::Context, path: PathBuf) -> std::io::Result<Self> {
        let (tasks, inbox) = channel::<Task>();
        let (send_result, results) = channel();
        let epoch = Arc::new(Mutex::new(0));
        let worker_epoch = Arc::clone(&epoch);
        let worker_path = path.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("recovery".into())
            .spawn(move || {
                for task in inbox {
                    let commands = run(&worker_path, &worker_epoch, task);
                    for command in commands {
                        // The window may be gone; then nobody needs to hear.
                        let _ = send_result.send(command);
                    }
                    ctx.request_repaint();
                }
            })?;
        Ok(Self {
            path,
            tasks,
            results,
            epoch,
            written: None,
            last: None,
            has_copy: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file an earlier session left; answers with [`Command::RecoveryChecked`].
    pub fn check(&self) {
        let _ = self.tasks.send(Task::Check);
    }

    /// Commands from the worker since the last frame.
    pub fn finished(&self) -> Vec<Command> {
        self.results.try_iter().collect()
    }

    /// Once a frame: writes a copy of unsaved edits that have none yet, at most every
    /// [`INTERVAL`]; asks for a frame when the next copy falls due.
    ///
    /// When the atlas is back to what its file holds (an undo to the saved state, say), the
    /// copy this session wrote is removed; a message says so if that fails.
    pub fn tick(&mut self, ctx: &egui::Context, dataset: &Dataset) -> Option<String> {
        let point = dataset.save_point();
        if !dataset.is_unsaved() {
            return if self.has_copy {
                self.remove(point)
            } else {
                None
            };
        }
        if self.written == Some(point) {
            return None;
        }
        if let Some(last) = self.last {
            let wait = INTERVAL.saturating_sub(last.elapsed());
            if !wait.is_zero() {
                ctx.request_repaint_after(wait);
                return None;
            }
        }
        let epoch = *self.epoch.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = self.tasks.send(Task::Write {
            graph: Arc::clone(&dataset.graph),
            origin: dataset.source.remembered(),
            epoch,
        });
        self.written = Some(point);
        self.last = Some(Instant::now());
        self.has_copy = true;
        None
    }

    /// Removes the copy now, and any write still queued: the edits up to `point` were saved
    /// or discarded, so they need no copy (later edits get one again). Returns a message when
    /// the file could not be removed.
    pub fn remove(&mut self, point: SavePoint) -> Option<String> {
        let mut epoch = self.epoch.lock().unwrap_or_else(PoisonError::into_inner);
        *epoch += 1;
        self.written = Some(point);
        self.last = None;
        self.has_copy = false;
        remove_recovery(&self.path).err().map(|e| {
            format!(
                "The recovery copy {} could not be removed: {e}",
                self.path.display()
            )
        })
    }
}

fn run(path: &Path, epoch: &Mutex<u64>, task: Task) -> Vec<Command> {
    match task {
        Task::Write {
            graph,
            origin,
            epoch: asked,
        } => {
            let current = epoch.lock().unwrap_or_else(PoisonError::into_inner);
            if *current != asked {
                return Vec::new();
            }
            match write_recovery(path, graph.atlas(), origin.as_deref()) {
                Ok(()) => Vec::new(),
                Err(e) => vec![Command::Status(format!(
                    "The recovery copy of your edits could not be written: {e}"
                ))],
            }
        }
        Task::Check => check(path),
    }
}

fn check(path: &Path) -> Vec<Command> {
    match read_recovery(path) {
        Ok(None) => vec![Command::RecoveryChecked(None)],
        Ok(Some(found)) => {
            let origin = found.origin.as_ref().map_or_else(
                || DEFAULT_ATLAS_NAME.to_string(),
                |p| p.display().to_string(),
            );
            let graph = LoadedGraph {
                graph: AtlasGraph::new(found.loaded.atlas),
                origin,
                warnings: found.loaded.warnings,
            };
            vec![Command::RecoveryChecked(Some(Box::new(RecoveryOffer {
                graph,
                origin: found.origin,
                written: found.written,
            })))]
        }
        Err(e) => {
            // Moved aside, so that new edits do not write over what may be all that is left.
            let aside = path.with_file_name("recovery-unreadable.ron");
            let kept = match std::fs::rename(path, &aside) {
                Ok(()) => aside,
                Err(_) => path.to_path_buf(),
            };
            vec![
                Command::Status(format!(
                    "Unsaved edits were kept but cannot be read back; the copy is in {}: {e}",
                    kept.display()
                )),
                Command::RecoveryChecked(None),
            ]
        }
    }
}
