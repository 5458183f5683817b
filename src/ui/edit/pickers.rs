//! Reference pickers: fields that hold ids of other records (an actor, sources, regions,
//! themes, glossary terms), filled by searching as one types. Actors are found by the atlas
//! search (names, aliases, holders, codes); the rest by id or name, accents and case ignored.

use eframe::egui::{self, RichText, Ui};

use crate::graph::AtlasGraph;
use crate::graph::search::{fold, search};

use super::fields::FieldCtx;

/// How many suggestions a picker lists under its field.
const SUGGESTIONS: usize = 6;

/// What a picker refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Actor,
    Source,
    Region,
    Theme,
    Glossary,
}

/// A picker's value and the text typed to search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RefList {
    pub ids: Vec<String>,
    pub query: String,
}

impl RefList {
    pub fn new(ids: &[String]) -> Self {
        Self {
            ids: ids.to_vec(),
            query: String::new(),
        }
    }
}

/// The records of `kind` matching `query`, best first: (id, what a list shows).
pub fn candidates(
    graph: &AtlasGraph,
    kind: RefKind,
    query: &str,
    limit: usize,
) -> Vec<(String, String)> {
    if kind == RefKind::Actor {
        return search(graph, query, limit)
            .into_iter()
            .map(|hit| {
                let actor = graph.actor(hit.node);
                (actor.id.clone(), hit.label(&actor.name))
            })
            .collect();
    }
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(u8, String, String)> = named(graph, kind)
        .filter_map(|(id, name)| {
            let (fid, fname) = (fold(&id), fold(&name));
            let rank = if fid == q || fname == q {
                0
            } else if fid.starts_with(&q) || fname.starts_with(&q) {
                1
            } else if fid.contains(&q) || fname.contains(&q) {
                2
            } else {
                return None;
            };
            Some((rank, id, name))
        })
        .collect();
    found.sort_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
    found
        .into_iter()
        .take(limit)
        .map(|(_, id, name)| {
            let label = if id == name {
                name
            } else {
                format!("{name}  ({id})")
            };
            (id, label)
        })
        .collect()
}

/// (id, name) of every record of a kind other than actors.
fn named(graph: &AtlasGraph, kind: RefKind) -> Box<dyn Iterator<Item = (String, String)> + '_> {
    let atlas = graph.atlas();
    match kind {
        RefKind::Source => Box::new(
            atlas
                .sources
                .iter()
                .map(|s| (s.id.clone(), s.title.clone())),
        ),
        RefKind::Region => Box::new(atlas.regions.iter().map(|r| (r.id.clone(), r.name.clone()))),
        RefKind::Theme => Box::new(atlas.themes.iter().map(|t| (t.id.clone(), t.name.clone()))),
        RefKind::Glossary => Box::new(
            atlas
                .glossary
                .iter()
                .map(|g| (g.term.clone(), g.term.clone())),
        ),
        RefKind::Actor => Box::new(atlas.actors.iter().map(|a| (a.id.clone(), a.name.clone()))),
    }
}

/// The name a picker shows for an id: the record's name, or the id itself when unknown.
pub fn name_of(graph: &AtlasGraph, kind: RefKind, id: &str) -> String {
    named(graph, kind)
        .find(|(known, _)| known == id)
        .map_or_else(|| id.to_string(), |(_, name)| name)
}

impl FieldCtx<'_> {
    /// Several references: the chosen ones with a ✕ each, and a search field to add more.
    pub fn refs(
        &self,
        ui: &mut Ui,
        graph: &AtlasGraph,
        (label, field): (&str, &str),
        kind: RefKind,
        value: &mut RefList,
    ) {
        self.row(ui, label, field, |ui, id| {
            let mut remove = None;
            ui.horizontal_wrapped(|ui| {
                for (i, chosen) in value.ids.iter().enumerate() {
                    let text = format!("{} ✕", name_of(graph, kind, chosen));
                    if ui.small_button(text).on_hover_text(chosen).clicked() {
                        remove = Some(i);
                    }
                }
            });
            if let Some(i) = remove {
                value.ids.remove(i);
            }
            if let Some(picked) = search_field(ui, graph, kind, &mut value.query, id, "add…") {
                if !value.ids.contains(&picked) {
                    value.ids.push(picked);
                }
                value.query.clear();
            }
        });
    }

    /// One reference (a relation's end): its name, and a search field to change it.
    pub fn one_ref(
        &self,
        ui: &mut Ui,
        graph: &AtlasGraph,
        (label, field): (&str, &str),
        kind: RefKind,
        value: &mut RefOne,
    ) {
        self.row(ui, label, field, |ui, id| {
            if !value.id.is_empty() {
                ui.label(RichText::new(name_of(graph, kind, &value.id)).strong())
                    .on_hover_text(&value.id);
            }
            let hint = if value.id.is_empty() {
                "search…"
            } else {
                "change…"
            };
            if let Some(picked) = search_field(ui, graph, kind, &mut value.query, id, hint) {
                value.id = picked;
                value.query.clear();
            }
        });
    }
}

/// A single reference and the text typed to search for another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RefOne {
    pub id: String,
    pub query: String,
}

impl RefOne {
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_string(),
            query: String::new(),
        }
    }
}

/// A search field with its suggestions listed under it; returns the id picked this frame.
/// Enter picks the first suggestion.
fn search_field(
    ui: &mut Ui,
    graph: &AtlasGraph,
    kind: RefKind,
    query: &mut String,
    label: egui::Id,
    hint: &str,
) -> Option<String> {
    let edit = egui::TextEdit::singleline(query)
        .hint_text(hint)
        .desired_width(f32::INFINITY);
    let response = ui.add(edit).labelled_by(label);
    let found = candidates(graph, kind, query, SUGGESTIONS);
    if response.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some((id, _)) = found.first()
    {
        return Some(id.clone());
    }
    let mut picked = None;
    for (id, text) in found {
        if ui.selectable_label(false, format!("＋ {text}")).clicked() {
            picked = Some(id);
        }
    }
    if !query.trim().is_empty() && picked.is_none() && candidates(graph, kind, query, 1).is_empty()
    {
        ui.label(RichText::new("nothing matches").small().weak());
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::load_graph_str;

    const TEXT: &str = r#"Atlas(
        regions: [(id: "east-asia", name: "East Asia"), (id: "europe", name: "Europe")],
        themes: [(id: "chips", name: "Semiconductors")],
        sources: [(id: "s-mofa", title: "Ministry of Foreign Affairs", url: "https://example.org")],
        actors: [
            (id: "jp", kind: State, name: "Japan", country: Some("JP"), regions: ["east-asia"], sources: ["s-mofa"]),
            (id: "quad", kind: Forum, name: "Quad", aliases: ["Quadrilateral Security Dialogue"], sources: ["s-mofa"]),
        ],
        relations: [(from: "jp", to: "quad", kind: MemberOf, sources: ["s-mofa"])],
    )"#;

    fn graph() -> AtlasGraph {
        load_graph_str(TEXT, "t.ron").expect("valid").graph
    }

    #[test]
    fn actors_are_found_by_name_alias_and_country_code() {
        let g = graph();
        let ids = |q: &str| -> Vec<String> {
            candidates(&g, RefKind::Actor, q, 5)
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        };
        assert_eq!(ids("japa"), ["jp"]);
        assert_eq!(ids("quadrilateral"), ["quad"]);
        assert_eq!(ids("JP"), ["jp"]);
        assert!(ids("").is_empty());
    }

    #[test]
    fn regions_sources_and_themes_are_found_by_id_or_name_ignoring_accents_and_case() {
        let g = graph();
        let first = |kind, q: &str| candidates(&g, kind, q, 5).first().map(|(id, _)| id.clone());
        assert_eq!(first(RefKind::Region, "EUR"), Some("europe".into()));
        assert_eq!(first(RefKind::Region, "asia"), Some("east-asia".into()));
        assert_eq!(first(RefKind::Source, "ministry"), Some("s-mofa".into()));
        assert_eq!(first(RefKind::Theme, "sémi"), Some("chips".into()));
        assert_eq!(first(RefKind::Theme, "nothing like it"), None);
    }

    #[test]
    fn an_exact_match_comes_before_a_partial_one() {
        let g = graph();
        let found = candidates(&g, RefKind::Region, "europe", 5);
        assert_eq!(found.first().map(|(id, _)| id.as_str()), Some("europe"));
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_picker_names_known_ids_and_shows_unknown_ones_as_they_are() {
        let g = graph();
        assert_eq!(name_of(&g, RefKind::Actor, "quad"), "Quad");
        assert_eq!(name_of(&g, RefKind::Source, "gone"), "gone");
    }
}
