//! Problems found in a dataset, each pointing at a place a person can go and fix.

use std::fmt;

use super::text_rules::escape_controls as esc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: where it is (file, line and column when known, else the record and field) and
/// what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// The record's id (or `relations[3]` for records without one) and the field.
    pub record: Option<String>,
    pub field: Option<String>,
    pub message: String,
    /// The record's list and index in the atlas (`("relations", 3)`), when the problem is
    /// about one record: how the editor puts a message beside the field it names.
    pub place: Option<(&'static str, usize)>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `FILE:LINE:COL: record.field: message`, or `FILE: record.field: message` without a line;
/// warnings say so after the place. Control characters in any part are escaped (`\u{1b}`), so
/// a message is always one line and cannot send terminal escapes.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", esc(&self.file))?;
        if let Some((line, col)) = self.position {
            write!(f, ":{line}:{col}")?;
        }
        f.write_str(": ")?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        match (&self.record, &self.field) {
            (Some(record), Some(field)) => write!(f, "{}.{}: ", esc(record), esc(field))?,
            (Some(record), None) => write!(f, "{}: ", esc(record))?,
            _ => {}
        }
        f.write_str(&esc(&self.message))
    }
}

/// All problems of one dataset, errors first, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
    pub(crate) fn sort(&mut self) {
        self.diagnostics.sort_by_key(|d| (d.severity, d.position));
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}
