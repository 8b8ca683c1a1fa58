"""The help overlay (F1): every key the game answers to."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UILabel, UITextBox

from game.locale import _
from game.ui import layout, paper
from game.ui.keys import help_sections
from game.ui.screens.base import Screen


def help_html(sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """Return key sections as pygame_gui text-box markup."""
    parts: list[str] = []
    for section, keys in sections:
        parts.append(f"<b>{section}</b><br>")
        for key, what in keys:
            parts.append(f"    <font color='#8b2e1f'><b>{key}</b></font>  —  {what}<br>")
        parts.append("<br>")
    return "".join(parts)


def columns(
    sections: list[tuple[str, list[tuple[str, str]]]],
) -> tuple[list[tuple[str, list[tuple[str, str]]]], list[tuple[str, list[tuple[str, str]]]]]:
    """Split the sections in two columns of about the same number of lines."""
    sizes = [len(keys) + 2 for _skip, keys in sections]
    total, run = sum(sizes), 0
    for i, size in enumerate(sizes):
        run += size
        if run * 2 >= total:
            return sections[: i + 1], sections[i + 1 :]
    return sections, []


class HelpOverlay(Screen):
    """A card over the current screen listing every key."""

    opaque = False
    name = "help"

    def build(self) -> None:
        """Lay out the card, its heading, the key list and a close button."""
        height = min(self.app.size[1] - self.px(40), self.px(780))
        self.card = layout.centred(self.app.size, self.px(900), height)
        c = self.card
        pad = self.px(24)
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad, c.w - 2 * pad, self.px(34)),
            _("Keys"),
            self.manager,
            object_id="#heading",
        )
        half = (c.w - 2 * pad) // 2
        body_h = c.h - 2 * pad - self.px(96)
        self.columns = [
            UITextBox(
                help_html(part),
                pygame.Rect(c.x + pad + i * half, c.y + pad + self.px(40), half, body_h),
                self.manager,
                object_id="#plain_text",
            )
            for i, part in enumerate(columns(help_sections()))
        ]
        self.close_button = self.close_button_for(c, pad, 40)

    def on_event(self, event: pygame.event.Event) -> None:
        """Close on the button or Esc."""
        if self.closes(event, self.close_button, (pygame.K_ESCAPE,)):
            self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim what lies under, then draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
