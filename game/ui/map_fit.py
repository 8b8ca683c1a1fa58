"""Where names may go on screen, straight fits anywhere in a land, and names beside tiny lands.

A land's room is the union of the discs its atlas data gives (the pole of inaccessibility
and every point of its spine and level line, each with the distance to the land's edge), so
a name whose letters all lie in those discs never leaves its land. Letters must also keep off
the cards over the map, the points on it and the names placed before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

import attrs
import pygame

from game.ui.map_atlas import Point, Spine
from game.ui.map_labels import (
    HALF,
    TRACKING,
    Glyph,
    Placed,
    _along,
    _best_run,
    _widths,
)

Disc = tuple[Point, float]
INK_HEIGHT = {"country": 0.74, "region": 0.95}  # height of a letter's ink, in em
SHIFTS = (0.5,)  # fractions of the pole's room by which a name may leave it
REACH = 0.9 * HALF  # room a letter needs across the line, in em (as along a spine)
BISECT = 7  # halvings in the search for the largest straight size
ENOUGH = 8  # straight fits of a name worth keeping, the pole's first
TIGHT = 0.05  # letter spacing of a name squeezed into a small land, in em
GAP = 8.0  # pixels between a tiny land and the name written beside it
SEAWARD = 0.6  # a step further out that a name beside its land takes to lie over the sea
DIRECTIONS = ((1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1))


def glyph_rect(g: Glyph, style: str, size: int, centre: tuple[float, float]) -> pygame.Rect:
    """Return the screen box of one letter's ink, turned with the letter."""
    w = _widths(style, g.char)[0] * size
    h = INK_HEIGHT[style] * size
    if g.angle:
        a = math.radians(g.angle)
        wide = abs(w * math.cos(a)) + abs(h * math.sin(a))
        high = abs(w * math.sin(a)) + abs(h * math.cos(a))
    else:  # a level letter (the same box, reckoned quicker)
        wide, high = w, h
    return pygame.Rect(
        round(centre[0] - wide / 2), round(centre[1] - high / 2), round(wide), round(high)
    )


@attrs.define
class Room:
    """The screen a layout may use: the view, the areas kept clear, and the letters placed."""

    to_screen: Callable[[Point], tuple[float, float]]
    to_world: Callable[[tuple[float, float]], Point]
    view: pygame.Rect
    blocked: list[pygame.Rect]  # the cards over the map first, then its points
    cards: int = 0  # how many of the blocked areas are cards
    taken: list[pygame.Rect] = attrs.field(factory=list)
    sea: Callable[[tuple[float, float]], bool] | None = None  # is a screen point open sea
    covered: set[int] = attrs.field(factory=set)  # points under a name, left out of the map
    capitals: list[pygame.Rect] = attrs.field(factory=list)  # where capitals' names go

    def seaward(self, placed: Placed) -> int:
        """Return how many of a name's letters lie over open sea (where a note reads best)."""
        if self.sea is None:
            return 0
        return sum(1 for g in placed.glyphs if self.sea(self.to_screen(g.pos)))

    def at_sea(self, placed: Placed) -> bool:
        """Return True when every letter of a name lies over open sea."""
        sea = self.sea
        glyphs = placed.glyphs
        return sea is not None and bool(glyphs) and all(sea(self.to_screen(g.pos)) for g in glyphs)

    def rects(
        self, placed: Placed, margin: int = 0, through: set[int] | None = None
    ) -> list[pygame.Rect] | None:
        """Return the boxes of a name's letters, or None when one is out of view or covered.

        The points numbered in `through` (places in `blocked`) may lie under the name.
        """
        out = []
        view, blocked, taken, to_screen = self.view, self.blocked, self.taken, self.to_screen
        for g in placed.letters():  # laid out as far as they are free
            box = glyph_rect(g, placed.style, placed.size, to_screen(g.pos))
            if not view.contains(box):
                return None
            wide = box.inflate(2 * margin, 2 * margin) if margin else box
            if through:
                if any(k not in through for k in wide.collidelistall(blocked)):
                    return None
            elif wide.collidelist(blocked) >= 0:
                return None
            if wide.collidelist(taken) >= 0:
                return None
            out.append(box)
        return out

    def take(self, placed: Placed, through: set[int] | None = None) -> bool:
        """Keep a name's letters from later names; return False when they are not free.

        Points it was let cross are noted in `covered`: the map leaves them out.
        """
        found = self.rects(placed, 0, through)
        if found is None:
            return False
        self.taken += found
        if through:  # without points to cross, a free name covers none
            self.covered |= {k for box in found for k in box.collidelistall(self.blocked)}
        return True

    def points_in(self, land: list[Disc]) -> set[int]:
        """Return the places in `blocked` of the points that lie in a land."""
        out: set[int] = set()
        if not land:
            return out
        pad = 1e-9  # so that no point on a disc's rim falls outside the box by rounding
        x0, x1 = min(c[0] - r for c, r in land) - pad, max(c[0] + r for c, r in land) + pad
        y0, y1 = min(c[1] - r for c, r in land) - pad, max(c[1] + r for c, r in land) + pad
        for k in range(self.cards, len(self.blocked)):
            x, y = self.to_world(self.blocked[k].center)
            if not (x0 <= x <= x1 and y0 <= y <= y1):
                continue  # far from every disc
            if any((x - c[0]) ** 2 + (y - c[1]) ** 2 <= r * r for c, r in land):
                out.add(k)
        return out


def discs(spines: tuple[Spine | None, Spine | None], centre: Disc | None) -> list[Disc]:
    """Return the discs of room a land's atlas data gives, the pole's first."""
    out = [centre] if centre is not None and centre[1] > 0 else []
    for sp in spines:
        if sp is not None:
            out += [(p, r) for p, r in zip(sp.points, sp.room, strict=True) if r > 0]
    return out


def _level_line(text: str, style: str, at: Point, em: float) -> list[Glyph]:
    """Return the glyphs of a name written level, centred on a world point."""
    return list(_level_letters(text, style, at, em))


def _level_letters(text: str, style: str, at: Point, em: float) -> Iterator[Glyph]:
    """Yield the glyphs of a name written level, centred on a world point (see _level_line)."""
    widths, track = _widths(style, text), TIGHT
    x = at[0] - (sum(widths) + track * (len(text) - 1)) * em / 2
    for char, w in zip(text, widths, strict=True):
        if not char.isspace():
            yield Glyph(char, (x + w * em / 2, at[1]), 0.0)
        x += (w + track) * em


def _covered(glyphs: list[Glyph], em: float, near: list[tuple[float, float, float]]) -> bool:
    """Return True when every letter's room (as the spines measure it) lies in the discs.

    The discs are (x, y, radius squared), nearest first; the end letters, likeliest to stick
    out, are tried first.
    """
    across, along = REACH * em, 0.6 * REACH * em
    steps = ((0.0, -across), (0.0, across), (-along, 0.0), (along, 0.0), (0.0, 0.0))
    for g in (glyphs[0], glyphs[-1], *glyphs[1:-1]) if glyphs else ():
        for dx, dy in steps:
            x, y = g.pos[0] + dx, g.pos[1] + dy
            for cx, cy, r2 in near:
                if (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2:
                    break
            else:
                return False
    return True


@cache
def _half_length(text: str, style: str) -> float:
    """Return half the length of a name set close, in em, with a letter's room to spare."""
    return (sum(_widths(style, text)) + TIGHT * (len(text) - 1)) / 2 + REACH


def _near(text: str, style: str, at: Point, land: tuple[Disc, ...], em: float) -> list:
    """Return the discs a name of this size round a point may reach, nearest first."""
    reach = _half_length(text, style) * em
    near = [
        (c[0], c[1], r * r)
        for c, r in land
        if abs(c[0] - at[0]) - r < reach and abs(c[1] - at[1]) - r < reach
    ]
    near.sort(key=lambda d: (d[0] - at[0]) ** 2 + (d[1] - at[1]) ** 2)
    return near


def _largest(text: str, style: str, at: Point, land: tuple[Disc, ...], top: float) -> float:
    """Return the largest letter size (world) a level name round a point fits at, or 0."""
    near = _near(text, style, at, land, top)
    low, high = top / 8, top
    if not _covered(_level_line(text, style, at, low), low, near):
        return 0.0  # not even a small size fits here
    for _ in range(BISECT):
        mid = (low + high) / 2
        if _covered(_level_line(text, style, at, mid), mid, near):
            low = mid
        else:
            high = mid
    return low


@lru_cache(maxsize=4096)
def _reaches(text: str, style: str, land: tuple[Disc, ...]) -> tuple[tuple[Point, float], ...]:
    """Return, for each point a straight name may sit on, the largest size (world) it fits at.

    Kept for every zoom: a size in pixels is this times the zoom.
    """
    deepest = max(r for _c, r in land)
    x0, x1 = min(c[0] - r for c, r in land), max(c[0] + r for c, r in land)
    y0, y1 = min(c[1] - r for c, r in land), max(c[1] + r for c, r in land)
    aspect = 2 * _half_length(text, style) - 2 * REACH
    top = min(deepest / REACH, math.hypot(x1 - x0, y1 - y0) / max(aspect, 0.1))
    out = []
    for at in _spots(list(land)):
        size = _largest(text, style, at, land, top)
        if size > 0:
            out.append((at, size))
    return tuple(sorted(out, key=lambda f: -f[1])[:ENOUGH])


def _spots(land: list[Disc]) -> list[Point]:
    """Return the points a straight name may be centred on: the pole, moved a little, the spines."""
    (cx, cy), room = land[0]
    out = [(cx, cy)]
    for f in SHIFTS:
        d = f * room
        out += [(cx + dx * d, cy + dy * d) for dx, dy in DIRECTIONS]
    return out + [p for p, _r in land[1::4]]


def straight_fits(
    text: str, style: str, land: list[Disc], zoom: float, sizes: tuple[float, float], top: int
) -> list[Placed]:
    """Return level fits of a name anywhere in a land, largest first, none above `top`."""
    if not land:
        return []
    shown = text.upper() if style == "country" else text
    out = []
    for at, most in _reaches(shown, style, tuple(land)):
        size = min(math.floor(most * zoom), top, math.floor(sizes[1]))
        if size >= sizes[0]:
            glyphs = _level_letters(shown, style, at, size / zoom)
            out.append(Placed(text, style, size, "", [], rest=glyphs))
    return out


SLIDES = (0.5, 0.15, 0.85)
STEPS = 7  # sizes tried along a spine, at most  # where along a stretch of spine a name may sit
SHRINK = 0.85  # each smaller size tried along a spine, as a share of the one before


def _runs(room: list[float], need: float) -> list[tuple[int, int]]:
    """Return the stretches of a spine (first and last point) where the room is at least need."""
    out, start = [], None
    for k, r in enumerate([*room, 0.0]):
        if r >= need and start is None:
            start = k
        elif r < need and start is not None:
            out.append((start, k - 1))
            start = None
    return out


def ladder(top: float, least: float) -> list[float]:
    """Return the sizes to try from top down to the least, each a little smaller."""
    out: list[float] = []
    size = top
    while size > least and len(out) < STEPS - 1:
        out.append(size)
        size *= SHRINK
    return [*out, least] if top >= least else []


def slide_top(text: str, style: str, spine: Spine | None, zoom: float, most: float) -> float:
    """Return the largest size a name set close could have along a spine (0 without one)."""
    if spine is None or len(spine.points) < 2:
        return 0.0
    shown = text.upper() if style == "country" else text
    aspect = sum(_widths(style, shown)) + TRACKING[style] / 2 * (len(shown) - 1)
    return min(_best_run(spine, aspect)[0] * zoom, most)


def slides(
    text: str, style: str, spine: Spine | None, zoom: float, size: float, ends: bool = False
) -> list[Placed]:
    """Return a name set close along a spine at one size: in the middle, or near the `ends`."""
    if spine is None or len(spine.points) < 2:
        return []
    shown = text.upper() if style == "country" else text
    widths, track = _widths(style, shown), TRACKING[style] / 2
    cum = spine.cum
    em = size / zoom
    length = (sum(widths) + track * (len(shown) - 1)) * em
    out = []
    for a, b in _runs(spine.room, HALF * em):
        spare = cum[b] - cum[a] - length
        for f in (SLIDES[1:] if ends else SLIDES[:1]) if spare >= 0 else ():
            span = (cum[a] + spare * f, cum[a] + spare * f + length)
            glyphs = _along(shown, [w * em for w in widths], track * em, spine, span)
            out.append(Placed(text, style, round(size), "", [], rest=glyphs))
    return out


def beside(
    text: str, style: str, anchor: Disc, size: int, zoom: float, room: Room, at_sea: bool
) -> Placed | None:
    """Return a name written just beside a tiny land with a leader to it, where it is free.

    With `at_sea`, only over the open sea and near; else near, or further out over the sea.
    """
    shown = text.upper() if style == "country" else text
    ax, ay = room.to_screen(anchor[0])
    reach = anchor[1] * zoom
    widths = _widths(style, shown)
    wide = (sum(widths) + TIGHT * (len(shown) - 1)) * size
    high = INK_HEIGHT[style] * size
    found = []
    for k, (dx, dy) in enumerate(DIRECTIONS):
        for step, far in enumerate((GAP, 2 * GAP) if at_sea else (GAP, 2 * GAP, 3 * GAP)):
            x = ax + dx * (reach + far + wide / 2)
            y = ay + dy * (reach + far + high / 2)
            glyphs = _level_letters(shown, style, room.to_world((x, y)), size / zoom)
            placed = Placed(text, style, size, "", [], rest=glyphs)
            found_rects = room.rects(placed, margin=3)
            if found_rects is None:
                continue
            if at_sea and not room.at_sea(placed):
                continue
            sea = room.seaward(placed) / max(1, len(placed.glyphs))
            clash = any(r.collidelist(room.capitals) >= 0 for r in found_rects)
            end = (x - dx * (wide / 2 + 2), y - dy * (high / 2 + 2))
            start = (ax + dx * reach * 0.3, ay + dy * reach * 0.3)
            placed.leader = (room.to_world(start), room.to_world(end))
            found.append((sea - SEAWARD * step - clash, -k, placed))  # a capital's name first
    return max(found, key=lambda f: f[:2])[2] if found else None
