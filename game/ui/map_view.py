"""The map: projected region polygons, pan and zoom, a cached drawing, and hit-testing."""

from __future__ import annotations

import attrs
import pygame

from game.model.defs import MapDef, RegionDef
from game.ui import geometry, map_labels, map_layers, map_place, map_zoom, theme
from game.ui.map_atlas import Atlas
from game.ui.map_markers import draw_markers
from game.ui.projection import project_fn

Point = tuple[float, float]
TOLERANCES = (0.12, 0.06, 0.03)  # world units of the thinned outlines kept for low zooms


@attrs.define
class Shape:
    """One region projected to world units (y up), with its bounding box."""

    id: str
    rings: list[list[Point]]
    box: tuple[float, float, float, float]
    area: float
    centre: Point


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

    def __init__(
        self,
        map_def: MapDef,
        regions: list[RegionDef],
        rect: pygame.Rect,
        atlas: Atlas | None = None,
    ) -> None:
        self.forward, self.inverse = project_fn(map_def.projection)
        self.atlas = atlas or Atlas()
        self.sea = theme.parse_colour(map_def.sea, "#b8c8cc")
        lon0, lat0, lon1, lat1 = map_def.extent
        x0, y0 = self.forward(lon0, lat0)
        x1, y1 = self.forward(lon1, lat1)
        self.extent = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        self.frame: tuple[float, float, float, float] | None = None
        if len(map_def.frame) == 4:
            fx0, fy0 = self.forward(map_def.frame[0], map_def.frame[1])
            fx1, fy1 = self.forward(map_def.frame[2], map_def.frame[3])
            self.frame = (min(fx0, fx1), min(fy0, fy1), max(fx0, fx1), max(fy0, fy1))
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
        self.labels: list[map_labels.LabelRequest] = []
        self.placed: list[map_labels.Placed] = []
        self.keep_clear: list[pygame.Rect] = []  # screen areas no name may cross
        self._layouts: dict[float, map_place.Cache] = {}
        self._outlines: map_zoom.Source | None = None
        self.changed: list[str] = []
        self.handovers: dict[str, tuple[str, int]] = {}
        ink, muted = theme.blend(theme.INK, theme.PAPER, 0.08), theme.INK_MUTED
        self.label_colours: dict[str, tuple[int, int, int]] = {
            "country": (ink.r, ink.g, ink.b),
            "region": (muted.r, muted.g, muted.b),
        }
        self.atlas_source: object = None
        self.markers: list[Marker] = []
        self.covered: set[str] = set()  # points a small land's name lies over, left out
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
        """Zoom and centre so the whole extent fills the rect (without passing the frame)."""
        x0, y0, x1, y1 = self.extent
        self.min_zoom = min(self.rect.w / max(1e-6, x1 - x0), self.rect.h / max(1e-6, y1 - y0))
        if self.frame or self.atlas.frame:  # never show past the land's frame
            fx0, fy0, fx1, fy1 = self.bounds
            cover = max(self.rect.w / max(1e-6, fx1 - fx0), self.rect.h / max(1e-6, fy1 - fy0))
            self.min_zoom = max(self.min_zoom, cover)
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

    def use_atlas(self, atlas: Atlas, source: object) -> None:
        """Take the atlas layer of a scenario, keeping the relative zoom and the centre."""
        self.atlas, self.atlas_source = atlas, source
        self._layouts, self._outlines = {}, None
        self.set_rect(self.rect)

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

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """Return the world box the view may show: the map's frame, else the extent."""
        return self.frame or self.atlas.frame or self.extent

    def _clamp(self) -> None:
        """Keep the view inside the frame (centred on the extent when that is smaller)."""
        x0, y0, x1, y1 = self.bounds
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
        labels: list[map_labels.LabelRequest],
        markers: list[Marker],
    ) -> None:
        """Set region colours, country groups (for highlight), names and markers."""
        self.fills, self.edges, self.groups = fills, edges, groups
        if labels != self.labels:
            self._layouts = {}
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

    def points(self, ring: list[Point]) -> list[tuple[float, float]]:
        """Return a ring in the map surface's pixel coordinates."""
        cx, cy, z = self.centre[0], self.centre[1], self.zoom
        hx, hy = self.rect.w / 2, self.rect.h / 2
        return [(hx + (x - cx) * z, hy - (y - cy) * z) for x, y in ring]

    def _to_surface(self, p: Point) -> tuple[float, float]:
        """Return the map surface's pixel position of a world point."""
        return (
            self.rect.w / 2 + (p[0] - self.centre[0]) * self.zoom,
            self.rect.h / 2 - (p[1] - self.centre[1]) * self.zoom,
        )

    def label_sizes(self) -> dict[str, tuple[float, float]]:
        """Return the (least, largest) letter size of each kind of name at this zoom."""
        s, ratio = self.scale, self.zoom / self.min_zoom
        top = min(46.0, 24.0 * ratio**0.5) * s
        return {"country": (8.0 * s, top), "region": (9.0 * s, max(10.0 * s, top * 0.55))}

    def layout_labels(self, surf: pygame.Surface | None = None) -> list[map_labels.Placed]:
        """Return the names laid out in the view (each region's kept per zoom level)."""
        key = round(self.zoom, 6)
        cache = self._layouts.get(key)
        if cache is None:
            if len(self._layouts) > 12:
                self._layouts.clear()
            cache = self._layouts[key] = {}
        fallback = {
            s.id: (s.centre, 0.3 * min(s.box[2] - s.box[0], s.box[3] - s.box[1]))
            for s in self.shapes
            if s.id not in self.atlas.centres
        }
        wx0, wy1 = self.to_world(self.rect.topleft)
        wx1, wy0 = self.to_world(self.rect.bottomright)
        room, names = map_place.room_of(self, surf)
        placed = map_place.layout(
            self.labels,
            (self.atlas.spines, self.atlas.levels, {**fallback, **self.atlas.centres}),
            self.zoom,
            self.label_sizes(),
            (wx0, wy0, wx1, wy1),
            cache,
            room,
        )
        self.covered = {names[k - room.cards] for k in room.covered if k >= room.cards}
        return placed

    def _source(self) -> map_zoom.Source:
        """Return the map's outlines (built when first drawn)."""
        if self._outlines is None:
            shapes = {s.id: s.rings for s in self.shapes}
            self._outlines = map_zoom.source(shapes, self.atlas)
        return self._outlines

    def render(self) -> pygame.Surface:
        """Draw sea, coasts, land, regions, water, grid, names and points onto a fresh surface."""
        self.renders += 1
        surf = pygame.Surface(self.rect.size)
        surf.fill(self.sea)
        stage = map_layers.Stage(self, self._source(), map_zoom.tolerance(self.zoom, TOLERANCES))
        map_layers.draw_coasts(surf, stage)
        map_layers.draw_land(surf, stage)
        map_layers.draw_regions(surf, stage)
        map_layers.draw_water(surf, stage)
        map_layers.draw_graticule(surf, self)
        map_layers.draw_changed(surf, stage)
        map_layers.draw_links(surf, self)
        self.placed = self.layout_labels(surf)
        taken = map_labels.draw(surf, self.placed, self._to_surface, self.label_colours)
        draw_markers(surf, self, taken)
        return surf

    def set_keep_clear(self, areas: list[pygame.Rect]) -> None:
        """Keep names out of these screen areas (cards and buttons drawn over the map)."""
        if areas != self.keep_clear:
            self.keep_clear = areas
            self.invalidate()

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
                    pts = self.points(ring)
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
