//! Tests of the map core against the embedded asset and the default atlas.

use crate::graph::{AtlasGraph, ViewFilter, Visible};
use crate::model::load_default;

use super::*;

fn world() -> &'static WorldMap {
    WorldMap::embedded().expect("the embedded map asset is valid")
}

fn atlas() -> AtlasGraph {
    AtlasGraph::new(load_default().expect("default atlas loads").atlas)
}

fn point(lat: f64, lon: f64) -> [f32; 2] {
    let [x, y] = equal_earth(lat, lon);
    [x as f32, y as f32]
}

fn code_at(lat: f64, lon: f64, min_radius: f32) -> Option<String> {
    let map = world();
    map.pick(point(lat, lon), min_radius)
        .and_then(|i| map.countries[i].code.clone())
}

#[test]
fn embedded_asset_has_the_expected_countries() {
    let map = world();
    assert!(map.countries.len() > 200, "{}", map.countries.len());
    for code in ["JP", "US", "FR", "SG", "MV", "LU", "FJ", "BN", "UA", "XK"] {
        assert!(map.by_code(code).is_some(), "{code} is on the map");
    }
    assert!(map.by_code("jp").is_some(), "codes match in any case");
}

#[test]
fn triangulation_covers_exactly_each_polygon() {
    let map = world();
    for c in &map.countries {
        let polygon_area: f64 = c
            .polygons
            .iter()
            .map(|poly| {
                let mut rings = c.rings[poly.rings.clone()].iter();
                let outline = rings
                    .next()
                    .map_or(0.0, |r| ring_area(&c.vertices[r.clone()]));
                outline
                    - rings
                        .map(|r| ring_area(&c.vertices[r.clone()]))
                        .sum::<f64>()
            })
            .sum();
        let covered = triangles_area(&c.vertices, &c.triangles);
        let error = (covered - polygon_area).abs() / polygon_area.max(1e-12);
        assert!(
            error < 1e-4,
            "{}: triangles {covered}, polygon {polygon_area}",
            c.name
        );
    }
}

#[test]
fn a_square_with_a_hole_triangulates_to_its_area() {
    let mut bytes = b"TDAMAP\x00\x01".to_vec();
    bytes.extend(1.0f32.to_le_bytes());
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(b"XA\x01A");
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(2u16.to_le_bytes());
    for ring in [[0i16, 0, 10, 0, 10, 10, 0, 10], [4, 4, 6, 4, 6, 6, 4, 6]] {
        bytes.extend(4u16.to_le_bytes());
        ring.iter().for_each(|v| bytes.extend(v.to_le_bytes()));
    }
    let map = WorldMap::from_bytes(&bytes).expect("valid");
    let c = &map.countries[0];
    assert_eq!(triangles_area(&c.vertices, &c.triangles), 96.0);
    assert!(contains(c, [1.0, 1.0]));
    assert!(
        !contains(c, [5.0, 5.0]),
        "the hole is not part of the shape"
    );
    assert!(!contains(c, [11.0, 5.0]));
}

#[test]
fn points_fall_in_the_right_countries() {
    assert_eq!(code_at(35.68, 139.69, 0.0).as_deref(), Some("JP"), "Tokyo");
    assert_eq!(code_at(48.86, 2.35, 0.0).as_deref(), Some("FR"), "Paris");
    assert_eq!(
        code_at(-15.79, -47.88, 0.0).as_deref(),
        Some("BR"),
        "Brasília"
    );
    assert_eq!(
        code_at(-29.3, 27.5, 0.0).as_deref(),
        Some("LS"),
        "Maseru, in South Africa's hole"
    );
    assert_eq!(code_at(-28.0, 25.0, 0.0).as_deref(), Some("ZA"));
    assert_eq!(code_at(0.0, -30.0, 0.0), None, "mid-Atlantic");
}

#[test]
fn small_island_states_are_hit_within_the_minimum_radius() {
    // 0.01 map units is about 4 px on a 1920 px wide world.
    let map = world();
    let sg = map.by_code("SG").expect("Singapore");
    let centre = map.countries[sg].bounds.centre();
    let in_the_sea = (0..16)
        .map(|k| {
            let a = k as f32 * std::f32::consts::TAU / 16.0;
            [centre[0] + 0.006 * a.cos(), centre[1] + 0.006 * a.sin()]
        })
        .find(|&p| map.pick(p, 0.0).is_none())
        .expect("some point 0.006 off Singapore is in the sea");
    assert_eq!(map.pick(in_the_sea, 0.01), Some(sg));
    assert_eq!(
        map.pick(in_the_sea, 0.001),
        None,
        "too far without the minimum size"
    );
    assert_eq!(code_at(4.17, 73.51, 0.01).as_deref(), Some("MV"), "Malé");
}

#[test]
fn japan_resolves_to_the_japan_state_actor() {
    let graph = atlas();
    let map = world();
    let countries = CountryActors::build(map, &graph);
    let japan = map.by_code("JP").expect("Japan on the map");
    let state = countries.state(japan).expect("Japan has a State actor");
    assert_eq!(graph.actor(state).id, "japan");
    assert!(
        countries.actors(japan).len() > 1,
        "Japan has bodies or envoys too"
    );
    let nowhere = map.by_code("AQ").expect("Antarctica on the map");
    assert_eq!(countries.state(nowhere), None);
}

fn colour_of(mode: ColourMode, as_of: Option<f64>) -> (Colouring, &'static WorldMap) {
    let graph = atlas();
    let map = world();
    let countries = CountryActors::build(map, &graph);
    let visible = ViewFilter {
        as_of,
        ..ViewFilter::default()
    }
    .apply(&graph);
    (
        colour(&graph, &countries, map.countries.len(), &visible, &mode),
        map,
    )
}

fn swatch(c: &Colouring, map: &WorldMap, code: &str) -> Swatch {
    c.fills[map.by_code(code).expect("on the map")]
}

#[test]
fn indo_pacific_colours_its_member_states_only() {
    let (c, map) = colour_of(ColourMode::Region("indo-pacific".into()), None);
    for code in ["JP", "AU", "IN", "SG"] {
        assert_eq!(swatch(&c, map, code), Swatch::Member, "{code}");
    }
    assert_eq!(swatch(&c, map, "DE"), Swatch::Unmarked);
    assert_eq!(swatch(&c, map, "AQ"), Swatch::NotInAtlas);
    let member_line = c.legend.iter().find(|l| l.swatch == Swatch::Member);
    assert!(member_line.is_some_and(|l| l.count >= 4 && l.label.contains("Indo-Pacific")));
}

#[test]
fn a_grouping_formed_later_is_uncoloured_before_it_formed() {
    let (before, map) = colour_of(ColourMode::Grouping("ipef".into()), Some(2021.5));
    let (after, _) = colour_of(ColourMode::Grouping("ipef".into()), Some(2023.0));
    assert_eq!(swatch(&after, map, "JP"), Swatch::Member);
    assert_eq!(swatch(&before, map, "JP"), Swatch::Unmarked);
    assert!(!before.fills.contains(&Swatch::Member));
}

#[test]
fn a_bloc_that_joins_colours_its_member_states() {
    let graph = atlas();
    // Find a grouping the EU belongs to, from the data rather than by name.
    let eu = graph.node("eu").expect("the EU is in the atlas");
    let joined = graph
        .graph()
        .edges_directed(eu, petgraph::Direction::Outgoing)
        .find(|e| {
            graph.relation(petgraph::visit::EdgeRef::id(e)).kind
                == crate::model::RelationKind::MemberOf
        })
        .map(|e| graph.actor(petgraph::visit::EdgeRef::target(&e)).id.clone())
        .expect("the EU is a member of something");
    let (c, _) = colour_of(ColourMode::Grouping(joined), None);
    assert!(
        c.fills.contains(&Swatch::ThroughBloc) || c.fills.contains(&Swatch::Member),
        "EU member states are coloured"
    );
    let (eu_itself, map) = colour_of(ColourMode::Grouping("eu".into()), None);
    assert_eq!(swatch(&eu_itself, map, "DE"), Swatch::Member);
}

#[test]
fn envoy_posts_count_per_country_and_honour_the_date() {
    let graph = atlas();
    let map = world();
    let countries = CountryActors::build(map, &graph);
    let now = Visible::all(&graph);
    let counts = activity(
        &graph,
        &countries,
        map.countries.len(),
        &now,
        Activity::EnvoyPosts,
    );
    let expected = graph
        .nodes()
        .filter(|&n| {
            let a = graph.actor(n);
            a.kind == crate::model::ActorKind::Envoy && a.country.as_deref() == Some("FR")
        })
        .count();
    let fr = map.by_code("FR").expect("France");
    assert!(expected > 0);
    assert_eq!(counts[fr], expected);
    let early = ViewFilter {
        as_of: Some(1990.0),
        ..ViewFilter::default()
    }
    .apply(&graph);
    let early_counts = activity(
        &graph,
        &countries,
        map.countries.len(),
        &early,
        Activity::EnvoyPosts,
    );
    assert!(early_counts.iter().sum::<usize>() < counts.iter().sum::<usize>());
}

#[test]
fn gazetteer_finds_the_most_specific_city_names() {
    let names = |t: &str| cities_in(t).iter().map(|c| c.name()).collect::<Vec<_>>();
    assert_eq!(names("San Francisco Bay Area"), ["San Francisco Bay Area"]);
    assert_eq!(
        names("Palo Alto, Copenhagen and Beijing"),
        ["Palo Alto", "Copenhagen", "Beijing"]
    );
    assert_eq!(names("Foreign ministry in Copenhagen."), ["Copenhagen"]);
    assert!(names("Atlantis").is_empty());
}

#[test]
fn posts_are_placed_where_based_at_the_date() {
    let graph = atlas();
    let map = world();
    let countries = CountryActors::build(map, &graph);
    let dk = graph
        .node("denmark-tech-ambassador")
        .expect("the Danish post");
    let at = |t: f64| {
        let v = ViewFilter {
            as_of: Some(t),
            ..ViewFilter::default()
        }
        .apply(&graph);
        post_markers(&graph, &countries, map, &v)
            .into_iter()
            .filter(|m| m.nodes.contains(&dk))
            .map(|m| m.label)
            .collect::<Vec<_>>()
    };
    assert_eq!(at(2020.0), ["Silicon Valley"]);
    assert_eq!(at(2024.0), ["Copenhagen"]);
    let all = post_markers(&graph, &countries, map, &Visible::all(&graph));
    let sf = all
        .iter()
        .find(|m| m.label == "San Francisco")
        .expect("San Francisco marker");
    assert!(
        sf.nodes.len() >= 3,
        "several posts share the San Francisco marker"
    );
}

#[test]
fn every_post_with_a_country_on_the_map_has_a_marker() {
    let graph = atlas();
    let map = world();
    let countries = CountryActors::build(map, &graph);
    let markers = post_markers(&graph, &countries, map, &Visible::all(&graph));
    let marked = |n| markers.iter().any(|m| m.nodes.contains(&n));
    let unmarked: Vec<&str> = graph
        .nodes()
        .filter(|&n| {
            let kind = graph.actor(n).kind;
            matches!(
                kind,
                crate::model::ActorKind::Envoy | crate::model::ActorKind::GovernmentBody
            ) && countries.country_of(n).is_some()
                && !marked(n)
        })
        .map(|n| graph.actor(n).id.as_str())
        .collect();
    assert!(unmarked.is_empty(), "posts with no marker: {unmarked:?}");
    let placed = Placement::of(&markers);
    assert!(placed.at_country > 0, "the atlas has posts with no city");
}

#[test]
fn a_post_with_no_city_sits_hollow_at_its_own_country() {
    let atlas = crate::model::load_str(
        r#"Atlas(
        sources: [(id: "s", title: "Source", url: "https://example.org")],
        actors: [
            (id: "fr-post", kind: Envoy, name: "A French post", country: Some("FR"), sources: ["s"]),
            (id: "jp-post", kind: Envoy, name: "A Japanese post", country: Some("JP"),
             based_in: Some("Tokyo"), sources: ["s"]),
        ],
        relations: [],
    )"#,
        "test",
    )
    .expect("a small atlas");
    let graph = AtlasGraph::new(atlas.atlas);
    let map = world();
    let countries = CountryActors::build(map, &graph);
    let markers = post_markers(&graph, &countries, map, &Visible::all(&graph));
    let fr = markers
        .iter()
        .find(|m| m.nodes.contains(&graph.node("fr-post").expect("fr")))
        .expect("the French post is on the map");
    assert!(!fr.city);
    let france = &map.countries[map.by_code("FR").expect("France")];
    assert_eq!(fr.at, france.anchor);
    let jp = markers
        .iter()
        .find(|m| m.nodes.contains(&graph.node("jp-post").expect("jp")))
        .expect("the Japanese post is on the map");
    assert!(jp.city && jp.label == "Tokyo");
    assert_eq!(
        Placement::of(&markers),
        Placement {
            at_city: 1,
            at_country: 1
        }
    );
}
