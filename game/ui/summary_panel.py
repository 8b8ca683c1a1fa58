"""The turn summary panel: a window over the map after End turn, closed with × or Esc."""

from __future__ import annotations

import pygame
from pygame_gui import UIManager

from game.engine.game import Game
from game.engine.summary import TurnSummary
from game.ui.info_window import InfoWindow, corner_rect
from game.ui.summary_text import summary_html, title

SIZE = (600, 460)


class SummaryPanel(InfoWindow):
    """One turn's summary, in the map's top-left corner."""

    def __init__(
        self, manager: UIManager, area: pygame.Rect, game: Game, summary: TurnSummary, px: float
    ) -> None:
        self.summary = summary
        rect = corner_rect(area, SIZE, px, right=False)
        super().__init__(
            manager, rect, title(game, summary), summary_html(game, summary), "#summary"
        )
