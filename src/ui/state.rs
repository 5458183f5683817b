//! What every panel sees, in four named parts: the dataset, the view (selection, time, story,
//! path), the preferences that survive a restart (filters, theme, panels, open windows), and
//! the one-off requests of this frame. Panels read it; only [`super::command::Command`]s
//! change it (see `apply.rs`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::graph::{LoadedGraph, ViewFilter};
use crate::map::ColourMode;
use crate::model::Story;

use super::command::Request;
use super::dataset::Dataset;
use super::theme::ThemeChoice;
use super::unsaved::UnsavedState;
use super::view_state::ViewState;

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
    /// Draw what does not exist on the "as of" date as ghosts instead of hiding it.
    pub show_ghosts: bool,
    /// Years per second while playing the timeline.
    pub play_speed: f64,
    /// The floating windows that are open, by their names (see `windows/mod.rs`).
    pub open_windows: BTreeSet<String>,
    /// What the central area shows: the network or the map.
    pub canvas: Canvas,
    /// How the map colours countries.
    pub map_colour: ColourMode,
}

/// The two views of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Canvas {
    #[default]
    Network,
    Map,
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
            show_ghosts: false,
            play_speed: crate::ui::views::timeline::PLAY_YEARS_PER_SEC,
            open_windows: BTreeSet::new(),
            canvas: Canvas::Network,
            map_colour: ColourMode::Atlas,
        }
    }
}

/// The shared state of the window.
pub struct AppState {
    pub dataset: Dataset,
    pub view: ViewState,
    pub prefs: Prefs,
    /// The latest one-line message for the status bar.
    pub status: Option<String>,
    /// One-off requests made by this frame's commands (frame these actors, scroll to that
    /// term); views act on them while drawing, and the app drops them when the frame ends.
    pub requests: Vec<Request>,
    /// The unsaved-changes guard and the recovery offer.
    pub unsaved: UnsavedState,
}

impl AppState {
    pub fn new(loaded: LoadedGraph, prefs: Prefs) -> Self {
        let dataset = Dataset::embedded(loaded);
        let view = ViewState::new(&dataset.graph, &prefs.filter);
        Self {
            dataset,
            view,
            prefs,
            status: None,
            requests: Vec::new(),
            unsaved: UnsavedState::default(),
        }
    }

    pub fn filter(&self) -> &ViewFilter {
        &self.prefs.filter
    }

    /// The "as of" cursor, as a fractional year; none means today.
    pub fn as_of(&self) -> Option<f64> {
        self.prefs.filter.as_of
    }

    /// The region chosen in the region panel: the filter's region when it names exactly one.
    pub fn region(&self) -> Option<&str> {
        let mut regions = self.prefs.filter.regions.iter();
        match (regions.next(), regions.next()) {
            (Some(only), None) => Some(only.as_str()),
            _ => None,
        }
    }

    pub fn selected_actor(&self) -> Option<NodeIndex> {
        self.view.selected_actor(&self.dataset.graph)
    }

    /// Whether the floating window called `name` is open.
    pub fn is_open(&self, name: &str) -> bool {
        self.prefs.open_windows.contains(name)
    }

    /// The story being played and its current step (none on the closing questions page).
    pub fn story(&self) -> Option<(&Story, Option<&crate::model::StoryStep>)> {
        let progress = self.view.story.as_ref()?;
        let story = self.dataset.graph.atlas().stories.get(progress.story)?;
        Some((story, story.steps.get(progress.step)))
    }

    /// The earliest and latest dates in the atlas, as fractional years, for the time axis.
    pub fn time_range(&self) -> (f64, f64) {
        let atlas = self.dataset.graph.atlas();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_view_and_its_colouring_are_remembered() {
        let prefs = Prefs {
            canvas: Canvas::Map,
            map_colour: ColourMode::Grouping("quad".into()),
            ..Prefs::default()
        };
        // eframe stores preferences as RON text.
        let text = ron::to_string(&prefs).expect("serialises");
        let back: Prefs = ron::from_str(&text).expect("reads back");
        assert_eq!(back, prefs);
        // Preferences saved before the map existed still load, with the network shown.
        let old: Prefs = ron::from_str("(show_regions: false)").expect("old prefs load");
        assert_eq!(old.canvas, Canvas::Network);
        assert_eq!(old.map_colour, ColourMode::Atlas);
    }
}
