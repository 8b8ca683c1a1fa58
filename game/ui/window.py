"""Open the game's window in the mode the settings ask for, falling back to a plain window."""

from __future__ import annotations

import logging

import attrs
import pygame

from game.locale import _
from game.ui.settings import Settings

log = logging.getLogger(__name__)

MIN_SIZE = (1024, 600)


@attrs.frozen
class Opened:
    """The window as it really is: its surface, whether it fills the screen, and any warning."""

    surface: pygame.Surface
    fullscreen: bool
    message: str = ""

    @property
    def size(self) -> tuple[int, int]:
        """Return the real size of the window."""
        return self.surface.get_size()


def desktop() -> tuple[int, int] | None:
    """Return the size of the desktop, if the display says."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return sizes[0] if sizes else None


def windowed_size(wanted: tuple[int, int]) -> tuple[tuple[int, int], str]:
    """Return a window size of at least MIN_SIZE, and a message when it differs from wanted."""
    size = (max(MIN_SIZE[0], wanted[0]), max(MIN_SIZE[1], wanted[1]))
    if size == wanted:
        return size, ""
    return size, (
        _(
            "The window cannot be {value} × {value2}: the game needs at least {value3} × "
            "{value4}, so it opened at {value5} × {value6}."
        ).format(
            value=wanted[0],
            value2=wanted[1],
            value3=MIN_SIZE[0],
            value4=MIN_SIZE[1],
            value5=size[0],
            value6=size[1],
        )
    )


def _fullscreen() -> tuple[pygame.Surface | None, str]:
    """Try to fill the desktop; return the surface, or None and the reason it failed."""
    try:
        surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    except pygame.error as exc:
        return None, str(exc) or _("the display refused")
    w, h = surface.get_size()
    if not pygame.display.is_fullscreen():
        return None, _("the display stayed a window")
    if w < MIN_SIZE[0] or h < MIN_SIZE[1]:
        return None, _("the screen is only {w} × {h}").format(w=w, h=h)
    return surface, ""


def open_window(settings: Settings, size: tuple[int, int] | None = None) -> Opened:
    """Open the window for the settings (or a given size); never leave the player without one."""
    if settings.fullscreen:
        surface, why = _fullscreen()
        if surface is not None:
            return Opened(surface, True)
        log.warning("fullscreen failed: %s", why)
        wanted, _skip = windowed_size(size or settings.resolution)
        fitted = fit_desktop(wanted)
        surface = pygame.display.set_mode(fitted, pygame.RESIZABLE)
        message = _(
            "Fullscreen could not be set ({why}), so the game runs in a window and fullscreen "
            "is turned off in Settings."
        ).format(why=why)
        return Opened(surface, False, message)
    wanted, message = windowed_size(size or settings.resolution)
    surface = pygame.display.set_mode(wanted, pygame.RESIZABLE)
    return Opened(surface, False, message)


def fit_desktop(size: tuple[int, int]) -> tuple[int, int]:
    """Return the size shrunk to the desktop (but never below MIN_SIZE)."""
    screen = desktop()
    if screen is None or screen[0] <= 0:
        return size
    w = max(MIN_SIZE[0], min(size[0], screen[0]))
    h = max(MIN_SIZE[1], min(size[1], screen[1]))
    return (w, h)


def safe_display(settings: Settings) -> Settings:
    """Return the settings with the display put back to a plain window of the default size."""
    default = Settings()
    w, h = fit_desktop(default.resolution)
    return attrs.evolve(settings, width=w, height=h, fullscreen=False, ui_scale=default.ui_scale)
