"""The Paths panel: a window over the map listing the endings the country can reach."""

from __future__ import annotations

import pygame
from pygame_gui import UIManager

from game.engine.paths import PathView, paths
from game.engine.score_scale import recorded_best
from game.engine.view import CountryView
from game.locale import _
from game.ui.info_window import InfoWindow, corner_rect
from game.ui.paths_text import paths_html

SIZE = (560, 520)


def _content(view: CountryView) -> tuple[list[PathView], str]:
    """Return the viewer's paths and the panel's text for them."""
    found = paths(view)
    best = recorded_best(view.game.scenario, view.viewer)
    return found, paths_html(view.game, found, best)


class PathsPanel(InfoWindow):
    """The viewer's paths, in the map's top-right corner, kept up to date while open."""

    def __init__(self, manager: UIManager, area: pygame.Rect, view: CountryView, px: float) -> None:
        self.paths, text = _content(view)
        title = _("Paths for {country}").format(country=view.game.name(view.viewer))
        super().__init__(manager, corner_rect(area, SIZE, px, right=True), title, text, "#paths")

    def refresh(self, view: CountryView) -> None:
        """Follow the state: new progress, or another viewer."""
        self.paths, text = _content(view)
        title = _("Paths for {country}").format(country=view.game.name(view.viewer))
        self.window.set_display_title(title)
        self.set_html(text)
