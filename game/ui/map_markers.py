"""Points on the map: capitals, the scenario's sites and running projects, with names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import theme

if TYPE_CHECKING:
    from game.ui.map_view import MapView

DETAIL = 1.6  # zoom (relative to the whole map) from which sites are named


def _name_box(
    img: pygame.Surface, x: float, y: float, s: float, taken: list[pygame.Rect]
) -> pygame.Rect | None:
    """Return a free place for a name right of its point (else left, above, below), or None."""
    h = img.get_height()
    for box in (
        img.get_rect(topleft=(round(x + 7 * s), round(y - h / 2))),
        img.get_rect(topright=(round(x - 7 * s), round(y - h / 2))),
        img.get_rect(midbottom=(round(x), round(y - 5 * s))),
        img.get_rect(midtop=(round(x), round(y + 5 * s))),
    ):
        if box.collidelist(taken) < 0:
            return box
    return None


def draw_markers(surf: pygame.Surface, view: MapView, taken: list[pygame.Rect]) -> None:
    """Draw capitals as ringed dots, sites as small rings and projects as red diamonds.

    Capitals are named at every zoom, sites once zoomed in; a name that would cover a
    country's name or another point's name is left out, except for running projects,
    whose names stack downwards instead.
    """
    s = view.scale
    detail = view.zoom / view.min_zoom > DETAIL
    ink = tuple(theme.INK)[:3]
    view.marker_boxes = []
    order = sorted(view.markers, key=lambda m: {"project": 0, "capital": 1}.get(m.kind, 2))
    beside = {p.text.lower() for p in view.placed if p.leader is not None}  # "Danzig" once
    dots = []
    for marker in order:
        x, y = view.to_screen(marker.pos)
        x, y = x - view.rect.x, y - view.rect.y
        if not (0 <= x < view.rect.w and 0 <= y < view.rect.h) or marker.name in view.covered:
            continue  # a small land's name written over its capital stands for it
        dots.append((marker, x, y))
        taken.append(pygame.Rect(round(x - 4 * s), round(y - 4 * s), round(8 * s), round(8 * s)))
    for marker, x, y in dots:
        _dot(surf, marker.kind, x, y, s)
        if marker.kind == "project":
            img = theme.text("sans_italic", round(12 * s), marker.name, ink)  # type: ignore[arg-type]
            box = img.get_rect(topleft=(round(x + 8 * s), round(y - img.get_height() / 2)))
            while any(box.colliderect(o) for o in taken if o.w > 10 * s):
                box.y += box.h  # names at one site stack downwards instead of overlapping
        elif marker.name.lower() in beside:
            continue
        elif marker.kind == "capital" or detail:
            kind = "serif" if marker.kind == "capital" else "serif_italic"
            size = round((11 if marker.kind == "capital" else 10.5) * s)
            img = theme.text(kind, size, marker.name, ink)  # type: ignore[arg-type]
            found = _name_box(img, x, y, s, taken)
            if found is None:
                continue
            box = found
            halo = theme.text(kind, size, marker.name, tuple(theme.PAPER)[:3])  # type: ignore[arg-type]
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                surf.blit(halo, box.move(dx, dy))
        else:
            continue
        surf.blit(img, box)
        taken.append(box)
        view.marker_boxes.append((marker.name, box))


def _dot(surf: pygame.Surface, kind: str, x: float, y: float, s: float) -> None:
    """Draw the symbol of one point."""
    line = max(1, round(1.5 * s))
    if kind == "project":
        r = 7 * s
        diamond = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        pygame.draw.polygon(surf, theme.ACCENT, diamond)
        pygame.draw.polygon(surf, theme.PAPER, diamond, line)
    elif kind == "capital":
        pygame.draw.circle(surf, theme.PAPER, (x, y), 5 * s)
        pygame.draw.circle(surf, theme.INK, (x, y), 5 * s, line)
        pygame.draw.circle(surf, theme.INK, (x, y), 2.2 * s)
    else:
        pygame.draw.circle(surf, theme.PAPER, (x, y), 3.5 * s)
        pygame.draw.circle(surf, theme.INK, (x, y), 3.5 * s, line)
