"""The country tab: flag, name, description, stats with bars, modifiers and projects."""

from __future__ import annotations

import pygame

from game.locale import N_, _, ngettext
from game.ui import theme
from game.ui.flag import draw_flag
from game.ui.history import delta_text, good_colour_sign, turn_start
from game.ui.number_tips import stat_tip
from game.ui.panels.base import Panel
from game.ui.text_wrap import draw_block

PERMANENT = 100_000  # more turns left than any game lasts: a standing rule


def turns_left_text(turns: int) -> str:
    """Return '3 turns left', '1 turn left' or 'permanent'."""
    if turns >= PERMANENT:
        return _("permanent")
    return ngettext("{n} turn left", "{n} turns left", turns).format(n=turns)


class CountryPanel(Panel):
    """Show the selected country (or the player's own)."""

    title = N_("Country")

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
            _("You")
            if cid == self.viewer
            else (_("Played by a person") if cid in st.humans else _("Computer"))
        )
        sub = theme.text("sans_italic", self.px(12), role, muted)
        surf.blit(sub, (flag.right + pad, y + name.get_height()))
        y = flag.bottom + pad
        described = game.scenario.description(cid, st)
        if described:
            y = draw_block(surf, described, "sans", self.px(13), theme.INK_MUTED, (pad, y), w)
            y += pad // 2
        self._rule(surf, y)
        y += pad
        view = self.screen.view
        for stat, d in game.scenario.stats.items():
            top = y
            reading = view.stat(cid, stat)
            value = reading.value
            delta = value - turn_start(game, f"{cid}.{stat}", value) if reading.exact else 0.0
            label = theme.text("sans", self.px(13), d.name, ink)
            shown = reading.text() + ("" if reading.exact else _(" (estimate)"))
            num = theme.text("sans_bold", self.px(13), shown, ink)
            surf.blit(label, (pad, y))
            surf.blit(num, (pad + w - num.get_width(), y))
            change = delta_text(delta)
            if change:
                sign = good_colour_sign(d.good or "up", delta) if cid == self.viewer else 0
                c = theme.GOOD if sign > 0 else theme.BAD if sign < 0 else theme.INK_MUTED
                dimg = theme.text("sans", self.px(12), change, (c.r, c.g, c.b))
                surf.blit(dimg, (pad + w - num.get_width() - dimg.get_width() - self.px(6), y))
            y += label.get_height()
            bar = pygame.Rect(pad, y, w, self.px(6))
            pygame.draw.rect(surf, theme.PAPER_DARK, bar)
            span = max(1e-9, d.max - d.min)
            lo = (reading.low - d.min) / span
            hi = (reading.high - d.min) / span
            if reading.exact:
                pygame.draw.rect(surf, theme.INK_MUTED, (bar.x, bar.y, round(bar.w * hi), bar.h))
            else:
                x0 = bar.x + round(bar.w * lo)
                pygame.draw.rect(
                    surf, theme.INK_FAINT, (x0, bar.y, round(bar.w * (hi - lo)), bar.h)
                )
            pygame.draw.rect(surf, theme.INK_FAINT, bar, 1)
            y = bar.bottom + self.px(8)
            self.tips.append((pygame.Rect(pad, top, w, y - top), stat_tip(view, cid, stat)))
        mods = view.modifiers(cid)
        projects = view.projects(cid)
        if mods or projects:
            self._rule(surf, y)
            y += pad
            head = theme.text("serif_bold", self.px(14), _("Under way"), ink)
            surf.blit(head, (pad, y))
            y += head.get_height() + self.px(4)
        for m in mods:
            mod = game.scenario.modifiers[m.id].d
            text = f"{mod.name} — {turns_left_text(m.turns_left)}"
            y = draw_block(surf, text, "sans_bold", self.px(13), theme.INK, (pad, y), w)
            if mod.description:
                y = draw_block(
                    surf, mod.description, "sans", self.px(12), theme.INK_MUTED, (pad, y), w
                )
            y += self.px(4)
        for p in projects:
            action = game.scenario.actions[p.action].d
            text = f"{action.name} — {turns_left_text(p.turns_left)}"
            y = draw_block(surf, text, "sans_bold", self.px(13), theme.ACCENT, (pad, y), w)
        del s
        return y + pad

    def _rule(self, surf: pygame.Surface, y: int) -> None:
        """Draw a thin horizontal rule."""
        pad = self.px(12)
        pygame.draw.line(surf, theme.INK_FAINT, (pad, y), (self.rect.w - pad, y))
