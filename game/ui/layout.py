"""Small helpers for placing widgets: centred columns and rows of rects."""

from __future__ import annotations

import pygame


def column(
    centre_x: int, top: int, width: int, height: int, gap: int, count: int
) -> list[pygame.Rect]:
    """Return count rects of one size stacked downwards, centred on centre_x."""
    return [
        pygame.Rect(centre_x - width // 2, top + i * (height + gap), width, height)
        for i in range(count)
    ]


def row(left: int, top: int, width: int, height: int, gap: int, count: int) -> list[pygame.Rect]:
    """Return count rects of one size side by side."""
    return [pygame.Rect(left + i * (width + gap), top, width, height) for i in range(count)]


def centred(size: tuple[int, int], width: int, height: int) -> pygame.Rect:
    """Return a rect of width x height centred in a window of size, clipped to it."""
    width, height = min(width, size[0] - 8), min(height, size[1] - 8)
    return pygame.Rect((size[0] - width) // 2, (size[1] - height) // 2, width, height)
