"""The event dialog: title, date, text, a map inset of the place, options, the history beside."""

from __future__ import annotations

import html

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UIScrollingContainer, UITextBox

from game.engine.commands import ChooseOption
from game.engine.game import Game
from game.locale import _
from game.model.state import LogEntry
from game.ui import keys, layout, paper, theme
from game.ui.inset import Inset, place_of
from game.ui.screens.base import Screen
from game.ui.session import Session
from game.ui.text_wrap import fit, wrap


def esc(text: str) -> str:
    """Escape text for pygame_gui's HTML subset."""
    return html.escape(text, quote=False)


def fired_month(game: Game, event_id: str, country: str) -> int:
    """Return the month the news log gives the waiting event (the turn's month if none)."""
    for entry in reversed(game.state.log):
        if entry.kind == "event" and entry.id == event_id and entry.country == country:
            return entry.month
    return game.state.month


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
        self.inset: Inset | None = None
        self.note_card: pygame.Rect | None = None
        app.sound.play("page")
        super().__init__(app)

    def _body(self, text: str) -> tuple[str, str]:
        """Return the event's text as markup and as plain text, with the answer when re-read."""
        body, plain = esc(text).replace("\n", "<br>"), text
        if self.reread:
            chosen = self.reread.option or _("(no answer recorded)")
            body += _("<br><br><b>Answer:</b> {value}").format(value=esc(chosen))
            plain += _("\n\nAnswer: ") + chosen
        return body, plain

    def _notes(self) -> list[str]:
        """Return the line under each option: its effects, or why it cannot be chosen."""
        notes: list[str] = []
        for view in self.options:
            effects = "; ".join(view.effects) if view.effects else _("No direct effect.")
            notes.append(
                effects
                if view.ok
                else _("Not possible: {value}").format(value="; ".join(view.reasons))
            )
        return notes

    def build(self) -> None:
        """Lay out the card: heading, text, history toggle, options with their effects."""
        game = self.session.game
        d = game.scenario.events[self.event_id].d
        m = self.manager
        self.options = [] if self.reread else game.event_options(self.session.viewer, self.event_id)
        history = self.show_history and bool(d.history)
        note_w, gap = (self.px(340), self.px(14)) if history else (0, 0)
        width = min(self.px(820), self.app.size[0] - self.px(40) - note_w - gap)
        pad = self.px(26)
        place = place_of(game, self.event_id)
        inset_w = self.px(230) if place is not None else 0
        inset_gap = self.px(16) if place is not None else 0
        w = width - 2 * pad
        tw = w - inset_w - inset_gap
        small = theme.font("sans", self.px(13))
        line = round(small.get_linesize() * 1.35)
        title, text = game.event_words(self.session.viewer, self.event_id)
        body, plain = self._body(text)
        text_h = (len(wrap(plain, small, tw - self.px(24))) + 1) * line + self.px(16)
        notes = self._notes()
        note_h = [min(6, len(wrap(n, small, w - self.px(48)))) * line + self.px(10) for n in notes]
        button_h = self.px(36)
        options_h = sum(button_h + h + self.px(8) for h in note_h)
        head_h = self.px(70)
        inset_h = self.px(170) if place is not None else 0
        text_h = max(text_h, inset_h - head_h)
        footer_h = self.px(40) + self.px(14)
        room = self.app.size[1] - self.px(24) - 2 * pad - head_h - footer_h - self.px(10)
        options_room = min(options_h, max(room - text_h, room * 3 // 5))
        text_h = max(min(self.px(90), room - options_room), min(text_h, room - options_room))
        height = 2 * pad + head_h + text_h + self.px(10) + options_room + footer_h
        self.card = layout.centred(self.app.size, width, height)
        self.card.x = (self.app.size[0] - width - gap - note_w) // 2
        c = self.card
        x = c.x + pad
        self.inset = None
        if place is not None:
            inset_rect = pygame.Rect(c.right - pad - inset_w, c.y + pad, inset_w, inset_h)
            palette = self.app.settings.palette
            viewer = self.session.viewer
            self.inset = Inset(game, viewer, place, inset_rect, self.scale, palette)
        self.note_card = None
        if history:
            self._build_note(pygame.Rect(c.right + gap, c.y, note_w, c.h), d.history)
        UILabel(pygame.Rect(x, c.y + pad, tw, self.px(36)), title, m, object_id="#heading")
        month = self.reread.month if self.reread else fired_month(game, d.id, self.session.viewer)
        who = game.name(d.country) if d.country in game.scenario.countries else ""
        self.date_label = UILabel(
            pygame.Rect(x, c.y + pad + self.px(36), tw, self.px(22)),
            f"{game.date_text(month)}  ·  {who}",
            m,
            object_id="#muted",
        )
        text_top = c.y + pad + head_h
        self.text = UITextBox(
            body, pygame.Rect(x, text_top, tw, text_h), m, object_id="#detail_text"
        )
        top = text_top + text_h + self.px(10)
        self.options_box: UIScrollingContainer | None = None
        box = None
        if self.options:
            self.options_box = box = UIScrollingContainer(
                pygame.Rect(x, top, w, options_room), m, allow_scroll_x=False
            )
            box.set_scrollable_area_dimensions((w - self.px(20), options_h))
        inner_w = w - (self.px(20) if options_h > options_room else 0)
        y = 0
        self.option_buttons: dict[str, UIButton] = {}
        bold = theme.font("sans_bold", self.px(15))
        for i, view in enumerate(self.options):
            full = f"{i + 1}.  {view.text}"
            label = fit(full, bold, inner_w - self.px(24))
            button = UIButton(
                pygame.Rect(0, y, inner_w, button_h),
                label,
                m,
                container=box,
                object_id="#option_button",
                tool_tip_text=esc(view.text) if label != full else None,
            )
            if not view.ok:
                button.disable()
            self.option_buttons[view.option.id] = button
            y += button_h
            UITextBox(
                esc(notes[i]),
                pygame.Rect(self.px(4), y, inner_w - self.px(4), note_h[i]),
                m,
                container=box,
                object_id="#effects_text",
            )
            y += note_h[i] + self.px(8)
        by = c.bottom - pad - self.px(40)
        self.history_button = UIButton(
            pygame.Rect(x, by, self.px(200), self.px(40)),
            _("Hide history") if self.show_history else _("History note (H)"),
            m,
        )
        if not d.history:
            self.history_button.disable()
        self.close_button: UIButton | None = None
        if self.reread:
            self.close_button = UIButton(
                pygame.Rect(c.right - pad - self.px(150), by, self.px(150), self.px(40)),
                _("Close"),
                m,
            )
        self.error_label = UILabel(
            pygame.Rect(x + self.px(210), by, w - self.px(210), self.px(40)),
            self.error,
            m,
            object_id="#muted",
        )

    def _build_note(self, rect: pygame.Rect, history: str) -> None:
        """Lay out the history note on its own card beside the event."""
        pad = self.px(20)
        small = theme.font("sans_italic", self.px(13))
        lines = len(wrap(history, small, rect.w - 2 * pad - self.px(24))) + 1
        text_h = lines * round(small.get_linesize() * 1.35)
        rect.h = min(rect.h, pad * 2 + self.px(36 + 16) + text_h)
        self.note_card = rect
        UILabel(
            pygame.Rect(rect.x + pad, rect.y + pad, rect.w - 2 * pad, self.px(30)),
            _("What really happened"),
            self.manager,
            object_id="#category",
        )
        top = rect.y + pad + self.px(36)
        self.note_text = UITextBox(
            f"<i>{esc(history)}</i>".replace("\n", "<br>"),
            pygame.Rect(rect.x + pad, top, rect.w - 2 * pad, rect.bottom - pad - top),
            self.manager,
            object_id="#detail_text",
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
        name = keys.command("event", event) or ""
        if name.startswith("option:"):
            self.choose(int(name.split(":")[1]))
        elif name == "history":
            self.toggle_history()
        elif name == "close" and self.reread:
            self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim the game, then draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
        if self.note_card is not None:
            paper.card(surface, self.note_card, self.scale)
        if self.inset is not None:
            self.inset.draw(surface)
