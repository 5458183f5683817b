//! Reading a dataset straight into a graph: the index is built while validation runs.

use std::path::Path;

use crate::model::{Diagnostic, LoadError, load_str_with, read_text};

use super::{AtlasGraph, GraphIndex};

/// A valid atlas as a graph, with the warnings it still has.
#[derive(Clone, Debug)]
pub struct LoadedGraph {
    pub graph: AtlasGraph,
    pub origin: String,
    pub warnings: Vec<Diagnostic>,
}

pub fn load_graph_str(text: &str, origin: &str) -> Result<LoadedGraph, LoadError> {
    let (loaded, index) = load_str_with(text, origin, GraphIndex::build)?;
    Ok(LoadedGraph {
        graph: AtlasGraph::from_parts(loaded.atlas, index),
        origin: loaded.origin,
        warnings: loaded.warnings,
    })
}

/// Reads, parses and validates the file at `path`, and builds its graph.
pub fn load_graph_file(path: &Path) -> Result<LoadedGraph, LoadError> {
    let text = read_text(path)?;
    load_graph_str(&text, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn gives_the_same_graph_as_building_after_loading() {
        let loaded = load_graph_str(fixture::TEXT, "fixture.ron").expect("valid");
        let plain = fixture::graph();
        assert_eq!(loaded.graph.node_count(), plain.node_count());
        assert_eq!(loaded.graph.edge_count(), plain.edge_count());
        assert_eq!(loaded.graph.atlas(), plain.atlas());
        let b = loaded.graph.node("b").expect("b");
        assert_eq!(loaded.graph.events_of(b).count(), 2);
    }

    #[test]
    fn reports_errors_like_the_plain_loader() {
        let broken = fixture::TEXT.replace("to: \"c\", kind: Enacts", "to: \"zz\", kind: Enacts");
        let Err(LoadError::Invalid { report }) = load_graph_str(&broken, "broken.ron") else {
            panic!("invalid");
        };
        assert!(
            report
                .errors()
                .any(|d| d.message.contains("unknown actor \"zz\""))
        );
    }
}
