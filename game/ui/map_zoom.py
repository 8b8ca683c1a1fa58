"""The map's outlines: each thinned to the zoom's tolerance when first drawn at it."""

from __future__ import annotations

import attrs

from game.ui.map_atlas import Atlas, Point

Box = tuple[float, float, float, float]
STEP = 2.0  # pixels: outlines are thinned until their points are about this far apart


@attrs.define(eq=False)
class Item:
    """One ring or line in world units, with its bounding box and its thinned forms."""

    points: list[Point]
    box: Box
    closed: bool
    thinned: dict[float, list[Point]] = attrs.field(factory=dict)

    def at(self, tol: float) -> list[Point]:
        """Return the points thinned to a tolerance in world units (kept once thinned)."""
        found = self.thinned.get(tol)
        if found is None:
            found = self.thinned[tol] = _thin(self.points, tol)
        return found


@attrs.define
class Source:
    """Every outline of the map in world units, as drawn (thinned per zoom when shown)."""

    shapes: dict[str, list[Item]]
    fills: dict[str, list[Item]]
    coasts: list[Item]
    land: list[Item]
    lakes: list[Item]
    rivers: list[Item]


def _thin(points: list[Point], tol: float) -> list[Point]:
    """Drop points closer than tol to the last kept one (keeping the last point)."""
    if tol <= 0 or len(points) < 3:
        return points
    out = [points[0]]
    lx, ly = points[0]
    t2 = tol * tol
    for p in points:
        dx, dy = p[0] - lx, p[1] - ly
        if dx * dx + dy * dy >= t2:
            out.append(p)
            lx, ly = p
    if out[-1] != points[-1]:
        out.append(points[-1])
    return out


def _items(rings: list[list[Point]], closed: bool) -> list[Item]:
    """Return rings or lines with their boxes."""
    out = []
    for ring in rings:
        if len(ring) < 2:
            continue
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        out.append(Item(ring, (min(xs), min(ys), max(xs), max(ys)), closed))
    return out


def source(shapes: dict[str, list[list[Point]]], atlas: Atlas) -> Source:
    """Return the map's outlines, each to be thinned for the zoom it is drawn at."""
    return Source(
        {rid: _items(rings, True) for rid, rings in shapes.items()},
        {rid: _items(rings, True) for rid, rings in atlas.fills.items()},
        _items(atlas.coasts, False),
        _items(atlas.land, True),
        _items(atlas.lakes, True),
        _items(atlas.rivers, False),
    )


def tolerance(zoom: float, steps: tuple[float, ...]) -> float:
    """Return the coarsest of the tolerances (world) whose step at this zoom is at most STEP."""
    for step in steps:
        if step * zoom <= STEP:
            return step
    return 0.0
