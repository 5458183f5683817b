//! The atlases and views the export tests run over.

use std::path::Path;

use atlas::graph::{AtlasGraph, ViewFilter, Visible};
use atlas::model::load_file;
use atlas::synth::{SynthSize, synthetic_atlas};

use super::DEFAULT_ATLAS;

pub fn default_graph() -> AtlasGraph {
    AtlasGraph::new(
        load_file(Path::new(DEFAULT_ATLAS))
            .expect("default atlas loads")
            .atlas,
    )
}

fn synthetic_graph() -> AtlasGraph {
    let size = SynthSize {
        actors: 400,
        relations: 1500,
        events: 120,
        seed: 11,
    };
    AtlasGraph::new(synthetic_atlas(size))
}

/// A synthetic atlas whose ids and names hold markup, quotes and control characters, as a
/// hand-edited dataset might: the exports must stay well-formed and keep every edge's ends.
fn hostile_graph() -> AtlasGraph {
    let size = SynthSize {
        actors: 60,
        relations: 200,
        events: 20,
        seed: 5,
    };
    let mut atlas = synthetic_atlas(size);
    let rename = |id: &mut String| *id = format!("{id} & <\"'>\u{1}");
    for actor in &mut atlas.actors {
        rename(&mut actor.id);
        actor.name.push_str(" & Sons <\"Ltd\"> 'x'\u{7}\n\t");
        actor.country = Some("A&B".into());
    }
    for relation in &mut atlas.relations {
        rename(&mut relation.from);
        rename(&mut relation.to);
    }
    for event in &mut atlas.events {
        event.actors.iter_mut().for_each(rename);
    }
    AtlasGraph::new(atlas)
}

/// Every atlas the tests export, by name.
pub fn graphs() -> [(&'static str, AtlasGraph); 3] {
    [
        ("default", default_graph()),
        ("synthetic", synthetic_graph()),
        ("hostile", hostile_graph()),
    ]
}

/// Visible edges whose relation kind has no direction, counted from the model, not the file.
pub fn undirected(graph: &AtlasGraph, visible: &Visible) -> usize {
    graph
        .edges()
        .filter(|e| visible.edges[e.index()] && !graph.relation(*e).kind.is_directed())
        .count()
}

/// The whole graph, the first region's subgraph, and the graph as of 2015.
pub fn views(graph: &AtlasGraph) -> Vec<(String, Visible)> {
    let region = graph.atlas().regions[0].id.clone();
    let in_region = ViewFilter {
        regions: [region.clone()].into(),
        ..ViewFilter::default()
    };
    let as_of = ViewFilter {
        as_of: Some(2015.0),
        ..ViewFilter::default()
    };
    let all = Visible::all(graph);
    let region_view = in_region.apply(graph);
    assert!(
        region_view.node_count() > 0 && region_view.node_count() < all.node_count(),
        "region {region} should be a proper, non-empty subgraph"
    );
    vec![
        ("all".into(), all),
        (format!("region {region}"), region_view),
        ("as of 2015".into(), as_of.apply(graph)),
    ]
}
