//! The world map ready to draw: every country's shape in map units, triangulated once.

use std::ops::Range;
use std::sync::OnceLock;

use earcut::int::EarcutI32;

use crate::model::fast_hash::FastMap;

use super::asset::{MapError, RawCountry, RawMap, parse};

/// The country shapes built into the app (see `assets/map/README.md`).
pub static EMBEDDED: &[u8] = include_bytes!("../../assets/map/countries.bin");

/// An axis-aligned box in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl Bounds {
    const EMPTY: Bounds = Bounds {
        min: [f32::INFINITY; 2],
        max: [f32::NEG_INFINITY; 2],
    };
    fn include(&mut self, p: [f32; 2]) {
        for (i, v) in p.into_iter().enumerate() {
            self.min[i] = self.min[i].min(v);
            self.max[i] = self.max[i].max(v);
        }
    }
    fn union(mut self, other: Bounds) -> Bounds {
        self.include(other.min);
        self.include(other.max);
        self
    }
    /// Distance from `p` to the box (0 inside).
    pub fn distance(&self, p: [f32; 2]) -> f32 {
        let dx = (self.min[0] - p[0]).max(p[0] - self.max[0]).max(0.0);
        let dy = (self.min[1] - p[1]).max(p[1] - self.max[1]).max(0.0);
        dx.hypot(dy)
    }
    pub fn centre(&self) -> [f32; 2] {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }
    /// The longer side.
    pub fn extent(&self) -> f32 {
        (self.max[0] - self.min[0]).max(self.max[1] - self.min[1])
    }
}

/// One polygon of a country: a range of `CountryShape::rings` (outline first, then holes).
#[derive(Clone, Debug, PartialEq)]
pub struct PolygonPart {
    pub rings: Range<usize>,
    pub bounds: Bounds,
}

/// A country, ready to draw and to hit-test.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2, upper case, where the shape has one.
    pub code: Option<String>,
    /// The Natural Earth short name, for shapes no actor names.
    pub name: String,
    /// Every ring's points, in map units (Equal Earth on the unit sphere, y north).
    pub vertices: Vec<[f32; 2]>,
    /// Triangles filling the shape: three indices into `vertices` each.
    pub triangles: Vec<u32>,
    /// Each ring as a range of `vertices`; rings are not closed.
    pub rings: Vec<Range<usize>>,
    pub polygons: Vec<PolygonPart>,
    pub bounds: Bounds,
    /// A point inside the largest polygon, where arcs and markers attach.
    pub anchor: [f32; 2],
}

/// All countries of the map.
#[derive(Clone, Debug)]
pub struct WorldMap {
    pub countries: Vec<CountryShape>,
    by_code: FastMap<String, usize>,
    pub bounds: Bounds,
}

impl WorldMap {
    /// Parses and triangulates a map asset.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, MapError> {
        Ok(Self::build(parse(bytes)?))
    }

    /// The map built into the app, parsed and triangulated on first use.
    pub fn embedded() -> Result<&'static WorldMap, MapError> {
        static MAP: OnceLock<Result<WorldMap, MapError>> = OnceLock::new();
        MAP.get_or_init(|| Self::from_bytes(EMBEDDED))
            .as_ref()
            .map_err(Clone::clone)
    }

    fn build(raw: RawMap) -> Self {
        let mut earcut = EarcutI32::new();
        let countries: Vec<CountryShape> = raw
            .countries
            .iter()
            .map(|c| build_country(c, raw.scale, &mut earcut))
            .collect();
        let mut by_code = FastMap::default();
        for (i, c) in countries.iter().enumerate() {
            if let Some(code) = &c.code {
                by_code.entry(code.clone()).or_insert(i);
            }
        }
        let bounds = countries
            .iter()
            .fold(Bounds::EMPTY, |b, c| b.union(c.bounds));
        Self {
            countries,
            by_code,
            bounds,
        }
    }

    /// The country with this ISO 3166-1 alpha-2 code (any case).
    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.by_code.get(&code.to_ascii_uppercase()).copied()
    }

    /// Total triangles, for the benchmark's report.
    pub fn triangle_count(&self) -> usize {
        self.countries.iter().map(|c| c.triangles.len() / 3).sum()
    }
}

fn build_country(raw: &RawCountry, scale: f32, earcut: &mut EarcutI32) -> CountryShape {
    let mut shape = CountryShape {
        code: raw.code.clone(),
        name: raw.name.clone(),
        vertices: Vec::new(),
        triangles: Vec::new(),
        rings: Vec::new(),
        polygons: Vec::new(),
        bounds: Bounds::EMPTY,
        anchor: [0.0; 2],
    };
    let mut flat: Vec<[i32; 2]> = Vec::new();
    let mut holes: Vec<u32> = Vec::new();
    let mut out: Vec<u32> = Vec::new();
    let mut largest = (f32::NEG_INFINITY, [0.0f32; 2]);
    for polygon in &raw.polygons {
        let base = shape.vertices.len();
        let first_ring = shape.rings.len();
        flat.clear();
        holes.clear();
        let mut bounds = Bounds::EMPTY;
        for (r, ring) in polygon.rings.iter().enumerate() {
            if r > 0 {
                holes.push(flat.len() as u32);
            }
            let start = shape.vertices.len();
            for &[x, y] in ring {
                flat.push([x as i32, y as i32]);
                let p = [x as f32 / scale, y as f32 / scale];
                bounds.include(p);
                shape.vertices.push(p);
            }
            shape.rings.push(start..shape.vertices.len());
        }
        earcut.earcut(flat.iter().copied(), &holes, &mut out);
        let first_triangle = shape.triangles.len();
        shape.triangles.extend(out.iter().map(|&i| i + base as u32));
        let (area, anchor) = area_and_anchor(&shape.vertices, &shape.triangles[first_triangle..]);
        if area > largest.0 {
            largest = (area, anchor);
        }
        shape.bounds = shape.bounds.union(bounds);
        shape.polygons.push(PolygonPart {
            rings: first_ring..shape.rings.len(),
            bounds,
        });
    }
    shape.anchor = largest.1;
    shape
}

/// Area of a triangle list, and a point for labels: the area-weighted centroid when it lies
/// inside one of the triangles, else the centre of the largest triangle (concave shapes).
fn area_and_anchor(vertices: &[[f32; 2]], triangles: &[u32]) -> (f32, [f32; 2]) {
    let tri = |t: &[u32]| {
        let [a, b, c] = [0, 1, 2].map(|k| vertices[t[k] as usize]);
        let area = ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0;
        (area, a, b, c)
    };
    let (mut total, mut cx, mut cy) = (0.0f32, 0.0f32, 0.0f32);
    let mut biggest = (0.0f32, [0.0f32; 2]);
    for t in triangles.chunks_exact(3) {
        let (area, a, b, c) = tri(t);
        let centre = [(a[0] + b[0] + c[0]) / 3.0, (a[1] + b[1] + c[1]) / 3.0];
        total += area;
        cx += area * centre[0];
        cy += area * centre[1];
        if area > biggest.0 {
            biggest = (area, centre);
        }
    }
    if total <= 0.0 {
        return (0.0, vertices.first().copied().unwrap_or_default());
    }
    let centroid = [cx / total, cy / total];
    let inside = triangles.chunks_exact(3).any(|t| {
        let (_, a, b, c) = tri(t);
        super::hit::in_triangle(centroid, a, b, c)
    });
    (total, if inside { centroid } else { biggest.1 })
}

/// Area of a ring by the shoelace formula (absolute), for tests and checks.
pub fn ring_area(points: &[[f32; 2]]) -> f64 {
    let mut twice = 0.0f64;
    for i in 0..points.len() {
        let (p, q) = (points[i], points[(i + 1) % points.len()]);
        twice += p[0] as f64 * q[1] as f64 - q[0] as f64 * p[1] as f64;
    }
    twice.abs() / 2.0
}

/// Area covered by triangles (absolute per triangle), for tests and checks.
pub fn triangles_area(vertices: &[[f32; 2]], triangles: &[u32]) -> f64 {
    triangles
        .chunks_exact(3)
        .map(|t| {
            let [a, b, c] = [0, 1, 2].map(|k| vertices[t[k] as usize]);
            ring_area(&[a, b, c])
        })
        .sum()
}
