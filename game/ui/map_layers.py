"""The map's layers in an atlas plate's style: shaded coasts, land, lakes, rivers, grid."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.ui import theme
from game.ui.map_zoom import Item, Source

if TYPE_CHECKING:
    from game.ui.map_view import MapView

Point = tuple[float, float]
COAST_STEPS = ((18, 0.05), (11, 0.1), (5, 0.17))  # (width, darkening), outermost first
DASH = 7  # length of a dash of a changed border, in pixels at scale 1


class Stage:
    """One drawing of the map: its outlines, thinned for the zoom, and where they go on it."""

    def __init__(self, view: MapView, src: Source, tol: float) -> None:
        self.view, self.src, self.tol = view, src, tol
        z = view.zoom
        self.ox = view.rect.w / 2 - view.centre[0] * z
        self.oy = view.rect.h / 2 + view.centre[1] * z
        margin = 20 / z
        x0, y1 = view.to_world(view.rect.topleft)
        x1, y0 = view.to_world(view.rect.bottomright)
        self.box = (x0 - margin, y0 - margin, x1 + margin, y1 + margin)

    def placed(self, items: list[Item]) -> list[list[Point]]:
        """Return the outlines that show, thinned, scaled to the zoom and moved onto the surface."""
        out = []
        x0, y0, x1, y1 = self.box
        ox, oy, z, tol = self.ox, self.oy, self.view.zoom, self.tol
        for item in items:
            b = item.box
            if b[2] < x0 or b[0] > x1 or b[3] < y0 or b[1] > y1:
                continue
            points = item.thinned.get(tol) or item.at(tol)
            if len(points) >= (3 if item.closed else 2):
                out.append([(x * z + ox, oy - y * z) for x, y in points])
        return out


def draw_coasts(surf: pygame.Surface, stage: Stage) -> None:
    """Shade the sea along every shore, darker near the land, as engraved plates do."""
    view = stage.view
    s = view.scale * min(1.6, (view.zoom / view.min_zoom) ** 0.25)
    lines = stage.placed(stage.src.coasts)
    for width, dark in COAST_STEPS:
        colour = theme.blend(view.sea, theme.INK, dark * 0.5)
        w = max(1, round(width * s))
        for pts in lines:
            pygame.draw.lines(surf, colour, False, pts, w)


def draw_land(surf: pygame.Surface, stage: Stage) -> None:
    """Fill the plain land beyond the regions in a faint paper tone."""
    fill = theme.blend(theme.PAPER, stage.view.sea, 0.22)
    edge = theme.blend(fill, theme.INK, 0.3)
    for pts in stage.placed(stage.src.land):
        pygame.draw.polygon(surf, fill, pts)
        pygame.draw.aalines(surf, edge, True, pts)


def draw_regions(surf: pygame.Surface, stage: Stage) -> None:
    """Fill each region in its holder's colour (band by band) and outline it in a darker shade."""
    view = stage.view
    line = theme.blend(theme.INK, view.sea, 0.35)
    for shape in view.shapes:
        fill = view.fills.get(shape.id, theme.PAPER_DARK)
        bands = stage.src.fills.get(shape.id) or stage.src.shapes.get(shape.id, [])
        for pts in stage.placed(bands):
            pygame.draw.polygon(surf, fill, pts)
    for shape in view.shapes:
        edge = view.edges.get(shape.id, line)
        for pts in stage.placed(stage.src.shapes.get(shape.id, [])):
            pygame.draw.aalines(surf, edge, True, pts)


def draw_water(surf: pygame.Surface, stage: Stage) -> None:
    """Draw lakes and rivers in the sea's ink, rivers thicker as the map zooms in."""
    view = stage.view
    ink = theme.blend(view.sea, theme.INK, 0.35)
    lake = theme.blend(view.sea, theme.PAPER, 0.1)
    for pts in stage.placed(stage.src.lakes):
        pygame.draw.polygon(surf, lake, pts)
        pygame.draw.aalines(surf, ink, True, pts)
    ratio = view.zoom / view.min_zoom
    width = max(1, round(view.scale * (1 if ratio < 2.5 else 2)))
    river = theme.blend(view.sea, theme.INK, 0.3)
    for pts in stage.placed(stage.src.rivers):
        if width == 1:
            pygame.draw.aalines(surf, river, False, pts)
        else:
            pygame.draw.lines(surf, river, False, pts, width)


def draw_graticule(surf: pygame.Surface, view: MapView) -> None:
    """Draw faint meridians and parallels every five degrees, numbered at the edges."""
    colour = theme.blend(view.sea, theme.INK, 0.12)
    wx0, wy1 = view.to_world((view.rect.left, view.rect.top))
    wx1, wy0 = view.to_world((view.rect.right, view.rect.bottom))
    size = max(8, round(10 * view.scale))
    ink = tuple(theme.blend(view.sea, theme.INK, 0.6))[:3]
    lon = math.floor(wx0 / 5) * 5
    while lon <= wx1:
        x = view.to_screen((lon, 0))[0] - view.rect.x
        pygame.draw.line(surf, colour, (x, 0), (x, view.rect.h))
        tag = theme.text("serif_italic", size, f"{abs(lon)}°{'E' if lon >= 0 else 'W'}", ink)  # type: ignore[arg-type]
        surf.blit(tag, (round(x) + 3, 2))
        lon += 5
    lat0 = view.inverse(0, wy0)[1]
    lat1 = view.inverse(0, wy1)[1]
    lat = math.floor(lat0 / 5) * 5
    while lat <= lat1:
        y = view.to_screen(view.forward(0, lat))[1] - view.rect.y
        pygame.draw.line(surf, colour, (0, y), (view.rect.w, y))
        tag = theme.text("serif_italic", size, f"{lat}°N", ink)  # type: ignore[arg-type]
        surf.blit(tag, (3, round(y) - tag.get_height() - 1))
        lat += 5


def dashed_ring(surf: pygame.Surface, colour: pygame.Color, pts: list[Point], width: int) -> None:
    """Draw a closed ring as dashes, carrying the dash pattern round its corners."""
    dash = DASH * max(1.0, width / 2)
    on, left = True, dash
    for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
        seg = math.dist(a, b)
        pos = 0.0
        while pos < seg:
            step = min(left, seg - pos)
            if on:
                t0, t1 = pos / seg, (pos + step) / seg
                p0 = (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0)
                p1 = (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1)
                pygame.draw.line(surf, colour, p0, p1, width)
            pos += step
            left -= step
            if left <= 0:
                on, left = not on, dash


def draw_changed(surf: pygame.Surface, stage: Stage) -> None:
    """Draw the outline of every region that changed hands recently as a bold dashed line."""
    view = stage.view
    width = max(3, round(3 * view.scale))
    for rid in view.changed:
        for pts in stage.placed(stage.src.shapes.get(rid, [])):
            dashed_ring(surf, theme.ACCENT, pts, width)


def draw_links(surf: pygame.Surface, view: MapView) -> None:
    """Draw treaties as ink lines between capitals, with a dot at each end."""
    width = max(2, round(2 * view.scale))
    for link in view.links:
        a = view.to_screen(link.a)
        b = view.to_screen(link.b)
        a = (a[0] - view.rect.x, a[1] - view.rect.y)
        b = (b[0] - view.rect.x, b[1] - view.rect.y)
        pygame.draw.line(surf, theme.ACCENT, a, b, width)
        for end in (a, b):
            pygame.draw.circle(surf, theme.INK, end, width + 2)
