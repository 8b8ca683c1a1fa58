"""The Paths panel on the game screen: opened with its button or G, kept up to date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.paths_panel import PathsPanel

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen


def toggle(screen: GameScreen) -> None:
    """Open the Paths panel, or close it when it is open."""
    if not close(screen):
        open_(screen)


def open_(screen: GameScreen) -> None:
    """Open the Paths panel for the viewer."""
    close(screen)
    screen.paths = PathsPanel(screen.manager, screen.window_area(), screen.view, screen.scale)


def close(screen: GameScreen) -> bool:
    """Close the Paths panel; return True if it was open."""
    panel = screen.paths
    screen.paths = None
    if panel is not None and panel.alive:
        panel.kill()
        return True
    return False


def follow(screen: GameScreen, changed: bool) -> None:
    """Forget a closed panel; show new progress when the state changed."""
    if screen.paths is not None and not screen.paths.alive:
        screen.paths = None
    elif screen.paths is not None and changed:
        screen.paths.refresh(screen.view)


def restore(screen: GameScreen, was_open: bool) -> None:
    """Reopen the panel after the layout was rebuilt."""
    screen.paths = None
    if was_open:
        open_(screen)
