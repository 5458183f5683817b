//! The whole atlas as JSON, for scripts and notebooks that would rather not parse RON.

use std::path::Path;

use crate::model::Atlas;

use super::{ExportError, write_atomically};

/// The atlas as pretty-printed JSON with a final newline. Field names are the RON field
/// names, so `atlas-data/SCHEMA.md` documents both.
pub fn json(atlas: &Atlas) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(atlas)?;
    text.push('\n');
    Ok(text)
}

/// Writes [`json`] to `path` atomically, never over `dataset`.
pub fn write_json(atlas: &Atlas, path: &Path, dataset: Option<&Path>) -> Result<(), ExportError> {
    let text = json(atlas).map_err(|source| ExportError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomically(path, text.as_bytes(), dataset)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn round_trips_through_serde_json() {
        let g = fixture::graph();
        let text = json(g.atlas()).expect("serialises");
        let back: Atlas = serde_json::from_str(&text).expect("parses back");
        assert_eq!(&back, g.atlas());
        assert!(
            text.contains("\"Instrument\": \"Regulation\""),
            "sub-kind kept: {text}"
        );
    }
}
