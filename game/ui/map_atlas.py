"""The atlas layer of a scenario's map (its atlas.json): land, lakes, rivers, label spines."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from functools import cache
from itertools import pairwise
from pathlib import Path

import attrs

from game.scenario.loc import place_id

Point = tuple[float, float]
Project = Callable[[float, float], Point]
FILE = "atlas.json"

log = logging.getLogger(__name__)


@attrs.define
class Spine:
    """A line through the middle of a region, each point with the room around it (world)."""

    points: list[Point]
    room: list[float]
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    cum: list[float] = attrs.field(factory=list, eq=False, repr=False)  # arc length at each point
    runs: dict[float, tuple[float, int, int]] = attrs.field(factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Measure the arc length along the points unless it came with them."""
        if len(self.cum) != len(self.points):
            self.cum = cumulative(self.points)


def cumulative(points: list[Point]) -> list[float]:
    """Return the arc length at each point of a polyline."""
    out = [0.0]
    total = 0.0
    for a, b in pairwise(points):
        total += math.dist(a, b)
        out.append(total)
    return out[: len(points)]


def room_box(points: list[Point], room: list[float]) -> tuple[float, float, float, float]:
    """Return the box that every point's room lies in."""
    pts = list(zip(points, room, strict=True)) or [((0.0, 0.0), 0.0)]
    return (
        min(p[0] - r for p, r in pts),
        min(p[1] - r for p, r in pts),
        max(p[0] + r for p, r in pts),
        max(p[1] + r for p, r in pts),
    )


@attrs.define
class Place:
    """A capital named on the map that is not one of the scenario's sites."""

    name: str
    pos: Point
    country: str
    id: str = ""  # what the scenario's loc files translate its name by: `place.ID.name`


@attrs.define
class Atlas:
    """Everything drawn beside the regions, already projected to world units."""

    frame: tuple[float, float, float, float] | None = None
    coasts: list[list[Point]] = attrs.field(factory=list)
    land: list[list[Point]] = attrs.field(factory=list)
    lakes: list[list[Point]] = attrs.field(factory=list)
    rivers: list[list[Point]] = attrs.field(factory=list)
    spines: dict[str, Spine] = attrs.field(factory=dict)
    levels: dict[str, Spine] = attrs.field(factory=dict)
    fills: dict[str, list[list[Point]]] = attrs.field(factory=dict)
    centres: dict[str, tuple[Point, float]] = attrs.field(factory=dict)
    neighbours: list[tuple[str, str]] = attrs.field(factory=list)
    own_names: set[str] = attrs.field(factory=set)
    places: list[Place] = attrs.field(factory=list)
    capital_sites: set[str] = attrs.field(factory=set)


def _points(flat: list[float], forward: Project) -> list[Point]:
    """Return projected points of a flat [lon, lat, lon, lat, ...] list."""
    return [forward(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]


def _frame(box: list[float], forward: Project) -> tuple[float, float, float, float]:
    """Return a lon/lat box as a world box."""
    x0, y0 = forward(box[0], box[1])
    x1, y1 = forward(box[2], box[3])
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _spine(points: list[list[float]], forward: Project) -> Spine:
    """Return a spine of [lon, lat, room] points, projected."""
    pts = [forward(p[0], p[1]) for p in points]
    room = [float(p[2]) for p in points]
    return Spine(pts, room, room_box(pts, room))


def parse_atlas(data: dict, forward: Project) -> Atlas:  # type: ignore[type-arg]
    """Return the atlas of a decoded atlas.json, projected with forward."""
    spines = {rid: _spine(pts, forward) for rid, pts in data.get("spines", {}).items()}
    levels = {rid: _spine(pts, forward) for rid, pts in data.get("levels", {}).items() if pts}
    centres = {
        rid: (forward(c[0], c[1]), float(c[2])) for rid, c in data.get("centres", {}).items()
    }
    frame = data.get("frame")
    return Atlas(
        frame=_frame(frame, forward) if frame else None,
        coasts=[_points(r, forward) for r in data.get("coasts", [])],
        land=[_points(r, forward) for r in data.get("land", [])],
        lakes=[_points(r, forward) for r in data.get("lakes", [])],
        rivers=[_points(r, forward) for r in data.get("rivers", [])],
        spines=spines,
        levels=levels,
        fills={
            rid: [_points(r, forward) for r in rings]
            for rid, rings in data.get("fills", {}).items()
        },
        centres=centres,
        neighbours=[(a, b) for a, b in data.get("neighbours", [])],
        own_names=set(data.get("own_names", [])),
        places=[
            Place(p["name"], forward(p["lon"], p["lat"]), p.get("country", ""), place_id(p))
            for p in data.get("places", [])
        ],
        capital_sites=set(data.get("capital_sites", [])),
    )


@cache
def _read(path: Path, mtime: float) -> dict | None:  # type: ignore[type-arg]
    """Return the decoded file (cached while it is unchanged), None when it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("map: cannot read %s: %s", path, exc)
        return None
    return data if isinstance(data, dict) else None


def load_atlas(folder: Path | None, forward: Project) -> Atlas:
    """Return the atlas of a scenario folder; an empty one when it has no atlas.json."""
    if folder is None:
        return Atlas()
    path = (folder if folder.is_dir() else folder.parent) / FILE
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return Atlas()
    data = _read(path, mtime)
    if data is None:
        return Atlas()
    try:
        return parse_atlas(data, forward)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        log.warning("map: bad %s: %s", path, exc)
        return Atlas()
