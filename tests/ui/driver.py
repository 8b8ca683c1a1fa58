"""Drive the real app with posted pygame events and save what it shows."""

from __future__ import annotations

from pathlib import Path

import pygame
from pygame_gui.core import UIElement

from game.ui.app import App

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
MINI = Path(__file__).resolve().parent / "data" / "mini"


class Driver:
    """Post input events to the app, step frames, and take screenshots."""

    def __init__(self, app: App) -> None:
        self.app = app

    def frames(self, n: int = 1) -> None:
        """Run n frames with whatever is queued."""
        for _ in range(n):
            self.app.frame()

    def post(self, event_type: int, **attrs: object) -> None:
        """Post one pygame event and run a frame."""
        pygame.event.post(pygame.event.Event(event_type, **attrs))
        self.frames()

    def move(self, pos: tuple[int, int]) -> None:
        """Move the mouse to pos."""
        pygame.mouse.set_pos(pos)
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))

    def click_at(self, pos: tuple[int, int], button: int = 1) -> None:
        """Press and release a mouse button at pos."""
        self.move(pos)
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=button)
        self.frames(2)

    def click(self, element: UIElement) -> None:
        """Click the middle of a widget."""
        self.click_at(element.rect.center)

    def drag(self, start: tuple[int, int], end: tuple[int, int], steps: int = 5) -> None:
        """Drag with the left button from start to end."""
        self.move(start)
        self.post(pygame.MOUSEBUTTONDOWN, pos=start, button=1)
        for i in range(1, steps + 1):
            p = (
                start[0] + (end[0] - start[0]) * i // steps,
                start[1] + (end[1] - start[1]) * i // steps,
            )
            self.post(pygame.MOUSEMOTION, pos=p, rel=(0, 0), buttons=(1, 0, 0))
        self.post(pygame.MOUSEBUTTONUP, pos=end, button=1)

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        """Press and release a key."""
        self.post(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
        self.post(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0)

    def type_text(self, text: str) -> None:
        """Type text into the focused entry, one TEXTINPUT event per character."""
        for char in text:
            self.post(pygame.TEXTINPUT, text=char)

    def clear_entry(self) -> None:
        """Select everything in the focused entry and delete it."""
        self.key(pygame.K_a, mod=pygame.KMOD_CTRL)
        self.key(pygame.K_BACKSPACE)

    def wheel(self, pos: tuple[int, int], y: int) -> None:
        """Turn the mouse wheel over pos."""
        self.move(pos)
        self.post(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y))

    def resize(self, size: tuple[int, int]) -> None:
        """Resize the window as the window manager would."""
        self.post(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)
        self.frames()

    def shot(self, name: str) -> Path:
        """Save the window as tests/screenshots/<name>.png."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.app.screenshot(path)
        return path

    @property
    def screen(self):  # type: ignore[no-untyped-def]
        """Return the screen on top."""
        return self.app.screen
