"""Line charts drawn in ink on paper: axes, gridlines, labelled series and a legend."""

from __future__ import annotations

import math

import attrs
import pygame

from game.ui import theme


@attrs.define
class Series:
    """One line of a chart: a name, a colour and its values (None where unknown)."""

    name: str
    colour: pygame.Color
    values: list[float | None]


def _nice_bounds(low: float, high: float) -> tuple[float, float]:
    """Widen a value range to four round steps (1, 2, 2.5 or 5 times a power of ten)."""
    if high - low < 1e-9:
        low, high = low - 5, high + 5
    raw = (high - low) / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    low = math.floor(low / step) * step
    return low, low + 4 * step if low + 4 * step >= high else math.ceil(high / step) * step


def draw_line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    series: list[Series],
    x_labels: list[str],
    title: str,
    scale: float,
    bounds: tuple[float, float] | None = None,
) -> None:
    """Draw a titled line chart with y gridlines, x labels at the ends and a legend."""
    pygame.draw.rect(surface, theme.blend(theme.PAPER, pygame.Color("white"), 0.3), rect)
    pygame.draw.rect(surface, theme.INK_FAINT, rect, 1)
    ink = tuple(theme.INK)[:3]
    muted = tuple(theme.INK_MUTED)[:3]
    small = round(11 * scale)
    pad = round(8 * scale)
    head = theme.text("serif_bold", round(13 * scale), title, ink)
    surface.blit(head, (rect.x + pad, rect.y + pad // 2))
    legend_h = round(16 * scale) * ((len(series) + 2) // 3)
    plot = pygame.Rect(
        rect.x + round(36 * scale),
        rect.y + head.get_height() + pad,
        rect.w - round(36 * scale) - pad,
        rect.h - head.get_height() - 2 * pad - legend_h - round(14 * scale),
    )
    if plot.w < 20 or plot.h < 20:
        return
    values = [v for s in series for v in s.values if v is not None]
    if bounds is None:
        low, high = _nice_bounds(min(values, default=0), max(values, default=100))
    else:
        low, high = bounds
    span = max(1e-9, high - low)
    grid = theme.blend(theme.PAPER, theme.INK_FAINT, 0.45)
    for i in range(5):
        value = low + span * i / 4
        y = plot.bottom - plot.h * i / 4
        pygame.draw.line(surface, grid, (plot.x, y), (plot.right, y))
        img = theme.text("sans", small, f"{value:g}", muted)
        surface.blit(img, (plot.x - img.get_width() - 4, y - img.get_height() / 2))
    pygame.draw.line(surface, theme.INK_MUTED, plot.bottomleft, plot.bottomright)
    count = max((len(s.values) for s in series), default=0)
    if x_labels:
        first = theme.text("sans", small, x_labels[0], muted)
        last = theme.text("sans", small, x_labels[-1], muted)
        surface.blit(first, (plot.x, plot.bottom + 2))
        surface.blit(last, (plot.right - last.get_width(), plot.bottom + 2))
    width = max(1, round(2 * scale))
    for s in series:
        pts = [
            (
                plot.x + (plot.w * i / max(1, count - 1) if count > 1 else plot.w / 2),
                plot.bottom - plot.h * (v - low) / span,
            )
            for i, v in enumerate(s.values)
            if v is not None
        ]
        if len(pts) >= 2:
            pygame.draw.lines(surface, s.colour, False, pts, width)
        for p in pts[-1:]:
            pygame.draw.circle(surface, s.colour, p, width + 1)
    lx, ly = rect.x + pad, rect.bottom - legend_h - pad // 2
    col_w = (rect.w - 2 * pad) // 3
    for i, s in enumerate(series):
        x = lx + (i % 3) * col_w
        y = ly + (i // 3) * round(16 * scale)
        pygame.draw.line(
            surface, s.colour, (x, y + 7 * scale), (x + 14 * scale, y + 7 * scale), width + 1
        )
        img = theme.text("sans", small, s.name, ink)
        surface.blit(img, (x + 18 * scale, y))
