"""Check a screen's layout: every widget inside the window, no two text widgets overlapping."""

from __future__ import annotations

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import (
    UIButton,
    UIDropDownMenu,
    UILabel,
    UIScrollingContainer,
    UISelectionList,
    UITextBox,
    UITextEntryLine,
    UIWindow,
)

from game.ui.screens.base import Screen

TEXT_KINDS = (UIButton, UILabel, UITextBox, UITextEntryLine, UIDropDownMenu, UISelectionList)


def _scrolled(element: UIElement, inner: set[int]) -> bool:
    """Return True when the element lives inside a scrolling container (it may scroll away)."""
    if id(element) in inner:
        return True
    container = element.ui_container
    seen = 0
    while container is not None and seen < 20:
        if id(container) in inner:
            return True
        parent = getattr(container, "ui_container", None)
        if parent is container:
            break
        container, seen = parent, seen + 1
    return False


def _atomic(element: UIElement) -> bool:
    """Return True for a widget the player sees as one (not a part of a composite widget)."""
    parent = getattr(element, "parent_element", None)
    return parent is None or isinstance(parent, UIWindow | UIScrollingContainer)


def _visible(element: UIElement) -> bool:
    """Return True when the element and every container above it is visible."""
    if not element.visible:
        return False
    container = element.ui_container
    while container is not None and container is not getattr(container, "ui_container", None):
        if not getattr(container, "visible", True):
            return False
        container = getattr(container, "ui_container", None)
    return True


def _describe(element: UIElement) -> str:
    """Return a short name for an element in a failure message."""
    text = getattr(element, "text", None) or getattr(element, "html_text", "") or ""
    return f"{type(element).__name__}({str(text)[:30]!r}) at {tuple(element.rect)}"


def problems(screen: Screen, size: tuple[int, int]) -> list[str]:
    """Return what is wrong with the screen's widgets in a window of the given size."""
    window = pygame.Rect(0, 0, *size)
    out: list[str] = []
    texts: list[UIElement] = []
    sprites = screen.manager.get_sprite_group().sprites()
    inner = {id(s.get_container()) for s in sprites if isinstance(s, UIScrollingContainer)}
    for element in sprites:
        if not isinstance(element, UIElement) or not _visible(element) or _scrolled(element, inner):
            continue
        if element.rect.w <= 0 or element.rect.h <= 0:
            continue
        if not window.contains(element.rect):
            out.append(f"outside the window: {_describe(element)}")
        if isinstance(element, TEXT_KINDS) and _atomic(element):
            texts.append(element)
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if a.rect.clip(b.rect).w > 1 and a.rect.clip(b.rect).h > 1:
                out.append(f"overlap: {_describe(a)} and {_describe(b)}")
    return out
