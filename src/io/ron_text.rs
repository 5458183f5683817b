//! The pieces of RON text the canonical writer is made of: quoted strings, lists, enum
//! values, and records on one line or broken over several.

use crate::model::{ActorKind, EventKind, PartialDate, RelationKind, SourceKind};

/// Indent of a record inside a section, and of the continuation lines of a broken record
/// (one more space, so they line up under the record's first field).
pub(super) const RECORD: &str = "        ";
pub(super) const CONTINUED: &str = "         ";

/// The `name: value` pairs of one record (or one line of it), in order.
#[derive(Default)]
pub(super) struct Fields(Vec<String>);

impl Fields {
    pub(super) fn put(&mut self, name: &str, value: String) {
        self.0.push(format!("{name}: {value}"));
    }
    pub(super) fn text(&mut self, name: &str, value: &str) {
        self.put(name, quoted(value));
    }
    /// A text field whose default is empty.
    pub(super) fn text_if(&mut self, name: &str, value: &str) {
        if !value.is_empty() {
            self.text(name, value);
        }
    }
    pub(super) fn opt_text(&mut self, name: &str, value: &Option<String>) {
        if let Some(value) = value {
            self.put(name, format!("Some({})", quoted(value)));
        }
    }
    pub(super) fn opt_date(&mut self, name: &str, value: &Option<PartialDate>) {
        if let Some(date) = value {
            self.put(name, format!("Some({})", quoted(&date.to_string())));
        }
    }
    /// A required list: written even when empty.
    pub(super) fn list(&mut self, name: &str, values: &[String]) {
        self.put(name, list(values));
    }
    /// A list whose default is empty.
    pub(super) fn list_if(&mut self, name: &str, values: &[String]) {
        if !values.is_empty() {
            self.list(name, values);
        }
    }
    pub(super) fn joined(&self) -> String {
        self.0.join(", ")
    }
    pub(super) fn non_empty(&self) -> Option<String> {
        (!self.0.is_empty()).then(|| self.joined())
    }
}

pub(super) fn one_line(fields: Fields) -> String {
    format!("{RECORD}({}),\n", fields.joined())
}

/// A record over several lines: the first after `(`, the rest indented under it, the closing
/// bracket on the last line.
pub(super) fn broken(lines: &[String]) -> String {
    let mut out = format!("{RECORD}(");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(CONTINUED);
        }
        out.push_str(line);
        if i + 1 < lines.len() {
            out.push_str(",\n");
        }
    }
    out.push_str("),\n");
    out
}

pub(super) fn list(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| quoted(v)).collect();
    format!("[{}]", items.join(", "))
}

/// A RON string: quotes and backslashes escaped, line breaks and tabs as `\n` `\r` `\t`, any
/// other control character as `\u{..}`; everything else (any script) as it is.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    // Most text needs no escape: copy it whole.
    if !text
        .chars()
        .any(|c| matches!(c, '"' | '\\') || c.is_control())
    {
        out.push_str(text);
        out.push('"');
        return out;
    }
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn actor_kind(kind: ActorKind) -> String {
    variant_name(&kind)
}
pub(super) fn source_kind(kind: SourceKind) -> String {
    variant_name(&kind)
}
pub(super) fn relation_kind(kind: RelationKind) -> String {
    variant_name(&kind)
}
pub(super) fn event_kind(kind: EventKind) -> String {
    variant_name(&kind)
}

/// An enum value as RON writes it (`State`, `Instrument(Regulation)`): serde's names, so a
/// `#[serde(rename)]` in the schema is followed.
fn variant_name<T: serde::Serialize>(value: &T) -> String {
    // Serialising a field-less or newtype enum variant to a String cannot fail.
    ron::to_string(value).unwrap_or_default()
}
