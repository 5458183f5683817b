//! Briefings from the window: File → Briefing for the selection, the region or the story, as
//! of the time cursor. The save dialog, the layout and the writing run off the UI thread.

use std::path::Path;
use std::sync::Arc;

use eframe::egui;

use crate::brief::{BriefFormat, DatasetInfo, Paper, Subject, build, check_output, render};
use crate::graph::AtlasGraph;
use crate::model::PartialDate;
use crate::model::load::DEFAULT_ATLAS_RON;

use super::app::AtlasApp;
use super::dataset::DatasetSource;
use super::jobs::FileDialogs;
use super::state::AppState;
use super::view_state::Selection;

/// What a briefing from the window is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BriefOf {
    /// The selected actor.
    Selection,
    /// The one region the region panel has chosen.
    Region,
    /// The story being played.
    Story,
}

impl BriefOf {
    pub const ALL: [BriefOf; 3] = [BriefOf::Selection, BriefOf::Region, BriefOf::Story];

    /// The subject it names now, if any: an actor must be selected, one region chosen, or a
    /// story playing.
    pub fn subject(self, state: &AppState) -> Option<Subject> {
        let atlas = state.dataset.graph.atlas();
        match self {
            BriefOf::Selection => match &state.view.selection {
                Some(Selection::Actor(id)) => Some(Subject::Actor(id.clone())),
                _ => None,
            },
            BriefOf::Region => state.region().map(|r| Subject::Region(r.to_string())),
            BriefOf::Story => {
                let progress = state.view.story.as_ref()?;
                let story = atlas.stories.get(progress.story)?;
                Some(Subject::Story(story.id.clone()))
            }
        }
    }
}

impl AtlasApp {
    /// Asks where to save, then builds and writes the briefing in the background; the
    /// outcome comes back as a status message.
    pub(super) fn brief(&mut self, ctx: &egui::Context, of: BriefOf) {
        let Some(subject) = of.subject(&self.state) else {
            return;
        };
        let graph = Arc::clone(&self.state.dataset.graph);
        let source = self.state.dataset.source.clone();
        let origin = self.state.dataset.origin.clone();
        let as_of = self.state.as_of().map(PartialDate::from_year_fraction);
        let name = format!("{}-briefing.pdf", file_stem(&subject));
        self.jobs.background(ctx, move |dialogs: &dyn FileDialogs| {
            let Some(path) = dialogs.pick_save(&name, "pdf") else {
                return Some(super::export::CANCELLED.to_string());
            };
            Some(
                match write_briefing(&graph, &source, &origin, &subject, as_of, &path) {
                    Ok(()) => format!("Saved the briefing as {}", path.display()),
                    Err(e) => format!("The briefing was not saved: {e}"),
                },
            )
        });
    }
}

fn write_briefing(
    graph: &AtlasGraph,
    source: &DatasetSource,
    origin: &str,
    subject: &Subject,
    as_of: Option<PartialDate>,
    path: &Path,
) -> Result<(), String> {
    let dataset_path = source.remembered();
    check_output(dataset_path.as_deref(), path).map_err(|e| e.to_string())?;
    // The hash is of the file as it is now; a file changed since it was opened gives the
    // hash of the new text, which the header then names.
    let bytes = match &dataset_path {
        Some(p) => std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?,
        None => DEFAULT_ATLAS_RON.as_bytes().to_vec(),
    };
    let dataset = DatasetInfo::new(graph.atlas(), origin, &bytes);
    let doc = build(graph, &dataset, subject, as_of).map_err(|e| e.to_string())?;
    let format = BriefFormat::for_output(None, path);
    let out = render(&doc, format, Paper::A4).map_err(|e| e.to_string())?;
    crate::io::write_atomically(path, &out, dataset_path.as_deref()).map_err(|e| e.to_string())
}

/// "japan", "indo-pacific": the id, as a file name.
fn file_stem(subject: &Subject) -> String {
    let id = match subject {
        Subject::Actor(id) | Subject::Region(id) | Subject::Theme(id) | Subject::Story(id) => id,
    };
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
