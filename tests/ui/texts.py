"""Collect every text the window shows: widget texts and every line drawn by the game itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pygame
from pygame_gui.core import UIElement

from game.ui import theme
from game.ui.screens.base import Screen


@contextmanager
def drawn_texts() -> Iterator[list[str]]:
    """Record the content of every line rendered through the theme while the block runs."""
    seen: list[str] = []
    original = theme.text

    def recording(
        kind: str, size: int, content: str, colour: tuple[int, int, int]
    ) -> pygame.Surface:
        seen.append(content)
        return original(kind, size, content, colour)

    theme.text = recording  # type: ignore[assignment]
    try:
        yield seen
    finally:
        theme.text = original  # type: ignore[assignment]


def widget_texts(screen: Screen) -> list[str]:
    """Return the texts and tooltips of a screen's visible widgets."""
    out: list[str] = []
    for element in screen.manager.get_sprite_group().sprites():
        if not isinstance(element, UIElement) or not element.visible:
            continue
        for attr in ("text", "html_text", "tool_tip_text"):
            value = getattr(element, attr, None)
            if isinstance(value, str) and value:
                out.append(value)
        items = getattr(element, "item_list", None)
        if isinstance(items, list):
            out += [str(i.get("text", "")) for i in items if isinstance(i, dict)]
    return out


def text_widgets(screen: Screen) -> list[UIElement]:
    """Return the visible widgets of a screen that show text of their own."""
    out = []
    for element in screen.manager.get_sprite_group().sprites():
        if not isinstance(element, UIElement) or not element.visible:
            continue
        text = getattr(element, "text", None) or getattr(element, "html_text", None)
        if isinstance(text, str) and text.strip():
            out.append(element)
    return out
