"""Wrap text to a pixel width and draw it as a block."""

from __future__ import annotations

import pygame

from game.ui import theme


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Split text into lines no wider than width pixels (paragraphs kept)."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            trial = f"{line} {word}"
            if font.size(trial)[0] <= width:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def draw_block(
    surface: pygame.Surface,
    text: str,
    kind: str,
    size: int,
    colour: pygame.Color,
    pos: tuple[int, int],
    width: int,
    line_gap: float = 1.15,
) -> int:
    """Draw wrapped text at pos; return the y just below it."""
    font = theme.font(kind, size)
    x, y = pos
    step = round(font.get_linesize() * line_gap)
    rgb = (colour.r, colour.g, colour.b)
    for line in wrap(text, font, width):
        if line:
            surface.blit(theme.text(kind, size, line, rgb), (x, y))
        y += step
    return y


def fit(text: str, font: pygame.font.Font, width: int) -> str:
    """Return text cut with an ellipsis so it fits in width pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"
