"""The load screen: pick a saved game from a list."""

from __future__ import annotations

import json
import time

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UISelectionList

from game.ui import layout, paper, saves
from game.ui.screens.base import Screen


def describe(path) -> str:  # type: ignore[no-untyped-def]
    """Return a one-line description of a save file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        what = f"{data.get('title', '?')}, {data.get('date', '?')}"
    except (OSError, ValueError):
        what = "unreadable"
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    return f"{path.stem}  —  {what}  ({stamp})"


class LoadScreen(Screen):
    """List saves newest first; load the chosen one."""

    opaque = False
    name = "load"

    def build(self) -> None:
        """Lay out the list and the buttons."""
        self.card = layout.centred(self.app.size, self.px(700), self.px(520))
        c = self.card
        pad = self.px(24)
        m = self.manager
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad, c.w - 2 * pad, self.px(36)),
            "Load a game",
            m,
            object_id="#heading",
        )
        self.paths = saves.list_saves()
        self.items = [describe(p) for p in self.paths]
        self.list = UISelectionList(
            pygame.Rect(
                c.x + pad,
                c.y + pad + self.px(46),
                c.w - 2 * pad,
                c.h - 2 * pad - self.px(46) - self.px(90),
            ),
            list[str | tuple[str, str]](self.items),
            m,
        )
        self.note = UILabel(
            pygame.Rect(c.x + pad, c.bottom - pad - self.px(80), c.w - 2 * pad, self.px(28)),
            "" if self.paths else "No saved games.",
            m,
            object_id="#muted",
        )
        by = c.bottom - pad - self.px(44)
        self.load_button = UIButton(
            pygame.Rect(c.right - pad - self.px(330), by, self.px(160), self.px(44)),
            "Load",
            m,
            object_id="#accent_button",
        )
        self.back_button = UIButton(
            pygame.Rect(c.right - pad - self.px(160), by, self.px(160), self.px(44)), "Back", m
        )

    def load(self) -> None:
        """Load the chosen save, or say why it cannot be."""
        chosen = self.list.get_single_selection()
        if chosen is None or chosen not in self.items:
            self.note.set_text("Choose a save first.")
            return
        error = self.app.load_game(self.paths[self.items.index(chosen)])
        if error:
            self.note.set_text(error)

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer the buttons, double clicks and Esc."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.load_button:
                self.load()
            elif event.ui_element is self.back_button:
                self.app.pop(self)
        elif event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
            self.load()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim what lies under and draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
