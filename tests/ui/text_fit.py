"""Check that the text of every one-line widget fits inside it (no word cut off at an edge)."""

from __future__ import annotations

from pygame_gui.core import UIElement
from pygame_gui.core.utility import translate
from pygame_gui.elements import UIButton, UILabel

from game.ui.screens.base import Screen

SLACK = 2  # pixels of anti-aliasing a text may spill over its widget's edge


def _text(element: UIElement) -> str:
    """Return the text as drawn (pygame_gui's own words are keys such as 'pygame-gui.Cancel')."""
    raw = str(getattr(element, "text", "") or "")
    return str(translate(raw, **(getattr(element, "text_kwargs", None) or {})))


def overflows(screen: Screen) -> list[str]:
    """Return each label or button whose text is wider or taller than the widget itself."""
    out: list[str] = []
    for element in screen.manager.get_sprite_group().sprites():
        if not isinstance(element, UILabel | UIButton) or not element.visible:
            continue
        text, font = _text(element), getattr(element, "font", None)
        if not text.strip() or font is None or element.rect.w <= 0:
            continue
        width, height = font.get_rect(text).size
        room_w = element.rect.w - (4 if isinstance(element, UIButton) else 0)
        if width > room_w + SLACK or height > element.rect.h + SLACK:
            out.append(
                f"{type(element).__name__} {text[:40]!r}: text {width}×{height} "
                f"in {element.rect.w}×{element.rect.h}"
            )
    return out
