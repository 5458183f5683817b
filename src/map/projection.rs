//! The Equal Earth projection (Šavrič, Patterson & Jenny, 2018), on the unit sphere, y up.
//!
//! The map asset was projected with the same formula by `assets/map/convert.py`; this copy
//! places points the asset does not hold (envoy posts, offices) on the same plane.

use std::f64::consts::PI;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

/// Half the width of the projected world: x of longitude ±180° on the equator.
pub const HALF_WIDTH: f64 = PI / (M * A1);
/// Half the height of the projected world: y of the poles.
pub const HALF_HEIGHT: f64 = 1.317_362_759_157_4;

/// Projects latitude and longitude in degrees to map units (unit sphere, y grows northwards).
/// Latitudes beyond ±90° are clamped, longitudes taken as given.
pub fn equal_earth(lat_deg: f64, lon_deg: f64) -> [f64; 2] {
    let lambda = lon_deg.to_radians();
    let phi = lat_deg.clamp(-90.0, 90.0).to_radians();
    let theta = (M * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    [x, y]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn origin_maps_to_origin() {
        assert_eq!(equal_earth(0.0, 0.0), [0.0, 0.0]);
    }

    #[test]
    fn equator_edge_and_pole_match_the_published_extent() {
        // The paper gives the unit-sphere extent as x = ±2.706628, y = ±1.317363.
        let [x, y] = equal_earth(0.0, 180.0);
        assert!((x - 2.706_628).abs() < 1e-5, "{x}");
        assert!(close(y, 0.0));
        let [x, y] = equal_earth(90.0, 0.0);
        assert!(close(x, 0.0));
        assert!((y - 1.317_363).abs() < 1e-5, "{y}");
        assert!(close(HALF_WIDTH, equal_earth(0.0, 180.0)[0]));
        assert!(close(HALF_HEIGHT, y));
    }

    #[test]
    fn symmetric_about_both_axes() {
        let [x, y] = equal_earth(35.7, 139.7);
        assert_eq!(equal_earth(-35.7, -139.7), [-x, -y]);
    }

    #[test]
    fn equal_area_cells_have_equal_projected_areas() {
        // Two 10°×10° cells with the same spherical area (mirror-free: 20–30°N at two longitudes)
        // and a check that area scales with sin φ: cells 0–10° and 60–70° differ by the ratio
        // of their spherical areas.
        let cell = |lat: f64, lon: f64| {
            let p = [
                equal_earth(lat, lon),
                equal_earth(lat, lon + 10.0),
                equal_earth(lat + 10.0, lon + 10.0),
                equal_earth(lat + 10.0, lon),
            ];
            let mut a = 0.0;
            for i in 0..4 {
                let (u, v) = (p[i], p[(i + 1) % 4]);
                a += u[0] * v[1] - v[0] * u[1];
            }
            a.abs() / 2.0
        };
        let sphere = |lat: f64| (lat + 10.0_f64).to_radians().sin() - lat.to_radians().sin();
        let ratio = cell(60.0, 0.0) / cell(0.0, 0.0);
        // Straight edges between corners approximate the curved parallels: within 1%.
        assert!((ratio - sphere(60.0) / sphere(0.0)).abs() < 0.01, "{ratio}");
    }
}
