"""Propose a treaty, or break one: the terms, what each party would answer, and a confirmation."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.engine.commands import BreakTreaty, ProposeTreaty
from game.locale import _
from game.rules.effects import describe_all
from game.rules.types import Env
from game.ui import layout
from game.ui.screens.card import Card
from game.ui.screens.event_dialog import esc
from game.ui.screens.proposal_dialog import terms_html, verdict_words
from game.ui.session import Session


class TreatyDialog(Card):
    """Confirm a proposal (mode "propose") or the breaking of a treaty (mode "break")."""

    name = "treaty"

    def __init__(  # type: ignore[no-untyped-def]
        self, app, session: Session, mode: str, treaty: str, partner: str | None = None
    ) -> None:
        self.session = session
        self.mode = mode
        self.treaty = treaty
        self.partner = partner
        super().__init__(app)

    def _propose_html(self) -> tuple[str, bool]:
        game, me = self.session.game, self.session.viewer
        view = game.treaty_view(me, self.treaty, self.partner)
        d = view.treaty.d
        names = ", ".join(game.name(p) for p in view.invited) or _("nobody yet")
        body = esc(d.description) + "<br><br>" if d.description else ""
        body += _("<b>Proposed to:</b> {value}  ·  <b>Cost:</b> {cost} AP<br>").format(
            value=esc(names), cost=d.cost
        )
        body += terms_html(view, _("<b>If signed:</b> "), _("<br><b>If refused:</b> "))
        body += "<br><br>" + "<br>".join(esc(verdict_words(game, v)) for v in view.verdicts)
        if not view.ok:
            body += _("<br><br><b>Not possible now:</b> ") + esc("; ".join(view.reasons))
        return body, view.ok

    def _break_html(self) -> tuple[str, bool]:
        game, me = self.session.game, self.session.viewer
        treaty = game.scenario.treaties[self.treaty]
        found = next(t for t in game.state.treaties if t.id == self.treaty and me in t.parties)
        other = next((p for p in found.parties if p != me), None)
        words = describe_all(treaty.on_break, game.state, Env(me, other), game.scenario.lex)
        body = _("<b>Parties:</b> {value}<br>").format(
            value=esc(", ".join(game.name(p) for p in found.parties))
        )
        body += _("<b>If you break it:</b> ") + esc("; ".join(words) or _("no direct effect"))
        return body, treaty.d.breakable

    def build(self) -> None:
        """Lay out the card: heading, terms and answers, confirm and cancel."""
        m = self.manager
        body, ok = self._propose_html() if self.mode == "propose" else self._break_html()
        d = self.session.game.scenario.treaties[self.treaty].d
        width = min(self.px(760), self.app.size[0] - self.px(40))
        height = min(self.px(520), self.app.size[1] - self.px(40))
        self.card = c = layout.centred(self.app.size, width, height)
        pad = self.px(26)
        x, w = c.x + pad, c.w - 2 * pad
        UILabel(pygame.Rect(x, c.y + pad, w, self.px(36)), d.name, m, object_id="#heading")
        top = c.y + pad + self.px(46)
        buttons_y = c.bottom - pad - self.px(44)
        box = pygame.Rect(x, top, w, buttons_y - top - self.px(32))
        UITextBox(body, box, m, object_id="#detail_text")
        half = (w - self.px(12)) // 2
        label = _("Propose (Enter)") if self.mode == "propose" else _("Break it (Enter)")
        self.confirm_button = UIButton(pygame.Rect(x, buttons_y, half, self.px(44)), label, m)
        if not ok:
            self.confirm_button.disable()
        self.cancel_button = UIButton(
            pygame.Rect(x + half + self.px(12), buttons_y, half, self.px(44)), _("Cancel (Esc)"), m
        )
        self.error_label = UILabel(
            pygame.Rect(x, buttons_y - self.px(28), w, self.px(22)),
            self.error,
            m,
            object_id="#muted",
        )

    def confirm(self) -> None:
        """Send the proposal or the breach, and close."""
        me = self.session.viewer
        if self.mode == "propose":
            parties = (self.partner,) if self.partner else ()
            cmd: ProposeTreaty | BreakTreaty = ProposeTreaty(me, self.treaty, parties)
        else:
            cmd = BreakTreaty(me, self.treaty)
        self.send(cmd)

    def on_event(self, event: pygame.event.Event) -> None:
        """Confirm with the button or Enter; cancel with the button or Esc."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.confirm_button:
                self.confirm()
            elif event.ui_element is self.cancel_button:
                self.app.pop(self)
        elif event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.confirm_button.is_enabled:
                self.confirm()
            elif event.key == pygame.K_ESCAPE:
                self.app.pop(self)
