//! [`AppState::apply`]: the one place where shared state changes.

use std::sync::Arc;

use crate::graph::{LoadedGraph, ViewFilter};

use super::command::{Command, Panel, Request};
use super::dataset::DatasetSource;
use super::state::{AppState, Canvas};
use super::view_state::{BeforeStory, FoundPath, Selection, StoryProgress};
use super::windows;

impl AppState {
    /// Applies one command. Returns a dataset when the app must start loading it. Commands
    /// that need the app itself (`Run`, `Export`) are handled there and ignored here.
    pub fn apply(&mut self, command: Command) -> Option<DatasetSource> {
        match command {
            Command::Open(source) => return Some(source),
            Command::Reload => return Some(self.dataset.source.clone()),
            Command::Loaded { result, source } => match result {
                Ok(loaded) => self.replace_atlas(*loaded, source),
                Err(failure) => self.dataset.failure = Some(failure),
            },
            Command::DismissFailure => self.dataset.failure = None,
            Command::Status(message) => self.status = Some(message),
            Command::OpenLink(url) => self.status = Some(super::links::opening_message(&url)),
            Command::Run(_)
            | Command::Export(_)
            | Command::ExportWhole(_)
            | Command::ExportPicture(_)
            | Command::SaveText(_)
            | Command::ExportChanges { .. } => {}
            other => self.apply_to_view(other),
        }
        None
    }

    fn apply_to_view(&mut self, command: Command) {
        match command {
            Command::Select(selection) => self.select(selection),
            Command::ClearSelection => {
                if let Some(old) = self.view.selection.take() {
                    self.view.history.left(old);
                }
            }
            Command::Back => {
                let current = self.view.selection.clone();
                if let Some(prev) = self.view.history.back(current) {
                    self.view.selection = Some(prev);
                }
            }
            Command::Forward => {
                let current = self.view.selection.clone();
                if let Some(next) = self.view.history.forward(current) {
                    self.view.selection = Some(next);
                }
            }
            Command::FindPath { from, to } => self.find_path(&from, &to, false),
            Command::FindPathInWholeAtlas { from, to } => self.find_path(&from, &to, true),
            Command::ClearPath => self.view.path = FoundPath::default(),
            Command::StartStory(index) => self.start_story(index),
            Command::StoryStep(delta) => self.move_story(delta),
            Command::StopStory => self.stop_story(),
            Command::SetPresentation(on) => self.view.presentation = on,
            Command::SetPresenter(on) => self.view.presenter = on && self.view.story.is_some(),
            Command::SetPlaying(on) => self.view.playing = on,
            Command::ShowChanges(changes) => self.view.changes = changes,
            Command::CompareDates(from, to) => {
                self.set_window_open(windows::WHAT_CHANGED, true);
                self.requests.push(Request::CompareDates(from, to));
            }
            Command::Frame(ids) => self.requests.push(Request::Frame(ids)),
            other => self.apply_to_prefs(other),
        }
    }

    fn apply_to_prefs(&mut self, command: Command) {
        match command {
            Command::SetFilter(filter) => self.set_filter(filter),
            Command::FocusRegion(region) => self.focus_region(region),
            Command::SetAsOf(t) => {
                let filter = ViewFilter {
                    as_of: t,
                    ..self.prefs.filter.clone()
                };
                self.set_filter(filter);
            }
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::SetHighContrast(on) => self.prefs.high_contrast = on,
            Command::SetEgoDepth(depth) => self.prefs.ego_depth = depth.clamp(1, 3),
            Command::SetEgoOnly(on) => self.prefs.ego_only = on,
            Command::SetShowGhosts(on) => self.prefs.show_ghosts = on,
            Command::SetPlaySpeed(speed) => self.prefs.play_speed = speed.clamp(0.1, 20.0),
            Command::TogglePanel(panel) => {
                let flag = match panel {
                    Panel::Regions => &mut self.prefs.show_regions,
                    Panel::Details => &mut self.prefs.show_details,
                    Panel::Timeline => &mut self.prefs.show_timeline,
                };
                *flag = !*flag;
            }
            Command::ShowGlossary(term) => {
                self.set_window_open(windows::GLOSSARY, true);
                self.requests.extend(term.map(Request::ScrollToTerm));
            }
            Command::SetWindowOpen(name, open) => self.set_window_open(name, open),
            Command::SetCanvas(canvas) => self.prefs.canvas = canvas,
            Command::SetMapColour(mode) => self.prefs.map_colour = mode,
            _ => {}
        }
    }

    fn set_window_open(&mut self, name: &str, open: bool) {
        if name == windows::WHAT_CHANGED && !open {
            self.view.changes = None;
        }
        if open {
            self.prefs.open_windows.insert(name.to_string());
        } else {
            self.prefs.open_windows.remove(name);
        }
    }

    fn select(&mut self, selection: Selection) {
        if self.view.selection.as_ref() == Some(&selection) {
            return;
        }
        if let Some(old) = self.view.selection.replace(selection) {
            self.view.history.left(old);
        }
    }

    fn set_filter(&mut self, filter: ViewFilter) {
        if filter != self.prefs.filter {
            self.view
                .refilter(&self.dataset.graph, &self.prefs.filter, &filter);
            self.prefs.filter = filter;
        }
    }

    fn focus_region(&mut self, region: Option<String>) {
        let filter = ViewFilter {
            regions: region.iter().cloned().collect(),
            ..self.prefs.filter.clone()
        };
        self.set_filter(filter);
        if let Some(region) = region {
            let ids = self.actors_in_region(&region);
            self.requests.push(Request::Frame(ids));
        }
    }

    fn actors_in_region(&self, region: &str) -> Vec<String> {
        self.dataset
            .graph
            .atlas()
            .actors
            .iter()
            .filter(|a| a.regions.iter().any(|r| r == region))
            .map(|a| a.id.clone())
            .collect()
    }

    fn replace_atlas(&mut self, loaded: LoadedGraph, source: DatasetSource) {
        self.prefs.dataset = source.remembered();
        self.dataset.replace(loaded, source);
        self.view.path = FoundPath::default();
        self.view.story = None;
        self.view.before_story = None;
        self.view.presenter = false;
        // Keep the selection and filters where they still make sense.
        let graph = Arc::clone(&self.dataset.graph);
        let exists = |s: &Selection| match s {
            Selection::Actor(id) => graph.node(id).is_some(),
            Selection::Relation(i) => *i < graph.atlas().relations.len(),
            Selection::Event(id) => graph.atlas().events.iter().any(|e| &e.id == id),
        };
        if !self.view.selection.as_ref().is_some_and(exists) {
            self.view.selection = None;
        }
        self.view.history.retain(exists);
        let atlas = graph.atlas();
        self.prefs
            .filter
            .regions
            .retain(|r| atlas.regions.iter().any(|known| &known.id == r));
        self.view.rebuild(&graph, &self.prefs.filter);
    }

    fn start_story(&mut self, index: usize) {
        if index < self.dataset.graph.atlas().stories.len() {
            // From one story to the next, what comes back at the end is still the user's own.
            if self.view.before_story.is_none() {
                self.view.before_story = Some(BeforeStory {
                    as_of: self.prefs.filter.as_of,
                    ego_only: self.prefs.ego_only,
                });
            }
            // A story frames its own actors: an ego view would hide them.
            self.prefs.ego_only = false;
            self.view.story = Some(StoryProgress {
                story: index,
                step: 0,
            });
            self.enter_story_step();
        }
    }

    /// Closes the story and puts back the date and view mode the user had before it.
    fn stop_story(&mut self) {
        self.view.story = None;
        // The presenter view belongs to the story: it closes with it.
        self.view.presenter = false;
        if let Some(before) = self.view.before_story.take() {
            let filter = ViewFilter {
                as_of: before.as_of,
                ..self.prefs.filter.clone()
            };
            self.set_filter(filter);
            self.prefs.ego_only = before.ego_only;
        }
    }

    fn move_story(&mut self, delta: isize) {
        let Some((story, _)) = self.story() else {
            return;
        };
        let Some(progress) = self.view.story.clone() else {
            return;
        };
        let last = story.steps.len() as isize;
        let step = (progress.step as isize + delta).clamp(0, last) as usize;
        if step != progress.step {
            self.view.story = Some(StoryProgress { step, ..progress });
            self.enter_story_step();
        }
    }

    /// Sets the time cursor, the selection and the camera for the current story step.
    fn enter_story_step(&mut self) {
        let graph = Arc::clone(&self.dataset.graph);
        let Some(progress) = self.view.story.clone() else {
            return;
        };
        let Some(step) = graph
            .atlas()
            .stories
            .get(progress.story)
            .and_then(|s| s.steps.get(progress.step))
        else {
            return;
        };
        let filter = ViewFilter {
            as_of: step.date.map(|d| d.end_year_fraction()),
            ..self.prefs.filter.clone()
        };
        self.set_filter(filter);
        if step.map {
            self.prefs.canvas = Canvas::Map;
        }
        if let Some(first) = step.focus.first() {
            self.select(Selection::Actor(first.clone()));
        }
        self.requests.push(Request::Frame(step.focus.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_graph_str;
    use crate::ui::command::LoadFailure;
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
            (title: "Two", text: "t", focus: ["b"], date: Some("2016-03"), map: true),
        ], questions: ["Why?"])],
        glossary: [(term: "Term", definition: "A word.")],
    )"#;

    fn state() -> AppState {
        AppState::new(
            load_graph_str(TEXT, "t.ron").expect("valid"),
            Prefs::default(),
        )
    }

    #[test]
    fn history_goes_back_and_forward() {
        let mut s = state();
        s.apply(Command::Select(Selection::Actor("a".into())));
        s.apply(Command::Select(Selection::Actor("b".into())));
        s.apply(Command::Back);
        assert_eq!(s.view.selection, Some(Selection::Actor("a".into())));
        s.apply(Command::Forward);
        assert_eq!(s.view.selection, Some(Selection::Actor("b".into())));
    }

    #[test]
    fn story_steps_move_cursor_and_selection() {
        let mut s = state();
        s.apply(Command::StartStory(0));
        assert_eq!(s.view.selection, Some(Selection::Actor("a".into())));
        assert_eq!(
            s.view.visible.edge_count(),
            0,
            "2010: the 2015 membership not yet"
        );
        assert_eq!(s.prefs.canvas, Canvas::Network);
        s.apply(Command::StoryStep(1));
        assert_eq!(s.view.selection, Some(Selection::Actor("b".into())));
        assert_eq!(
            s.prefs.canvas,
            Canvas::Map,
            "the second step asks for the map"
        );
        assert!(s.as_of().is_some_and(|t| t > 2016.0 && t < 2016.5));
        assert_eq!(s.view.visible.edge_count(), 1);
        s.apply(Command::StoryStep(5));
        assert_eq!(
            s.view.story.as_ref().map(|p| p.step),
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
                warnings: Vec::new(),
            }),
            source: DatasetSource::File("bad.ron".into()),
        });
        assert_eq!(s.dataset.graph.node_count(), 2);
        assert!(s.dataset.failure.is_some());
    }

    #[test]
    fn region_focus_filters_and_requests_a_frame() {
        let mut s = state();
        s.apply(Command::FocusRegion(Some("r".into())));
        assert_eq!(s.view.visible.node_count(), 1);
        assert_eq!(s.region(), Some("r"));
        assert_eq!(s.requests, [Request::Frame(vec!["a".into()])]);
        s.apply(Command::FocusRegion(None));
        assert_eq!(s.view.visible.node_count(), 2);
        assert_eq!(s.region(), None);
    }

    #[test]
    fn a_glossary_link_opens_the_window_and_asks_once_to_scroll() {
        let mut s = state();
        s.apply(Command::ShowGlossary(Some("Term".into())));
        assert!(s.is_open(windows::GLOSSARY));
        assert_eq!(s.requests, [Request::ScrollToTerm("Term".into())]);
    }
}
