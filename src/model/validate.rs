//! Cross-record checks: every reference resolves, ids are unique, dates make sense, facts are
//! sourced. Collects every problem rather than stopping at the first, so one run of
//! `atlas validate` shows a person everything to fix.

use std::cell::OnceCell;

use super::date::PartialDate;
use super::diagnostic::{Diagnostic, Report, Severity};
use super::fast_hash::FastMap as HashMap;
use super::locate::Locator;
use super::schema::Atlas;

pub(super) struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    /// Built only when a problem needs a line number: re-reading a large valid file for
    /// positions nobody asks for would cost more than the validation itself.
    locator: OnceCell<Locator<'a>>,
    report: Report,
}

/// Where a problem is: the section and index of the record, its name for messages, the field,
/// and the offending value when it is a string in that field.
pub(super) struct At<'a> {
    section: &'static str,
    index: usize,
    id: &'a str,
    /// A relation's ends, to name a relation that has no id.
    ends: Option<(&'a str, &'a str)>,
}

impl<'a> At<'a> {
    /// Relation `index`, named by its id or else by its ends.
    pub(super) fn relation(index: usize, r: &'a super::schema::Relation) -> Self {
        Self {
            ends: Some((&r.from, &r.to)),
            ..Self::new("relations", index, r.id.as_deref().unwrap_or(""))
        }
    }

    pub(super) fn new(section: &'static str, index: usize, id: &'a str) -> Self {
        Self {
            section,
            index,
            id,
            ends: None,
        }
    }

    /// The record's name for messages; built only when there is a message.
    fn name(&self) -> String {
        match self.ends {
            _ if !self.id.trim().is_empty() => self.id.to_string(),
            Some((from, to)) => format!("{}[{}] ({from} -> {to})", self.section, self.index),
            None => format!("{}[{}]", self.section, self.index),
        }
    }
}

impl<'a> Checker<'a> {
    fn locator(&self) -> &Locator<'a> {
        self.locator.get_or_init(|| Locator::new(self.text))
    }

    fn push(&mut self, severity: Severity, at: &At, field: &str, value: Option<&str>, msg: String) {
        let position = self
            .locator()
            .find(at.section, at.index, Some(field), value);
        self.report.diagnostics.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            position,
            record: Some(at.name()),
            field: (!field.is_empty()).then(|| field.to_string()),
            message: msg,
            place: Some((at.section, at.index)),
        });
    }

    pub(super) fn error(&mut self, at: &At, field: &str, value: Option<&str>, msg: String) {
        self.push(Severity::Error, at, field, value, msg);
    }

    /// An error about the atlas as a whole, not about one record.
    pub(super) fn error_whole(&mut self, msg: String) {
        self.report.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            file: self.file.to_string(),
            position: None,
            record: None,
            field: None,
            message: msg,
            place: None,
        });
    }

    pub(super) fn warn(&mut self, at: &At, field: &str, msg: String) {
        self.push(Severity::Warning, at, field, None, msg);
    }

    fn non_empty(&mut self, at: &At, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(at, field, None, format!("{field} is empty"));
        }
    }

    fn refs(
        &mut self,
        at: &At,
        field: &str,
        ids: &[String],
        known: &HashMap<&str, usize>,
        what: &str,
    ) {
        for id in ids {
            if !known.contains_key(id.as_str()) {
                self.error(at, field, Some(id), format!("unknown {what} \"{id}\""));
            }
        }
    }

    fn sourced(&mut self, at: &At, sources: &[String], known: &HashMap<&str, usize>) {
        if sources.is_empty() {
            self.error(
                at,
                "sources",
                None,
                "no source: every fact needs one".into(),
            );
        }
        self.refs(at, "sources", sources, known, "source");
    }

    fn order(
        &mut self,
        at: &At,
        field: &str,
        since: Option<PartialDate>,
        until: Option<PartialDate>,
    ) {
        if let (Some(since), Some(until)) = (since, until)
            && ends_before(until, since)
        {
            self.error(
                at,
                field,
                None,
                format!("ends ({until}) before it begins ({since})"),
            );
        }
    }

    /// Reports duplicates of `ids` (each with its record's index in `section`) and returns the
    /// set of them.
    fn unique<'i>(
        &mut self,
        section: &'static str,
        ids: impl Iterator<Item = (usize, &'i str)>,
    ) -> HashMap<&'i str, usize> {
        let mut seen = HashMap::default();
        for (index, id) in ids {
            let at = At::new(section, index, id);
            if id.trim().is_empty() {
                self.error(&at, "id", None, "id is empty".into());
            } else if let Some(&first) = seen.get(id) {
                let line = self
                    .locator()
                    .find(section, first, None, None)
                    .map(|(l, _)| format!(" (first at line {l})"))
                    .unwrap_or_default();
                self.error(&at, "id", None, format!("duplicate id \"{id}\"{line}"));
            } else {
                // The first record with an id is the one references resolve to.
                seen.insert(id, index);
            }
        }
        seen
    }
}

/// Checks a parsed atlas; `text` is the RON it came from (for line numbers).
pub fn validate(atlas: &Atlas, text: &str, file: &str) -> Report {
    let mut c = Checker {
        file,
        text,
        locator: OnceCell::new(),
        report: Report::default(),
    };
    let regions = c.unique("regions", ids(atlas.regions.iter().map(|r| &r.id)));
    let themes = c.unique("themes", ids(atlas.themes.iter().map(|t| &t.id)));
    let sources = c.unique("sources", ids(atlas.sources.iter().map(|s| &s.id)));
    let actors = c.unique("actors", ids(atlas.actors.iter().map(|a| &a.id)));
    c.unique("events", ids(atlas.events.iter().map(|e| &e.id)));
    c.unique("stories", ids(atlas.stories.iter().map(|s| &s.id)));
    // Relation ids are optional: the index must stay the relation's own, not the count of ids.
    c.unique(
        "relations",
        atlas
            .relations
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.id.as_deref()?))),
    );

    for (index, r) in atlas.regions.iter().enumerate() {
        let at = At::new("regions", index, &r.id);
        c.non_empty(&at, "name", &r.name);
    }
    for (index, t) in atlas.themes.iter().enumerate() {
        let at = At::new("themes", index, &t.id);
        c.non_empty(&at, "name", &t.name);
    }
    for (index, s) in atlas.sources.iter().enumerate() {
        let at = At::new("sources", index, &s.id);
        c.non_empty(&at, "title", &s.title);
        c.non_empty(&at, "url", &s.url);
        if !s.url.trim().is_empty() && !is_web_link(&s.url) {
            c.warn(
                &at,
                "url",
                format!(
                    "\"{}\" is not an http(s) link; it is shown as text and never opened",
                    s.url
                ),
            );
        }
    }
    super::validate_sources::warn(atlas, text, file, &mut c.report);
    let linked = check_relations(&mut c, atlas, &actors, &sources);
    check_actors(&mut c, atlas, &regions, &themes, &sources, &actors, &linked);
    for (index, e) in atlas.events.iter().enumerate() {
        let at = At::new("events", index, &e.id);
        c.non_empty(&at, "title", &e.title);
        if e.actors.is_empty() {
            c.error(
                &at,
                "actors",
                None,
                "an event must name at least one actor".into(),
            );
        }
        c.refs(&at, "actors", &e.actors, &actors, "actor");
        c.sourced(&at, &e.sources, &sources);
    }
    for (index, s) in atlas.stories.iter().enumerate() {
        let at = At::new("stories", index, &s.id);
        c.non_empty(&at, "title", &s.title);
        if s.steps.is_empty() {
            c.error(&at, "steps", None, "a story needs at least one step".into());
        }
        for (k, step) in s.steps.iter().enumerate() {
            let field = format!("steps[{k}].focus");
            c.refs(&at, &field, &step.focus, &actors, "actor");
            if step.title.trim().is_empty() {
                c.error(
                    &at,
                    &format!("steps[{k}].title"),
                    None,
                    "step title is empty".into(),
                );
            }
        }
    }
    check_glossary(&mut c, atlas, &sources);
    super::validate_text::check(&mut c, atlas);
    super::validate_graph::check(&mut c, atlas);
    super::validate_dates::add_date_warnings(&mut c.report, atlas, text, file);
    c.report
}

/// Glossary terms: named, defined, sourced, each defined once, and `see_also` pointing at
/// terms that exist.
fn check_glossary(c: &mut Checker, atlas: &Atlas, sources: &HashMap<&str, usize>) {
    let mut terms = HashMap::default();
    for (index, g) in atlas.glossary.iter().enumerate() {
        let at = At::new("glossary", index, &g.term);
        c.non_empty(&at, "term", &g.term);
        c.non_empty(&at, "definition", &g.definition);
        c.refs(&at, "sources", &g.sources, sources, "source");
        if terms.insert(g.term.to_lowercase(), index).is_some() {
            c.error(
                &at,
                "term",
                None,
                format!("the term \"{}\" is defined twice", g.term),
            );
        }
    }
    for (index, g) in atlas.glossary.iter().enumerate() {
        let at = At::new("glossary", index, &g.term);
        for other in &g.see_also {
            if !terms.contains_key(&other.to_lowercase()) {
                c.warn(
                    &at,
                    "see_also",
                    format!("\"{other}\" is not a glossary term"),
                );
            }
        }
    }
}

fn check_actors(
    c: &mut Checker,
    atlas: &Atlas,
    regions: &HashMap<&str, usize>,
    themes: &HashMap<&str, usize>,
    sources: &HashMap<&str, usize>,
    actors: &HashMap<&str, usize>,
    linked: &[bool],
) {
    for (index, a) in atlas.actors.iter().enumerate() {
        let at = At::new("actors", index, &a.id);
        c.non_empty(&at, "name", &a.name);
        c.refs(&at, "regions", &a.regions, regions, "region");
        c.refs(&at, "themes", &a.themes, themes, "theme");
        c.sourced(&at, &a.sources, sources);
        for (k, h) in a.holders.iter().enumerate() {
            let field = format!("holders[{k}]");
            if h.name.trim().is_empty() {
                c.error(
                    &at,
                    &format!("{field}.name"),
                    None,
                    "holder name is empty".into(),
                );
            }
            c.order(&at, &format!("{field}.until"), h.from, h.until);
            c.refs(
                &at,
                &format!("{field}.sources"),
                &h.sources,
                sources,
                "source",
            );
        }
        // By id: a duplicate is already an error, and references resolve to the first.
        let is_linked = actors.get(a.id.as_str()).is_some_and(|&i| linked[i]);
        if !is_linked && !a.id.is_empty() {
            c.warn(
                &at,
                "",
                "no relation links this actor to the rest of the atlas".into(),
            );
        }
    }
}

fn check_relations(
    c: &mut Checker,
    atlas: &Atlas,
    actors: &HashMap<&str, usize>,
    sources: &HashMap<&str, usize>,
) -> Vec<bool> {
    // Which actors some relation touches, marked while the ends are resolved anyway.
    let mut linked = vec![false; atlas.actors.len()];
    for (index, r) in atlas.relations.iter().enumerate() {
        let at = At {
            ends: Some((&r.from, &r.to)),
            ..At::new("relations", index, r.id.as_deref().unwrap_or(""))
        };
        for (field, id) in [("from", &r.from), ("to", &r.to)] {
            match actors.get(id.as_str()) {
                Some(&actor) => linked[actor] = true,
                None => c.error(&at, field, Some(id), format!("unknown actor \"{id}\"")),
            }
        }
        if r.from == r.to {
            c.warn(&at, "to", "the relation links an actor to itself".into());
        }
        c.order(&at, "until", r.since, r.until);
        c.sourced(&at, &r.sources, sources);
    }
    linked
}

/// Whether `until` ends before `since` begins, compared at the precision both share: a
/// period may end in the year it began even when only its start names a month
/// (`since: "2018-06"`, `until: "2018"`), but not in an earlier year, month or day.
fn ends_before(until: PartialDate, since: PartialDate) -> bool {
    let months = until.month().is_some() && since.month().is_some();
    let days = months && until.day().is_some() && since.day().is_some();
    let key = |d: PartialDate| {
        (
            d.year_value(),
            d.month().filter(|_| months),
            d.day().filter(|_| days),
        )
    };
    key(until) < key(since)
}

/// The index pairs that `Checker::unique` takes.
fn ids<'i>(ids: impl Iterator<Item = &'i String>) -> impl Iterator<Item = (usize, &'i str)> {
    ids.map(String::as_str).enumerate()
}

/// Only these are ever handed to a browser.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !lower.contains(char::is_whitespace)
}
