"""Names on the map: countries and regions written along their land and sized to fit it.

Each region has a spine (a line through its middle, each point with the room around it,
from the scenario's atlas data). A name is written along the stretch of spine where it is
largest; every letter stays inside the disc of room at its centre, so a name never leaves
its region: never over the sea or another country. This module lays out one name in one
region and draws the names; game/ui/map_place.py places them all together (shorter forms,
straight fits, names beside tiny lands). Layouts are in world units, cached per zoom level.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

import attrs
import pygame

from game.ui import theme
from game.ui.map_atlas import Point, Spine

Box = tuple[float, float, float, float]
LEVEL = 0.8  # a name is written level when that is at least this fraction of its curved size
HALF = 0.45  # room, in em, a letter needs around its centre (the spine carries its width)
LINE = 1.05  # line height of two-line names, in em
CAPS = 0.8  # height of a line of capitals with a little margin, in em
FONTS = {"country": "serif", "region": "serif_italic"}
TRACKING = {"country": 0.18, "region": 0.04}  # letter spacing, in em, before spreading
PAPER = (theme.PAPER.r, theme.PAPER.g, theme.PAPER.b)


@attrs.define
class LabelRequest:
    """A name to write inside one of some regions (tried in order, largest first).

    When the name fits in none of them, the shorter forms are tried in turn.
    """

    text: str
    regions: list[str]
    style: str = "country"
    shorter: list[str] = attrs.field(factory=list)


@attrs.define
class Glyph:
    """One letter of a placed name: its centre (world) and its angle (degrees, ccw)."""

    char: str
    pos: Point
    angle: float


@attrs.define(eq=False)
class Placed:
    """A name laid out at one zoom level; a leader ties a name written beside a tiny land.

    Letters not laid out yet come from `rest` when first asked for: a fit found blocked at
    its first letters costs only those.
    """

    text: str
    style: str
    size: int
    region: str
    _glyphs: list[Glyph] = attrs.field(alias="glyphs")
    leader: tuple[Point, Point] | None = None
    _rest: Iterator[Glyph] | None = attrs.field(default=None, alias="rest")

    @property
    def glyphs(self) -> list[Glyph]:
        """Return every letter of the name."""
        if self._rest is not None:
            self._glyphs.extend(self._rest)
            self._rest = None
        return self._glyphs

    def letters(self) -> Iterator[Glyph]:
        """Yield the letters in order, laying out each only when it is reached."""
        done, k = self._glyphs, 0
        while True:
            if k < len(done):
                yield done[k]
                k += 1
                continue
            nxt = None if self._rest is None else next(self._rest, None)
            if nxt is None:
                self._rest = None
                return
            done.append(nxt)

    def __eq__(self, other: object) -> bool:
        """Return True when both are the same name laid out the same way."""
        if not isinstance(other, Placed):
            return NotImplemented
        mine = (self.text, self.style, self.size, self.region, self.glyphs, self.leader)
        return mine == (
            other.text,
            other.style,
            other.size,
            other.region,
            other.glyphs,
            other.leader,
        )


@cache
def _widths(style: str, text: str) -> list[float]:
    """Return each character's advance in em."""
    font = theme.font(FONTS[style], 100)
    return [font.size(c)[0] / 100 for c in text]


def _best_run(spine: Spine, aspect: float) -> tuple[float, int, int]:
    """Return (size per zoom, i, j): the stretch of spine where the name can be largest.

    The same for every zoom, so kept with the spine.
    """
    found = spine.runs.get(aspect)
    if found is None:
        found = spine.runs[aspect] = _find_run(spine, aspect)
    return found


def _find_run(spine: Spine, aspect: float) -> tuple[float, int, int]:
    """Return the stretch of spine where the name can be largest (see _best_run)."""
    best, bi, bj = 0.0, 0, 0
    room, cum = spine.room, spine.cum
    n = len(room)
    for i in range(n):
        low = room[i]
        if low / HALF <= best:
            continue  # no stretch starting here can beat the best: its room is too small
        start = cum[i]
        for j in range(i + 1, n):
            r = room[j]
            if r < low:
                low = r
            if low <= 0 or low / HALF <= best:
                break
            by_room = low / HALF
            by_length = (cum[j] - start) / aspect
            size = by_room if by_room < by_length else by_length
            if size > best:
                best, bi, bj = size, i, j
    return best, bi, bj


def _longest_run(spine: Spine, cum: list[float], need: float, i: int, j: int) -> tuple[int, int]:
    """Widen a stretch of spine while its room stays at least need (world units)."""
    while i > 0 and spine.room[i - 1] >= need:
        i -= 1
    while j < len(spine.room) - 1 and spine.room[j + 1] >= need:
        j += 1
    return i, j


def _at(points: list[Point], cum: list[float], s: float) -> Point:
    """Return the point at arc length s along a polyline (clamped to its ends)."""
    last = len(cum) - 1
    if last < 1:
        return points[-1]
    s = 0.0 if s < 0.0 else cum[last] if s > cum[last] else s
    k = bisect_left(cum, s, 1)  # the first point at or past s
    k = last if k > last else k
    before = cum[k - 1]
    seg = cum[k] - before
    t = (s - before) / seg if seg > 0 else 0.0
    a, b = points[k - 1], points[k]
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _along(
    text: str, widths: list[float], track: float, spine: Spine, span: tuple[float, float]
) -> Iterator[Glyph]:
    """Yield glyphs (world) of a name centred on an arc-length span of a spine.

    Each letter sits at its middle's point of the spine, turned with the chord from a letter's
    width (or the tracking) behind it to as far ahead.
    """
    points, cum = spine.points, spine.cum
    total = sum(widths) + track * (len(text) - 1)
    s = (span[0] + span[1]) / 2 - total / 2
    for char, w in zip(text, widths, strict=True):
        if not char.isspace():
            mid, d = s + w / 2, w if w > track else track
            back, ahead = _at(points, cum, mid - d), _at(points, cum, mid + d)
            angle = math.degrees(math.atan2(ahead[1] - back[1], ahead[0] - back[0]))
            yield Glyph(char, _at(points, cum, mid), angle)
        s += w + track


def _split(text: str) -> list[str]:
    """Return a name as two balanced lines (or one line when it is a single word)."""
    words = text.split()
    if len(words) < 2:
        return [text]
    cuts = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    first, second = min(cuts, key=lambda c: abs(len(c[0]) - len(c[1])))
    return [first, second]


def _level(
    lines: list[str], style: str, centre: Point, room: float, zoom: float, smax: float
) -> tuple[float, Iterator[Glyph]]:
    """Return (size, glyphs) of a name written level, in lines, inside the centre's disc."""
    track = TRACKING[style] / 2  # set close, as names squeezed into small lands are
    widths = [_widths(style, line) for line in lines]
    wide = max(sum(w) + track * (len(w) - 1) for w in widths)
    high = LINE * (len(lines) - 1) + CAPS
    size = min(smax, 2 * room * zoom / math.hypot(wide, high))
    return size, _lines(lines, widths, track, centre, size / zoom)


def _lines(
    lines: list[str], widths: list[list[float]], track: float, centre: Point, em: float
) -> Iterator[Glyph]:
    """Yield the glyphs of level lines centred on a point."""
    for k, (line, w) in enumerate(zip(lines, widths, strict=True)):
        y = centre[1] + ((len(lines) - 1) / 2 - k) * LINE * em
        x = centre[0] - (sum(w) + track * (len(w) - 1)) * em / 2
        for char, cw in zip(line, w, strict=True):
            if not char.isspace():
                yield Glyph(char, (x + cw * em / 2, y), 0.0)
            x += (cw + track) * em


def _on_spine(
    text: str, style: str, spine: Spine | None, zoom: float, smax: float
) -> tuple[float, Iterator[Glyph]]:
    """Return (size, glyphs) of a name written along the best stretch of a spine."""
    if spine is None or len(spine.points) < 2:
        return 0.0, iter(())
    widths = _widths(style, text)
    track = TRACKING[style]
    cum = spine.cum
    fit, i, j = _best_run(spine, sum(widths) + track * (len(text) - 1))
    size = min(fit * zoom, smax)
    if size <= 0:
        return 0.0, iter(())
    em = size / zoom
    i, j = _longest_run(spine, cum, HALF * em, i, j)
    spread = track * em
    if style == "country":  # an atlas spreads a country's name over its land
        room_for = (cum[j] - cum[i]) * 0.82 - sum(widths) * em
        spread = max(spread, min(room_for / max(1, len(text) - 1), 1.1 * em))
    glyphs = _along(text, [w * em for w in widths], spread, spine, (cum[i], cum[j]))
    return size, glyphs


def candidates(
    req: LabelRequest,
    spines: tuple[Spine | None, Spine | None],
    centre: tuple[Point, float] | None,
    zoom: float,
    sizes: tuple[float, float],
) -> list[Placed]:
    """Return the ways to write one name in one region at a zoom, the best first.

    Written level when that is nearly as large as along the land's curve, then the other
    single-line fits by size, then in two level lines round the centre; none below the least
    size.
    """
    smin, smax = sizes
    most = max([r for sp in spines if sp for r in sp.room] + [centre[1] if centre else 0.0])
    if most * zoom < HALF * smin:
        return []  # the region has no room anywhere for the least size
    text = req.text.upper() if req.style == "country" else req.text
    curved = _on_spine(text, req.style, spines[0], zoom, smax)
    found = [curved, _on_spine(text, req.style, spines[1], zoom, smax)]
    if centre is not None:
        found.append(_level([text], req.style, centre[0], centre[1], zoom, smax))
    level = max(found[1:], key=lambda f: f[0])
    first = level if level[0] >= LEVEL * curved[0] else curved
    ordered = [first, *sorted((f for f in found if f is not first), key=lambda f: -f[0])]
    if centre is not None and len(text.split()) > 1:
        ordered.append(_level(_split(text), req.style, centre[0], centre[1], zoom, smax))
    if not text.strip():
        return []  # no letters to write
    return [
        Placed(req.text, req.style, round(size), "", [], rest=glyphs)
        for size, glyphs in ordered
        if size >= smin
    ]


_GLYPHS: dict[tuple[str, int, str, int, tuple[int, int, int]], pygame.Surface] = {}


def glyph_image(
    kind: str, size: int, char: str, angle: float, colour: tuple[int, int, int]
) -> pygame.Surface:
    """Return a letter rendered and turned (angle rounded to 2 degrees), cached."""
    step = round(angle / 2) * 2
    key = (kind, size, char, step, colour)
    img = _GLYPHS.get(key)
    if img is None:
        if len(_GLYPHS) > 6000:
            _GLYPHS.clear()
        img = theme.font(kind, size).render(char, True, colour)
        if step:
            img = pygame.transform.rotozoom(img, step, 1.0)
        _GLYPHS[key] = img
    return img


def draw(
    surf: pygame.Surface,
    placed: list[Placed],
    to_surface: object,
    colours: dict[str, tuple[int, int, int]],
) -> list[pygame.Rect]:
    """Draw laid-out names; return the rectangles their letters cover (for other labels)."""
    boxes = []
    for label in placed:
        kind = FONTS[label.style]
        colour = colours[label.style]
        if label.leader is not None:
            a, b = (to_surface(p) for p in label.leader)  # type: ignore[operator]
            pygame.draw.line(surf, colour, a, b)
        for g in label.glyphs:
            x, y = to_surface(g.pos)  # type: ignore[operator]
            img = glyph_image(kind, label.size, g.char, g.angle, colour)
            box = img.get_rect(center=(round(x), round(y)))
            if label.leader is not None:  # a name off its land stands out on a paper halo
                halo = glyph_image(kind, label.size, g.char, g.angle, PAPER)
                for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                    surf.blit(halo, box.move(dx, dy))
            surf.blit(img, box)
            boxes.append(box)
    return boxes
