"""A short message that shows near the top of the window for a few seconds, then fades."""

from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.text_wrap import wrap

SECONDS = 4.0


class Toast:
    """One transient message; the app draws it over every screen."""

    def __init__(self, text: str, seconds: float = SECONDS) -> None:
        self.text = text
        self.left = seconds
        self._surface: pygame.Surface | None = None
        self._key: tuple[int, float] = (0, 0.0)

    @property
    def alive(self) -> bool:
        """Return True while the toast should still show."""
        return self.left > 0

    def tick(self, dt: float) -> None:
        """Count down dt seconds."""
        self.left -= dt

    def draw(self, surface: pygame.Surface, scale: float, index: int = 0) -> None:
        """Draw the toast centred under the top bar (index stacks it downwards)."""
        w, h = surface.get_size()
        if self._surface is None or self._key != (w, scale):
            self._key = (w, scale)
            self._surface = self._render(min(w - 40, round(560 * scale)), scale)
        img = self._surface
        img.set_alpha(round(255 * min(1.0, self.left / 0.5)))
        y = round(66 * scale) + (img.get_height() + round(8 * scale)) * index
        surface.blit(img, ((w - img.get_width()) // 2, y))

    def _render(self, width: int, scale: float) -> pygame.Surface:
        """Render the text on a dark rounded card."""
        pad = round(12 * scale)
        font = theme.font("sans", round(14 * scale))
        lines = wrap(self.text, font, width - 2 * pad)[:6]
        line_h = font.get_linesize()
        text_w = max((font.size(line)[0] for line in lines), default=0)
        card = pygame.Surface((text_w + 2 * pad, line_h * len(lines) + 2 * pad))
        card.fill(theme.INK)
        pygame.draw.rect(card, theme.INK_FAINT, card.get_rect(), max(1, round(scale)))
        for i, line in enumerate(lines):
            card.blit(font.render(line, True, theme.PAPER), (pad, pad + i * line_h))
        return card
