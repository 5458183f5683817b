//! "What changed between two dates" ([`crate::graph::diff`]) as Markdown, CSV and JSON. All
//! three are built from the same rows, so they always list the same changes.

use std::path::Path;

use serde_json::{Value, json};

use crate::graph::{AtlasGraph, Changes, Day, HolderRef, Spans};
use crate::model::{ActorKind, PartialDate};

use super::{ExportError, write_atomically};

/// The groups of a [`Changes`], in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    ActorsFounded,
    InstrumentsAdopted,
    RelationsBegun,
    RelationsEnded,
    HoldersAppointed,
    HoldersGone,
    Events,
}

impl Group {
    pub const ALL: [Group; 7] = [
        Group::ActorsFounded,
        Group::InstrumentsAdopted,
        Group::RelationsBegun,
        Group::RelationsEnded,
        Group::HoldersAppointed,
        Group::HoldersGone,
        Group::Events,
    ];

    /// A heading: "Actors founded".
    pub fn title(self) -> &'static str {
        match self {
            Group::ActorsFounded => "Actors founded",
            Group::InstrumentsAdopted => "Instruments adopted",
            Group::RelationsBegun => "Relations begun",
            Group::RelationsEnded => "Relations ended",
            Group::HoldersAppointed => "Envoy holders appointed",
            Group::HoldersGone => "Envoy holders gone",
            Group::Events => "Events",
        }
    }

    /// A stable key for CSV cells and JSON fields: "actors_founded".
    pub fn key(self) -> &'static str {
        match self {
            Group::ActorsFounded => "actors_founded",
            Group::InstrumentsAdopted => "instruments_adopted",
            Group::RelationsBegun => "relations_begun",
            Group::RelationsEnded => "relations_ended",
            Group::HoldersAppointed => "holders_appointed",
            Group::HoldersGone => "holders_gone",
            Group::Events => "events",
        }
    }
}

/// One change, ready to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    pub group: Group,
    /// The date as the record gives it ("2018-05", "c. 2007"), or the inferred day.
    pub date: String,
    /// The start is inferred (see the time rule), not stated.
    pub undated: bool,
    /// The record's id: an actor's, an event's, a relation's (`relations[3]` without one), or
    /// for a holder the post's.
    pub id: String,
    pub kind: String,
    /// The name, the relation read as text, the holder's name or the event's title.
    pub what: String,
    /// For a holder, the post; for an event, its actors.
    pub detail: String,
}

fn kind_label(kind: ActorKind) -> String {
    match kind {
        ActorKind::Instrument(sub) => format!("Instrument: {}", sub.label()),
        other => other.label().to_string(),
    }
}

/// The stated date, or the inferred day marked as such.
fn when(stated: Option<PartialDate>, inferred: Option<Day>) -> (String, bool) {
    match (stated, inferred) {
        (Some(d), _) => (d.to_string(), false),
        (None, Some(day)) => (day.to_string(), true),
        (None, None) => (String::new(), true),
    }
}

fn relation_row(graph: &AtlasGraph, spans: &Spans, group: Group, index: usize) -> ChangeRow {
    let atlas = graph.atlas();
    let r = &atlas.relations[index];
    let name = |id: &str| {
        graph
            .node(id)
            .map_or(id.to_string(), |n| graph.actor(n).name.clone())
    };
    let label = r.kind.label();
    let what = if r.kind.is_directed() {
        format!("{} —{label}→ {}", name(&r.from), name(&r.to))
    } else {
        format!("{} —{label}— {}", name(&r.from), name(&r.to))
    };
    let span = spans.relations.get(index);
    let (date, undated) = if group == Group::RelationsEnded {
        (
            r.until.map(|d| d.to_string()).unwrap_or_default(),
            r.since.is_none(),
        )
    } else {
        when(r.since, span.and_then(|s| s.start))
    };
    ChangeRow {
        group,
        date,
        undated,
        id: r
            .id
            .clone()
            .unwrap_or_else(|| format!("relations[{index}]")),
        kind: label.to_string(),
        what,
        detail: r.note.clone().unwrap_or_default(),
    }
}

fn holder_row(graph: &AtlasGraph, spans: &Spans, group: Group, at: HolderRef) -> ChangeRow {
    let post = &graph.atlas().actors[at.actor];
    let holder = &post.holders[at.holder];
    let post_start = spans.actors.get(at.actor).and_then(|s| s.start);
    let (date, undated) = if group == Group::HoldersGone {
        (
            holder.until.map(|d| d.to_string()).unwrap_or_default(),
            holder.from.is_none(),
        )
    } else {
        when(holder.from, post_start)
    };
    ChangeRow {
        group,
        date,
        undated,
        id: post.id.clone(),
        kind: kind_label(post.kind),
        what: holder.name.clone(),
        detail: post.name.clone(),
    }
}

/// Every change as a row, group by group in [`Group::ALL`] order.
pub fn change_rows(graph: &AtlasGraph, changes: &Changes) -> Vec<ChangeRow> {
    let atlas = graph.atlas();
    let spans = Spans::of(graph);
    let actor_row = |group: Group, i: usize| {
        let a = &atlas.actors[i];
        let (date, undated) = when(a.founded, spans.actors.get(i).and_then(|s| s.start));
        ChangeRow {
            group,
            date,
            undated,
            id: a.id.clone(),
            kind: kind_label(a.kind),
            what: a.name.clone(),
            detail: String::new(),
        }
    };
    let mut rows = Vec::with_capacity(changes.len());
    rows.extend(
        changes
            .actors_founded
            .iter()
            .map(|&i| actor_row(Group::ActorsFounded, i)),
    );
    rows.extend(
        changes
            .instruments_adopted
            .iter()
            .map(|&i| actor_row(Group::InstrumentsAdopted, i)),
    );
    for (group, list) in [
        (Group::RelationsBegun, &changes.relations_begun),
        (Group::RelationsEnded, &changes.relations_ended),
    ] {
        rows.extend(list.iter().map(|&i| relation_row(graph, &spans, group, i)));
    }
    for (group, list) in [
        (Group::HoldersAppointed, &changes.holders_appointed),
        (Group::HoldersGone, &changes.holders_gone),
    ] {
        rows.extend(list.iter().map(|&h| holder_row(graph, &spans, group, h)));
    }
    rows.extend(changes.events.iter().map(|&i| {
        let e = &atlas.events[i];
        let names: Vec<String> = e
            .actors
            .iter()
            .map(|id| {
                graph
                    .node(id)
                    .map_or(id.clone(), |n| graph.actor(n).name.clone())
            })
            .collect();
        ChangeRow {
            group: Group::Events,
            date: e.date.to_string(),
            undated: false,
            id: e.id.clone(),
            kind: e.kind.label().to_string(),
            what: e.title.clone(),
            detail: names.join("; "),
        }
    }));
    rows
}

/// "after 2019-12-31, up to and including 2022-12-31".
fn window(changes: &Changes) -> String {
    let day = |d: Option<Day>| d.map_or("the beginning".to_string(), |d| d.to_string());
    format!(
        "after {}, up to and including {}",
        day(changes.from),
        day(changes.to)
    )
}

/// Text that Markdown would otherwise read as formatting.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The changes as a Markdown document: a heading with the two days, then one section per
/// group ("None." when empty). Also what `atlas diff` prints.
pub fn changes_markdown(graph: &AtlasGraph, changes: &Changes) -> String {
    let rows = change_rows(graph, changes);
    let mut out = format!("# What changed {}\n\n", window(changes));
    let title = &graph.atlas().meta.title;
    if !title.is_empty() {
        out.push_str(&format!("Atlas: {}. ", md(title)));
    }
    out.push_str(&format!(
        "{} changes. Undated records begin with the later of their ends (or, for a holder, \
         with the post) and are marked *undated*.\n",
        rows.len()
    ));
    for group in Group::ALL {
        let in_group: Vec<&ChangeRow> = rows.iter().filter(|r| r.group == group).collect();
        out.push_str(&format!("\n## {} ({})\n\n", group.title(), in_group.len()));
        if in_group.is_empty() {
            out.push_str("None.\n");
        }
        for r in in_group {
            let undated = if r.undated { " *undated*" } else { "" };
            let detail = if r.detail.is_empty() {
                String::new()
            } else {
                format!(" — {}", md(&r.detail))
            };
            out.push_str(&format!(
                "- {}{undated}: **{}** ({}, `{}`){detail}\n",
                md(&r.date),
                md(&r.what),
                md(&r.kind),
                r.id.replace('`', "'"),
            ));
        }
    }
    out
}

/// The CSV header of [`changes_csv`].
pub const CHANGES_HEADER: [&str; 7] = ["change", "date", "undated", "id", "kind", "what", "detail"];

/// The changes as one CSV table (UTF-8 with a byte order mark, CRLF), one row per change.
pub fn changes_csv(graph: &AtlasGraph, changes: &Changes) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(CHANGES_HEADER)?;
    for r in change_rows(graph, changes) {
        writer.write_record([
            r.group.key(),
            r.date.as_str(),
            if r.undated { "true" } else { "false" },
            r.id.as_str(),
            r.kind.as_str(),
            r.what.as_str(),
            r.detail.as_str(),
        ])?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The changes as JSON: the two days, a count per group, and the rows of each group.
pub fn changes_json(graph: &AtlasGraph, changes: &Changes) -> Value {
    let rows = change_rows(graph, changes);
    let mut groups = serde_json::Map::new();
    let mut counts = serde_json::Map::new();
    for group in Group::ALL {
        let list: Vec<Value> = rows
            .iter()
            .filter(|r| r.group == group)
            .map(|r| {
                json!({"date": r.date, "undated": r.undated, "id": r.id, "kind": r.kind,
                       "what": r.what, "detail": r.detail})
            })
            .collect();
        counts.insert(group.key().into(), list.len().into());
        groups.insert(group.key().into(), list.into());
    }
    json!({
        "from": changes.from.map(|d| d.to_string()),
        "to": changes.to.map(|d| d.to_string()),
        "counts": counts,
        "changes": groups,
    })
}

/// Writes [`changes_markdown`] to `path`, atomically.
pub fn write_changes_markdown(
    graph: &AtlasGraph,
    changes: &Changes,
    path: &Path,
    dataset: Option<&Path>,
) -> Result<(), ExportError> {
    write_atomically(path, changes_markdown(graph, changes).as_bytes(), dataset)
}

/// Writes [`changes_csv`] to `path`, atomically.
pub fn write_changes_csv(
    graph: &AtlasGraph,
    changes: &Changes,
    path: &Path,
    dataset: Option<&Path>,
) -> Result<(), ExportError> {
    let bytes = changes_csv(graph, changes).map_err(|source| ExportError::Csv {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomically(path, &bytes, dataset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::diff;

    fn graph() -> AtlasGraph {
        crate::io::fixture::graph()
    }

    fn day(s: &str) -> Day {
        Day::cursor(s.parse().expect("date"))
    }

    #[test]
    fn the_three_formats_list_the_same_changes() {
        let g = graph();
        let c = diff(&g, day("2018"), day("2025"));
        let rows = change_rows(&g, &c);
        assert_eq!(rows.len(), c.len());
        let bytes = changes_csv(&g, &c).expect("csv");
        let csv_rows = csv::Reader::from_reader(&bytes[3..]).records().count();
        assert_eq!(csv_rows, rows.len());
        let json = changes_json(&g, &c);
        let total: u64 = Group::ALL
            .iter()
            .map(|g| json["counts"][g.key()].as_u64().expect("count"))
            .sum();
        assert_eq!(total as usize, rows.len());
        let text = changes_markdown(&g, &c);
        assert!(
            text.starts_with("# What changed after 2018-12-31, up to and including 2025-12-31\n")
        );
        assert!(text.contains("## Instruments adopted (1)"), "{text}");
        assert!(text.contains("**Règlement sur l'IA**"), "{text}");
    }

    #[test]
    fn markdown_escapes_what_it_would_read_as_formatting() {
        assert_eq!(
            md("AT&T <\"Ma Bell\"> *x*"),
            "AT&T \\<\"Ma Bell\"\\> \\*x\\*"
        );
        assert_eq!(md("a\nb"), "a b");
    }
}
