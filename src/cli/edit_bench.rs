//! `atlas bench edit`: one edit to a large synthetic atlas — applied through the history
//! (the validator's check included) and shown (the graph's index rebuilt in place, as the
//! window does), then undone and shown again — the work between a click on Apply or Undo and
//! the next frame.

use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;

use crate::edit::{Edit, History, Record};
use crate::graph::AtlasGraph;
use crate::model::{Atlas, Relation, RelationKind};
use crate::synth::{SynthSize, synthetic_atlas};

use super::bench::{median, ms};
use super::output::out;

/// A new relation between two actors of the atlas, citing a source it has; a different
/// pair each run so no run repeats another's work.
fn new_relation(atlas: &Atlas, run: usize) -> Result<Relation, String> {
    let pick = |k: usize| atlas.actors.get(k % atlas.actors.len().max(1));
    let (Some(from), Some(to)) = (pick(run * 7 + 1), pick(run * 13 + 5)) else {
        return Err("the synthetic atlas has no actors".into());
    };
    let source = atlas
        .sources
        .first()
        .ok_or("the synthetic atlas has no source")?;
    Ok(Relation {
        id: None,
        from: from.id.clone(),
        to: to.id.clone(),
        kind: RelationKind::PartnersWith,
        since: None,
        until: None,
        note: Some(format!("bench edit {run}")),
        sources: vec![source.id.clone()],
    })
}

pub fn run(size: SynthSize, runs: usize) -> Result<ExitCode, String> {
    let mut graph = AtlasGraph::new(synthetic_atlas(size));
    let mut history = History::new();
    let (mut apply_ms, mut undo_ms, mut total_ms) = (vec![], vec![], vec![]);
    for run in 0..runs {
        let edit = Edit::add(
            graph.atlas(),
            Record::Relation(new_relation(graph.atlas(), run)?),
        );
        let start = Instant::now();
        graph
            .edit(|atlas| history.apply(atlas, edit))
            .map_err(|e| format!("the bench's edit was refused: {e}"))?;
        apply_ms.push(ms(start));
        let undone = Instant::now();
        graph
            .edit(|atlas| history.undo(atlas))
            .map_err(|e| format!("the bench's undo failed: {e}"))?;
        undo_ms.push(ms(undone));
        total_ms.push(ms(start));
    }
    out!(
        "{}",
        json!({
            "bench": "edit",
            "actors": size.actors,
            "relations": size.relations,
            "events": size.events,
            "runs": runs,
            "apply_and_show_ms": median(apply_ms),
            "undo_and_show_ms": median(undo_ms),
            "edit_and_undo_shown_ms": median(total_ms),
        })
    );
    Ok(ExitCode::SUCCESS)
}
