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
    /// Edits made so far (never reset, so a count names one moment of one dataset).
    edits: u64,
    /// The edit count the file on disk holds (as loaded or last saved).
    saved_edits: u64,
    /// Bumped only when another dataset is loaded, not by an edit: views that can carry their
    /// state across an edit (the network's positions) keep it while this stays the same, and
    /// a save that finishes after another dataset was opened cannot mark that one saved.
    pub lineage: u64,
    /// The edits made since loading, for undo and redo.
    pub history: History,
}

/// One moment of one dataset, to tell whether what a background save wrote is still current.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavePoint {
    pub lineage: u64,
    pub edits: u64,
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
            edits: 0,
            saved_edits: 0,
            lineage: 0,
            history: History::new(),
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
        self.saved_edits = self.edits;
    }

    /// Records that the atlas in memory changed (an edit, an undo, a redo): it is unsaved.
    pub fn mark_edited(&mut self) {
        self.edits += 1;
    }

    /// Records that the atlas in memory is what the file holds (after a save).
    pub fn mark_saved(&mut self) {
        self.saved_edits = self.edits;
    }

    /// Whether the atlas in memory has edits the file does not hold.
    pub fn is_unsaved(&self) -> bool {
        self.edits != self.saved_edits
    }

    /// This moment, to hand to a background save.
    pub fn save_point(&self) -> SavePoint {
        SavePoint {
            lineage: self.lineage,
            edits: self.edits,
        }
    }

    /// A background save of `point` wrote `path`: from now on this is the dataset's file.
    /// Edits made while it was writing stay unsaved. Returns false (and changes nothing) when
    /// another dataset was opened since.
    pub fn saved_as(&mut self, path: PathBuf, point: SavePoint) -> bool {
        if point.lineage != self.lineage {
            return false;
        }
        self.saved_edits = point.edits;
        if point.edits == self.edits {
            // Undo and redo can then tell when they come back to what the file holds.
            self.history.mark_saved();
        }
        self.origin = path.display().to_string();
        self.source = DatasetSource::File(path);
        true
    }

    /// The file name for the title bar: the file's own name, or the built-in atlas's.
    pub fn file_name(&self) -> String {
        match &self.source {
            DatasetSource::Embedded => "atlas.ron (built-in)".to_string(),
            DatasetSource::File(path) => path
                .file_name()
                .map_or_else(|| self.origin.clone(), |n| n.to_string_lossy().into_owned()),
        }
    }

    pub fn is_embedded(&self) -> bool {
        self.source == DatasetSource::Embedded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_graph_str;
    use crate::model::load::{DEFAULT_ATLAS_NAME, DEFAULT_ATLAS_RON};

    fn dataset() -> Dataset {
        Dataset::embedded(load_graph_str(DEFAULT_ATLAS_RON, DEFAULT_ATLAS_NAME).expect("loads"))
    }

    #[test]
    fn an_edit_is_unsaved_until_saved() {
        let mut d = dataset();
        assert!(!d.is_unsaved());
        d.mark_edited();
        assert!(d.is_unsaved());
        d.mark_saved();
        assert!(!d.is_unsaved());
    }

    #[test]
    fn edits_made_while_a_save_runs_stay_unsaved() {
        let mut d = dataset();
        d.mark_edited();
        let point = d.save_point();
        d.mark_edited();
        assert!(d.saved_as(PathBuf::from("/tmp/a.ron"), point));
        assert!(d.is_unsaved());
        assert_eq!(d.source, DatasetSource::File(PathBuf::from("/tmp/a.ron")));
        assert_eq!(d.file_name(), "a.ron");
    }

    #[test]
    fn a_save_that_ends_after_another_dataset_opened_changes_nothing() {
        let mut d = dataset();
        d.mark_edited();
        let point = d.save_point();
        let other = load_graph_str(DEFAULT_ATLAS_RON, "other.ron").expect("loads");
        d.replace(other, DatasetSource::File(PathBuf::from("other.ron")));
        d.mark_edited();
        assert!(!d.saved_as(PathBuf::from("/tmp/a.ron"), point));
        assert!(d.is_unsaved());
        assert_eq!(d.source, DatasetSource::File(PathBuf::from("other.ron")));
    }
}
