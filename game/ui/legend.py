"""The map's legend: what the colours of the current mode mean, and each country's value."""

from __future__ import annotations

import attrs
import pygame

from game.engine.view import CountryView
from game.locale import _
from game.rules.lexicon import fmt_num
from game.ui import map_style, theme

STEPS = 5


@attrs.frozen
class Legend:
    """A title and swatches: a colour scale with values, or categories."""

    title: str
    swatches: tuple[tuple[pygame.Color, str], ...]
    scale: bool
    note: str = ""


def _relations(view: CountryView, palette: str) -> Legend:
    """Return the relations scale, from hostile to friendly, with its values."""
    rel = view.game.scenario.relations
    top = max(abs(rel.min), abs(rel.max), 1)
    values = [rel.min + (rel.max - rel.min) * i / (STEPS - 1) for i in range(STEPS)]
    swatches = tuple((theme.diverging(v / top, palette), fmt_num(round(v))) for v in values)
    you = (theme.blend(theme.PAPER, theme.INK_FAINT, 0.5), _("you"))
    return Legend(_("Relations with you"), (*swatches, you), True, _("hostile ← → friendly"))


def _stat(view: CountryView, stat: str, palette: str) -> Legend:
    """Return the scale of one stat, from its lowest to its highest value."""
    d = view.game.scenario.stats[stat]
    values = [d.min + (d.max - d.min) * i / (STEPS - 1) for i in range(STEPS)]
    span = max(1e-9, d.max - d.min)
    swatches = tuple(
        (theme.sequential((v - d.min) / span, palette), fmt_num(round(v))) for v in values
    )
    note = _("secret elsewhere: the middle of your estimate") if d.secret else ""
    return Legend(d.name, swatches, True, note)


def _treaties(view: CountryView, palette: str) -> Legend:
    """Return the two categories of the treaties mode and what the lines are."""
    game = view.game
    colour = map_style.country_colour(game, view.viewer, palette)
    bound = (theme.blend(colour, theme.PAPER, 0.25), _("full colour: in a treaty you know of"))
    free = (theme.blend(colour, theme.PAPER, 0.7), _("faded: in none"))
    return Legend(_("Treaties"), (bound, free), False, _("lines join the parties' capitals"))


def _political(view: CountryView, palette: str) -> Legend:
    """Return the colours of the playable powers; the rest are named on the map."""
    game = view.game
    powers = game.scenario.meta.playable
    swatches = tuple((map_style.country_colour(game, c, palette), game.name(c)) for c in powers)
    return Legend(_("Countries"), swatches, False, _("others named on the map"))


def legend_for(view: CountryView, mode: str, palette: str) -> Legend:
    """Return the legend of a map mode."""
    if mode == "relations":
        return _relations(view, palette)
    if mode == "treaties":
        return _treaties(view, palette)
    if mode.startswith("stat:") and mode[5:] in view.game.scenario.stats:
        return _stat(view, mode[5:], palette)
    return _political(view, palette)


def mode_value(view: CountryView, mode: str, cid: str) -> str:
    """Return what the current mode paints for one country, as the hover card's line."""
    game = view.game
    if mode == "relations":
        if cid == view.viewer:
            return _("You")
        return _("Relations with you: {value}").format(
            value=fmt_num(round(map_style.relation(game, view.viewer, cid)))
        )
    if mode == "treaties":
        names = [
            game.scenario.treaties[t.id].d.name
            for t in game.treaties_known_to(view.viewer)
            if cid in t.parties
        ]
        return _("Treaties: ") + (", ".join(names) if names else _("none you know of"))
    if mode.startswith("stat:") and mode[5:] in game.scenario.stats:
        reading = view.stat(cid, mode[5:])
        estimate = _(" (estimate)") if reading.estimate else ""
        return f"{game.scenario.stats[mode[5:]].name}: {reading.text()}{estimate}"
    return ""


def render_legend(legend: Legend, scale: float) -> pygame.Surface:
    """Draw the legend on a small paper card."""
    ink, muted = tuple(theme.INK)[:3], tuple(theme.INK_MUTED)[:3]
    pad, box = round(7 * scale), round(14 * scale)
    title = theme.text("sans_bold", round(12 * scale), legend.title, ink)
    labels = [theme.text("sans", round(11 * scale), text, ink) for _skip, text in legend.swatches]
    note = theme.text("sans_italic", round(11 * scale), legend.note, muted) if legend.note else None
    if legend.scale:
        cell = max(box * 2, max(label.get_width() for label in labels) + round(4 * scale))
        body_w, body_h = cell * len(labels), box + labels[0].get_height()
    else:
        cell = 0
        body_w = max(box + pad + label.get_width() for label in labels)
        body_h = len(labels) * (max(box, labels[0].get_height()) + round(2 * scale))
    widths = [title.get_width(), body_w, note.get_width() if note else 0]
    w = max(widths) + 2 * pad
    h = 2 * pad + title.get_height() + round(4 * scale) + body_h
    h += note.get_height() + round(2 * scale) if note else 0
    surf = pygame.Surface((w, h))
    surf.fill(theme.blend(theme.PAPER, pygame.Color("white"), 0.4))
    pygame.draw.rect(surf, theme.INK, surf.get_rect(), max(1, round(scale)))
    surf.blit(title, (pad, pad))
    y = pad + title.get_height() + round(4 * scale)
    for i, ((colour, _skip), label) in enumerate(zip(legend.swatches, labels, strict=True)):
        if legend.scale:
            x = pad + i * cell
            pygame.draw.rect(surf, colour, (x, y, cell, box))
            pygame.draw.rect(surf, theme.INK_FAINT, (x, y, cell, box), 1)
            surf.blit(label, (x + (cell - label.get_width()) // 2, y + box))
        else:
            row = y + i * (max(box, label.get_height()) + round(2 * scale))
            pygame.draw.rect(surf, colour, (pad, row, box, box))
            pygame.draw.rect(surf, theme.INK, (pad, row, box, box), 1)
            surf.blit(label, (pad + box + pad, row))
    if note:
        surf.blit(note, (pad, h - pad - note.get_height()))
    return surf
