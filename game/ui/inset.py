"""The event dialog's inset: the map around the event's site or region, in the map's own style."""

from __future__ import annotations

import attrs
import pygame

from game.engine.game import Game
from game.ui import map_style, theme
from game.ui.map_view import MapView

ZOOM = 3.5  # times the zoom that shows the whole map in the inset


@attrs.define
class Place:
    """Where an event happens: a point in lon/lat, its name, and the region if one is meant."""

    lon: float
    lat: float
    name: str
    region: str = ""


def place_of(game: Game, event_id: str) -> Place | None:
    """Return the place an event names (its site, else its region), or None."""
    sc = game.scenario
    d = sc.events[event_id].d
    site = sc.sites.get(d.site) if d.site else None
    if site is not None:
        return Place(site.d.lon, site.d.lat, site.d.name)
    region = sc.regions.get(d.region) if d.region else None
    if region is None:
        return None
    if region.label:
        lon, lat = region.label[0], region.label[1]
    else:
        points = [p for ring in region.polygons for p in ring]
        if not points:
            return None
        lon = sum(p[0] for p in points) / len(points)
        lat = sum(p[1] for p in points) / len(points)
    return Place(lon, lat, region.name, region.id)


class Inset:
    """A small map view centred on a place, drawn by the map's own code, with the place marked."""

    def __init__(
        self, game: Game, viewer: str, place: Place, rect: pygame.Rect, scale: float, palette: str
    ) -> None:
        sc = game.scenario
        self.place = place
        self.scale = scale
        self.view = MapView(sc.map, list(sc.regions.values()), rect)
        self.view.scale = scale * 0.7
        map_style.apply_style(self.view, game, viewer, "political", palette)
        self.view.zoom = self.view.min_zoom * ZOOM
        self.view.centre = self.view.forward(place.lon, place.lat)
        self.view.pan(0, 0)  # keeps the view inside the map's extent
        # The place's own site marker would sit under the ring, its name half hidden:
        # the inset writes the name itself, under the ring.
        self.view.markers = [m for m in self.view.markers if m.name != place.name]
        clear = self._name_box().inflate(round(160 * scale), round(24 * scale))
        self.view.set_keep_clear([clear])

    def _name_box(self) -> pygame.Rect:
        """Return where the place's name is written: under its ring, inside the inset."""
        s = self.scale
        x, y = self.spot()
        w, h = theme.font("serif_bold", round(13 * s)).size(self.place.name)
        box = pygame.Rect(0, 0, w, h)
        box.midtop = (round(x), round(y + 12 * s))
        return box.clamp(self.view.rect)

    @property
    def rect(self) -> pygame.Rect:
        """Return where the inset is drawn."""
        return self.view.rect

    def spot(self) -> tuple[float, float]:
        """Return the place's screen position."""
        return self.view.lonlat_to_screen(self.place.lon, self.place.lat)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the map, the place's outline or ring, its name, and a frame."""
        view, s = self.view, self.scale
        view.draw(surface)
        clip = surface.get_clip()
        surface.set_clip(view.rect)
        shape = view.by_id.get(self.place.region) if self.place.region else None
        width = max(2, round(2.5 * s))
        halo = width + 2 * max(1, round(1.5 * s))  # paper under the accent: seen on red land too
        if shape is not None:
            for ring in shape.rings:
                pts = [view.to_screen(p) for p in ring]
                pygame.draw.lines(surface, theme.PAPER, True, pts, halo)
                pygame.draw.lines(surface, theme.ACCENT, True, pts, width)
        x, y = self.spot()
        pygame.draw.circle(surface, theme.PAPER, (x, y), 9 * s + (halo - width) / 2, halo)
        pygame.draw.circle(surface, theme.ACCENT, (x, y), 9 * s, width)
        pygame.draw.circle(surface, theme.PAPER, (x, y), 3 * s + 1.5 * s)
        pygame.draw.circle(surface, theme.ACCENT, (x, y), 3 * s)
        self._name(surface)
        surface.set_clip(clip)
        pygame.draw.rect(surface, theme.INK, view.rect, max(1, round(s)))

    def _name(self, surface: pygame.Surface) -> None:
        """Write the place's name under its ring."""
        s = self.scale
        name = theme.text("serif_bold", round(13 * s), self.place.name, tuple(theme.INK)[:3])
        halo = theme.text("serif_bold", round(13 * s), self.place.name, tuple(theme.PAPER)[:3])
        box = self._name_box()
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            surface.blit(halo, box.move(dx, dy))
        surface.blit(name, box)
