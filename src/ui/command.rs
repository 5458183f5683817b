//! Everything that changes shared state is a [`Command`]. Panels queue them while drawing;
//! the app applies the queue at the start of the next frame, before anything is drawn, so
//! every frame shows the effects of what came before it. One-off asks that are not state
//! (frame these actors, scroll to that term) become [`Request`]s that live for one frame.

use crate::graph::{LoadedGraph, ViewFilter};
use crate::io::ExportFormat;
use crate::model::{LoadError, PartialDate, Severity};

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
    /// Open "What changed" on dates A and B (a range dragged on the timeline).
    CompareDates(PartialDate, PartialDate),
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
    /// The same, ignoring the view's filters and date.
    FindPathInWholeAtlas {
        from: String,
        to: String,
    },
    ClearPath,
    StartStory(usize),
    /// Move by this many steps (negative goes back).
    StoryStep(isize),
    StopStory,
    SetPresentation(bool),
    /// Open or close the presenter view (it opens only while a story plays).
    SetPresenter(bool),
    SetTheme(ThemeChoice),
    SetHighContrast(bool),
    SetEgoDepth(usize),
    SetEgoOnly(bool),
    /// Draw what does not exist on the "as of" date as ghosts (true) or hide it (false).
    SetShowGhosts(bool),
    /// Years per second while playing.
    SetPlaySpeed(f64),
    /// Save "what changed" as Markdown (true) or CSV, asking where (handled by the app).
    ExportChanges {
        changes: Box<crate::graph::Changes>,
        markdown: bool,
    },
    /// Mark in the network what was added and what ended between two days; none clears.
    ShowChanges(Option<Box<crate::graph::Changes>>),
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
    /// Export the whole atlas, every date and no filter, in this format (by the app too).
    ExportWhole(ExportFormat),
    /// Save the network or map as a picture (carried out by the app, which has the GPU).
    ExportPicture(super::picture::PictureRequest),
    /// Open this web link in the system browser (carried out by the app, in the background).
    OpenLink(String),
    /// Save this text to a file the user picks (carried out by the app, in the background).
    SaveText(SaveText),
    /// A save of the atlas ended (handled by the app, see `save.rs`).
    Saved(super::save::SaveOutcome),
    /// The answer to "save the changes first?" (handled by the app).
    Unsaved(super::unsaved::GuardAnswer),
    /// The launch check of the recovery file: edits to offer, or none (handled by the app).
    RecoveryChecked(Option<Box<super::unsaved::RecoveryOffer>>),
    /// Recover (true) or discard (false) the offered edits (handled by the app).
    Recover(bool),
}

/// A text file to save: what it is (for the status line), a suggested name, its contents.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveText {
    /// What is saved, as the status line names it ("the centrality table").
    pub what: String,
    /// The suggested file name, with its extension.
    pub name: String,
    /// The extension without the dot, for the dialog's filter.
    pub extension: &'static str,
    pub contents: String,
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
    /// Set "What changed" to compare these two dates (a range dragged on the timeline).
    CompareDates(PartialDate, PartialDate),
}

/// A dataset that could not be opened, shown in the problems window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    pub origin: String,
    /// Why it was refused: the errors, one per line item.
    pub messages: Vec<String>,
    /// Warnings found along the way; they alone would not have stopped the load.
    pub warnings: Vec<String>,
}

impl LoadFailure {
    /// The failure of `error` on the dataset from `origin`, its warnings apart from its errors.
    pub fn new(error: &LoadError, origin: &str) -> Self {
        let (messages, warnings) = match error {
            LoadError::Invalid { report } => {
                let of = |severity: Severity| {
                    report
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity == severity)
                        .map(ToString::to_string)
                        .collect()
                };
                (of(Severity::Error), of(Severity::Warning))
            }
            other => (vec![other.to_string()], Vec::new()),
        };
        Self {
            origin: origin.to_string(),
            messages,
            warnings,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Diagnostic, Report};

    fn diagnostic(severity: Severity, message: &str) -> Diagnostic {
        Diagnostic {
            severity,
            file: "bad.ron".into(),
            position: None,
            record: None,
            field: None,
            message: message.into(),
            place: None,
        }
    }

    #[test]
    fn a_load_failure_keeps_warnings_apart_from_errors() {
        let report = Report {
            diagnostics: vec![
                diagnostic(Severity::Warning, "odd date"),
                diagnostic(Severity::Error, "unknown region"),
                diagnostic(Severity::Warning, "no summary"),
            ],
        };
        let failure = LoadFailure::new(&LoadError::Invalid { report }, "bad.ron");
        assert_eq!(failure.messages.len(), 1);
        assert!(failure.messages[0].contains("unknown region"));
        assert_eq!(failure.warnings.len(), 2);
        assert_eq!(
            crate::ui::overlays::failure_summary(&failure),
            "1 error and 2 warnings found. The atlas you had open is still shown."
        );
    }
}
