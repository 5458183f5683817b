//! Whether an edit keeps the atlas valid, in the validator's own words, with each problem
//! placed at the record and field it names so a form can show it there.

use std::fmt;

use crate::model::validate::validate;
use crate::model::{Atlas, Diagnostic};

use super::edit::Edit;
use super::record::List;

/// A validator error about the atlas as an edit would leave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The record's list and index in the edited atlas, when the error is about one record.
    pub place: Option<(List, usize)>,
    /// The record's name as the validator gives it (its id, or `relations[3] (a -> b)`).
    pub record: Option<String>,
    /// The field, as the validator names it: `sources`, `steps[0].focus`, `holders[1].from`.
    pub field: Option<String>,
    pub message: String,
}

impl FieldError {
    fn from_diagnostic(d: Diagnostic) -> Self {
        FieldError {
            place: d
                .place
                .and_then(|(section, index)| Some((List::from_section(section)?, index))),
            record: d.record,
            field: d.field,
            message: d.message,
        }
    }

    /// True when the error is about `field` of the record at `place` (a field's own errors
    /// and those of its items: `holders` matches `holders[1].from`).
    pub fn is_at(&self, place: (List, usize), field: &str) -> bool {
        self.place == Some(place)
            && self.field.as_deref().is_some_and(|f| {
                f == field
                    || f.strip_prefix(field)
                        .is_some_and(|rest| rest.starts_with(['[', '.']))
            })
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.record, &self.field) {
            (Some(record), Some(field)) => write!(f, "{record}.{field}: {}", self.message),
            (Some(record), None) => write!(f, "{record}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// The errors the atlas would have after `edit`, without changing it; empty when the edit
/// may be applied. A stale edit (built against another state) is one error saying so.
pub fn check(atlas: &Atlas, edit: &Edit) -> Vec<FieldError> {
    let mut scratch = atlas.clone();
    if let Err(error) = edit.apply_unchecked(&mut scratch) {
        return vec![FieldError {
            place: None,
            record: None,
            field: None,
            message: error.to_string(),
        }];
    }
    super::scope::scoped_errors(&scratch, edit)
}

/// The validator's errors in `atlas` (warnings never block an edit).
pub(super) fn errors_in(atlas: &Atlas) -> Vec<FieldError> {
    validate(atlas, "", "atlas")
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(FieldError::from_diagnostic)
        .collect()
}
