//! Everything that changes shared state is a [`Command`]; panels send them while drawing and
//! the app applies them once per frame, after all panels have drawn.

use std::path::PathBuf;
use std::sync::Arc;

use crate::graph::{LoadedGraph, ViewFilter, all_shortest_paths, describe_path};

use super::state::{AppState, LoadFailure, Selection, StoryProgress, structural_view};
use super::theme::ThemeChoice;

/// How many history entries Back keeps.
const HISTORY: usize = 100;
/// How many equally short paths the path finder lists.
const MAX_PATHS: usize = 5;

#[derive(Clone, Debug)]
pub enum Command {
    Select(Selection),
    ClearSelection,
    Back,
    Forward,
    SetFilter(ViewFilter),
    FocusRegion(Option<String>),
    SetAsOf(Option<f64>),
    SetPlaying(bool),
    /// Open a dataset file (loaded off the UI thread by the app).
    Open(PathBuf),
    Reload,
    /// A load finished: the new atlas, or why it failed (the current atlas stays).
    Loaded {
        result: Result<Box<LoadedGraph>, LoadFailure>,
        path: Option<PathBuf>,
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
    ToggleWindow(Window),
    /// Export the current view in this format (carried out by the app, which owns the jobs).
    Export(crate::io::ExportFormat),
}

/// Windows that float over the atlas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Glossary,
    PathFinder,
    Centrality,
    Help,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Regions,
    Details,
    Timeline,
}

impl AppState {
    /// Applies one command. Returns a dataset path when the app must start loading it.
    pub fn apply(&mut self, command: Command) -> Option<PathBuf> {
        match command {
            Command::Select(selection) => self.select(selection),
            Command::ClearSelection => {
                if let Some(old) = self.selection.take() {
                    self.back.push(old);
                }
            }
            Command::Back => {
                if let Some(prev) = self.back.pop()
                    && let Some(cur) = self.selection.replace(prev)
                {
                    self.forward.push(cur);
                }
            }
            Command::Forward => {
                if let Some(next) = self.forward.pop()
                    && let Some(cur) = self.selection.replace(next)
                {
                    self.back.push(cur);
                }
            }
            Command::SetFilter(filter) => self.set_filter(filter),
            Command::FocusRegion(region) => {
                let mut filter = self.prefs.filter.clone();
                filter.regions = region.iter().cloned().collect();
                self.region = region.clone();
                self.set_filter(filter);
                if let Some(region) = region {
                    self.frame(self.actors_in_region(&region));
                }
            }
            Command::SetAsOf(t) => {
                let mut filter = self.prefs.filter.clone();
                filter.as_of = t;
                self.set_filter(filter);
            }
            Command::SetPlaying(on) => self.playing = on,
            Command::Open(path) => return Some(path),
            Command::Reload => {
                return Some(self.prefs.dataset.clone().unwrap_or_default());
            }
            Command::Loaded { result, path } => match result {
                Ok(loaded) => self.replace_atlas(*loaded, path),
                Err(failure) => self.failure = Some(failure),
            },
            Command::DismissFailure => self.failure = None,
            Command::FindPath { from, to } => self.find_path(&from, &to),
            Command::ClearPath => {
                self.path.clear();
                self.path_text.clear();
            }
            Command::StartStory(index) => {
                if index < self.graph.atlas().stories.len() {
                    self.story = Some(StoryProgress {
                        story: index,
                        step: 0,
                    });
                    self.enter_story_step();
                }
            }
            Command::StoryStep(delta) => self.move_story(delta),
            Command::StopStory => self.story = None,
            Command::SetPresentation(on) => self.presentation = on,
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::SetHighContrast(on) => self.prefs.high_contrast = on,
            Command::SetEgoDepth(depth) => self.prefs.ego_depth = depth.clamp(1, 3),
            Command::SetEgoOnly(on) => self.prefs.ego_only = on,
            Command::TogglePanel(panel) => {
                let flag = match panel {
                    Panel::Regions => &mut self.prefs.show_regions,
                    Panel::Details => &mut self.prefs.show_details,
                    Panel::Timeline => &mut self.prefs.show_timeline,
                };
                *flag = !*flag;
            }
            Command::Frame(ids) => self.frame(ids),
            Command::Export(_) => {}
            Command::Status(message) => self.status = Some(message),
            Command::ShowGlossary(term) => {
                self.windows.glossary = true;
                self.glossary_term = term;
            }
            Command::ToggleWindow(window) => {
                let flag = match window {
                    Window::Glossary => &mut self.windows.glossary,
                    Window::PathFinder => &mut self.windows.path_finder,
                    Window::Centrality => &mut self.windows.centrality,
                    Window::Help => &mut self.windows.help,
                };
                *flag = !*flag;
            }
        }
        None
    }

    fn select(&mut self, selection: Selection) {
        if self.selection.as_ref() == Some(&selection) {
            return;
        }
        if let Some(old) = self.selection.replace(selection) {
            self.back.push(old);
            if self.back.len() > HISTORY {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    fn set_filter(&mut self, filter: ViewFilter) {
        if filter != self.prefs.filter {
            self.visible = filter.apply(&self.graph);
            if !same_but_time(&filter, &self.prefs.filter) {
                self.structural = structural_view(&filter, &self.graph);
            }
            self.prefs.filter = filter;
        }
    }

    fn frame(&mut self, ids: Vec<String>) {
        self.focus = ids;
        self.focus_request += 1;
    }

    fn actors_in_region(&self, region: &str) -> Vec<String> {
        self.graph
            .atlas()
            .actors
            .iter()
            .filter(|a| a.regions.iter().any(|r| r == region))
            .map(|a| a.id.clone())
            .collect()
    }

    fn replace_atlas(&mut self, loaded: LoadedGraph, path: Option<PathBuf>) {
        self.graph = Arc::new(loaded.graph);
        self.origin = loaded.origin;
        self.warnings = loaded.warnings;
        self.failure = None;
        self.prefs.dataset = path;
        self.generation += 1;
        self.path.clear();
        self.path_text.clear();
        self.story = None;
        // Keep the selection and filters where they still make sense.
        let graph = Arc::clone(&self.graph);
        let exists = |s: &Selection| match s {
            Selection::Actor(id) => graph.node(id).is_some(),
            Selection::Relation(i) => *i < graph.atlas().relations.len(),
            Selection::Event(id) => graph.atlas().events.iter().any(|e| &e.id == id),
        };
        if !self.selection.as_ref().is_some_and(exists) {
            self.selection = None;
        }
        self.back.retain(exists);
        self.forward.retain(exists);
        let known: std::collections::HashSet<&str> = graph
            .atlas()
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        self.prefs
            .filter
            .regions
            .retain(|r| known.contains(r.as_str()));
        if self.region.as_deref().is_some_and(|r| !known.contains(r)) {
            self.region = None;
        }
        self.visible = self.prefs.filter.apply(&graph);
        self.structural = structural_view(&self.prefs.filter, &graph);
    }

    fn find_path(&mut self, from: &str, to: &str) {
        self.path.clear();
        self.path_text.clear();
        let (Some(a), Some(b)) = (self.graph.node(from), self.graph.node(to)) else {
            return;
        };
        let paths = all_shortest_paths(&self.graph, a, b, &self.visible, MAX_PATHS);
        self.path_text = paths
            .iter()
            .map(|p| describe_path(&self.graph, p))
            .collect();
        if paths.is_empty() {
            self.path_text.push(format!(
                "{} and {} are not connected in the current view.",
                self.graph.actor(a).name,
                self.graph.actor(b).name
            ));
        }
        let mut ids: Vec<String> = Vec::new();
        for p in &paths {
            for s in p {
                for n in [s.from, s.to] {
                    let id = self.graph.actor(n).id.clone();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        self.path = paths.into_iter().flatten().collect();
        if !ids.is_empty() {
            self.frame(ids);
        }
    }

    fn move_story(&mut self, delta: isize) {
        let Some(progress) = &self.story else {
            return;
        };
        let Some(story) = self.graph.atlas().stories.get(progress.story) else {
            return;
        };
        let last = story.steps.len() as isize;
        let step = (progress.step as isize + delta).clamp(0, last) as usize;
        if step != progress.step {
            self.story = Some(StoryProgress {
                story: progress.story,
                step,
            });
            self.enter_story_step();
        }
    }

    /// Sets the time cursor, the selection and the camera for the current story step.
    fn enter_story_step(&mut self) {
        let Some(progress) = self.story.clone() else {
            return;
        };
        let graph = Arc::clone(&self.graph);
        let Some(step) = graph
            .atlas()
            .stories
            .get(progress.story)
            .and_then(|s| s.steps.get(progress.step))
        else {
            return;
        };
        let mut filter = self.prefs.filter.clone();
        filter.as_of = step.date.map(|d| d.end_year_fraction());
        self.set_filter(filter);
        if let Some(first) = step.focus.first() {
            self.select(Selection::Actor(first.clone()));
        }
        self.frame(step.focus.clone());
    }
}

/// Two filters that differ at most in their time cursor give the same structural view, so
/// moving the cursor (every frame while playing) does not recompute it.
fn same_but_time(a: &ViewFilter, b: &ViewFilter) -> bool {
    ViewFilter {
        as_of: None,
        ..a.clone()
    } == ViewFilter {
        as_of: None,
        ..b.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;
    use crate::ui::state::Prefs;

    const TEXT: &str = r#"Atlas(
        regions: [(id: "r", name: "R")],
        sources: [(id: "s", title: "S", url: "https://example.org")],
        actors: [
            (id: "a", kind: State, name: "A", regions: ["r"], sources: ["s"]),
            (id: "b", kind: Forum, name: "B", sources: ["s"]),
        ],
        relations: [(from: "a", to: "b", kind: MemberOf, since: Some("2015"), sources: ["s"])],
        stories: [(id: "st", title: "Story", steps: [
            (title: "One", text: "t", focus: ["a"], date: Some("2010")),
            (title: "Two", text: "t", focus: ["b"], date: Some("2016-03")),
        ], questions: ["Why?"])],
    )"#;

    fn state() -> AppState {
        AppState::new(load_str(TEXT, "t.ron").expect("valid"), Prefs::default())
    }

    #[test]
    fn history_goes_back_and_forward() {
        let mut s = state();
        s.apply(Command::Select(Selection::Actor("a".into())));
        s.apply(Command::Select(Selection::Actor("b".into())));
        s.apply(Command::Back);
        assert_eq!(s.selection, Some(Selection::Actor("a".into())));
        s.apply(Command::Forward);
        assert_eq!(s.selection, Some(Selection::Actor("b".into())));
    }

    #[test]
    fn story_steps_move_cursor_and_selection() {
        let mut s = state();
        s.apply(Command::StartStory(0));
        assert_eq!(s.selection, Some(Selection::Actor("a".into())));
        assert_eq!(
            s.visible.edge_count(),
            0,
            "2010: the 2015 membership not yet"
        );
        s.apply(Command::StoryStep(1));
        assert_eq!(s.selection, Some(Selection::Actor("b".into())));
        assert!(s.as_of().is_some_and(|t| t > 2016.0 && t < 2016.5));
        assert_eq!(s.visible.edge_count(), 1);
        s.apply(Command::StoryStep(5));
        assert_eq!(
            s.story.as_ref().map(|p| p.step),
            Some(2),
            "the questions page"
        );
    }

    #[test]
    fn a_failed_load_keeps_the_atlas() {
        let mut s = state();
        s.apply(Command::Loaded {
            result: Err(LoadFailure {
                origin: "bad.ron".into(),
                messages: vec!["x".into()],
            }),
            path: None,
        });
        assert_eq!(s.graph.node_count(), 2);
        assert!(s.failure.is_some());
    }

    #[test]
    fn region_focus_filters_and_requests_a_frame() {
        let mut s = state();
        s.apply(Command::FocusRegion(Some("r".into())));
        assert_eq!(s.visible.node_count(), 1);
        assert_eq!(s.focus, ["a"]);
        s.apply(Command::FocusRegion(None));
        assert_eq!(s.visible.node_count(), 2);
    }
}
