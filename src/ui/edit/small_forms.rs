//! The forms of the smaller records: sources, regions, themes, glossary terms and the atlas's
//! own description (the meta block).

use eframe::egui::Ui;

use crate::edit::Record;
use crate::graph::AtlasGraph;
use crate::model::{GlossaryTerm, Meta, Region, Source, SourceKind, Theme};

use super::fields::{FieldCtx, FieldErrors, cleaned, date_of, date_text, optional, slug};
use super::pickers::{RefKind, RefList};

const SOURCE_KINDS: [Option<SourceKind>; 6] = [
    None,
    Some(SourceKind::Official),
    Some(SourceKind::International),
    Some(SourceKind::Press),
    Some(SourceKind::Analysis),
    Some(SourceKind::Mirror),
];

fn source_kind_name(kind: Option<SourceKind>) -> String {
    kind.map_or_else(|| "not said".to_string(), |k| format!("{k:?}"))
}

/// A source being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceDraft {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub date: String,
    pub note: String,
    pub kind: Option<SourceKind>,
    pub checked: String,
}

impl SourceDraft {
    pub const FIELDS: &[&str] = &[
        "id",
        "title",
        "publisher",
        "url",
        "date",
        "note",
        "kind",
        "checked",
    ];

    pub fn of(s: &Source) -> Self {
        Self {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone().unwrap_or_default(),
            url: s.url.clone(),
            date: date_text(s.date),
            note: s.note.clone().unwrap_or_default(),
            kind: s.kind,
            checked: date_text(s.checked),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>) {
        f.text(ui, "Title", "title", &mut self.title, "the page's title");
        f.text(ui, "Link", "url", &mut self.url, "https://…");
        f.text(
            ui,
            "Publisher",
            "publisher",
            &mut self.publisher,
            "optional",
        );
        f.date(ui, "Date", "date", &mut self.date, true);
        f.choice(
            ui,
            "Kind",
            "kind",
            &mut self.kind,
            &SOURCE_KINDS,
            source_kind_name,
        );
        f.date(ui, "Checked", "checked", &mut self.checked, true);
        f.text(
            ui,
            "Note",
            "note",
            &mut self.note,
            "a caveat about the page",
        );
        f.text(
            ui,
            "Id",
            "id",
            &mut self.id,
            "made from the title when empty",
        );
    }

    pub fn build(&self) -> Result<Record, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut date = |text: &str, field: &str| {
            date_of(text, true).unwrap_or_else(|e| {
                errors.add(field, e);
                None
            })
        };
        let (published, checked) = (date(&self.date, "date"), date(&self.checked, "checked"));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Record::Source(Source {
            id: id_or(&self.id, &self.title),
            title: self.title.trim().to_string(),
            publisher: optional(&self.publisher),
            url: self.url.trim().to_string(),
            date: published,
            note: optional(&self.note),
            kind: self.kind,
            checked,
        }))
    }
}

/// The id typed, or one made from `name` when none was.
fn id_or(id: &str, name: &str) -> String {
    match id.trim() {
        "" => slug(name),
        id => id.to_string(),
    }
}

/// Whether a named draft is a region or a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Region,
    Theme,
}

/// A region or a theme being edited: both are an id, a name and a summary.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedDraft {
    pub what: Named,
    pub id: String,
    pub name: String,
    pub summary: String,
}

impl NamedDraft {
    pub const FIELDS: &[&str] = &["id", "name", "summary"];

    pub fn region(r: &Region) -> Self {
        Self {
            what: Named::Region,
            id: r.id.clone(),
            name: r.name.clone(),
            summary: r.summary.clone(),
        }
    }

    pub fn theme(t: &Theme) -> Self {
        Self {
            what: Named::Theme,
            id: t.id.clone(),
            name: t.name.clone(),
            summary: t.summary.clone(),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>) {
        f.text(ui, "Name", "name", &mut self.name, "");
        f.text(
            ui,
            "Id",
            "id",
            &mut self.id,
            "made from the name when empty",
        );
        f.multiline(ui, "Summary", "summary", &mut self.summary);
    }

    pub fn build(&self) -> Record {
        let (id, name, summary) = (
            id_or(&self.id, &self.name),
            self.name.trim().to_string(),
            self.summary.trim().to_string(),
        );
        match self.what {
            Named::Region => Record::Region(Region { id, name, summary }),
            Named::Theme => Record::Theme(Theme { id, name, summary }),
        }
    }
}

/// A glossary term being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct GlossaryDraft {
    pub term: String,
    pub definition: String,
    pub aliases: Vec<String>,
    pub see_also: RefList,
    pub sources: RefList,
}

impl GlossaryDraft {
    pub const FIELDS: &[&str] = &["term", "definition", "aliases", "see_also", "sources"];

    pub fn of(g: &GlossaryTerm) -> Self {
        Self {
            term: g.term.clone(),
            definition: g.definition.clone(),
            aliases: g.aliases.clone(),
            see_also: RefList::new(&g.see_also),
            sources: RefList::new(&g.sources),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>, graph: &AtlasGraph) {
        f.text(ui, "Term", "term", &mut self.term, "");
        f.multiline(ui, "Definition", "definition", &mut self.definition);
        f.strings(ui, "Aliases", "aliases", &mut self.aliases);
        let see_also = ("See also", "see_also");
        f.refs(ui, graph, see_also, RefKind::Glossary, &mut self.see_also);
        f.refs(
            ui,
            graph,
            ("Sources", "sources"),
            RefKind::Source,
            &mut self.sources,
        );
    }

    pub fn build(&self) -> Record {
        Record::Glossary(GlossaryTerm {
            term: self.term.trim().to_string(),
            definition: self.definition.trim().to_string(),
            aliases: cleaned(&self.aliases),
            see_also: self.see_also.ids.clone(),
            sources: self.sources.ids.clone(),
        })
    }
}

/// The atlas's description being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct MetaDraft(pub Meta);

impl MetaDraft {
    pub const FIELDS: &[&str] = &["title", "edition", "license", "summary"];

    pub fn ui(&mut self, ui: &mut Ui, f: &FieldCtx<'_>) {
        let m = &mut self.0;
        f.text(ui, "Title", "title", &mut m.title, "");
        f.text(ui, "Edition", "edition", &mut m.edition, "e.g. 2026-11");
        f.text(ui, "Licence", "license", &mut m.license, "e.g. CC BY 4.0");
        f.multiline(ui, "Summary", "summary", &mut m.summary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_keeps_its_optional_fields_empty_when_left_blank() {
        let draft = SourceDraft {
            id: String::new(),
            title: "Annual report".into(),
            publisher: " ".into(),
            url: "https://example.org".into(),
            date: String::new(),
            note: String::new(),
            kind: Some(SourceKind::Official),
            checked: "2026-11".into(),
        };
        let Ok(Record::Source(source)) = draft.build() else {
            panic!("builds");
        };
        assert_eq!(source.id, "annual-report");
        assert_eq!(source.publisher, None);
        assert_eq!(source.date, None);
        assert_eq!(
            source.checked.map(|d| d.to_string()),
            Some("2026-11".into())
        );
        assert_eq!(SourceDraft::of(&source).checked, "2026-11");
    }

    #[test]
    fn a_region_and_a_theme_share_one_form() {
        let region = NamedDraft::region(&Region {
            id: String::new(),
            name: "Pacific Islands".into(),
            summary: String::new(),
        });
        assert!(matches!(region.build(), Record::Region(r) if r.id == "pacific-islands"));
        let theme = NamedDraft {
            what: Named::Theme,
            ..region
        };
        assert!(matches!(theme.build(), Record::Theme(_)));
    }
}
