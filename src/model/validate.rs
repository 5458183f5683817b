//! Cross-record checks: every reference resolves, ids are unique, dates make sense, facts are
//! sourced. Collects every problem rather than stopping at the first, so one run of
//! `atlas validate` shows a person everything to fix.

use std::collections::{HashMap, HashSet};

use super::date::PartialDate;
use super::diagnostic::{Diagnostic, Report, Severity};
use super::locate::Locator;
use super::schema::Atlas;

struct Checker<'a> {
    file: &'a str,
    locator: Locator<'a>,
    report: Report,
}

/// Where a problem is: the section and index of the record, its name for messages, the field,
/// and the offending value when it is a string in that field.
struct At<'a> {
    section: &'static str,
    index: usize,
    record: &'a str,
}

impl Checker<'_> {
    fn push(&mut self, severity: Severity, at: &At, field: &str, value: Option<&str>, msg: String) {
        let position = self.locator.find(at.section, at.index, Some(field), value);
        self.report.diagnostics.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            position,
            record: Some(at.record.to_string()),
            field: (!field.is_empty()).then(|| field.to_string()),
            message: msg,
        });
    }

    fn error(&mut self, at: &At, field: &str, value: Option<&str>, msg: String) {
        self.push(Severity::Error, at, field, value, msg);
    }

    fn warn(&mut self, at: &At, field: &str, msg: String) {
        self.push(Severity::Warning, at, field, None, msg);
    }

    fn non_empty(&mut self, at: &At, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(at, field, None, format!("{field} is empty"));
        }
    }

    fn refs(&mut self, at: &At, field: &str, ids: &[String], known: &HashSet<&str>, what: &str) {
        for id in ids {
            if !known.contains(id.as_str()) {
                self.error(at, field, Some(id), format!("unknown {what} \"{id}\""));
            }
        }
    }

    fn sourced(&mut self, at: &At, sources: &[String], known: &HashSet<&str>) {
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
    ) -> HashSet<&'i str> {
        let mut seen = HashMap::new();
        for (index, id) in ids {
            let name = record_name(section, index, id);
            let at = At {
                section,
                index,
                record: &name,
            };
            if id.trim().is_empty() {
                self.error(&at, "id", None, "id is empty".into());
            } else if let Some(first) = seen.insert(id, index) {
                let line = self
                    .locator
                    .find(section, first, None, None)
                    .map(|(l, _)| format!(" (first at line {l})"))
                    .unwrap_or_default();
                self.error(&at, "id", None, format!("duplicate id \"{id}\"{line}"));
            }
        }
        seen.into_keys().collect()
    }
}

/// Checks a parsed atlas; `text` is the RON it came from (for line numbers).
pub fn validate(atlas: &Atlas, text: &str, file: &str) -> Report {
    let mut c = Checker {
        file,
        locator: Locator::new(text),
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
        let name = record_name("regions", index, &r.id);
        let at = At {
            section: "regions",
            index,
            record: &name,
        };
        c.non_empty(&at, "name", &r.name);
    }
    for (index, t) in atlas.themes.iter().enumerate() {
        let name = record_name("themes", index, &t.id);
        let at = At {
            section: "themes",
            index,
            record: &name,
        };
        c.non_empty(&at, "name", &t.name);
    }
    for (index, s) in atlas.sources.iter().enumerate() {
        let name = record_name("sources", index, &s.id);
        let at = At {
            section: "sources",
            index,
            record: &name,
        };
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
    check_actors(&mut c, atlas, &regions, &themes, &sources);
    check_relations(&mut c, atlas, &actors, &sources);
    for (index, e) in atlas.events.iter().enumerate() {
        let name = record_name("events", index, &e.id);
        let at = At {
            section: "events",
            index,
            record: &name,
        };
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
        let name = record_name("stories", index, &s.id);
        let at = At {
            section: "stories",
            index,
            record: &name,
        };
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
    let mut terms = HashMap::new();
    for (index, g) in atlas.glossary.iter().enumerate() {
        let name = record_name("glossary", index, &g.term);
        let at = At {
            section: "glossary",
            index,
            record: &name,
        };
        c.non_empty(&at, "term", &g.term);
        c.non_empty(&at, "definition", &g.definition);
        c.refs(&at, "sources", &g.sources, &sources, "source");
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
        let name = record_name("glossary", index, &g.term);
        let at = At {
            section: "glossary",
            index,
            record: &name,
        };
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
    c.report
}

fn check_actors(
    c: &mut Checker,
    atlas: &Atlas,
    regions: &HashSet<&str>,
    themes: &HashSet<&str>,
    sources: &HashSet<&str>,
) {
    let linked: HashSet<&str> = atlas
        .relations
        .iter()
        .flat_map(|r| [r.from.as_str(), r.to.as_str()])
        .collect();
    for (index, a) in atlas.actors.iter().enumerate() {
        let name = record_name("actors", index, &a.id);
        let at = At {
            section: "actors",
            index,
            record: &name,
        };
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
        if !linked.contains(a.id.as_str()) && !a.id.is_empty() {
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
    actors: &HashSet<&str>,
    sources: &HashSet<&str>,
) {
    for (index, r) in atlas.relations.iter().enumerate() {
        let name =
            r.id.clone()
                .unwrap_or_else(|| format!("relations[{index}] ({} -> {})", r.from, r.to));
        let at = At {
            section: "relations",
            index,
            record: &name,
        };
        for (field, id) in [("from", &r.from), ("to", &r.to)] {
            if !actors.contains(id.as_str()) {
                c.error(&at, field, Some(id), format!("unknown actor \"{id}\""));
            }
        }
        if r.from == r.to {
            c.warn(&at, "to", "the relation links an actor to itself".into());
        }
        c.order(&at, "until", r.since, r.until);
        c.sourced(&at, &r.sources, sources);
    }
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

/// How messages name a record: its id, or `actors[3]` when the id is blank.
fn record_name(section: &str, index: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("{section}[{index}]")
    } else {
        id.to_string()
    }
}

/// Only these are ever handed to a browser.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !lower.contains(char::is_whitespace)
}
