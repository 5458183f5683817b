//! `atlas bench diff`: "what changed between two dates" on a large synthetic atlas.
//!
//! The synthetic atlas dates half its relations and its events but founds no actor, ends no
//! relation and has no holders, so the diff would skip most of its work. The bench adds them,
//! deterministically: every other actor gets a founding year, every fourth dated relation an
//! end three years on, and every tenth actor two envoy holders.

use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;

use crate::graph::{AtlasGraph, Day, ViewFilter, diff};
use crate::model::{Atlas, Holder, PartialDate};
use crate::synth::{SynthSize, synthetic_atlas};

use super::bench::{median, ms};
use super::output::out;

fn year(y: i32) -> Option<PartialDate> {
    PartialDate::year(y).ok()
}

/// Adds founding dates, ends and holders so that every group of the diff has work.
fn with_more_dates(mut atlas: Atlas) -> Atlas {
    for (i, actor) in atlas.actors.iter_mut().enumerate() {
        if i % 2 == 0 {
            actor.founded = year(1990 + (i * 7 % 36) as i32);
        }
        if i % 10 == 0 {
            let start = 1995 + (i * 3 % 25) as i32;
            let holder = |from: i32, until: Option<i32>| Holder {
                name: format!("Synthetic holder {i}-{from}"),
                from: year(from),
                until: until.and_then(year),
                note: None,
                sources: Vec::new(),
            };
            actor.holders = vec![holder(start, Some(start + 4)), holder(start + 5, None)];
        }
    }
    for (i, relation) in atlas.relations.iter_mut().enumerate() {
        if i % 4 == 0
            && let Some(since) = relation.since
        {
            relation.until = year((since.year_value() + 3).min(2999));
        }
    }
    atlas
}

pub fn run(size: SynthSize, runs: usize) -> Result<ExitCode, String> {
    let graph = AtlasGraph::new(with_more_dates(synthetic_atlas(size)));
    let day = |text: &str| text.parse().map(Day::cursor).map_err(|e| format!("{e}"));
    let (from, to) = (day("2015-06-30")?, day("2020-12-31")?);
    let mut diff_ms = Vec::with_capacity(runs);
    let mut as_of_ms = Vec::with_capacity(runs);
    let mut changes = diff(&graph, from, to);
    for _ in 0..runs {
        let t = Instant::now();
        changes = diff(&graph, from, to);
        diff_ms.push(ms(t));
        let t = Instant::now();
        let visible = ViewFilter::default().at(Some(to)).apply(&graph);
        as_of_ms.push(ms(t));
        drop(visible);
    }
    out!(
        "{}",
        json!({
            "bench": "diff",
            "actors": graph.node_count(), "relations": graph.edge_count(),
            "events": graph.atlas().events.len(),
            "from": from.to_string(), "to": to.to_string(), "runs": runs,
            "median_ms": median(diff_ms.clone()),
            "max_ms": diff_ms.iter().copied().fold(0.0, f64::max),
            "as_of_view_median_ms": median(as_of_ms),
            "changes": {
                "actors_founded": changes.actors_founded.len(),
                "instruments_adopted": changes.instruments_adopted.len(),
                "relations_begun": changes.relations_begun.len(),
                "relations_ended": changes.relations_ended.len(),
                "holders_appointed": changes.holders_appointed.len(),
                "holders_gone": changes.holders_gone.len(),
                "events": changes.events.len(),
            },
        })
    );
    Ok(ExitCode::SUCCESS)
}
