"""The diplomacy tab: relations of the player (and of the selected country) as bars."""

from __future__ import annotations

import pygame

from game.rules.lexicon import fmt_num
from game.ui import theme
from game.ui.flag import draw_flag
from game.ui.map_style import relation
from game.ui.panels.base import Panel


class DiplomacyPanel(Panel):
    """Relations as centred bars from hostile to friendly."""

    title = "Diplomacy"

    def render(self, surf: pygame.Surface) -> int:
        """Draw one block of bars per country of interest."""
        y = self.px(10)
        shown = [self.viewer]
        if self.screen.selected and self.screen.selected != self.viewer:
            shown.append(self.screen.selected)
        for cid in shown:
            y = self._block(surf, cid, y) + self.px(14)
        return y

    def _block(self, surf: pygame.Surface, cid: str, y: int) -> int:
        """Draw the relations of one country with every other."""
        game = self.game
        sc = game.scenario
        ink, muted = tuple(theme.INK)[:3], tuple(theme.INK_MUTED)[:3]
        pad = self.px(12)
        w = self.rect.w - 2 * pad
        head = theme.text("serif_bold", self.px(15), f"Relations of {game.name(cid)}", ink)
        surf.blit(head, (pad, y))
        y += head.get_height() + self.px(6)
        low, high = sc.relations.min, sc.relations.max
        top = max(abs(low), abs(high), 1)
        palette = self.screen.app.settings.palette
        for other in sc.countries:
            if other == cid:
                continue
            value = relation(game, cid, other)
            flag = pygame.Rect(pad, y + self.px(2), self.px(21), self.px(14))
            draw_flag(surf, flag, sc.countries[other].flag)
            name = theme.text("sans", self.px(13), game.name(other), ink)
            surf.blit(name, (flag.right + self.px(6), y))
            num = theme.text("sans_bold", self.px(13), fmt_num(round(value, 1)), ink)
            surf.blit(num, (pad + w - num.get_width(), y))
            y += name.get_height() + self.px(1)
            bar = pygame.Rect(pad, y, w, self.px(8))
            pygame.draw.rect(surf, theme.PAPER_DARK, bar)
            mid = bar.x + bar.w // 2
            length = round(bar.w / 2 * abs(value) / top)
            colour = theme.diverging(value / top * 1.6, palette)
            fill = pygame.Rect(mid if value >= 0 else mid - length, bar.y, length, bar.h)
            pygame.draw.rect(surf, colour, fill)
            pygame.draw.rect(surf, theme.INK_FAINT, bar, 1)
            pygame.draw.line(surf, theme.INK, (mid, bar.y - 2), (mid, bar.bottom + 1))
            y = bar.bottom + self.px(9)
        legend = theme.text("sans_italic", self.px(11), "hostile  ←  0  →  friendly", muted)
        surf.blit(legend, (pad + (w - legend.get_width()) // 2, y))
        return y + legend.get_height()
