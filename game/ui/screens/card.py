"""A dialog card over the dimmed game: sends one command, shows its error, or closes."""

from __future__ import annotations

import pygame

from game.engine.commands import Command
from game.ui import paper
from game.ui.screens.base import Screen


class Card(Screen):
    """A card screen that sends commands through the session and closes when they succeed."""

    opaque = False
    card: pygame.Rect
    error = ""

    def send(self, cmd: Command) -> None:
        """Apply a command; close on success, show the reason otherwise."""
        error = self.session.apply(cmd)  # type: ignore[attr-defined]
        if error:
            self.error = error
            self.error_label.set_text(error)  # type: ignore[attr-defined]
            return
        self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim the game, then draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
