"""The hand-over screen between two people's turns: hides the board until the next one is ready."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel

from game.locale import _
from game.ui import paper, theme
from game.ui.flag import draw_flag
from game.ui.screens.base import Screen
from game.ui.session import Session


class HandoverScreen(Screen):
    """An opaque sheet naming whose turn it is; nothing of the game shows through."""

    name = "handover"

    def __init__(self, app, session: Session) -> None:  # type: ignore[no-untyped-def]
        self.session = session
        super().__init__(app)

    def build(self) -> None:
        """Lay out the message and the Ready button."""
        w, h = self.app.size
        game = self.session.game
        who = game.name(self.session.viewer)
        UILabel(
            pygame.Rect(0, h // 2 - self.px(70), w, self.px(56)),
            _("{who} to play").format(who=who),
            self.manager,
            object_id="#title",
        )
        UILabel(
            pygame.Rect(0, h // 2 - self.px(10), w, self.px(30)),
            _("{value}. Pass the seat; the other side looks away.").format(value=game.date_text()),
            self.manager,
            object_id="#subtitle",
        )
        self.ready = UIButton(
            pygame.Rect(w // 2 - self.px(150), h // 2 + self.px(50), self.px(300), self.px(48)),
            _("I play {who}: begin").format(who=who),
            self.manager,
            object_id="#accent_button",
        )

    def on_event(self, event: pygame.event.Event) -> None:
        """Begin the turn on the button, Enter or Space; Esc opens the pause menu."""
        if (event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.ready) or (
            event.type == pygame.KEYDOWN
            and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
        ):
            self.app.pop(self)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from game.ui.screens.pause import PauseMenu

            self.app.push(PauseMenu(self.app, self.session))

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw a blank sheet with the next player's flag."""
        surface.blit(paper.sheet(self.app.size), (0, 0))
        w, h = self.app.size
        flag = pygame.Rect(0, 0, self.px(120), self.px(80))
        flag.center = (w // 2, h // 2 - self.px(150))
        country = self.session.game.scenario.countries[self.session.viewer]
        draw_flag(surface, flag, country.flag)
        pygame.draw.rect(surface, theme.INK, flag.inflate(6, 6), 1)
