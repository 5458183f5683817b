//! Reads the binary country-shape asset written by `assets/map/convert.py` (the format is
//! described in that script's docstring).

use thiserror::Error;

const MAGIC: &[u8; 8] = b"TDAMAP\x00\x01";

/// What can be wrong with a map asset. The embedded asset is checked by tests; these errors
/// matter when a damaged or foreign file is given.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum MapError {
    #[error("map asset: not a Tech Diplomacy Atlas map file (bad header)")]
    BadMagic,
    #[error("map asset: file ends early at byte {offset} while reading {what}")]
    Truncated { offset: usize, what: &'static str },
    #[error("map asset: country {index} has a name that is not UTF-8")]
    BadName { index: usize },
    #[error("map asset: country {index} ({name}) has a ring with {points} points (needs 3)")]
    ShortRing {
        index: usize,
        name: String,
        points: usize,
    },
    #[error("map asset: scale {0} is not a positive number")]
    BadScale(f32),
    #[error("map asset: {extra} bytes after the last country")]
    TrailingBytes { extra: usize },
}

/// One polygon: its outline first, then its holes, in quantised units.
#[derive(Clone, Debug, PartialEq)]
pub struct RawPolygon {
    pub rings: Vec<Vec<[i16; 2]>>,
}

/// One country shape as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct RawCountry {
    /// ISO 3166-1 alpha-2, upper case; `None` for shapes without a code (Somaliland…).
    pub code: Option<String>,
    /// The Natural Earth short name.
    pub name: String,
    pub polygons: Vec<RawPolygon>,
}

/// The whole asset: quantised shapes and the factor back to map units.
#[derive(Clone, Debug, PartialEq)]
pub struct RawMap {
    /// Quantised units per map unit.
    pub scale: f32,
    pub countries: Vec<RawCountry>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], MapError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(MapError::Truncated {
            offset: self.at,
            what,
        })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], MapError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, MapError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }
}

/// Parses a map asset.
pub fn parse(bytes: &[u8]) -> Result<RawMap, MapError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len(), "the header").ok() != Some(&MAGIC[..]) {
        return Err(MapError::BadMagic);
    }
    let scale = f32::from_le_bytes(r.array("the scale")?);
    if !(scale.is_finite() && scale > 0.0) {
        return Err(MapError::BadScale(scale));
    }
    let count = r.u16("the country count")? as usize;
    let mut countries = Vec::with_capacity(count);
    for index in 0..count {
        countries.push(read_country(&mut r, index)?);
    }
    if r.at != bytes.len() {
        return Err(MapError::TrailingBytes {
            extra: bytes.len() - r.at,
        });
    }
    Ok(RawMap { scale, countries })
}

fn read_country(r: &mut Reader, index: usize) -> Result<RawCountry, MapError> {
    let code = r.array::<2>("a country code")?;
    let code = (code != [0, 0]).then(|| String::from_utf8_lossy(&code).to_ascii_uppercase());
    let name_len = r.array::<1>("a name length")?[0] as usize;
    let name = std::str::from_utf8(r.take(name_len, "a name")?)
        .map_err(|_| MapError::BadName { index })?
        .to_owned();
    let polygon_count = r.u16("a polygon count")?;
    let mut polygons = Vec::with_capacity(polygon_count as usize);
    for _ in 0..polygon_count {
        let ring_count = r.u16("a ring count")?;
        let mut rings = Vec::with_capacity(ring_count as usize);
        for _ in 0..ring_count {
            let points = r.u16("a point count")? as usize;
            if points < 3 {
                return Err(MapError::ShortRing {
                    index,
                    name,
                    points,
                });
            }
            let raw = r.take(points * 4, "ring points")?;
            let ring = raw
                .chunks_exact(4)
                .map(|c| {
                    [
                        i16::from_le_bytes([c[0], c[1]]),
                        i16::from_le_bytes([c[2], c[3]]),
                    ]
                })
                .collect();
            rings.push(ring);
        }
        polygons.push(RawPolygon { rings });
    }
    Ok(RawCountry {
        code,
        name,
        polygons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-made asset: one country "XA" with one triangle.
    fn tiny() -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.extend(100.0f32.to_le_bytes());
        b.extend(1u16.to_le_bytes());
        b.extend(b"XA");
        b.push(5);
        b.extend(b"Alpha");
        b.extend(1u16.to_le_bytes()); // polygons
        b.extend(1u16.to_le_bytes()); // rings
        b.extend(3u16.to_le_bytes()); // points
        for v in [0i16, 0, 10, 0, 0, 10] {
            b.extend(v.to_le_bytes());
        }
        b
    }

    #[test]
    fn reads_a_hand_made_asset() {
        let map = parse(&tiny()).expect("valid");
        assert_eq!(map.scale, 100.0);
        assert_eq!(map.countries[0].code.as_deref(), Some("XA"));
        assert_eq!(map.countries[0].name, "Alpha");
        assert_eq!(
            map.countries[0].polygons[0].rings[0],
            [[0, 0], [10, 0], [0, 10]]
        );
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        assert_eq!(parse(b"not a map"), Err(MapError::BadMagic));
        let bytes = tiny();
        for cut in MAGIC.len()..bytes.len() {
            assert!(
                matches!(parse(&bytes[..cut]), Err(MapError::Truncated { .. })),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(parse(&longer), Err(MapError::TrailingBytes { extra: 1 }));
    }
}
