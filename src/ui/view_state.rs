//! The part of the state that says what the user is looking at: the selection and its
//! history, the path found, the story being played, and the filtered views of the graph.

use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::graph::{AtlasGraph, PathStep, ViewFilter, Visible};

/// How many history entries Back keeps.
const HISTORY: usize = 100;

/// What is selected, by id so that a reload keeps it when the record still exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Selection {
    Actor(String),
    /// Index into `atlas.relations`.
    Relation(usize),
    Event(String),
}

/// A story being played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryProgress {
    pub story: usize,
    /// Step index; `steps.len()` means the closing questions.
    pub step: usize,
}

/// Earlier and later selections, for Back and Forward.
#[derive(Clone, Debug, Default)]
pub struct History {
    back: Vec<Selection>,
    forward: Vec<Selection>,
}

impl History {
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Remembers `old` when something new is selected; a new selection clears Forward.
    pub fn left(&mut self, old: Selection) {
        self.back.push(old);
        if self.back.len() > HISTORY {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    pub fn back(&mut self, current: Option<Selection>) -> Option<Selection> {
        let prev = self.back.pop()?;
        self.forward.extend(current);
        Some(prev)
    }

    pub fn forward(&mut self, current: Option<Selection>) -> Option<Selection> {
        let next = self.forward.pop()?;
        self.back.extend(current);
        Some(next)
    }

    /// Drops entries that no longer exist (after a reload).
    pub fn retain(&mut self, exists: impl Fn(&Selection) -> bool) {
        self.back.retain(&exists);
        self.forward.retain(&exists);
    }
}

/// The path finder's answer: the relations to light up and the sentences that say them.
#[derive(Clone, Debug, Default)]
pub struct FoundPath {
    pub steps: Vec<PathStep>,
    pub text: Vec<String>,
    /// The actors asked about, by id.
    pub ends: Option<(String, String)>,
    /// When nothing connects them in the view but the whole atlas does: the parts of the
    /// filter that hide the connection.
    pub hidden_by: Vec<crate::graph::FilterPart>,
    /// Searched without the view's filters and date.
    pub whole_atlas: bool,
}

impl FoundPath {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.text.is_empty()
    }
}

/// The date and view mode the user had before a story took over, put back when it closes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BeforeStory {
    pub as_of: Option<f64>,
    pub ego_only: bool,
}

/// What the user is looking at.
pub struct ViewState {
    pub selection: Option<Selection>,
    pub history: History,
    pub path: FoundPath,
    pub story: Option<StoryProgress>,
    /// Set while a story runs.
    pub before_story: Option<BeforeStory>,
    /// What changed between two days, marked in the network while "What changed" is open.
    pub changes: Option<Box<crate::graph::Changes>>,
    pub presentation: bool,
    /// The presenter view (a second window with the speaker notes) is open; only while a
    /// story plays.
    pub presenter: bool,
    pub playing: bool,
    /// Cache of the filter applied to the graph; `apply` recomputes it when either changes.
    pub visible: Visible,
    /// Cache of the same without the "as of" cursor: what exists at some time. The network
    /// hides what is here but not in `visible`, or draws it as ghosts.
    pub structural: Visible,
}

impl ViewState {
    pub fn new(graph: &AtlasGraph, filter: &ViewFilter) -> Self {
        Self {
            selection: None,
            history: History::default(),
            path: FoundPath::default(),
            story: None,
            before_story: None,
            changes: None,
            presentation: false,
            presenter: false,
            playing: false,
            visible: filter.apply(graph),
            structural: structural_view(filter, graph),
        }
    }

    pub fn selected_actor(&self, graph: &AtlasGraph) -> Option<NodeIndex> {
        match &self.selection {
            Some(Selection::Actor(id)) => graph.node(id),
            _ => None,
        }
    }

    /// Recomputes the cached views after the filter (or the graph) changed. Moving only the
    /// time cursor (every frame while playing) keeps the structural view.
    pub fn refilter(&mut self, graph: &AtlasGraph, old: &ViewFilter, new: &ViewFilter) {
        if same_but_time(old, new) {
            self.visible = new.apply_over(graph, &self.structural);
        } else {
            self.visible = new.apply(graph);
            self.structural = structural_view(new, graph);
        }
    }

    /// Recomputes both views from scratch (a new graph).
    pub fn rebuild(&mut self, graph: &AtlasGraph, filter: &ViewFilter) {
        self.visible = filter.apply(graph);
        self.structural = structural_view(filter, graph);
    }
}

/// The filter without its time cursor.
pub fn structural_view(filter: &ViewFilter, graph: &AtlasGraph) -> Visible {
    without_time(filter).apply(graph)
}

fn without_time(filter: &ViewFilter) -> ViewFilter {
    ViewFilter {
        as_of: None,
        ..filter.clone()
    }
}

/// Two filters that differ at most in their time cursor give the same structural view.
fn same_but_time(a: &ViewFilter, b: &ViewFilter) -> bool {
    without_time(a) == without_time(b)
}
