//! The canonical RON form of an atlas: the one layout `atlas fmt` writes and the app saves, so
//! that a saved file diffs cleanly in git and formatting twice changes nothing.
//!
//! The layout follows the hand-written style of `atlas-data/atlas.ron`: the sections in schema
//! order, a blank line between them; one record per line for regions, themes, sources,
//! relations and glossary terms; actors and events broken at fixed fields (never by width, so
//! a change to one field changes one line); stories fully opened. Fields come in the order of
//! `src/model/schema.rs`; an optional field at its default (none, empty, false) is left out,
//! and so is an empty section. Comments are not kept: a fixed header points to SCHEMA.md.
//!
//! Every record is taken apart field by field (no `..`), so a field added to the schema is a
//! compile error here rather than silently lost on save.

use std::path::Path;

use crate::model::{
    Actor, Atlas, Event, GlossaryTerm, Holder, Meta, Region, Relation, Source, Story, StoryStep,
    Theme,
};

use super::ron_text::{
    CONTINUED, Fields, RECORD, actor_kind, broken, event_kind, list, one_line, quoted,
    relation_kind, source_kind,
};
use super::{ExportError, write_atomically};

/// The first lines of every canonical file.
pub const HEADER: &str = "// Tech Diplomacy Atlas dataset (RON). The format: atlas-data/SCHEMA.md.\n\
// Canonical form, as `atlas fmt` and the app's Save write it; comments are not kept.\n";

/// The atlas in canonical RON, ending with a newline.
pub fn canonical_ron(atlas: &Atlas) -> String {
    let Atlas {
        meta,
        regions,
        themes,
        sources,
        actors,
        relations,
        events,
        stories,
        glossary,
    } = atlas;
    let mut sections: Vec<String> = Vec::new();
    if *meta != Meta::default() {
        sections.push(meta_block(meta));
    }
    sections.extend(section("regions", regions, region));
    sections.extend(section("themes", themes, theme));
    sections.extend(section("sources", sources, source));
    sections.extend(section("actors", actors, actor));
    sections.extend(section("relations", relations, relation));
    sections.extend(section("events", events, event));
    sections.extend(section("stories", stories, story));
    sections.extend(section("glossary", glossary, glossary_term));
    let mut out = String::with_capacity(sections.iter().map(String::len).sum::<usize>() + 256);
    out.push_str(HEADER);
    out.push_str("Atlas(\n");
    out.push_str(&sections.join("\n"));
    out.push_str(")\n");
    out
}

/// Writes [`canonical_ron`] to `path` through the one safe writer (atomic, keeps permissions).
/// Unlike an export it may replace the file the atlas was read from: that is what saving is.
pub fn write_canonical(atlas: &Atlas, path: &Path) -> Result<(), ExportError> {
    write_atomically(path, canonical_ron(atlas).as_bytes(), None)
}

/// The 1-based number of the first line where `text` and `canonical` differ, or `None` when
/// they are the same bytes.
pub fn first_difference(text: &str, canonical: &str) -> Option<usize> {
    if text == canonical {
        return None;
    }
    let mut theirs = text.split_inclusive('\n');
    let mut ours = canonical.split_inclusive('\n');
    let mut line = 1;
    while theirs.next() == ours.next() {
        line += 1;
    }
    Some(line)
}

/// `    name: [\n` + one record each + `    ],\n`, or nothing for an empty list.
fn section<T>(name: &str, records: &[T], write: fn(&T) -> String) -> Option<String> {
    if records.is_empty() {
        return None;
    }
    let mut out = format!("    {name}: [\n");
    for record in records {
        out.push_str(&write(record));
    }
    out.push_str("    ],\n");
    Some(out)
}

fn meta_block(meta: &Meta) -> String {
    let Meta {
        title,
        edition,
        license,
        summary,
    } = meta;
    let mut out = String::from("    meta: (\n");
    for (name, value) in [
        ("title", title),
        ("edition", edition),
        ("license", license),
        ("summary", summary),
    ] {
        if !value.is_empty() {
            out.push_str(&format!("        {name}: {},\n", quoted(value)));
        }
    }
    out.push_str("    ),\n");
    out
}

fn region(region: &Region) -> String {
    let Region { id, name, summary } = region;
    let mut f = Fields::default();
    f.text("id", id);
    f.text("name", name);
    f.text_if("summary", summary);
    one_line(f)
}

fn theme(theme: &Theme) -> String {
    let Theme { id, name, summary } = theme;
    let mut f = Fields::default();
    f.text("id", id);
    f.text("name", name);
    f.text_if("summary", summary);
    one_line(f)
}

fn source(source: &Source) -> String {
    let Source {
        id,
        title,
        publisher,
        url,
        date,
        note,
        kind,
        checked,
    } = source;
    let mut f = Fields::default();
    f.text("id", id);
    f.text("title", title);
    f.opt_text("publisher", publisher);
    f.text("url", url);
    f.opt_date("date", date);
    f.opt_text("note", note);
    if let Some(kind) = kind {
        f.put("kind", format!("Some({})", source_kind(*kind)));
    }
    f.opt_date("checked", checked);
    one_line(f)
}

/// First line: who it is; then its summary, where and when, its holders, its sources.
fn actor(actor: &Actor) -> String {
    let Actor {
        id,
        kind,
        name,
        aliases,
        country,
        regions,
        themes,
        summary,
        based_in,
        founded,
        holders,
        sources,
    } = actor;
    let mut first = Fields::default();
    first.text("id", id);
    first.put("kind", actor_kind(*kind));
    first.text("name", name);
    first.list_if("aliases", aliases);
    first.opt_text("country", country);
    first.list_if("regions", regions);
    first.list_if("themes", themes);
    let mut lines = vec![first.joined()];
    if !summary.is_empty() {
        lines.push(format!("summary: {}", quoted(summary)));
    }
    let mut place = Fields::default();
    place.opt_text("based_in", based_in);
    place.opt_date("founded", founded);
    lines.extend(place.non_empty());
    if !holders.is_empty() {
        let mut block = String::from("holders: [\n");
        for one in holders {
            block.push_str(&format!("            {},\n", holder(one)));
        }
        block.push_str(CONTINUED);
        block.push(']');
        lines.push(block);
    }
    lines.push(format!("sources: {}", list(sources)));
    broken(&lines)
}

fn holder(holder: &Holder) -> String {
    let Holder {
        name,
        from,
        until,
        note,
        sources,
    } = holder;
    let mut f = Fields::default();
    f.text("name", name);
    f.opt_date("from", from);
    f.opt_date("until", until);
    f.opt_text("note", note);
    f.list_if("sources", sources);
    format!("({})", f.joined())
}

fn relation(relation: &Relation) -> String {
    let Relation {
        id,
        from,
        to,
        kind,
        since,
        until,
        note,
        sources,
    } = relation;
    let mut f = Fields::default();
    f.opt_text("id", id);
    f.text("from", from);
    f.text("to", to);
    f.put("kind", relation_kind(*kind));
    f.opt_date("since", since);
    f.opt_date("until", until);
    f.opt_text("note", note);
    f.list("sources", sources);
    one_line(f)
}

/// First line: what and when; then its summary; then who and the sources.
fn event(event: &Event) -> String {
    let Event {
        id,
        date,
        kind,
        title,
        summary,
        actors,
        sources,
    } = event;
    let mut first = Fields::default();
    first.text("id", id);
    first.put("date", quoted(&date.to_string()));
    first.put("kind", event_kind(*kind));
    first.text("title", title);
    let mut lines = vec![first.joined()];
    if !summary.is_empty() {
        lines.push(format!("summary: {}", quoted(summary)));
    }
    let mut last = Fields::default();
    last.list("actors", actors);
    last.list("sources", sources);
    lines.push(last.joined());
    broken(&lines)
}

/// A story is long prose: every field on its own line, a step per line, a question per line.
fn story(story: &Story) -> String {
    let Story {
        id,
        title,
        summary,
        steps,
        questions,
    } = story;
    let field = "            ";
    let item = "                ";
    let mut out = format!("{RECORD}(\n");
    out.push_str(&format!("{field}id: {},\n", quoted(id)));
    out.push_str(&format!("{field}title: {},\n", quoted(title)));
    if !summary.is_empty() {
        out.push_str(&format!("{field}summary: {},\n", quoted(summary)));
    }
    if steps.is_empty() {
        out.push_str(&format!("{field}steps: [],\n"));
    } else {
        out.push_str(&format!("{field}steps: [\n"));
        for one in steps {
            out.push_str(&format!("{item}{},\n", step(one)));
        }
        out.push_str(&format!("{field}],\n"));
    }
    if !questions.is_empty() {
        out.push_str(&format!("{field}questions: [\n"));
        for question in questions {
            out.push_str(&format!("{item}{},\n", quoted(question)));
        }
        out.push_str(&format!("{field}],\n"));
    }
    out.push_str(&format!("{RECORD}),\n"));
    out
}

fn step(step: &StoryStep) -> String {
    let StoryStep {
        title,
        text,
        focus,
        date,
        map,
        notes,
    } = step;
    let mut f = Fields::default();
    f.text("title", title);
    f.text("text", text);
    f.list_if("focus", focus);
    f.opt_date("date", date);
    if *map {
        f.put("map", "true".into());
    }
    f.opt_text("notes", notes);
    format!("({})", f.joined())
}

fn glossary_term(term: &GlossaryTerm) -> String {
    let GlossaryTerm {
        term,
        definition,
        aliases,
        see_also,
        sources,
    } = term;
    let mut f = Fields::default();
    f.text("term", term);
    f.text("definition", definition);
    f.list_if("aliases", aliases);
    f.list_if("see_also", see_also);
    f.list_if("sources", sources);
    one_line(f)
}

#[cfg(test)]
#[path = "canonical_tests.rs"]
mod tests;
