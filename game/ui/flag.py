"""Draw a country's flag from its description: stripes, then a saltire, a cross, a disc."""

from __future__ import annotations

import pygame

from game.model.defs import FlagDesign
from game.ui import theme

CROSS_WIDTHS = [0.34, 0.2, 0.1]
SALTIRE_WIDTHS = [0.2, 0.08, 0.04]


def draw_flag(surface: pygame.Surface, rect: pygame.Rect, design: FlagDesign) -> None:
    """Fill rect with equal stripes, a saltire, a cross and a disc if any, and an ink border."""
    stripes: list[str] = list(design.stripes) or ["#808080"]
    n = len(stripes)
    for i, colour in enumerate(stripes):
        c = theme.parse_colour(colour)
        if design.orientation == "vertical":
            x0 = rect.x + rect.w * i // n
            x1 = rect.x + rect.w * (i + 1) // n
            surface.fill(c, (x0, rect.y, x1 - x0, rect.h))
        else:
            y0 = rect.y + rect.h * i // n
            y1 = rect.y + rect.h * (i + 1) // n
            surface.fill(c, (rect.x, y0, rect.w, y1 - y0))
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for colour, share in zip(design.saltire, SALTIRE_WIDTHS, strict=False):
        width = max(1, round(rect.h * share))
        c = theme.parse_colour(colour)
        pygame.draw.line(surface, c, rect.topleft, rect.bottomright, width)
        pygame.draw.line(surface, c, rect.bottomleft, rect.topright, width)
    for colour, share in zip(design.cross, CROSS_WIDTHS, strict=False):
        width = max(1, round(rect.h * share))
        c = theme.parse_colour(colour)
        surface.fill(c, (rect.centerx - width // 2, rect.y, width, rect.h))
        surface.fill(c, (rect.x, rect.centery - width // 2, rect.w, width))
    if design.disc is not None:
        pygame.draw.circle(surface, theme.parse_colour(design.disc), rect.center, rect.h * 0.3)
    surface.set_clip(clip)
    pygame.draw.rect(surface, theme.INK, rect, 1)
