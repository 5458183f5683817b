//! `atlas fmt FILE`: rewrite a dataset in the canonical form the app saves; `--check` only
//! says whether it already is.

use std::path::Path;
use std::process::ExitCode;

use super::output::{note, out};
use crate::io::{canonical_ron, first_difference, write_canonical};
use crate::model::{load_str, read_text};

/// Formats `file` in place, or with `check` reports the first line that differs. A file that
/// does not load (syntax or validation errors) is an error and is never rewritten.
pub fn run(file: &Path, check: bool) -> Result<ExitCode, String> {
    let shown = file.display().to_string();
    let text = read_text(file).map_err(|e| e.to_string())?;
    let loaded = load_str(&text, &shown).map_err(|e| {
        format!("{e}\n{shown}: not formatted: the file must load without errors first")
    })?;
    let canonical = canonical_ron(&loaded.atlas);
    let Some(line) = first_difference(&text, &canonical) else {
        note!("{shown}: already in canonical form");
        return Ok(ExitCode::SUCCESS);
    };
    if check {
        out!("{shown}:{line}: not in canonical form (from this line on); run `atlas fmt {shown}`");
        return Ok(ExitCode::FAILURE);
    }
    write_canonical(&loaded.atlas, file).map_err(|e| e.to_string())?;
    note!("{shown}: rewritten in canonical form");
    Ok(ExitCode::SUCCESS)
}
