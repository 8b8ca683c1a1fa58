"""The map's outlines at one zoom level: scaled to pixels once, thinned to what shows."""

from __future__ import annotations

import attrs

from game.ui.map_atlas import Atlas, Point

Box = tuple[float, float, float, float]
STEP = 2.0  # points closer than this many pixels to the last kept one are dropped


@attrs.define
class Path:
    """One ring or line in zoomed pixels (x right, y down, origin at world 0,0)."""

    points: list[Point]
    box: Box


@attrs.define
class ZoomLevel:
    """Every outline of the map at one zoom, ready to be moved onto the screen."""

    zoom: float
    regions: dict[str, list[Path]]
    coasts: list[Path]
    land: list[Path]
    lakes: list[Path]
    rivers: list[Path]


def _scale(points: list[Point], zoom: float, closed: bool) -> Path | None:
    """Return a path scaled to pixels and thinned; None when it shrinks below a pixel."""
    out: list[Point] = []
    lx = ly = 1e18
    step2 = STEP * STEP
    for x, y in points:
        px, py = x * zoom, -y * zoom
        if (px - lx) ** 2 + (py - ly) ** 2 >= step2:
            out.append((px, py))
            lx, ly = px, py
    if not closed and points:
        last = (points[-1][0] * zoom, -points[-1][1] * zoom)
        if out[-1] != last:
            out.append(last)
    if len(out) < (3 if closed else 2):
        return None
    xs = [p[0] for p in out]
    ys = [p[1] for p in out]
    return Path(out, (min(xs), min(ys), max(xs), max(ys)))


def _all(rings: list[list[Point]], zoom: float, closed: bool) -> list[Path]:
    """Return the scaled paths of many rings or lines, dropping those too small to see."""
    return [p for p in (_scale(r, zoom, closed) for r in rings) if p is not None]


@attrs.define
class Source:
    """Every outline of the map in world units, thinned to a tolerance (0: as drawn)."""

    tolerance: float
    shapes: dict[str, list[list[Point]]]
    coasts: list[list[Point]]
    land: list[list[Point]]
    lakes: list[list[Point]]
    rivers: list[list[Point]]


def _thin(points: list[Point], tol: float) -> list[Point]:
    """Drop points closer than tol to the last kept one (keeping the last point)."""
    if tol <= 0 or len(points) < 3:
        return points
    out = [points[0]]
    lx, ly = points[0]
    t2 = tol * tol
    for x, y in points[1:]:
        if (x - lx) ** 2 + (y - ly) ** 2 >= t2:
            out.append((x, y))
            lx, ly = x, y
    if out[-1] != points[-1]:
        out.append(points[-1])
    return out


def source(tol: float, shapes: dict[str, list[list[Point]]], atlas: Atlas) -> Source:
    """Return the map's outlines thinned to a tolerance, for drawing at low zoom."""
    rings = {rid: [_thin(r, tol) for r in ring] for rid, ring in shapes.items()}
    return Source(
        tol,
        rings,
        [_thin(r, tol) for r in atlas.coasts],
        [_thin(r, tol) for r in atlas.land],
        [_thin(r, tol) for r in atlas.lakes],
        [_thin(r, tol) for r in atlas.rivers],
    )


def build_level(zoom: float, src: Source) -> ZoomLevel:
    """Return every outline of the map scaled to one zoom."""
    return ZoomLevel(
        zoom,
        {rid: _all(rings, zoom, True) for rid, rings in src.shapes.items()},
        _all(src.coasts, zoom, False),
        _all(src.land, zoom, True),
        _all(src.lakes, zoom, True),
        _all(src.rivers, zoom, False),
    )


def place(path: Path, ox: float, oy: float, w: int, h: int) -> list[Point] | None:
    """Return a path moved by (ox, oy), or None when it lies outside a w by h surface."""
    x0, y0, x1, y1 = path.box
    if x1 + ox < -20 or x0 + ox > w + 20 or y1 + oy < -20 or y0 + oy > h + 20:
        return None
    return [(x + ox, y + oy) for x, y in path.points]
