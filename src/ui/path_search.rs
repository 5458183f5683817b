//! The path finder's search: shortest chains in the view, and when the view has none but
//! the whole atlas does, which filters hide it (see [`crate::graph::hidden_by`]).

use std::sync::Arc;

use crate::graph::{ViewFilter, all_shortest_paths, describe_parts, describe_path, hidden_by};

use super::command::Request;
use super::state::AppState;
use super::view_state::FoundPath;

/// How many shortest paths are listed.
const MAX_PATHS: usize = 5;

impl AppState {
    /// Finds the shortest paths between two actors in the view, or (`whole`) in the whole
    /// atlas without filters or date, and frames what of them the view shows.
    pub(super) fn find_path(&mut self, from: &str, to: &str, whole: bool) {
        self.view.path = FoundPath::default();
        let graph = Arc::clone(&self.dataset.graph);
        let (Some(a), Some(b)) = (graph.node(from), graph.node(to)) else {
            return;
        };
        let everything = ViewFilter::default().apply(&graph);
        let visible = if whole {
            &everything
        } else {
            &self.view.visible
        };
        let paths = all_shortest_paths(&graph, a, b, visible, MAX_PATHS);
        let names = (&graph.actor(a).name, &graph.actor(b).name);
        let mut text = Vec::new();
        let mut hidden = Vec::new();
        if whole && !paths.is_empty() {
            text.push("In the whole atlas, without filters or date:".to_string());
        }
        text.extend(paths.iter().map(|p| describe_path(&graph, p)));
        if paths.is_empty() {
            let filter = self.prefs.filter.clone();
            match hidden_by(&graph, a, b, &filter).filter(|_| !whole) {
                Some(parts) => {
                    text.push(format!(
                        "{} and {} are not connected in the current view: hidden by {}.",
                        names.0,
                        names.1,
                        describe_parts(&parts, &filter, &graph)
                    ));
                    hidden = parts;
                }
                None => text.push(format!(
                    "{} and {} are not connected in the atlas, at any date.",
                    names.0, names.1
                )),
            }
        }
        // Frame what the view can show of the paths (with ghosts, at any date).
        let mut ids: Vec<String> = Vec::new();
        for step in paths.iter().flatten() {
            for n in [step.from, step.to] {
                let id = &graph.actor(n).id;
                if self.view.structural.nodes[n.index()] && !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        self.view.path = FoundPath {
            steps: paths.into_iter().flatten().collect(),
            text,
            ends: Some((from.to_string(), to.to_string())),
            hidden_by: hidden,
            whole_atlas: whole,
        };
        if !ids.is_empty() {
            self.requests.push(Request::Frame(ids));
        }
    }
}
