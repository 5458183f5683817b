//! `atlas diff FILE --from A --to B [--json]`: what changed between two dates, as Markdown
//! text or one JSON object.

use std::path::Path;
use std::process::ExitCode;

use super::output::out;
use crate::graph::{AtlasGraph, Day, diff};
use crate::io::{changes_json, changes_markdown};
use crate::model::PartialDate;

/// A date argument as a cursor day: a partial date stands at the last day of its period.
pub fn cursor_day(text: &str, flag: &str) -> Result<Day, String> {
    text.parse::<PartialDate>()
        .map(Day::cursor)
        .map_err(|e| format!("{flag} {text}: {e}"))
}

pub fn run(file: &Path, from: &str, to: &str, json: bool) -> Result<ExitCode, String> {
    let (a, b) = (cursor_day(from, "--from")?, cursor_day(to, "--to")?);
    if a > b {
        return Err(format!(
            "--from {from} ({a}) is after --to {to} ({b}): give the earlier date first"
        ));
    }
    let graph = AtlasGraph::new(super::load(file)?.atlas);
    let changes = diff(&graph, a, b);
    if json {
        out!("{}", changes_json(&graph, &changes));
    } else {
        out!("{}", changes_markdown(&graph, &changes).trim_end());
    }
    Ok(ExitCode::SUCCESS)
}
