"""The base of a side-panel tab: widgets in the game screen's manager plus cached drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen


class Panel:
    """One tab of the side panel."""

    title = "Panel"

    def __init__(self, screen: GameScreen, rect: pygame.Rect) -> None:
        self.screen = screen
        self.rect = pygame.Rect(rect)
        self.widgets: list = []  # type: ignore[type-arg]
        self.scroll = 0
        self._cache: pygame.Surface | None = None
        self._content_h = 0
        self.build()

    @property
    def game(self):  # type: ignore[no-untyped-def]
        """Return the engine game."""
        return self.screen.session.game

    @property
    def viewer(self) -> str:
        """Return the country at the controls."""
        return self.screen.session.viewer

    def px(self, value: float) -> int:
        """Scale a reference size."""
        return self.screen.px(value)

    def build(self) -> None:
        """Create the tab's widgets."""

    def kill(self) -> None:
        """Remove the tab's widgets."""
        for widget in self.widgets:
            widget.kill()
        self.widgets = []

    def refresh(self) -> None:
        """Follow a change of state or selection."""
        self._cache = None

    def on_event(self, event: pygame.event.Event) -> None:
        """React to an event; wheel scrolls custom-drawn content."""
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(self.screen.mouse):
            room = max(0, self._content_h - self.rect.h)
            self.scroll = max(0, min(room, self.scroll - event.y * self.px(40)))

    def render(self, surf: pygame.Surface) -> int:
        """Draw custom content onto a tall surface; return the height used."""
        return 0

    def draw(self, surface: pygame.Surface) -> None:
        """Blit cached custom content, scrolled."""
        if self._cache is None:
            tall = pygame.Surface((self.rect.w, max(self.rect.h, self.px(1600))), pygame.SRCALPHA)
            self._content_h = self.render(tall)
            self._cache = tall
        area = pygame.Rect(0, self.scroll, self.rect.w, self.rect.h)
        surface.blit(self._cache, self.rect.topleft, area)
