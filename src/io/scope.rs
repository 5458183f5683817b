//! What an export follows, in words written into the file: the date and the filter of the view,
//! or "the whole atlas".

use std::path::{Path, PathBuf};

use crate::graph::{AtlasGraph, ViewFilter, Visible};

use super::{ExportError, ExportFormat, export_described, write_atomically};

/// The file the CSV export writes beside its tables to say which view they follow.
pub const VIEW_FILE: &str = "view.txt";

/// A view to export: its mask and a one-line description of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub visible: Visible,
    /// "the whole atlas", or e.g. "as of 2019-06-30; regions: Europe".
    pub description: String,
}

impl Scope {
    /// Every actor and relation, at every date.
    pub fn whole(graph: &AtlasGraph) -> Self {
        Self {
            visible: Visible::all(graph),
            description: WHOLE.to_string(),
        }
    }

    /// Whether the scope is every record at every date (an empty filter is that too).
    pub fn is_whole(&self) -> bool {
        self.description == WHOLE
    }

    /// What `filter` shows, date included.
    pub fn of_filter(graph: &AtlasGraph, filter: &ViewFilter) -> Self {
        Self {
            visible: filter.apply(graph),
            description: describe_filter(graph, filter),
        }
    }
}

const WHOLE: &str = "the whole atlas";

/// The filter in words: "as of 2019-06-30; regions: Europe, Asia; hidden kinds: Company", or
/// "the whole atlas" for an empty filter. Region and theme ids are given by name.
pub fn describe_filter(graph: &AtlasGraph, filter: &ViewFilter) -> String {
    let atlas = graph.atlas();
    let mut parts = Vec::new();
    if let Some(day) = filter.as_of_day() {
        parts.push(format!("as of {day} (only what exists on that day)"));
    }
    let named = |ids: &std::collections::BTreeSet<String>,
                 names: &dyn Fn(&str) -> Option<String>| {
        ids.iter()
            .map(|id| names(id).unwrap_or_else(|| id.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !filter.regions.is_empty() {
        let name = |id: &str| {
            atlas
                .regions
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.name.clone())
        };
        parts.push(format!("regions: {}", named(&filter.regions, &name)));
    }
    if !filter.themes.is_empty() {
        let name = |id: &str| {
            atlas
                .themes
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.name.clone())
        };
        parts.push(format!("themes: {}", named(&filter.themes, &name)));
    }
    if !filter.hidden_kinds.is_empty() {
        let kinds: Vec<&str> = filter.hidden_kinds.iter().map(|k| k.label()).collect();
        parts.push(format!("hidden kinds: {}", kinds.join(", ")));
    }
    if !filter.hidden_relations.is_empty() {
        let kinds: Vec<&str> = filter.hidden_relations.iter().map(|k| k.label()).collect();
        parts.push(format!("hidden relations: {}", kinds.join(", ")));
    }
    if parts.is_empty() {
        WHOLE.to_string()
    } else {
        parts.join("; ")
    }
}

/// Exports `scope` in `format` to `out`, saying in the file which view it follows: GraphML in
/// a `<desc>`, GEXF in its description, CSV in a [`VIEW_FILE`] beside the tables (a comment
/// line would break spreadsheet readers). JSON is always the whole atlas, so that it loads
/// back. Never writes over `dataset`, the file the atlas was read from. Returns the files
/// written.
pub fn export_scope(
    graph: &AtlasGraph,
    scope: &Scope,
    format: ExportFormat,
    out: &Path,
    dataset: Option<&Path>,
) -> Result<Vec<PathBuf>, ExportError> {
    let view = Some(scope.description.as_str());
    let mut files = export_described(graph, &scope.visible, view, format, out, dataset)?;
    if format == ExportFormat::Csv {
        let path = out.join(VIEW_FILE);
        let text = format!(
            "These tables follow this view of the atlas: {}.\r\n",
            scope.description
        );
        write_atomically(&path, text.as_bytes(), dataset)?;
        files.push(path);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::graph::Day;

    #[test]
    fn describes_the_date_and_each_filter_by_name() {
        let g = fixture::graph();
        assert_eq!(
            describe_filter(&g, &ViewFilter::default()),
            "the whole atlas"
        );
        let filter = ViewFilter {
            regions: ["eu".to_string()].into(),
            hidden_relations: [crate::model::RelationKind::Rivals].into(),
            ..ViewFilter::default()
        }
        .at(Some(Day::cursor("2019-06-30".parse().expect("date"))));
        assert_eq!(
            describe_filter(&g, &filter),
            "as of 2019-06-30 (only what exists on that day); regions: Europe; hidden relations: rivals"
        );
    }

    #[test]
    fn every_format_says_which_view_it_follows() {
        let g = fixture::graph();
        let filter = ViewFilter::default().at(Some(Day::cursor("2020".parse().expect("date"))));
        let scope = Scope::of_filter(&g, &filter);
        let dir = tempfile::tempdir().expect("temp dir");
        let marker = "as of 2020-12-31";
        for format in [ExportFormat::Graphml, ExportFormat::Gexf] {
            let out = dir.path().join(format!("view-{format:?}"));
            let files = export_scope(&g, &scope, format, &out, None).expect("export");
            let text = std::fs::read_to_string(&files[0]).expect("read");
            assert!(text.contains(marker), "{format:?}: {text}");
        }
        let out = dir.path().join("tables");
        let files = export_scope(&g, &scope, ExportFormat::Csv, &out, None).expect("export");
        assert_eq!(files.len(), 4);
        let view = std::fs::read_to_string(out.join(VIEW_FILE)).expect("view file");
        assert!(view.contains(marker), "{view}");
        let whole = export_scope(
            &g,
            &Scope::whole(&g),
            ExportFormat::Graphml,
            &dir.path().join("w"),
            None,
        )
        .expect("export");
        let text = std::fs::read_to_string(&whole[0]).expect("read");
        assert!(
            text.contains("<desc>View: the whole atlas</desc>"),
            "{text}"
        );
    }
}
