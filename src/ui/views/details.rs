//! Right panel: everything about the selection, with links to navigate and sources to check.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText, Ui};

use crate::graph::time::{event_span, relation_span};
use crate::graph::{AtlasGraph, Day, Direction, Standing, Status, neighbours};
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
        verbs::button(ui, state, Verb::EditSelection, "✏ Edit", out);
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
                    Some(r) => relation(ui, graph, r, state.filter().as_of_day(), out),
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

/// A record's dates with its standing on the "as of" day: "since 2022-05-23 · not yet".
/// Without a day only *undated* is marked, since "current" then means nothing.
fn dated(when: String, standing: Option<Standing>, undated: bool) -> String {
    let mut marks: Vec<&str> = Vec::new();
    if let Some(s) = standing
        && s.status != Status::Current
    {
        marks.push(s.status.label());
    }
    if undated {
        marks.push("undated");
    }
    match (when.is_empty(), marks.is_empty()) {
        (_, true) => when,
        (true, false) => marks.join(" · "),
        (false, false) => format!("{when} · {}", marks.join(" · ")),
    }
}

/// A date mark in the warning colour when the record is not current, weak otherwise.
fn date_label(ui: &mut Ui, text: String, standing: Option<Standing>) {
    if text.is_empty() {
        return;
    }
    let absent = standing.is_some_and(|s| !s.exists());
    let text = RichText::new(text).small();
    ui.label(if absent {
        text.color(ui.visuals().warn_fg_color)
    } else {
        text.weak()
    });
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
    let day = state.filter().as_of_day();
    let a = graph.actor(node);
    ui.heading(&a.name);
    if let Some(day) = day {
        let standing = graph.actor_standing(node, day);
        if !standing.exists() {
            let text = match standing.status {
                Status::NotYet => format!("Not yet there on {day}"),
                _ => format!("Gone by {day}"),
            };
            date_label(ui, text, Some(standing));
        }
    }
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
    holders(ui, graph, node, day);
    relations(ui, graph, node, day, out);
    let events: Vec<&Event> = graph.events_of(node).collect();
    if !events.is_empty() {
        ui.add_space(6.0);
        ui.strong(format!("Events ({})", events.len()));
        for e in events {
            ui.horizontal_wrapped(|ui| {
                if ui.link(format!("{}  {}", e.date, e.title)).clicked() {
                    out.push(Command::Select(Selection::Event(e.id.clone())));
                }
                let standing = day.map(|d| event_span(e).standing_at(d));
                date_label(ui, dated(String::new(), standing, false), standing);
            });
        }
    }
    sources(ui, graph, &a.sources, out);
}

/// The post's holders, and who held it on the "as of" day.
fn holders(ui: &mut Ui, graph: &AtlasGraph, node: petgraph::graph::NodeIndex, day: Option<Day>) {
    let a = graph.actor(node);
    if a.holders.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.strong("Holders");
    if let Some(day) = day {
        let on: Vec<&str> = graph
            .holders_on(node, day)
            .into_iter()
            .filter(|(_, s)| s.exists())
            .map(|(h, _)| h.name.as_str())
            .collect();
        let text = if on.is_empty() {
            format!("On {day}: nobody in the atlas held the post")
        } else {
            format!("On {day}: {}", on.join(", "))
        };
        ui.label(RichText::new(text).strong());
    }
    let post = graph.actor_span(node);
    for h in &a.holders {
        let span_of = crate::graph::time::holder_span(h, &post);
        let standing = day.map(|d| span_of.standing_at(d));
        let note = h
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            let when = span(h.from, h.until);
            ui.label(format!("• {}  {when}{note}", h.name));
            date_label(
                ui,
                dated(String::new(), standing, span_of.undated),
                standing,
            );
        });
    }
}

/// Relations grouped by kind and direction: "appoints →", "← member of"; each with its dates
/// and its standing on the "as of" day.
fn relations(
    ui: &mut Ui,
    graph: &AtlasGraph,
    node: petgraph::graph::NodeIndex,
    day: Option<Day>,
    out: &mut Vec<Command>,
) {
    type Row = (petgraph::graph::NodeIndex, petgraph::graph::EdgeIndex);
    let mut groups: BTreeMap<(RelationKind, bool), Vec<Row>> = BTreeMap::new();
    for (other, edge) in neighbours(graph, node, None, Direction::Outgoing) {
        groups
            .entry((graph.relation(edge).kind, true))
            .or_default()
            .push((other, edge));
    }
    for (other, edge) in neighbours(graph, node, None, Direction::Incoming) {
        groups
            .entry((graph.relation(edge).kind, false))
            .or_default()
            .push((other, edge));
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
                for (other, edge) in list {
                    let index = graph.graph()[edge];
                    ui.horizontal_wrapped(|ui| {
                        actor_link(ui, graph.actor(other), out);
                        let r = &graph.atlas().relations[index];
                        let span_of = graph.relation_span(edge);
                        let standing = day.map(|d| span_of.standing_at(d));
                        if ui
                            .small_button("details")
                            .on_hover_text("Details of this relation")
                            .clicked()
                        {
                            out.push(Command::Select(Selection::Relation(index)));
                        }
                        let when = dated(span(r.since, r.until), standing, span_of.undated);
                        date_label(ui, when, standing);
                    });
                }
            });
    }
}

fn relation(
    ui: &mut Ui,
    graph: &AtlasGraph,
    r: &Relation,
    day: Option<Day>,
    out: &mut Vec<Command>,
) {
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
    let end = |id: &str| graph.node(id).map(|n| graph.actor_span(n));
    let span_of = relation_span(r, end(&r.from).as_ref(), end(&r.to).as_ref());
    let standing = day.map(|d| span_of.standing_at(d));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("When:").strong());
        let when = span(r.since, r.until);
        let when = match (when.is_empty(), span_of.start) {
            (true, Some(start)) => format!("from {start} (its later end's start)"),
            _ => when,
        };
        date_label(ui, dated(when, standing, span_of.undated), standing);
    });
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
