"""Regions to and from GeoJSON, the format QGIS, geojson.io and mapshaper read and write."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import shapely
from attrs import define, field
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from game.locale import _
from game.scenario.compiled import Scenario

MAX_BYTES = 64_000_000
MAX_FEATURES = 5_000
MAX_POINTS = 2_000_000
MAX_LAKES = 20  # holes kept per polygon, the largest first


class MapFileError(Exception):
    """A GeoJSON file or a scenario's map file cannot be used; the message says why."""


@define
class Outline:
    """One region read from a GeoJSON feature: rings of [lon, lat] points."""

    id: str
    rings: list[list[list[float]]]
    name: str | None = None
    owner: str | None = None
    notes: list[str] = field(factory=list)


def export_regions(sc: Scenario) -> dict[str, Any]:
    """Return the scenario's regions as a GeoJSON FeatureCollection."""
    features = []
    for r in sc.regions.values():
        polygons = [[[*ring, ring[0]]] for ring in r.polygons]
        features.append(
            {
                "type": "Feature",
                "properties": {"id": r.id, "name": r.name, "owner": r.owner},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def ring_with_lakes(poly: Polygon) -> list[tuple[float, float]]:
    """Return one ring for a polygon with holes: each hole joins the outline by a zero-width cut
    at the closest pair of points, as the map format has no holes."""
    poly = shapely.orient_polygons(poly)
    ring = [(x, y) for x, y in poly.exterior.coords[:-1]]
    holes = sorted(poly.interiors, key=lambda h: -Polygon(h).area)[:MAX_LAKES]
    for hole in holes:
        inner = [(x, y) for x, y in hole.coords[:-1]]
        i, j = min(
            ((i, j) for i in range(len(ring)) for j in range(len(inner))),
            key=lambda ij: math.dist(ring[ij[0]], inner[ij[1]]),
        )
        ring = ring[: i + 1] + inner[j:] + inner[: j + 1] + ring[i:]
    return ring


def digits_for(tolerance: float) -> int:
    """Return the decimals that keep rounding within half the tolerance (6 for none)."""
    return 6 if tolerance <= 0 else min(6, max(2, math.ceil(-math.log10(tolerance / 2))))


def _rings(geom: BaseGeometry, digits: int) -> list[list[list[float]]]:
    polys = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon)]
    out = []
    for poly in sorted(polys, key=lambda p: -p.area):
        pts: list[list[float]] = []
        for x, y in ring_with_lakes(poly):
            pt = [round(x, digits), round(y, digits)]
            if not pts or pts[-1] != pt:
                pts.append(pt)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        pts = uncross(pts)
        if len(pts) >= 3:
            out.append(pts)
    return out


def uncross(pts: list[list[float]]) -> list[list[float]]:
    """Drop the vertices nearest to where rounding made a ring cross itself; a ring that only
    touches itself is kept (lakes are joined to their outline by zero-width cuts)."""
    for _attempt in range(8):
        if len(pts) < 4:
            break
        why = explain_validity(Polygon(pts))
        if not why.startswith("Self-intersection"):
            break
        x, y = (float(v) for v in why[len("Self-intersection") :].strip("[]").split())
        k = min(range(len(pts)), key=lambda k: math.dist(pts[k], (x, y)))
        pts = pts[:k] + pts[k + 1 :]
    return pts


def region_id(value: object) -> str:
    """Turn a property value such as "North Bank" into a region id: north_bank."""
    text = re.sub(r"[^a-z0-9_]+", "_", str(value).strip().lower()).strip("_")[:60]
    return text if text and not text[0].isdigit() else f"r_{text}"


def _features(path: Path) -> list[dict[str, Any]]:
    if path.stat().st_size > MAX_BYTES:
        raise MapFileError(
            _("{path}: larger than {limit} bytes").format(path=path, limit=MAX_BYTES)
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        text = _("{path}: not a GeoJSON file ({reason})")
        raise MapFileError(text.format(path=path, reason=exc)) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise MapFileError(_("{path}: expected a GeoJSON FeatureCollection").format(path=path))
    features = data.get("features")
    if not isinstance(features, list) or len(features) > MAX_FEATURES:
        text = _("{path}: 'features' must be a list of at most {limit}")
        raise MapFileError(text.format(path=path, limit=MAX_FEATURES))
    return [f for f in features if isinstance(f, dict)]


def _geometry(feature: dict[str, Any], label: str) -> BaseGeometry | None:
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        text = _("{label}: unreadable geometry ({reason})")
        raise MapFileError(text.format(label=label, reason=exc)) from None
    if shapely.get_num_coordinates(geom) > MAX_POINTS:
        raise MapFileError(
            _("{label}: more than {limit} points").format(label=label, limit=MAX_POINTS)
        )
    return geom


def read_outlines(
    path: Path, id_property: str, name_property: str = "", owner_property: str = ""
) -> tuple[list[Outline], list[BaseGeometry], list[str]]:
    """Return the polygon features of a FeatureCollection, their shapes and notes for the author."""
    outlines, shapes, notes = [], [], []
    seen: set[str] = set()
    for k, feature in enumerate(_features(path)):
        props = feature.get("properties") or {}
        label = f"{path}: feature {k + 1}"
        geom = _geometry(feature, label)
        if geom is None:
            notes.append(_("{label}: not a Polygon or MultiPolygon; skipped").format(label=label))
            continue
        if id_property not in props:
            notes.append(
                _("{label}: no '{property}' property; skipped").format(
                    label=label, property=id_property
                )
            )
            continue
        rid = region_id(props[id_property])
        if rid in seen:
            notes.append(
                _("{label}: id '{id}' appears twice; the later one is skipped").format(
                    label=label, id=rid
                )
            )
            continue
        seen.add(rid)
        name = props.get(name_property) if name_property else None
        owner = props.get(owner_property) if owner_property else None
        outlines.append(Outline(rid, [], None if name is None else str(name), owner and str(owner)))
        shapes.append(geom)
    return outlines, shapes, notes


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep the areas of a repaired shape, dropping the lines and points repair may leave."""
    if isinstance(geom, Polygon | MultiPolygon):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)]
    return MultiPolygon([p for g in parts for p in getattr(g, "geoms", [g])])


def simplify(shapes: list[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
    """Simplify outlines together, so that borders two regions share stay shared."""
    if tolerance <= 0:
        return shapes
    valid = [polygonal(shapely.make_valid(s)) for s in shapes]
    try:
        return list(shapely.coverage_simplify(valid, tolerance))
    except shapely.errors.GEOSException:
        return [s.simplify(tolerance, preserve_topology=True) for s in valid]


def outlines_from(
    path: Path, id_property: str, tolerance: float, name_property: str = "", owner: str = ""
) -> tuple[list[Outline], list[str]]:
    """Read, simplify and round the regions of a GeoJSON file."""
    outlines, shapes, notes = read_outlines(path, id_property, name_property, owner)
    digits = digits_for(tolerance)
    for outline, geom in zip(outlines, simplify(shapes, tolerance), strict=True):
        outline.rings = _rings(geom, digits)
    empty = [o.id for o in outlines if not o.rings]
    if empty:
        text = _("nothing is left of {regions} at tolerance {tolerance}; skipped")
        notes.append(text.format(regions=", ".join(empty), tolerance=tolerance))
    return [o for o in outlines if o.rings], notes
