"""The base of a side-panel tab: widgets in the game screen's manager plus cached drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.locale import N_
from game.ui import theme

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen


class Panel:
    """One tab of the side panel."""

    title = N_("Panel")

    def __init__(self, screen: GameScreen, rect: pygame.Rect) -> None:
        self.screen = screen
        self.rect = pygame.Rect(rect)
        self.widgets: list = []  # type: ignore[type-arg]
        self.scroll = 0
        self._cache: pygame.Surface | None = None
        self._content_h = 0
        self.tips: list[tuple[pygame.Rect, str]] = []  # in the content's own coordinates
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
        """React to an event; the wheel and the scroll bar scroll custom-drawn content."""
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(self.screen.mouse):
            self.scroll_to(self.scroll - event.y * self.px(40))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            track = self.track()
            if track is not None and track.inflate(self.px(6), 0).collidepoint(event.pos):
                frac = (event.pos[1] - track.y) / max(1, track.h)
                self.scroll_to(round(frac * self._content_h - self.rect.h / 2))

    def tip_at(self, pos: tuple[int, int]) -> str:
        """Return the tooltip of the number under a screen position ('' for none)."""
        if not self.rect.collidepoint(pos):
            return ""
        local = (pos[0] - self.rect.x, pos[1] - self.rect.y + self.scroll)
        return next((tip for rect, tip in self.tips if rect.collidepoint(local)), "")

    def on_key(self, event: pygame.event.Event) -> bool:
        """Take a key press before the game screen does; return True when it was used."""
        return False

    def scroll_to(self, offset: int) -> None:
        """Scroll custom-drawn content to an offset, kept within the content."""
        room = max(0, self._content_h - self.rect.h)
        self.scroll = max(0, min(room, offset))

    def track(self) -> pygame.Rect | None:
        """Return the scroll bar's track when the content is taller than the panel."""
        if self._cache is None or self._content_h <= self.rect.h:
            return None
        w = self.px(6)
        return pygame.Rect(self.rect.right - w, self.rect.y, w, self.rect.h)

    def render(self, surf: pygame.Surface) -> int:
        """Draw custom content onto a tall surface; return the height used."""
        return 0

    def draw(self, surface: pygame.Surface) -> None:
        """Blit cached custom content, scrolled."""
        if self._cache is None:
            tall = pygame.Surface((self.rect.w, max(self.rect.h, self.px(1600))), pygame.SRCALPHA)
            self.tips = []
            self._content_h = self.render(tall)
            self._cache = tall
        self.scroll_to(self.scroll)
        area = pygame.Rect(0, self.scroll, self.rect.w, self.rect.h)
        surface.blit(self._cache, self.rect.topleft, area)
        track = self.track()
        if track is not None:
            pygame.draw.rect(surface, theme.PAPER_DARK, track)
            h = max(self.px(24), track.h * self.rect.h // self._content_h)
            y = track.y + (track.h - h) * self.scroll // max(1, self._content_h - self.rect.h)
            pygame.draw.rect(surface, theme.INK_MUTED, (track.x, y, track.w, h))
