"""The map as geometry (shapely): rings that cross themselves, points out of range or swapped,
regions that overlap, sites that lie in no region."""

from __future__ import annotations

from shapely import STRtree
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity, make_valid

from game.scenario.build import Build

OVERLAP_SHARE = 0.02  # share of the smaller region two regions may overlap by (drawing slack)
NEAR = 0.5  # degrees a site may lie off every region: islands, ports, forts on the coast


def _range(b: Build, i: int, j: int, ring: list[list[float]]) -> bool:
    """Report coordinates beyond ±180/±90 (and swapped pairs); True when all are in range."""
    for k, (lon, lat) in enumerate(ring):
        if abs(lon) <= 180 and abs(lat) <= 90:
            continue
        swapped = abs(lat) <= 180 and abs(lon) <= 90
        hint = "; it looks like [lat, lon]: write [lon, lat]" if swapped else ""
        b.report.at(
            "region",
            i,
            f"polygons[{j}]",
            f"point {k + 1} [{lon:g}, {lat:g}] is out of range "
            f"(longitude −180 to 180, latitude −90 to 90){hint}",
        )
        return False
    return True


def _extent(b: Build, i: int, j: int, ring: list[list[float]]) -> None:
    assert b.m.map is not None
    ext = b.m.map.extent
    if len(ext) != 4:
        return
    for k, (lon, lat) in enumerate(ring):
        if not (ext[0] <= lon <= ext[2] and ext[1] <= lat <= ext[3]):
            b.report.at(
                "region",
                i,
                f"polygons[{j}]",
                f"point {k + 1} [{lon:g}, {lat:g}] lies outside the map's extent {ext}",
                "warning",
            )
            return


def _ring(b: Build, i: int, j: int, ring: list[list[float]]) -> BaseGeometry | None:
    """Check one ring; return its shape (repaired if it crosses itself)."""
    if len(ring) < 3 or any(len(pt) != 2 for pt in ring) or not _range(b, i, j, ring):
        return None
    _extent(b, i, j, ring)
    shape = Polygon(ring)
    if shape.is_valid:
        return shape
    why = explain_validity(shape)
    # A ring may touch itself at a point: that is how a lake is cut into an outline.
    if why.startswith("Self-intersection"):
        where = why[len("Self-intersection") :].strip("[]").split()
        near = ", ".join(f"{float(v):.2f}" for v in where)
        b.report.at(
            "region", i, f"polygons[{j}]", f"the ring crosses itself near [{near}]", "warning"
        )
    return make_valid(shape)


def _shapes(b: Build) -> list[BaseGeometry | None]:
    out: list[BaseGeometry | None] = []
    for i, r in enumerate(b.m.region):
        parts = [s for j, ring in enumerate(r.polygons) if (s := _ring(b, i, j, ring)) is not None]
        out.append(unary_union(parts) if parts else None)
    return out


def _overlaps(b: Build, shapes: list[BaseGeometry | None]) -> None:
    present = [(i, s) for i, s in enumerate(shapes) if s is not None and s.area > 0]
    tree = STRtree([s for _, s in present])
    for a, (i, shape) in enumerate(present):
        for c in tree.query(shape):
            j, other = present[int(c)]
            if int(c) <= a or not shape.intersects(other):
                continue
            shared = shape.intersection(other).area
            if shared > OVERLAP_SHARE * min(shape.area, other.area):
                first = b.report.where("region", i, "id")
                b.report.at(
                    "region",
                    j,
                    "polygons",
                    f"region '{b.m.region[j].id}' overlaps region '{b.m.region[i].id}' "
                    f"({first}) by {shared / min(shape.area, other.area):.0%} of the smaller",
                    "warning",
                )


def _sites(b: Build, shapes: list[BaseGeometry | None]) -> None:
    present = [s for s in shapes if s is not None]
    if not present:
        return
    tree = STRtree(present)
    for i, s in enumerate(b.m.site):
        point = Point(s.lon, s.lat)
        near = tree.query(point, predicate="dwithin", distance=NEAR)
        if len(near) == 0:
            b.report.at(
                "site", i, "lon", f"site '{s.id}' lies in no region (is it [lon, lat]?)", "warning"
            )


def check_geometry(b: Build) -> None:
    """Check every region's rings and the regions and sites against each other."""
    shapes = _shapes(b)
    _overlaps(b, shapes)
    _sites(b, shapes)
