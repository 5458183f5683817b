//! The briefing on one actor: picture, summary, key facts, relations by kind, events and
//! stories, every fact followed by its reference numbers.

use petgraph::graph::NodeIndex;

use crate::graph::{Direction, neighbours};
use crate::model::{Actor, ActorKind, Event, RelationKind};

use super::doc::{Block, Column, Inline, Table};
use super::figure::ego_figure;
use super::{BriefError, Ctx, period};

/// Writes the actor's sections into `ctx`; returns the title and subtitle.
pub(super) fn build(ctx: &mut Ctx<'_>, id: &str) -> Result<(String, String), BriefError> {
    let graph = ctx.graph;
    let node = graph
        .node(id)
        .ok_or_else(|| BriefError::UnknownActor(id.to_string()))?;
    let actor = graph.actor(node);
    if !ctx.visible.nodes[node.index()] {
        let founded = actor.founded.map(|d| d.to_string()).unwrap_or_default();
        ctx.paragraph(vec![Inline::text(format!(
            "On {} this actor did not exist yet: it was founded {founded}.",
            ctx.as_of.date
        ))]);
    }
    if let Some(figure) = ego_figure(graph, &[node], &ctx.visible, &actor.name) {
        ctx.blocks.push(Block::Figure(figure));
    }
    if !actor.summary.is_empty() {
        ctx.heading("Summary");
        let cite = ctx.cites.cite(&actor.sources);
        ctx.paragraph(vec![Inline::text(&actor.summary), cite]);
    }
    key_facts(ctx, actor);
    relations(ctx, node);
    events(ctx, node);
    stories(ctx, &actor.id);
    Ok((actor.name.clone(), kind_line(actor)))
}

/// "Envoy post · DK · based in Copenhagen".
fn kind_line(actor: &Actor) -> String {
    let mut parts = vec![kind_label(actor.kind)];
    parts.extend(actor.country.clone());
    parts.extend(actor.based_in.as_ref().map(|b| format!("based in {b}")));
    parts.join(" · ")
}

/// "State", or "Instrument (Regulation)".
pub(super) fn kind_label(kind: ActorKind) -> String {
    match kind {
        ActorKind::Instrument(sub) => format!("Instrument ({})", sub.label()),
        other => other.label().to_string(),
    }
}

fn key_facts<'a>(ctx: &mut Ctx<'a>, actor: &'a Actor) {
    ctx.heading("Key facts");
    let atlas = ctx.graph.atlas();
    if let Some(founded) = actor.founded {
        let cite = ctx.cites.cite(&actor.sources);
        ctx.fact("Founded", vec![Inline::text(founded.to_string()), cite]);
    }
    if !actor.aliases.is_empty() {
        let cite = ctx.cites.cite(&actor.sources);
        ctx.fact(
            "Also known as",
            vec![Inline::text(actor.aliases.join("; ")), cite],
        );
    }
    let names = |ids: &[String], all: &dyn Fn(&str) -> Option<String>| {
        ids.iter()
            .filter_map(|id| all(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let region = |id: &str| {
        atlas
            .regions
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.clone())
    };
    let theme = |id: &str| {
        atlas
            .themes
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
    };
    let regions = names(&actor.regions, &region);
    if !regions.is_empty() {
        ctx.fact("Regions", vec![Inline::Text(regions)]);
    }
    let themes = names(&actor.themes, &theme);
    if !themes.is_empty() {
        ctx.fact("Themes", vec![Inline::Text(themes)]);
    }
    holders(ctx, actor);
}

/// The people who held a post by the date, with their tenure.
fn holders<'a>(ctx: &mut Ctx<'a>, actor: &'a Actor) {
    let as_of = ctx.as_of;
    let begun: Vec<_> = actor
        .holders
        .iter()
        .filter(|h| as_of.has_begun(h))
        .collect();
    if begun.is_empty() {
        return;
    }
    ctx.subheading("Holders of the post");
    for h in begun {
        let mut line = h.name.clone();
        let tenure = period(h.from, h.until, "since");
        if !tenure.is_empty() {
            line.push_str(&format!(", {tenure}"));
        }
        if let Some(note) = &h.note {
            line.push_str(&format!(" ({note})"));
        }
        // A holder without sources of its own rests on the post's sources.
        let sources = if h.sources.is_empty() {
            &actor.sources
        } else {
            &h.sources
        };
        let cite = ctx.cites.cite(sources);
        ctx.item(vec![Inline::Text(line), cite]);
    }
}

/// Relations on the date, grouped by kind in the legend's order.
fn relations(ctx: &mut Ctx<'_>, node: NodeIndex) {
    let graph = ctx.graph;
    let links: Vec<_> = neighbours(graph, node, None, Direction::Both)
        .into_iter()
        .filter(|&(other, e)| ctx.visible.edges[e.index()] && ctx.visible.nodes[other.index()])
        .collect();
    ctx.heading(format!("Relations ({})", links.len()));
    if links.is_empty() {
        ctx.paragraph(vec![Inline::text("None on this date.")]);
        return;
    }
    for kind in RelationKind::ALL {
        let mut of_kind: Vec<_> = links
            .iter()
            .map(|&(_, e)| graph.relation(e))
            .filter(|r| r.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        of_kind.sort_by(|a, b| a.since.cmp(&b.since).then_with(|| a.to.cmp(&b.to)));
        ctx.subheading(capitalise(kind.label()));
        for r in of_kind {
            let name = |id: &str| {
                graph
                    .node(id)
                    .map_or(id.to_string(), |n| graph.actor(n).name.clone())
            };
            let mut line = format!("{} {} {}", name(&r.from), kind.label(), name(&r.to));
            let when = period(r.since, r.until, "since");
            if !when.is_empty() {
                line.push_str(&format!(", {when}"));
            }
            if let Some(note) = &r.note {
                line.push_str(&format!(". {note}"));
            }
            let cite = ctx.cites.cite(&r.sources);
            ctx.item(vec![Inline::Text(line), cite]);
        }
    }
}

/// The actor's events up to the date, oldest first.
fn events(ctx: &mut Ctx<'_>, node: NodeIndex) {
    let graph = ctx.graph;
    let happened: Vec<_> = graph
        .events_of(node)
        .filter(|e| ctx.as_of.has_happened(e))
        .collect();
    if happened.is_empty() {
        return;
    }
    ctx.heading("Events");
    push_events(ctx, happened);
}

/// Adds the table of `events` (date, kind, title with its citation) used by every briefing.
pub(super) fn push_events<'e>(ctx: &mut Ctx<'e>, events: impl IntoIterator<Item = &'e Event>) {
    let rows = events
        .into_iter()
        .map(|e| {
            let cite = ctx.cites.cite(&e.sources);
            vec![
                vec![Inline::Text(e.date.to_string())],
                vec![Inline::text(e.kind.label())],
                vec![Inline::Text(e.title.clone()), cite],
            ]
        })
        .collect();
    ctx.blocks.push(Block::Table(event_table(rows)));
}

/// The three-column table of dated events.
fn event_table(rows: Vec<Vec<Vec<Inline>>>) -> Table {
    let column = |title: &str, share: f32| Column {
        title: title.to_string(),
        share,
    };
    Table {
        columns: vec![
            column("Date", 0.14),
            column("Kind", 0.16),
            column("Event", 0.70),
        ],
        rows,
    }
}

/// The stories that focus on the actor, with the steps that do.
fn stories(ctx: &mut Ctx<'_>, id: &str) {
    let atlas = ctx.graph.atlas();
    let mut lines = Vec::new();
    for story in &atlas.stories {
        let steps: Vec<String> = story
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.focus.iter().any(|f| f == id))
            .map(|(i, s)| format!("step {} “{}”", i + 1, s.title))
            .collect();
        if !steps.is_empty() {
            lines.push(format!("{}: {}", story.title, steps.join(", ")));
        }
    }
    if lines.is_empty() {
        return;
    }
    ctx.heading("In the atlas's stories");
    for line in lines {
        ctx.item(vec![Inline::Text(line)]);
    }
}

/// "member of" → "Member of".
pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
