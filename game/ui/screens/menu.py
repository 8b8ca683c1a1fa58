"""The main menu: new game, continue, load, settings, quit."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel

from game.ui import layout, paper, saves
from game.ui.screens.base import Screen


class MainMenu(Screen):
    """The first screen: start or resume a game, change settings or quit."""

    name = "menu"

    def build(self) -> None:
        """Lay out the title and the menu buttons."""
        self.app.sound.music("menu")
        w, h = self.app.size
        self.title = UILabel(
            pygame.Rect(0, h // 6, w, self.px(70)), "Rapallo", self.manager, object_id="#title"
        )
        self.subtitle = UILabel(
            pygame.Rect(0, h // 6 + self.px(72), w, self.px(30)),
            "A game of diplomacy between the wars",
            self.manager,
            object_id="#subtitle",
        )
        rects = layout.column(
            w // 2, h // 6 + self.px(140), self.px(300), self.px(46), self.px(12), 5
        )
        labels = ["New game", "Continue", "Load", "Settings", "Quit"]
        self.buttons: dict[str, UIButton] = {}
        for rect, text in zip(rects, labels, strict=True):
            key = text.split()[0].lower()
            self.buttons[key] = UIButton(rect, text, self.manager, object_id="#menu_button")
        if saves.latest() is None:
            self.buttons["continue"].disable()
        if not saves.list_saves():
            self.buttons["load"].disable()
        self.note = UILabel(
            pygame.Rect(0, rects[-1].bottom + self.px(20), w, self.px(28)),
            self.app.message,
            self.manager,
            object_id="#muted",
        )
        self.note.text_horiz_alignment = "center"
        self.note.rebuild()

    def choose(self, key: str) -> None:
        """Act on a menu choice."""
        if key in self.buttons and not self.buttons[key].is_enabled:
            return
        if key == "new":
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
                pygame.K_c: "continue",
                pygame.K_l: "load",
                pygame.K_s: "settings",
                pygame.K_q: "quit",
            }
            if event.key in keymap:
                self.choose(keymap[event.key])

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw the paper sheet."""
        surface.blit(paper.sheet(self.app.size), (0, 0))
