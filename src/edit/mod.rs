//! Editing the atlas in memory: records added, replaced and removed as named, undoable edits
//! that keep the atlas valid. No UI here; the window's forms build [`Edit`]s and apply them
//! through a [`History`].
//!
//! An edit is a list of [`Change`]s, each holding what was there before and what comes
//! after, so undoing is applying the inverse. Removing or renaming a record carries the
//! consequences along (an actor's relations go with it), and the whole edit is checked by
//! the validator before it stays: the atlas in memory is always one the loader would accept.

mod change;
mod check;
#[allow(clippy::module_inception)]
mod edit;
mod history;
#[cfg(test)]
mod ops;
mod record;
mod refs;
mod scope;
#[cfg(test)]
mod tests;

pub use change::Change;
pub use check::{FieldError, check};
pub use edit::Edit;
pub use history::History;
pub use record::{List, Record, index_of};

/// Why an edit could not be made. The atlas is unchanged in every case.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EditError {
    #[error("the atlas would not be valid: {}", first_error(.0))]
    Invalid(Vec<FieldError>),
    #[error("there is no record {index} in {list}")]
    NoSuchRecord { list: &'static str, index: usize },
    #[error("a record for {record} cannot go into {list}")]
    WrongList {
        list: &'static str,
        record: &'static str,
    },
    #[error("{list}[{index}] is not what the edit expected: it was made against another state")]
    Stale { list: &'static str, index: usize },
}

fn first_error(errors: &[FieldError]) -> String {
    match errors {
        [] => String::new(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}
