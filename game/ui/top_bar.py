"""The top bar: the viewer's flag and name, date, turn, key stats with changes, action points."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.rules.lexicon import fmt_num
from game.ui import theme
from game.ui.flag import draw_flag


def previous_value(game: Game, key: str, start: float) -> float:
    """Return a series value from one turn back (or the starting value)."""
    series = game.state.series
    if len(series) >= 2:
        return series[-2].get(key, start)
    return start


def stat_items(game: Game, viewer: str) -> list[tuple[str, float, float]]:
    """Return (name, value, change since last turn) for the key stats and globals."""
    sc, st = game.scenario, game.state
    items: list[tuple[str, float, float]] = []
    country = sc.countries[viewer]
    for stat in sc.key_stats(viewer):
        d = sc.stats[stat]
        now = st.stats[viewer].get(stat, d.default)
        start = float(country.stats.get(stat, d.default))
        items.append((d.name, now, now - previous_value(game, f"{viewer}.{stat}", start)))
    for g in sc.meta.key_globals:
        d = sc.globals[g]
        now = st.globals.get(g, d.default)
        items.append((d.name, now, now - previous_value(game, g, d.default)))
    return items


def render_top_bar(
    game: Game, viewer: str, size: tuple[int, int], scale: float, reserve: int
) -> pygame.Surface:
    """Draw the bar onto a new surface; reserve pixels on the right stay free for buttons."""
    w, h = size
    surf = pygame.Surface(size)
    surf.fill(theme.PAPER_DARK)
    pygame.draw.line(surf, theme.INK, (0, h - 2), (w, h - 2), max(1, round(scale)))
    pygame.draw.line(surf, theme.INK_MUTED, (0, h - 5 * scale), (w, h - 5 * scale), 1)
    ink = tuple(theme.INK)[:3]
    muted = tuple(theme.INK_MUTED)[:3]
    pad = round(12 * scale)
    cy = (h - 4 * scale) / 2
    x = pad
    country = game.scenario.countries[viewer]
    flag_rect = pygame.Rect(x, 0, round(42 * scale), round(28 * scale))
    flag_rect.centery = round(cy)
    draw_flag(surf, flag_rect, country.flag)
    x = flag_rect.right + pad
    name = theme.text("serif_bold", round(19 * scale), game.name(viewer), ink)
    surf.blit(name, (x, cy - name.get_height() / 2))
    x += name.get_width() + 2 * pad
    st = game.state
    turns = game.scenario.turns
    date = theme.text("serif", round(16 * scale), game.date_text(), ink)
    turn = theme.text(
        "sans", round(12 * scale), f"Turn {min(st.turn + 1, turns)} of {turns}", muted
    )
    surf.blit(date, (x, cy - date.get_height() + 3 * scale))
    surf.blit(turn, (x, cy + 2 * scale))
    x += max(date.get_width(), turn.get_width()) + 2 * pad
    pygame.draw.line(surf, theme.INK_FAINT, (x - pad, 8 * scale), (x - pad, h - 10 * scale))
    limit = w - reserve - pad
    ap = st.ap.get(viewer, 0)
    ap_w = round(150 * scale)
    for label, value, delta in stat_items(game, viewer):
        top = theme.text("sans", round(11 * scale), label, muted)
        val = theme.text("sans_bold", round(16 * scale), fmt_num(round(value, 1)), ink)
        width = max(top.get_width(), val.get_width() + round(40 * scale))
        if x + width > limit - ap_w:
            break
        surf.blit(top, (x, cy - top.get_height() - 1 * scale + 3 * scale))
        surf.blit(val, (x, cy + 1 * scale))
        if abs(delta) >= 0.05:
            colour = theme.GOOD if delta > 0 else theme.BAD
            sign = "+" if delta > 0 else "−"
            d = theme.text(
                "sans",
                round(12 * scale),
                f"{sign}{fmt_num(round(abs(delta), 1))}",
                tuple(colour)[:3],
            )
            surf.blit(d, (x + val.get_width() + 4 * scale, cy + 4 * scale))
        x += width + round(18 * scale)
    ap_label = theme.text("sans", round(11 * scale), "Action points", muted)
    ax = limit - ap_w + pad
    surf.blit(ap_label, (ax, cy - ap_label.get_height() + 2 * scale))
    total = max(ap, game.scenario.meta.action_points)
    r = round(6 * scale)
    for i in range(total):
        centre = (ax + r + i * (2 * r + round(5 * scale)), round(cy + r + 3 * scale))
        if i < ap:
            pygame.draw.circle(surf, theme.ACCENT, centre, r)
        pygame.draw.circle(surf, theme.INK, centre, r, max(1, round(1.5 * scale)))
    return surf
