//! Exports: the filtered graph as GraphML and GEXF (for Gephi, networkx, igraph), the
//! records as CSV tables, and the whole atlas as JSON. No UI here; the GUI and the
//! `atlas export` subcommand both call [`export`].
//!
//! Every file goes through the one safe writer, [`write_atomically`] (several files:
//! [`write_all_or_nothing`]): never over the dataset that was read or a special file, keeping
//! permissions, atomic; see its module for the details.

mod atomic;
mod canonical;
mod changes;
mod gexf;
mod graphml;
mod guard;
mod json;
pub mod picture;
mod recovery;
mod ron_text;
mod scope;
mod stale;
pub mod svg;
mod tables;
mod xml;

use std::path::{Path, PathBuf};

pub use atomic::{write_all_or_nothing, write_atomically};
pub use canonical::{HEADER as CANONICAL_HEADER, canonical_ron, first_difference, write_canonical};
pub use changes::{
    CHANGES_HEADER, ChangeRow, Group, change_rows, changes_csv, changes_json, changes_markdown,
    write_changes_csv, write_changes_markdown,
};
pub use gexf::{gexf, gexf_described, write_gexf};
pub use graphml::{graphml, graphml_described, write_graphml};
pub use json::{json, write_json};
pub use recovery::{
    RECOVERY_FILE, Recovered, read_recovery, remove_recovery, utc_minute, write_recovery,
};
pub use scope::{Scope, VIEW_FILE, describe_filter, export_scope};
pub use tables::{TABLE_FILES, write_tables};

use crate::graph::{AtlasGraph, Visible};

/// The formats `atlas export --format` and the GUI's export menu offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// GraphML of the visible graph (Gephi, networkx, igraph, yEd).
    Graphml,
    /// GEXF 1.3 of the visible graph (Gephi's own format).
    Gexf,
    /// A folder with actors.csv, relations.csv and events.csv.
    Csv,
    /// The whole atlas as JSON, whatever the view shows.
    Json,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Graphml,
        ExportFormat::Gexf,
        ExportFormat::Csv,
        ExportFormat::Json,
    ];

    /// The file extension a save dialog should suggest; `None` for the CSV folder.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::Graphml => Some("graphml"),
            ExportFormat::Gexf => Some("gexf"),
            ExportFormat::Csv => None,
            ExportFormat::Json => Some("json"),
        }
    }
}

/// Why an export failed. Every message starts with the path it concerns.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: cannot write the file: {source}", shown(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The target is the dataset the atlas was read from (same file, or a link to it).
    #[error(
        "{}: this is the dataset being exported ({}); choose another file",
        shown(path),
        shown(dataset)
    )]
    Dataset { path: PathBuf, dataset: PathBuf },
    /// The target is a folder, FIFO, device or socket, or a link to one or to nothing.
    #[error(
        "{}: refusing to write over {kind}; choose a regular file",
        shown(path)
    )]
    Special { path: PathBuf, kind: &'static str },
    #[error("{}: cannot create the folder: {source}", shown(path))]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot write the CSV table: {source}", shown(path))]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("{}: cannot write the JSON: {source}", shown(path))]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

/// A path for a message, control characters escaped.
fn shown(path: &Path) -> String {
    crate::model::text_rules::escape_controls(&path.display().to_string()).into_owned()
}

impl ExportError {
    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ExportError::Io { path, .. }
            | ExportError::Dataset { path, .. }
            | ExportError::Special { path, .. }
            | ExportError::CreateDir { path, .. }
            | ExportError::Csv { path, .. }
            | ExportError::Json { path, .. } => path,
        }
    }
}

/// Exports in `format` to `out` and returns the files written.
///
/// GraphML, GEXF and CSV follow `visible` (the current view); JSON is always the whole
/// atlas, so that it can be loaded back. For CSV, `out` is a folder (created if missing)
/// that receives [`TABLE_FILES`]. `dataset` is the file the atlas was read from (none for
/// the embedded atlas): the export refuses to write over it, by any name.
///
/// [`export_scope`] does the same and also says in the file which view it follows.
pub fn export(
    graph: &AtlasGraph,
    visible: &Visible,
    format: ExportFormat,
    out: &Path,
    dataset: Option<&Path>,
) -> Result<Vec<PathBuf>, ExportError> {
    export_described(graph, visible, None, format, out, dataset)
}

fn export_described(
    graph: &AtlasGraph,
    visible: &Visible,
    view: Option<&str>,
    format: ExportFormat,
    out: &Path,
    dataset: Option<&Path>,
) -> Result<Vec<PathBuf>, ExportError> {
    let one = |()| vec![out.to_path_buf()];
    match format {
        ExportFormat::Graphml => write_graphml(graph, visible, view, out, dataset).map(one),
        ExportFormat::Gexf => write_gexf(graph, visible, view, out, dataset).map(one),
        ExportFormat::Csv => write_tables(graph, visible, out, dataset),
        ExportFormat::Json => write_json(graph.atlas(), out, dataset).map(one),
    }
}

/// A small atlas whose text fields hold everything an exporter can get wrong.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::graph::AtlasGraph;
    use crate::model::load_str;

    pub const TEXT: &str = r#"Atlas(
        regions: [(id: "eu", name: "Europe"), (id: "asia", name: "Asia")],
        themes: [(id: "ai", name: "AI")],
        sources: [(id: "s1", title: "One", url: "https://example.org/1"),
                  (id: "s2", title: "Two", url: "https://example.org/2")],
        actors: [
            (id: "fr", kind: State, name: "France", country: Some("FR"), regions: ["eu"], themes: ["ai"], sources: ["s1"]),
            (id: "at-t", kind: Company, name: "AT&T <\"Ma Bell\"> 'US'", aliases: ["Bell", "Ma Bell"], regions: ["eu", "asia"], sources: ["s1", "s2"]),
            (id: "ai-act", kind: Instrument(Regulation), name: "Règlement sur l'IA", regions: ["eu"], founded: Some("2024-08"), sources: ["s2"]),
            (id: "jp", kind: State, name: "日本", country: Some("JP"), regions: ["asia"], summary: "Line one\nline two", sources: ["s1"]),
        ],
        relations: [
            (id: Some("r-fr-act"), from: "fr", to: "ai-act", kind: Adopts, since: Some("2024"), sources: ["s1", "s2"]),
            (from: "fr", to: "jp", kind: PartnersWith, since: Some("2019-06"), note: Some("a \"note\", with commas"), sources: ["s1"]),
            (from: "fr", to: "jp", kind: Rivals, until: Some("c. 2001"), sources: ["s1"]),
            (from: "at-t", to: "jp", kind: BasedIn, sources: ["s2"]),
        ],
        events: [
            (id: "ev-act", date: "2024-08-01", kind: Regulation, title: "AI Act enters into force", actors: ["ai-act", "fr"], summary: "Café, naïve; \"quoted\"", sources: ["s2"]),
            (id: "ev-jp", date: "2019", kind: Agreement, title: "Partnership", actors: ["jp"], sources: ["s1"]),
        ],
    )"#;

    /// The fixture as a graph, with control characters the RON loader would not let in.
    pub fn graph() -> AtlasGraph {
        let mut atlas = load_str(TEXT, "io-fixture.ron")
            .expect("io fixture is valid")
            .atlas;
        atlas.actors[3].name.push_str("\u{0}\u{1b}\u{7}");
        AtlasGraph::new(atlas)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_returns_every_file_it_wrote() {
        let g = fixture::graph();
        let v = Visible::all(&g);
        let dir = tempfile::tempdir().expect("temp dir");
        for format in ExportFormat::ALL {
            let out = dir.path().join(format!("out-{format:?}"));
            let files = export(&g, &v, format, &out, None).expect("export succeeds");
            let expected = if format == ExportFormat::Csv { 3 } else { 1 };
            assert_eq!(files.len(), expected, "{format:?}");
            for file in &files {
                let len = std::fs::metadata(file).expect("file exists").len();
                assert!(len > 3, "{} is empty", file.display());
            }
        }
    }

    #[test]
    fn errors_name_the_path() {
        let g = fixture::graph();
        let v = Visible::all(&g);
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("missing-folder/atlas.graphml");
        let error = export(&g, &v, ExportFormat::Graphml, &out, None).expect_err("no such folder");
        assert_eq!(error.path(), out);
        assert!(
            error.to_string().starts_with(&out.display().to_string()),
            "{error}"
        );
    }
}
