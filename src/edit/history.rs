//! Undo and redo without limit, and whether the atlas is as it was last saved.

use crate::model::Atlas;

use super::EditError;
use super::edit::Edit;
use super::scope::scoped_errors;

/// The edits made since the atlas was loaded, and those undone since the last new edit.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
    /// How many edits were done when the atlas was last saved or loaded; `None` once that
    /// state can no longer be reached by undo or redo.
    saved_at: Option<usize>,
}

impl History {
    pub fn new() -> Self {
        History {
            saved_at: Some(0),
            ..History::default()
        }
    }

    /// Applies `edit` if the atlas stays valid; otherwise leaves the atlas exactly as it was
    /// and returns the validator's errors.
    pub fn apply(&mut self, atlas: &mut Atlas, edit: Edit) -> Result<(), EditError> {
        edit.apply_unchecked(atlas)?;
        let errors = scoped_errors(atlas, &edit);
        if !errors.is_empty() {
            // The inverse of what was just applied meets exactly the state it expects.
            let _ = edit.inverse().apply_unchecked(atlas);
            return Err(EditError::Invalid(errors));
        }
        if self.saved_at.is_some_and(|at| at > self.done.len()) {
            self.saved_at = None;
        }
        self.done.push(edit);
        self.undone.clear();
        Ok(())
    }

    /// Undoes the last edit; returns its name, or `None` when there is nothing to undo.
    pub fn undo(&mut self, atlas: &mut Atlas) -> Result<Option<String>, EditError> {
        let Some(edit) = self.done.pop() else {
            return Ok(None);
        };
        if let Err(error) = edit.inverse().apply_unchecked(atlas) {
            self.done.push(edit);
            return Err(error);
        }
        let label = edit.label().to_string();
        self.undone.push(edit);
        Ok(Some(label))
    }

    /// Makes the last undone edit again; returns its name, or `None` when there is none.
    pub fn redo(&mut self, atlas: &mut Atlas) -> Result<Option<String>, EditError> {
        let Some(edit) = self.undone.pop() else {
            return Ok(None);
        };
        if let Err(error) = edit.apply_unchecked(atlas) {
            self.undone.push(edit);
            return Err(error);
        }
        let label = edit.label().to_string();
        self.done.push(edit);
        Ok(Some(label))
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.done.last().map(Edit::label)
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.undone.last().map(Edit::label)
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The atlas as it is now has been written to its file.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
    }

    /// True when the atlas equals what was last saved or loaded.
    pub fn is_saved(&self) -> bool {
        self.saved_at == Some(self.done.len())
    }

    /// Forgets every edit (another atlas was loaded); the new one counts as saved.
    pub fn clear(&mut self) {
        *self = History::new();
    }
}
