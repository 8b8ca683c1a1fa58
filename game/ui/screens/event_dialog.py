"""The event dialog: title, date, text, history note and options with their effects."""

from __future__ import annotations

import html

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.engine.commands import ChooseOption
from game.model.state import LogEntry
from game.ui import layout, paper
from game.ui.screens.base import Screen
from game.ui.session import Session


def esc(text: str) -> str:
    """Escape text for pygame_gui's HTML subset."""
    return html.escape(text, quote=False)


class EventDialog(Screen):
    """Show an event waiting for the viewer's answer, or reread a past one."""

    opaque = False
    name = "event"

    def __init__(
        self,
        app,
        session: Session,
        event_id: str,  # type: ignore[no-untyped-def]
        reread: LogEntry | None = None,
    ) -> None:
        self.session = session
        self.event_id = event_id
        self.reread = reread
        self.show_history = False
        self.error = ""
        super().__init__(app)

    def build(self) -> None:
        """Lay out the card: heading, text, history toggle, options."""
        game = self.session.game
        event = game.scenario.events[self.event_id]
        d = event.d
        self.card = layout.centred(self.app.size, self.px(760), self.px(660))
        c = self.card
        m = self.manager
        pad = self.px(26)
        x, w = c.x + pad, c.w - 2 * pad
        UILabel(pygame.Rect(x, c.y + pad, w, self.px(36)), d.title, m, object_id="#heading")
        month = self.reread.month if self.reread else game.state.month
        who = game.name(d.country) if d.country in game.scenario.countries else ""
        UILabel(
            pygame.Rect(x, c.y + pad + self.px(36), w, self.px(22)),
            f"{game.date_text(month)}  ·  {who}",
            m,
            object_id="#muted",
        )
        self.options = (
            game.event_options(self.session.viewer, self.event_id) if not self.reread else []
        )
        n_opts = len(self.options) if not self.reread else 0
        opt_h = self.px(74)
        footer = self.px(44) + pad
        options_h = n_opts * opt_h
        text_top = c.y + pad + self.px(66)
        text_h = c.bottom - pad - footer - options_h - text_top
        body = esc(d.text).replace("\n", "<br>")
        if self.show_history and d.history:
            body += f"<br><br><font color='#6b5842'><i><b>History.</b> {esc(d.history)}</i></font>"
        if self.reread:
            chosen = self.reread.option or "(no answer recorded)"
            body += f"<br><br><b>Answer:</b> {esc(chosen)}"
        self.text = UITextBox(
            body, pygame.Rect(x, text_top, w, max(self.px(80), text_h)), m, object_id="#detail_text"
        )
        y = text_top + max(self.px(80), text_h) + self.px(8)
        self.option_buttons: dict[str, UIButton] = {}
        for i, view in enumerate(self.options):
            label = f"{i + 1}.  {view.option.d.text}"
            button = UIButton(
                pygame.Rect(x, y, w, self.px(34)), label, m, object_id="#option_button"
            )
            if not view.ok:
                button.disable()
            self.option_buttons[view.option.id] = button
            effects = "; ".join(view.effects) if view.effects else "No direct effect"
            note = effects if view.ok else f"Not possible: {'; '.join(view.reasons)}"
            UILabel(
                pygame.Rect(x + self.px(12), y + self.px(34), w - self.px(12), self.px(26)),
                note,
                m,
                object_id="#muted",
            )
            y += opt_h
        by = c.bottom - pad - self.px(40)
        self.history_button = UIButton(
            pygame.Rect(x, by, self.px(200), self.px(40)),
            "Hide history" if self.show_history else "History note (H)",
            m,
        )
        if not d.history:
            self.history_button.disable()
        self.close_button: UIButton | None = None
        if self.reread:
            self.close_button = UIButton(
                pygame.Rect(c.right - pad - self.px(150), by, self.px(150), self.px(40)), "Close", m
            )
        self.error_label = UILabel(
            pygame.Rect(x + self.px(210), by, w - self.px(210), self.px(40)),
            self.error,
            m,
            object_id="#muted",
        )

    def choose(self, index: int) -> None:
        """Answer the event with option number index (0-based)."""
        if self.reread or not 0 <= index < len(self.options):
            return
        view = self.options[index]
        if not view.ok:
            return
        cmd = ChooseOption(country=self.session.viewer, event=self.event_id, option=view.option.id)
        error = self.session.apply(cmd)
        if error:
            self.error = error
            self.error_label.set_text(error)
            return
        self.app.pop(self)

    def toggle_history(self) -> None:
        """Show or hide the history note."""
        if not self.session.game.scenario.events[self.event_id].d.history:
            return
        self.show_history = not self.show_history
        self.rebuild()

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer option buttons, keys 1-4, H, and Esc for rereads."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.history_button:
                self.toggle_history()
            elif event.ui_element is self.close_button:
                self.app.pop(self)
            for i, view in enumerate(self.options):
                if event.ui_element is self.option_buttons.get(view.option.id):
                    self.choose(i)
        elif event.type == pygame.KEYDOWN:
            if pygame.K_1 <= event.key <= pygame.K_4:
                self.choose(event.key - pygame.K_1)
            elif pygame.K_KP1 <= event.key <= pygame.K_KP4:
                self.choose(event.key - pygame.K_KP1)
            elif event.key == pygame.K_h:
                self.toggle_history()
            elif event.key == pygame.K_ESCAPE and self.reread:
                self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim the game, then draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
