//! What every panel sees: the loaded atlas, the selection, filters, the time cursor and the
//! trainer modes. Panels read it; only [`super::command::Command`]s change it.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::graph::{AtlasGraph, PathStep, ViewFilter, Visible};
use crate::model::{Diagnostic, Loaded};

use super::theme::ThemeChoice;

/// What is selected, by id so that a reload keeps it when the record still exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Selection {
    Actor(String),
    /// Index into `atlas.relations`.
    Relation(usize),
    Event(String),
}

/// A dataset that could not be opened, shown in the problems panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    pub origin: String,
    pub messages: Vec<String>,
}

/// A story being played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryProgress {
    pub story: usize,
    /// Step index; `steps.len()` means the closing questions.
    pub step: usize,
}

/// What survives a restart (eframe storage).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The dataset last opened from a file; none for the embedded atlas.
    pub dataset: Option<PathBuf>,
    pub theme: ThemeChoice,
    pub high_contrast: bool,
    pub filter: ViewFilter,
    pub show_regions: bool,
    pub show_details: bool,
    pub show_timeline: bool,
    pub ego_depth: usize,
    /// Show only the selection's ego network.
    pub ego_only: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            dataset: None,
            theme: ThemeChoice::System,
            high_contrast: false,
            filter: ViewFilter::default(),
            show_regions: true,
            show_details: true,
            show_timeline: true,
            ego_depth: 1,
            ego_only: false,
        }
    }
}

/// The shared state of the window.
pub struct AppState {
    pub graph: Arc<AtlasGraph>,
    pub origin: String,
    pub warnings: Vec<Diagnostic>,
    pub failure: Option<LoadFailure>,
    pub prefs: Prefs,
    pub selection: Option<Selection>,
    pub back: Vec<Selection>,
    pub forward: Vec<Selection>,
    /// The region chosen in the region panel (also part of `prefs.filter.regions`).
    pub region: Option<String>,
    /// The path finder's result, lit in the network.
    pub path: Vec<PathStep>,
    pub path_text: Vec<String>,
    pub story: Option<StoryProgress>,
    pub presentation: bool,
    pub playing: bool,
    /// Derived: the filter applied to the graph, recomputed when either changes.
    pub visible: Visible,
    /// Derived: the same without the "as of" cursor; what exists at some time. The network
    /// fades what is here but not in `visible`.
    pub structural: Visible,
    /// Bumped whenever `graph` is replaced, so views can drop their caches.
    pub generation: u64,
    /// Bumped when something asks the network to frame the focus (story step, region).
    pub focus_request: u64,
    /// Actors the network should frame on the next `focus_request`.
    pub focus: Vec<String>,
    /// The latest one-line message for the status bar.
    pub status: Option<String>,
    pub windows: Windows,
    /// The glossary entry to open and scroll to.
    pub glossary_term: Option<String>,
}

/// Which floating windows are open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Windows {
    pub glossary: bool,
    pub path_finder: bool,
    pub centrality: bool,
    pub help: bool,
}

impl AppState {
    pub fn new(loaded: Loaded, prefs: Prefs) -> Self {
        let graph = Arc::new(AtlasGraph::new(loaded.atlas));
        let visible = prefs.filter.apply(&graph);
        let structural = structural_view(&prefs.filter, &graph);
        let region = prefs.filter.regions.iter().next().cloned();
        Self {
            graph,
            origin: loaded.origin,
            warnings: loaded.warnings,
            failure: None,
            prefs,
            selection: None,
            back: Vec::new(),
            forward: Vec::new(),
            region,
            path: Vec::new(),
            path_text: Vec::new(),
            story: None,
            presentation: false,
            playing: false,
            visible,
            structural,
            generation: 0,
            focus_request: 0,
            focus: Vec::new(),
            status: None,
            windows: Windows::default(),
            glossary_term: None,
        }
    }

    pub fn filter(&self) -> &ViewFilter {
        &self.prefs.filter
    }

    pub fn as_of(&self) -> Option<f64> {
        self.prefs.filter.as_of
    }

    pub fn selected_actor(&self) -> Option<petgraph::graph::NodeIndex> {
        match &self.selection {
            Some(Selection::Actor(id)) => self.graph.node(id),
            _ => None,
        }
    }

    /// The earliest and latest dates in the atlas, as fractional years, for the time axis.
    pub fn time_range(&self) -> (f64, f64) {
        let atlas = self.graph.atlas();
        let years = atlas
            .events
            .iter()
            .map(|e| e.date.as_year_fraction())
            .chain(
                atlas
                    .relations
                    .iter()
                    .filter_map(|r| r.since.map(|d| d.as_year_fraction())),
            );
        let (lo, hi) = years.fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if lo > hi {
            (2000.0, 2026.0)
        } else {
            (lo.floor(), hi.floor() + 1.0)
        }
    }
}

/// The filter without its time cursor.
pub fn structural_view(filter: &ViewFilter, graph: &AtlasGraph) -> Visible {
    ViewFilter {
        as_of: None,
        ..filter.clone()
    }
    .apply(graph)
}
