"""Line charts drawn in ink on paper: axes, gridlines, labelled series and a legend."""

from __future__ import annotations

import math

import attrs
import pygame
from babel.numbers import get_decimal_symbol

from game import locale
from game.ui import theme


def axis_label(value: float) -> str:
    """Return an axis value as short as it is exact, with the language's decimal sign."""
    return f"{value:g}".replace(".", get_decimal_symbol(locale.language()))


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


def legend_rows(series: list[Series], width: int, scale: float) -> list[list[int]]:
    """Split series indexes into legend rows that fit the width."""
    rows: list[list[int]] = [[]]
    used = 0
    small = round(11 * scale)
    for i, s in enumerate(series):
        w = round(22 * scale) + theme.font("sans", small).size(s.name)[0] + round(10 * scale)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0
        rows[-1].append(i)
        used += w
    return rows if rows[0] else []


def draw_line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    series: list[Series],
    x_labels: list[str],
    title: str,
    scale: float,
    bounds: tuple[float, float] | None = None,
) -> pygame.Rect:
    """Draw a titled line chart: value axis, dated time axis, lines, and a legend below the plot.

    Return the plot's rect (the framed area the lines are drawn in).
    """
    ink = tuple(theme.INK)[:3]
    muted = tuple(theme.INK_MUTED)[:3]
    small = round(11 * scale)
    pad = round(8 * scale)
    line_h = theme.font("sans", small).get_linesize()
    head = theme.text("serif_bold", round(13 * scale), title, ink)
    surface.blit(head, (rect.x, rect.y))
    values = [v for s in series for v in s.values if v is not None]
    if bounds is None:
        low, high = _nice_bounds(min(values, default=0), max(values, default=100))
    else:
        low, high = bounds
    labels = [axis_label(low + (high - low) * i / 4) for i in range(5)]
    axis_w = max(theme.font("sans", small).size(t)[0] for t in labels) + round(6 * scale)
    rows = legend_rows(series, rect.w, scale)
    legend_h = len(rows) * (line_h + round(2 * scale))
    plot = pygame.Rect(
        rect.x + axis_w,
        rect.y + head.get_height() + pad,
        rect.w - axis_w - round(4 * scale),
        rect.h - head.get_height() - pad - line_h - pad - legend_h,
    )
    if plot.w < 20 or plot.h < 20:
        return plot
    pygame.draw.rect(surface, theme.blend(theme.PAPER, pygame.Color("white"), 0.3), plot)
    span = max(1e-9, high - low)
    grid = theme.blend(theme.PAPER, theme.INK_FAINT, 0.45)
    for i, text in enumerate(labels):
        y = plot.bottom - plot.h * i / 4
        pygame.draw.line(surface, grid, (plot.x, y), (plot.right, y))
        img = theme.text("sans", small, text, muted)
        surface.blit(img, (plot.x - img.get_width() - 4, y - img.get_height() / 2))
    pygame.draw.rect(surface, theme.INK_FAINT, plot, 1)
    count = max((len(s.values) for s in series), default=0)
    if x_labels:
        picks = sorted(
            {0, len(x_labels) - 1} | ({len(x_labels) // 2} if len(x_labels) > 4 else set())
        )
        right: float = plot.x
        for k in picks:
            img = theme.text("sans", small, x_labels[k], muted)
            at = plot.x + (plot.w * k / max(1, count - 1) if count > 1 else plot.w / 2)
            lx = max(plot.x, min(plot.right - img.get_width(), at - img.get_width() / 2))
            if k and lx < right + round(6 * scale):
                continue
            surface.blit(img, (lx, plot.bottom + 2))
            right = lx + img.get_width()
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
    y = plot.bottom + 2 + line_h + pad // 2
    for row in rows:
        x: float = rect.x
        for i in row:
            s = series[i]
            mid = y + line_h / 2
            pygame.draw.line(surface, s.colour, (x, mid), (x + 16 * scale, mid), width + 1)
            img = theme.text("sans", small, s.name, ink)
            surface.blit(img, (x + 20 * scale, y))
            x += round(22 * scale) + img.get_width() + round(10 * scale)
        y += line_h + round(2 * scale)
    return plot
