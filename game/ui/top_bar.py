"""The top bar: flag and name, date, turn, every key stat with its change this turn, points.

When the window is narrow the bar compresses step by step (short labels, no country
name, smaller type) but never drops a stat; hovering a stat shows its full name.
"""

from __future__ import annotations

import attrs
import pygame

from game.engine.game import Game
from game.engine.view import CountryView, Reading
from game.locale import _
from game.ui import number_tips, theme
from game.ui.flag import draw_flag
from game.ui.history import delta_text, good_colour_sign, turn_start


@attrs.frozen
class BarItem:
    """One stat of the bar: its names, the reading, the change this turn and its direction."""

    name: str
    short: str
    description: str
    reading: Reading
    delta: float
    good: str
    tip: str = ""


@attrs.frozen
class BarStyle:
    """One step of compression: which labels and how big the type is."""

    short: bool
    name: bool
    size: float
    gap: float


STYLES = [
    BarStyle(False, True, 1.0, 18),
    BarStyle(True, True, 1.0, 14),
    BarStyle(True, False, 1.0, 12),
    BarStyle(True, False, 0.85, 8),
    BarStyle(True, False, 0.72, 5),
]


SHORT_LETTERS = 12  # a name this long or shorter stands whole in the compact bar
VOWELS = frozenset("aeiouyäöüAEIOUYÄÖÜаеёиоуыэюяАЕЁИОУЫЭЮЯ")


def short_label(name: str, short: str) -> str:
    """Return the short label of a stat: its own, or its name cut before a vowel, with a stop."""
    if short:
        return short
    if len(name) <= SHORT_LETTERS:
        return name
    cut = name[: SHORT_LETTERS - 2].rstrip()
    # An abbreviation ends on a consonant ("Stabilit.", "Умиротв."), never inside a short word.
    while len(cut) > 3 and (cut[-1] in VOWELS or not cut[-1].isalpha()):
        cut = cut[:-1]
    if " " in cut and len(cut) - cut.rindex(" ") <= 3:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "."


def global_direction(game: Game, viewer: str, name: str) -> str:
    """Return which way a global is good for the viewer: its AI weight's sign, else the default."""
    stated = game.scenario.globals[name].good
    weight = game.scenario.countries[viewer].ai.globals.get(name, 0.0)
    if stated or not weight:
        return stated or "none"
    return "up" if weight > 0 else "down"


def stat_items(game: Game, view: CountryView) -> list[BarItem]:
    """Return the viewer's key stats and the key globals as the viewer sees them."""
    sc, viewer = game.scenario, view.viewer
    items: list[BarItem] = []
    for stat in sc.key_stats(viewer):
        d = sc.stats[stat]
        reading = view.stat(viewer, stat)
        start = turn_start(game, f"{viewer}.{stat}", reading.value)
        delta = reading.value - start if reading.exact else 0.0
        items.append(
            BarItem(
                d.name,
                short_label(d.name, d.short),
                d.description,
                reading,
                delta,
                d.good or "up",
                number_tips.stat_tip(view, viewer, stat),
            )
        )
    for g in sc.meta.key_globals:
        d = sc.globals[g]
        reading = view.global_(g)
        delta = reading.value - turn_start(game, g, reading.value) if reading.exact else 0.0
        items.append(
            BarItem(
                d.name,
                short_label(d.name, d.short),
                d.description,
                reading,
                delta,
                global_direction(game, viewer, g),
                number_tips.global_tip(view, g),
            )
        )
    return items


def delta_colour(item: BarItem) -> tuple[int, int, int]:
    """Return the colour of a change: good, bad or neutral for the country."""
    sign = good_colour_sign(item.good, item.delta)
    colour = theme.GOOD if sign > 0 else theme.BAD if sign < 0 else theme.INK_MUTED
    return (colour.r, colour.g, colour.b)


class TopBar:
    """Lay out and draw the bar; remember where each stat is for its tooltip."""

    def __init__(self, game: Game, view: CountryView, size: tuple[int, int], scale: float) -> None:
        self.game = game
        self.view = view
        self.size = size
        self.scale = scale
        self.items = stat_items(game, view)
        self.hits: list[tuple[pygame.Rect, str]] = []
        self.style = STYLES[-1]
        self.fits = False

    def _fonts(self, style: BarStyle) -> dict[str, tuple[str, int]]:
        """Return the font kind and pixel size of each part of the bar."""
        k = self.scale * style.size
        return {
            "name": ("serif_bold", round(19 * k)),
            "date": ("serif", round(16 * k)),
            "turn": ("sans", round(12 * k)),
            "label": ("sans", round(11 * k)),
            "value": ("sans_bold", round(16 * k)),
            "delta": ("sans", round(12 * k)),
        }

    def _w(self, style: BarStyle, part: str, text: str) -> int:
        """Return the width of a text in one part's font."""
        kind, size = self._fonts(style)[part]
        return theme.font(kind, size).size(text)[0] if text else 0

    def _item_w(self, style: BarStyle, item: BarItem) -> int:
        """Return the width one stat takes."""
        label = item.short if style.short else item.name
        value = self._w(style, "value", item.reading.text())
        delta = self._w(style, "delta", delta_text(item.delta))
        return max(
            self._w(style, "label", label), value + (delta + round(4 * self.scale) if delta else 0)
        )

    def _ap_w(self, style: BarStyle) -> int:
        """Return the width of the action points block."""
        total = max(
            self.game.state.ap.get(self.view.viewer, 0), self.game.scenario.meta.action_points
        )
        r = round(6 * self.scale * style.size)
        dots = total * (2 * r + round(5 * self.scale))
        return max(
            dots, self._w(style, "label", _("Action points") if not style.short else _("AP"))
        )

    def width(self, style: BarStyle) -> int:
        """Return the width the bar needs in one style (without the reserve on the right)."""
        pad = round(12 * self.scale)
        w = pad + round(42 * self.scale * style.size) + pad
        if style.name:
            w += self._w(style, "name", self.game.name(self.view.viewer)) + 2 * pad
        st, turns = self.game.state, self.game.scenario.turns
        date = self._w(style, "date", self.game.date_text())
        turn = self._w(
            style,
            "turn",
            _("Turn {value} of {turns}").format(value=min(st.turn + 1, turns), turns=turns),
        )
        w += max(date, turn) + 2 * pad
        w += sum(self._item_w(style, i) + round(style.gap * self.scale) for i in self.items)
        return w + self._ap_w(style) + pad

    def choose(self, room: int) -> BarStyle:
        """Pick the least compressed style that fits the room."""
        for style in STYLES:
            if self.width(style) <= room:
                self.style, self.fits = style, True
                return style
        self.style, self.fits = STYLES[-1], False
        return self.style

    def render(self, reserve: int) -> pygame.Surface:
        """Draw the bar onto a new surface; reserve pixels on the right stay free for buttons."""
        w, h = self.size
        style = self.choose(w - reserve)
        fonts = self._fonts(style)
        scale = self.scale
        surf = pygame.Surface(self.size)
        surf.fill(theme.PAPER_DARK)
        pygame.draw.line(surf, theme.INK, (0, h - 2), (w, h - 2), max(1, round(scale)))
        pygame.draw.line(surf, theme.INK_MUTED, (0, h - 5 * scale), (w, h - 5 * scale), 1)
        ink = tuple(theme.INK)[:3]
        muted = tuple(theme.INK_MUTED)[:3]

        def text(part: str, content: str, colour: tuple[int, ...]) -> pygame.Surface:
            kind, size = fonts[part]
            return theme.text(kind, size, content, colour)  # type: ignore[arg-type]

        pad = round(12 * scale)
        cy = (h - 4 * scale) / 2
        x = pad
        game, viewer = self.game, self.view.viewer
        country = game.scenario.countries[viewer]
        flag_rect = pygame.Rect(
            x, 0, round(42 * scale * style.size), round(28 * scale * style.size)
        )
        flag_rect.centery = round(cy)
        draw_flag(surf, flag_rect, country.flag)
        self.hits = [(flag_rect, game.name(viewer))]
        x = flag_rect.right + pad
        if style.name:
            name = text("name", game.name(viewer), ink)
            surf.blit(name, (x, cy - name.get_height() / 2))
            x += name.get_width() + 2 * pad
        st, turns = game.state, game.scenario.turns
        date = text("date", game.date_text(), ink)
        turn = text(
            "turn",
            _("Turn {value} of {turns}").format(value=min(st.turn + 1, turns), turns=turns),
            muted,
        )
        surf.blit(date, (x, cy - date.get_height() + 3 * scale))
        surf.blit(turn, (x, cy + 2 * scale))
        x += max(date.get_width(), turn.get_width()) + 2 * pad
        pygame.draw.line(surf, theme.INK_FAINT, (x - pad, 8 * scale), (x - pad, h - 10 * scale))
        ap_w = self._ap_w(style)
        room = w - reserve - pad - ap_w - x
        need = sum(self._item_w(style, i) for i in self.items)
        gap = max(2, min(round(style.gap * scale), (room - need) // max(1, len(self.items))))
        for item in self.items:
            label = text("label", item.short if style.short else item.name, muted)
            val = text("value", item.reading.text(), ink)
            iw = self._item_w(style, item)
            surf.blit(label, (x, cy - label.get_height() + 2 * scale))
            surf.blit(val, (x, cy + 1 * scale))
            change = delta_text(item.delta)
            if change:
                d = text("delta", change, delta_colour(item))
                surf.blit(d, (x + val.get_width() + 4 * scale, cy + 4 * scale))
            self.hits.append((pygame.Rect(x, 0, iw, h), item.tip))
            x += iw + gap
        ap = st.ap.get(viewer, 0)
        ax = max(x, w - reserve - pad - ap_w)
        ap_label = text("label", _("AP") if style.short else _("Action points"), muted)
        surf.blit(ap_label, (ax, cy - ap_label.get_height() + 2 * scale))
        total = max(ap, game.scenario.meta.action_points)
        r = round(6 * scale * style.size)
        for i in range(total):
            centre = (ax + r + i * (2 * r + round(5 * scale)), round(cy + r + 3 * scale))
            if i < ap:
                pygame.draw.circle(surf, theme.ACCENT, centre, r)
            pygame.draw.circle(surf, theme.INK, centre, r, max(1, round(1.5 * scale)))
        self.hits.append(
            (
                pygame.Rect(ax, 0, ap_w, h),
                _("Action points: {ap} of {total} left").format(ap=ap, total=total),
            )
        )
        self.right = ax + ap_w
        return surf

    def tip_at(self, pos: tuple[int, int]) -> str:
        """Return the tooltip text of what lies under pos ('' for nothing)."""
        for rect, tip in self.hits:
            if rect.collidepoint(pos):
                return tip
        return ""
