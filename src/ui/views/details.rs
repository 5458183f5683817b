//! Right panel: everything about the selection, with links to navigate and sources to check.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText, Ui};

use crate::graph::{AtlasGraph, Direction, neighbours};
use crate::model::source_quality::SourceKinds;
use crate::model::{Actor, Event, PartialDate, Relation, RelationKind, validate::is_web_link};
use crate::ui::command::{Command, select_and_frame};
use crate::ui::state::AppState;
use crate::ui::theme::Palette;
use crate::ui::verbs::{self, Verb};
use crate::ui::view_state::Selection;

pub fn ui(ui: &mut Ui, state: &AppState, palette: Palette, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        verbs::button(ui, state, Verb::Back, "◀ Back", out);
        verbs::button(ui, state, Verb::Forward, "Forward ▶", out);
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("details-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let graph = &state.dataset.graph;
            match &state.view.selection {
                None => overview(ui, state),
                Some(Selection::Actor(id)) => match graph.node(id) {
                    Some(node) => actor(ui, state, node, palette, out),
                    None => missing(ui, id),
                },
                Some(Selection::Relation(i)) => match graph.atlas().relations.get(*i) {
                    Some(r) => relation(ui, graph, r, out),
                    None => missing(ui, &format!("relation {i}")),
                },
                Some(Selection::Event(id)) => {
                    match graph.atlas().events.iter().find(|e| &e.id == id) {
                        Some(e) => event(ui, graph, e, out),
                        None => missing(ui, id),
                    }
                }
            }
        });
}

fn missing(ui: &mut Ui, what: &str) {
    ui.label(format!("“{what}” is not in this dataset."));
}

fn overview(ui: &mut Ui, state: &AppState) {
    let atlas = state.dataset.graph.atlas();
    ui.heading(if atlas.meta.title.is_empty() {
        "Atlas"
    } else {
        &atlas.meta.title
    });
    if !atlas.meta.edition.is_empty() {
        ui.label(RichText::new(format!("Edition {}", atlas.meta.edition)).weak());
    }
    ui.label(&atlas.meta.summary);
    ui.add_space(6.0);
    ui.label(format!(
        "{} actors · {} relations · {} events · {} stories · {} sources",
        atlas.actors.len(),
        atlas.relations.len(),
        atlas.events.len(),
        atlas.stories.len(),
        atlas.sources.len()
    ));
    ui.add_space(6.0);
    let search_keys = Verb::Search.keys_text(ui.ctx()).unwrap_or_default();
    ui.label(
        RichText::new(format!(
            "Click an actor in the network, the timeline or a region, or search with {search_keys}."
        ))
        .weak(),
    );
    if !atlas.meta.license.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(&atlas.meta.license).small().weak());
    }
}

fn field(ui: &mut Ui, name: &str, value: impl Into<String>) {
    let value = value.into();
    if value.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{name}:")).strong());
        ui.label(value);
    });
}

fn span(from: Option<PartialDate>, until: Option<PartialDate>) -> String {
    match (from, until) {
        (None, None) => String::new(),
        (Some(f), None) => format!("since {f}"),
        (None, Some(u)) => format!("until {u}"),
        (Some(f), Some(u)) => format!("{f} – {u}"),
    }
}

fn actor_link(ui: &mut Ui, actor: &Actor, out: &mut Vec<Command>) {
    if ui
        .link(&actor.name)
        .on_hover_text(actor.kind.label())
        .clicked()
    {
        out.extend(select_and_frame(&actor.id));
    }
}

fn actor(
    ui: &mut Ui,
    state: &AppState,
    node: petgraph::graph::NodeIndex,
    palette: Palette,
    out: &mut Vec<Command>,
) {
    let graph = &state.dataset.graph;
    let a = graph.actor(node);
    ui.heading(&a.name);
    let kind = match a.kind {
        crate::model::ActorKind::Instrument(sub) => format!("Instrument · {}", sub.label()),
        k => k.label().to_string(),
    };
    ui.label(RichText::new(kind).color(palette.kind(a.kind)).strong());
    field(ui, "Also known as", a.aliases.join(", "));
    field(ui, "Country", a.country.clone().unwrap_or_default());
    let names = |ids: &[String], all: &dyn Fn(&str) -> Option<String>| {
        ids.iter()
            .map(|i| all(i).unwrap_or_else(|| i.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let atlas = graph.atlas();
    field(
        ui,
        "Regions",
        names(&a.regions, &|i| {
            atlas
                .regions
                .iter()
                .find(|r| r.id == i)
                .map(|r| r.name.clone())
        }),
    );
    field(
        ui,
        "Themes",
        names(&a.themes, &|i| {
            atlas
                .themes
                .iter()
                .find(|t| t.id == i)
                .map(|t| t.name.clone())
        }),
    );
    field(ui, "Based in", a.based_in.clone().unwrap_or_default());
    field(
        ui,
        "Founded",
        a.founded.map(|d| d.to_string()).unwrap_or_default(),
    );
    field(ui, "Id", a.id.clone());
    if !a.summary.is_empty() {
        ui.add_space(4.0);
        crate::ui::windows::glossary::linked_text(ui, state, &a.summary, out);
    }
    if !a.holders.is_empty() {
        ui.add_space(6.0);
        ui.strong("Holders");
        for h in &a.holders {
            let when = span(h.from, h.until);
            let note = h
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            ui.label(format!("• {}  {when}{note}", h.name));
        }
    }
    relations(ui, graph, node, out);
    let events: Vec<&Event> = graph.events_of(node).collect();
    if !events.is_empty() {
        ui.add_space(6.0);
        ui.strong(format!("Events ({})", events.len()));
        for e in events {
            if ui.link(format!("{}  {}", e.date, e.title)).clicked() {
                out.push(Command::Select(Selection::Event(e.id.clone())));
            }
        }
    }
    sources(ui, graph, &a.sources, out);
}

/// Relations grouped by kind and direction: "appoints →", "← member of".
fn relations(
    ui: &mut Ui,
    graph: &AtlasGraph,
    node: petgraph::graph::NodeIndex,
    out: &mut Vec<Command>,
) {
    let mut groups: BTreeMap<(RelationKind, bool), Vec<(petgraph::graph::NodeIndex, usize)>> =
        BTreeMap::new();
    for (other, edge) in neighbours(graph, node, None, Direction::Outgoing) {
        groups
            .entry((graph.relation(edge).kind, true))
            .or_default()
            .push((other, graph.graph()[edge]));
    }
    for (other, edge) in neighbours(graph, node, None, Direction::Incoming) {
        groups
            .entry((graph.relation(edge).kind, false))
            .or_default()
            .push((other, graph.graph()[edge]));
    }
    if groups.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong("Relations");
    for ((kind, outgoing), list) in groups {
        let title = if outgoing || !kind.is_directed() {
            format!("{} → ({})", kind.label(), list.len())
        } else {
            format!("← {} ({})", kind.label(), list.len())
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("rel", kind, outgoing))
            .default_open(list.len() <= 8)
            .show(ui, |ui| {
                for (other, index) in list {
                    ui.horizontal_wrapped(|ui| {
                        actor_link(ui, graph.actor(other), out);
                        let r = &graph.atlas().relations[index];
                        let when = span(r.since, r.until);
                        if ui
                            .small_button("details")
                            .on_hover_text("Details of this relation")
                            .clicked()
                        {
                            out.push(Command::Select(Selection::Relation(index)));
                        }
                        if !when.is_empty() {
                            ui.label(RichText::new(when).weak());
                        }
                    });
                }
            });
    }
}

fn relation(ui: &mut Ui, graph: &AtlasGraph, r: &Relation, out: &mut Vec<Command>) {
    ui.heading("Relation");
    ui.horizontal_wrapped(|ui| {
        if let Some(a) = graph.node(&r.from) {
            actor_link(ui, graph.actor(a), out);
        }
        ui.label(RichText::new(r.kind.label()).strong());
        if let Some(b) = graph.node(&r.to) {
            actor_link(ui, graph.actor(b), out);
        }
    });
    field(ui, "When", span(r.since, r.until));
    field(ui, "Note", r.note.clone().unwrap_or_default());
    field(
        ui,
        "Directed",
        if r.kind.is_directed() {
            "yes"
        } else {
            "no (mutual)"
        },
    );
    sources(ui, graph, &r.sources, out);
}

fn event(ui: &mut Ui, graph: &AtlasGraph, e: &Event, out: &mut Vec<Command>) {
    ui.heading(&e.title);
    ui.label(RichText::new(format!("{} · {}", e.date, e.kind.label())).strong());
    if !e.summary.is_empty() {
        ui.add_space(4.0);
        ui.label(&e.summary);
    }
    ui.add_space(6.0);
    ui.strong("Concerns");
    for id in &e.actors {
        if let Some(n) = graph.node(id) {
            actor_link(ui, graph.actor(n), out);
        }
    }
    field(ui, "Id", e.id.clone());
    sources(ui, graph, &e.sources, out);
}

/// Sources with their links. Only http(s) links are clickable (they open in the system
/// browser); anything else is shown as plain text, never handed to the OS.
fn sources(ui: &mut Ui, graph: &AtlasGraph, ids: &[String], out: &mut Vec<Command>) {
    if ids.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong("Sources");
    mirror_only_note(ui, graph, ids);
    for id in ids {
        let Some(s) = graph.atlas().sources.iter().find(|s| &s.id == id) else {
            ui.label(format!("• {id} (missing)"));
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            if is_web_link(&s.url) {
                web_link(ui, &s.title, s.url.trim(), out);
            } else {
                ui.label(format!("{} ({})", s.title, s.url));
            }
            if let Some(p) = &s.publisher {
                ui.label(RichText::new(p).weak());
            }
            if let Some(quality) = source_quality_text(s) {
                ui.label(RichText::new(quality).small().weak());
            }
        });
        if let Some(note) = &s.note {
            ui.label(RichText::new(note).small().weak());
        }
    }
}

/// A web link that opens in the browser (the app says so, and says when it could not), and
/// a "Copy link" button beside it for when no browser opens.
fn web_link(ui: &mut Ui, title: &str, url: &str, out: &mut Vec<Command>) {
    if ui.link(title).on_hover_text(url).clicked() {
        out.push(Command::OpenLink(url.to_string()));
    }
    let copy = ui.small_button("Copy link").on_hover_text(url);
    if copy.clicked() {
        ui.ctx().copy_text(url.to_string());
        out.push(Command::Status(format!("Copied the link: {url}")));
    }
}

/// "Press · checked 2026-11-25": what kind of page a source is and when it was last checked.
fn source_quality_text(source: &crate::model::Source) -> Option<String> {
    let kind = source.kind.map(|k| k.label().to_string());
    let checked = source.checked.map(|d| format!("checked {d}"));
    let parts: Vec<String> = kind.into_iter().chain(checked).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Says so when a record rests only on mirrors or aggregators: the fact is sourced, but a
/// reader should know no original page stands behind it yet.
fn mirror_only_note(ui: &mut Ui, graph: &AtlasGraph, ids: &[String]) {
    if SourceKinds::of(graph.atlas()).is_mirror_only(ids) {
        ui.label(
            RichText::new("⚠ Sourced only to mirrors or aggregators, not to an original page")
                .small()
                .weak(),
        )
        .on_hover_text("The sources below repeat another page; the original was not read.");
    }
}
