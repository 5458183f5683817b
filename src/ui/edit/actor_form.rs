//! The actor form, holders of envoy posts included.

use eframe::egui::{self, Ui};

use crate::edit::Record;
use crate::graph::AtlasGraph;
use crate::model::{Actor, ActorKind, Holder, InstrumentKind};

use super::fields::{FieldCtx, FieldErrors, cleaned, date_of, date_text, optional, slug};
use super::pickers::{RefKind, RefList};

const INSTRUMENTS: [InstrumentKind; 12] = [
    InstrumentKind::Regulation,
    InstrumentKind::Directive,
    InstrumentKind::Law,
    InstrumentKind::Agreement,
    InstrumentKind::Treaty,
    InstrumentKind::Standard,
    InstrumentKind::Principles,
    InstrumentKind::Declaration,
    InstrumentKind::Strategy,
    InstrumentKind::ExportControl,
    InstrumentKind::Decision,
    InstrumentKind::Report,
];

/// Every kind an actor can have, instruments by their sub-kind.
pub fn actor_kinds() -> Vec<ActorKind> {
    ActorKind::BASE
        .into_iter()
        .chain(INSTRUMENTS.into_iter().map(ActorKind::Instrument))
        .collect()
}

/// How the kind menu names a kind: "Forum", "Instrument: Regulation".
pub fn kind_name(kind: ActorKind) -> String {
    match kind {
        ActorKind::Instrument(sub) => format!("Instrument: {}", sub.label()),
        other => other.label().to_string(),
    }
}

/// An actor being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorDraft {
    pub id: String,
    pub kind: ActorKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: String,
    pub regions: RefList,
    pub themes: RefList,
    pub summary: String,
    pub based_in: String,
    pub founded: String,
    pub holders: Vec<HolderDraft>,
    pub sources: RefList,
}

/// A holder of an envoy post being edited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HolderDraft {
    pub name: String,
    pub from: String,
    pub until: String,
    pub note: String,
    pub sources: RefList,
}

impl ActorDraft {
    pub fn of(a: &Actor) -> Self {
        Self {
            id: a.id.clone(),
            kind: a.kind,
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            country: a.country.clone().unwrap_or_default(),
            regions: RefList::new(&a.regions),
            themes: RefList::new(&a.themes),
            summary: a.summary.clone(),
            based_in: a.based_in.clone().unwrap_or_default(),
            founded: date_text(a.founded),
            holders: a.holders.iter().map(HolderDraft::of).collect(),
            sources: RefList::new(&a.sources),
        }
    }

    /// The fields this form shows, for problems to find their place.
    pub const FIELDS: &[&str] = &[
        "id", "kind", "name", "aliases", "country", "regions", "themes", "summary", "based_in",
        "founded", "holders", "sources",
    ];

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph) {
        f.text(
            ui,
            "Name",
            "name",
            &mut self.name,
            "as the actor calls itself",
        );
        f.text(
            ui,
            "Id",
            "id",
            &mut self.id,
            "made from the name when left empty",
        );
        let kinds = actor_kinds();
        f.choice(ui, "Kind", "kind", &mut self.kind, &kinds, kind_name);
        f.multiline(ui, "Summary", "summary", &mut self.summary);
        f.refs(
            ui,
            graph,
            ("Sources", "sources"),
            RefKind::Source,
            &mut self.sources,
        );
        f.refs(
            ui,
            graph,
            ("Regions", "regions"),
            RefKind::Region,
            &mut self.regions,
        );
        f.refs(
            ui,
            graph,
            ("Themes", "themes"),
            RefKind::Theme,
            &mut self.themes,
        );
        f.strings(ui, "Aliases", "aliases", &mut self.aliases);
        f.text(
            ui,
            "Country",
            "country",
            &mut self.country,
            "ISO code, e.g. JP",
        );
        f.text(ui, "Based in", "based_in", &mut self.based_in, "a city");
        f.date(ui, "Founded", "founded", &mut self.founded, true);
        if self.kind == ActorKind::Envoy || !self.holders.is_empty() {
            self.holders_ui(ui, f, graph);
        }
    }

    fn holders_ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph) {
        ui.separator();
        ui.strong("Holders of the post");
        f.problems(ui, "holders");
        let mut remove = None;
        for (i, h) in self.holders.iter_mut().enumerate() {
            ui.push_id(("holder", i), |ui| {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    f.text(ui, "Holder", "", &mut h.name, "the person's name");
                    f.date(ui, "From", "", &mut h.from, true);
                    f.date(ui, "Until", "", &mut h.until, true);
                    f.text(ui, "Note", "", &mut h.note, "");
                    f.refs(ui, graph, ("Sources", ""), RefKind::Source, &mut h.sources);
                    if ui.small_button("Remove this holder").clicked() {
                        remove = Some(i);
                    }
                });
            });
        }
        if let Some(i) = remove {
            self.holders.remove(i);
        }
        if ui.button("+ Add a holder").clicked() {
            self.holders.push(HolderDraft::default());
        }
    }

    /// The actor, or the problems that keep it from being one (dates that do not parse).
    pub fn build(&self) -> Result<Record, FieldErrors> {
        let mut errors = FieldErrors::default();
        let founded = date_of(&self.founded, true).unwrap_or_else(|e| {
            errors.add("founded", e);
            None
        });
        let holders = self
            .holders
            .iter()
            .filter_map(|h| h.build().map_err(|e| errors.add("holders", e)).ok())
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let id = match self.id.trim() {
            "" => slug(&self.name),
            id => id.to_string(),
        };
        Ok(Record::Actor(Actor {
            id,
            kind: self.kind,
            name: self.name.trim().to_string(),
            aliases: cleaned(&self.aliases),
            country: optional(&self.country),
            regions: self.regions.ids.clone(),
            themes: self.themes.ids.clone(),
            summary: self.summary.trim().to_string(),
            based_in: optional(&self.based_in),
            founded,
            holders,
            sources: self.sources.ids.clone(),
        }))
    }
}

impl HolderDraft {
    fn of(h: &Holder) -> Self {
        Self {
            name: h.name.clone(),
            from: date_text(h.from),
            until: date_text(h.until),
            note: h.note.clone().unwrap_or_default(),
            sources: RefList::new(&h.sources),
        }
    }

    fn build(&self) -> Result<Holder, String> {
        let who = if self.name.trim().is_empty() {
            "a holder without a name".to_string()
        } else {
            self.name.trim().to_string()
        };
        let date =
            |text: &str, what: &str| date_of(text, true).map_err(|e| format!("{who}, {what}: {e}"));
        Ok(Holder {
            name: self.name.trim().to_string(),
            from: date(&self.from, "from")?,
            until: date(&self.until, "until")?,
            note: optional(&self.note),
            sources: self.sources.ids.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank() -> ActorDraft {
        ActorDraft::of(&Actor {
            id: String::new(),
            kind: ActorKind::Envoy,
            name: "Tech Ambassador of Ruritania".into(),
            aliases: Vec::new(),
            country: None,
            regions: Vec::new(),
            themes: Vec::new(),
            summary: String::new(),
            based_in: None,
            founded: None,
            holders: Vec::new(),
            sources: vec!["s".into()],
        })
    }

    #[test]
    fn an_actor_without_an_id_gets_one_from_its_name() {
        let Ok(Record::Actor(actor)) = blank().build() else {
            panic!("builds");
        };
        assert_eq!(actor.id, "tech-ambassador-of-ruritania");
        assert_eq!(actor.sources, ["s"]);
    }

    #[test]
    fn a_bad_founding_date_or_holder_date_is_a_problem_at_its_field() {
        let mut draft = blank();
        draft.founded = "2017-13".into();
        draft.holders.push(HolderDraft {
            name: "A. Person".into(),
            from: "soon".into(),
            ..HolderDraft::default()
        });
        let errors = draft.build().expect_err("refused");
        assert!(errors.of("founded")[0].contains("month 13"));
        assert!(errors.of("holders")[0].starts_with("A. Person, from:"));
    }

    #[test]
    fn an_actor_survives_a_round_trip_through_its_draft() {
        let mut draft = blank();
        draft.id = "ru-envoy".into();
        draft.founded = "c. 2019".into();
        draft.country = "RU".into();
        draft.holders.push(HolderDraft {
            name: "A. Person".into(),
            from: "2019-05".into(),
            ..HolderDraft::default()
        });
        let Ok(Record::Actor(actor)) = draft.build() else {
            panic!("builds");
        };
        assert_eq!(ActorDraft::of(&actor), draft);
    }
}
