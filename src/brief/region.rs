//! The briefing on a region or a theme: its actors by kind, its instruments and groupings
//! with the members they have there, and a timeline of its events.

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;

use crate::graph::{Direction, neighbours};
use crate::model::{Actor, ActorKind, RelationKind};

use super::actor::{kind_label, push_events};
use super::doc::Inline;
use super::{BriefError, Ctx};

/// Writes the region's sections; returns the title and subtitle.
pub(super) fn build_region(ctx: &mut Ctx<'_>, id: &str) -> Result<(String, String), BriefError> {
    let region = ctx
        .graph
        .atlas()
        .regions
        .iter()
        .find(|r| r.id == id)
        .ok_or_else(|| BriefError::UnknownRegion(id.to_string()))?;
    let members = members(ctx, |a| a.regions.iter().any(|r| r == id));
    write(ctx, &region.summary, &members);
    Ok((region.name.clone(), "Region".to_string()))
}

/// Writes the theme's sections; returns the title and subtitle.
pub(super) fn build_theme(ctx: &mut Ctx<'_>, id: &str) -> Result<(String, String), BriefError> {
    let theme = ctx
        .graph
        .atlas()
        .themes
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| BriefError::UnknownTheme(id.to_string()))?;
    let members = members(ctx, |a| a.themes.iter().any(|t| t == id));
    write(ctx, &theme.summary, &members);
    Ok((theme.name.clone(), "Theme".to_string()))
}

/// The actors that belong and exist on the date, in file order.
fn members(ctx: &Ctx<'_>, belongs: impl Fn(&Actor) -> bool) -> Vec<NodeIndex> {
    ctx.graph
        .nodes()
        .filter(|n| ctx.visible.nodes[n.index()] && belongs(ctx.graph.actor(*n)))
        .collect()
}

fn write(ctx: &mut Ctx<'_>, summary: &str, members: &[NodeIndex]) {
    if !summary.is_empty() {
        ctx.heading("Summary");
        ctx.paragraph(vec![Inline::text(summary)]);
    }
    let (groupings, actors): (Vec<NodeIndex>, Vec<NodeIndex>) = members
        .iter()
        .partition(|&&n| is_grouping(ctx.graph.actor(n).kind));
    actors_by_kind(ctx, &actors);
    instruments_and_groupings(ctx, &groupings, members);
    timeline(ctx, members);
}

/// Blocs, organisations, forums and instruments: the things other actors join or sign.
fn is_grouping(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::Bloc
            | ActorKind::InternationalOrganisation
            | ActorKind::Forum
            | ActorKind::Instrument(_)
    )
}

fn actors_by_kind(ctx: &mut Ctx<'_>, actors: &[NodeIndex]) {
    let graph = ctx.graph;
    ctx.heading(format!("Actors by kind ({})", actors.len()));
    for kind in ActorKind::BASE.into_iter().filter(|k| !is_grouping(*k)) {
        let mut of_kind: Vec<&Actor> = actors
            .iter()
            .map(|&n| graph.actor(n))
            .filter(|a| a.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        of_kind.sort_by(|a, b| a.name.cmp(&b.name));
        ctx.subheading(format!("{} ({})", kind.label(), of_kind.len()));
        for actor in of_kind {
            let mut line = actor.name.clone();
            if let Some(country) = &actor.country {
                line.push_str(&format!(" ({country})"));
            }
            if let Some(founded) = actor.founded {
                line.push_str(&format!(", since {founded}"));
            }
            let cite = ctx.cites.cite(&actor.sources);
            ctx.item(vec![Inline::Text(line), cite]);
        }
    }
}

/// Relations by which an actor belongs to, or signs on to, a grouping or an instrument.
const JOINING: [RelationKind; 6] = [
    RelationKind::MemberOf,
    RelationKind::ObserverOf,
    RelationKind::PartyTo,
    RelationKind::Signs,
    RelationKind::Adopts,
    RelationKind::ParticipatesIn,
];

/// Each grouping with the actors of the set that join it, citing those relations.
fn instruments_and_groupings(ctx: &mut Ctx<'_>, groupings: &[NodeIndex], set: &[NodeIndex]) {
    if groupings.is_empty() {
        return;
    }
    let graph = ctx.graph;
    let in_set: BTreeSet<NodeIndex> = set.iter().copied().collect();
    ctx.heading(format!("Instruments and groupings ({})", groupings.len()));
    let mut sorted = groupings.to_vec();
    sorted.sort_by_key(|&n| (graph.actor(n).kind.family(), graph.actor(n).name.clone()));
    for g in sorted {
        let actor = graph.actor(g);
        let mut head = format!("{} — {}", actor.name, kind_label(actor.kind));
        if let Some(founded) = actor.founded {
            head.push_str(&format!(", {founded}"));
        }
        let mut body = vec![Inline::Text(head), ctx.cites.cite(&actor.sources)];
        let joined: Vec<_> = neighbours(graph, g, None, Direction::Incoming)
            .into_iter()
            .filter(|&(m, e)| {
                ctx.visible.edges[e.index()]
                    && in_set.contains(&m)
                    && JOINING.contains(&graph.relation(e).kind)
            })
            .collect();
        for (i, (m, e)) in joined.into_iter().enumerate() {
            let r = graph.relation(e);
            let lead = if i == 0 { ". Here: " } else { "; " };
            body.push(Inline::Text(format!(
                "{lead}{} ({})",
                graph.actor(m).name,
                r.kind.label()
            )));
            body.push(ctx.cites.cite(&r.sources));
        }
        ctx.item(body);
    }
}

/// Events that concern any actor of the set, up to the date, oldest first.
fn timeline(ctx: &mut Ctx<'_>, set: &[NodeIndex]) {
    let graph = ctx.graph;
    let ids: BTreeSet<&str> = set.iter().map(|&n| graph.actor(n).id.as_str()).collect();
    let mut events: Vec<_> = graph
        .atlas()
        .events
        .iter()
        .filter(|e| ctx.as_of.has_happened(e) && e.actors.iter().any(|a| ids.contains(a.as_str())))
        .collect();
    if events.is_empty() {
        return;
    }
    events.sort_by_key(|e| e.date);
    ctx.heading(format!("Timeline ({} events)", events.len()));
    push_events(ctx, events);
}
