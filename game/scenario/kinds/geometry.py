"""The map as geometry (shapely): rings that cross themselves, points out of range or swapped,
regions that overlap, sites that lie in no region."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity, make_valid

from game.locale import _
from game.scenario.build import Build
from game.scenario.geojson import polygonal

OVERLAP_SHARE = 0.02  # share of the smaller region two regions may overlap by (drawing slack)
MAX_PAIRS = 20_000  # ring pairs compared for overlaps; more is no map, and would take long
NEAR = 0.5  # degrees a site may lie off every region: islands, ports, forts on the coast


def _range(b: Build, i: int, j: int, ring: np.ndarray) -> bool:
    """Report coordinates beyond ±180/±90 (and swapped pairs); True when all are in range."""
    bad = np.flatnonzero((np.abs(ring[:, 0]) > 180) | (np.abs(ring[:, 1]) > 90))
    if not len(bad):
        return True
    k = int(bad[0])
    lon, lat = float(ring[k, 0]), float(ring[k, 1])
    swapped = abs(lat) <= 180 and abs(lon) <= 90
    hint = _("; it looks like [lat, lon]: write [lon, lat]") if swapped else ""
    words = _("point {n} {point} is out of range (longitude −180 to 180, latitude −90 to 90){hint}")
    point = f"[{lon:g}, {lat:g}]"
    b.report.at("region", i, f"polygons[{j}]", words.format(n=k + 1, point=point, hint=hint))
    return False


def _extent(b: Build, i: int, j: int, ring: np.ndarray) -> None:
    assert b.m.map is not None
    ext = b.m.map.frame if len(b.m.map.frame) == 4 else b.m.map.extent
    if len(ext) != 4:
        return
    lon, lat = ring[:, 0], ring[:, 1]
    out = np.flatnonzero((lon < ext[0]) | (lon > ext[2]) | (lat < ext[1]) | (lat > ext[3]))
    if len(out):
        k = int(out[0])
        what = "frame" if len(b.m.map.frame) == 4 else "extent"
        point = f"[{ring[k, 0]:g}, {ring[k, 1]:g}]"
        words = _("point {n} {point} lies outside the map's {key} {extent}")
        message = words.format(n=k + 1, point=point, key=what, extent=ext)
        b.report.at("region", i, f"polygons[{j}]", message, "warning")


def _ring(b: Build, i: int, j: int, ring: list[list[float]]) -> BaseGeometry | None:
    """Check one ring; return its shape (repaired if it crosses itself)."""
    if len(ring) < 3 or any(len(pt) != 2 for pt in ring):
        return None
    points = np.asarray(ring, dtype=float)
    if not _range(b, i, j, points):
        return None
    _extent(b, i, j, points)
    shape = shapely.polygons(points)
    if shapely.is_valid(shape):
        return shape
    why = explain_validity(shape)
    # A ring may touch itself at a point: that is how a lake is cut into an outline.
    if why.startswith("Self-intersection"):
        where = why[len("Self-intersection") :].strip("[]").split()
        near = ", ".join(f"{float(v):.2f}" for v in where)
        message = _("the ring crosses itself near {point}").format(point=f"[{near}]")
        b.report.at("region", i, f"polygons[{j}]", message, "warning")
    return polygonal(make_valid(shape))


def _shapes(b: Build) -> tuple[list[BaseGeometry], list[int]]:
    """Return every usable ring's shape and the index of the region it belongs to."""
    shapes, owners = [], []
    for i, r in enumerate(b.m.region):
        for j, ring in enumerate(r.polygons):
            shape = _ring(b, i, j, ring)
            if shape is not None and not shape.is_empty:
                shapes.append(shape)
                owners.append(i)
    return shapes, owners


def _overlaps(b: Build, shapes: list[BaseGeometry], owners: list[int]) -> None:
    """Warn once per pair of regions whose rings share more than a sliver of area."""
    if not shapes:
        return
    ring_shapes, region_of = np.array(shapes, dtype=object), np.array(owners)
    left, right = STRtree(ring_shapes).query(ring_shapes)  # pairs whose boxes meet
    keep = region_of[left] < region_of[right]
    left, right = left[keep], right[keep]
    if len(left) > MAX_PAIRS:
        b.report.table(
            "map",
            "",
            _("more than {limit} pairs of regions to compare for overlaps; not compared").format(
                limit=MAX_PAIRS
            ),
            "warning",
        )
        return
    common = shapely.area(shapely.intersection(ring_shapes[left], ring_shapes[right]))
    areas = np.bincount(region_of, weights=shapely.area(ring_shapes))
    shared: dict[tuple[int, int], float] = {}
    pairs = zip(region_of[left].tolist(), region_of[right].tolist(), strict=True)
    for (a, c), area in zip(pairs, common.tolist(), strict=True):
        shared[(a, c)] = shared.get((a, c), 0.0) + area
    for (i, j), area in sorted(shared.items()):
        share = area / max(min(areas[i], areas[j]), 1e-12)
        if share > OVERLAP_SHARE:
            first = b.report.where("region", i, "id")
            words = _("region {id} overlaps region {other} ({first}) by {share} of the smaller")
            message = words.format(
                id=f"'{b.m.region[j].id}'",
                other=f"'{b.m.region[i].id}'",
                first=first,
                share=f"{share:.0%}",
            )
            b.report.at("region", j, "polygons", message, "warning")


def _sites(b: Build, shapes: list[BaseGeometry]) -> None:
    if not shapes:
        return
    tree = STRtree(shapes)
    for i, s in enumerate(b.m.site):
        near = tree.query(Point(s.lon, s.lat), predicate="dwithin", distance=NEAR)
        if len(near) == 0:
            message = _("site {id} lies in no region (is it [lon, lat]?)").format(id=f"'{s.id}'")
            b.report.at("site", i, "lon", message, "warning")


def check_geometry(b: Build) -> None:
    """Check every region's rings and the regions and sites against each other."""
    shapes, owners = _shapes(b)
    _overlaps(b, shapes, owners)
    _sites(b, shapes)
