//! Everything that changes shared state is a [`Command`]. Panels queue them while drawing;
//! the app applies the queue at the start of the next frame, before anything is drawn, so
//! every frame shows the effects of what came before it. One-off asks that are not state
//! (frame these actors, scroll to that term) become [`Request`]s that live for one frame.

use crate::graph::{LoadedGraph, ViewFilter};
use crate::io::ExportFormat;

use crate::map::ColourMode;

use super::dataset::DatasetSource;
use super::state::Canvas;
use super::theme::ThemeChoice;
use super::verbs::Verb;
use super::view_state::Selection;

#[derive(Clone, Debug)]
pub enum Command {
    /// Run a user verb, as its menu entry or shortcut would.
    Run(Verb),
    Select(Selection),
    ClearSelection,
    Back,
    Forward,
    SetFilter(ViewFilter),
    FocusRegion(Option<String>),
    SetAsOf(Option<f64>),
    SetPlaying(bool),
    /// Open a dataset (loaded off the UI thread by the app).
    Open(DatasetSource),
    Reload,
    /// A load finished: the new atlas, or why it failed (the current atlas stays).
    Loaded {
        result: Result<Box<LoadedGraph>, LoadFailure>,
        source: DatasetSource,
    },
    DismissFailure,
    FindPath {
        from: String,
        to: String,
    },
    ClearPath,
    StartStory(usize),
    /// Move by this many steps (negative goes back).
    StoryStep(isize),
    StopStory,
    SetPresentation(bool),
    SetTheme(ThemeChoice),
    SetHighContrast(bool),
    SetEgoDepth(usize),
    SetEgoOnly(bool),
    TogglePanel(Panel),
    /// Ask the network to frame these actors.
    Frame(Vec<String>),
    /// A one-line message for the status bar (an export finished, a file was refused).
    Status(String),
    /// Open the glossary, at a term when given.
    ShowGlossary(Option<String>),
    /// Open or close the floating window with this name.
    SetWindowOpen(&'static str, bool),
    /// Show the network or the map in the central area.
    SetCanvas(Canvas),
    /// Colour the map's countries this way.
    SetMapColour(ColourMode),
    /// Export the current view in this format (carried out by the app, which owns the jobs).
    Export(ExportFormat),
}

/// A one-off ask, acted on by the view it concerns in the frame it was made, then dropped.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Move the network's camera to frame these actors.
    Frame(Vec<String>),
    /// Fit the network to what it shows.
    FitNetwork,
    /// Open the glossary entry of this term and scroll to it.
    ScrollToTerm(String),
    /// Put the keyboard focus in the search field.
    FocusSearch,
}

/// A dataset that could not be opened, shown in the problems window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    pub origin: String,
    pub messages: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Regions,
    Details,
    Timeline,
}

/// Selects an actor and moves the camera to it: what a click on a name in a list does.
pub fn select_and_frame(id: &str) -> [Command; 2] {
    [
        Command::Select(Selection::Actor(id.to_string())),
        Command::Frame(vec![id.to_string()]),
    ]
}
