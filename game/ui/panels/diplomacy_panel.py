"""The diplomacy tab: treaties in force and to propose, and relations as bars."""

from __future__ import annotations

import pygame

from game.locale import N_, _, month_in_phrase
from game.rules.lexicon import fmt_num
from game.ui import keys, theme
from game.ui.flag import draw_flag
from game.ui.map_style import relation
from game.ui.number_tips import relation_tip
from game.ui.panels.base import Panel
from game.ui.screens.proposal_dialog import verdict_words


class DiplomacyPanel(Panel):
    """Treaties (click one to propose or break it) above relations as centred bars."""

    title = N_("Diplomacy")

    def build(self) -> None:
        """Start with no clickable rows; render records them."""
        self.rows: list[tuple[pygame.Rect, str, str, str | None]] = []
        self.marked: int | None = None

    def render(self, surf: pygame.Surface) -> int:
        """Draw the treaties, then one block of bars per country of interest."""
        self.rows = []
        y = self._treaties(surf, self.px(10)) + self.px(14)
        shown = [self.viewer]
        if self.screen.selected and self.screen.selected != self.viewer:
            shown.append(self.screen.selected)
        for cid in shown:
            y = self._block(surf, cid, y) + self.px(14)
        return y

    def _line(self, surf: pygame.Surface, y: int, text: str, kind: str = "sans") -> int:
        """Draw wrapped text across the panel; return the y below it."""
        pad = self.px(12)
        colour = tuple(theme.INK if kind != "sans_italic" else theme.INK_MUTED)[:3]
        font = theme.font(kind, self.px(13))
        image = font.render(text, True, colour, wraplength=self.rect.w - 2 * pad - self.px(8))
        surf.blit(image, (pad, y))
        return y + image.get_height() + self.px(3)

    def _row(
        self,
        surf: pygame.Surface,
        y: int,
        lines: list[str],
        mode: str,
        tid: str,
        partner: str | None,
    ) -> int:
        """Draw a clickable treaty row with a frame; remember where it is."""
        pad = self.px(12)
        top = y
        y = self._line(surf, y + self.px(4), lines[0], "sans_bold")
        for extra in lines[1:]:
            y = self._line(surf, y, extra, "sans")
        rect = pygame.Rect(pad - self.px(4), top, self.rect.w - 2 * pad + self.px(8), y - top + 2)
        marked = self.marked == len(self.rows)
        colour, width = (theme.ACCENT, self.px(2)) if marked else (theme.INK_FAINT, 1)
        pygame.draw.rect(surf, colour, rect, max(1, width), border_radius=self.px(3))
        self.rows.append((rect, mode, tid, partner))
        return y + self.px(6)

    def _treaties(self, surf: pygame.Surface, y: int) -> int:
        """Draw the treaties in force that the viewer knows, and those it could propose."""
        game, me = self.game, self.viewer
        ink = tuple(theme.INK)[:3]
        surf.blit(theme.text("serif_bold", self.px(15), _("Treaties"), ink), (self.px(12), y))
        y += self.px(24)
        known = [t for t in game.treaties_known_to(me) if me in t.parties or self._selected(t)]
        for found in known:
            treaty = game.scenario.treaties[found.id]
            names = ", ".join(game.name(p) for p in found.parties)
            since = month_in_phrase(
                game.state.month
                - (game.state.turn - found.signed) * game.scenario.meta.months_per_turn
            )
            lines = [
                treaty.d.name,
                _("In force since {since}: {names}").format(since=since, names=names),
            ]
            if me in found.parties and treaty.d.breakable:
                y = self._row(surf, y, [*lines, _("Click to break it…")], "break", found.id, None)
            else:
                y = self._line(surf, self._line(surf, y, lines[0], "sans_bold"), lines[1])
        return self._offers(
            surf, y if known else self._line(surf, y, _("None in force."), "sans_italic")
        )

    def _selected(self, found: object) -> bool:
        sel = self.screen.selected
        return bool(sel) and sel in getattr(found, "parties", [])

    def _offers(self, surf: pygame.Surface, y: int) -> int:
        """Draw the treaties the viewer could propose to the selected country, with answers."""
        game, me, sel = self.game, self.viewer, self.screen.selected
        if not sel or sel == me:
            return self._line(
                surf,
                y + self.px(4),
                _("Select a country on the map to see the treaties you could propose to it."),
                "sans_italic",
            )
        y += self.px(6)
        y = self._line(surf, y, _("To {value}:").format(value=game.name(sel)), "sans_bold")
        offers = 0
        for treaty in game.scenario.treaties.values():
            d = treaty.d
            if (
                (d.proposers and me not in d.proposers)
                or (d.parties and sel not in d.parties)
                or (not d.parties and d.targets and sel not in d.targets)
            ):
                continue
            view = game.treaty_view(me, d.id, sel if treaty.bilateral else None)
            lines = [_("{name}  ·  {cost} AP").format(name=d.name, cost=d.cost)]
            lines += [verdict_words(game, v) for v in view.verdicts]
            if not view.ok:
                lines.append(_("Not now: ") + "; ".join(view.reasons[:2]))
            y = self._row(surf, y, lines, "propose", d.id, sel if treaty.bilateral else None)
            offers += 1
        if not offers:
            y = self._line(surf, y, _("No treaty you could propose to it."), "sans_italic")
        return y

    def on_key(self, event: pygame.event.Event) -> bool:
        """Move the mark through the treaty rows and open the marked one; True if used."""
        name = keys.command("diplomacy", event)
        if name in ("list_up", "list_down") and self.rows:
            step = -1 if name == "list_up" else 1
            start = -1 if self.marked is None and step > 0 else (self.marked or 0)
            self.marked = (start + step) % len(self.rows)
            self.refresh()
            rect = self.rows[self.marked][0]
            if not self.scroll <= rect.top < self.scroll + self.rect.h - rect.h:
                self.scroll_to(rect.top - self.rect.h // 3)
            return True
        if name == "list_enter" and self.marked is not None and self.marked < len(self.rows):
            self.open_row(self.marked)
            return True
        return False

    def open_row(self, index: int) -> None:
        """Open the dialog that proposes or breaks the treaty of one row."""
        from game.ui.screens.treaty_dialog import TreatyDialog

        _, mode, tid, partner = self.rows[index]
        app = self.screen.app
        app.push(TreatyDialog(app, self.screen.session, mode, tid, partner))

    def refresh(self) -> None:
        """Redraw; forget the mark when the rows it pointed at may have changed."""
        super().refresh()
        if self.marked is not None and self.marked >= max(1, len(self.rows)):
            self.marked = None

    def on_event(self, event: pygame.event.Event) -> None:
        """Open a treaty row's dialog on a click; scroll as every panel does."""
        super().on_event(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if not self.rect.collidepoint(event.pos):
                return
            local = (event.pos[0] - self.rect.x, event.pos[1] - self.rect.y + self.scroll)
            for i, (rect, _, _, _) in enumerate(self.rows):
                if rect.collidepoint(local):
                    self.open_row(i)
                    return

    def _block(self, surf: pygame.Surface, cid: str, y: int) -> int:
        """Draw the relations of one country with every other."""
        game = self.game
        sc = game.scenario
        ink, muted = tuple(theme.INK)[:3], tuple(theme.INK_MUTED)[:3]
        pad = self.px(12)
        w = self.rect.w - 2 * pad
        head = theme.text(
            "serif_bold", self.px(15), _("Relations of {value}").format(value=game.name(cid)), ink
        )
        surf.blit(head, (pad, y))
        y += head.get_height() + self.px(6)
        low, high = sc.relations.min, sc.relations.max
        top = max(abs(low), abs(high), 1)
        palette = self.screen.app.settings.palette
        for other in self.screen.view.present():
            if other == cid:
                continue
            value = relation(game, cid, other)
            top = y
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
            tip = relation_tip(self.screen.view, cid, other)
            self.tips.append((pygame.Rect(pad, top, w, y - top), tip))
        legend = theme.text("sans_italic", self.px(11), _("hostile  ←  0  →  friendly"), muted)
        surf.blit(legend, (pad + (w - legend.get_width()) // 2, y))
        return y + legend.get_height()
