"""The map: projected region polygons, pan and zoom, a cached drawing, and hit-testing."""

from __future__ import annotations

import math

import attrs
import pygame

from game.model.defs import MapDef, RegionDef
from game.ui import geometry, theme
from game.ui.projection import project_fn

Point = tuple[float, float]


@attrs.define
class Shape:
    """One region projected to world units (y up), with its bounding box."""

    id: str
    rings: list[list[Point]]
    box: tuple[float, float, float, float]
    area: float
    centre: Point


@attrs.define
class Label:
    """A name written on the map at a world position, sized to fit a world width."""

    text: str
    pos: Point
    width: float


@attrs.define
class Marker:
    """A point on the map: a site or a running project at a site."""

    name: str
    pos: Point
    kind: str = "site"


@attrs.define
class Link:
    """A treaty drawn as a line between two parties' capitals."""

    name: str
    a: Point
    b: Point


class MapView:
    """Draw regions in a screen rect; pan, zoom and find the region under a point."""

    def __init__(self, map_def: MapDef, regions: list[RegionDef], rect: pygame.Rect) -> None:
        self.forward, self.inverse = project_fn(map_def.projection)
        self.sea = theme.parse_colour(map_def.sea, "#b8c8cc")
        lon0, lat0, lon1, lat1 = map_def.extent
        x0, y0 = self.forward(lon0, lat0)
        x1, y1 = self.forward(lon1, lat1)
        self.extent = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        self.shapes: list[Shape] = []
        for region in regions:
            rings = [[self.forward(p[0], p[1]) for p in ring] for ring in region.polygons]
            rings = [r for r in rings if len(r) >= 3]
            if not rings:
                continue
            biggest = max(rings, key=lambda r: abs(geometry.area(r)))
            centre = (
                self.forward(region.label[0], region.label[1])
                if region.label
                else geometry.centroid(biggest)
            )
            total = sum(abs(geometry.area(r)) for r in rings)
            self.shapes.append(Shape(region.id, rings, geometry.bbox(rings), total, centre))
        self.by_id = {s.id: s for s in self.shapes}
        self.fills: dict[str, pygame.Color] = {}
        self.edges: dict[str, pygame.Color] = {}
        self.groups: dict[str, list[str]] = {}
        self.labels: list[Label] = []
        self.markers: list[Marker] = []
        self.links: list[Link] = []
        self.marker_boxes: list[tuple[str, pygame.Rect]] = []
        self.hover: str | None = None
        self.selected: str | None = None
        self.scale = 1.0
        self.rect = pygame.Rect(rect)
        self.zoom = 1.0
        self.centre: Point = (0.0, 0.0)
        self._cache: pygame.Surface | None = None
        self._overlay: pygame.Surface | None = None
        self._overlay_key: tuple[str | None, str | None] | None = None
        self.renders = 0
        self.fit()

    # --- view -------------------------------------------------------------------------------

    def fit(self) -> None:
        """Zoom and centre so the whole extent fills the rect."""
        x0, y0, x1, y1 = self.extent
        self.min_zoom = min(self.rect.w / max(1e-6, x1 - x0), self.rect.h / max(1e-6, y1 - y0))
        self.zoom = self.min_zoom
        self.centre = ((x0 + x1) / 2, (y0 + y1) / 2)
        self.invalidate()

    def set_rect(self, rect: pygame.Rect) -> None:
        """Move the view to a new screen rect, keeping the centre and the relative zoom."""
        ratio = self.zoom / self.min_zoom if self.min_zoom else 1.0
        centre = self.centre
        self.rect = pygame.Rect(rect)
        self.fit()
        self.zoom = self.min_zoom * ratio
        self.centre = centre
        self._clamp()

    def to_screen(self, p: Point) -> tuple[float, float]:
        """Return the screen position of a world point."""
        return (
            self.rect.centerx + (p[0] - self.centre[0]) * self.zoom,
            self.rect.centery - (p[1] - self.centre[1]) * self.zoom,
        )

    def to_world(self, pos: tuple[float, float]) -> Point:
        """Return the world point under a screen position."""
        return (
            self.centre[0] + (pos[0] - self.rect.centerx) / self.zoom,
            self.centre[1] - (pos[1] - self.rect.centery) / self.zoom,
        )

    def lonlat_to_screen(self, lon: float, lat: float) -> tuple[float, float]:
        """Return the screen position of a lon/lat point."""
        return self.to_screen(self.forward(lon, lat))

    def pan(self, dx: float, dy: float) -> None:
        """Move the map by a screen offset (drag right moves the map right)."""
        self.centre = (self.centre[0] - dx / self.zoom, self.centre[1] + dy / self.zoom)
        self._clamp()
        self.invalidate()

    def zoom_at(self, factor: float, pos: tuple[float, float] | None = None) -> None:
        """Zoom by a factor keeping the world point under pos fixed."""
        pos = pos or self.rect.center
        before = self.to_world(pos)
        self.zoom = max(self.min_zoom, min(self.min_zoom * 12, self.zoom * factor))
        after = self.to_world(pos)
        self.centre = (
            self.centre[0] + before[0] - after[0],
            self.centre[1] + before[1] - after[1],
        )
        self._clamp()
        self.invalidate()

    def _clamp(self) -> None:
        """Keep the view inside the map extent (centred when the extent is smaller)."""
        x0, y0, x1, y1 = self.extent
        hw, hh = self.rect.w / 2 / self.zoom, self.rect.h / 2 / self.zoom
        cx = (x0 + x1) / 2 if x1 - x0 <= 2 * hw else min(x1 - hw, max(x0 + hw, self.centre[0]))
        cy = (y0 + y1) / 2 if y1 - y0 <= 2 * hh else min(y1 - hh, max(y0 + hh, self.centre[1]))
        self.centre = (cx, cy)

    # --- content ----------------------------------------------------------------------------

    def set_style(
        self,
        fills: dict[str, pygame.Color],
        edges: dict[str, pygame.Color],
        groups: dict[str, list[str]],
        labels: list[Label],
        markers: list[Marker],
    ) -> None:
        """Set region colours, country groups (for highlight), labels and markers."""
        self.fills, self.edges, self.groups = fills, edges, groups
        self.labels, self.markers = labels, markers
        self.invalidate()

    def invalidate(self) -> None:
        """Mark the cached drawing stale."""
        self._cache = None
        self._overlay_key = None

    def region_at(self, pos: tuple[float, float]) -> str | None:
        """Return the id of the region under a screen position, if any."""
        if not self.rect.collidepoint(pos):
            return None
        x, y = self.to_world(pos)
        for shape in reversed(self.shapes):
            x0, y0, x1, y1 = shape.box
            if (
                x0 <= x <= x1
                and y0 <= y <= y1
                and any(geometry.contains(r, x, y) for r in shape.rings)
            ):
                return shape.id
        return None

    def group_of(self, region: str | None) -> str | None:
        """Return the group (country) holding a region."""
        if region is None:
            return None
        for group, members in self.groups.items():
            if region in members:
                return group
        return None

    # --- drawing ----------------------------------------------------------------------------

    def _points(self, ring: list[Point], ox: int, oy: int) -> list[tuple[float, float]]:
        """Return a ring in surface coordinates relative to (ox, oy)."""
        cx, cy, z = self.centre[0], self.centre[1], self.zoom
        hx, hy = self.rect.w / 2, self.rect.h / 2
        return [(hx + (x - cx) * z - ox, hy - (y - cy) * z - oy) for x, y in ring]

    def _visible(self, shape: Shape) -> bool:
        """Return True when a shape's box overlaps the view."""
        x0, y0, x1, y1 = shape.box
        wx0, wy1 = self.to_world(self.rect.topleft)
        wx1, wy0 = self.to_world(self.rect.bottomright)
        return x1 >= wx0 and x0 <= wx1 and y1 >= wy0 and y0 <= wy1

    def render(self) -> pygame.Surface:
        """Draw sea, graticule, regions, borders, markers and labels onto a fresh surface."""
        self.renders += 1
        surf = pygame.Surface(self.rect.size)
        surf.fill(self.sea)
        self._graticule(surf)
        line = theme.blend(theme.INK, self.sea, 0.35)
        for shape in self.shapes:
            if not self._visible(shape):
                continue
            fill = self.fills.get(shape.id, theme.PAPER_DARK)
            edge = self.edges.get(shape.id, line)
            for ring in shape.rings:
                pts = self._points(ring, 0, 0)
                pygame.draw.polygon(surf, fill, pts)
                pygame.draw.aalines(surf, edge, True, pts)
        self._draw_links(surf)
        self._draw_markers(surf)
        self._draw_labels(surf)
        return surf

    def _draw_links(self, surf: pygame.Surface) -> None:
        """Draw treaties as ink lines between capitals, with a dot at each end."""
        width = max(2, round(2 * self.scale))
        for link in self.links:
            a = self.to_screen(link.a)
            b = self.to_screen(link.b)
            a = (a[0] - self.rect.x, a[1] - self.rect.y)
            b = (b[0] - self.rect.x, b[1] - self.rect.y)
            pygame.draw.line(surf, theme.ACCENT, a, b, width)
            for end in (a, b):
                pygame.draw.circle(surf, theme.INK, end, width + 2)

    def _graticule(self, surf: pygame.Surface) -> None:
        """Draw faint meridians and parallels every five degrees."""
        colour = theme.blend(self.sea, theme.INK, 0.12)
        wx0, wy1 = self.to_world((self.rect.left, self.rect.top))
        wx1, wy0 = self.to_world((self.rect.right, self.rect.bottom))
        lon = math.floor(wx0 / 5) * 5
        while lon <= wx1:
            x = self.to_screen((lon, 0))[0] - self.rect.x
            pygame.draw.line(surf, colour, (x, 0), (x, self.rect.h))
            lon += 5
        lat0 = self.inverse(0, wy0)[1]
        lat1 = self.inverse(0, wy1)[1]
        lat = math.floor(lat0 / 5) * 5
        while lat <= lat1:
            y = self.to_screen(self.forward(0, lat))[1] - self.rect.y
            pygame.draw.line(surf, colour, (0, y), (self.rect.w, y))
            lat += 5

    def _draw_markers(self, surf: pygame.Surface) -> None:
        """Draw sites as small ink rings and running projects as red diamonds."""
        s = self.scale
        detail = self.zoom / self.min_zoom > 1.6
        placed: list[pygame.Rect] = []
        self.marker_boxes = []
        for marker in self.markers:
            x, y = self.to_screen(marker.pos)
            x, y = x - self.rect.x, y - self.rect.y
            if not (0 <= x < self.rect.w and 0 <= y < self.rect.h):
                continue
            if marker.kind == "project":
                r = 7 * s
                diamond = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
                pygame.draw.polygon(surf, theme.ACCENT, diamond)
                pygame.draw.polygon(surf, theme.PAPER, diamond, max(1, round(1.5 * s)))
            else:
                pygame.draw.circle(surf, theme.PAPER, (x, y), 4.5 * s)
                pygame.draw.circle(surf, theme.INK, (x, y), 4.5 * s, max(1, round(1.5 * s)))
            if detail or marker.kind == "project":
                img = theme.text("sans_italic", round(12 * s), marker.name, tuple(theme.INK)[:3])
                box = img.get_rect(topleft=(round(x + 8 * s), round(y - img.get_height() / 2)))
                while any(box.colliderect(other) for other in placed):
                    box.y += box.h  # labels at one site stack downwards instead of overlapping
                placed.append(box)
                surf.blit(img, box)
                self.marker_boxes.append((marker.name, box))

    def _draw_labels(self, surf: pygame.Surface) -> None:
        """Write names in spaced capitals sized to their land; skip those that would collide."""
        s = self.scale
        placed: list[pygame.Rect] = []
        sized: list[tuple[int, Label]] = []
        for label in self.labels:
            room = label.width * self.zoom
            size = min(round(20 * s), max(0, round(room / max(4, len(label.text)) * 0.95)))
            if size >= round(9 * s):
                sized.append((size, label))
        sized.sort(key=lambda item: -item[0])
        for size, label in sized:
            x, y = self.to_screen(label.pos)
            x, y = x - self.rect.x, y - self.rect.y
            spaced = " ".join(label.text.upper()) if size >= round(12 * s) else label.text.upper()
            ink = theme.text("serif_bold", size, spaced, tuple(theme.INK)[:3])
            box = ink.get_rect(center=(round(x), round(y)))
            box.clamp_ip(surf.get_rect())
            if any(box.colliderect(other) for other in placed):
                continue
            placed.append(box.inflate(round(4 * s), 0))
            halo = theme.text("serif_bold", size, spaced, tuple(theme.PAPER)[:3])
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                surf.blit(halo, box.move(dx, dy))
            surf.blit(ink, box)

    def _render_overlay(self) -> pygame.Surface:
        """Draw the hovered and selected groups' outlines on a clear surface."""
        surf = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        width = max(2, round(2.5 * self.scale))
        for group, colour, fill in (
            (self.hover, theme.INK, (255, 255, 240, 60)),
            (self.selected, theme.ACCENT, None),
        ):
            if group is None:
                continue
            for rid in self.groups.get(group, []):
                shape = self.by_id.get(rid)
                if shape is None:
                    continue
                for ring in shape.rings:
                    pts = self._points(ring, 0, 0)
                    if fill is not None:
                        pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.lines(surf, colour, True, pts, width)
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        """Blit the cached map, redrawing it only when the view or content changed."""
        if self._cache is None:
            self._cache = self.render()
        surface.blit(self._cache, self.rect.topleft)
        if self.hover is None and self.selected is None:
            return
        key = (self.hover, self.selected)
        if self._overlay is None or self._overlay_key != key:
            self._overlay = self._render_overlay()
            self._overlay_key = key
        surface.blit(self._overlay, self.rect.topleft)
