"""The hover card for a country on the map."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.rules.lexicon import fmt_num
from game.ui import theme
from game.ui.map_style import relation


def country_tooltip(
    game: Game, cid: str, region: str | None, viewer: str, scale: float
) -> pygame.Surface | None:
    """Render a small card: country, region, relation with the viewer and key stats."""
    sc = game.scenario
    if cid not in sc.countries:
        return None
    ink, muted = tuple(theme.INK)[:3], tuple(theme.INK_MUTED)[:3]
    lines: list[pygame.Surface] = [theme.text("serif_bold", round(15 * scale), game.name(cid), ink)]
    if region and region in sc.regions:
        lines.append(theme.text("sans_italic", round(12 * scale), sc.regions[region].name, muted))
    if cid != viewer:
        rel = fmt_num(round(relation(game, viewer, cid), 1))
        lines.append(theme.text("sans", round(12 * scale), f"Relations with you: {rel}", ink))
    for stat in sc.key_stats(cid):
        value = game.state.stats[cid].get(stat, sc.stats[stat].default)
        text = f"{sc.stats[stat].name}: {fmt_num(round(value, 1))}"
        lines.append(theme.text("sans", round(12 * scale), text, ink))
    lines.append(theme.text("sans_italic", round(11 * scale), "Click to select", muted))
    pad = round(8 * scale)
    w = max(line.get_width() for line in lines) + 2 * pad
    h = sum(line.get_height() for line in lines) + 2 * pad
    surf = pygame.Surface((w, h))
    surf.fill(theme.blend(theme.PAPER, pygame.Color("white"), 0.4))
    pygame.draw.rect(surf, theme.INK, surf.get_rect(), max(1, round(scale)))
    y = pad
    for line in lines:
        surf.blit(line, (pad, y))
        y += line.get_height()
    return surf
