"""Draw a country's flag from its stripe description."""

from __future__ import annotations

import pygame

from game.model.defs import FlagDesign
from game.ui import theme


def draw_flag(surface: pygame.Surface, rect: pygame.Rect, design: FlagDesign) -> None:
    """Fill rect with equal stripes and an ink border."""
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
    pygame.draw.rect(surface, theme.INK, rect, 1)
