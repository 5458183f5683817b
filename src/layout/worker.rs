//! Runs a [`ForceLayout`] on a background thread so a UI never waits for it.

use crate::layout::force::ForceLayout;
use crate::layout::params::LayoutParams;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Minimum time between snapshots while iterating: about one 60 Hz frame, so
/// copying positions stays negligible even for graphs that step in microseconds.
const PUBLISH_INTERVAL: Duration = Duration::from_millis(15);

/// Positions published by a [`LayoutWorker`].
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Position of every node, indexed by node.
    pub positions: Vec<[f32; 2]>,
    /// Iterations done when the snapshot was taken.
    pub iteration: u32,
    /// Largest node step of the last iteration.
    pub max_displacement: f32,
    /// The layout met its convergence criterion.
    pub converged: bool,
    /// The worker has stopped iterating (converged, budget spent, or stopped)
    /// and will publish again only after a command.
    pub finished: bool,
}

enum Command {
    Pin(usize, [f32; 2]),
    Unpin(usize),
    Reheat,
    Stop,
}

/// Handle to a layout thread. Commands are queued without blocking; dropping
/// the handle stops and joins the thread.
#[derive(Debug)]
pub struct LayoutWorker {
    commands: Sender<Command>,
    latest: Arc<Mutex<Option<Snapshot>>>,
    thread: Option<JoinHandle<()>>,
}

impl LayoutWorker {
    /// Starts laying out the graph on a new thread, from `initial_positions`
    /// if given (warm start) or from seeded positions. Returns an error only
    /// if the OS refuses to create the thread.
    pub fn spawn(
        node_count: usize,
        edges: Vec<(u32, u32)>,
        params: LayoutParams,
        initial_positions: Option<Vec<[f32; 2]>>,
    ) -> std::io::Result<Self> {
        let (commands, rx) = mpsc::channel();
        let latest = Arc::new(Mutex::new(None));
        let slot = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("layout".into())
            .spawn(move || {
                let layout = match initial_positions {
                    Some(p) => ForceLayout::with_positions(node_count, &edges, params, &p),
                    None => ForceLayout::new(node_count, &edges, params),
                };
                drop(edges);
                run(layout, &rx, &slot);
            })?;
        Ok(Self {
            commands,
            latest,
            thread: Some(thread),
        })
    }

    /// The newest snapshot not yet returned, or `None` if nothing new was
    /// published since the last call. Never waits beyond a mutex swap.
    pub fn latest(&self) -> Option<Snapshot> {
        self.latest.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Fixes `node` at `pos` (e.g. while the user drags it).
    pub fn pin(&self, node: usize, pos: [f32; 2]) {
        self.send(Command::Pin(node, pos));
    }

    /// Releases a pinned node.
    pub fn unpin(&self, node: usize) {
        self.send(Command::Unpin(node));
    }

    /// Resumes iterating at the reheat temperature.
    pub fn reheat(&self) {
        self.send(Command::Reheat);
    }

    fn send(&self, c: Command) {
        // A send fails only if the thread has exited; there is nothing left
        // to command then, so the error carries no information.
        let _ = self.commands.send(c);
    }
}

impl Drop for LayoutWorker {
    fn drop(&mut self) {
        self.send(Command::Stop);
        if let Some(t) = self.thread.take() {
            // A panicked layout thread has nothing to clean up; ignore it.
            let _ = t.join();
        }
    }
}

/// Thread body: apply commands, step, publish; sleep in `recv` when finished.
fn run(mut layout: ForceLayout, rx: &Receiver<Command>, slot: &Mutex<Option<Snapshot>>) {
    let mut last = (0.0f32, Instant::now());
    publish(&layout, last.0, slot);
    let mut dirty = false;
    loop {
        loop {
            let idle = layout.is_finished() && !dirty;
            let cmd = if idle {
                rx.recv().unwrap_or(Command::Stop)
            } else {
                match rx.try_recv() {
                    Ok(c) => c,
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => Command::Stop,
                }
            };
            match cmd {
                Command::Pin(node, pos) => layout.pin(node, pos),
                Command::Unpin(node) => layout.unpin(node),
                Command::Reheat => layout.reheat(),
                Command::Stop => {
                    publish(&layout, last.0, slot);
                    return;
                }
            }
            dirty = true;
        }
        if !layout.is_finished() {
            last.0 = layout.step().max_displacement;
        }
        if dirty || layout.is_finished() || last.1.elapsed() >= PUBLISH_INTERVAL {
            publish(&layout, last.0, slot);
            last.1 = Instant::now();
            dirty = false;
        }
    }
}

fn publish(layout: &ForceLayout, max_displacement: f32, slot: &Mutex<Option<Snapshot>>) {
    // Copy outside the lock so the UI side only ever waits for a swap.
    let snap = Snapshot {
        positions: layout.positions().to_vec(),
        iteration: layout.iteration(),
        max_displacement,
        converged: layout.is_converged(),
        finished: layout.is_finished(),
    };
    let mut guard = slot.lock().unwrap_or_else(|e| e.into_inner());
    let unread = guard.replace(snap);
    drop(guard);
    // Freeing a large unread snapshot can mean a syscall; do it unlocked.
    drop(unread);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::preferential_attachment;

    /// Polls until a finished snapshot arrives or `limit` passes.
    fn wait_finished(w: &LayoutWorker, limit: Duration) -> Option<Snapshot> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(s) = w.latest().filter(|s| s.finished) {
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        None
    }

    #[test]
    fn converges_and_publishes() {
        let edges = preferential_attachment(60, 90, 4);
        let w = LayoutWorker::spawn(60, edges, LayoutParams::default(), None);
        let w = w.expect("spawn");
        let s = wait_finished(&w, Duration::from_secs(10)).expect("no finished snapshot");
        assert!(s.converged, "stopped at the iteration cap: {}", s.iteration);
        assert_eq!(s.positions.len(), 60);
        assert!(s.positions.iter().flatten().all(|v| v.is_finite()));
        assert!(w.latest().is_none(), "snapshot should be taken once");
    }

    #[test]
    fn pin_while_idle_moves_node_and_reheat_recovers() {
        let edges = preferential_attachment(40, 60, 5);
        let w = LayoutWorker::spawn(40, edges, LayoutParams::default(), None).expect("spawn");
        wait_finished(&w, Duration::from_secs(10)).expect("first layout");
        w.pin(3, [50.0, -20.0]);
        w.reheat();
        let s = wait_finished(&w, Duration::from_secs(10)).expect("after reheat");
        assert_eq!(s.positions[3], [50.0, -20.0]);
    }

    #[test]
    fn drop_stops_a_busy_worker_quickly() {
        let edges = preferential_attachment(3000, 6000, 6);
        let params = LayoutParams {
            convergence: 1e-9,
            ..LayoutParams::default()
        };
        let w = LayoutWorker::spawn(3000, edges, params, None).expect("spawn");
        std::thread::sleep(Duration::from_millis(20));
        let start = Instant::now();
        drop(w);
        assert!(start.elapsed() < Duration::from_secs(2));
    }
}
