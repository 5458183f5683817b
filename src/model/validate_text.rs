//! Ids and text of every record, by the rules of [`super::text_rules`]: ids follow the
//! pattern; names and texts stay within their length limits, hold no control characters and
//! are not made of invisible characters only (errors); a name whose word mixes look-alike
//! scripts is a warning.

use std::borrow::Cow;

use super::schema::Atlas;
use super::text_rules::{
    MAX_NAME_CHARS, MAX_TEXT_CHARS, control_char, is_blank, is_valid_id, mixed_script_word,
};
use super::validate::{At, Checker};

/// Which rules a text field follows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One line, at most [`MAX_NAME_CHARS`]; checked for look-alike scripts.
    Name,
    /// One line, at most [`MAX_NAME_CHARS`] (titles, terms).
    Title,
    /// May span lines, at most [`MAX_TEXT_CHARS`].
    Text,
}

/// One text field of one record: its field path, its value and its rules.
/// Field names are static but for list elements: no allocation for most fields.
type Field<'a> = (Cow<'static, str>, &'a str, Kind);

fn field<'a>(name: &'static str, value: &'a str, kind: Kind) -> Field<'a> {
    (Cow::Borrowed(name), value, kind)
}

fn listed<'a>(name: &str, values: &'a [String], kind: Kind) -> Vec<Field<'a>> {
    values
        .iter()
        .enumerate()
        .map(|(k, v)| (Cow::Owned(format!("{name}[{k}]")), v.as_str(), kind))
        .collect()
}

/// Checks ids and text fields of every record.
pub(super) fn check(c: &mut Checker, atlas: &Atlas) {
    use Kind::{Name, Text, Title};
    let m = &atlas.meta;
    let meta = vec![
        field("title", &m.title, Title),
        field("edition", &m.edition, Title),
        field("license", &m.license, Title),
        field("summary", &m.summary, Text),
    ];
    fields(c, &At::new("meta", 0, "meta"), &meta);
    for (i, r) in atlas.regions.iter().enumerate() {
        let at = At::new("regions", i, &r.id);
        id(c, &at, &r.id);
        fields(
            c,
            &at,
            &[
                field("name", &r.name, Name),
                field("summary", &r.summary, Text),
            ],
        );
    }
    for (i, t) in atlas.themes.iter().enumerate() {
        let at = At::new("themes", i, &t.id);
        id(c, &at, &t.id);
        fields(
            c,
            &at,
            &[
                field("name", &t.name, Name),
                field("summary", &t.summary, Text),
            ],
        );
    }
    for (i, s) in atlas.sources.iter().enumerate() {
        let at = At::new("sources", i, &s.id);
        id(c, &at, &s.id);
        let mut f = vec![field("title", &s.title, Title), field("url", &s.url, Text)];
        f.extend(s.publisher.as_deref().map(|p| field("publisher", p, Title)));
        f.extend(s.note.as_deref().map(|n| field("note", n, Text)));
        fields(c, &at, &f);
    }
    check_actors(c, atlas);
    for (i, r) in atlas.relations.iter().enumerate() {
        let at = At::relation(i, r);
        if let Some(rid) = &r.id {
            id(c, &at, rid);
        }
        if let Some(note) = &r.note {
            fields(c, &at, &[field("note", note, Text)]);
        }
    }
    for (i, e) in atlas.events.iter().enumerate() {
        let at = At::new("events", i, &e.id);
        id(c, &at, &e.id);
        fields(
            c,
            &at,
            &[
                field("title", &e.title, Title),
                field("summary", &e.summary, Text),
            ],
        );
    }
    check_stories_and_glossary(c, atlas);
}

/// Ids and text of actors and their holders.
fn check_actors(c: &mut Checker, atlas: &Atlas) {
    use Kind::{Name, Text, Title};
    for (i, a) in atlas.actors.iter().enumerate() {
        let at = At::new("actors", i, &a.id);
        id(c, &at, &a.id);
        let mut f = vec![
            field("name", &a.name, Name),
            field("summary", &a.summary, Text),
        ];
        f.extend(listed("aliases", &a.aliases, Name));
        f.extend(a.based_in.as_deref().map(|b| field("based_in", b, Title)));
        for (k, h) in a.holders.iter().enumerate() {
            f.push((Cow::Owned(format!("holders[{k}].name")), &h.name, Name));
            f.extend(
                h.note
                    .as_deref()
                    .map(|n| (Cow::Owned(format!("holders[{k}].note")), n, Text)),
            );
        }
        fields(c, &at, &f);
    }
}

/// Text of stories (titles, steps, questions) and of the glossary.
fn check_stories_and_glossary(c: &mut Checker, atlas: &Atlas) {
    use Kind::{Text, Title};
    for (i, s) in atlas.stories.iter().enumerate() {
        let at = At::new("stories", i, &s.id);
        id(c, &at, &s.id);
        let mut f = vec![
            field("title", &s.title, Title),
            field("summary", &s.summary, Text),
        ];
        for (k, step) in s.steps.iter().enumerate() {
            f.push((Cow::Owned(format!("steps[{k}].title")), &step.title, Title));
            f.push((Cow::Owned(format!("steps[{k}].text")), &step.text, Text));
        }
        f.extend(listed("questions", &s.questions, Text));
        fields(c, &at, &f);
    }
    for (i, g) in atlas.glossary.iter().enumerate() {
        let at = At::new("glossary", i, &g.term);
        let mut f = vec![
            field("term", &g.term, Title),
            field("definition", &g.definition, Text),
        ];
        f.extend(listed("aliases", &g.aliases, Title));
        fields(c, &at, &f);
    }
}

/// An id that is not blank (blank ids are reported where uniqueness is checked) must follow
/// the pattern.
fn id(c: &mut Checker, at: &At, id: &str) {
    if !id.trim().is_empty() && !is_valid_id(id) {
        c.error(
            at,
            "id",
            None,
            format!(
                "the id \"{id}\" does not follow the pattern: lowercase ASCII letters and \
                 digits in words joined by single hyphens (`src-eu-1`), at most {} characters",
                super::text_rules::MAX_ID_CHARS
            ),
        );
    }
}

fn fields(c: &mut Checker, at: &At, fields: &[Field]) {
    for (name, value, kind) in fields {
        text(c, at, name, value, *kind);
    }
}

fn text(c: &mut Checker, at: &At, field: &str, value: &str, kind: Kind) {
    let limit = if kind == Kind::Text {
        MAX_TEXT_CHARS
    } else {
        MAX_NAME_CHARS
    };
    // Cheap bound first: a string of at most `limit` bytes has at most `limit` characters.
    if value.len() > limit {
        let chars = value.chars().count();
        if chars > limit {
            c.error(
                at,
                field,
                None,
                format!("{field} is {chars} characters long; at most {limit} are allowed"),
            );
            return;
        }
    }
    if let Some(ch) = control_char(value, kind == Kind::Text) {
        c.error(
            at,
            field,
            None,
            format!(
                "{field} contains the control character U+{:04X}; remove it",
                ch as u32
            ),
        );
    } else if !value.trim().is_empty() && is_blank(value) {
        // Empty required fields are reported by the main checks; this is the invisible kind.
        c.error(
            at,
            field,
            None,
            format!("{field} shows nothing: it holds only invisible characters"),
        );
    }
    if kind == Kind::Name
        && let Some((word, a, b)) = mixed_script_word(value)
    {
        c.warn(
            at,
            field,
            format!(
                "\"{word}\" mixes {a:?} and {b:?} letters, which look alike: is it a \
                 look-alike of another name?"
            ),
        );
    }
}
