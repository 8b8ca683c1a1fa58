"""A treaty proposal waiting for the viewer: the terms, the viewer's reasons, accept or refuse."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.engine.commands import AnswerProposal
from game.engine.diplomacy import Verdict
from game.engine.negotiation import TreatyView
from game.locale import _
from game.model.state import Proposal
from game.rules.effects import signed
from game.ui import keys, layout
from game.ui.screens.card import Card
from game.ui.screens.event_dialog import esc
from game.ui.session import Session


def terms_html(view: TreatyView, if_signed: str, if_refused: str) -> str:
    """Return what a treaty does when signed, each turn while it holds, and when refused."""
    d = view.treaty.d
    body = if_signed + esc("; ".join(view.on_sign) or _("no direct effect"))
    if view.per_turn:
        term = (
            _("for {duration} turns").format(duration=d.duration)
            if d.duration
            else _("while it is in force")
        )
        body += _("<br><b>Each turn {term}:</b> ").format(term=term) + esc("; ".join(view.per_turn))
    return body + if_refused + esc("; ".join(view.on_refused) or _("nothing follows"))


def verdict_words(game, verdict: Verdict) -> str:  # type: ignore[no-untyped-def]
    """Return "Soviet Russia would accept (+14): Relations +8, …"."""
    answer = _("would accept") if verdict.accepts else _("would refuse")
    reasons = ", ".join(f"{why} {signed(value)}" for why, value in verdict.reasons)
    return f"{game.name(verdict.party)} {answer} ({signed(verdict.total)}): {reasons}"


class ProposalDialog(Card):
    """Ask the viewer to accept or refuse a treaty another country proposes."""

    name = "proposal"

    def __init__(self, app, session: Session, proposal: Proposal) -> None:  # type: ignore[no-untyped-def]
        self.session = session
        self.proposal = proposal
        super().__init__(app)

    def build(self) -> None:
        """Lay out the card: heading, terms, the viewer's reasons, two answers."""
        game, me, m = self.session.game, self.session.viewer, self.manager
        view = game.answer_view(me, self.proposal)
        d = view.treaty.d
        width = min(self.px(760), self.app.size[0] - self.px(40))
        height = min(self.px(560), self.app.size[1] - self.px(40))
        self.card = c = layout.centred(self.app.size, width, height)
        pad = self.px(26)
        x, w = c.x + pad, c.w - 2 * pad
        UILabel(pygame.Rect(x, c.y + pad, w, self.px(36)), d.name, m, object_id="#heading")
        others = [game.name(p) for p in self.proposal.invited if p != me]
        proposer = game.name(self.proposal.proposer)
        line = _("{value}  ·  proposed by {proposer}").format(
            value=game.date_text(self.proposal.month), proposer=proposer
        )
        if others:
            line += _("  ·  also invited: ") + ", ".join(others)
        UILabel(
            pygame.Rect(x, c.y + pad + self.px(36), w, self.px(22)), line, m, object_id="#muted"
        )
        body = esc(d.description) + "<br><br>" if d.description else ""
        body += terms_html(view, _("<b>If you accept:</b> "), _("<br><b>If you refuse:</b> "))
        body += _("<br><br><b>Your reasons:</b> ") + esc(verdict_words(game, view.verdicts[0]))
        if d.history:
            body += _("<br><br><font color='#6b5842'><i><b>History.</b> {value}</i></font>").format(
                value=esc(d.history)
            )
        top = c.y + pad + self.px(70)
        buttons_y = c.bottom - pad - self.px(44)
        UITextBox(
            body, pygame.Rect(x, top, w, buttons_y - top - self.px(10)), m, object_id="#detail_text"
        )
        half = (w - self.px(12)) // 2
        self.accept_button = UIButton(
            pygame.Rect(x, buttons_y, half, self.px(44)), _("1.  Accept"), m
        )
        self.refuse_button = UIButton(
            pygame.Rect(x + half + self.px(12), buttons_y, half, self.px(44)), _("2.  Refuse"), m
        )
        self.error_label = UILabel(
            pygame.Rect(x, buttons_y - self.px(26), w, self.px(22)),
            self.error,
            m,
            object_id="#muted",
        )

    def answer(self, accept: bool) -> None:
        """Send the viewer's answer and close the card."""
        cmd = AnswerProposal(self.session.viewer, self.proposal.number, accept)
        self.send(cmd)

    def on_event(self, event: pygame.event.Event) -> None:
        """Accept and Refuse buttons, keys 1 and 2."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.accept_button:
                self.answer(True)
            elif event.ui_element is self.refuse_button:
                self.answer(False)
        name = keys.command("proposal", event)
        if name in ("accept", "refuse"):
            self.answer(name == "accept")
