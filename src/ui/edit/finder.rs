//! Finding an existing record to edit when it cannot be clicked in a view: a source, a
//! region, a theme, a glossary term (or an actor), by kind and by searching as one types.

use eframe::egui::{self, Ui};

use crate::edit::{List, index_of};
use crate::graph::AtlasGraph;

use super::pickers::{RefKind, candidates};
use super::targets::EditTarget;

/// How many matches the finder lists.
const MATCHES: usize = 12;

/// The kinds the finder offers, with their list and name.
const KINDS: [(RefKind, List, &str); 5] = [
    (RefKind::Source, List::Sources, "Sources"),
    (RefKind::Region, List::Regions, "Regions"),
    (RefKind::Theme, List::Themes, "Themes"),
    (RefKind::Glossary, List::Glossary, "Glossary terms"),
    (RefKind::Actor, List::Actors, "Actors"),
];

/// The finder's state: the kind chosen and the text typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Finder {
    pub kind: usize,
    pub query: String,
}

impl Finder {
    /// Draws the finder; returns the record picked this frame.
    pub fn ui(&mut self, ui: &mut Ui, graph: &AtlasGraph) -> Option<EditTarget> {
        ui.heading("Edit a record");
        ui.horizontal(|ui| {
            for (i, (_, _, name)) in KINDS.iter().enumerate() {
                ui.selectable_value(&mut self.kind, i, *name);
            }
        });
        let (kind, list, _) = KINDS.get(self.kind).copied().unwrap_or(KINDS[0]);
        let label = ui.label("Find");
        let edit = egui::TextEdit::singleline(&mut self.query)
            .hint_text("type a name or an id")
            .desired_width(f32::INFINITY);
        ui.add(edit).labelled_by(label.id);
        let mut picked = None;
        for (id, text) in candidates(graph, kind, &self.query, MATCHES) {
            if ui.selectable_label(false, text).clicked() {
                picked = index_of(graph.atlas(), list, &id).map(|i| EditTarget::Existing(list, i));
            }
        }
        if picked.is_some() {
            self.query.clear();
        }
        picked
    }
}
