"""The hover card for a country on the map."""

from __future__ import annotations

import pygame

from game.engine.view import CountryView
from game.locale import _
from game.rules.lexicon import fmt_num
from game.ui import theme
from game.ui.map_style import relation
from game.ui.text_wrap import wrap


def text_card(content: str, scale: float, width: int) -> pygame.Surface:
    """Render a tooltip card: the first line bold, the rest wrapped to width."""
    ink, muted = tuple(theme.INK)[:3], tuple(theme.INK_MUTED)[:3]
    head, _skip, rest = content.partition("\n")
    lines = [theme.text("sans_bold", round(13 * scale), head, ink)]
    small = theme.font("sans", round(12 * scale))
    for line in wrap(rest, small, width) if rest else []:
        lines.append(theme.text("sans", round(12 * scale), line, muted))
    return _card(lines, scale)


def _card(lines: list[pygame.Surface], scale: float) -> pygame.Surface:
    """Stack rendered lines on a bordered paper card."""
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


def country_tooltip(
    view: CountryView, cid: str, region: str | None, scale: float, painted: str = ""
) -> pygame.Surface | None:
    """Render a small card: country, region, what the map mode paints, relation, key stats."""
    game, viewer = view.game, view.viewer
    sc = game.scenario
    if cid not in sc.countries:
        return None
    ink, muted = tuple(theme.INK)[:3], tuple(theme.INK_MUTED)[:3]
    lines: list[pygame.Surface] = [theme.text("serif_bold", round(15 * scale), game.name(cid), ink)]
    if region and region in sc.regions:
        lines.append(theme.text("sans_italic", round(12 * scale), sc.regions[region].name, muted))
    if painted:
        lines.append(theme.text("sans_bold", round(12 * scale), painted, ink))
    texts: list[str] = []
    if cid != viewer:
        texts.append(
            _("Relations with you: {value}").format(
                value=fmt_num(round(relation(game, viewer, cid), 1))
            )
        )
    for stat in sc.key_stats(cid):
        reading = view.stat(cid, stat)
        texts.append(f"{sc.stats[stat].name}: {reading.text()}")
        if reading.estimate:
            texts[-1] += _(" (estimate)")
    for text in texts:
        if text != painted:
            lines.append(theme.text("sans", round(12 * scale), text, ink))
    lines.append(theme.text("sans_italic", round(11 * scale), _("Click to select"), muted))
    return _card(lines, scale)
