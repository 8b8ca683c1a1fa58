"""Names placed together in the view: each in the first of its forms and regions that is free.

Every country and large region gets a name where one can be written: the full name where it
fits, else a shorter form, along the land's curve, level across it or anywhere it fits
straight; never over a card, a point on the map or another name. Only a land too small for
even its shortest form at the least size gets that form just beside it with a short leader,
as period atlases name their smallest states.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pygame

from game.ui.map_atlas import Point, Spine
from game.ui.map_fit import Room, beside, discs, ladder, slide_top, slides, straight_fits
from game.ui.map_labels import Box, LabelRequest, Placed, candidates

if TYPE_CHECKING:
    from game.ui.map_view import MapView

SMALL = 40.0  # pixels of room at a land's pole below which its name is tried straight anywhere
SEA_CLOSE = 30  # least RGB distance (summed) of a land colour from the sea's
EARLY = 2  # sizes along the spine tried before straight fits anywhere in the land
Cache = dict[tuple[str, str, str, str], list[Placed]]
Centres = dict[str, tuple[Point, float]]


def _clip(spine: Spine | None, box: Box) -> Spine | None:
    """Return a spine whose room stops at the edges of a world box."""
    if spine is None:
        return None
    x0, y0, x1, y1 = box
    room = [
        max(0.0, min(r, x - x0, x1 - x, y - y0, y1 - y))
        for (x, y), r in zip(spine.points, spine.room, strict=True)
    ]
    if room == spine.room:
        return spine  # wholly in the box: the spine as it is, with what it keeps
    return Spine(spine.points, room, cum=spine.cum)


def _room(p: Point, r: float, box: Box) -> float:
    """Return the room at a point, no further than the edges of a world box."""
    return max(0.0, min(r, p[0] - box[0], box[2] - p[0], p[1] - box[1], box[3] - p[1]))


def _inside(spines: list[Spine | None], centre: tuple[Point, float] | None, box: Box) -> bool:
    """Return True when every point of the spines and the centre have all their room in a box."""
    for sp in spines:
        if sp is not None:
            x0, y0, x1, y1 = sp.box
            if x0 < box[0] or y0 < box[1] or x1 > box[2] or y1 > box[3]:
                return False
    return centre is None or _room(centre[0], centre[1], box) >= centre[1]


def _tries(req: LabelRequest) -> list[tuple[LabelRequest, str]]:
    """Return each (form of the name, region) to try, the full name in every region first."""
    forms = [req] + [LabelRequest(t, req.regions, req.style) for t in req.shorter]
    return [(form, rid) for form in forms for rid in form.regions]


class Layout:
    """One layout of the view's names at a zoom, over the fits kept for that zoom."""

    def __init__(
        self,
        atlas: tuple[dict[str, Spine], dict[str, Spine], Centres],
        zoom: float,
        sizes: dict[str, tuple[float, float]],
        box: Box,
        cache: Cache,
    ) -> None:
        self.spines, self.levels, self.centres = atlas
        self.zoom, self.sizes, self.box, self.cache = zoom, sizes, box, cache
        self.lands: dict[str, tuple[tuple[Spine | None, Spine | None], tuple | None, bool]] = {}
        self.points: dict[str, set[int]] = {}
        self.tops: dict[tuple[str, str, str, str], tuple[list[float], list[float]]] = {}
        self.local: Cache = {}  # fits of regions cut at the view's edges, for this layout only

    def _land(self, rid: str) -> tuple[tuple[Spine | None, Spine | None], tuple | None, bool]:
        """Return a region's spines and pole, cut at the view's edges, and whether they were."""
        if rid not in self.lands:
            self.lands[rid] = self._cut(rid)
        return self.lands[rid]

    def _cut(self, rid: str) -> tuple[tuple[Spine | None, Spine | None], tuple | None, bool]:
        """Return a region's spines and pole cut at the view's edges (see _land)."""
        pair, centre = (self.spines.get(rid), self.levels.get(rid)), self.centres.get(rid)
        if _inside(list(pair), centre, self.box):
            return pair, centre, True
        pair = (_clip(pair[0], self.box), _clip(pair[1], self.box))
        centre = (centre[0], _room(centre[0], centre[1], self.box)) if centre else None
        return pair, centre, False

    def _points(self, rid: str, room: Room) -> set[int]:
        """Return the points on the map that lie in a region (kept for this layout)."""
        if rid not in self.points:
            self.points[rid] = room.points_in(discs(*self._land(rid)[:2]))
        return self.points[rid]

    def _tops(self, req: LabelRequest, rid: str) -> tuple[list[float], list[float]]:
        """Return the largest close-set size along each spine and the sizes to try down."""
        key = (req.text, req.style, rid, "tops")
        if key not in self.tops:
            pair, smin, smax = self._land(rid)[0], *self.sizes[req.style]
            tops = [slide_top(req.text, req.style, sp, self.zoom, smax) for sp in pair]
            self.tops[key] = (tops, ladder(max(tops), smin))
        return self.tops[key]

    def _slides(
        self,
        req: LabelRequest,
        rid: str,
        pair: tuple[Spine | None, Spine | None],
        step: int,
        ends: bool,
    ) -> list[Placed]:
        """Return a name set close along a region's spines at the step-th size down."""
        tops, sizes = self._tops(req, rid)
        if step >= len(sizes):
            return []
        return [
            f
            for sp, top in zip(pair, tops, strict=True)
            if top >= sizes[step]
            for f in slides(req.text, req.style, sp, self.zoom, sizes[step], ends)
        ]

    def ordered(self, req: LabelRequest, rid: str) -> Iterator[Placed]:
        """Yield a form's fits in a region, main first, then the rest by size, each when asked.

        Straight fits anywhere in the land join once the first sizes along the spine are taken.
        """
        yield from self.fits(req, rid, "main")
        straight: list[Placed] | None = None
        k = 0
        for step, size in enumerate(self._tops(req, rid)[1]):
            if step >= EARLY:
                straight = self.fits(req, rid, "straight") if straight is None else straight
                while k < len(straight) and straight[k].size >= size:
                    yield straight[k]
                    k += 1
            yield from self.fits(req, rid, f"slide{step}m")  # in the middle of the stretch
            yield from self.fits(req, rid, f"slide{step}e")  # then towards its ends
        yield from (self.fits(req, rid, "straight") if straight is None else straight)[k:]

    def _pole_in(self, centre: tuple[Point, float]) -> bool:
        """Return True when a land's pole lies in the view's box."""
        (x, y), box = centre[0], self.box
        return box[0] <= x <= box[2] and box[1] <= y <= box[3]

    def fits(self, req: LabelRequest, rid: str, kind: str) -> list[Placed]:
        """Return the ways of one kind to write a form of a name in a region.

        Kinds: 'main'; 'slideNm' and 'slideNe', the N-th size down along the spine in the
        middle of its stretch or near its ends; 'straight', level anywhere in a small land.
        """
        key = (req.text, req.style, rid, kind)
        found = self.cache.get(key, self.local.get(key))
        if found is not None:
            return found
        pair, centre, whole = self._land(rid)
        sizes = self.sizes[req.style]
        if kind == "main":
            found = candidates(req, pair, centre, self.zoom, sizes)
        elif centre is None or not self._pole_in(centre):
            found = []  # the land's middle is out of view: its main fits will do
        elif kind.startswith("slide"):
            found = self._slides(req, rid, pair, int(kind[5:-1]), kind.endswith("e"))
        elif req.style == "country" and whole and centre[1] * self.zoom < SMALL:
            # a small land wholly in view: its name is tried straight anywhere in it
            land, top = discs(pair, centre), round(sizes[1])
            found = straight_fits(req.text, req.style, land, self.zoom, sizes, top)
        else:
            found = []
        (self.cache if whole else self.local)[key] = found
        return found

    def inside(
        self, first: LabelRequest, used: set[str], room: Room | None, crossing: bool = False
    ) -> Placed | None:
        """Return the first fit of a name's forms and regions whose letters are free.

        `crossing` lets a name lie over the points of its own land (as a small state's name
        stands for its capital at a low zoom); the map then leaves those points out.
        """
        for req, rid in _tries(first):
            if rid in used:
                continue
            through = self._points(rid, room) if room and crossing else None
            if crossing and not through:
                continue
            found = self.fits(req, rid, "main") if room is None else self.ordered(req, rid)
            for placed in found:  # without a screen to keep free the main fits are all there is
                if room is None or room.take(placed, through):
                    placed.region = rid
                    return placed
        return None

    def aside(self, req: LabelRequest, room: Room, at_sea: bool = False) -> Placed | None:
        """Return the shortest form of a name beside its land's pole in view, if one is free."""
        if req.style != "country":
            return None
        text = (req.shorter or [req.text])[-1]
        size = round(self.sizes["country"][0])
        for rid in req.regions:
            centre = self.centres.get(rid)
            if centre is None or not room.view.collidepoint(room.to_screen(centre[0])):
                continue
            if any(a.collidepoint(room.to_screen(centre[0])) for a in room.blocked[: room.cards]):
                continue
            placed = beside(text, req.style, centre, size, self.zoom, room, at_sea)
            if placed is not None and room.take(placed):
                placed.region = rid
                return placed
        return None


def layout(
    requests: list[LabelRequest],
    atlas: tuple[dict[str, Spine], dict[str, Spine], Centres],
    zoom: float,
    sizes: dict[str, tuple[float, float]],
    box: Box,
    cache: Cache,
    room: Room | None = None,
) -> list[Placed]:
    """Lay out every name in the first of its forms and regions where it fits, inside a box.

    Fits of regions wholly in the box are kept in cache (one per zoom level); the others are
    laid out again with their room cut at the box's edges. With a screen room, letters keep
    off what it blocks and off each other; a name that fits nowhere free goes beside its land
    over the sea, else over its own land's points, else beside its land wherever it is free.
    """
    plan = Layout(atlas, zoom, sizes, box, cache)
    out: list[Placed] = []
    used: set[str] = set()
    missed: list[LabelRequest] = []
    for first in requests:
        placed = plan.inside(first, used, room)
        if placed is None and room is not None and first.style == "country":
            placed = plan.aside(first, room, at_sea=True) or plan.inside(first, used, room, True)
        if placed is None:
            missed.append(first)
            continue
        used.add(placed.region)
        out.append(placed)
    if room is not None:
        for req in missed:
            placed = plan.aside(req, room)
            if placed is not None:
                out.append(placed)
    return out


def room_of(view: MapView, surf: pygame.Surface | None = None) -> tuple[Room, list[str]]:
    """Return the screen a view's names may use, and the names of the points they may cross.

    Names keep off the cards over the map and its points; a running project is never left
    out, so it blocks like a card. With the map drawn so far, a name written beside a tiny
    land prefers the open sea.
    """
    s, fixed, dots, names = view.scale, list(view.keep_clear), [], []
    capitals: list[pygame.Rect] = []
    for marker in view.markers:
        x, y = view.to_screen(marker.pos)
        r = {"project": 7.0, "capital": 5.0}.get(marker.kind, 3.5) * s
        if view.rect.collidepoint(x, y):
            box = pygame.Rect(round(x - r), round(y - r), round(2 * r), round(2 * r))
            if marker.kind == "project":
                fixed.append(box)
            else:
                dots.append(box)
                names.append(marker.name)
            if marker.kind == "capital":  # its name's first place, right of the dot
                wide, high = len(marker.name) * 6.5 * s, 16 * s
                room_for = pygame.Rect(
                    round(x + 7 * s), round(y - high / 2), round(wide), round(high)
                )
                capitals.append(room_for)
    room = Room(view.to_screen, view.to_world, view.rect, [*fixed, *dots])
    room.cards, room.capitals = len(fixed), capitals
    if surf is not None:
        room.sea = lambda pos: _is_sea(view, surf, pos)
    return room, names


def _is_sea(view: MapView, surf: pygame.Surface, pos: tuple[float, float]) -> bool:
    """Return True when a screen point of the map being drawn shows open sea."""
    x, y = round(pos[0] - view.rect.x), round(pos[1] - view.rect.y)
    if not (0 <= x < surf.get_width() and 0 <= y < surf.get_height()):
        return False
    c, sea = surf.get_at((x, y)), view.sea
    return abs(c.r - sea.r) + abs(c.g - sea.g) + abs(c.b - sea.b) < SEA_CLOSE
