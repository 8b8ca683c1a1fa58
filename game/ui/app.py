"""The application: window, clock, the stack of screens, and the entry points the CLI calls."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pygame
import pygame_gui

from game.locale import _
from game.ui import game_flow, keys, language, theme
from game.ui.settings import Settings
from game.ui.sound import Sound
from game.ui.toast import Toast
from game.ui.window import MIN_SIZE, open_window, safe_display

if TYPE_CHECKING:
    from game.ui.guide import Guide
    from game.ui.screens.base import Screen
    from game.ui.session import Session

log = logging.getLogger(__name__)

FPS = 60
# Keys that commit something (end a turn, choose, close): a held key never repeats them.
NO_REPEAT = frozenset(
    [pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE]
    + [pygame.K_1 + i for i in range(9)]
    + [pygame.K_KP1 + i for i in range(9)]
    + [pygame.K_F1 + i for i in range(12)]
)


class App:
    """Own the window and a stack of screens; step one frame at a time."""

    def __init__(
        self,
        settings: Settings | None = None,
        settings_path: Path | None = None,
        size: tuple[int, int] | None = None,
        dev: bool = False,
        windowed: bool = False,
    ) -> None:
        pygame.init()
        warning = ""
        if settings is None:
            settings, warning = Settings.load_checked(settings_path)
        self.settings = settings
        self.settings_path = settings_path
        language.start(settings.language)
        self.dev = dev
        self.size = size or self.settings.resolution
        self.message = ""
        if windowed:
            self.settings = safe_display(self.settings)
            self.size = self.settings.resolution
            self._save_settings()
        self.surface = self._open_window(size)
        pygame.display.set_caption("Rapallo")
        pygame.key.set_repeat(300, 40)
        self.clock = pygame.time.Clock()
        self.running = True
        self.session: Session | None = None
        self.screens: list[Screen] = []
        self.frames = 0
        self.extra_scenarios: list[Path] = []
        self.toasts: list[Toast] = []
        self.console_history: list[str] = []
        self.console_lines: list[str] = []
        self.held_keys: set[int] = set()
        self.repeat = False
        s = self.settings
        self.sound = Sound(s.effects_volume, s.music_volume, s.mute)
        self.guide: Guide | None = None
        if warning:
            self.toast(warning)
        from game.ui.screens.menu import MainMenu

        self.push(MainMenu(self))

    def _open_window(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """Open (or reopen) the window; lay out for its real size; fall back if a mode fails."""
        opened = open_window(self.settings, size)
        self.size = opened.size
        if opened.fullscreen != self.settings.fullscreen:
            self.settings = attrs.evolve(self.settings, fullscreen=opened.fullscreen)
            self._save_settings()
        if not opened.fullscreen:
            self.settings = attrs.evolve(self.settings, width=self.size[0], height=self.size[1])
        self.message = opened.message
        return opened.surface

    def _save_settings(self) -> None:
        """Write the settings to their file; a refusal is logged, never fatal."""
        try:
            self.settings.save(self.settings_path)
        except OSError as exc:
            log.warning("settings: cannot save (%s)", exc)

    @property
    def scale(self) -> float:
        """Return the effective UI scale for the window size and the user's choice."""
        return theme.ui_scale(self.size, self.settings.ui_scale)

    @property
    def console_enabled(self) -> bool:
        """Return True when the author console may open (--dev or the setting)."""
        return self.dev or self.settings.console

    def toast(self, text: str) -> None:
        """Show a short message over the screen for a few seconds."""
        log.info("toast: %s", text)
        self.toasts = [t for t in self.toasts if t.alive][-2:] + [Toast(text)]

    @property
    def screen(self) -> Screen:
        """Return the screen on top of the stack (the one that gets input)."""
        return self.screens[-1]

    def screen_names(self) -> list[str]:
        """Return the names of the stacked screens, bottom first."""
        return [s.name for s in self.screens]

    def push(self, screen: Screen) -> None:
        """Put a screen on top of the stack."""
        self.screens.append(screen)

    def pop(self, screen: Screen | None = None) -> None:
        """Remove the top screen (or the given one) from the stack."""
        target = screen or self.screens[-1]
        if target in self.screens:
            self.screens.remove(target)
            target.close()
        if not self.screens:
            self.running = False

    def replace(self, screen: Screen) -> None:
        """Clear the stack and show one screen."""
        for old in self.screens:
            old.close()
        self.screens = [screen]

    def apply_settings(self, settings: Settings, save: bool = True) -> None:
        """Take new settings: reopen the window if needed and rebuild every screen."""
        old = self.settings
        self.settings = settings
        if (old.resolution, old.fullscreen) != (settings.resolution, settings.fullscreen):
            self.surface = self._open_window(settings.resolution)
            if self.message:
                self.toast(self.message)
        if save:
            self._save_settings()
        self.sound.set_levels(settings.effects_volume, settings.music_volume, settings.mute)
        if old.language != settings.language:
            language.switch(self, settings.language)
        self.rebuild_all()

    def resize(self, size: tuple[int, int]) -> None:
        """Follow a window resize: lay every screen out for the window's real size.

        A full screen is never turned back into a window here; a window smaller than the
        game needs is enlarged.
        """
        surface = pygame.display.get_surface()
        if self.settings.fullscreen and surface is not None:
            size = surface.get_size()
        elif size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]:
            size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
            self.toast(
                _("The window is at least {value} × {value2}; it was enlarged.").format(
                    value=MIN_SIZE[0], value2=MIN_SIZE[1]
                )
            )
        if not self.settings.fullscreen:
            if surface is None or surface.get_size() != size:
                surface = pygame.display.set_mode(size, pygame.RESIZABLE)
            self.settings = attrs.evolve(self.settings, width=size[0], height=size[1])
        if surface is None or surface.get_size() == self.size:
            return
        self.size = surface.get_size()
        self.surface = surface
        self.rebuild_all()

    def rebuild_all(self) -> None:
        """Rebuild the layout of every stacked screen."""
        for screen in list(self.screens):
            screen.rebuild()
            # Only the top screen is updated each frame; one drawn under an overlay must have
            # its new widgets laid out now, or it shows without them until it is on top again.
            screen.manager.update(0.0)
        if self.guide is not None:
            self.guide.rebuild()

    def open_game(self) -> None:
        """Show the game screen for the current session (behind a hand-over in hot seat)."""
        game_flow.open_game(self)

    def start_game(
        self, source: str, humans: list[str], seed: int | None = None, difficulty: int = 1
    ) -> str | None:
        """Start a new game and show it; return an error message if it cannot start."""
        return game_flow.start_game(self, source, humans, seed, difficulty)

    def load_game(self, path: Path) -> str | None:
        """Load a saved game and show it; return the reason if it cannot be loaded."""
        return game_flow.load_game(self, path)

    def track_keys(self, event: pygame.event.Event) -> None:
        """Note which keys are held, so a key-repeat press can be told from a fresh one."""
        self.repeat = False
        if event.type == pygame.KEYDOWN:
            self.repeat = event.key in self.held_keys
            self.held_keys.add(event.key)
        elif event.type == pygame.KEYUP:
            self.held_keys.discard(event.key)
        elif event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE):
            self.held_keys.clear()

    def handle_global(self, event: pygame.event.Event) -> bool:
        """Handle events every screen shares; return True when consumed."""
        if event.type == pygame.QUIT:
            self.leave_game(self.quit, _("Quit"), _("Quit anyway?"))
            return True
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return True
        if event.type == pygame.WINDOWRESIZED:
            self.resize((event.x, event.y))
            return True
        name = keys.command("global", event)
        if name == "help":
            from game.ui.screens.help import HelpOverlay

            if isinstance(self.screen, HelpOverlay):
                self.pop()
            else:
                self.push(HelpOverlay(self))
            return True
        if name == "console":
            return self.toggle_console()
        return False

    def toggle_console(self) -> bool:
        """Open the author console over the game screen, or close it; return True if done."""
        from game.ui.screens.console import ConsoleOverlay

        if isinstance(self.screen, ConsoleOverlay):
            self.pop()
            return True
        if not self.console_enabled or self.session is None or self.screen.name != "game":
            return False
        self.push(ConsoleOverlay(self, self.session))
        return True

    def quit(self) -> None:
        """Stop the main loop after this frame."""
        self.running = False

    def to_main_menu(self) -> None:
        """Leave the game for the main menu."""
        game_flow.to_main_menu(self)

    def leave_game(self, then: Callable[[], None], verb: str, question: str) -> None:
        """Do then (quit, or go to the menu); with unsaved moves, ask first and offer to save."""
        game_flow.leave_game(self, then, verb, question)

    def step(self, events: list[pygame.event.Event] | None = None, dt: float | None = None) -> None:
        """Run one frame: handle events (given, or from the queue), update, draw."""
        if events is None:
            events = pygame.event.get()
        for event in events:
            if not self.running:
                break
            self.track_keys(event)
            if self.repeat and event.type == pygame.KEYDOWN and event.key in NO_REPEAT:
                continue
            if event.type == pygame_gui.UI_BUTTON_PRESSED:
                self.sound.play("click")
            if self.guide is not None and self.guide.handle_event(event):
                continue
            if self.handle_global(event):
                continue
            if self.screens:
                self.screen.handle_event(event)
        if not self.running or not self.screens:
            return
        delta = dt if dt is not None else 1 / FPS
        self.screen.update(delta)
        if self.guide is not None:
            self.guide.update(delta)
        for toast in self.toasts:
            toast.tick(delta)
        self.toasts = [t for t in self.toasts if t.alive]
        self.draw()
        self.frames += 1

    def frame(self) -> None:
        """Run one frame with the events waiting in pygame's queue."""
        self.step()

    def draw(self) -> None:
        """Draw the stack from the topmost opaque screen up, then flip."""
        start = 0
        for i, screen in enumerate(self.screens):
            if screen.opaque:
                start = i
        for screen in self.visible_screens(start):
            screen.draw(self.surface)
        if self.guide is not None:
            self.guide.draw(self.surface)
        for i, toast in enumerate(reversed(self.toasts)):
            toast.draw(self.surface, self.scale, i)
        pygame.display.flip()

    def visible_screens(self, start: int) -> list[Screen]:
        """Return what to draw: the topmost opaque screen and the overlay on top of it.

        Overlays in between are left out, so dialogs never pile up veil on veil.
        """
        base = self.screens[start]
        top = self.screens[-1]
        return [base] if top is base else [base, top]

    def screenshot(self, path: Path | str) -> None:
        """Save what the window shows to a PNG file."""
        pygame.image.save(self.surface, str(path))

    def run(self) -> int:
        """Run the main loop at up to 60 frames a second until quit."""
        while self.running:
            dt = self.clock.tick(FPS) / 1000
            self.step(dt=dt)
        self.close()
        return 0

    def close(self) -> None:
        """Close every screen and shut pygame down."""
        for screen in self.screens:
            screen.close()
        self.screens = []
        theme.clear_caches()
        self.sound.close()
        pygame.quit()
