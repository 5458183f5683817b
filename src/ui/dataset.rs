//! The dataset the window shows, and where it came from.

use std::path::PathBuf;
use std::sync::Arc;

use crate::edit::History;
use crate::graph::{AtlasGraph, LoadedGraph};
use crate::model::Diagnostic;

use super::command::LoadFailure;

/// Where a dataset comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetSource {
    /// The atlas built into the binary.
    Embedded,
    File(PathBuf),
}

impl DatasetSource {
    /// The preference that remembers it: a path, or none for the embedded atlas.
    pub fn remembered(&self) -> Option<PathBuf> {
        match self {
            DatasetSource::Embedded => None,
            DatasetSource::File(path) => Some(path.clone()),
        }
    }

    pub fn from_remembered(path: Option<PathBuf>) -> Self {
        path.map_or(DatasetSource::Embedded, DatasetSource::File)
    }
}

/// A loaded, valid dataset as a graph, with what the window says about it.
pub struct Dataset {
    pub graph: Arc<AtlasGraph>,
    pub source: DatasetSource,
    /// Its name for the title and status bars.
    pub origin: String,
    pub warnings: Vec<Diagnostic>,
    /// The last load that failed; the dataset above is the one from before it.
    pub failure: Option<LoadFailure>,
    /// Bumped whenever the graph is replaced, so views can drop their caches.
    pub generation: u64,
    /// Bumped only when another dataset is loaded, not by an edit: views that can carry their
    /// state across an edit (the network's positions) keep it while this stays the same.
    pub lineage: u64,
    /// The edits made since loading, for undo and redo.
    pub history: History,
    /// There are edits not yet saved.
    pub edited: bool,
}

impl Dataset {
    pub fn embedded(loaded: LoadedGraph) -> Self {
        Self {
            graph: Arc::new(loaded.graph),
            source: DatasetSource::Embedded,
            origin: loaded.origin,
            warnings: loaded.warnings,
            failure: None,
            generation: 0,
            lineage: 0,
            history: History::new(),
            edited: false,
        }
    }

    /// Takes a newly loaded dataset in place of this one.
    pub fn replace(&mut self, loaded: LoadedGraph, source: DatasetSource) {
        self.graph = Arc::new(loaded.graph);
        self.source = source;
        self.origin = loaded.origin;
        self.warnings = loaded.warnings;
        self.failure = None;
        self.generation += 1;
        self.lineage += 1;
        self.history.clear();
        self.edited = false;
    }

    /// Notes that the atlas in memory differs from the file (after an edit, undo or redo).
    pub fn mark_edited(&mut self) {
        self.edited = true;
    }

    pub fn is_embedded(&self) -> bool {
        self.source == DatasetSource::Embedded
    }
}
