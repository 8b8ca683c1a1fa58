"""The save dialog: type a name for a save slot, then save (a second press replaces)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextEntryLine

from game.engine.saves import SaveError
from game.locale import _
from game.ui import layout, paper, saves
from game.ui.screens.base import Screen
from game.ui.session import Session

if TYPE_CHECKING:
    from game.ui.app import App


class SaveNameDialog(Screen):
    """A card with a name entry and Save and Cancel buttons."""

    opaque = False
    name = "save"

    def __init__(self, app: App, session: Session) -> None:
        self.session = session
        game = session.game
        self.text = f"{game.scenario.meta.title}, {game.date_text()}"
        self.note = _("Named saves stay; autosaves keep the last five of each game.")
        self.confirm_replace: str | None = None
        self.saved_as: str | None = None
        super().__init__(app)

    def build(self) -> None:
        """Lay out the heading, the entry and the buttons."""
        self.card = layout.centred(self.app.size, self.px(560), self.px(250))
        c = self.card
        pad = self.px(24)
        m = self.manager
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad, c.w - 2 * pad, self.px(34)),
            _("Save the game"),
            m,
            object_id="#heading",
        )
        self.entry = UITextEntryLine(
            pygame.Rect(c.x + pad, c.y + pad + self.px(48), c.w - 2 * pad, self.px(38)),
            m,
            placeholder_text=_("Name of the save"),
        )
        self.entry.set_text_length_limit(60)
        self.entry.set_text(self.text)
        self.entry.edit_position = len(self.text)
        self.entry.focus()
        self.note_label = UILabel(
            pygame.Rect(c.x + pad, c.y + pad + self.px(92), c.w - 2 * pad, self.px(26)),
            self.note,
            m,
            object_id="#muted",
        )
        by = c.bottom - pad - self.px(44)
        self.save_button = UIButton(
            pygame.Rect(c.right - pad - self.px(330), by, self.px(160), self.px(44)),
            _("Save"),
            m,
            object_id="#accent_button",
        )
        self.cancel_button = UIButton(
            pygame.Rect(c.right - pad - self.px(160), by, self.px(160), self.px(44)), _("Cancel"), m
        )

    def set_note(self, text: str) -> None:
        """Show a line under the entry."""
        self.note = text
        self.note_label.set_text(text)

    def save(self) -> None:
        """Save under the typed name; ask once before replacing a save of the same name."""
        name = " ".join(self.entry.get_text().split())
        if not name:
            self.set_note(_("Type a name first."))
            return
        path = saves.slot_for(name)
        if path.exists() and self.confirm_replace != name:
            self.confirm_replace = name
            self.set_note(_("A save of this name exists: press Save again to replace it."))
            return
        try:
            self.session.save(path, name)
        except SaveError as exc:
            self.set_note(str(exc))
            return
        self.saved_as = name
        self.app.pop(self)
        self.app.toast(_("Saved as “{value}”.").format(value=saves.shown_name(name)))

    def on_event(self, event: pygame.event.Event) -> None:
        """Save on the button or Enter; cancel on the button or Esc."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.save_button:
                self.save()
            elif event.ui_element is self.cancel_button:
                self.app.pop(self)
        elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.save()
        elif event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.text = self.entry.get_text()
            if self.confirm_replace is not None:
                self.confirm_replace = None
                self.set_note("")
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim what lies under and draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
