//! Which country lies under a point: exact containment first, then, for shapes too small to
//! hit (island states), a disc of a minimum radius around each small polygon.

use super::world::{CountryShape, WorldMap};

/// True when `p` lies inside or on the triangle `abc` (either winding).
pub fn in_triangle(p: [f32; 2], a: [f32; 2], b: [f32; 2], c: [f32; 2]) -> bool {
    let side =
        |u: [f32; 2], v: [f32; 2]| (v[0] - u[0]) * (p[1] - u[1]) - (v[1] - u[1]) * (p[0] - u[0]);
    let (d1, d2, d3) = (side(a, b), side(b, c), side(c, a));
    let negative = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let positive = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(negative && positive)
}

/// Even-odd test over all the rings of one polygon (outline and holes).
fn in_rings(shape: &CountryShape, rings: std::ops::Range<usize>, p: [f32; 2]) -> bool {
    let mut inside = false;
    for ring in &shape.rings[rings] {
        let points = &shape.vertices[ring.clone()];
        let mut j = points.len() - 1;
        for i in 0..points.len() {
            let (a, b) = (points[i], points[j]);
            if (a[1] > p[1]) != (b[1] > p[1])
                && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
            {
                inside = !inside;
            }
            j = i;
        }
    }
    inside
}

/// True when `p` (map units) lies inside the country's shape.
pub fn contains(shape: &CountryShape, p: [f32; 2]) -> bool {
    shape.bounds.distance(p) == 0.0
        && shape
            .polygons
            .iter()
            .any(|poly| poly.bounds.distance(p) == 0.0 && in_rings(shape, poly.rings.clone(), p))
}

impl WorldMap {
    /// The country under `p` (map units). Where no shape contains it, a polygon smaller than
    /// `min_radius` across counts as a disc of that radius around its centre, so a click near
    /// Singapore or the Maldives still finds them; the nearest such disc wins.
    pub fn pick(&self, p: [f32; 2], min_radius: f32) -> Option<usize> {
        if let Some(i) = self.countries.iter().position(|c| contains(c, p)) {
            return Some(i);
        }
        let mut best: Option<(f32, usize)> = None;
        for (i, country) in self.countries.iter().enumerate() {
            if country.bounds.distance(p) > min_radius {
                continue;
            }
            for poly in &country.polygons {
                if poly.bounds.extent() >= min_radius * 2.0 {
                    continue;
                }
                let c = poly.bounds.centre();
                let d = (c[0] - p[0]).hypot(c[1] - p[1]);
                if d <= min_radius && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }
}
