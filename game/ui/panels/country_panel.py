"""The country tab: flag, name, description, stats with bars, modifiers and projects."""

from __future__ import annotations

import pygame

from game.rules.lexicon import fmt_num
from game.ui import theme
from game.ui.flag import draw_flag
from game.ui.panels.base import Panel
from game.ui.secrecy import hidden
from game.ui.text_wrap import draw_block
from game.ui.top_bar import previous_value


class CountryPanel(Panel):
    """Show the selected country (or the player's own)."""

    title = "Country"

    def render(self, surf: pygame.Surface) -> int:
        """Draw the country sheet."""
        game, s = self.game, self.screen.scale
        cid = self.screen.selected or self.viewer
        country = game.scenario.countries[cid]
        st = game.state
        ink, muted = tuple(theme.INK)[:3], tuple(theme.INK_MUTED)[:3]
        pad = self.px(12)
        w = self.rect.w - 2 * pad
        y = pad
        flag = pygame.Rect(pad, y, self.px(54), self.px(36))
        draw_flag(surf, flag, country.flag)
        name = theme.text("serif_bold", self.px(20), game.name(cid), ink)
        surf.blit(name, (flag.right + pad, y))
        role = (
            "You"
            if cid == self.viewer
            else ("Played by a person" if cid in st.humans else "Computer")
        )
        sub = theme.text("sans_italic", self.px(12), role, muted)
        surf.blit(sub, (flag.right + pad, y + name.get_height()))
        y = flag.bottom + pad
        if country.description:
            y = (
                draw_block(
                    surf, country.description, "sans", self.px(13), theme.INK_MUTED, (pad, y), w
                )
                + pad // 2
            )
        self._rule(surf, y)
        y += pad
        for stat, d in game.scenario.stats.items():
            value = st.stats[cid].get(stat, d.default)
            start = float(country.stats.get(stat, d.default))
            delta = value - previous_value(game, f"{cid}.{stat}", start)
            label = theme.text("sans", self.px(13), d.name, ink)
            num = theme.text("sans_bold", self.px(13), fmt_num(round(value, 1)), ink)
            surf.blit(label, (pad, y))
            surf.blit(num, (pad + w - num.get_width(), y))
            if abs(delta) >= 0.05:
                sign = "+" if delta > 0 else "−"
                colour = tuple(theme.GOOD if delta > 0 else theme.BAD)[:3]
                dimg = theme.text(
                    "sans", self.px(12), f"{sign}{fmt_num(round(abs(delta), 1))}", colour
                )
                surf.blit(dimg, (pad + w - num.get_width() - dimg.get_width() - self.px(6), y))
            y += label.get_height()
            bar = pygame.Rect(pad, y, w, self.px(6))
            pygame.draw.rect(surf, theme.PAPER_DARK, bar)
            frac = (value - d.min) / max(1e-9, d.max - d.min)
            pygame.draw.rect(surf, theme.INK_MUTED, (bar.x, bar.y, round(bar.w * frac), bar.h))
            pygame.draw.rect(surf, theme.INK_FAINT, bar, 1)
            y = bar.bottom + self.px(8)
        mods = [m for m in st.modifiers if m.country == cid]
        projects = [
            p
            for p in st.projects
            if p.country == cid and not hidden(game, cid, p.action, self.viewer)
        ]
        if mods or projects:
            self._rule(surf, y)
            y += pad
            head = theme.text("serif_bold", self.px(14), "Under way", ink)
            surf.blit(head, (pad, y))
            y += head.get_height() + self.px(4)
        for m in mods:
            mod = game.scenario.modifiers[m.id].d
            text = f"{mod.name} — {m.turns_left} turn{'s' if m.turns_left != 1 else ''} left"
            y = draw_block(surf, text, "sans_bold", self.px(13), theme.INK, (pad, y), w)
            if mod.description:
                y = draw_block(
                    surf, mod.description, "sans", self.px(12), theme.INK_MUTED, (pad, y), w
                )
            y += self.px(4)
        for p in projects:
            action = game.scenario.actions[p.action].d
            text = f"{action.name} — {p.turns_left} turn{'s' if p.turns_left != 1 else ''} left"
            y = draw_block(surf, text, "sans_bold", self.px(13), theme.ACCENT, (pad, y), w)
        del s
        return y + pad

    def _rule(self, surf: pygame.Surface, y: int) -> None:
        """Draw a thin horizontal rule."""
        pad = self.px(12)
        pygame.draw.line(surf, theme.INK_FAINT, (pad, y), (self.rect.w - pad, y))
