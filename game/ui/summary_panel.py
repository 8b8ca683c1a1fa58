"""The turn summary panel: a window over the map after End turn, closed with × or Esc."""

from __future__ import annotations

import pygame
from pygame_gui import UIManager
from pygame_gui.elements import UITextBox, UIWindow

from game.engine.game import Game
from game.engine.summary import TurnSummary
from game.ui.summary_text import summary_html, title


class SummaryPanel:
    """One turn's summary in a movable window that never blocks the game under it."""

    def __init__(
        self, manager: UIManager, area: pygame.Rect, game: Game, summary: TurnSummary, px: float
    ) -> None:
        self.summary = summary
        self.title = title(game, summary)
        self.html = summary_html(game, summary)
        w = min(area.width - round(24 * px), round(600 * px))
        h = min(area.height - round(24 * px), round(460 * px))
        rect = pygame.Rect(area.x + round(12 * px), area.y + round(12 * px), w, h)
        self.window = UIWindow(rect, manager, window_display_title=self.title, object_id="#summary")
        inner = self.window.get_container().get_rect()
        self.text = UITextBox(
            self.html,
            pygame.Rect(0, 0, inner.width, inner.height),
            manager,
            container=self.window,
            object_id="#summary_text",
        )

    @property
    def alive(self) -> bool:
        """Return True while the window is open."""
        return self.window.alive()

    def kill(self) -> None:
        """Close the window."""
        if self.window.alive():
            self.window.kill()
