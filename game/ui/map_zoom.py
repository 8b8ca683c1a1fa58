"""The map's outlines at one zoom level: scaled to pixels when first seen, thinned to show."""

from __future__ import annotations

import attrs

from game.ui.map_atlas import Atlas, Point

Box = tuple[float, float, float, float]
STEP = 2.0  # pixels: outlines are thinned until their points are about this far apart


@attrs.define(eq=False)
class Item:
    """One ring or line in world units, with its bounding box."""

    points: list[Point]
    box: Box
    closed: bool


@attrs.define
class Path:
    """One ring or line in zoomed pixels (x right, y down, origin at world 0,0)."""

    points: list[Point]


@attrs.define
class Source:
    """Every outline of the map in world units, thinned to a tolerance (0: as drawn)."""

    tolerance: float
    shapes: dict[str, list[Item]]
    fills: dict[str, list[Item]]
    coasts: list[Item]
    land: list[Item]
    lakes: list[Item]
    rivers: list[Item]


class ZoomLevel:
    """The outlines at one zoom, each scaled the first time it comes into view."""

    def __init__(self, zoom: float) -> None:
        self.zoom = zoom
        self._paths: dict[int, Path | None] = {}

    def path(self, item: Item) -> Path | None:
        """Return an outline scaled to this zoom; None when it is smaller than a pixel."""
        key = id(item)
        if key not in self._paths:
            self._paths[key] = _scale(item.points, self.zoom, item.closed)
        return self._paths[key]


def _scale(points: list[Point], zoom: float, closed: bool) -> Path | None:
    """Return a path scaled to pixels (its source is already thinned for this zoom)."""
    out = [(x * zoom, -y * zoom) for x, y in points]
    if len(out) < (3 if closed else 2):
        return None
    return Path(out)


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


def _items(rings: list[list[Point]], tol: float, closed: bool) -> list[Item]:
    """Return thinned rings or lines with their boxes."""
    out = []
    for ring in rings:
        pts = _thin(ring, tol)
        if len(pts) < 2:
            continue
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        out.append(Item(pts, (min(xs), min(ys), max(xs), max(ys)), closed))
    return out


def source(tol: float, shapes: dict[str, list[list[Point]]], atlas: Atlas) -> Source:
    """Return the map's outlines thinned to a tolerance, for drawing at low zoom."""
    return Source(
        tol,
        {rid: _items(rings, tol, True) for rid, rings in shapes.items()},
        {rid: _items(rings, tol, True) for rid, rings in atlas.fills.items()},
        _items(atlas.coasts, tol, False),
        _items(atlas.land, tol, True),
        _items(atlas.lakes, tol, True),
        _items(atlas.rivers, tol, False),
    )
