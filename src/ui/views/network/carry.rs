//! Positions carried across an edit: the layout must not start again from scratch when one
//! actor or relation changes. Every actor keeps its place by id; a new actor is placed among
//! its neighbours that have a place (or, with none, at the edge of the drawing, where it does
//! not cover anything), and the layout then settles gently from there.

use std::collections::HashMap;

/// The new graph's positions from the old graph's, by actor id. `new_ends` are the new
/// graph's edges; `spacing` is about one edge length, how far apart new actors start.
pub fn carry(
    old_ids: &[String],
    old_positions: &[[f32; 2]],
    new_ids: &[&str],
    new_ends: &[(u32, u32)],
    spacing: f32,
) -> Vec<[f32; 2]> {
    let placed: HashMap<&str, [f32; 2]> = old_ids
        .iter()
        .map(String::as_str)
        .zip(old_positions.iter().copied())
        .collect();
    let mut positions: Vec<Option<[f32; 2]>> =
        new_ids.iter().map(|id| placed.get(id).copied()).collect();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); new_ids.len()];
    for &(a, b) in new_ends {
        let (a, b) = (a as usize, b as usize);
        if a < new_ids.len() && b < new_ids.len() && a != b {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    }
    let (centre, radius) = extent(positions.iter().flatten().copied());
    let missing: Vec<usize> = (0..new_ids.len())
        .filter(|&i| positions[i].is_none())
        .collect();
    for (new, i) in missing.into_iter().enumerate() {
        let known: Vec<[f32; 2]> = neighbours[i].iter().filter_map(|&n| positions[n]).collect();
        // A small turn per new actor, so that two new ones never land on the same spot.
        let angle = new as f32 * 2.399_963; // the golden angle, in radians
        let offset = [angle.cos() * spacing, angle.sin() * spacing];
        let at = if known.is_empty() {
            let r = radius + spacing;
            [centre[0] + angle.cos() * r, centre[1] + angle.sin() * r]
        } else {
            let mid = mean(&known);
            [mid[0] + offset[0] * 0.5, mid[1] + offset[1] * 0.5]
        };
        positions[i] = Some(at);
    }
    positions
        .into_iter()
        .map(|p| p.unwrap_or([0.0, 0.0]))
        .collect()
}

fn mean(points: &[[f32; 2]]) -> [f32; 2] {
    let n = points.len().max(1) as f32;
    let sum = points
        .iter()
        .fold([0.0, 0.0], |s, p| [s[0] + p[0], s[1] + p[1]]);
    [sum[0] / n, sum[1] / n]
}

/// The centre of the points and the distance from it to the farthest.
fn extent(points: impl Iterator<Item = [f32; 2]> + Clone) -> ([f32; 2], f32) {
    let all: Vec<[f32; 2]> = points.collect();
    let centre = mean(&all);
    let radius = all
        .iter()
        .map(|p| ((p[0] - centre[0]).powi(2) + (p[1] - centre[1]).powi(2)).sqrt())
        .fold(0.0, f32::max);
    (centre, radius)
}

impl super::NetworkView {
    /// After an edit (the same dataset, a new generation), carries the positions over by id
    /// and resumes the layout from them instead of starting again; keeps the camera. False
    /// when this is another dataset, or the first.
    pub(super) fn resume_after_edit(&mut self, state: &crate::ui::state::AppState) -> bool {
        let graph = &state.dataset.graph;
        if self.lineage != Some(state.dataset.lineage) || self.ids.is_empty() {
            return false;
        }
        let new_ids: Vec<&str> = graph.nodes().map(|n| graph.actor(n).id.as_str()).collect();
        let params = super::layout_params();
        let positions = carry(
            &self.ids,
            &self.positions,
            &new_ids,
            &self.ends,
            params.ideal_length,
        );
        let index: HashMap<&str, usize> =
            new_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let pinned = self
            .layout
            .pinned
            .iter()
            .filter_map(|&old| index.get(self.ids.get(old)?.as_str()).copied())
            .collect();
        self.positions = positions.clone();
        self.layout =
            super::layout_state::Layout::resume(self.ends.clone(), params, positions, pinned);
        self.dragging = None;
        self.hovered = None;
        // The ego layout holds node indices of the old graph; it is laid out again if on.
        self.drop_ego();
        self.remember_ids(state);
        true
    }

    /// Notes which actor each position belongs to, for the next edit.
    pub(super) fn remember_ids(&mut self, state: &crate::ui::state::AppState) {
        let graph = &state.dataset.graph;
        self.ids = graph.nodes().map(|n| graph.actor(n).id.clone()).collect();
        self.lineage = Some(state.dataset.lineage);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn actors_keep_their_places_by_id_whatever_their_new_index() {
        let old = ids(&["a", "b", "c"]);
        let positions = [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]];
        let carried = carry(&old, &positions, &["c", "a"], &[], 5.0);
        assert_eq!(carried, [[0.0, 10.0], [0.0, 0.0]]);
    }

    #[test]
    fn a_new_actor_starts_near_its_neighbours() {
        let old = ids(&["a", "b", "far"]);
        let positions = [[0.0, 0.0], [10.0, 0.0], [500.0, 500.0]];
        let carried = carry(
            &old,
            &positions,
            &["a", "b", "far", "new"],
            &[(3, 0), (1, 3)],
            2.0,
        );
        let new = carried[3];
        let from_middle = ((new[0] - 5.0).powi(2) + new[1].powi(2)).sqrt();
        assert!(from_middle <= 1.0 + 1e-4, "{new:?} is near (5, 0)");
    }

    #[test]
    fn new_actors_without_neighbours_start_apart_and_outside_the_drawing() {
        let old = ids(&["a", "b"]);
        let positions = [[-10.0, 0.0], [10.0, 0.0]];
        let carried = carry(&old, &positions, &["a", "b", "x", "y"], &[], 3.0);
        let (x, y) = (carried[2], carried[3]);
        assert_ne!(x, y);
        for p in [x, y] {
            assert!((p[0].powi(2) + p[1].powi(2)).sqrt() > 10.0, "{p:?} outside");
        }
    }
}
