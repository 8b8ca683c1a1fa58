"""Paper backgrounds: a faintly speckled sheet and a dimming veil for overlays."""

from __future__ import annotations

import random
from functools import lru_cache

import pygame

from game.ui import theme


@lru_cache(maxsize=4)
def sheet(size: tuple[int, int]) -> pygame.Surface:
    """Return a paper-coloured surface with faint fibres, the same every time."""
    surf = pygame.Surface(size)
    surf.fill(theme.PAPER)
    rng = random.Random(1918)
    w, h = size
    for _ in range(w * h // 900):
        x, y = rng.randrange(w), rng.randrange(h)
        shade = theme.blend(theme.PAPER, theme.INK_FAINT, rng.uniform(0.08, 0.22))
        surf.fill(shade, (x, y, rng.choice((1, 2, 3)), 1))
    edge = theme.blend(theme.PAPER, theme.INK_FAINT, 0.35)
    pygame.draw.rect(surf, edge, surf.get_rect(), max(2, w // 320))
    return surf


@lru_cache(maxsize=4)
def veil(size: tuple[int, int]) -> pygame.Surface:
    """Return a translucent dark veil that dims what lies under an overlay."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((30, 22, 14, 150))
    return surf


def card(surface: pygame.Surface, rect: pygame.Rect, scale: float) -> None:
    """Draw a paper card with an ink double rule, used under dialogs."""
    shadow = rect.move(round(5 * scale), round(5 * scale))
    pygame.draw.rect(surface, (40, 30, 20), shadow)
    pygame.draw.rect(surface, theme.PAPER, rect)
    width = max(1, round(2 * scale))
    pygame.draw.rect(surface, theme.INK, rect, width)
    inner = rect.inflate(-round(10 * scale), -round(10 * scale))
    pygame.draw.rect(surface, theme.INK_MUTED, inner, max(1, round(scale)))
