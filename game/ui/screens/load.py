"""The load screen: pick a saved game from a list, newest first."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UISelectionList

from game.locale import _
from game.ui import layout, paper, saves
from game.ui.screens.base import Screen


def unique_lines(infos: list[saves.SaveInfo]) -> list[str]:
    """Return one list line per save, made unique where two would read the same."""
    lines: list[str] = []
    for info in infos:
        line = info.line()
        while line in lines:
            line += " "
        lines.append(line)
    return lines


class LoadScreen(Screen):
    """List saves newest first (name, game date, when saved); load the chosen one."""

    opaque = False
    name = "load"

    def build(self) -> None:
        """Lay out the list and the buttons."""
        self.card = layout.centred(self.app.size, self.px(880), self.px(520))
        c = self.card
        pad = self.px(24)
        m = self.manager
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad, c.w - 2 * pad, self.px(36)),
            _("Load a game"),
            m,
            object_id="#heading",
        )
        self.infos = [saves.describe(p) for p in saves.list_saves()]
        self.items = unique_lines(self.infos)
        self.list = UISelectionList(
            pygame.Rect(
                c.x + pad,
                c.y + pad + self.px(46),
                c.w - 2 * pad,
                c.h - 2 * pad - self.px(46) - self.px(90),
            ),
            list[str | tuple[str, str]](self.items),
            m,
            default_selection=self.items[0] if self.items else None,
        )
        self.note = UILabel(
            pygame.Rect(c.x + pad, c.bottom - pad - self.px(80), c.w - 2 * pad, self.px(28)),
            "" if self.infos else _("No saved games yet."),
            m,
            object_id="#muted",
        )
        by = c.bottom - pad - self.px(44)
        self.load_button = UIButton(
            pygame.Rect(c.right - pad - self.px(330), by, self.px(160), self.px(44)),
            _("Load"),
            m,
            object_id="#accent_button",
        )
        self.back_button = UIButton(
            pygame.Rect(c.right - pad - self.px(160), by, self.px(160), self.px(44)), _("Back"), m
        )
        if not self.infos:
            self.load_button.disable()

    def chosen(self) -> saves.SaveInfo | None:
        """Return the save the list has selected, if any."""
        text = self.list.get_single_selection()
        if text is None or text not in self.items:
            return None
        return self.infos[self.items.index(text)]

    def load(self) -> None:
        """Load the chosen save; a damaged one explains itself in a dialog."""
        info = self.chosen()
        if info is None:
            self.note.set_text(_("Choose a save first."))
            return
        self.app.load_game(info.path)

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer the buttons, double clicks, Enter and Esc."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.load_button:
                self.load()
            elif event.ui_element is self.back_button:
                self.app.pop(self)
        elif event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
            self.load()
        elif event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION:
            info = self.chosen()
            self.note.set_text(info.problem if info is not None else "")
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop(self)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.infos:
                self.load()

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim what lies under and draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
