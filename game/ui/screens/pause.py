"""The pause menu (Esc in a game): resume, save, load, settings, help, main menu, quit."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel

from game.locale import N_, _
from game.ui import keys, layout, paper
from game.ui.screens.base import Screen
from game.ui.session import Session

ITEMS = [
    N_("Resume"),
    N_("Save game"),
    N_("Load game"),
    N_("Settings"),
    N_("Help"),
    N_("Main menu"),
    N_("Quit"),
]


class PauseMenu(Screen):
    """A small card of choices over the game, for the mouse or the keyboard."""

    opaque = False
    name = "pause"

    def __init__(self, app, session: Session) -> None:  # type: ignore[no-untyped-def]
        self.session = session
        self.note = ""
        self.marked = 0
        super().__init__(app)

    def build(self) -> None:
        """Lay out the heading and one numbered button per choice."""
        self.card = layout.centred(self.app.size, self.px(360), self.px(540))
        c = self.card
        UILabel(
            pygame.Rect(c.x, c.y + self.px(22), c.w, self.px(36)),
            _("Paused"),
            self.manager,
            object_id="#card_title",
        )
        rects = layout.column(
            c.centerx, c.y + self.px(78), self.px(260), self.px(44), self.px(10), len(ITEMS)
        )
        self.buttons = {
            text: UIButton(rect, f"{i + 1}.  {_(text)}", self.manager, object_id="#menu_button")
            for i, (rect, text) in enumerate(zip(rects, ITEMS, strict=True))
        }
        self.note_label = UILabel(
            pygame.Rect(c.x, c.bottom - self.px(40), c.w, self.px(26)),
            self.note,
            self.manager,
            object_id="#muted",
        )
        self.mark(self.marked)

    def mark(self, index: int) -> None:
        """Mark one choice for Enter (shown as selected)."""
        self.marked = index % len(ITEMS)
        for i, button in enumerate(self.buttons.values()):
            if i == self.marked:
                button.select()
            else:
                button.unselect()

    def choose(self, item: str) -> None:
        """Act on a choice; leaving an unsaved game asks first."""
        if item == "Resume":
            self.app.pop(self)
        elif item == "Save game":
            from game.ui.screens.save_name import SaveNameDialog

            self.app.push(SaveNameDialog(self.app, self.session))
        elif item == "Load game":
            from game.ui.screens.load import LoadScreen

            self.app.push(LoadScreen(self.app))
        elif item == "Settings":
            from game.ui.screens.settings_screen import SettingsScreen

            self.app.push(SettingsScreen(self.app))
        elif item == "Help":
            from game.ui.screens.help import HelpOverlay

            self.app.push(HelpOverlay(self.app))
        elif item == "Main menu":
            self.app.leave_game(
                self.app.to_main_menu,
                _("Leave for the main menu"),
                _("Leave for the main menu anyway?"),
            )
        elif item == "Quit":
            self.app.leave_game(self.app.quit, _("Quit"), _("Quit anyway?"))

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer buttons, arrows and Enter, the numbers; Esc resumes."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for item, button in self.buttons.items():
                if event.ui_element is button:
                    self.choose(item)
                    return
        name = keys.command("pause", event) or ""
        if name in ("up", "down"):
            self.mark(self.marked + (1 if name == "down" else -1))
        elif name == "enter":
            self.choose(ITEMS[self.marked])
        elif name.startswith("item:"):
            self.choose(ITEMS[int(name.split(":")[1])])
        elif name == "resume":
            self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim the game and draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
