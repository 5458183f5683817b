//! What a picture says about itself, taken from the state: the title (the story step, the
//! selection, or the atlas), the date and filter, the dataset's edition and licence.

use crate::io::describe_filter;
use crate::io::picture::Caption;
use crate::ui::state::AppState;
use crate::ui::view_state::Selection;

/// The caption of a picture of what `state` shows.
pub fn caption_of(state: &AppState) -> Caption {
    let graph = &state.dataset.graph;
    let meta = &graph.atlas().meta;
    Caption {
        title: title_of(state),
        description: description_of(state),
        source: match meta.edition.trim() {
            "" => meta.title.clone(),
            edition => format!("{}, edition {edition}", meta.title),
        },
        copyright: meta.license.clone(),
    }
}

/// The story step's title (the story's on its closing page), else the selection's name, else
/// the atlas's title.
fn title_of(state: &AppState) -> String {
    if let Some((story, step)) = state.story() {
        return step.map_or_else(|| story.title.clone(), |s| s.title.clone());
    }
    let graph = &state.dataset.graph;
    let selected = match &state.view.selection {
        Some(Selection::Actor(_)) => state.selected_actor().map(|n| graph.actor(n).name.clone()),
        Some(Selection::Event(id)) => graph
            .atlas()
            .events
            .iter()
            .find(|e| &e.id == id)
            .map(|e| e.title.clone()),
        Some(Selection::Relation(_)) | None => None,
    };
    selected.unwrap_or_else(|| graph.atlas().meta.title.clone())
}

/// "Story: …, step 3 of 7; as of 2019-06-30 (…); regions: Europe", with today's date named
/// when the view has no date of its own.
fn description_of(state: &AppState) -> String {
    let graph = &state.dataset.graph;
    let filter = state.filter();
    let mut parts = Vec::new();
    if let Some((story, _)) = state.story()
        && let Some(progress) = &state.view.story
    {
        let steps = story.steps.len();
        parts.push(if progress.step < steps {
            format!("{}, step {} of {steps}", story.title, progress.step + 1)
        } else {
            format!("{}, questions", story.title)
        });
    }
    if filter.as_of.is_none() {
        parts.push(format!("as of {} (today)", crate::brief::today()));
    }
    let described = describe_filter(graph, filter);
    if filter.as_of.is_some() || described != "the whole atlas" {
        parts.push(described);
    }
    parts.join("; ")
}

/// The actors a picture frames: the `explicit` actor (the command line's `--focus`), else the
/// story step's focus; empty means everything shown.
pub fn focus_of(state: &AppState, explicit: Option<&str>) -> Vec<String> {
    if let Some(id) = explicit {
        return vec![id.to_string()];
    }
    match state.story() {
        Some((_, Some(step))) => step.focus.clone(),
        _ => Vec::new(),
    }
}
