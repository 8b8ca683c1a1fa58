"""A window of text over the map that never blocks the game under it, closed with × or Esc."""

from __future__ import annotations

import pygame
from pygame_gui import UIManager
from pygame_gui.elements import UITextBox, UIWindow


class InfoWindow:
    """A titled, movable window holding one scrollable text box."""

    def __init__(
        self, manager: UIManager, rect: pygame.Rect, title: str, html: str, object_id: str
    ) -> None:
        self.title = title
        self.html = html
        self.window = UIWindow(rect, manager, window_display_title=title, object_id=object_id)
        inner = self.window.get_container().get_rect()
        self.text = UITextBox(
            html,
            pygame.Rect(0, 0, inner.width, inner.height),
            manager,
            container=self.window,
            object_id=f"{object_id}_text",
        )

    def set_html(self, html: str) -> None:
        """Show new text (only when it changed), keeping the scroll position when it can."""
        if html != self.html:
            self.html = html
            self.text.set_text(html)

    @property
    def alive(self) -> bool:
        """Return True while the window is open."""
        return bool(self.window.alive())

    def kill(self) -> None:
        """Close the window."""
        if self.window.alive():
            self.window.kill()


def corner_rect(
    area: pygame.Rect, size: tuple[float, float], px: float, right: bool
) -> pygame.Rect:
    """Return a window rect of at most size (reference pixels) in a top corner of area."""
    margin = round(12 * px)
    w = min(area.width - 2 * margin, round(size[0] * px))
    h = min(area.height - 2 * margin, round(size[1] * px))
    x = area.right - margin - w if right else area.x + margin
    return pygame.Rect(x, area.y + margin, w, h)
