"""The main menu: new game, the guided first game, continue, load, settings, quit."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.locale import _
from game.ui import layout, paper, saves
from game.ui.guide import remember_offered, start_guided_game
from game.ui.screens.base import Screen


class MainMenu(Screen):
    """The first screen: start or resume a game, change settings or quit."""

    name = "menu"

    def build(self) -> None:
        """Lay out the title and the menu buttons."""
        self.app.sound.music("menu")
        w, h = self.app.size
        self.title = UILabel(
            pygame.Rect(0, h // 6, w, self.px(70)), _("Rapallo"), self.manager, object_id="#title"
        )
        self.subtitle = UILabel(
            pygame.Rect(0, h // 6 + self.px(72), w, self.px(30)),
            _("A game of diplomacy between the wars"),
            self.manager,
            object_id="#subtitle",
        )
        labels = [
            ("new", _("New game")),
            ("guided", _("Guided first game")),
            ("continue", _("Continue")),
            ("load", _("Load")),
            ("settings", _("Settings")),
            ("quit", _("Quit")),
        ]
        rects = layout.column(
            w // 2, h // 6 + self.px(140), self.px(300), self.px(42), self.px(10), len(labels)
        )
        self.buttons: dict[str, UIButton] = {}
        for rect, (key, text) in zip(rects, labels, strict=True):
            self.buttons[key] = UIButton(rect, text, self.manager, object_id="#menu_button")
        if saves.latest() is None:
            self.buttons["continue"].disable()
        if not saves.list_saves():
            self.buttons["load"].disable()
        # Below the buttons, but never below the window's foot (large scales on short windows).
        note_y = min(rects[-1].bottom + self.px(20), h - self.px(28) - self.px(4))
        self.note = UILabel(
            pygame.Rect(0, note_y, w, self.px(28)),
            self.app.message,
            self.manager,
            object_id="#muted",
        )
        self.note.text_horiz_alignment = "center"
        self.note.rebuild()
        self.offer: pygame.Rect | None = None
        if not self.app.settings.guide_offered:
            self._build_offer(rects[0].top)

    def _build_offer(self, top: int) -> None:
        """Offer the guided first game on a card beside the buttons, until it is answered."""
        pad = self.px(16)
        self.offer = pygame.Rect(self.px(24), top, self.px(300), self.px(196))
        o = self.offer
        UILabel(
            pygame.Rect(o.x + pad, o.y + pad, o.w - 2 * pad, self.px(28)),
            _("New to the game?"),
            self.manager,
            object_id="#category",
        )
        UITextBox(
            _(
                "A guided first game shows you the screens, an event, an action and the end of a "
                "turn, then leaves you to play on."
            ),
            pygame.Rect(o.x + pad, o.y + pad + self.px(30), o.w - 2 * pad, self.px(86)),
            self.manager,
            object_id="#detail_text",
        )
        by = o.bottom - pad - self.px(36)
        half = (o.w - 2 * pad - self.px(8)) // 2
        self.buttons["offer_yes"] = UIButton(
            pygame.Rect(o.x + pad, by, half, self.px(36)),
            _("Guide me"),
            self.manager,
            object_id="#accent_button",
        )
        self.buttons["offer_no"] = UIButton(
            pygame.Rect(o.right - pad - half, by, half, self.px(36)), _("No, thanks"), self.manager
        )

    def choose(self, key: str) -> None:
        """Act on a menu choice."""
        if key in self.buttons and not self.buttons[key].is_enabled:
            return
        if key in ("guided", "offer_yes"):
            error = start_guided_game(self.app)
            if error:
                self.app.toast(error)
        elif key == "offer_no":
            remember_offered(self.app)
        elif key == "new":
            from game.ui.screens.setup import SetupScreen

            self.app.push(SetupScreen(self.app))
        elif key == "continue":
            path = saves.latest()
            if path is not None:
                self.app.load_game(path)
        elif key == "load":
            from game.ui.screens.load import LoadScreen

            self.app.push(LoadScreen(self.app))
        elif key == "settings":
            from game.ui.screens.settings_screen import SettingsScreen

            self.app.push(SettingsScreen(self.app))
        elif key == "quit":
            self.app.quit()

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer button presses and the menu's keys."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    self.choose(key)
        elif event.type == pygame.KEYDOWN:
            keymap = {
                pygame.K_n: "new",
                pygame.K_g: "guided",
                pygame.K_c: "continue",
                pygame.K_l: "load",
                pygame.K_s: "settings",
                pygame.K_q: "quit",
            }
            if event.key in keymap:
                self.choose(keymap[event.key])

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw the paper sheet, and the guided game's offer card."""
        surface.blit(paper.sheet(self.app.size), (0, 0))
        if self.offer is not None:
            paper.card(surface, self.offer, self.scale)
