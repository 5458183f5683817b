//! The records as three CSV tables (RFC 4180: UTF-8, a header row, CRLF line ends).
//!
//! Each file starts with a UTF-8 byte order mark. Excel decodes a CSV file without one in the
//! system's legacy code page, which turns "Zürich" into "ZÃ¼rich"; with it, Excel reads UTF-8.
//! LibreOffice, pandas (`encoding="utf-8-sig"`) and the csv crate all accept the mark.
//!
//! **Formulas are neutralised** (OWASP, "CSV Injection"): a cell that starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return would run as a formula when the file is opened in
//! Excel or LibreOffice, so such a cell is written with a leading `'`, which spreadsheets show
//! as text. A program reading the CSV sees the `'`; strip it when the next character is one
//! of those six.
//!
//! The three tables are written all or nothing (see [`super::write_all_or_nothing`]).

use std::path::{Path, PathBuf};

use csv::{Terminator, Writer, WriterBuilder};

use crate::graph::{AtlasGraph, Visible};
use crate::model::PartialDate;

use super::{ExportError, write_all_or_nothing};

/// The files [`write_tables`] writes into its folder, in this order.
pub const TABLE_FILES: [&str; 3] = ["actors.csv", "relations.csv", "events.csv"];

const BOM: &[u8] = b"\xEF\xBB\xBF";

const ACTOR_HEADER: [&str; 11] = [
    "id", "kind", "name", "aliases", "country", "regions", "themes", "founded", "based_in",
    "summary", "sources",
];
/// `index` is the relation's position in the atlas, the same number as the `e…` edge ids of
/// the GraphML and GEXF exports; `id` is its optional name in the dataset.
const RELATION_HEADER: [&str; 10] = [
    "index", "id", "from", "to", "kind", "directed", "since", "until", "note", "sources",
];
const EVENT_HEADER: [&str; 7] = [
    "id", "date", "kind", "title", "actors", "summary", "sources",
];

/// List cells read best in a spreadsheet with a space after the separator.
fn list(items: &[String]) -> String {
    items.join("; ")
}

fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

/// Writes actors.csv, relations.csv and events.csv into the folder `dir` (created if
/// missing) and returns their paths. None of them may be the `dataset`; either all three are
/// replaced or none is.
///
/// The tables follow `visible`: hidden actors and relations are left out, and so is an
/// event whose actors are all hidden. Records the graph does not hold (a relation to a
/// missing actor, in an atlas being fixed) are kept, since no view can hide them.
pub fn write_tables(
    graph: &AtlasGraph,
    visible: &Visible,
    dir: &Path,
    dataset: Option<&Path>,
) -> Result<Vec<PathBuf>, ExportError> {
    let created = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|source| ExportError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let result = tables(graph, visible, dir)
        .and_then(|files| write_all_or_nothing(&files, dataset).map(|()| files));
    if result.is_err() && created {
        // Nothing was written into it; do not leave an empty folder behind.
        let _ = std::fs::remove_dir(dir);
    }
    Ok(result?.into_iter().map(|(path, _)| path).collect())
}

/// The three tables, each as its path and bytes.
fn tables(
    graph: &AtlasGraph,
    visible: &Visible,
    dir: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, ExportError> {
    let atlas = graph.atlas();
    let node_shown = |i: usize| visible.nodes.get(i).copied().unwrap_or(false);
    // Node i holds actor i: AtlasGraph adds one node per actor, in order.
    let actor_shown: Vec<bool> = (0..atlas.actors.len()).map(node_shown).collect();
    let mut relation_shown = vec![true; atlas.relations.len()];
    for edge in graph.edges() {
        relation_shown[graph.graph()[edge]] =
            visible.edges.get(edge.index()).copied().unwrap_or(false);
    }
    let paths: Vec<PathBuf> = TABLE_FILES.iter().map(|name| dir.join(name)).collect();

    let rows = atlas.actors.iter().zip(&actor_shown).filter(|(_, s)| **s);
    let actors = table(
        &paths[0],
        &ACTOR_HEADER,
        rows.map(|(a, _)| {
            vec![
                a.id.clone(),
                a.kind.code(),
                a.name.clone(),
                list(&a.aliases),
                opt(&a.country).to_string(),
                list(&a.regions),
                list(&a.themes),
                date(a.founded),
                opt(&a.based_in).to_string(),
                a.summary.clone(),
                list(&a.sources),
            ]
        }),
    )?;

    let rows = atlas
        .relations
        .iter()
        .enumerate()
        .filter(|(i, _)| relation_shown[*i]);
    let relations = table(
        &paths[1],
        &RELATION_HEADER,
        rows.map(|(i, r)| {
            vec![
                i.to_string(),
                opt(&r.id).to_string(),
                r.from.clone(),
                r.to.clone(),
                r.kind.label().to_string(),
                r.kind.is_directed().to_string(),
                date(r.since),
                date(r.until),
                opt(&r.note).to_string(),
                list(&r.sources),
            ]
        }),
    )?;

    let event_shown = |actors: &[String]| {
        actors.is_empty()
            || actors
                .iter()
                .any(|id| graph.node(id).is_none_or(|n| node_shown(n.index())))
    };
    let rows = atlas.events.iter().filter(|e| event_shown(&e.actors));
    let events = table(
        &paths[2],
        &EVENT_HEADER,
        rows.map(|e| {
            vec![
                e.id.clone(),
                e.date.to_string(),
                e.kind.label().to_string(),
                e.title.clone(),
                list(&e.actors),
                e.summary.clone(),
                list(&e.sources),
            ]
        }),
    )?;
    Ok(paths.into_iter().zip([actors, relations, events]).collect())
}

/// The cell as written: with a leading `'` when a spreadsheet would run it as a formula.
fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Builds one table in memory, BOM first.
fn table(
    path: &Path,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, ExportError> {
    let csv_error = |source| ExportError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut writer: Writer<Vec<u8>> = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(BOM.to_vec());
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| neutralised(cell).into_owned()))
            .map_err(csv_error)?;
    }
    writer.into_inner().map_err(|e| ExportError::Io {
        path: path.to_path_buf(),
        source: e.into_error(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn read(path: &Path) -> (Vec<u8>, Vec<csv::StringRecord>) {
        let bytes = std::fs::read(path).expect("table exists");
        let records = csv::Reader::from_reader(&bytes[BOM.len()..])
            .records()
            .collect::<Result<_, _>>()
            .expect("valid CSV");
        (bytes, records)
    }

    #[test]
    fn writes_three_tables_with_bom_header_and_one_row_per_record() {
        let g = fixture::graph();
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("tables");
        let paths = write_tables(&g, &Visible::all(&g), &out, None).expect("tables written");
        assert_eq!(paths, TABLE_FILES.map(|n| out.join(n)));
        let expected = [
            (&ACTOR_HEADER[..], 4),
            (&RELATION_HEADER[..], 4),
            (&EVENT_HEADER[..], 2),
        ];
        for (path, (header, rows)) in paths.iter().zip(expected) {
            let (bytes, records) = read(path);
            assert!(bytes.starts_with(BOM), "{} has no BOM", path.display());
            let first_line = String::from_utf8_lossy(&bytes[BOM.len()..]);
            assert!(first_line.starts_with(&format!("{}\r\n", header.join(","))));
            assert_eq!(records.len(), rows, "{}", path.display());
        }
        let (_, actors) = read(&paths[0]);
        assert_eq!(&actors[1][2], "AT&T <\"Ma Bell\"> 'US'");
        assert_eq!(&actors[1][3], "Bell; Ma Bell");
        assert_eq!(&actors[2][1], "Instrument/Regulation");
        assert_eq!(&actors[3][9], "Line one\nline two");
        let (_, relations) = read(&paths[1]);
        assert_eq!(&relations[1][8], "a \"note\", with commas");
        assert_eq!(&relations[1][5], "false");
        assert_eq!(&relations[0][1], "r-fr-act");
    }

    #[test]
    fn follows_the_mask() {
        let g = fixture::graph();
        let mut v = Visible::all(&g);
        v.nodes[3] = false; // jp
        v.edges = v.edges.iter().enumerate().map(|(i, _)| i == 0).collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = write_tables(&g, &v, dir.path(), None).expect("tables written");
        let counts: Vec<usize> = paths.iter().map(|p| read(p).1.len()).collect();
        // The event naming only jp goes; the one naming fr and the AI Act stays.
        assert_eq!(counts, [3, 1, 1]);
    }

    #[test]
    fn a_file_in_the_way_of_the_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("tables");
        std::fs::write(&blocker, "").expect("make file");
        let g = fixture::graph();
        let error = write_tables(&g, &Visible::all(&g), &blocker, None).expect_err("not a folder");
        assert!(error.to_string().contains("tables"), "{error}");
    }

    #[test]
    fn cells_that_would_run_as_formulas_get_a_leading_quote() {
        for risky in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralised(risky), format!("'{risky}"), "{risky:?}");
        }
        for safe in ["", "a=b", "1-2", "'x", " =x", "Zürich"] {
            assert_eq!(neutralised(safe), safe, "{safe:?}");
        }
    }

    #[test]
    fn a_formula_in_a_name_reaches_the_file_neutralised() {
        let mut atlas = fixture::graph().atlas().clone();
        atlas.actors[0].name = "=HYPERLINK(\"http://x\")".into();
        let g = AtlasGraph::new(atlas);
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = write_tables(&g, &Visible::all(&g), dir.path(), None).expect("written");
        let (_, actors) = read(&paths[0]);
        assert_eq!(&actors[0][2], "'=HYPERLINK(\"http://x\")");
    }

    #[test]
    fn a_table_that_cannot_be_written_leaves_the_other_tables_old() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("actors.csv"), "old").expect("old table");
        std::fs::create_dir(dir.path().join("events.csv")).expect("a folder in the way");
        let g = fixture::graph();
        let error = write_tables(&g, &Visible::all(&g), dir.path(), None).expect_err("refused");
        assert!(
            error
                .to_string()
                .contains("events.csv: refusing to write over a folder"),
            "{error}"
        );
        let old = std::fs::read(dir.path().join("actors.csv")).expect("actors");
        assert_eq!(old, b"old");
        assert!(!dir.path().join("relations.csv").exists());
    }
}
